"""What every PDF reader repairs is read and said; what loses content is refused in the user's words."""

from __future__ import annotations

import csv
import json
import re
import zlib

import pytest

from projektpulje.errors import InputError
from projektpulje.extract.pdf_repair import DATA_AFTER_EOF, LENGTH_CORRECTED, XREF_REBUILT, pdf_bytes_to_repairs
from projektpulje.cli import main

from .conftest import GOLDEN, SAMPLE_2021
from .pdfs import minimal_pdf

SAMPLE = SAMPLE_2021.read_bytes()
PLAIN = minimal_pdf("Udmoentning af projektpuljen 2021")


def xref_offset_wrong(data: bytes) -> bytes:
    offset = re.findall(rb"startxref\s+(\d+)", data)[-1]
    return data.replace(b"startxref\n" + offset, b"startxref\n" + str(int(offset) - 7).encode())


def xref_entries_shifted(data: bytes) -> bytes:
    """Every byte after the header moved by a comment line, the table left as it was (as a careless edit does)."""
    at = data.index(b"\n") + 1
    return data[:at] + b"% edited\n" + data[at:]


def nul_padded(data: bytes) -> bytes:
    return data + bytes(20_000)


def length_wrong(data: bytes) -> bytes:
    stated = re.search(rb"/Length (\d+) >>\nstream", data)
    return data.replace(stated.group(0), b"/Length %d >>\nstream" % (int(stated.group(1)) + 9))


def with_table_renewed(data: bytes) -> bytes:
    """A hand-made PDF whose objects changed size, its cross-reference table pointing at them again."""
    offsets = [m.start() for m in re.finditer(rb"\d+ 0 obj", data)]
    xref = data.index(b"xref\n")
    table = b"".join(b"%010d 00000 n \n" % o for o in offsets)
    head = data.index(b"0000000000 65535 f \n") + 20
    rest = data[data.index(b"trailer"):]
    return data[:head] + table + re.sub(rb"startxref\n\d+", b"startxref\n%d" % xref, rest)


def flate_page(checksum_ok: bool = True, *, image: bool = False) -> bytes:
    """The plain PDF with its page content Flate-compressed (its checksum spoiled), or an image with spoiled data."""
    content = re.search(rb"stream\n(.*?)\nendstream", PLAIN, re.S).group(1)
    packed = zlib.compress(content)
    if not checksum_ok:
        packed = packed[:-4] + bytes(4)
    old = b"<< /Length %d >>\nstream\n" % len(content) + content
    if image:
        packed = packed[:2] + b"\xff" * 12 + packed[14:]
        new = b"<< /Subtype /Image /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed) + packed
    else:
        new = b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed) + packed
    return with_table_renewed(PLAIN.replace(old, new))


@pytest.mark.parametrize(
    "data, repairs",
    [
        (PLAIN, ()),
        (xref_offset_wrong(PLAIN), (XREF_REBUILT,)),
        (xref_entries_shifted(PLAIN), (XREF_REBUILT,)),
        (PLAIN.replace(b"startxref", b"startxrof"), (XREF_REBUILT,)),
        (nul_padded(PLAIN), (DATA_AFTER_EOF,)),
        (PLAIN + b"\r\n\r\n", ()),
        (length_wrong(PLAIN), (LENGTH_CORRECTED,)),
        (xref_offset_wrong(nul_padded(length_wrong(PLAIN))), (DATA_AFTER_EOF, XREF_REBUILT, LENGTH_CORRECTED)),
        (flate_page(checksum_ok=False), ()),
        (flate_page(image=True), ()),
    ],
    ids=["sound", "xref-offset", "xref-entries", "no-startxref", "nul-padding", "blank-lines", "length", "all-three",
         "checksum-only", "image-corrupt"],
)
def test_what_readers_repair_is_named(data, repairs):
    assert pdf_bytes_to_repairs(data, name="x.pdf") == repairs


@pytest.mark.parametrize(
    "data, message",
    [
        (PLAIN[: PLAIN.rindex(b"%%EOF")], "truncated PDF (no end-of-file marker); download it again"),
        (PLAIN + b"6 0 obj\n<< /Type /Page", "truncated PDF (no end-of-file marker); download it again"),
        (PLAIN.replace(b"<< /Length", b"<< /Filter [/FlateDecode /BrotliDecode] /Length"),
         "uses a compression (BrotliDecode) that the PDF reader does not support"),
        (with_table_renewed(flate_page().replace(b"stream\nx\x9c", b"stream\nx\x9c\xff\xff\xff")), "damaged PDF (a compressed stream in it is corrupt)"),
        (re.sub(rb"5 0 obj.*?endobj\n", b"", PLAIN, flags=re.S),
         "damaged PDF (objects its cross-reference table lists are missing from the file)"),
    ],
    ids=["cut-at-eof", "cut-update", "unsupported", "corrupt", "object-gone"],
)
def test_what_loses_content_is_refused_in_plain_words(data, message):
    with pytest.raises(InputError) as refused:
        pdf_bytes_to_repairs(data, name="x.pdf")
    assert str(refused.value) == f"x.pdf: {message}"


def rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: v for k, v in r.items() if k != "source_file"} for r in csv.DictReader(fh)]


@pytest.mark.parametrize("extractor", ["pdfium", "pdfplumber", "camelot"])
def test_a_sample_with_a_rebuilt_table_reads_as_the_original_and_says_so(extractor, tmp_path, capsys):
    pdf = tmp_path / "repaired.pdf"
    pdf.write_bytes(nul_padded(xref_offset_wrong(SAMPLE)))
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "--extractor", extractor, "-q"]) == 1
    folder = tmp_path / "out" / "repaired"
    for name in ("items.csv", "totals.csv", "findings.csv"):
        assert rows(folder / name) == rows(GOLDEN / SAMPLE_2021.stem / name)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["sources"][0]["repaired"] == [DATA_AFTER_EOF, XREF_REBUILT]
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "<li>repaired: cross-reference table rebuilt</li>" in report
    assert "<li>repaired: data after the end-of-file marker ignored</li>" in report


def test_a_sound_file_says_nothing_of_repairs(tmp_path):
    assert main(["run", str(SAMPLE_2021), "--out", str(tmp_path), "-q"]) == 1
    package = json.loads((tmp_path / SAMPLE_2021.stem / "datapackage.json").read_text(encoding="utf-8"))
    assert "repaired" not in package["sources"][0]
    assert 'class="repairs"' not in (tmp_path / SAMPLE_2021.stem / "report.html").read_text(encoding="utf-8")
