"""Every disagreement of a document as rows of findings.csv (the model is schemas.findings); and the prose
mentions as rows of mentions.csv."""

from __future__ import annotations

from typing import Iterable, Sequence

from projektpulje.schemas import RuleFailure, totals_to_findings
from projektpulje.schemas.contract import UNIT_DKK
from projektpulje.schemas.findings import danish_amount, finding, finding_order

from projektpulje.budget.narrative import Mention
from projektpulje.budget.normalise import NormalisedTable
from projektpulje.budget.accounting import NotRead

MENTION_COLUMNS = [
    "table_no", "area", "page", "mention", "amount_dkk", "tied_to", "table_dkk", "status", "sentence",
]


def mentions_to_findings(mentions: Iterable[Mention], *, year: int | None) -> list[dict]:
    """A contradicting mention is a narrative_mismatch, an uncertain one (the prose read by OCR) a
    narrative_uncertain, their amounts in kroner as the text prints them."""
    rows = []
    for m in mentions:
        if m.status not in ("contradicts", "uncertain"):
            continue
        says = " says" if m.status == "contradicts" else ", as read by OCR, seems to say"
        rows.append(finding(
            "narrative_mismatch" if m.status == "contradicts" else "narrative_uncertain",
            f"the text{says} {m.printed} for '{m.tied_to}' but the table says {danish_amount(m.table_dkk)} kr.: \"{m.sentence}\""
            + ("" if m.status == "contradicts" else "; either may be misread: compare with the page"),
            year=m.year if m.year is not None else year, table_no=m.table_no, area=m.area, item=m.tied_to,
            stated=m.amount_dkk, computed=m.table_dkk,
            page=m.page, unit=UNIT_DKK,
        ))
    return rows


def unknown_labels_to_findings(tables: Sequence[NormalisedTable]) -> list[dict]:
    rows = []
    for table in tables:
        for unknown in table.unknown_labels:
            nearest = f"; nearest known: '{unknown.nearest}'" if unknown.nearest else ""
            rows.append(finding(
                "unknown_label",
                f"'{unknown.label}' is read as a section by its place, but the vocabulary does not know it{nearest}",
                year=table.years[0] if table.years else None, table_no=table.table_no, area=table.area,
                section=unknown.label, page=unknown.page,
            ))
    return rows


def unread_to_findings(not_read: Sequence[NotRead], *, year: int | None) -> list[dict]:
    """An unread budget table is a finding: page, caption, reason, and how many amounts it leaves out."""
    rows = []
    for note in (n for n in not_read if n.budget):
        caption = f" ('{note.caption}')" if note.caption else ""
        rows.append(finding(
            "unread_table",
            f"table {note.table_no}{caption} was not read: {note.reason}; its {note.amounts} amounts are not in "
            f"items.csv or totals.csv",
            year=year, table_no=note.table_no, page=note.page,
        ))
    return rows


def unchecked_to_findings(tables: Sequence[NormalisedTable]) -> list[dict]:
    """With text read by OCR, a table's lines that no stated sum checks, per table and year: under neither a
    subtotal of their section nor a Total (a continuation overleaf whose header OCR misread leaves its table
    with neither, and its last lines gone)."""
    rows = []
    for table in (t for t in tables if not t.overview):
        for year in table.years:
            stated = [s for s in table.totals if s.year == year]
            if any(s.level == "table" for s in stated):
                continue
            closed = {s.section_key for s in stated if s.level == "section"}
            open_items = [i for i in table.items if i.year == year and i.section_key not in closed]
            if not open_items:
                continue
            sections = ", ".join(dict.fromkeys(f"'{i.section}'" for i in open_items))
            rows.append(finding(
                "unchecked_lines",
                f"table {table.table_no}: {len(open_items)} lines of {sections} are checked by no stated subtotal or "
                f"Total, and the text was read by OCR: a misread or lost line would go unseen (is the table's "
                f"end unread?)",
                year=year, table_no=table.table_no, area=table.area, section=open_items[-1].section,
                page=open_items[-1].page,
            ))
    return rows


def unit_assumed_to_findings(tables: Sequence[NormalisedTable], *, year: int | None) -> list[dict]:
    """Tables read in an assumed unit (none printed for them, none stated in the document): one finding naming
    them, a root cause with no amounts of its own."""
    assumed = [t for t in tables if t.unit_assumed]
    if not assumed:
        return []
    names = ", ".join(f"{t.table_no} ('{t.area}')" if t.area else str(t.table_no) for t in assumed)
    which = f"table {names} prints" if len(assumed) == 1 else f"tables {names} print"
    return [finding(
        "unit_assumed",
        f"{which} no unit, and the document states none: read in {assumed[0].unit}, the unit of such documents",
        year=year, page=assumed[0].items[0].page if assumed[0].items else None,
    )]


def rule_failures_to_findings(failures: Iterable[RuleFailure]) -> list[dict]:
    return [finding("rule_failed", str(f)) for f in failures]


def sorted_findings(rows: Iterable[dict]) -> list[dict]:
    """All findings in a stable order: by table, then kind, then page."""
    return sorted(rows, key=finding_order)


def mentions_to_rows(mentions: Iterable[Mention]) -> list[dict]:
    """The rows of mentions.csv."""
    return [
        {"table_no": m.table_no, "area": m.area, "page": m.page, "mention": m.printed, "amount_dkk": m.amount_dkk,
         "tied_to": m.tied_to, "table_dkk": m.table_dkk, "status": m.status, "sentence": m.sentence}
        for m in mentions
    ]


def all_findings(
    *, table_totals: Sequence[Sequence[dict]], mentions: Sequence[Mention], tables: Sequence[NormalisedTable],
    extra: Iterable[dict] = (), not_read: Sequence[NotRead] = (), ocr: bool = False,
) -> list[dict]:
    """Every finding the rows and the prose give, in order (rule failures are added once the rules have run);
    with text read by OCR (`ocr`), also the lines no stated sum checks."""
    year = tables[0].years[0] if tables and tables[0].years else None
    rows = [
        *(finding for totals in table_totals for finding in totals_to_findings(totals)),
        *mentions_to_findings(mentions, year=year),
        *extra,
        *unknown_labels_to_findings(tables),
        *unread_to_findings(not_read, year=year),
        *(unchecked_to_findings(tables) if ocr else ()),
        *unit_assumed_to_findings(tables, year=year),
    ]
    return sorted_findings(rows)
