"""Tables through camelot: the same table regions, captions and footnotes, camelot's own reading of the cells.

The flavour follows the page: ``lattice`` where rules draw a cell grid around
the table, ``stream`` where the table is open.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Sequence

from .layout import (
    VALUE_PATTERN,
    ExtractSettings,
    PageContent,
    Region,
    layouts_to_tables,
    pages_to_layouts,
    region_is_ruled,
)
from .decoding import pages_to_undecoded
from .layout.marks import CONFUSED_MARKS
from .pictures import layouts_to_pictures
from .layout.headers import cells_are_header
from .model import ExtractedDocument, RawRow, MapPages, in_order
from .pdf_input import check_pdf_file, rebuilt_for_pdfminer
from .plumber_pages import read_pages
from .text import normalise_text

NAME = "camelot"
AREA_PADDING = 6.0  # points around the text of a table, so a grid's outer rules fall inside
VALUE_COLUMN_SHARE = 0.6  # a column is a value column when this share of its filled cells are values


def _area(region: Region, page: PageContent) -> str:
    x0, top, x1, bottom = region.bbox
    pad = AREA_PADDING
    return f"{x0 - pad},{page.height - top + pad},{x1 + pad},{page.height - bottom - pad}"


def _value_columns(grid: Sequence[Sequence[str]]) -> list[int]:
    columns = []
    for c in range(1, max((len(r) for r in grid), default=0)):
        filled = [r[c].strip() for r in grid if c < len(r) and r[c].strip()]
        if filled and sum(bool(VALUE_PATTERN.match(v)) for v in filled) >= VALUE_COLUMN_SHARE * len(filled):
            columns.append(c)
    return columns


def respaced(text: str, words: frozenset[str]) -> str:
    """camelot's text with the word breaks of the word rule every extractor shares: two pieces are
    one word where together they are a word of the table and apart they are not."""
    pieces: list[str] = []
    for piece in text.split(" "):
        if pieces and pieces[-1] + piece in words and not (pieces[-1] in words and piece in words):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return " ".join(pieces)


LEADING_STRAY = re.compile(r"^[.·•\-–—\s]+")


def _unmarked(text: str) -> str:
    """The text without footnote marks as OCR reads them, blanks, and dots or dashes before it ('-.DK')."""
    return "".join(ch for ch in LEADING_STRAY.sub("", text) if ch not in CONFUSED_MARKS and not ch.isspace())


def _with_marks_read(own: RawRow, label: str, values: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """camelot's cells, where they differ from the layout's reading of the row only by marks the layout
    has read (an OCR'd footnote mark, see layout/marks.py) or by the order of the same words (OCR'd words
    stand a little above or below their line, and camelot orders them by height first), as the layout read them."""
    cells = [
        mine if _unmarked(mine) == _unmarked(theirs) or sorted(mine.split()) == sorted(theirs.split()) else theirs
        for mine, theirs in zip(own.cells, (label, *values))
    ]
    return cells[0], tuple(cells[1:])


def _nearest_row(rows: Sequence[RawRow], top: float, bottom: float) -> RawRow | None:
    inside = [r for r in rows if top <= (r.bbox[1] + r.bbox[3]) / 2 <= bottom]
    return inside[0] if len(inside) == 1 else None


def _label_x0(own: RawRow | None, label: str, own_rows: Sequence[RawRow], region: Region) -> float:
    """Where the row's label starts, as the layout saw it (a sub-group is indented): from the layout's row at
    the same height, else from the one with the same label."""
    if own is None:
        own = next((r for r in own_rows if label and r.label == label), None)
    return own.bbox[0] if own is not None else region.bbox[0]


def grid_to_rows(
    grid: Sequence[Sequence[str]],
    spans: Sequence[tuple[float, float]],
    *,
    region: Region,
    page: PageContent,
    lattice: bool,
) -> tuple[tuple[str, ...], list[RawRow]]:
    """camelot's cell grid → header cells and raw rows (label first, then the value columns)."""
    value_columns = _value_columns(grid)
    own_rows = [*([RawRow(region.header, region.page, region.bbox)] if region.header else []), *region.rows]
    words = frozenset(w.text for line in region.lines for w in line.words)
    header: tuple[str, ...] = ()
    rows: list[RawRow] = []
    for cells, (y_top, y_bottom) in zip(grid, spans):
        cells = [respaced(re.sub(r"[ \t]+", " ", normalise_text(c)).strip(), words) for c in cells]
        if not any(cells):
            continue
        label = " ".join(c for i, c in enumerate(cells) if i not in value_columns and c)
        values = tuple(cells[i] for i in value_columns)
        top, bottom = page.height - y_top, page.height - y_bottom
        if not region.bbox[1] <= (top + bottom) / 2 <= region.bbox[3]:
            continue  # a line beyond the region (a footnote under it): the layout says where the table ends
        if not rows and region.header and region.rows and (top + bottom) / 2 < region.rows[0].bbox[1]:
            header = region.header  # the layout's header, read over all its lines (titles on two lines, a unit between)
            continue
        if not header and not rows and values and cells_are_header(values):
            header = (label, *values)
            continue
        own = _nearest_row(own_rows, top, bottom)
        if own is not None and len(own.cells) == 1 + len(values):
            label, values = _with_marks_read(own, label, values)
        rows.append(
            RawRow(
                cells=(label, *values),
                page=region.page,
                bbox=(_label_x0(own, label, own_rows, region), top, region.bbox[2], bottom),
                continues=False if lattice or own is None and not rows else (own.continues if own else None),
            )
        )
    return header, rows


