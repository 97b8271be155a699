"""The report's list of a table's checks beyond its subtotals and Total: each printed row total against the
sum of its line's years, and each figure of an overview against its area table's Total."""

from __future__ import annotations

from typing import Mapping, Sequence

from projektpulje.printable import html_text
from .text import danish_amount

TITLES = {
    "row": "Row totals (the table's total column) against the sum of each line's years",
    "overview": "Figures of this overview against the Total of each area's table",
}


def check_row_html(row: Mapping) -> str:
    bad = row["status"] != "ok"
    where = row["item"] if row["level"] == "row" else f"{row['item']} {row['year']} ({row['label']})"
    return (
        f'<tr class="{"mismatch" if bad else ""}" data-level="{html_text(row["level"])}"><td>{html_text(where)}</td>'
        f'<td class="num">{danish_amount(row["stated_tkr"])}</td><td class="num">{danish_amount(row["computed_tkr"])}</td>'
        f'<td class="num">{danish_amount(row["difference_tkr"])}</td>'
        f'<td class="status {"bad" if bad else "good"}">{html_text(row["status"])}</td></tr>'
    )


def other_checks_html(totals: Sequence[Mapping]) -> str:
    """A small table per kind of check, for a table's row totals and an overview's figures; '' for none."""
    parts = []
    for level, title in TITLES.items():
        rows = [r for r in totals if r["level"] == level]
        if rows:
            body = "".join(check_row_html(r) for r in rows)
            parts.append(
                f'<table class="lines checks" data-level="{level}"><caption>{html_text(title)}</caption><thead><tr>'
                '<th>line</th><th class="num">stated</th><th class="num">computed</th><th class="num">difference</th>'
                f"<th>status</th></tr></thead><tbody>{body}</tbody></table>"
            )
    return "".join(parts)
