"""The public API as a notebook uses it (`projektpulje.read_pdf`, `Document`, `projektpulje.compare`), the
exception hierarchy and exit codes, and every subcommand's help."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

import projektpulje
from projektpulje.cli import main
from projektpulje.stages import batch
from projektpulje.stages.batch import run_one
from projektpulje.settings import RunSettings

from .conftest import FIXTURES, GOLDEN, SAMPLE_2021, SAMPLES


@pytest.fixture(scope="module")
def document() -> projektpulje.Document:
    return projektpulje.read_pdf(SAMPLE_2021)


def test_read_pdf_gives_the_document_with_its_rows_checked(document):
    assert document.checked and document.year == 2021 and len(document.tables) == 7
    assert (len(document.items), len(document.totals), len(document.mentions)) == (49, 20, len(document.analysis.mentions))
    assert document.findings["kind"].tolist() == ["narrative_mismatch"]
    assert document.exit_code == 1
    assert repr(document) == ("<Document udmoentning-af-projektpuljen-2021.pdf: 7 tables, 49 lines, 23/24 checks ok, "
                              "69 of 69 amounts in tables accounted for, 1 finding>")


def test_the_frames_hold_exact_amounts_that_add_up_to_each_stated_total(document):
    items, totals = document.items, document.totals
    assert {type(a) for a in items["amount_tkr"]} == {Decimal}
    for total in totals[totals["level"] == "table"].itertuples():
        lines = items[(items["table_no"] == total.table_no) & (items["year"] == total.year)]
        assert sum(lines["amount_tkr"], Decimal(0)) == total.stated_tkr
    assert (items["amount_dkk"] == [int(a * 1000) for a in items["amount_tkr"]]).all()


def test_to_folder_writes_the_files_the_command_writes(document, tmp_path):
    folder = document.to_folder(tmp_path)
    assert folder == tmp_path / SAMPLE_2021.stem
    for name in ("items.csv", "totals.csv", "findings.csv", "mentions.csv"):
        assert (folder / name).read_bytes() == (GOLDEN / SAMPLE_2021.stem / name).read_bytes(), name
    assert (folder / "report.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert (folder / "datapackage.json").exists()


def test_a_notebook_shows_the_summary_and_the_findings(document):
    html = document._repr_html_()
    assert '<b>7</b><span>tables</span>' in html and '<b>1</b><span>findings</span>' in html
    assert "0,537 mio. kr." in html


def test_compare_sets_two_editions_side_by_side_and_names_renamed_areas():
    compared = projektpulje.compare(SAMPLE_2021, SAMPLES / "udmoentning-af-projektpuljen-2022.pdf")
    assert list(compared.columns[:4]) == ["area", "section", "group", "item"]
    assert compared.attrs["renamed_areas"] == {"Mobilitet": "Mobilitet og infrastruktur"}
    assert set(compared["status"]) == {"new", "removed", "changed", "unchanged"}


def test_a_file_that_cannot_be_used_raises_the_input_error(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(projektpulje.InputError, match=r"empty\.pdf: the file is empty \(0 bytes\)$") as raised:
        projektpulje.read_pdf(empty)
    assert isinstance(raised.value, projektpulje.ProjektpuljeError) and raised.value.exit_code == 2


def test_a_fault_of_projektpulje_itself_exits_3_in_one_line(monkeypatch, capsys):
    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setattr("projektpulje.cli.command_run", broken)
    assert main(["run"]) == 3
    assert capsys.readouterr().err == (
        "projektpulje: internal error: RuntimeError: boom (run with --debug for the traceback)\n")


def test_an_incomplete_installation_is_not_blamed_on_the_pdf(monkeypatch):
    def missing(pdf, **options):
        raise ModuleNotFoundError("No module named 'projektpulje.schemas'")

    monkeypatch.setattr(batch, "run_document", missing)
    outcome = run_one(SAMPLE_2021, RunSettings())
    assert outcome.exit_code == 3
    assert outcome.error == (f"{SAMPLE_2021}: projektpulje is not installed completely "
                             "(ModuleNotFoundError: No module named 'projektpulje.schemas'); reinstall it")


def _raising_in(module_name: str):
    """A stand-in for the first stage whose failure is raised from a frame of module `module_name`."""
    code = compile("def failing(pdf, **options):\n    raise ValueError('bad value')\n", module_name, "exec")
    namespace = {"__name__": module_name}
    exec(code, namespace)
    return namespace["failing"]


def test_a_bug_of_projektpulje_while_reading_exits_3_and_is_not_blamed_on_the_pdf(monkeypatch):
    monkeypatch.setattr("projektpulje.stages.ahead.draft_document", _raising_in("projektpulje.outputs.report.text"))
    outcome = run_one(SAMPLE_2021, RunSettings())
    assert outcome.exit_code == 3
    assert outcome.error == (f"{SAMPLE_2021}: ValueError: bad value (a fault of projektpulje, not of the PDF; "
                             "run with --debug for the traceback)")
    assert "Traceback" in outcome.detail


def test_a_pdf_library_failing_unexpectedly_is_the_pdf_that_cannot_be_read(monkeypatch):
    monkeypatch.setattr("projektpulje.stages.ahead.draft_document", _raising_in("pdfminer.pdfparser"))
    outcome = run_one(SAMPLE_2021, RunSettings())
    assert outcome.exit_code == 2
    assert outcome.error == (f"{SAMPLE_2021}: cannot be read (the PDF reader failed on it unexpectedly); "
                             "run with --debug for details")


def test_the_command_names_an_internal_error_as_such(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("projektpulje.stages.ahead.draft_document", _raising_in("projektpulje.budget.normalise"))
    assert main(["run", str(SAMPLE_2021), "--out", str(tmp_path), "-q", "--jobs", "1"]) == 3
    assert capsys.readouterr().err == (
        f"projektpulje: internal error: {SAMPLE_2021}: ValueError: bad value (a fault of projektpulje, not of the "
        "PDF; run with --debug for the traceback)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [[], ["run"], ["compare"]])
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: projektpulje {' '.join(command)}".rstrip())
    assert ("example" in out) if command else all(c in out for c in ("run", "compare"))


def test_read_pdf_takes_bytes_or_a_binary_file_object_named_as_given(document, tmp_path):
    from_bytes = projektpulje.read_pdf(SAMPLE_2021.read_bytes(), name="budget 2021.pdf")
    assert from_bytes.source.name == "budget 2021.pdf"
    assert set(from_bytes.items["source_file"]) == {"budget 2021.pdf"}
    assert from_bytes.items.drop(columns="source_file").equals(document.items.drop(columns="source_file"))
    with SAMPLE_2021.open("rb") as fh:
        from_file = projektpulje.read_pdf(fh)
    assert from_file.source.name == SAMPLE_2021.name and from_file.items.equals(document.items)
    folder = from_bytes.to_folder(tmp_path)  # the copy read stays there for the report's images
    assert folder == tmp_path / "budget 2021" and (folder / "report.html").exists()
    with pytest.raises(TypeError, match="binary file object"):
        projektpulje.read_pdf(io.StringIO("%PDF-1.7"))


def test_a_scan_read_through_the_api_is_told_the_keyword_and_ocr_reads_it():
    scan = FIXTURES / "bad" / "scanned.pdf"
    with pytest.raises(projektpulje.InputError, match=r"no text layer \(scanned\?\); give ocr=True to read it"):
        projektpulje.read_pdf(scan)
    with pytest.raises(projektpulje.InputError, match=r"scanned\.pdf: no budget tables found$"):  # read by Tesseract
        projektpulje.read_pdf(scan, ocr=True)


def test_an_encrypted_pdf_read_through_the_api_is_told_the_keyword():
    with pytest.raises(projektpulje.InputError, match=r"encrypted; give password=$"):
        projektpulje.read_pdf(FIXTURES / "bad" / "encrypted.pdf")


def test_to_folder_writes_every_format_the_command_does(document, tmp_path):
    import json

    folder = document.to_folder(tmp_path, formats=["parquet", "xlsx"], csv_dialect="excel-da")
    names = {p.name for p in folder.iterdir()}
    assert {"items.parquet", "totals.parquet", "findings.parquet", "mentions.parquet", "workbook.xlsx"} <= names
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["projektpulje"]["options"]["formats"] == ["csv", "parquet", "xlsx"]
    assert (folder / "items.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        document.to_folder(tmp_path, formats=["pdf"])
