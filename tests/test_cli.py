"""The projektpulje command as a user meets it: output lines, files, exit codes, one-line errors."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

import pytest

from projektpulje.cli import main
from projektpulje.settings import BUNDLED_SAMPLE

from .conftest import GOLDEN, SAMPLE_2021, SAMPLES
from .helpers import differing_files
from .pdfs import minimal_pdf

STEM = "udmoentning-af-projektpuljen-2021"


def test_run_without_arguments_processes_the_bundled_sample(tmp_path, capsys):
    # The 2021 document's prose says 0,537 mio. kr. where its table says 587: one finding, exit 1.
    assert main(["run", "--out", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{STEM}.pdf: 7 tables, 49 lines, 23/24 checks ok, 69 of 69 amounts in tables accounted for, 1 finding -> {tmp_path / STEM}\n"
    assert f"reading {BUNDLED_SAMPLE}" in err
    assert BUNDLED_SAMPLE.read_bytes() == SAMPLE_2021.read_bytes()
    assert "narrative_mismatch: udmoentning-af-projektpuljen-2021.pdf, page 4, table 5: line 18: the text says 0,537 mio. kr." in err
    assert sorted(p.name for p in (tmp_path / STEM).iterdir()) == [
        "datapackage.json", "findings.csv", "items.csv", "mentions.csv", "report.html", "totals.csv"]


def test_quiet_prints_only_the_summary(tmp_path, capsys):
    assert main(["run", str(SAMPLE_2021), "--out", str(tmp_path), "-q"]) == 1
    out, err = capsys.readouterr()
    assert (out.count("\n"), err) == (1, "")


def test_a_disagreeing_total_exits_1_and_still_writes_the_files(tmp_path, capsys):
    pdf = SAMPLES / f"{STEM}-planted-errors.pdf"
    assert main(["run", str(pdf), "--out", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "21/24 checks ok, 69 of 69 amounts in tables accounted for, 3 findings" in out
    assert (
        f"total_mismatch: {pdf.name}, page 6, table 6: line 11: 'Total' states 2.150 but the table's lines sum to 2.100 "
        "(1.000 kr.)"
        in err.splitlines()
    )
    assert (tmp_path / pdf.stem / "totals.csv").exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty (0 bytes)"),
        (b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "not a PDF; it looks like an HTML page"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not a PDF; it looks like a PNG image"),
    ],
)
def test_unusable_input_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys, content, message):
    bad = tmp_path / "download.pdf"
    bad.write_bytes(content)
    out_dir = tmp_path / "out"
    assert main(["run", str(bad), "--out", str(out_dir)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == f"projektpulje: error: {bad}: {message}"
    assert not (out_dir / "download").exists()


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope.pdf"), "--out", str(tmp_path), "-q"]) == 2
    assert capsys.readouterr().err == f"projektpulje: error: {tmp_path / 'nope.pdf'}: no such file\n"


def test_a_pdf_without_budget_tables_exits_2(tmp_path, capsys):
    pdf = tmp_path / "prose.pdf"
    pdf.write_bytes(minimal_pdf("Kun tekst, ingen tabeller."))
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "-q"]) == 2
    assert capsys.readouterr().err == f"projektpulje: error: {pdf}: no budget tables found\n"
    assert not (tmp_path / "out" / "prose").exists()


def test_one_bad_file_does_not_stop_the_others(tmp_path, capsys):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    assert main(["run", str(bad), str(SAMPLE_2021), "--out", str(tmp_path), "-q"]) == 2
    assert (tmp_path / STEM / "items.csv").exists()


def test_every_command_has_help(capsys):
    for argv in (["--help"], ["run", "--help"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 0
    assert "exit codes:" in capsys.readouterr().out


def test_the_console_script_is_installed_and_writes_the_golden_files(tmp_path):
    # As a user runs it: the second stage loads pandas without pyarrow (test_rules checks the rules there).
    script = shutil.which("projektpulje")
    assert script, "pip install -e . puts projektpulje on the PATH"
    done = subprocess.run([script, "run", "--out", str(tmp_path), "-q"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.startswith(f"{STEM}.pdf: 7 tables, 49 lines, 23/24 checks ok")
    assert differing_files(tmp_path / STEM, GOLDEN / STEM) == []


def test_cross_check_reads_with_both_extractors_and_finds_no_disagreement_on_the_sample(tmp_path, capsys):
    assert main(["run", str(SAMPLE_2021), "--out", str(tmp_path), "-q", "--cross-check"]) == 1
    out = capsys.readouterr().out
    assert out == (f"{STEM}.pdf: 7 tables, 49 lines, 23/24 checks ok, 69 of 69 amounts in tables accounted for, "
                   f"1 finding, cross-check: 69 of 69 cells agree "
                   f"(pdfium, camelot) -> {tmp_path / STEM}\n")
    package = json.loads((tmp_path / STEM / "datapackage.json").read_text(encoding="utf-8"))
    assert package["projektpulje"]["cross_check"] == "69 of 69 cells agree (pdfium, camelot)"
    assert package["projektpulje"]["extractors"] == ["pdfium", "camelot"]
    report = (tmp_path / STEM / "report.html").read_text(encoding="utf-8")
    assert "<dt>cross-check</dt><dd>69 of 69 cells agree (pdfium, camelot)</dd>" in report
    digest = hashlib.sha256(SAMPLE_2021.read_bytes()).hexdigest()
    assert f"<dt>source sha256</dt><dd>{digest}</dd>" in report
    findings = (tmp_path / STEM / "findings.csv").read_text(encoding="utf-8")
    assert "extractor_disagreement" not in findings
    assert findings.count("\n") == 2  # the header and the one narrative_mismatch


def test_the_output_folder_is_made_by_the_run_not_kept_in_the_repository(tmp_path, capsys):
    out = tmp_path / "not" / "yet" / "output"
    assert main(["run", "--out", str(out), "-q"]) == 1
    assert (out / STEM / "items.csv").exists()
    root = SAMPLES.parent
    if shutil.which("git") and (root / ".git").exists():
        tracked = subprocess.run(["git", "ls-files", "output"], cwd=root, capture_output=True, text=True, check=True)
        assert tracked.stdout == ""


def test_debug_says_what_was_seen_when_no_budget_table_is_found(tmp_path, capsys):
    pdf = tmp_path / "prose.pdf"
    pdf.write_bytes(minimal_pdf("Kun tekst, ingen tabeller."))
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "-q", "--debug"]) == 2
    err = capsys.readouterr().err
    assert err.endswith(f"no table-like region in the document\nprojektpulje: error: {pdf}: no budget tables found\n")
