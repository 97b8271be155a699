"""A long document on several cores: its pages read, its tables normalised, its prose checked and its
report's tables drawn in runs by forked processes. Everything comes out as it does in one process.
(The thresholds are lowered here, so the 7-page sample is long enough to be shared.)"""

from __future__ import annotations

import os

import pytest

from projektpulje.errors import InputError
from projektpulje.extract import pdfium_extractor as pdfium
from projektpulje.stages.forked import CrashedError, Forked, in_runs, runs

from projektpulje.stages.analysis import analyse, report_sections
from projektpulje.stages.run import RunSettings, write_document

from .conftest import GOLDEN, SAMPLE_2021
from .helpers import differing_files

SHARED = RunSettings(processes=2, tables_per_process=3, pages_per_process=3)


def two_processes(read, pages):
    """Pages shared between two processes in runs of at least three, as orchestration shares them."""
    return in_runs(read, pages, processes=2, least=3)


def test_work_is_shared_in_contiguous_runs_none_too_short():
    assert runs(range(700), 2, least=32) == [range(0, 350), range(350, 700)]
    assert runs(range(7), 2, least=32) == [range(0, 7)]  # too short to share
    assert runs(range(100), 4, least=32) == [range(0, 33), range(33, 66), range(66, 100)]
    assert runs([], 2, least=32) == [[]]
    assert runs("abcde", 2, least=2) == ["ab", "cde"]


def test_work_in_runs_comes_back_in_order():
    pids = in_runs(lambda run: [os.getpid()] * len(run), range(6), processes=3, least=2)
    assert pids[:2] == [os.getpid()] * 2 and len(set(pids)) == 3  # the first run here, the others each forked
    assert in_runs(lambda run: [i * i for i in run], range(10), processes=3, least=2) == [i * i for i in range(10)]


def test_pages_read_in_runs_are_the_pages_read_in_one_go():
    assert pdfium.read_all_pages(SAMPLE_2021, map_pages=two_processes) == pdfium.read_pages(SAMPLE_2021)


def test_a_page_that_cannot_be_read_in_another_process_is_named_by_its_number(monkeypatch):
    read = pdfium.page_to_content

    def fail_on_page_6(numbered, **kwargs):
        if numbered.number == 6:
            raise ValueError("bad content stream")
        return read(numbered, **kwargs)

    monkeypatch.setattr(pdfium, "page_to_content", fail_on_page_6)
    with pytest.raises(InputError) as error:
        pdfium.read_all_pages(SAMPLE_2021, map_pages=two_processes)
    assert str(error.value) == f"{SAMPLE_2021}: damaged PDF (page 6 cannot be read)"


def test_an_analysis_shared_among_processes_is_the_analysis_made_in_one():
    shared, alone = analyse(SAMPLE_2021, settings=SHARED), analyse(SAMPLE_2021, settings=RunSettings())
    assert (shared.tables, shared.items, shared.totals, shared.findings, shared.mentions) == (
        alone.tables, alone.items, alone.totals, alone.findings, alone.mentions)
    assert report_sections(shared, SAMPLE_2021, settings=SHARED) == report_sections(alone, SAMPLE_2021, settings=RunSettings())


def test_a_run_on_two_cores_writes_the_golden_files(tmp_path):
    result = write_document(SAMPLE_2021, settings=RunSettings(out_dir=tmp_path, processes=2, tables_per_process=3,
                                                            pages_per_process=3))
    assert differing_files(result.out_dir, GOLDEN / result.out_dir.name) == []
    assert (len(result.tables), result.lines, result.checks_ok, result.checks) == (7, 49, 23, 24)


def test_a_forked_call_returns_its_result_or_raises_its_error():
    assert Forked(sum, [1, 2, 3]).result() == 6
    with pytest.raises(InputError, match="^no tables$"):
        Forked(_raise, InputError("no tables")).result()
    with pytest.raises(CrashedError, match="^ZeroDivisionError: division by zero$") as crash:
        Forked(lambda: 1 / 0).result()
    assert "ZeroDivisionError" in crash.value.detail and crash.value.status is None


def test_a_forked_process_that_dies_is_reported_with_its_status():
    with pytest.raises(CrashedError, match=r"^its process ended without a result \(status \d+\)$") as crash:
        Forked(os._exit, 3).result()
    assert os.waitstatus_to_exitcode(crash.value.status) == 3


def _raise(error: Exception):
    raise error
