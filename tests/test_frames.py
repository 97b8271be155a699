"""A Document's rows as data frames, typed from the output files' Table Schemas (as Parquet is): the same types
for every edition, for a frame without rows, and amounts exact (a mention of "3,08 kr." is 3.08, not 3)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from projektpulje.document import Document
from projektpulje.results import Analysis
from projektpulje.schemas.findings import finding

FRAMES = ("items", "totals", "findings", "mentions")


def document_of(*, findings=(), mentions=(), totals=()) -> Document:
    """A Document over the given rows alone, as if read from `edition.pdf`."""
    analysis = Analysis(document=None, raws=(), tables=(), items=(), table_totals=(tuple(totals),),
                        findings=tuple(findings), mentions=tuple(mentions), skipped=())
    return Document(Path("edition.pdf"), analysis, checked=True)


def mention(amount) -> dict:
    return {"table_no": 1, "area": "A", "page": 2, "mention": "3,08 kr.", "amount_dkk": amount, "tied_to": "",
            "table_dkk": "", "status": "untied", "sentence": "Der afsættes 3,08 kr."}


def total(year, stated, computed) -> dict:
    return {"year": year, "table_no": 1, "area": "A", "level": "row" if year is None else "table", "section": "",
            "section_key": "", "group": "", "item": "Total", "stated_tkr": stated, "computed_tkr": computed,
            "difference_tkr": stated - computed, "status": "ok" if stated == computed else "mismatch", "page": 1}


def test_a_mention_of_kroner_and_oere_keeps_its_oere():
    assert document_of(mentions=[mention(Decimal("3.08"))]).mentions["amount_dkk"].tolist() == [Decimal("3.08")]


def test_every_frame_has_the_same_types_with_rows_or_without():
    prose = finding("narrative_mismatch", "m", year=2021, table_no=1, stated=537000, computed=587000, page=4, unit="DKK")
    table = finding("total_mismatch", "m", year=2021, table_no=1, stated=Decimal("2150"), computed=Decimal("2100.5"),
                    page=6, unit="1.000 DKK")
    full = document_of(findings=[prose, table], mentions=[mention(Decimal("3.08"))],
                       totals=[total(2021, Decimal("500.0"), Decimal("500.0")), total(None, Decimal("1750.00"), Decimal(1750))])
    empty = document_of()
    for name in FRAMES:
        with_rows, without = getattr(full, name), getattr(empty, name)
        assert list(with_rows.columns) == list(without.columns) and list(without.columns)[-1] == "source_file"
        assert dict(with_rows.dtypes.astype(str)) == dict(without.dtypes.astype(str)), name
    findings = full.findings
    assert str(findings["year"].dtype) == "Int64" and str(findings["root_cause"].dtype) == "boolean"
    assert findings["computed"].tolist() == [Decimal("587000.000"), Decimal("2100.500")]
    assert findings["source_file"].tolist() == ["edition.pdf", "edition.pdf"]
    totals = full.totals
    assert str(totals["year"].dtype) == "Int64"  # a row total has no year: the column is Int64 either way
    assert [str(a) for a in totals["stated_tkr"]] == ["500.000", "1750.000"]  # one scale, as in Parquet


def test_an_amount_three_places_cannot_hold_stops_rather_than_rounds():
    with pytest.raises(ArithmeticError):
        document_of(mentions=[mention(Decimal("3.0801"))]).mentions
