"""The console: options refused before any work, --version, Ctrl-C, a bounded number of finding lines."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from projektpulje.cli import main
from projektpulje.stages.batch import finding_lines

from .conftest import SAMPLE_2021, SAMPLES


@pytest.mark.parametrize(("options", "message"), [
    (["--jobs", "0"], "--jobs 0: must be at least 1"),
    (["--jobs", "-3"], "--jobs -3: must be at least 1"),
    (["--timeout", "0"], "--timeout 0: must be more than 0 seconds"),
    (["--timeout", "-1"], "--timeout -1: must be more than 0 seconds"),
])
def test_impossible_numbers_are_refused_before_any_work(tmp_path, capsys, options, message):
    out = tmp_path / "out"
    assert main(["run", str(SAMPLE_2021), "--out", str(out), *options]) == 2
    assert capsys.readouterr() == ("", f"projektpulje: error: {message}\n")
    assert not out.exists()


def test_an_out_that_is_a_file_is_refused_naming_the_option(tmp_path, capsys):
    target = tmp_path / "results.csv"
    target.write_text("kept\n", encoding="utf-8")
    assert main(["run", str(SAMPLE_2021), "--out", str(target)]) == 2
    assert capsys.readouterr() == ("", f"projektpulje: error: --out {target}: is a file, not a folder\n")
    assert main(["run", str(SAMPLE_2021), "--out", str(target / "sub")]) == 2
    assert capsys.readouterr().err == f"projektpulje: error: --out {target / 'sub'}: {target} is a file, not a folder\n"
    assert target.read_text(encoding="utf-8") == "kept\n"


def test_an_out_that_cannot_be_written_is_refused_naming_the_option(capsys):
    # /proc takes no new folders, not even from root (which os.access would let through).
    assert main(["run", str(SAMPLE_2021), "--out", "/proc/projektpulje-out"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("projektpulje: error: --out /proc/projektpulje-out: cannot write in /proc (")
    assert err.count("\n") == 1


def test_the_version_is_that_of_the_installed_package():
    from importlib.metadata import version

    from projektpulje.settings import VERSION

    assert VERSION == version("projektpulje")


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == "projektpulje 0.1.0\n"


def test_at_most_five_finding_lines_then_how_many_more():
    findings = [{"kind": "total_mismatch", "root_cause": True, "table_no": n, "page": n, "message": f"m{n}"}
                for n in range(1, 13)]
    result = SimpleNamespace(analysis=SimpleNamespace(findings=findings), source=Path("a.pdf"), out_dir=Path("out/a"))
    lines = finding_lines(result)
    assert lines[:2] == ("total_mismatch: a.pdf, page 1, table 1: m1", "total_mismatch: a.pdf, page 2, table 2: m2")
    assert len(lines) == 6
    assert lines[-1] == f"… and 7 more in {Path('out/a/findings.csv')}"
    five = SimpleNamespace(analysis=SimpleNamespace(findings=findings[:5]), source=Path("a.pdf"), out_dir=Path("o"))
    assert len(finding_lines(five)) == 5


def test_ctrl_c_stops_with_one_line_and_exit_130_keeping_finished_documents(tmp_path):
    script = shutil.which("projektpulje")
    out = tmp_path / "out"
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    run = subprocess.Popen([script, "run", *map(str, pdfs), "--out", str(out), "--jobs", "1", "-q"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    first = out / pdfs[0].stem
    deadline = time.monotonic() + 60
    while not (first / "report.html").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)  # the second document is under way
    os.killpg(run.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the whole group
    stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == 130
    assert stdout == ""
    finished = sorted(p.name for p in out.iterdir())
    assert stderr == (f"projektpulje: interrupted; {len(finished)} of {len(pdfs)} documents finished and kept; "
                      "nothing else written\n")
    assert 1 <= len(finished) < len(pdfs)
    assert "all" not in finished
    for name in finished:  # whole folders only, nothing half-written beside them
        assert sorted(p.name for p in (out / name).iterdir()) == [
            "datapackage.json", "findings.csv", "items.csv", "mentions.csv", "report.html", "totals.csv"]


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    """56 pages: the 2021 sample eight times over."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(SAMPLE_2021)
    long = pdfium.PdfDocument.new()
    for _ in range(8):
        long.import_pages(source)
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    long.save(path)
    return path


def test_a_long_document_shows_its_pages_in_a_few_plain_lines_off_a_terminal(long_pdf, tmp_path, capfd):
    assert main(["run", str(long_pdf), "--out", str(tmp_path)]) == 1
    out, err = capfd.readouterr()
    assert out == (f"long.pdf: 56 tables, 392 lines, 184/192 checks ok, 552 of 552 amounts in tables accounted for, "
                   f"8 findings -> {tmp_path / 'long'}\n")
    pages = [line for line in err.splitlines() if line.startswith("long.pdf: page ")]
    numbers = [int(line.split()[2]) for line in pages]
    assert pages[-1] == "long.pdf: page 56 of 56"
    lines, after = err.splitlines(), "long.pdf: every page read; now the tables, the prose and the report"
    # said once, after the last page; unless the rest was done before the next look at the count (0.25 s)
    assert lines.count(after) <= 1
    assert after not in lines or lines[lines.index(pages[-1]) + 1] == after
    assert numbers == sorted(set(numbers)) and 2 <= len(pages) <= 11
    findings = [line for line in err.splitlines() if line.startswith("narrative_mismatch: long.pdf")]
    assert len(findings) == 5
    assert f"… and 3 more in {tmp_path / 'long' / 'findings.csv'}" in err.splitlines()


def test_on_a_terminal_the_pages_are_a_bar_redrawn_in_place(capsys, monkeypatch):
    from projektpulje.console import PageLines

    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: the whole frame fits

    show = PageLines("long.pdf", bar=True)
    for done in (0, 700, 1400):
        show(done, 1400)
    show(1400, 1400, final=True)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.endswith("\n")
    assert err.count("\r") == err.count("\r\033[K")  # each frame erases the one before
    frames = err.rstrip("\n").replace("\033[K", "").split("\r")[1:]
    assert frames[0] == f"long.pdf [{'.' * 30}] page 0 of 1400"
    assert frames[1] == f"long.pdf [{'#' * 15}{'.' * 15}] page 700 of 1400"
    assert frames[-2] == f"long.pdf [{'#' * 30}] page 1400 of 1400 · every page read; now the tables, the prose and the report"
    assert frames[-1] == f"long.pdf [{'#' * 30}] page 1400 of 1400"
