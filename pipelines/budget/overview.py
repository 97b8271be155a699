"""Overview tables ("Samlet oversigt"): one figure per area and an "I alt". Their lines are not budget lines;
each figure is checked against the stated Total of that area's own table for the same year.

    overview line 'Klima og miljø' 2026: 600  ↔  table 3 (Klima og miljø) 'Total' 2026: 500  → overview_mismatch

An overview is told by what its lines say, not by its caption: every line names the area of another table of
the document. Names are compared without their spacing, since a narrow first column may break a long area
name inside a word ("Sundhedsinnovati" / "on"). Where it names two areas or more, that is enough; where it
names one (a document of one area), the table must also have no section heading, as no budget table lacks one.
The areas include those of budget tables that could not be read (an `unread_table`, named by its caption): an
overview of them is still no budget table, though its figures for them have no Total to be held against.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from .normalise import NormalisedTable
from .vocabulary import label_key

MIN_AREAS_NAMED = 2  # an overview names the areas of at least this many other tables; one, if it has no section


def area_key(text: str) -> str:
    """The form an overview's line and an area are compared in: as labels are, and without any spacing."""
    return re.sub(r"\s+", "", label_key(text))


def _areas(tables: Sequence[NormalisedTable], *, besides: NormalisedTable) -> dict[str, NormalisedTable]:
    """The other tables by their area (as compared), where the area names one table only."""
    found: dict[str, list[NormalisedTable]] = {}
    for table in tables:
        if table is not besides and table.area:
            found.setdefault(area_key(table.area), []).append(table)
    return {key: named[0] for key, named in found.items() if len(named) == 1}


def is_overview(table: NormalisedTable, tables: Sequence[NormalisedTable], *, unread_areas: Sequence[str] = ()) -> bool:
    """Whether every line of the table names the area of another table (read, or among `unread_areas`: those of
    the budget tables not read), and at least MIN_AREAS_NAMED do (or one, in a table without any section heading)."""
    labels = {area_key(item.item) for item in table.items}
    named = set(_areas(tables, besides=table)) | {area_key(area) for area in unread_areas if area}
    if not labels or not labels <= named:
        return False
    return len(labels) >= MIN_AREAS_NAMED or not any(item.section_key for item in table.items)


def mark_overviews(tables: Sequence[NormalisedTable], *, unread_areas: Sequence[str] = ()) -> list[NormalisedTable]:
    """The tables, each overview marked as one (`unread_areas`: the areas of the budget tables not read)."""
    return [dataclasses.replace(t, overview=True) if is_overview(t, tables, unread_areas=unread_areas) else t
            for t in tables]


def overview_rows(overview: NormalisedTable, tables: Sequence[NormalisedTable]) -> list[dict]:
    """totals.csv's rows of level `overview`: each figure against its area table's stated Total that year."""
    areas = _areas(tables, besides=overview)
    rows = []
    for item in overview.items:
        table = areas.get(area_key(item.item))
        total = next((t for t in table.totals if t.level == "table" and t.year == item.year), None) if table else None
        if total is None:
            continue  # the area's table was not read, or states no Total that year: nothing to hold the figure against
        difference = item.amount_tkr - total.stated_tkr
        rows.append({
            "year": item.year, "table_no": overview.table_no, "area": table.area, "level": "overview",
            "section": "", "section_key": "", "group": "", "item": item.item, "stated_tkr": item.amount_tkr,
            "page": item.page, "computed_tkr": total.stated_tkr, "difference_tkr": difference,
            "status": "ok" if difference == 0 else "mismatch",
            "label": f"'{total.label}' of table {table.table_no}",
        })
    return rows
