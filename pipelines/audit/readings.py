"""Readings chosen by the document's own sums.

A budget table states its own checks: subtotals, a Total, row totals. Where the first reading of a table
region fails them (a stated total disagrees with its rows) or leaves printed amounts unread (the table
could not be read), another reading of the same region is taken when it reads at least as many printed
amounts and every stated total agrees with its rows. Nothing is ever changed to make a sum agree: a
reading is taken whole, as another extractor read it, or not at all. Where no reading holds, the first
stands, with its findings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from projektpulje.budget.accounting import Accounting, NotRead, raw_to_amounts
from projektpulje.budget.normalise import NormalisedTable
from projektpulje.extract import RawTable
from projektpulje.schemas import reconcile_rows


@dataclass(frozen=True)
class Choice:
    """A table region whose first reading was set aside for another that holds."""

    page: int
    table_no: int
    caption: str
    taken: str  # the extractor whose reading was taken
    first: str  # the extractor of the first reading
    because: str  # why the first reading was set aside

    def describe(self) -> str:
        caption = f" ('{self.caption}')" if self.caption else ""
        return (f"page {self.page}, table {self.table_no}{caption}: read as {self.taken} reads it, "
                f"since {self.first}'s reading {self.because}")

    def as_record(self) -> dict:
        return {"page": self.page, "table_no": self.table_no, "taken": self.taken, "first": self.first,
                "because": self.because}


def table_reconciles(table: NormalisedTable) -> bool:
    """Whether every total the table states (subtotals, Total, row totals) equals the sum of its rows."""
    stated = [vars(s) for s in (*table.totals, *table.row_totals)]
    return all(t["status"] == "ok" for t in reconcile_rows([vars(i) for i in table.items], stated))


def first_reading_fails(table: NormalisedTable | NotRead) -> str:
    """Why a region's reading does not hold ("" when it does): unread, or its totals disagree."""
    if isinstance(table, NotRead):
        return f"could not be read ({table.reason})" if table.budget else ""
    return "" if table_reconciles(table) else "does not reconcile with its stated totals"


def failing_regions(accounting: Accounting) -> dict[tuple[int, int], str]:
    """(page, index) of each budget region whose first reading fails, with why."""
    failing = {(raw.page, raw.index): first_reading_fails(t) for raw, t in zip(accounting.raws, accounting.tables)}
    failing.update({n.region: first_reading_fails(n) for n in accounting.unread if n.region is not None})
    return {region: why for region, why in failing.items() if why}


def _printed(accounting: Accounting, region: tuple[int, int]) -> int:
    for raw in accounting.raws:
        if (raw.page, raw.index) == region:
            return raw_to_amounts(raw)
    return next(n.amounts for n in accounting.unread if n.region == region)


def _holding(other: Accounting, region: tuple[int, int], *, printed: int) -> tuple[RawTable, NormalisedTable] | None:
    for raw, table in zip(other.raws, other.tables):
        if (raw.page, raw.index) == region and raw_to_amounts(raw) >= printed and table_reconciles(table):
            return raw, table
    return None


def choose_readings(
    first: Accounting, other: Accounting, *, names: tuple[str, str]
) -> tuple[Accounting, tuple[Choice, ...]]:
    """The first reading, with each failing region's reading replaced by the other's where that one holds;
    `names`: the first and the other reading's extractors."""
    taken: dict[tuple[int, int], tuple[RawTable, NormalisedTable]] = {}
    choices = []
    for region, why in failing_regions(first).items():
        holding = _holding(other, region, printed=_printed(first, region))
        if holding is None:
            continue
        raw, table = holding
        taken[region] = holding
        choices.append(Choice(raw.page, table.table_no, raw.caption, names[1], names[0], why))
    if not taken:
        return first, ()
    return _with_taken(first, taken), tuple(sorted(choices, key=lambda c: (c.page, c.table_no)))


def _with_taken(first: Accounting, taken: dict) -> Accounting:
    """`first` with the taken regions' readings in place, in the document's order of regions."""
    pairs = [((raw.page, raw.index), raw, table) for raw, table in zip(first.raws, first.tables)]
    pairs = [(key, *taken.get(key, (raw, table))) for key, raw, table in pairs]
    pairs += [(key, *taken[key]) for key in taken if key not in {p[0] for p in pairs}]
    pairs.sort(key=lambda p: p[0])
    not_read = tuple(n for n in first.not_read if n.region not in taken)
    return replace(first, raws=tuple(p[1] for p in pairs), tables=tuple(p[2] for p in pairs), not_read=not_read)


def other_extractor(first: str, names: Sequence[str]) -> str | None:
    """The extractor whose reading differs most from `first`'s: camelot reads cells its own way; pdfium and
    pdfplumber read the same words and rules alike, so the one is no second reading of the other."""
    alike = {"pdfium", "pdfplumber"}
    for name in names:
        if name != first and not (first in alike and name in alike):
            return name
    return None
