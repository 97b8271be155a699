"""The output contract as plain data: the columns of items.csv and totals.csv, in order, and a failed rule.

Nothing here needs pandas, so the stage that reads a PDF can shape its rows without loading it.
The pandera models in `tidy.py` declare the same columns; a test holds the two together.
"""

from __future__ import annotations

from dataclasses import dataclass

ITEM_COLUMNS = [
    "year", "table_no", "area", "section", "section_key", "group", "item", "footnote", "footnote_text",
    "amount_tkr", "amount_dkk", "page", "source_file",
]
STATED_COLUMNS = ["year", "table_no", "area", "level", "section", "section_key", "group", "item", "stated_tkr", "page"]
# The units amounts are stated in: a table's 1.000 kr., and the prose's kroner.
UNIT_TKR, UNIT_DKK = "1.000 DKK", "DKK"
TOTAL_COLUMNS = [
    "year", "table_no", "area", "level", "section", "section_key", "group", "item", "stated_tkr", "computed_tkr",
    "difference_tkr", "status", "page",
]
# Levels of totals.csv: a subtotal ("… i alt"), a table's Total, and a line's printed total over its years.
TOTAL_LEVELS = ["section", "table", "row", "overview"]


@dataclass(frozen=True)
class RuleFailure:
    """One failed rule: which rule, on which rows (1-based) and where they stand, which column, what was found.
    A rule on whole rows (a dataframe check) has no column, nor a value; one on the columns has no row."""

    check: str
    rows: str  # e.g. "items"
    row: int | None
    where: str = ""  # e.g. "table 1, page 2, 'Euroskills'"
    column: str = ""
    value: str = ""

    def __str__(self) -> str:
        at = f"{self.rows} row {self.row}" if self.row is not None else self.rows
        at += f" ({self.where})" if self.where else ""
        if self.column:
            return f"{self.check} failed at {at}, column {self.column}: {self.value}"
        return f"{self.check} failed at {at}" + (f": {self.value}" if self.value else "")
