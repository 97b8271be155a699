"""The 2021 sample with a wrong subtotal and two wrong Totals printed: each disagreement is found and measured."""

from __future__ import annotations

import csv

import pytest

from .conftest import EXTRACTORS, SAMPLES

PDF = SAMPLES / "udmoentning-af-projektpuljen-2021-planted-errors.pdf"


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_exactly_the_planted_totals_disagree_with_their_rows(extractor, written):
    result = written(PDF, extractor)
    with (result.out_dir / "totals.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    mismatches = [
        (r["table_no"], r["level"], r["section_key"], r["stated_tkr"], r["computed_tkr"], r["difference_tkr"])
        for r in rows
        if r["status"] == "mismatch"
    ]
    assert mismatches == [
        ("1", "section", "tilskudsmidler", "1600", "1500", "100"),
        ("1", "table", "", "2100", "2000", "100"),
        ("6", "table", "", "2150", "2100", "50"),
    ]
    assert (result.checks_ok, result.checks, result.exit_code) == (21, 24, 1)
    with (result.out_dir / "findings.csv").open(encoding="utf-8", newline="") as fh:
        findings = [(f["kind"], f["root_cause"], f["table_no"], f["stated"], f["computed"], f["difference"])
                    for f in csv.DictReader(fh)]
    assert findings == [
        ("subtotal_mismatch", "true", "1", "1600", "1500", "100"),
        ("total_mismatch", "false", "1", "2100", "2000", "100"),
        ("total_mismatch", "true", "6", "2150", "2100", "50"),
    ]
