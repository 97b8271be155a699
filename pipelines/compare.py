"""Two editions' budget lines side by side: what is new, removed, changed or unchanged.

Lines are matched by area, section, group and item. An area whose lines reappear under
another name in the new edition is taken as renamed; a line whose label changed a little
("Landsbyprisen 2021" → "Landsbyprisen 2022") is taken as the same line.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pandas loads when editions are compared, not when the package is imported
    import pandas as pd

COMPARE_COLUMNS = [
    "area", "section", "group", "item", "old_tkr", "new_tkr", "change_tkr", "status",
    "old_area", "old_item", "old_year", "new_year",
]
AREA_NAME_COLUMNS = ["name", "area", "old_year", "new_year"]  # area-names.csv: an earlier name and the area's
SIMILAR_LABEL = 0.85  # difflib ratio from which two labels in the same place are one line
RENAMED_SHARE = 0.5  # share of an area's lines that must reappear under the new name


@dataclass(frozen=True)
class EditionLine:
    area: str
    section: str
    group: str
    item: str
    tkr: Decimal

    def key(self, area: str | None = None) -> tuple[str, str, str, str]:
        return (area or self.area, self.section.lower(), self.group.lower(), self.item.lower())


def edition_year(items: pd.DataFrame, *, year: int | None) -> int | None:
    """The budget year an edition is compared on: its own, else the first year of its tables."""
    years = sorted(int(y) for y in items["year"].unique())
    return year if year in years else (years[0] if years else None)


def items_to_lines(items: pd.DataFrame, *, year: int | None) -> list[EditionLine]:
    """The lines of one edition for its own budget year (the first year of its tables when it has several)."""
    chosen = edition_year(items, year=year)
    rows = items[items["year"].astype(int) == chosen] if chosen is not None else items.iloc[0:0]
    return [
        EditionLine(r["area"], r["section"], r["group"], r["item"], Decimal(str(r["amount_tkr"])))
        for _, r in rows.iterrows()
    ]


def renamed_areas(old: Sequence[EditionLine], new: Sequence[EditionLine]) -> dict[str, str]:
    """Old area → new area, for areas that vanish while their lines reappear under a new name."""
    old_areas, new_areas = {l.area for l in old}, {l.area for l in new}
    renames = {}
    for area in sorted(old_areas - new_areas):
        keys = {l.key()[1:] for l in old if l.area == area}
        overlap = Counter(l.area for l in new if l.area not in old_areas and l.key()[1:] in keys)
        if overlap:
            candidate, shared = overlap.most_common(1)[0]
            if shared >= RENAMED_SHARE * len(keys) and candidate not in renames.values():
                renames[area] = candidate
    return renames


def _similar(a: EditionLine, b: EditionLine) -> float:
    return difflib.SequenceMatcher(a=a.item.lower(), b=b.item.lower()).ratio()


def match_lines(old: Sequence[EditionLine], new: Sequence[EditionLine], renames: dict[str, str]) -> list[tuple[EditionLine | None, EditionLine | None]]:
    """Pairs (old, new): exact matches, then small label edits in the same area, section and group."""
    by_key: dict[tuple, list[EditionLine]] = {}
    for line in new:
        by_key.setdefault(line.key(), []).append(line)
    pairs: list[tuple[EditionLine | None, EditionLine | None]] = []
    unmatched_old = []
    for line in old:
        candidates = by_key.get(line.key(renames.get(line.area, line.area)))
        if candidates:
            pairs.append((line, candidates.pop(0)))
        else:
            unmatched_old.append(line)
    unmatched_new = [l for lines in by_key.values() for l in lines]
    for line in unmatched_old:
        place = line.key(renames.get(line.area, line.area))[:3]
        near = [n for n in unmatched_new if n.key()[:3] == place and _similar(line, n) >= SIMILAR_LABEL]
        if near:
            best = max(near, key=lambda n: _similar(line, n))
            unmatched_new.remove(best)
            pairs.append((line, best))
        else:
            pairs.append((line, None))
    pairs.extend((None, line) for line in new if any(line is n for n in unmatched_new))
    return pairs


def _status(old: EditionLine | None, new: EditionLine | None) -> str:
    if old is None:
        return "new"
    if new is None:
        return "removed"
    return "unchanged" if old.tkr == new.tkr and old.item == new.item else "changed"


def compare_editions(
    old_items: pd.DataFrame, new_items: pd.DataFrame, *, old_year: int | None = None, new_year: int | None = None
) -> tuple[pd.DataFrame, dict[str, str]]:
    """compare.csv rows, in the new edition's order (removed lines after), and the renamed areas. Each row names
    the line as the old edition printed it (`old_area`, `old_item`; empty for a new line) and the years compared."""
    old_year, new_year = edition_year(old_items, year=old_year), edition_year(new_items, year=new_year)
    old, new = items_to_lines(old_items, year=old_year), items_to_lines(new_items, year=new_year)
    renames = renamed_areas(old, new)
    order = {id(l): i for i, l in enumerate(new)}
    pairs = sorted(match_lines(old, new, renames), key=lambda p: order.get(id(p[1]), len(new)))
    rows = []
    for before, after in pairs:
        shown = after or before
        area = after.area if after else renames.get(before.area, before.area)
        old_tkr = before.tkr if before else None
        new_tkr = after.tkr if after else None
        rows.append({
            "area": area, "section": shown.section, "group": shown.group, "item": shown.item,
            "old_tkr": old_tkr, "new_tkr": new_tkr,
            "change_tkr": (new_tkr or Decimal(0)) - (old_tkr or Decimal(0)),
            "status": _status(before, after),
            "old_area": before.area if before else "", "old_item": before.item if before else "",
            "old_year": old_year, "new_year": new_year,
        })
    import pandas as pd

    return pd.DataFrame(rows, columns=COMPARE_COLUMNS, dtype=object), renames


def renames_to_rows(renames: dict[str, str], *, old_year: int | None, new_year: int | None) -> list[dict]:
    """area-names.csv's rows (and the `area_names` table's): each earlier name an area went by, the name it has in
    the newer edition, and the two editions' years."""
    return [{"name": old, "area": new, "old_year": old_year, "new_year": new_year} for old, new in sorted(renames.items())]


