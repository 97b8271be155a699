"""What keeps report.html light for a long document: each prose mention shown beside its own table only (not
beside every table of that number in a bundle), and a filter on the findings that needs no script (the
stylesheet leaves the browser to lay out only the tables in view)."""

from __future__ import annotations

from typing import Mapping, Sequence

from projektpulje.printable import html_text


def mentions_by_table(
    tables: Sequence[tuple[int, int]], mentions: Sequence[Mapping]
) -> list[list[Mapping]]:
    """The mentions of each table, given as (table number, first page): a mention goes to the one table of its
    number nearest its page (the later on a tie: prose comes before its table), so a bundle in which table
    numbers repeat shows each mention once."""
    placed: list[list[Mapping]] = [[] for _ in tables]
    by_number: dict[int, list[int]] = {}
    for index, (number, _) in enumerate(tables):
        by_number.setdefault(number, []).append(index)
    for mention in mentions:
        candidates = by_number.get(mention["table_no"], [])
        if not candidates:
            continue
        page = mention.get("page") or 0
        nearest = min(candidates, key=lambda i: (abs(tables[i][1] - page), -tables[i][1]))
        placed[nearest].append(mention)
    return placed


def findings_filter_html(findings: Sequence[Mapping], names: Mapping[str, str], *, scope: str = "") -> str:
    """Radio buttons over the findings table: all, root causes only, or one kind. Plain CSS (:has) does the
    hiding, so the report still runs no script. `scope` begins every id and the buttons' group name, so that
    several documents' views on one page (a notebook) each filter their own findings."""
    kinds = list(dict.fromkeys(f["kind"] for f in findings))
    if len(findings) < 2:
        return ""
    choices = [("all", "all"), ("root", "root causes")] + [(f"kind-{k}", names.get(k, k)) for k in kinds]
    counts = {"all": len(findings), "root": sum(str(f.get("root_cause")).lower() not in ("false", "0") for f in findings)}
    counts.update({f"kind-{k}": sum(f["kind"] == k for f in findings) for k in kinds})
    buttons = "".join(
        f'<label><input type="radio" name="{scope}findings-filter" id="{scope}filter-{html_text(key)}"'
        f'{" checked" if key == "all" else ""}> {html_text(label)} ({counts[key]})</label>'
        for key, label in choices
    )
    rules = [f'#{scope}findings:has(#{scope}filter-root:checked) tr.finding.knock {{ display: none; }}'] + [
        f'#{scope}findings:has(#{scope}filter-kind-{html_text(k)}:checked) '
        f'tr.finding:not([data-kind="{html_text(k)}"]) {{ display: none; }}'
        for k in kinds
    ]
    return f'<style>{"".join(rules)}</style><div class="filter">Show: {buttons}</div>'
