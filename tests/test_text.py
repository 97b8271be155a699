"""Words and text the same whoever made the PDF; OCR's confusions read by the structure around them."""

from __future__ import annotations

import pytest

from projektpulje.extract.camelot_extractor import respaced
from projektpulje.extract.layout import Line, Word
from projektpulje.extract.layout.marks import amount_lookalike_to_digits, lines_with_marks_read
from projektpulje.extract.text import normalise_text
from projektpulje.extract.words import glyphs_to_words


@pytest.mark.parametrize(
    "printed, read",
    [
        ("Medﬁnansiering", "Medfinansiering"),  # a ligature
        ("Eﬀekt", "Effekt"),
        ("1.000\u202fkr.", "1.000 kr."),  # a narrow no-break space
        ("1.000\u00a0kr.", "1.000 kr."),  # a no-break space
        ("Udvik\u00adlingsmidler", "Udviklingsmidler"),  # a soft hyphen
        ("\u2212250", "-250"),  # U+2212 minus
        ("500¹", "500¹"),  # a superscript footnote mark is not one more digit
        ("Bæredygtige hospitaler", "Bæredygtige hospitaler"),
    ],
)
def test_text_is_normalised_once_for_every_extractor(printed, read):
    assert normalise_text(printed) == read


def glyph(text: str, x0: float, *, width: float = 5.0, size: float = 10.0) -> tuple:
    return (text, x0, 100.0, x0 + width, 100.0 + size, size, True)


@pytest.mark.parametrize("size", [6.0, 10.0, 24.0])
def test_a_word_gap_is_judged_by_the_font_size(size):
    w = size / 2  # glyphs half an em wide
    narrow = 0.1 * size  # kerning, letter spacing: one word
    wide = 0.3 * size  # a narrow space: two words
    glyphs = [glyph("1", 0, width=w, size=size), glyph("0", w + narrow, width=w, size=size),
              glyph("k", 2 * w + narrow + wide, width=w, size=size)]
    assert [word.text for word in glyphs_to_words(glyphs)] == ["10", "k"]


def test_a_blank_that_a_glyph_covers_is_no_word_break():
    # A soft hyphen some producers map to a space: the next glyph starts where the blank does.
    glyphs = [glyph("a", 10), glyph("b", 15), glyph(" ", 20, width=3), glyph("c", 20), glyph(" ", 25, width=3),
              glyph("d", 30)]
    assert [word.text for word in glyphs_to_words(glyphs)] == ["abc", "d"]


def test_camelot_text_takes_the_word_breaks_of_the_table_words():
    words = frozenset({"Udviklingsmidler", "i", "alt", "Jyllandskorridorprojekt"})
    assert respaced("Udviklin gsmidler i alt", words) == "Udviklingsmidler i alt"
    assert respaced("i alt", words) == "i alt"


def line(*texts: str, top: float = 100.0, value_x: float = 400.0) -> Line:
    words, x = [], 50.0
    for i, text in enumerate(texts):
        is_value = i == len(texts) - 1 and len(texts) > 1 and (text[0].isdigit() or text[0] in "oOl")
        x0 = value_x if is_value else x
        words.append(Word(text, x0, top, x0 + 5 * len(text), top + 10, 10.0))
        x = x0 + 5 * len(text) + 3
    return Line(tuple(words))


def texts(lines) -> list[str]:
    return [ln.text for ln in lines]


def test_an_ocr_footnote_mark_is_read_as_a_mark_where_a_footnote_follows():
    lines = [line("Etablering", "af", "sekretariat”", "500"), line("Cluster", "0”", top=115),
             line("Consortium", "o=", top=125), line("£", "Er", "bevilget", "i", "2020.", top=140)]
    assert texts(lines_with_marks_read(lines, gap_em=0.9)) == [
        "Etablering af sekretariat* 500", "Cluster 0*", "Consortium 0*", "* Er bevilget i 2020."]


def test_marks_stay_as_printed_where_no_footnote_follows():
    lines = [line("Etablering", "af", "sekretariat”", "500"), line("Total", "2.000", top=115)]
    assert texts(lines_with_marks_read(lines, gap_em=0.9)) == ["Etablering af sekretariat” 500", "Total 2.000"]


def test_a_stray_dot_or_dash_before_a_label_is_read_as_the_dash_it_stands_for():
    lines = [line("-.", "DK", "2020", "projektet", "587"), line(".", "Analyser", "500", top=115),
             line("-", "LIFE", "IP", "200", top=130)]
    assert texts(lines_with_marks_read(lines, gap_em=0.9)) == [
        "- DK 2020 projektet 587", "Analyser 500", "- LIFE IP 200"]


@pytest.mark.parametrize("read, amount", [("5O0", "500"), ("l.000", "1.000"), ("2.5oo", "2.500"), ("Ole", "Ole"),
                                          ("loo", "loo"), ("500", "500")])
def test_o_and_l_in_an_amount_are_read_as_digits(read, amount):
    assert amount_lookalike_to_digits(read) == amount


def test_units_are_matched_however_they_are_spaced(vocab):
    assert {vocab.unit_factor(u) for u in ("1.000kr.", "1.000 kr", "1.000  kr.", "t. kr.", "T.KR.")} == {1000}
    assert vocab.unit_factor("mio.kr") == 1_000_000
    assert vocab.unit_factor("EUR") is None


def test_camelot_is_not_trusted_where_it_glues_a_heading_into_the_cell_above():
    from projektpulje.extract.camelot_extractor import _holds_another_line
    from projektpulje.extract.model import RawRow

    own = [RawRow(("EU-projekter", "750"), 7, (0, 10, 1, 20)),
           RawRow(("Indstillet omprioriteret", ""), 7, (0, 30, 1, 40), continues=None),
           RawRow(("Euroskills*", "2.500"), 7, (0, 50, 1, 60))]
    glued = RawRow(("EU-projekter Indstillet omprioriteret", "750"), 7, (0, 10, 1, 40))
    wrapped = RawRow(("EU-projekter", "750"), 7, (0, 10, 1, 20))
    assert _holds_another_line(glued, own)
    assert not _holds_another_line(wrapped, own)
    own[1] = RawRow(("Indstillet omprioriteret", ""), 7, (0, 30, 1, 40), continues=True)  # the layout: one cell
    assert not _holds_another_line(glued, own)
