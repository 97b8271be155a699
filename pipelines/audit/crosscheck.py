"""Two extractors' readings of one document, compared cell by cell."""

from __future__ import annotations

import difflib
from typing import Sequence

from projektpulje.schemas.contract import UNIT_TKR
from projektpulje.schemas.findings import finding
from projektpulje.budget.normalise import Item, NormalisedTable, StatedTotal

FIELDS = ("section", "group", "item", "footnote", "amount_tkr")


def _line_key(item: Item) -> tuple:
    return (item.year, item.section, item.group, item.item, item.footnote, item.amount_tkr)


def _finding(table: NormalisedTable, *, page, item: str, section: str, year, stated, computed, message: str) -> dict:
    return finding(
        "extractor_disagreement", message, year=year, table_no=table.table_no, area=table.area, section=section,
        item=item, stated=stated, computed=computed, page=page, unit=UNIT_TKR,
    )


def _differences(a: Item, b: Item) -> list[str]:
    return [f for f in FIELDS if getattr(a, f) != getattr(b, f)]


def compare_items(
    table: NormalisedTable, other: NormalisedTable, *, names: tuple[str, str]
) -> list[dict]:
    """Budget lines the two readings of one table do not agree on."""
    mine, theirs = list(table.items), list(other.items)
    matcher = difflib.SequenceMatcher(a=[_line_key(i) for i in mine], b=[_line_key(i) for i in theirs], autojunk=False)
    findings = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = list(zip(mine[a0:a1], theirs[b0:b1]))
        for a, b in pairs:
            fields = ", ".join(_differences(a, b))
            findings.append(_finding(
                table, page=a.page, item=a.item, section=a.section, year=a.year, stated=a.amount_tkr,
                computed=b.amount_tkr,
                message=f"{names[0]} read '{a.item}' = {a.amount_tkr}, {names[1]} read '{b.item}' = {b.amount_tkr} "
                        f"({fields} differ)",
            ))
        for a in mine[a0 + len(pairs):a1]:
            findings.append(_finding(
                table, page=a.page, item=a.item, section=a.section, year=a.year, stated=a.amount_tkr, computed=None,
                message=f"{names[0]} read '{a.item}' = {a.amount_tkr}; {names[1]} did not read this line",
            ))
        for b in theirs[b0 + len(pairs):b1]:
            findings.append(_finding(
                table, page=b.page, item=b.item, section=b.section, year=b.year, stated=None, computed=b.amount_tkr,
                message=f"{names[1]} read '{b.item}' = {b.amount_tkr}; {names[0]} did not read this line",
            ))
    return findings


def _total_key(total: StatedTotal) -> tuple:
    return (total.year, total.level, total.section_key, total.stated_tkr)


def compare_totals(table: NormalisedTable, other: NormalisedTable, *, names: tuple[str, str]) -> list[dict]:
    mine = {_total_key(t) for t in table.totals}
    theirs = {_total_key(t) for t in other.totals}
    findings = []
    for total in table.totals:
        if _total_key(total) not in theirs:
            findings.append(_finding(
                table, page=total.page, item="", section=total.section, year=total.year, stated=total.stated_tkr,
                computed=None, message=f"{names[0]} read '{total.label}' = {total.stated_tkr}; {names[1]} read it otherwise",
            ))
    for total in other.totals:
        if _total_key(total) not in mine:
            findings.append(_finding(
                table, page=total.page, item="", section=total.section, year=total.year, stated=None,
                computed=total.stated_tkr, message=f"{names[1]} read '{total.label}' = {total.stated_tkr}; {names[0]} did not",
            ))
    return findings


def cross_check(
    tables: Sequence[NormalisedTable], others: Sequence[NormalisedTable], *, names: tuple[str, str]
) -> list[dict]:
    """Every cell the two extractors read differently, as extractor_disagreement findings."""
    findings = []
    by_number = {(t.table_no, t.area): t for t in others}
    for table in tables:
        other = by_number.get((table.table_no, table.area))
        if other is None:
            findings.append(_finding(
                table, page=None, item="", section="", year=table.years[0] if table.years else None, stated=None,
                computed=None, message=f"{names[1]} did not find table {table.table_no} ({table.area})",
            ))
            continue
        findings.extend(compare_items(table, other, names=names))
        findings.extend(compare_totals(table, other, names=names))
    known = {(t.table_no, t.area) for t in tables}
    for other in others:
        if (other.table_no, other.area) not in known:
            findings.append(_finding(
                other, page=None, item="", section="", year=other.years[0] if other.years else None, stated=None,
                computed=None, message=f"{names[1]} found table {other.table_no} ({other.area}); {names[0]} did not",
            ))
    return findings


def cells_agreeing(
    tables: Sequence[NormalisedTable], others: Sequence[NormalisedTable]
) -> tuple[int, int]:
    """How many of the first reading's amounts (budget lines and stated totals) the second reads alike, and of how
    many: the counterpart of `cross_check`'s findings, so that agreement leaves a trace too."""
    by_number = {(t.table_no, t.area): t for t in others}
    agreeing = cells = 0
    for table in tables:
        cells += len(table.items) + len(table.totals)
        other = by_number.get((table.table_no, table.area))
        if other is None:
            continue
        matcher = difflib.SequenceMatcher(
            a=[_line_key(i) for i in table.items], b=[_line_key(i) for i in other.items], autojunk=False)
        agreeing += sum(block.size for block in matcher.get_matching_blocks())
        theirs = {_total_key(t) for t in other.totals}
        agreeing += sum(_total_key(t) in theirs for t in table.totals)
    return agreeing, cells


def verdict(agreeing: int, cells: int, *, names: tuple[str, str]) -> str:
    """The cross-check in a phrase: '69 of 69 cells agree (pdfium, camelot)'."""
    return f"{agreeing} of {cells} cells agree ({names[0]}, {names[1]})"
