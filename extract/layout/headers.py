"""Header lines whose column titles are not all years: a row-total column beside the year columns
("1.000 kr. | 2024 | 2025 | 2026 | I alt"), or years with a word before them ("Budget 2024").

Such a line holds no value words at its end, so it is not part of the table's value lines; it is
recognised by its words standing over the table's value columns, at least one of them a year.
"""

from __future__ import annotations

import re
from typing import Sequence

from .geometry import VALUE_PATTERN, YEAR_PATTERN, Column, Line, Word

YEAR_IN_CELL = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
MAX_HEADER_GAP = 2.0  # line heights between a header line and the table's first line


def line_to_clusters(line: Line, *, cell_gap_em: float) -> list[list[Word]]:
    """The line's words in runs separated by a cell gap."""
    clusters: list[list[Word]] = []
    for word in line.words:
        if clusters and word.x0 - clusters[-1][-1].x1 < cell_gap_em * word.size:
            clusters[-1].append(word)
        else:
            clusters.append([word])
    return clusters


def _column_of_title(word: Word, columns: Sequence[Column]) -> int | None:
    """The column a title word belongs to: the one it stands inside, else the first whose right edge it does not
    pass (a right-aligned title wider than its amounts reaches left of them, over the column before); None
    right of the last column."""
    for i, (c0, c1) in enumerate(columns):
        if c0 - 1 <= word.x0 and word.x1 <= c1 + 1:
            return i
    return next((i for i, (c0, c1) in enumerate(columns) if word.x1 <= c1 + 1), None)


def _left_bound(columns: Sequence[Column], index: int, size: float) -> float:
    """How far left a column's title may start: not left of where the column before it starts, nor (for the
    first column) more than twice its width and a few letters left of it; a sentence running across the
    columns starts further left."""
    x0, x1 = columns[index]
    return columns[index - 1][0] if index > 0 else x0 - 2 * (x1 - x0) - 3 * size


def line_to_header_cells(line: Line, columns: Sequence[Column], *, cell_gap_em: float) -> tuple[str, ...] | None:
    """Label cell and one cell per column if the line is a header over these columns, else None.

    It is one when every run of words stands left of the columns (the unit) or over one of them, at
    least one column title holds a year, and no title is an amount."""
    cells = line_to_titles(line, columns, cell_gap_em=cell_gap_em)
    return cells if cells is not None and cells_are_header(cells[1:]) else None


def lines_to_header_cells(
    lines: Sequence[Line], columns: Sequence[Column], *, cell_gap_em: float, labels_x0: float | None = None
) -> tuple[str, ...] | None:
    """A header printed on several lines ("Budget" over "2024", "I alt" over "2024-26", the unit between
    them): the titles joined per column, top to bottom."""
    if any(lower.top - upper.bottom > 0.6 * lower.height for upper, lower in zip(lines, lines[1:])):
        return None
    parts = [line_to_titles(line, columns, cell_gap_em=cell_gap_em, labels_x0=labels_x0) for line in lines]
    if any(part is None for part in parts):
        return None
    cells = tuple(" ".join(p for p in column if p) for column in zip(*parts))
    return cells if cells_are_header(cells[1:]) else None


def line_to_titles(
    line: Line, columns: Sequence[Column], *, cell_gap_em: float, labels_x0: float | None = None
) -> tuple[str, ...] | None:
    """Label cell and one cell per column, when every run of words stands left of the columns or over one.
    `labels_x0`, where the table's labels start: no column title starts there (a heading over the table does)."""
    if not columns:
        return None
    first = min(c[0] for c in columns)
    label: list[str] = []
    cells = [""] * len(columns)
    for cluster in line_to_clusters(line, cell_gap_em=cell_gap_em):
        if cluster[-1].x1 < first and not any(cells):
            label.append(" ".join(w.text for w in cluster))  # the unit, left of the columns
            continue
        for word in cluster:
            column = _column_of_title(word, columns)
            if (
                column is None
                or word.x0 < _left_bound(columns, column, word.size)
                or (labels_x0 is not None and word.x0 <= labels_x0 + 1)
            ):
                return None  # beyond the last column, or a sentence running across the columns
            cells[column] = f"{cells[column]} {word.text}".strip()
    return (" ".join(label), *cells)


def cells_are_header(cells: Sequence[str]) -> bool:
    """Column titles: at least one holds a year, and none is an amount ("2024", "I alt"; not "1.200")."""
    filled = [c for c in cells if c]
    return any(YEAR_IN_CELL.search(c) for c in filled) and not any(
        VALUE_PATTERN.match(c) and not YEAR_PATTERN.match(c) for c in filled
    )


MAX_HEADER_LINES = 3


def header_line_above(
    first: Line, above: Sequence[Line], columns: Sequence[Column], *, cell_gap_em: float,
    labels_x0: float | None = None,
):
    """The header right above a table's first line: its lines and its cells; else None. `above` are the text
    lines over the first line, nearest first; a header may take up to MAX_HEADER_LINES of them."""
    if not above or first.top - above[0].bottom > MAX_HEADER_GAP * first.height:
        return None
    for count in range(min(MAX_HEADER_LINES, len(above)), 0, -1):  # the whole header, not its last line only
        lines = list(above[:count])[::-1]
        top, bottom = (
            line_to_titles(line, columns, cell_gap_em=cell_gap_em, labels_x0=labels_x0) for line in (lines[0], lines[-1])
        )
        if top is None or not any(top[1:]) or bottom is None or not any(bottom[1:]):
            continue  # a header's top and bottom lines carry column titles; a heading or a wrapped label does not
        cells = lines_to_header_cells(lines, columns, cell_gap_em=cell_gap_em, labels_x0=labels_x0)
        if cells is not None:
            return lines, cells
    return None


def header_lines_over_years(
    years: Line, above: Sequence[Line], columns: Sequence[Column], *, cell_gap_em: float,
    labels_x0: float | None = None,
):
    """The lines of a header whose last line is a line of years ("1.000 kr. | Budget | Budget | I alt" over
    " | 2023 | 2024 |"): the lines over it that carry column titles, closest first (`above`), and the cells of
    the whole header joined per column; None when no such line stands right above the years. A heading or a
    wrapped label above the header carries no column title and is not taken."""
    for count in range(min(MAX_HEADER_LINES - 1, len(above)), 0, -1):
        lines = [*list(above[:count])[::-1], years]
        titles = [line_to_titles(line, columns, cell_gap_em=cell_gap_em, labels_x0=labels_x0) for line in lines[:-1]]
        if any(t is None for t in titles) or not any(titles[0][1:]):
            continue  # the top line carries column titles (a line between may hold the unit alone)
        cells = lines_to_header_cells(lines, columns, cell_gap_em=cell_gap_em, labels_x0=labels_x0)
        if cells is not None:
            return lines[:-1], cells
    return None
