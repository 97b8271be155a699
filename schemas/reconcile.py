"""Stated totals against the sum of their rows; schema failures as data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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


def _rows_under(items: pd.DataFrame, total: pd.Series) -> pd.Series:
    mask = (items["table_no"] == total["table_no"]) & (items["area"] == total["area"]) & (items["year"] == total["year"])
    if total["level"] == "section":
        mask &= items["section_key"] == total["section_key"]
    return items.loc[mask, "amount_tkr"]


def reconcile(items: pd.DataFrame, stated: pd.DataFrame) -> pd.DataFrame:
    """Add computed_tkr (the exact sum of the rows under each total), difference_tkr and status."""
    computed = [sum(_rows_under(items, total), Decimal(0)) for _, total in stated.iterrows()]
    out = stated.copy()
    out["computed_tkr"] = pd.Series(computed, index=stated.index, dtype=object)
    out["difference_tkr"] = pd.Series(
        [s - c for s, c in zip(stated["stated_tkr"], computed)], index=stated.index, dtype=object
    )
    out["status"] = ["ok" if d == 0 else "mismatch" for d in out["difference_tkr"]]
    return out[TOTAL_COLUMNS]


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
