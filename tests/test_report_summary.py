"""The report's summary counts every check, the prose's included, and is never green while a finding stands."""

from __future__ import annotations

import re
from decimal import Decimal
from types import SimpleNamespace

from projektpulje.outputs.report.html import summary_html
from projektpulje.results import Analysis
from projektpulje.schemas.findings import finding


def analysis_of(*, totals=(), mentions=(), findings=()) -> Analysis:
    document = SimpleNamespace(page_count=1, ocr="", repairs=())
    return Analysis(document=document, raws=(), tables=(), items=(), table_totals=(tuple(totals),),
                    findings=tuple(findings), mentions=tuple(mentions), skipped=())


def total(status: str) -> dict:
    return {"status": status, "stated_tkr": Decimal(1), "computed_tkr": Decimal(1)}


def mention(status: str) -> dict:
    return {"status": status}


def checks_card(analysis: Analysis) -> tuple[str, str]:
    """The checks card's tone (its class beside `card`) and its figure."""
    html = summary_html(analysis, "x.pdf")
    tone, value = re.search(r'<div class="card ([a-z]*)" data-stat="checks passed"><b>([^<]*)</b>', html).groups()
    return tone, value


def test_a_prose_amount_compared_with_its_table_is_a_check():
    contradicted = finding("narrative_mismatch", "the text says 0,537 mio. kr.", stated=537000, computed=587000)
    prose = [mention("agrees"), mention("agrees"), mention("contradicts"), mention("untied")]
    analysis = analysis_of(totals=[total("ok")] * 20, mentions=prose, findings=[contradicted])
    assert checks_card(analysis) == ("bad", "22/23")  # 20 totals and 3 prose amounts compared; an untied one is none


def test_never_green_while_a_finding_stands():
    unknown = finding("unknown_label", "a section heading the vocabulary does not know")
    assert checks_card(analysis_of(totals=[total("ok")] * 3, findings=[unknown])) == ("", "3/3")
    assert checks_card(analysis_of(totals=[total("ok")] * 3, mentions=[mention("agrees")])) == ("good", "4/4")
