"""Whatever was downloaded: each unusable file ends in one clear line, exit 2 and no files."""

from __future__ import annotations

import csv

import pytest

from projektpulje.cli import main

from .conftest import FIXTURES, GOLDEN, SAMPLE_2021
from .pdfs import minimal_pdf

BAD = FIXTURES / "bad"
SAMPLE = SAMPLE_2021.read_bytes()


def truncated() -> bytes:
    return SAMPLE[: len(SAMPLE) * 2 // 3]


def without_eof_marker() -> bytes:
    return SAMPLE[: SAMPLE.rindex(b"%%EOF")]


def object_missing() -> bytes:
    """The sample with one of its objects (its first page) cut out: its table lists what is gone."""
    start = SAMPLE.index(b"/Type/Page/")
    start = SAMPLE.rindex(b"endobj", 0, start) + len(b"endobj")
    end = SAMPLE.index(b"endobj", start) + len(b"endobj")
    return SAMPLE[:start] + SAMPLE[end:]


def unsupported_compression() -> bytes:
    """A page whose content is compressed with a filter the PDF reader lacks."""
    pdf = minimal_pdf("Udmoentning af projektpuljen 2021")
    return pdf.replace(b"<< /Length", b"<< /Filter /BrotliDecode /Length")


def corrupt_stream() -> bytes:
    """The sample with bytes in the middle of its first compressed stream overwritten."""
    start = SAMPLE.index(b"stream", SAMPLE.index(b"/FlateDecode")) + 40
    return SAMPLE[:start] + b"\x00\xff" * 8 + SAMPLE[start + 16:]


CASES = {
    "empty": (b"", "the file is empty (0 bytes)"),
    "html": (b"<!DOCTYPE html>\n<html><head><title>404</title></head></html>", "not a PDF; it looks like an HTML page"),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a PDF; it looks like a PNG image"),
    "word": (b"PK\x03\x04" + bytes(200), "not a PDF; it looks like a ZIP archive (perhaps a Word or Excel file)"),
    "truncated": (truncated(), "truncated PDF (no end-of-file marker); download it again"),
    "no-eof": (without_eof_marker(), "truncated PDF (no end-of-file marker); download it again"),
    "object-missing": (object_missing(), "damaged PDF (objects its cross-reference table lists are missing from the file)"),
    "unsupported-compression": (unsupported_compression(), "uses a compression (BrotliDecode) that the PDF reader does not support"),
    "corrupt-stream": (corrupt_stream(), "damaged PDF (a compressed stream in it is corrupt)"),
    "encrypted": ((BAD / "encrypted.pdf").read_bytes(), "encrypted; give --password"),
    "scanned": ((BAD / "scanned.pdf").read_bytes(), "no text layer (scanned?); give --ocr to read it with Tesseract"),
    "prose-only": (minimal_pdf("Udmoentning af projektpuljen 2021. Ingen tabeller her."), "no budget tables found"),
}


@pytest.mark.parametrize("extractor", ["pdfium", "pdfplumber", "camelot"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_exits_2_with_one_line_and_no_files(case, extractor, tmp_path, capsys):
    content, message = CASES[case]
    pdf = tmp_path / f"{case}.pdf"
    pdf.write_bytes(content)
    out = tmp_path / "out"
    assert main(["run", str(pdf), "--out", str(out), "--extractor", extractor, "-q"]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"projektpulje: error: {pdf}: {message}\n")
    assert not out.exists() or list(out.iterdir()) == []


def test_a_wrong_password_is_said_so(tmp_path, capsys):
    assert main(["run", str(BAD / "encrypted.pdf"), "--password", "guess", "--out", str(tmp_path), "-q"]) == 2
    assert capsys.readouterr().err.endswith("encrypted.pdf: encrypted, and the password given does not open it\n")


@pytest.mark.parametrize("extractor", ["pdfium", "pdfplumber", "camelot"])
def test_the_right_password_gives_the_same_data_as_the_open_document(extractor, tmp_path):
    assert main(["run", str(BAD / "encrypted.pdf"), "--password", "projektpulje", "--out", str(tmp_path),
                 "--extractor", extractor, "-q"]) == 1

    def rows(path):
        with path.open(encoding="utf-8", newline="") as fh:
            return [{k: v for k, v in r.items() if k != "source_file"} for r in csv.DictReader(fh)]

    for name in ("items.csv", "totals.csv", "findings.csv"):
        assert rows(tmp_path / "encrypted" / name) == rows(GOLDEN / SAMPLE_2021.stem / name)


def test_a_traceback_only_with_debug(tmp_path, capsys):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"")
    main(["run", str(pdf), "--out", str(tmp_path), "-q", "--debug"])
    assert "Traceback" in capsys.readouterr().err


@pytest.mark.parametrize(
    "stem, folder",
    [("../../etc/passwd", "etc_passwd"), ("Udmøntning 2021 (endelig)", "Udmøntning 2021 (endelig)"),
     ("a\x07b", "a_b"), ("all", "all-document"), ("..", "document")],
)
def test_output_folder_names_are_made_safe(stem, folder):
    from projektpulje.outputs.files import safe_folder_name

    assert safe_folder_name(stem) == folder


def test_spaces_and_danish_letters_survive_in_the_output_folder(tmp_path):
    pdf = tmp_path / "Udmøntning af projektpuljen 2021.pdf"
    pdf.write_bytes(SAMPLE)
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "-q"]) == 1
    assert (tmp_path / "out" / "Udmøntning af projektpuljen 2021" / "items.csv").exists()