def _read_regions(path: Path, page: PageContent, regions: Sequence[Region], *, password: str | None) -> None:
    import camelot

    for region in regions:
        flavours = ["lattice", "stream"] if region_is_ruled(region, page) else ["stream"]
        for flavour in flavours:
            options = {"engine": "vector"} if flavour == "lattice" else {}
            try:
                found = camelot.read_pdf(
                    str(path),
                    pages=str(page.number),
                    flavor=flavour,
                    table_areas=[_area(region, page)],
                    password=password,
                    suppress_stdout=True,
                    **options,
                )
            except Exception:  # camelot fails on some regions (an empty row group): the layout's own reading stays
                continue
            if not found:
                continue
            table = max(found, key=lambda t: t.shape[0])
            grid = table.df.values.tolist()
            header, rows = grid_to_rows(grid, table.rows, region=region, page=page, lattice=flavour == "lattice")
            if bool(header) != bool(region.header):
                continue  # camelot sees a header row where the layout sees none, or none where it sees one
            if _plausible(rows, region):
                region.header = region.header or header  # the layout's, as the tables continued overleaf are joined by it
                region.rows = rows
                break


def _plausible(rows: Sequence[RawRow], region: Region) -> bool:
    """camelot's reading has a value column, at least as many value rows as the layout saw, and the
    layout's values on the same printed lines (a text layer whose words stand a little off their line,
    as OCR's do, can make camelot hand an amount to the row above or below)."""
    own = [r for r in region.rows if any(r.values)]
    if not rows or len(rows[0].cells) <= 1 or sum(1 for r in rows if any(r.values)) < len(own):
        return False
    return all(_same_values_on_the_line(r, rows) for r in own) and not any(
        _joins_rows(r, region.rows) or _holds_another_line(r, region.rows) for r in rows
    )


def _holds_another_line(row: RawRow, own: Sequence[RawRow]) -> bool:
    """A camelot label that holds the words of one of the layout's rows and, besides, all the words of the
    rows next to it that the layout does not know to continue it (a group heading put in the cell above)."""
    words = Counter(row.label.split())
    starts = [Counter(r.label.split()) for r in own if r.continues is not True and r.label.strip()]
    for i, first in enumerate(starts):
        if first - words:
            continue
        for neighbours in (starts[i + 1:], starts[:i][::-1]):
            rest = words - first
            for other in neighbours:
                if not rest or other - rest:
                    break
                rest -= other
            if not rest and words != first:
                return True
    return False


def _joins_rows(row: RawRow, own: Sequence[RawRow]) -> bool:
    """A camelot row over two of the layout's rows that the layout does not know to be one cell (a heading glued
    to a line above it: the wording decides that, not camelot)."""
    inside = [r for r in own if row.bbox[1] <= (r.bbox[1] + r.bbox[3]) / 2 <= row.bbox[3]]
    return any(r.continues is not True for r in inside[1:])


def _same_values_on_the_line(own: RawRow, rows: Sequence[RawRow]) -> bool:
    centre = (own.bbox[1] + own.bbox[3]) / 2
    wanted = [_unmarked(v) for v in own.values]
    return any(
        r.bbox[1] <= centre <= r.bbox[3] and [_unmarked(v) for v in r.values] == wanted
        for r in rows
    )


def extract(
    path: Path, *, settings: ExtractSettings, password: str | None = None, map_pages: MapPages = in_order
) -> ExtractedDocument:
    """Every table of the PDF, read in this one process (`map_pages` is for an extractor that reads page ranges apart)."""
    repairs = check_pdf_file(path)
    pages = read_pages(path, password=password)
    with rebuilt_for_pdfminer(path, repairs) as readable:
        layouts = pages_to_layouts(pages, settings=settings)
        for page, layout in zip(pages, layouts):
            if layout.regions:
                _read_regions(readable, page, layout.regions, password=password)
    tables, text = layouts_to_tables(layouts, source=path.name, extractor=NAME, settings=settings)
    return ExtractedDocument(
        path.name, len(pages), tuple(tables), tuple(text), repairs=repairs,
        undecoded=pages_to_undecoded(pages, scripts=settings.scripts), pictures=layouts_to_pictures(pages, layouts),
    )
