"""What every renderer shares: fonts, and a document's blocks cut into pages where a block starts a new one."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .model import Block, BudgetTable, Document

FAMILIES = {"carlito": "Carlito", "dejavu_sans": "DejaVu Sans", "dejavu_serif": "DejaVu Serif",
            "liberation_sans": "Liberation Sans", "liberation_serif": "Liberation Serif"}
_TTF = {
    "carlito": ("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf", "crosextra/Carlito-Italic.ttf"),
    "dejavu_sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf", "dejavu/DejaVuSans-Oblique.ttf"),
    "dejavu_serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf", "dejavu/DejaVuSerif-Italic.ttf"),
    "liberation_sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
                        "liberation/LiberationSans-Italic.ttf"),
    "liberation_serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
                         "liberation/LiberationSerif-Italic.ttf"),
}


def ttf(font: str) -> tuple[str, str, str]:
    """Regular, bold and italic TrueType files of a font (Debian's fonts-crosextra-carlito, fonts-dejavu,
    fonts-liberation)."""
    return tuple(f"/usr/share/fonts/truetype/{p}" for p in _TTF[font])


@dataclass(frozen=True)
class Page:
    blocks: tuple[Block, ...]
    landscape: bool


def pages(doc: Document) -> list[Page]:
    """The blocks between forced page breaks; a run of blocks is landscape where its first block says so."""
    out: list[list[Block]] = [[]]
    for block in doc.blocks:
        if block.page_break and out[-1]:
            out.append([])
        out[-1].append(block)
    return [Page(tuple(b), doc.style.landscape == "all" or b[0].landscape) for b in out if b]


def header_cells(table: BudgetTable) -> tuple[tuple[str, ...], ...]:
    """The header's cells over every column: an empty first cell where the unit is not printed there."""
    values = len(table.years) + (1 if table.header[-1] == ("I alt",) else 0)
    return table.header if len(table.header) > values else ((),) + table.header


@lru_cache(maxsize=None)
def _bold_font(font: str):
    from reportlab.pdfbase.ttfonts import TTFont
    return TTFont(f"measure-{font}-b", ttf(font)[1])


def widest_value_mm(doc: Document, table: BudgetTable) -> float:
    """How wide the widest amount of the table prints in bold, with a cell's padding (6 pt a side), in mm: no
    edition breaks an amount over two lines."""
    font = _bold_font(doc.style.font)
    texts = [run.text for line in table.lines for cell in line.cells for run in cell]
    points = max((font.stringWidth(text, doc.style.font_size) for text in texts), default=0)
    return (points + 12) * 0.3528 + 1


def column_widths(doc: Document, table: BudgetTable) -> tuple[float, float]:
    """The label column's and each value column's width in mm, fitted to a portrait page's width (a value
    column wider where its amounts need it)."""
    columns = len(header_cells(table)) - 1
    value = max(22 if columns > 3 else 24, math.ceil(widest_value_mm(doc, table)))
    room = 210 - 2 * doc.style.margin_mm - 2
    value = min(value, (room - 40) / columns)  # never wider than the page: the label keeps 40 mm
    return max(40, min(doc.style.label_width_mm, room - value * columns)), value
