"""Every disagreement of a document, as rows of findings.csv; and the prose mentions as rows of mentions.csv."""

from __future__ import annotations

from typing import Iterable, Sequence

from schemas import RuleFailure, totals_to_findings

from .narrative import Mention
from .normalise import NormalisedTable

FINDING_COLUMNS = [
    "kind", "root_cause", "year", "table_no", "area", "section", "item",
    "stated", "computed", "difference", "page", "message",
]
MENTION_COLUMNS = [
    "table_no", "area", "page", "mention", "amount_dkk", "tied_to", "table_dkk", "status", "sentence",
]
KIND_ORDER = ["overview_mismatch", "subtotal_mismatch", "total_mismatch", "narrative_mismatch", "extractor_disagreement", "unknown_label",
              "rule_failed", "unread_table", "row_total_mismatch"]


def finding(
    kind: str, message: str, *, root_cause: bool = True, year=None, table_no=None, area: str = "",
    section: str = "", item: str = "", stated=None, computed=None, page=None,
) -> dict:
    """One row of findings.csv; the difference follows from what was stated and what was computed."""
    difference = stated - computed if stated is not None and computed is not None else None
    return {
        "kind": kind, "root_cause": root_cause, "year": year, "table_no": table_no, "area": area,
        "section": section, "item": item, "stated": stated, "computed": computed, "difference": difference,
        "page": page, "message": message,
    }


def mentions_to_findings(mentions: Iterable[Mention], *, year: int | None) -> list[dict]:
    """A contradicting mention is a narrative_mismatch, its amounts in kroner as the text prints them."""
    rows = []
    for m in mentions:
        if m.status != "contradicts":
            continue
        table = int(m.table_dkk.split(" / ")[0])
        rows.append(finding(
            "narrative_mismatch",
            f"the text says {m.printed} for '{m.tied_to}' but the table says {table} kr.: \"{m.sentence}\"",
            year=year, table_no=m.table_no, area=m.area, item=m.tied_to, stated=m.amount_dkk, computed=table,
            page=m.page,
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


def rule_failures_to_findings(failures: Iterable[RuleFailure]) -> list[dict]:
    return [finding("rule_failed", str(f)) for f in failures]


def sorted_findings(rows: Iterable[dict]) -> list[dict]:
    """All findings in a stable order: by table, then kind, then page."""
    return sorted(rows, key=lambda f: (f["table_no"] or 0, KIND_ORDER.index(f["kind"]), f["page"] or 0))


def mentions_to_rows(mentions: Iterable[Mention]) -> list[dict]:
    """The rows of mentions.csv."""
    return [
        {"table_no": m.table_no, "area": m.area, "page": m.page, "mention": m.printed, "amount_dkk": m.amount_dkk,
         "tied_to": m.tied_to, "table_dkk": m.table_dkk, "status": m.status, "sentence": m.sentence}
        for m in mentions
    ]


def all_findings(
    *, table_totals: Sequence[Sequence[dict]], mentions: Sequence[Mention], tables: Sequence[NormalisedTable],
    extra: Iterable[dict] = (),
) -> list[dict]:
    """Every finding the rows and the prose give, in order (rule failures are added once the rules have run)."""
    year = tables[0].years[0] if tables and tables[0].years else None
    rows = [
        *(finding for totals in table_totals for finding in totals_to_findings(totals)),
        *mentions_to_findings(mentions, year=year),
        *extra,
        *unknown_labels_to_findings(tables),
    ]
    return sorted_findings(rows)
