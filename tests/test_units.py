"""A table's unit: printed in its header, its caption or on the line above it, stated once in the document's
text, or, where the document states none anywhere, assumed (1.000 kr.) and said in a unit_assumed finding."""

from __future__ import annotations

import pandas as pd
import pytest

import projektpulje
from projektpulje.budget.normalise import table_to_unit, text_to_document_unit
from projektpulje.budget.vocabulary import load_vocabulary

from .pdfs import right_aligned_x, text_lines_pdf


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def budget_pdf(*, intro: str = "", caption: str = "Tabel 1. Kultur - aktiviteter og forventet forbrug",
               unit_cell: str = "", above: str = "") -> bytes:
    """A one-table document: title, prose, caption, an optional unit line, header and four lines."""
    lines = [(72, 780, "Udmøntning af projektpuljen 2024"), (72, 750, "Projektpuljen udmøntes på ét område."),
             (72, 736, intro), (72, 700, caption), (72, 686, above), (72, 672, unit_cell)]
    lines.append((right_aligned_x("2024", 400, size=10), 672, "2024"))
    rows = [("Tilskudsmidler", ""), ("Projekt om kulturarv", "500"), ("Projekt om musik", "1.250"),
            ("Total", "1.750")]
    for i, (label, amount) in enumerate(rows):
        y = 658 - 14 * i
        lines.append((72, y, label))
        if amount:
            lines.append((right_aligned_x(amount, 400, size=10), y, amount))
    return text_lines_pdf([line for line in lines if line[2]])


def read(pdf: bytes):
    return projektpulje.read_pdf(pdf, name="units.pdf")


def test_a_unit_inside_a_short_header_cell_or_in_the_caption(vocab):
    assert table_to_unit(("Beløb i 1.000 kr.", "2024"), vocab=vocab) == "1.000 kr."
    assert table_to_unit(("", "2024"), vocab=vocab, caption="Tabel 3. Klima (mio. kr.)") == "mio. kr."
    assert table_to_unit(("EUR", "2024"), vocab=vocab, caption="Tabel 3. Klima (mio. kr.)") == "EUR"  # not read
    assert table_to_unit(("", "2024"), vocab=vocab, preamble="Beløb i t.kr.") == "t.kr."
    assert table_to_unit(("", "2024"), vocab=vocab, document_unit="kr.") == "kr."
    assert table_to_unit(("", "2024"), vocab=vocab) == ""


def test_the_unit_the_document_states_once_in_its_text(vocab):
    assert text_to_document_unit(["Alle beløb er i 1.000 kr., medmindre andet er nævnt."], vocab=vocab) == "1.000 kr."
    assert text_to_document_unit(["Beløbene er angivet i mio. kr."], vocab=vocab) == "mio. kr."
    assert text_to_document_unit(["Alle beløb er i 1.000 kr.", "Beløb i t.kr."], vocab=vocab) == "1.000 kr."
    assert text_to_document_unit(["Alle beløb er i 1.000 kr.", "Beløb i kr."], vocab=vocab) == ""  # which?
    assert text_to_document_unit(["Der er afsat beløb i 2024 til kultur."], vocab=vocab) == ""


def test_a_document_that_states_no_unit_anywhere_is_read_in_1000_kr_and_says_so():
    document = read(budget_pdf())
    assert list(document.items["amount_dkk"]) == [500_000, 1_250_000]
    (finding,) = document.findings.itertuples()
    assert finding.kind == "unit_assumed" and finding.root_cause
    assert "table 1 ('Kultur') prints no unit" in finding.message and "1.000 kr." in finding.message
    assert finding.unit == "" and pd.isna(finding.stated) and pd.isna(finding.computed)  # no amounts of its own


@pytest.mark.parametrize("place", ["intro", "above", "caption", "header"])
def test_a_unit_printed_anywhere_it_may_be_is_no_assumption(place):
    pdf = budget_pdf(
        intro="Alle beløb er i kr." if place == "intro" else "",
        above="Beløb i kr." if place == "above" else "",
        caption="Tabel 1. Kultur - aktiviteter og forventet forbrug" + (" (kr.)" if place == "caption" else ""),
        unit_cell="kr." if place == "header" else "",
    )
    document = read(pdf)
    assert list(document.items["amount_dkk"]) == [500, 1_250]
    assert list(document.findings["kind"]) == []


def test_an_unnumbered_caption_under_the_table_names_its_area():
    under = text_lines_pdf([
        (72, 780, "Udmøntning af projektpuljen 2024"), (72, 700, "1.000 kr."),
        (right_aligned_x("2024", 400, size=10), 700, "2024"), (72, 686, "Tilskudsmidler"),
        (72, 672, "Projekt om kulturarv"), (right_aligned_x("500", 400, size=10), 672, "500"),
        (72, 658, "Total"), (right_aligned_x("500", 400, size=10), 658, "500"),
        (72, 640, "Kultur og fritid - aktiviteter og forventet forbrug"),
    ])
    document = read(under)
    assert list(document.items["area"]) == ["Kultur og fritid"]
    assert list(document.items["table_no"]) == [1]


def test_a_sentence_of_prose_ending_like_a_caption_is_no_caption():
    from projektpulje.extract.layout import Line, Word
    from projektpulje.extract.layout.regions import Kinded, prose_endings_to_text

    def at(text: str, top: float) -> Line:
        return Line(tuple(Word(w, 72 + 40 * i, top, 72 + 40 * i + 35, top + 10, 10.0) for i, w in enumerate(text.split())))

    prose = at("Udvalget godkender hermed de", 100)
    ending = at("Kulturens aktiviteter og forventet forbrug", 112)  # runs on the sentence above
    caption = at("Kultur - aktiviteter og forventet forbrug", 150)  # a line of its own
    kinded = prose_endings_to_text([Kinded(prose, "text"), Kinded(ending, "caption"), Kinded(caption, "caption")])
    assert [k.kind for k in kinded] == ["text", "text", "caption"]


def test_a_caption_without_a_number_is_a_whole_line_worded_as_one(vocab):
    import re

    caption = re.compile(vocab.unnumbered_caption_pattern, re.IGNORECASE)
    assert caption.match("Kultur – aktiviteter og forventet forbrug (1.000 kr.)")
    assert caption.match("Internationale aktiviteter og forventet forbrug")
    assert not caption.match("Landdistrikter – oversigt over forventet forbrug")  # a heading
    assert not caption.match("udvalget godkender aktiviteter og forventet forbrug")  # no capital: prose
