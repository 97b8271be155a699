"""Values as the report prints them: Danish amounts, pages, anchors and titles."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from projektpulje.printable import html_text
from projektpulje.budget.normalise import NormalisedTable
from projektpulje.budget.numbers import decimal_to_text
from projektpulje.schemas.findings import danish_amount as findings_danish_amount


def missing(value) -> bool:
    """None, or a NaN."""
    return value is None or (isinstance(value, float) and value != value)


def danish_amount(value) -> str:
    """Decimal(1600) → '1.600', Decimal('0.663') → '0,663', as the documents print them."""
    if missing(value) or value == "":
        return ""
    return findings_danish_amount(value)


def signed_amount(value) -> str:
    text = danish_amount(value)
    return f"+{text}" if text and text != "0" and not text.startswith("-") else text


def cell(value) -> str:
    """Any value as escaped text; empty for missing."""
    if missing(value):
        return ""
    if isinstance(value, Decimal):
        return html_text(decimal_to_text(value))
    return html_text(str(value))


def pages_text(pages: Sequence[int]) -> str:
    pages = sorted(set(pages))
    if not pages:
        return ""
    if len(pages) == 1:
        return f"page {pages[0]}"
    return f"pages {pages[0]}–{pages[-1]}"


def anchor(table_no) -> str:
    return f"tabel-{table_no}"


def table_title(table: NormalisedTable) -> str:
    return f"Tabel {table.table_no}. {table.area}"


def printed_numbers(printed: Sequence[int]) -> str:
    """(2, 3, 4) → '3–5', 1-based as drawn on the PDF image."""
    if not printed:
        return ""
    first, last = printed[0] + 1, printed[-1] + 1
    return str(first) if first == last else f"{first}–{last}"
