"""Rules that tell rows, groups and footnote marks apart: the row pitch where most rows wrap, a cell grid's
end, raised and glued footnote marks, groups closed by indent, a sub-item printed without amounts."""

from __future__ import annotations

from decimal import Decimal

from projektpulje.extract import RawRow, RawTable
from projektpulje.extract.layout import Line, Rule, Word, rows_to_evidence, words_to_lines
from projektpulje.budget.normalise import normalise_table
from projektpulje.budget.numbers import split_glued_marker, split_marker

CHAR = 5.0
COLUMNS = [(375.0, 400.0)]


def _line(label: str, value: str, top: float, *, x0: float = 50, size: float = 10.0) -> Line:
    out, x = [], x0
    for token in label.split(" ") if label else []:
        out.append(Word(token, x, top, x + CHAR * len(token), top + size, size))
        x += CHAR * (len(token) + 1)
    if value:
        out.append(Word(value, 400 - CHAR * len(value), top, 400, top + size, size))
    return Line(tuple(out))


def test_where_most_rows_wrap_the_rows_are_still_told_by_the_gap_between_two_amount_lines():
    # Lines of one cell 12 apart, rows 18 apart: the wrapped lines outnumber the row gaps.
    lines = [_line("Puljemidler", "", 100), _line("Kortlægning af erhvervsturisme i", "", 118),
             _line("samarbejde med Business Region", "", 130), _line("Aarhus", "350", 142),
             _line("Analyse", "1.075", 160), _line("Udvikling af kompetenceløft af", "", 178),
             _line("faglærte", "200", 190), _line("Kampagne for internationale", "", 208),
             _line("studerende", "200", 220), _line("Total", "1.825", 238)]
    evidence = rows_to_evidence(lines, [], columns=COLUMNS, cell_gap_em=0.9)
    assert evidence == [False, True, True, False, False, True, False, True, False]


def test_a_subtotal_set_further_off_does_not_make_the_rows_above_it_wrapped_lines():
    lines = [_line("Tilskudsmidler", "", 100), _line("Understøttelse af aftalen med", "", 115),
             _line("Boligministeriet", "500", 127), _line("Etablering", "500", 142), _line("Medfinansiering", "500", 157),
             _line("Tilskudsmidler i alt", "1.500", 176), _line("Total", "1.500", 199)]
    evidence = rows_to_evidence(lines, [], columns=COLUMNS, cell_gap_em=0.9)
    assert evidence == [False, True, False, False, False, False]


def test_a_line_under_a_cell_grids_last_rule_is_not_told_by_the_grid():
    lines = [_line("Analyser", "500", 100), _line("Formidling", "350", 112), _line("Nationalt", "250", 124),
             _line("Total", "1.100", 136), _line("Klima - aktiviteter og forventet forbrug", "", 148)]
    rules = [Rule(45, 405, y) for y in (98, 110, 122, 134)]
    evidence = rows_to_evidence(lines, rules, columns=COLUMNS, cell_gap_em=0.9)
    assert evidence == [False, False, False, None]


def test_a_raised_mark_glued_to_a_word_is_read_as_its_inline_form():
    amount = Word("1.125", 300, 100, 325, 110, 10)
    letter = Word("a", 325, 100.5, 328, 106, 6)
    label = Word("Aarhus", 50, 100, 80, 110, 10)
    digit = Word("4", 80, 100.5, 83, 106, 6)
    assert words_to_lines([label, digit, amount, letter])[0].text == "Aarhus⁴ 1.125a)"
    note = [Word("a", 50, 200.2, 53, 205.5, 6), Word("Tidligere", 56, 200, 100, 210, 10)]
    assert words_to_lines(note)[0].text == "a) Tidligere"
    apart = [Word("Fase", 50, 300, 70, 310, 10), Word("a", 75, 300.5, 78, 306, 6)]
    assert words_to_lines(apart)[0].text == "Fase a"  # set apart by a space: no mark glued to the word


