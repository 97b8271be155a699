"""Year columns and a row-total column in a table header, and the amounts of a row split among them.

    ('1.000 kr.', '2024', 'Budget 2025', 'B2026', 'I alt 2024-26') → years (2024, 2025, 2026), row total at 3

A blank cell in a year column of a row with amounts is 0 for that year, like "-". Knows Danish headers
through the vocabulary only.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from .vocabulary import Vocabulary, label_key


def header_cell_to_year(cell: str, *, vocab: Vocabulary) -> int | None:
    """'2024', 'Budget 2024', 'B2024' → 2024; anything else None."""
    match = re.match(vocab.year_cell_pattern, label_key(cell), re.IGNORECASE)
    return int(match.group("year")) if match else None


def is_row_total_cell(cell: str, *, vocab: Vocabulary) -> bool:
    """'I alt', 'Total', 'I alt 2024-26': the column of each line's total over the years, never a year."""
    return bool(re.match(vocab.row_total_pattern, label_key(cell), re.IGNORECASE))


def row_total_column(header: Sequence[str], *, vocab: Vocabulary) -> int | None:
    """The index among the value cells of the row-total column, or None when the header has none."""
    found = [i for i, cell in enumerate(header[1:]) if is_row_total_cell(cell, vocab=vocab)]
    return found[-1] if found else None


def split_row_values(values: Sequence[str], total_at: int | None) -> tuple[list[str], str | None]:
    """A row's value cells → its year cells (a blank one as "-") and its printed row total (None if blank or none)."""
    years = [v if v.strip() else "-" for i, v in enumerate(values) if i != total_at]
    total = values[total_at].strip() if total_at is not None and total_at < len(values) else ""
    return years, (total or None)


def sum_of(amounts: Sequence[Decimal]) -> Decimal:
    return sum(amounts, Decimal(0))
