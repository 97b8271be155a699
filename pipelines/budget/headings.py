"""The heading that introduces a table: where a table has no caption, its area is that heading.

A heading is a line of running text set larger than the body text, standing after the previous table and
before this one; the document's title line is not one.
"""

from __future__ import annotations

import re
from typing import Sequence

from projektpulje.extract import RawTable, TextLine

HEADING_SCALE = 1.1  # a heading is set at least this much larger than the body text


def body_size(lines: Sequence[TextLine]) -> float:
    """The size most of the running text is set in (by characters: a few headings do not count)."""
    weight: dict[float, int] = {}
    for line in lines:
        weight[round(line.size, 1)] = weight.get(round(line.size, 1), 0) + len(line.text)
    return max(weight, key=lambda s: (weight[s], -s))


def tables_to_headings(
    text: Sequence[TextLine], tables: Sequence[RawTable], *, title_pattern: str
) -> dict[tuple[int, int], str]:
    """(page, index on page) of each table → the heading right before it ('' where there is none)."""
    body = [line for line in text if line.kind == "text"]
    if not body:
        return {}
    size = body_size(body)
    headings = [
        line for line in body
        if line.size >= HEADING_SCALE * size and not re.match(title_pattern, line.text, re.IGNORECASE)
    ]
    found, previous = {}, (0, -1.0)
    for table in sorted(tables, key=lambda t: (t.page, t.bbox[1])):
        start = (table.page, table.bbox[1])
        before = [h for h in headings if previous < (h.page, h.bbox[1]) < start]
        found[(table.page, table.index)] = re.sub(r"\s+", " ", before[-1].text).strip() if before else ""
        previous = start
    return found
