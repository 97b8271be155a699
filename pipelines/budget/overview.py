"""Overview tables ("Samlet oversigt"): one figure per area and an "I alt". Their lines are not budget lines;
each figure is checked against the stated Total of that area's own table for the same year.

    overview line 'Klima og miljø' 2026: 600  ↔  table 3 (Klima og miljø) 'Total' 2026: 500  → overview_mismatch
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

from .normalise import NormalisedTable
from .vocabulary import label_key

MIN_AREAS_NAMED = 2  # an overview names the areas of at least this many other tables


def _areas(tables: Sequence[NormalisedTable], *, besides: NormalisedTable) -> dict[str, NormalisedTable]:
    """The other tables by their area (as compared), where the area names one table only."""
    found: dict[str, list[NormalisedTable]] = {}
    for table in tables:
        if table is not besides and table.area:
            found.setdefault(label_key(table.area), []).append(table)
    return {key: named[0] for key, named in found.items() if len(named) == 1}


def is_overview(table: NormalisedTable, tables: Sequence[NormalisedTable]) -> bool:
    """Whether every line of the table names the area of another table (and at least MIN_AREAS_NAMED do)."""
    labels = {label_key(item.item) for item in table.items}
    areas = _areas(tables, besides=table)
    return len(labels) >= MIN_AREAS_NAMED and labels <= set(areas)


def mark_overviews(tables: Sequence[NormalisedTable]) -> list[NormalisedTable]:
    """The tables, each overview marked as one."""
    return [dataclasses.replace(t, overview=True) if is_overview(t, tables) else t for t in tables]


def overview_rows(overview: NormalisedTable, tables: Sequence[NormalisedTable]) -> list[dict]:
    """totals.csv's rows of level `overview`: each figure against its area table's stated Total that year."""
    areas = _areas(tables, besides=overview)
    rows = []
    for item in overview.items:
        table = areas[label_key(item.item)]
        total = next((t for t in table.totals if t.level == "table" and t.year == item.year), None)
        if total is None:
            continue  # the area's table states no Total for that year: nothing to hold the figure against
        difference = item.amount_tkr - total.stated_tkr
        rows.append({
            "year": item.year, "table_no": overview.table_no, "area": table.area, "level": "overview",
            "section": "", "section_key": "", "group": "", "item": item.item, "stated_tkr": item.amount_tkr,
            "page": item.page, "computed_tkr": total.stated_tkr, "difference_tkr": difference,
            "status": "ok" if difference == 0 else "mismatch",
            "label": f"'{total.label}' of table {table.table_no}",
        })
    return rows
