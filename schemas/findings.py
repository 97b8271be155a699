"""The one model of a finding: its kinds (name, title, what it means) and its columns, declared once.

Reconciliation, the prose check, the cross-check and the rules all make their findings with `finding`;
findings.csv's columns, its Table Schema and the report's names for the kinds all come from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .contract import UNIT_DKK, UNIT_TKR


@dataclass(frozen=True)
class Kind:
    name: str
    title: str  # as a person reads it in the report
    description: str  # what it means, for README and the data package


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type
    description: str


# In the order findings of one table are listed.
KINDS = (
    Kind("overview_mismatch", "overview vs. table", "an overview's figure differs from its area table's Total"),
    Kind("subtotal_mismatch", "subtotal mismatch", "a '… i alt' differs from the sum of its rows"),
    Kind("total_mismatch", "total mismatch", "a 'Total' differs from the sum of its rows"),
    Kind("narrative_mismatch", "text vs. table", "an amount in the prose contradicts the table line it speaks of"),
    Kind("narrative_uncertain", "text vs. table, uncertain",
         "with text read by OCR, an amount in the prose differs from the table line it speaks of: either may be misread"),
    Kind("extractor_disagreement", "extractors disagree", "with --cross-check, two extractors read a cell differently"),
    Kind("unknown_label", "unknown label", "a section heading the vocabulary does not know, read by its place"),
    Kind("rule_failed", "rule failed", "a rule of the items or totals schema failed"),
    Kind("unread_table", "table not read", "a table that could not be read in full: its amounts are in no output file"),
    Kind("unchecked_lines", "lines unchecked",
         "with text read by OCR, lines of a table that no stated subtotal or Total checks: a line misread or lost "
         "there would go unseen"),
    Kind("row_total_mismatch", "row total mismatch", "a line's printed total over its years differs from their sum"),
    Kind("unit_assumed", "unit assumed", "tables that print no unit, in a document that states none: read in the "
         "unit of such documents"),
)
KIND_NAMES = {kind.name: kind for kind in KINDS}

FINDING_FIELDS = (
    Column("kind", "string", ", ".join(kind.name for kind in KINDS)),
    Column("root_cause", "boolean", "false for a finding that follows from another one"),
    Column("year", "integer", "Budget year"),
    Column("table_no", "integer", "Table number, from the caption"),
    Column("area", "string", "Policy area"),
    Column("section", "string", "Section concerned, if any"),
    Column("item", "string", "Budget line or group concerned, if any"),
    Column("stated", "number", "What the document states: 1.000 DKK for tables, DKK for prose"),
    Column("computed", "number", "What its rows or its table say, in the same unit"),
    Column("difference", "number", "stated - computed"),
    Column("page", "integer", "Page"),
    Column("message", "string", "The finding in a sentence"),
    Column("unit", "string", f"Unit of stated, computed and difference: '{UNIT_TKR}' for tables, '{UNIT_DKK}' "
           "for prose; empty when the finding states no amount"),
)
FINDING_COLUMNS = [column.name for column in FINDING_FIELDS]


def danish_amount(value) -> str:
    """An amount as the documents print it, Danish: Decimal(1600) → '1.600', Decimal('2002.500') → '2.002,5',
    587000 → '587.000', Decimal('-0.25') → '-0,25' (no trailing zeros, never through a float)."""
    text = format(Decimal(str(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole or 0):,}".replace(",", ".")
    return ("" if grouped == "0" and not fraction else sign) + grouped + ("," + fraction if fraction else "")


def finding(
    kind: str, message: str, *, root_cause: bool = True, year=None, table_no=None, area: str = "",
    section: str = "", item: str = "", stated=None, computed=None, page=None, unit: str = "",
) -> dict:
    """One row of findings.csv; the difference follows from what was stated and what was computed, all three in
    `unit` (empty where the finding states no amount)."""
    if kind not in KIND_NAMES:
        raise ValueError(f"unknown kind of finding {kind!r}")
    difference = stated - computed if stated is not None and computed is not None else None
    return {
        "kind": kind, "root_cause": root_cause, "year": year, "table_no": table_no, "area": area,
        "section": section, "item": item, "stated": stated, "computed": computed, "difference": difference,
        "page": page, "message": message, "unit": unit if stated is not None or computed is not None else "",
    }


def finding_order(row: dict) -> tuple:
    """Findings in a stable order: by table, then kind, then page."""
    return row["table_no"] or 0, KINDS.index(KIND_NAMES[row["kind"]]), row["page"] or 0
