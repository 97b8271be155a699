"""The pdfium extractor reads every document as the pdfplumber one does: the same files out, the same words and rules."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pdfplumber
import pytest

from projektpulje.errors import InputError
from projektpulje.extract import pdfium_extractor as pdfium
from projektpulje.extract import pdfium_paths, plumber_pages

from .conftest import FIXTURES, SAMPLE_2021, SAMPLES, SCAN_2021

DOCUMENTS = sorted(
    p for p in [*SAMPLES.glob("*.pdf"), *(FIXTURES / "layouts").glob("*.pdf"), *(FIXTURES / "editions").glob("*.pdf")]
    if p != SCAN_2021  # compared after OCR, in test_producers.py
)
TOLERANCE = 0.5  # points
ENCRYPTED, PASSWORD = FIXTURES / "bad" / "encrypted.pdf", "projektpulje"


def csv_files(result) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(result.out_dir.glob("*.csv"))}


def assert_same_csv_files(pdf: Path, written, *, password: str | None = None) -> None:
    expected = csv_files(written(pdf, "pdfplumber", password=password))
    got = csv_files(written(pdf, "pdfium", password=password))
    assert {"items.csv", "totals.csv"} <= set(expected)
    assert sorted(got) == sorted(expected)
    for name in expected:
        assert got[name] == expected[name], name


@pytest.mark.parametrize(
    "pdf", [p for p in DOCUMENTS if "planted" not in p.name], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_the_csv_files_are_byte_identical_to_pdfplumbers(pdf, written):
    assert_same_csv_files(pdf, written)


@pytest.mark.parametrize("pdf", [p for p in DOCUMENTS if "planted" in p.name], ids=lambda p: p.name)
def test_a_copy_with_planted_errors_is_read(pdf, written):
    result = written(pdf, "pdfium")
    assert len(result.tables) and (result.out_dir / "items.csv").exists()


def test_an_encrypted_pdf_reads_the_same_with_its_password(written):
    assert_same_csv_files(ENCRYPTED, written, password=PASSWORD)


@pytest.mark.parametrize(
    "pdf, password, message",
    [
        (ENCRYPTED, None, "encrypted; give --password"),
        (ENCRYPTED, "guess", "encrypted, and the password given does not open it"),
        (FIXTURES / "bad" / "scanned.pdf", None, "no text layer (scanned?); give --ocr to read it with Tesseract"),
    ],
)
def test_unusable_pdfs_are_refused_in_the_projects_words(pdf, password, message):
    with pytest.raises(InputError) as refused:
        pdfium.extract(pdf, settings=pdfium.ExtractSettings(), password=password)
    assert str(refused.value) == f"{pdf}: {message}"


def test_a_file_pdfium_refuses_is_a_damaged_pdf(monkeypatch):
    def refuse(*args, **kwargs):
        raise pdfium.pdfium.PdfiumError("Failed to load document (PDFium: Data format error).", err_code=3)

    monkeypatch.setattr(pdfium.pdfium, "PdfDocument", refuse)
    with pytest.raises(InputError) as refused:
        pdfium.read_pages(SAMPLE_2021)
    assert str(refused.value) == f"{SAMPLE_2021}: damaged PDF (its structure cannot be read)"


# --- the page content itself ------------------------------------------------------


def close(a, b) -> bool:
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a, b))


def unmatched(expected: list[tuple], got: list[tuple]) -> list[tuple]:
    """What either side has without a counterpart on the other: same text, every number within the tolerance."""
    left = list(got)
    missing = []
    for item in expected:
        match = next((g for g in left if g[0] == item[0] and close(g[1:], item[1:])), None)
        if match is None:
            missing.append(item)
        else:
            left.remove(match)
    return missing + left


def words_and_rules(page) -> tuple[list[tuple], list[tuple]]:
    words = [(w.text, w.x0, w.top, w.x1, w.bottom, w.size) for w in page.words]
    rules = [(kind, *dataclasses.astuple(r)) for kind in ("rules", "vertical_rules") for r in getattr(page, kind)]
    return words, rules


def assert_same_content(pdf: Path, index: int) -> None:
    with pdfplumber.open(pdf) as document:
        expected = plumber_pages.page_to_content(document.pages[index])
    got = pdfium.read_pages(pdf)[index]
    assert (got.number, got.width, got.height) == pytest.approx((expected.number, expected.width, expected.height))
    (expected_words, expected_rules), (got_words, got_rules) = words_and_rules(expected), words_and_rules(got)
    assert expected_words and expected_rules
    assert unmatched(expected_words, got_words) == []
    assert unmatched(expected_rules, got_rules) == []


@pytest.mark.parametrize("index", [0, 3])
def test_words_and_rules_of_a_sample_page_are_pdfplumbers(index):
    assert_same_content(SAMPLE_2021, index)


CONTENT = b"""
BT /F1 12 Tf 72 720 Td (Plain words here) Tj ET
BT /F2 10 Tf 72 700 Td (Bold 1.234,5) Tj /F1 7 Tf 3 Ts (*) Tj 0 Ts ET
BT /F1 11 Tf 80 Tz 72 680 Td (Squeezed text 2021) Tj 100 Tz ET
BT /F1 11 Tf 2 Tc 72 660 Td (Spaced out) Tj 0 Tc ET
BT /F1 11 Tf 72 640 Td [(Ker) -200 (ned) 1500 (apart)] TJ ET
BT /F1 9 Tf 0 1 -1 0 500 300 Tm (Rotated label) Tj ET
q 1.5 0 0 1.5 10 10 cm BT /F1 8 Tf 100 300 Td (Scaled by cm) Tj ET Q
q /X1 Do Q
0.5 w 72 600 m 400 600 l S
72 590 200 12 re f
72 560 m 300 560 l 300 570 l 72 570 l h S
72 540 m 120 520 l S
72 500 m 100 530 150 530 180 500 c S
72 480 m 250 480 l 250 470 l S
300 400 m 300 300 l S
"""
FORM = b"BT /F1 10 Tf 10 10 Td (In a form 42) Tj ET 0 100 m 250 100 l S 0 50 100 8 re f"


def handmade_pdf(*, rotate: int, mediabox: bytes) -> bytes:
    """One page of text and paths that exercise the geometry: rise, scaling, spacing, kerning, turned text,
    a scaled graphics state, a form XObject with its own matrix; lines, rectangles, a curve and a polyline."""
    stream = b"<< /Length %d >>\nstream\n%s\nendstream"
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Rotate %d /Contents 4 0 R /Resources "
        b"<< /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 7 0 R >> >> >>" % (mediabox, rotate),
        stream % (len(CONTENT), CONTENT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 300] /Matrix [0.5 0 0 0.5 20 30] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream" % (len(FORM), FORM),
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    size = len(bodies) + 1
    return pdf + b"xref\n0 %d\n0000000000 65535 f \n%strailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size, table, size, len(pdf)
    )


@pytest.mark.parametrize("rotate, mediabox", [(0, b"0 0 595 842"), (0, b"10 20 605 862"), (180, b"0 0 595 842")])
def test_words_and_rules_of_a_handmade_page_are_pdfplumbers(rotate, mediabox, tmp_path):
    pdf = tmp_path / "handmade.pdf"
    pdf.write_bytes(handmade_pdf(rotate=rotate, mediabox=mediabox))
    assert_same_content(pdf, 0)


# --- pure parts ----------------------------------------------------------------------


def glyph(text: str, x0: float, *, width: float = 5.0, top: float = 100.0, size: float = 10.0) -> pdfium.Glyph:
    return (text, x0, top, x0 + width, top + size, size, True)


def test_words_break_at_blanks_gaps_steps_back_and_size_changes():
    glyphs = [
        glyph("a", 10), glyph("b", 15), glyph(" ", 20), glyph("c", 25),  # a blank
        glyph("d", 32.1),  # a gap over 0.2 em
        glyph("e", 45), glyph("f", 51.5),  # a gap under 0.2 em: one word
        glyph("g", 60, size=8.0), glyph("h", 65),  # another size
    ]
    assert [w.text for w in pdfium.glyphs_to_words(glyphs)] == ["ab", "c", "d", "ef", "g", "h"]


def test_a_line_is_read_left_to_right_whatever_order_it_was_drawn_in():
    glyphs = [glyph("2", 20), glyph("1", 15), glyph("x", 10, top=101.5)]
    assert [(w.text, w.x0, w.top) for w in pdfium.glyphs_to_words(glyphs)] == [("x12", 10, 100.0)]


@pytest.mark.parametrize(
    "ops, shape",
    [
        ([("m", (0, 0)), ("l", (10, 0)), ("l", (10, 5)), ("l", (0, 5)), ("l", (0, 0)), ("h", (0, 0))], "rect"),
        ([("m", (0, 0)), ("l", (10, 0))], "line"),
        ([("m", (0, 0)), ("l", (10, 0)), ("h", (0, 0))], "line"),
        ([("m", (0, 0)), ("l", (10, 0)), ("l", (10, 5))], "curve"),
        ([("m", (0, 0)), ("l", (10, 1)), ("l", (10, 5)), ("l", (0, 5)), ("h", (0, 0))], "curve"),
        ([("m", (0, 0))], None),
    ],
)
def test_subpaths_are_read_as_pdfminer_reads_them(ops, shape):
    found = pdfium_paths.subpath_to_shape(ops)
    assert (found[0] if found else None) == shape


def test_a_rectangle_gives_four_edges_and_short_or_slanted_ones_are_no_rules():
    edges = pdfium_paths.shape_to_edges("rect", [(10, 10), (110, 10), (110, 40), (10, 40), (10, 10)], 100.0)
    assert edges == [
        pdfium_paths.Edge("h", 10, 60, 110, 60), pdfium_paths.Edge("h", 10, 90, 110, 90),
        pdfium_paths.Edge("v", 10, 60, 10, 90), pdfium_paths.Edge("v", 110, 60, 110, 90),
    ]
    short = pdfium_paths.shape_to_edges("rect", [(0, 0), (10, 0), (10, 2), (0, 2), (0, 0)], 100.0)
    slanted = pdfium_paths.shape_to_edges("curve", [(0, 0), (30, 10)], 100.0)
    assert pdfium_paths.edges_to_rules(short + slanted) == ((), ())