def area_names_frame(compared: pd.DataFrame) -> pd.DataFrame:
    """What compare knows of renamed areas, as a frame (area-names.csv's columns)."""
    old_year, new_year = compared.attrs.get("years", (None, None))
    rows = renames_to_rows(compared.attrs.get("renamed_areas", {}), old_year=old_year, new_year=new_year)
    import pandas as pd

    return pd.DataFrame(rows, columns=AREA_NAME_COLUMNS).astype(
        {"name": "str", "area": "str", "old_year": "Int64", "new_year": "Int64"})


def summary_lines(compared: pd.DataFrame, renames: dict[str, str]) -> list[str]:
    """One line per area: its counts by status, and its old name if it was renamed."""
    lines = []
    old_names = {new: old for old, new in renames.items()}
    for area in dict.fromkeys(compared["area"]):
        rows = compared[compared["area"] == area]
        counts = Counter(rows["status"])
        parts = [f"{counts[s]} {s}" for s in ("new", "removed", "changed", "unchanged") if counts[s]]
        change = sum(rows["change_tkr"], Decimal(0))
        renamed = f" (renamed from {old_names[area]})" if area in old_names else ""
        lines.append(f"{area}{renamed}: {', '.join(parts)}; change {change:+} (1.000 kr.)")
    return lines


def backwards_note(old_year: int | None, new_year: int | None) -> str:
    """A line saying that OLD is the later edition (the changes then run backwards), or empty."""
    if old_year is not None and new_year is not None and old_year > new_year:
        return f"OLD is the {old_year} edition, later than NEW ({new_year}): the changes run backwards"
    return ""
