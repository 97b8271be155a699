"""A region's header lines found among the page's lines: a header over label-only lines (a section heading), and
the lines of a header over its line of years."""

from __future__ import annotations

from typing import Sequence

from .geometry import ExtractSettings, Line
from .headers import MAX_HEADER_LINES, header_line_above, header_lines_over_years
from .regions import Kinded, Region, _fits_left_of as fits_left_of

# A table's header (and the section heading under it) may repeat at the top of several pages, each table there
# starting a page, and so read as page furniture; right above the values and over their columns it is the
# table's header all the same.
HEADER_KINDS = ("text", "furniture")


def header_above(region: Region, kinded: Sequence[Kinded], settings: ExtractSettings):
    """The header line standing above the region's first value line (over label-only lines, such as a
    section heading), its cells, and those label lines; None if there is none."""
    first = region.lines[0]
    index = next(i for i, k in enumerate(kinded) if k.line is first)
    labels: list[Line] = []
    lower = first
    for at in range(index - 1, -1, -1):
        k = kinded[at]
        if k.kind not in HEADER_KINDS:
            return None
        above = []
        for j in range(at, max(at - MAX_HEADER_LINES, -1), -1):
            if kinded[j].kind not in HEADER_KINDS:
                break
            above.append(kinded[j].line)
        found = header_line_above(
            lower, above, region.columns, cell_gap_em=settings.cell_gap_em,
            labels_x0=min(line.x0 for line in region.lines),
        )
        if found is not None:
            return found[0], found[1], labels[::-1]
        if not fits_left_of(k.line, region.columns) or lower.top - k.line.bottom > 2 * lower.height:
            return None
        labels.append(k.line)
        lower = k.line
    return None


def header_over_years(region: Region, kinded: Sequence[Kinded], settings: ExtractSettings):
    """The header lines right over the region's first line, a line of years, and the whole header's cells."""
    index = next(i for i, k in enumerate(kinded) if k.line is region.lines[0])
    above = []
    for k in reversed(kinded[max(index - MAX_HEADER_LINES + 1, 0):index]):
        if k.kind not in HEADER_KINDS:
            break
        above.append(k.line)
    found = header_lines_over_years(
        region.lines[0], above, region.columns, cell_gap_em=settings.cell_gap_em,
        labels_x0=min(line.x0 for line in region.lines[1:] or region.lines),
    )
    return None if found is None else (list(found[0]), found[1])
