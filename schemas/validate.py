"""Tidy rows → data frames → every pandera rule run on them, failures returned as data (lazy validation)."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd
import pandera.errors

from .contract import ITEM_COLUMNS, TOTAL_COLUMNS, RuleFailure
from .tidy import Items, ReconciledTotals

INTEGER_COLUMNS = ("year", "table_no", "amount_dkk", "page")


def rows_to_frame(rows: Sequence[Mapping], columns: Sequence[str]) -> pd.DataFrame:
    """Rows as a frame with the contract's columns; whole-number columns as int64, amounts as exact Decimals."""
    frame = pd.DataFrame(list(rows), columns=list(columns))
    for column in INTEGER_COLUMNS:
        if column in frame:  # a row total has no year: that column then allows a missing value
            frame[column] = frame[column].astype("Int64" if frame[column].isna().any() else "int64")
    return frame


def row_to_where(row: Mapping) -> str:
    """Where a row stands in the document: "table 1, page 2, 'Euroskills'" (an item, or a total's label)."""
    return f"table {row['table_no']}, page {row['page']}, '{row.get('item') or row.get('label', '')}'"


def _failures(
    error: pandera.errors.SchemaErrors, rows: Sequence[Mapping], columns: Sequence[str], name: str
) -> list[RuleFailure]:
    """pandera's failure cases → one failure per rule and row. A dataframe check lists every column of a
    failing row, which is one failure, not one per column; a rule on the frame's columns names the column
    it missed or did not expect as its value."""
    failures: dict[tuple, RuleFailure] = {}
    for case in error.failure_cases.to_dict("records"):
        index = None if pd.isna(case["index"]) else int(case["index"])
        in_column = case["column"] in columns
        whole_row = in_column and case["schema_context"] == "DataFrameSchema"
        column = str(case["column"]) if in_column and not whole_row else ""
        key = (case["check"], index, column, "" if whole_row else str(case["failure_case"]))
        if key not in failures:
            where = row_to_where(rows[index]) if index is not None and index < len(rows) else ""
            failures[key] = RuleFailure(
                check=str(case["check"]), rows=name, row=None if index is None else index + 1, where=where,
                column=column, value=key[3],
            )
    return list(failures.values())


def validate(items: Sequence[Mapping], totals: Sequence[Mapping]) -> list[RuleFailure]:
    """Run every rule on the item rows and the reconciled totals, and collect every failure."""
    failures: list[RuleFailure] = []
    for model, rows, columns, name in ((Items, items, ITEM_COLUMNS, "items"), (ReconciledTotals, totals, TOTAL_COLUMNS, "totals")):
        if not rows:  # no row can break a rule (every table unread); an empty frame has no column types to check
            continue
        try:
            model.validate(rows_to_frame(rows, columns), lazy=True)
        except pandera.errors.SchemaErrors as error:
            failures.extend(_failures(error, rows, columns, name))
    return failures
