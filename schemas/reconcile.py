"""Stated totals against the sum of their rows, and what a disagreement means. Plain rows in, plain rows out."""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Sequence

from .contract import STATED_COLUMNS, UNIT_TKR
from .findings import danish_amount, finding


def _is_under(item: Mapping, total: Mapping) -> bool:
    same_table = (item["table_no"], item["area"], item["year"]) == (total["table_no"], total["area"], total["year"])
    return same_table and (total["level"] != "section" or item["section_key"] == total["section_key"])


def reconcile_rows(items: Sequence[Mapping], stated: Sequence[Mapping]) -> list[dict]:
    """Each stated total with computed_tkr (the exact sum of the item rows under it), difference_tkr and status,
    and its label as printed (not a column of totals.csv; findings name the total by it).
    The rows are those of one table: a total counts the rows of its own table only."""
    out = []
    for total in stated:
        if total["level"] == "row":  # a line's total over its years: its own year amounts, worked out when read
            computed = total["row_sum"]
        else:
            computed = sum((i["amount_tkr"] for i in items if _is_under(i, total)), Decimal(0))
        difference = total["stated_tkr"] - computed
        out.append({**{c: total[c] for c in STATED_COLUMNS}, "computed_tkr": computed, "difference_tkr": difference,
                    "status": "ok" if difference == 0 else "mismatch", "label": total["label"]})
    return out


def _same_table(a: Mapping, b: Mapping) -> bool:
    return (a["table_no"], a["area"], a["year"]) == (b["table_no"], b["area"], b["year"])


def totals_to_findings(totals: Sequence[Mapping]) -> list[dict]:
    """One finding per disagreeing total. A table Total that equals the sum of its stated subtotals,
    where a subtotal is itself wrong, is a knock-on: root_cause False, and the message names that subtotal."""
    findings = []
    for total in totals:
        if total["status"] != "mismatch":
            continue
        where = {
            "year": total["year"], "table_no": total["table_no"], "area": total["area"], "section": total["section"],
            "stated": total["stated_tkr"], "computed": total["computed_tkr"], "page": total["page"], "unit": UNIT_TKR,
        }
        if total["level"] == "row":
            findings.append(finding(
                "row_total_mismatch",
                f"'{total['label']}' states {danish_amount(total['stated_tkr'])} as its total over the years but "
                f"its years sum to {danish_amount(total['computed_tkr'])} (1.000 kr.)",
                item=total["item"], **where,
            ))
            continue
        if total["level"] == "overview":
            findings.append(finding(
                "overview_mismatch",
                f"the overview states {danish_amount(total['stated_tkr'])} for '{total['item']}' but "
                f"{total['label']} states {danish_amount(total['computed_tkr'])} (1.000 kr.)",
                item=total["item"], **where,
            ))
            continue
        if total["level"] == "section":
            findings.append(finding(
                "subtotal_mismatch",
                f"'{total['label']}' states {danish_amount(total['stated_tkr'])} but its lines sum to "
                f"{danish_amount(total['computed_tkr'])} (1.000 kr.)",
                **where,
            ))
            continue
        subtotals = [s for s in totals if _same_table(s, total) and s["level"] == "section"]
        wrong = [s for s in subtotals if s["status"] == "mismatch"]
        knock_on = bool(wrong) and sum((s["stated_tkr"] for s in subtotals), Decimal(0)) == total["stated_tkr"]
        message = (f"'{total['label']}' states {danish_amount(total['stated_tkr'])} but the table's lines sum to "
                   f"{danish_amount(total['computed_tkr'])} (1.000 kr.)")
        figures = [s for s in totals if s["level"] == "overview" and (s["table_no"], s["year"]) ==
                   (total["table_no"], total["year"])]
        wrong_figures = [s for s in figures if s["status"] == "mismatch"]
        follows_figure = bool(wrong_figures) and sum((s["computed_tkr"] for s in figures), Decimal(0)) == total["stated_tkr"]
        if knock_on:
            names = ", ".join(f"'{s['label']}'" for s in wrong)
            message += f"; it equals the sum of the stated subtotals, so it follows from {names}"
        elif follows_figure:
            knock_on = True
            names = ", ".join(f"'{s['item']}'" for s in wrong_figures)
            message += f"; it equals the sum of the areas' Totals, so it follows from the overview's figure for {names}"
        findings.append(finding("total_mismatch", message, root_cause=not knock_on, **where))
    return findings
