"""Region → rows: each printed line with its cells and the evidence whether it continues the cell above."""

from __future__ import annotations

import statistics
from typing import Sequence

from ..model import RawRow
from .geometry import (
    Column,
    ExtractSettings,
    GRID_SHARE,
    Line,
    MIN_OUTDENT_EM,
    MIN_WRAP_PITCH_DIFFERENCE,
    Rule,
    Word,
    YEAR_PATTERN,
    line_to_cells,
    line_to_column_values,
)
from .regions import Region

# --- region → rows ---------------------------------------------------------


def _rule_between(upper: Line, lower: Line, rules: Sequence[Rule], x0: float, x1: float) -> bool:
    y_from = (upper.top + upper.bottom) / 2
    y_to = (lower.top + lower.bottom) / 2
    width = x1 - x0
    return any(
        y_from < r.y < y_to and min(r.x1, x1) - max(r.x0, x0) > 0.3 * width for r in rules
    )


def label_words(line: Line, columns: Sequence[Column], *, cell_gap_em: float) -> list[Word]:
    values = {id(w) for w, _ in line_to_column_values(line, columns, cell_gap_em=cell_gap_em)}
    return [w for w in line.words if id(w) not in values]


def cannot_continue(upper: Line, lower: Line, *, columns: Sequence[Column], limit: float, cell_gap_em: float) -> bool:
    """Whether the lower line is surely not the wrapped rest of the upper line's label.

    It is not when it starts clearly left of the upper line (a wrapped cell keeps
    its left edge; an indent of a mere space, as in " - item", proves nothing), or
    when its first word would still have fitted on the upper line: a wrapping
    renderer would have put it there.
    """
    upper_words = label_words(upper, columns, cell_gap_em=cell_gap_em)
    lower_words = label_words(lower, columns, cell_gap_em=cell_gap_em)
    if not upper_words or not lower_words:
        return False
    first = lower_words[0]
    if first.x0 < upper_words[0].x0 - MIN_OUTDENT_EM * first.size:
        return True
    space = 0.25 * first.size
    return upper_words[-1].x1 + space + (first.x1 - first.x0) < limit - 1


def lines_are_gridded(
    lines: Sequence[Line], rules: Sequence[Rule], *, columns: Sequence[Column], cell_gap_em: float
) -> bool:
    """A cell grid: a rule between (nearly) every two lines that carry values, since those are always two rows.

    Tables with a rule only under the header or above the total fail this, and are
    read by their spacing instead.
    """
    valued = [
        line for line in lines
        if line_to_column_values(line, columns, cell_gap_em=cell_gap_em)
    ]
    if len(valued) < 4:
        return False
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    separated = [_rule_between(a, b, rules, x0, x1) for a, b in zip(valued, valued[1:])]
    return sum(separated) >= GRID_SHARE * len(separated)


def _share_a_column(a: Line, b: Line, columns: Sequence[Column], cell_gap_em: float) -> bool:
    """Two lines with a value in the same column are two rows: a row has one value per column."""
    def used(line: Line) -> set[int]:
        return {c for _, c in line_to_column_values(line, columns, cell_gap_em=cell_gap_em)}

    return bool(used(a) & used(b))


def row_pitch(pitches: Sequence[float], ruled: Sequence[bool], two_rows: Sequence[bool]) -> float:
    """The pitch rows are set at: the least between two lines that are surely two rows (both carry a value
    in one column, nothing ruled between; a subtotal may stand further off), else the median of all open
    pitches. Where most rows wrap, the lines set at the font's leading outnumber the row gaps, and the plain
    median would be the leading."""
    apart = [p for p, r, two in zip(pitches, ruled, two_rows) if two and not r]
    open_pitches = [p for p, r in zip(pitches, ruled) if not r] or [0.0]
    return min(apart) if apart else statistics.median(open_pitches)


def label_limit(lines: Sequence[Line], columns: Sequence[Column], *, cell_gap_em: float, default: float) -> float:
    """How far right a label runs at most: its words stand left of the value columns (a header's
    "Budget" over a year column is no label), on the lines down to the last with values (a caption or
    note below the table is set to the page's width, not the label column's)."""
    first_column = min((x0 for x0, _ in columns), default=default)
    valued = [i for i, line in enumerate(lines) if line_to_column_values(line, columns, cell_gap_em=cell_gap_em)]
    rows = lines[: valued[-1] + 1] if valued else lines
    return max(
        (w.x1 for line in rows for w in label_words(line, columns, cell_gap_em=cell_gap_em) if w.x1 <= first_column),
        default=default,
    )


def gridded_evidence(
    lines: Sequence[Line], rules: Sequence[Rule], ruled: Sequence[bool], x0: float, x1: float
) -> list[bool | None]:
    """In a cell grid, lines with no rule between them share a cell; below the grid's last rule the grid tells
    nothing (a caption or note set under the table is no cell's rest)."""
    width = x1 - x0
    spanning = [r.y for r in rules if min(r.x1, x1) - max(r.x0, x0) > 0.3 * width]
    last_rule = max(spanning, default=float("inf"))
    return [
        None if not r and (a.top + a.bottom) / 2 > last_rule else not r
        for (a, b), r in zip(zip(lines, lines[1:]), ruled)
    ]


def rows_to_evidence(
    lines: Sequence[Line], rules: Sequence[Rule], *, columns: Sequence[Column], cell_gap_em: float
) -> list[bool | None]:
    """For each line after the first: does it continue the cell above (True), start a row (False), or can't we tell (None)?"""
    if len(lines) < 2:
        return []
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    pairs = list(zip(lines, lines[1:]))
    ruled = [_rule_between(a, b, rules, x0, x1) for a, b in pairs]
    if lines_are_gridded(lines, rules, columns=columns, cell_gap_em=cell_gap_em):
        return gridded_evidence(lines, rules, ruled, x0, x1)
    # From foot to foot: the size OCR gives a line varies with its letters, where the line stands varies less.
    pitches = [b.bottom - a.bottom for a, b in pairs]
    two_rows = [_share_a_column(a, b, columns, cell_gap_em) for a, b in pairs]
    size = statistics.median(line.size for line in lines)
    low = min([p for p, r in zip(pitches, ruled) if not r] or [0.0])
    typical = row_pitch(pitches, ruled, two_rows)
    margin = max(MIN_WRAP_PITCH_DIFFERENCE, 0.12 * size)
    limit = label_limit(lines, columns, cell_gap_em=cell_gap_em, default=x1)
    evidence: list[bool | None] = []
    for (a, b), pitch, is_ruled, apart in zip(pairs, pitches, ruled, two_rows):
        if is_ruled or pitch > typical + margin or apart:
            evidence.append(False)
        elif typical - low >= margin:
            evidence.append(pitch <= (low + typical) / 2)
        elif cannot_continue(a, b, columns=columns, limit=limit, cell_gap_em=cell_gap_em):
            evidence.append(False)
        else:
            evidence.append(None)
    return evidence


def region_to_rows(region: Region, rules: Sequence[Rule], *, settings: ExtractSettings) -> list[RawRow]:
    gap = settings.cell_gap_em
    evidence = [False, *rows_to_evidence(region.lines, rules, columns=region.columns, cell_gap_em=gap)]
    return [
        RawRow(
            cells=line_to_cells(line, region.columns, cell_gap_em=gap),
            page=region.page,
            bbox=line.bbox,
            continues=ev,
        )
        for line, ev in zip(region.lines, evidence)
    ]


def is_header(row: RawRow) -> bool:
    values = [v for v in row.values if v]
    return bool(values) and all(YEAR_PATTERN.match(v) for v in values)
