"""Tables through camelot: the same table regions, captions and footnotes, camelot's own reading of the cells.

The flavour follows the page: ``lattice`` where rules draw a cell grid around
the table, ``stream`` where the table is open.
"""

from __future__ import annotations

import re
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
from .layout.headers import cells_are_header
from .model import ExtractedDocument, RawRow
from .pdfplumber_extractor import read_pages

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
    header: tuple[str, ...] = ()
    rows: list[RawRow] = []
    for cells, (y_top, y_bottom) in zip(grid, spans):
        cells = [re.sub(r"[ \t]+", " ", c).strip() for c in cells]
        if not any(cells):
            continue
        label = " ".join(c for i, c in enumerate(cells) if i not in value_columns and c)
        values = tuple(cells[i] for i in value_columns)
        top, bottom = page.height - y_top, page.height - y_bottom
        if not rows and region.header and region.rows and (top + bottom) / 2 < region.rows[0].bbox[1]:
            header = region.header  # the layout's header, read over all its lines (titles on two lines, a unit between)
            continue
        if not header and not rows and values and cells_are_header(values):
            header = (label, *values)
            continue
        own = _nearest_row(own_rows, top, bottom)
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
            found = camelot.read_pdf(
                str(path),
                pages=str(page.number),
                flavor=flavour,
                table_areas=[_area(region, page)],
                password=password,
                suppress_stdout=True,
                **options,
            )
            if not found:
                continue
            table = max(found, key=lambda t: t.shape[0])
            grid = table.df.values.tolist()
            header, rows = grid_to_rows(grid, table.rows, region=region, page=page, lattice=flavour == "lattice")
            if _plausible(rows, region):
                region.header = header or region.header
                region.rows = rows
                break


def _plausible(rows: Sequence[RawRow], region: Region) -> bool:
    """camelot's reading has a value column and at least as many value rows as the layout saw."""
    own = sum(1 for r in region.rows if any(r.values))
    return bool(rows) and len(rows[0].cells) > 1 and sum(1 for r in rows if any(r.values)) >= own


def extract(
    path: Path, *, settings: ExtractSettings, password: str | None = None, processes: int = 1
) -> ExtractedDocument:
    """Every table of the PDF, read in this one process (`processes` is for extractors that can share the work)."""
    pages = read_pages(path, password=password)
    layouts = pages_to_layouts(pages, settings=settings)
    for page, layout in zip(pages, layouts):
        if layout.regions:
            _read_regions(path, page, layout.regions, password=password)
    tables, text = layouts_to_tables(layouts, source=path.name, extractor=NAME)
    return ExtractedDocument(path.name, len(pages), tuple(tables), tuple(text))
