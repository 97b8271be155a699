"""Text that can be trusted, or is said not to be: glyphs that do not decode, and tables printed as pictures."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from projektpulje.cli import main
from projektpulje.extract import extract_document
from projektpulje.errors import InputError
from projektpulje.extract.decoding import (
    OTHER_SCRIPT,
    page_numbers,
    page_to_undecoded,
    text_with_undecoded_marked,
    word_to_trouble,
)
from projektpulje.extract.layout import PageContent, Word
from projektpulje.settings import RunSettings
from projektpulje.stages.reading import extract_settings
from projektpulje.stages.run import write_document

from .conftest import EXTRACTORS
from .pdfs import font_without_unicode_map_pdf

LATIN = frozenset({"LATIN"})
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
PROSE = "Regionen afsætter midler til udvikling af projekter i hele regionen"
ROWS = (("Analyser og udredninger", "500"), ("Partnerskaber", "250"), ("Konferencer", "150"))


# --- characters and words ----------------------------------------------------------


@pytest.mark.parametrize("word", [
    "Bæredygtighed", "ØRESUND", "Århus", "café", "Müller", "–", "—", "‘citat’", "“citat”", "•", "§", "5%", "½",
    "÷", "250", "×", "€", "m²", "1.000*", "†", "‡", "¹", "1)", "........", "-----", "***", "(250)", "\uf0b7",
    "naïve", "Zoë", "fi", "1.000", "http://x.dk/a-b", "ª", "º",
])
def test_legitimate_text_decodes(word):
    assert word_to_trouble(word, scripts=LATIN) is None


@pytest.mark.parametrize("word, trouble", [
    ("\x01\x04\x05", "fonts without a Unicode map"),
    ("(cid:12)(cid:7)", "fonts without a Unicode map"),
    ("Pro\ufffdekt", "characters that are not text"),
    ("\ue001\ue002", "private-use characters"),
    ("Pro\u0444ekt", "letters of another script inside words"),  # "ﬁ" mapped to a Cyrillic letter
    ("!#$%&", "symbols where letters stand"),
    ("Проект", OTHER_SCRIPT),
])
def test_what_does_not_decode_is_named(word, trouble):
    assert word_to_trouble(word, scripts=LATIN) == trouble


def test_the_scripts_are_a_setting():
    assert word_to_trouble("Проект", scripts=frozenset({"LATIN", "CYRILLIC"})) is None


def page_of(texts: list[str]) -> PageContent:
    return PageContent(1, 595, 842, tuple(Word(t, 50 + 40 * (i % 10), 100 + 12 * (i // 10), 80 + 40 * (i % 10),
                                               110 + 12 * (i // 10)) for i, t in enumerate(texts)))


def test_a_page_of_junk_is_not_to_be_trusted_and_a_few_odd_glyphs_leave_it_to_be_read():
    good = PROSE.split() * 5
    assert page_to_undecoded(page_of(good + ["\uf0b7"] * 3 + ["Pro\u0444ekt"]), scripts=LATIN) is None
    verdict = page_to_undecoded(page_of(["(cid:3)(cid:4)"] * 30 + good[:5]), scripts=LATIN)
    assert (verdict.page, verdict.what) == (1, "fonts without a Unicode map")


def test_a_page_wholly_in_another_script_is_not_junk():
    assert page_to_undecoded(page_of(["Проект", "регион"] * 20), scripts=LATIN) is None


def test_running_text_marks_the_words_that_do_not_decode():
    assert text_with_undecoded_marked("Der afsættes Pro\u0444ekt midler", scripts=LATIN) == "Der afsættes \ufffd midler"
    assert page_numbers([1, 2, 3, 5]) == "pages 1-3, 5"
    assert page_numbers([2]) == "page 2"


# --- made PDFs --------------------------------------------------------------------------


def budget_pdf(path: Path, *, label: str = "Analyser og udredninger", picture: bool = False) -> Path:
    """One page: prose, a caption, then a small budget table as text (its first label `label`), or the table
    as a picture of it (an image where its rows stand)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("DejaVu", 10)
    for i in range(4):
        pdf.drawString(72, 780 - 14 * i, PROSE)
    pdf.drawString(72, 700, "Tabel 1. Klima - aktiviteter og forventet forbrug")
    rows = (("1.000 kr.", "2021"), (label, ROWS[0][1]), *ROWS[1:], ("Total", "900"))
    if picture:
        image = Image.new("L", (800, 200), 255)
        draw = ImageDraw.Draw(image)
        for i, (text, value) in enumerate(rows):
            draw.text((10, 10 + 36 * i), text, fill=0)
            draw.text((700, 10 + 36 * i), value, fill=0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 72, 580, width=400, height=100)
    else:
        for i, (text, value) in enumerate(rows):
            pdf.drawString(72, 680 - 16 * i, text)
            pdf.drawRightString(450, 680 - 16 * i, value)
    pdf.drawString(72, 540, PROSE)
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_a_font_without_a_unicode_map_is_refused_naming_the_page_and_ocr(extractor, tmp_path, capsys):
    pdf = tmp_path / "lost-map.pdf"
    pdf.write_bytes(font_without_unicode_map_pdf([PROSE] * 8))
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "--extractor", extractor, "-q"]) == 2
    message = capsys.readouterr().err.splitlines()[-1]
    assert message.startswith(f"projektpulje: error: {pdf}: page 1: the text does not decode (fonts without a Unicode map: ")
    assert message.endswith("; give --ocr to read it from the page images")
    assert not (tmp_path / "out" / "lost-map").exists()


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_a_table_printed_as_a_picture_under_its_caption_is_refused_naming_it_and_ocr(extractor, tmp_path, vocab):
    pdf = budget_pdf(tmp_path / "picture.pdf", picture=True)
    with pytest.raises(InputError) as raised:
        extract_document(pdf, extractor=extractor, settings=extract_settings(vocab))
    assert str(raised.value) == (
        f"{pdf}: page 1: tables printed as pictures (1 image by table captions); give --ocr to read them"
    )


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_the_same_table_as_text_is_read(extractor, tmp_path):
    result = write_document(budget_pdf(tmp_path / "text.pdf"), settings=RunSettings(out_dir=tmp_path, extractor=extractor))
    assert (len(result.tables), result.lines, result.amounts) == (1, 3, (4, 4))


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_a_label_that_does_not_decode_makes_its_table_unread_and_is_written_nowhere(extractor, tmp_path):
    pdf = budget_pdf(tmp_path / "ligature.pdf", label="Analyser og \u0444orslag")
    result = write_document(pdf, settings=RunSettings(out_dir=tmp_path, extractor=extractor))
    (finding,) = [f for f in result.analysis.findings if f["kind"] == "unread_table"]
    assert "text that does not decode (letters of another script inside words: '\u0444orslag')" in finding["message"]
    for name in ("items.csv", "totals.csv", "mentions.csv"):
        assert "\u0444" not in (result.out_dir / name).read_text(encoding="utf-8")


def test_a_logo_or_a_picture_far_from_any_caption_is_no_table(tmp_path):
    from projektpulje.extract.pictures import layout_to_pictures
    from projektpulje.extract.layout import ExtractSettings, pages_to_layouts

    page = PageContent(1, 595, 842, tuple(Word(t, 72 + 40 * i, 700, 100 + 40 * i, 710) for i, t in
                                          enumerate("Tabel 1. Klima".split())), images=((72, 20, 100, 48),))
    (layout,) = pages_to_layouts([page], settings=ExtractSettings(caption_pattern=r"^\s*Tabel\s+\d+"))
    assert layout_to_pictures(page, layout) == []
    wide = PageContent(1, 595, 842, page.words, images=((72, 720, 500, 820),))
    assert [p.caption for p in layout_to_pictures(wide, layout)] == ["Tabel 1. Klima"]
    far = PageContent(1, 595, 842, page.words, images=((72, 300, 500, 400),))
    assert layout_to_pictures(far, layout) == []
