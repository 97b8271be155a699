"""A generated document's truth, in the schema of the acceptance corpus's *.truth.json
(../shared/acceptance/score.py and audit.py read it unchanged)."""

from __future__ import annotations

from decimal import Decimal

from .model import Document
from .printing import UNITS


def number(value: Decimal | None):
    """An exact amount for JSON: an int where whole, else its decimal text ("437.5")."""
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


def _plain(entry: dict) -> dict:
    return {k: number(v) if isinstance(v, Decimal) else v for k, v in entry.items()}


def _row(item, years) -> dict:
    row = {"group": item.group, "label": item.label, "printed_label": item.printed_label,
           "amounts_tkr": {str(y): number(item.amounts_tkr[y]) for y in years},
           "printed_amounts": {str(y): item.printed_amounts[y] for y in years},
           "footnote": item.footnote, "footnote_on": item.footnote_on}
    if item.row_total_tkr is not None:
        row["row_totals_tkr"] = number(item.row_total_tkr)
        row["printed_row_totals_tkr"] = item.printed_row_total
    return row


def _table(table) -> dict:
    years = table.years
    sections = []
    for s in table.sections:
        computed = {y: sum((i.amounts_tkr[y] for i in s.items), Decimal(0)) for y in years}
        sections.append({
            "name": s.name, "rows": [_row(i, years) for i in s.items],
            "computed_subtotal_tkr": {str(y): number(computed[y]) for y in years},
            "subtotal_label": s.subtotal_label, "subtotal_printed": s.stated is not None,
            "stated_subtotal_tkr": {str(y): number(s.stated[y]) for y in years} if s.stated else None,
            "subtotal_agrees": {str(y): s.stated[y] == computed[y] for y in years} if s.stated else None,
        })
    rows_sum = {y: sum((i.amounts_tkr[y] for s in table.sections for i in s.items), Decimal(0)) for y in years}
    return {
        "no": table.no, "area": table.area, "caption": table.caption, "printed_caption": table.printed_caption,
        "header": [" ".join(lines) for lines in table.header], "years": list(years), "unit": table.unit,
        "sections": sections, "total_label": table.total_label,
        "stated_total_tkr": {str(y): number(table.stated_total[y]) for y in years},
        "sum_of_rows_tkr": {str(y): number(rows_sum[y]) for y in years},
        "total_agrees_with_rows": {str(y): table.stated_total[y] == rows_sum[y] for y in years},
        "footnotes": [{"marker": m.text, "text": text} for m, text in table.footnotes],
    }


def _checks(doc: Document) -> list[dict]:
    checks = []
    for t in doc.tables:
        for s in t.sections:
            if s.stated is None:
                continue
            for y in t.years:
                computed = sum((i.amounts_tkr[y] for i in s.items), Decimal(0))
                checks.append({"table": t.no, "area": t.area, "scope": "subtotal", "section": s.name, "year": y,
                               "stated_tkr": number(s.stated[y]), "sum_of_rows_tkr": number(computed),
                               "agrees": s.stated[y] == computed})
        for y in t.years:
            rows = sum((i.amounts_tkr[y] for s in t.sections for i in s.items), Decimal(0))
            subs = sum((s.stated[y] if s.stated else sum((i.amounts_tkr[y] for i in s.items), Decimal(0))
                        for s in t.sections), Decimal(0))
            checks.append({"table": t.no, "area": t.area, "scope": "total", "year": y,
                           "stated_tkr": number(t.stated_total[y]), "sum_of_stated_subtotals_tkr": number(subs),
                           "sum_of_rows_tkr": number(rows), "agrees_with_subtotals": t.stated_total[y] == subs,
                           "agrees_with_rows": t.stated_total[y] == rows})
    return checks


def _row_total_checks(doc: Document) -> list[dict]:
    out = []
    for t in doc.tables:
        for s in t.sections:
            for i in s.items:
                if i.row_total_tkr is None:
                    continue
                years_sum = sum(i.amounts_tkr.values(), Decimal(0))
                out.append({"table": t.no, "scope": "row", "section": s.name, "row": i.label,
                            "stated_tkr": number(i.row_total_tkr), "sum_of_years_tkr": number(years_sum),
                            "agrees": i.row_total_tkr == years_sum})
            if s.stated_row_total is not None:
                out.append({"table": t.no, "scope": "subtotal", "section": s.name,
                            "stated_tkr": number(s.stated_row_total),
                            "sum_of_years_tkr": number(sum(s.stated.values(), Decimal(0))), "agrees": True})
    return out


def document_truth(doc: Document, name: str, seed: int) -> dict:
    mismatches = [_plain(p) for p in doc.planted if p["kind"] in
                  ("subtotal_mismatch", "total_mismatch", "row_total_mismatch")]
    narrative = [_plain(p) for p in doc.planted if p["kind"] == "narrative_mismatch"]
    overview = [_plain(p) for p in doc.planted if p["kind"].startswith("overview")]
    findings = bool([m for m in mismatches if m["root_cause"]] or narrative or
                    [o for o in overview if o["root_cause"]])
    return {
        "file": f"{name}.pdf", "variant": "generated", "seed": seed,
        "description": "made by tests/generator from its seed; every axis drawn is in 'axes'",
        "axes": doc.axes, "title": doc.title, "years": list(doc.years), "unit": doc.axes["unit"],
        "unit_multiplier_dkk": UNITS[doc.axes["unit"]],
        "expected_behaviour": {"outcome": "extract_tables", "exit_code": 1 if findings else 0},
        "n_tables": len(doc.tables),
        "tables": [_table(t) for t in doc.tables],
        "overview": {a: {str(y): number(v) for y, v in f.items()} for a, f in doc.overview.items()}
        if doc.overview else None,
        "expected_audit": {
            "checks": _checks(doc), "mismatches": mismatches,
            "all_stated_totals_agree": not mismatches,
            "narrative_findings": [_plain(m) for m in doc.mentions],
            "narrative_contradictions": narrative, "overview_mismatches": overview,
            "row_total_checks": _row_total_checks(doc),
        },
    }
