"""Inputs made to exhaust memory: every decompression and every rendering is bounded, and says so in words.
Peak memory on the full-size cases is measured by tests/benchmarks/hostile_memory.py, not here."""

from __future__ import annotations

import shutil
import zlib

import pytest

from projektpulje.cli import main
from projektpulje.extract import ocr, pdf_repair
from projektpulje.extract.render import MAX_REGION_PIXELS, PageImages

from .pdfs import minimal_pdf, pdf_from_objects


def bomb_pdf(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to `inflated` bytes of blanks after a line of text."""
    packer = zlib.compressobj(9)
    chunk = b" " * 2**20
    data = packer.compress(b"BT /F1 12 Tf 72 720 Td (Udmoentning) Tj ET\n")
    data += b"".join(packer.compress(chunk) for _ in range(inflated // len(chunk))) + packer.flush()
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


def test_a_stream_that_inflates_past_the_limit_is_refused_in_words(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf_repair, "MAX_INFLATED", 2**20)
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(bomb_pdf(3 * 2**20))
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "-q"]) == 2
    assert capsys.readouterr().err == (f"projektpulje: error: {pdf}: a compressed stream in it inflates to more than "
                                       "1 MB; not read (a decompression bomb?)\n")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_inflating_within_the_limit_is_read_a_chunk_at_a_time():
    data = zlib.compress(b" " * (5 * 2**20))
    assert pdf_repair._bounded_inflate(data[2:]) == 5 * 2**20


def huge_page_pdf(points: int) -> bytes:
    return minimal_pdf("Udmoentning").replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 %d %d]" % (points, points))


def test_a_huge_page_renders_only_the_region_and_never_past_the_cap(tmp_path):
    pdf = tmp_path / "huge.pdf"
    pdf.write_bytes(huge_page_pdf(14400))
    pages = PageImages(pdf)
    try:
        small, _, _ = pages.region(1, (60.0, 100.0, 300.0, 200.0))
        assert small.size[0] < 500 and small.size[1] < 200  # the region only, not 22000 px squared
        whole, _, scale = pages.region(1, (0.0, 0.0, 14400.0, 14400.0))
        assert whole.size[0] * whole.size[1] <= MAX_REGION_PIXELS * 1.01 and scale < 1
    finally:
        pages.close()


def test_ocr_renders_a_30000_pixel_page_within_its_cap():
    points = 30000 * 72 / ocr.OCR_DPI
    scale = ocr.ocr_scale((points, points))
    assert (points * scale) ** 2 <= ocr.MAX_OCR_PIXELS * 1.01
    assert ocr.ocr_scale((595, 842)) == ocr.OCR_DPI / 72  # an ordinary page as before


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract")
def test_ocr_that_reads_no_text_does_not_ask_for_ocr(tmp_path, capsys):
    pdf = tmp_path / "blank.pdf"
    pdf.write_bytes(huge_page_pdf(7200).replace(b"(Udmoentning) Tj", b"() Tj"))
    assert main(["run", str(pdf), "--ocr", "--out", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert "give --ocr" not in err and "no text read by OCR" in err and err.count("\n") == 1
