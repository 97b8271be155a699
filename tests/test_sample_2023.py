"""A 2023 edition (fictional) whose tables plan two years, "1.000 kr. | 2023 | 2024", with "-" for nothing planned."""

from __future__ import annotations

import pytest

from .conftest import EXTRACTORS, GOLDEN, SAMPLES
from .helpers import differing_files, read_rows

PDF = SAMPLES / "udmoentning-af-projektpuljen-2023.pdf"
REFERENCE = GOLDEN / PDF.stem


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_2023_reads_exactly(extractor, written):
    result = written(PDF, extractor)
    assert (len(result.tables), result.lines, result.checks_ok, result.checks, result.exit_code) == (5, 39, 37, 37, 0)
    assert differing_files(result.out_dir, REFERENCE) == []


def test_every_line_has_a_row_per_year_and_a_dash_is_zero():
    items = read_rows(REFERENCE / "items.csv")
    assert len(items) == 78
    assert {r["year"] for r in items} == {"2023", "2024"}
    (pilot_2024,) = [r for r in items if r["item"].startswith("Pilotprojekt med fleksibel") and r["year"] == "2024"]
    assert (pilot_2024["amount_tkr"], pilot_2024["amount_dkk"]) == ("0", "0")


def test_each_year_has_its_own_totals():
    totals = [r for r in read_rows(REFERENCE / "totals.csv") if r["level"] == "table"]
    assert [(r["year"], r["stated_tkr"]) for r in totals if r["table_no"] == "1"] == [("2023", "2700"), ("2024", "2150")]
    grand = {year: sum(int(r["stated_tkr"]) for r in totals if r["year"] == year) for year in ("2023", "2024")}
    items = read_rows(REFERENCE / "items.csv")
    assert grand == {year: sum(int(r["amount_tkr"]) for r in items if r["year"] == year) for year in ("2023", "2024")}