def test_footnote_marks_glued_to_a_label_or_an_amount():
    assert split_marker("kommunegrænsera)") == ("kommunegrænser", "a)")
    assert split_marker("grundvandsbeskyttelse1)") == ("grundvandsbeskyttelse", "1)")
    assert split_marker("Projekt (fase a)") == ("Projekt (fase a)", "")
    assert split_marker("4251)") == ("4251)", "")
    assert split_glued_marker("4251)", ["1)", "2)"]) == ("425", "1)")
    assert split_glued_marker("1.2754)", ["3)", "4)"]) == ("1.275", "4)")
    assert split_glued_marker("4251)", ["1)", "51)"]) == ("4251)", "")  # two readings: left unread


def _table(rows, *, header=("1.000 kr.", "2021")):
    """rows: (label, value, x0)."""
    raw = tuple(RawRow((label, value), page=1, bbox=(x0, i * 12, 300, i * 12 + 10), continues=False)
                for i, (label, value, x0) in enumerate(rows))
    return RawTable("doc.pdf", 1, 1, "test", (0, 0, 300, 300), header, raw, "Tabel 1. Klima - aktiviteter og forventet forbrug",
                    (), (1,))


def test_a_line_set_no_further_in_than_a_heading_whose_lines_are_indented_is_not_under_it(vocab):
    table = _table([("Tilskudsmidler", "", 50), ("Digital sundhed", "", 50), ("Medfinansiering", "400", 60),
                    ("Evaluering", "200", 60), ("Drift af trafik", "625", 50), ("Tilskudsmidler i alt", "1.225", 50)])
    items = normalise_table(table, vocab=vocab, ordinal=1).items
    assert [(i.group, i.item) for i in items] == [
        ("Digital sundhed", "Medfinansiering"), ("Digital sundhed", "Evaluering"), ("", "Drift af trafik")]


def test_a_heading_over_an_indented_sub_heading_is_a_group_not_the_rest_of_the_row_above(vocab):
    table = _table([("Projektmidler", "", 50), ("Forprojekt om studerende", "600", 50), ("Grøn mobilitet", "", 50),
                    ("Borgerrettede tiltag", "", 60), (" - Kortlægning", "75", 70), ("Projektmidler i alt", "675", 50)])
    table = RawTable(table.source, 1, 1, "test", table.bbox, table.header,
                     tuple(RawRow(r.cells, r.page, r.bbox, None if i in (2, 3) else False) for i, r in enumerate(table.rows)),
                     table.caption, (), (1,))
    items = normalise_table(table, vocab=vocab, ordinal=1).items
    assert [(i.group, i.item) for i in items] == [
        ("", "Forprojekt om studerende"), ("Grøn mobilitet / Borgerrettede tiltag", "Kortlægning")]


def test_a_sub_item_printed_without_any_amount_is_a_line_of_zeros(vocab):
    table = _table([("Tilskudsmidler", "", 50), ("Kulturpuljen", "", 50), (" - Evaluering", "100", 50),
                    (" - Analyse af busser", "", 50), ("Sekretariat", "500", 50), ("Tilskudsmidler i alt", "600", 50)])
    items = normalise_table(table, vocab=vocab, ordinal=1).items
    assert [(i.group, i.item, i.amount_tkr) for i in items] == [
        ("Kulturpuljen", "Evaluering", Decimal(100)), ("Kulturpuljen", "Analyse af busser", Decimal(0)),
        ("", "Sekretariat", Decimal(500))]


def test_a_table_whose_two_line_header_repeats_overleaf_goes_on_there():
    from projektpulje.extract.layout import ExtractSettings, PageContent, pages_to_tables

    def header(top: float) -> list[Word]:
        return [Word("Budget", 370, top, 400, top + 10, 10), *_line("1.000 kr.", "2022", top + 12).words]

    page1 = PageContent(1, 595, 842, [*header(600), *_line("Tilskudsmidler", "", 632).words,
                                      *_line("Analyser", "500", 644).words, *_line("Formidling", "350", 656).words], [])
    page2 = PageContent(2, 595, 842, [*header(60), *_line("Tilskudsmidler i alt", "850", 84).words,
                                      *_line("Total", "850", 96).words], [])
    settings = ExtractSettings(caption_pattern=r"^\s*Tabel\s+\d+")
    tables, _ = pages_to_tables([page1, page2], source="x.pdf", extractor="test", settings=settings)
    assert [t.pages for t in tables] == [(1, 2)]
