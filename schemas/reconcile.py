"""Stated totals against the sum of their rows; schema failures as data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping, Sequence

import pandas as pd
import pandera.errors

from .tidy import Items, ReconciledTotals

ITEM_COLUMNS = list(Items.to_schema().columns)
TOTAL_COLUMNS = list(ReconciledTotals.to_schema().columns)
STATED_COLUMNS = [c for c in TOTAL_COLUMNS if c not in ("computed_tkr", "difference_tkr", "status")]


@dataclass(frozen=True)
class Finding:
    """One failed rule: which rule, on which row, and what was found."""

    check: str
    column: str
    row: int | None
    value: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row is not None else "table"
        return f"{self.check} failed at {where}, column {self.column or '-'}: {self.value}"


def _is_under(item: Mapping, total: Mapping) -> bool:
    same_table = (item["table_no"], item["area"], item["year"]) == (total["table_no"], total["area"], total["year"])
    return same_table and (total["level"] != "section" or item["section_key"] == total["section_key"])


def reconcile_rows(items: Sequence[Mapping], stated: Sequence[Mapping]) -> list[dict]:
    """Each stated total with computed_tkr (the exact sum of the item rows under it), difference_tkr and status.
    The rows are those of one table: a total counts the rows of its own table only."""
    out = []
    for total in stated:
        computed = sum((i["amount_tkr"] for i in items if _is_under(i, total)), Decimal(0))
        difference = total["stated_tkr"] - computed
        out.append({**{c: total[c] for c in STATED_COLUMNS}, "computed_tkr": computed, "difference_tkr": difference,
                    "status": "ok" if difference == 0 else "mismatch"})
    return out


def _failures(error: pandera.errors.SchemaErrors) -> list[Finding]:
    cases = error.failure_cases
    return [
        Finding(
            check=str(case["check"]),
            column=str(case["column"] or ""),
            row=None if pd.isna(case["index"]) else int(case["index"]),
            value=str(case["failure_case"]),
        )
        for _, case in cases.iterrows()
    ]


def validate(items: pd.DataFrame, totals: pd.DataFrame) -> list[Finding]:
    """Run every rule on both tables and collect every failure (lazy validation)."""
    findings: list[Finding] = []
    for model, frame in ((Items, items), (ReconciledTotals, totals)):
        try:
            model.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as error:
            findings.extend(_failures(error))
    return findings


def _sum(values) -> Decimal:
    return sum(values, Decimal(0))


def totals_to_findings(totals: pd.DataFrame) -> list[dict]:
    """One finding per disagreeing total. A table Total that equals the sum of its stated subtotals,
    where a subtotal is itself wrong, is a knock-on: root_cause False, and the message names that subtotal."""
    findings = []
    for _, total in totals[totals["status"] == "mismatch"].iterrows():
        base = {
            "year": total["year"], "table_no": total["table_no"], "area": total["area"], "section": total["section"],
            "item": "", "stated": total["stated_tkr"], "computed": total["computed_tkr"],
            "difference": total["difference_tkr"], "page": total["page"],
        }
        if total["level"] == "section":
            findings.append(base | {
                "kind": "subtotal_mismatch", "root_cause": True,
                "message": f"'{total['section']} i alt' states {total['stated_tkr']} but its lines sum to "
                           f"{total['computed_tkr']} (1.000 kr.)",
            })
            continue
        subtotals = totals[(totals["table_no"] == total["table_no"]) & (totals["area"] == total["area"])
                           & (totals["year"] == total["year"]) & (totals["level"] == "section")]
        wrong = subtotals[subtotals["status"] == "mismatch"]
        knock_on = len(wrong) > 0 and _sum(subtotals["stated_tkr"]) == total["stated_tkr"]
        message = f"'Total' states {total['stated_tkr']} but the table's lines sum to {total['computed_tkr']} (1.000 kr.)"
        if knock_on:
            names = ", ".join(f"'{s} i alt'" for s in wrong["section"])
            message += f"; it equals the sum of the stated subtotals, so it follows from {names}"
        findings.append(base | {"kind": "total_mismatch", "root_cause": not knock_on, "message": message})
    return findings
