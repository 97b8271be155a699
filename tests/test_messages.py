"""A finding's words: amounts as the documents print them (Danish: '1.600', '587.000 kr.'), the table line as
report.html numbers it, and one count of checks for the summary line and the report."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from projektpulje.audit.findings import mentions_to_findings
from projektpulje.budget.narrative import Mention
from projektpulje.schemas import totals_to_findings
from projektpulje.schemas.findings import danish_amount

from .conftest import SAMPLES

PLANTED = SAMPLES / "udmoentning-af-projektpuljen-2021-planted-errors.pdf"


@pytest.mark.parametrize(("amount", "printed"), [
    (Decimal(1600), "1.600"), (Decimal("1600.000"), "1.600"), (Decimal("2002.500"), "2.002,5"), (587000, "587.000"),
    (Decimal("0.663"), "0,663"), (Decimal(-250), "-250"), (Decimal("-0.000"), "0"), (Decimal(0), "0"),
    (Decimal("1234567.25"), "1.234.567,25"), (Decimal(999), "999"),
])
def test_an_amount_is_written_as_the_documents_print_it(amount, printed):
    assert danish_amount(amount) == printed


def _total(level: str, stated: str, computed: str, **more) -> dict:
    return {"year": 2030, "table_no": 2, "area": "Et område", "section": "Tilskudsmidler", "section_key": "t",
            "level": level, "label": more.pop("label", "Tilskudsmidler i alt"), "item": "", "page": 3,
            "stated_tkr": Decimal(stated), "computed_tkr": Decimal(computed),
            "status": "ok" if Decimal(stated) == Decimal(computed) else "mismatch", **more}


def test_a_totals_message_prints_its_amounts_in_danish():
    rows = [_total("section", "12500", "12250.5"), _total("table", "30000", "29750.5", label="Total", section="")]
    subtotal, total = (f["message"] for f in totals_to_findings(rows))
    assert subtotal == "'Tilskudsmidler i alt' states 12.500 but its lines sum to 12.250,5 (1.000 kr.)"
    assert total.startswith("'Total' states 30.000 but the table's lines sum to 29.750,5 (1.000 kr.)")
    row = _total("row", "1600", "1500", label="Et projekt", item="Et projekt")
    assert totals_to_findings([row])[0]["message"] == (
        "'Et projekt' states 1.600 as its total over the years but its years sum to 1.500 (1.000 kr.)")


def test_the_prose_message_prints_the_tables_kroner_in_danish():
    mention = Mention(table_no=1, area="Et område", page=2, printed="0,537 mio. kr.", amount_dkk=Decimal(537000),
                      sentence="Der afsættes 0,537 mio. kr.", tied_to="Et projekt", table_dkk=1587000,
                      status="contradicts", year=2030)
    message = mentions_to_findings([mention], year=2030)[0]["message"]
    assert message.startswith("the text says 0,537 mio. kr. for 'Et projekt' but the table says 1.587.000 kr.: ")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    import projektpulje

    document = projektpulje.read_pdf(PLANTED)
    out = document.to_folder(tmp_path_factory.mktemp("planted"))
    return document, (out / "report.html").read_text(encoding="utf-8")


def test_a_finding_names_its_table_line_as_report_html_numbers_it(planted):
    document, html = planted
    rows = dict(re.findall(r'<td class="ln">([^<]*)</td><td[^>]*><span class="label">([^<]*)</span>', html))
    named = [f for f in document.analysis.findings if re.match(r"lines? \d", f["message"])]
    assert len(named) == len(document.analysis.findings) == 3
    for found in named:
        number, rest = re.match(r"lines? ([0-9–]+): (.*)", found["message"]).groups()
        label = re.match(r"'([^']*)'", rest).group(1)
        assert rows.get(number) == label or f">{number}</td>" in html  # that line's # in report.html


def test_the_summary_lines_checks_are_report_htmls(planted):
    document, html = planted
    card = re.search(r'data-stat="checks passed"><b>(\d+)/(\d+)</b>', html).groups()
    summary = re.search(r"(\d+)/(\d+) checks ok", document.summary()).groups()
    assert summary == card
    totals = len(document.analysis.totals)
    compared = sum(m["status"] in ("agrees", "contradicts") for m in document.analysis.mentions)
    assert int(summary[1]) == totals + compared and compared > 0  # prose checks counted in both
