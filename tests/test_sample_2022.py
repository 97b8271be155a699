"""A 2022 edition (fictional, from the 2021 one): a renamed area, a new area, a line moved between
groups, other amounts. It must read without any change to the code or the vocabulary."""

from __future__ import annotations

import pytest

from .conftest import EXTRACTORS, GOLDEN, SAMPLES
from .helpers import differing_files, read_rows

PDF = SAMPLES / "udmoentning-af-projektpuljen-2022.pdf"
REFERENCE = GOLDEN / PDF.stem


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_2022_reads_exactly(extractor, written):
    result = written(PDF, extractor)
    assert (len(result.tables), result.lines, result.checks_ok, result.checks, result.exit_code) == (8, 54, 26, 26, 0)
    assert differing_files(result.out_dir, REFERENCE) == []


def test_the_new_area_and_the_renamed_one_come_from_the_captions():
    areas = {(r["table_no"], r["area"]) for r in read_rows(REFERENCE / "items.csv")}
    assert ("1", "Mobilitet og infrastruktur") in areas
    assert ("4", "Kultur og events") in areas
    totals = {r["table_no"]: r["stated_tkr"] for r in read_rows(REFERENCE / "totals.csv") if r["level"] == "table"}
    assert totals == {"1": "2000", "2": "750", "3": "1800", "4": "1450", "5": "9300", "6": "3550", "7": "2000",
                      "8": "2550"}


def test_a_line_moved_to_another_group_is_read_in_its_new_group():
    (line,) = [r for r in read_rows(REFERENCE / "items.csv") if r["item"] == "Ny regional affaldsplan"]
    assert (line["group"], line["amount_tkr"]) == ("Cirkulær økonomi i de midtjyske kommuner", "150")
