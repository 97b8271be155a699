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


CONTENT = b"BT /F1 12 Tf 72 720 Td (Udmoentning) Tj ET q 595 0 0 842 0 0 cm /Im1 Do Q"


def image_pdf(width: int, height: int, data: bytes) -> bytes:
    """A one-page PDF with a line of text and a grey image XObject of the stated size drawn over the page."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(CONTENT), CONTENT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(data)) + data + b"\nendstream",
    ])


def test_an_image_stated_larger_than_the_cap_is_refused_in_words_and_never_drawn(tmp_path, capsys):
    pdf = tmp_path / "image.pdf"
    pdf.write_bytes(image_pdf(30000, 30000, zlib.compress(b"\0" * 1000)))
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "-q"]) == 2
    assert capsys.readouterr().err == (f"projektpulje: error: {pdf}: an image in it is 30000 × 30000 pixels, more "
                                       "than 100 million; not read (a decompression bomb?)\n")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_an_image_whose_data_inflate_past_the_cap_is_refused_in_words(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf_repair, "MAX_IMAGE_PIXELS", 2**18)  # 1 MB at four bytes a pixel
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(b"\0" * 2**20) for _ in range(3)) + packer.flush()
    pdf = tmp_path / "image.pdf"
    pdf.write_bytes(image_pdf(100, 100, data))  # states 100 × 100, holds 3 MB
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "-q"]) == 2
    assert capsys.readouterr().err == (f"projektpulje: error: {pdf}: an image in it inflates to more than 1 MB; "
                                       "not read (a decompression bomb?)\n")


def test_an_image_within_the_cap_is_left_to_the_reader():
    data = zlib.compress(b"\x80" * 100 * 100)
    assert pdf_repair.pdf_bytes_to_repairs(image_pdf(100, 100, data), name="x.pdf") == ()
