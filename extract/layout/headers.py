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


def _column_under(x0: float, x1: float, columns: Sequence[Column]) -> int | None:
    """The value column a run of words stands over most (None if over none)."""
    overlaps = [(min(x1, c1) - max(x0, c0), i) for i, (c0, c1) in enumerate(columns)]
    best = max(overlaps, default=(0.0, None))
    return best[1] if best[0] > 0 else None


def line_to_header_cells(line: Line, columns: Sequence[Column], *, cell_gap_em: float) -> tuple[str, ...] | None:
    """Label cell and one cell per column if the line is a header over these columns, else None.

    It is one when every run of words stands left of the columns (the unit) or over one of them, at
    least one column title holds a year, and no title is an amount."""
    if not columns:
        return None
    first = min(c[0] for c in columns)
    label: list[str] = []
    cells = [""] * len(columns)
    for cluster in line_to_clusters(line, cell_gap_em=cell_gap_em):
        text = " ".join(w.text for w in cluster)
        column = _column_under(cluster[0].x0, cluster[-1].x1, columns)
        if column is None:
            if cluster[-1].x1 < first and not any(cells):
                label.append(text)
                continue
            return None
        cells[column] = f"{cells[column]} {text}".strip()
    if not any(YEAR_IN_CELL.search(c) for c in cells):
        return None
    if any(VALUE_PATTERN.match(c) and not YEAR_PATTERN.match(c) for c in cells if c):
        return None
    return (" ".join(label), *cells)


def header_line_above(first: Line, above: Line | None, columns: Sequence[Column], *, cell_gap_em: float):
    """The line right above a table's first line, and its cells, if it is the table's header; else None."""
    if above is None or first.top - above.bottom > MAX_HEADER_GAP * first.height:
        return None
    cells = line_to_header_cells(above, columns, cell_gap_em=cell_gap_em)
    return (above, cells) if cells is not None else None
