"""The 2022 and 2023 editions as other tools lay them out: the same lines and totals as the reviewed
golden files of their year (tests/fixtures/editions/<year>-<layout>.pdf)."""

from __future__ import annotations

import pytest

from .conftest import EXTRACTORS, FIXTURES, GOLDEN
from .helpers import differing_files

EDITIONS = sorted(p.name for p in (FIXTURES / "editions").glob("*.pdf"))


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_layout_of_an_edition_reads_like_its_sample(edition, extractor, written):
    year = edition.split("-")[0]
    reference = GOLDEN / f"udmoentning-af-projektpuljen-{year}"
    result = written(FIXTURES / "editions" / edition, extractor)
    assert result.checks_ok == result.checks
    assert differing_files(result.out_dir, reference, without=("page", "source_file"),
                           any_line_numbers=True) == []


def test_there_are_editions_in_several_layouts():
    assert {e.split("-")[0] for e in EDITIONS} == {"2022", "2023"}
