"""The 2021 document as other tools lay it out (grid or none, amounts on the first, middle or last line,
captions above or below, tables split across pages): the same budget lines and totals every time."""

from __future__ import annotations

import csv

import pytest

from .conftest import EXTRACTORS, FIXTURES, GOLDEN
from .helpers import without_line_numbers

LAYOUTS = sorted(p.name for p in (FIXTURES / "layouts").glob("*.pdf"))
REFERENCE = GOLDEN / "udmoentning-af-projektpuljen-2021"
PLACE_COLUMNS = ("page", "source_file")  # where a line is printed differs by layout; what it says must not


def content(path):
    """What a file says, not where: the line number a finding names is that layout's (as its report numbers it)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return without_line_numbers([{k: v for k, v in row.items() if k not in PLACE_COLUMNS}
                                     for row in csv.DictReader(fh)])


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_the_reviewed_lines_and_totals(layout, extractor, written):
    result = written(FIXTURES / "layouts" / layout, extractor)
    assert (len(result.tables), result.lines, result.checks_ok, result.checks) == (7, 49, 23, 24)
    for name in ("items.csv", "totals.csv", "findings.csv", "mentions.csv"):
        assert content(result.out_dir / name) == content(REFERENCE / name), name


def test_there_is_variety_to_test_against():
    assert len(LAYOUTS) >= 4
