"""Layout rules on pages built from word boxes: value columns, wrapped lines, rules, page furniture, continued tables."""

from __future__ import annotations

import pytest

from projektpulje.extract.layout import (
    ExtractSettings,
    Line,
    PageContent,
    Rule,
    Word,
    line_to_value_words,
    pages_to_furniture,
    pages_to_tables,
    rows_to_evidence,
    words_to_lines,
)

CHAR = 5.0  # width of one character at size 10
SETTINGS = ExtractSettings(caption_pattern=r"^\s*Tabel\s+\d+")
FOOTNOTES = ExtractSettings(caption_pattern=r"^\s*Tabel\s+\d+", footnote_pattern=r"^\s*(?P<marker>\d{1,2}\))\s*(?P<text>\S.*)$")


def words(text: str, x0: float, top: float, size: float = 10.0) -> list[Word]:
    out, x = [], x0
    for token in text.split(" "):
        out.append(Word(token, x, top, x + CHAR * len(token), top + size, size))
        x += CHAR * (len(token) + 1)
    return out


def row(label: str, value: str, top: float, *, x0: float = 50, right: float = 400) -> list[Word]:
    out = words(label, x0, top) if label else []
    if value:
        out.append(Word(value, right - CHAR * len(value), top, right, top + 10, 10))
    return out


def line(label: str, value: str, top: float, **kw) -> Line:
    return Line(tuple(row(label, value, top, **kw)))


def test_words_on_one_baseline_are_one_line_in_reading_order():
    ws = words("Total", 50, 100) + [Word("2.000", 380, 100.5, 400, 110.5)] + words("Analyser", 50, 120)
    assert [l.text for l in words_to_lines(reversed(ws))] == ["Total 2.000", "Analyser"]


def test_a_number_inside_a_label_is_not_a_value():
    values = line_to_value_words(line("Landsbyprisen 2021", "150", 100), cell_gap_em=0.9)
    assert [w.text for w in values] == ["150"]


def test_closer_lines_are_wrapped_labels_when_rows_are_spaced_apart():
    lines = [line("Tilskudsmidler", "", 100), line("Understøttelse af aftalen med", "", 118),
             line("Boligministeriet", "500", 129), line("Etablering", "500", 147), line("Total", "1.000", 165)]
    columns = [(375.0, 400.0)]
    assert rows_to_evidence(lines, [], columns=columns, cell_gap_em=0.9) == [False, True, False, False]


def test_rules_between_rows_decide_in_a_grid():
    lines = [line("1.000 kr.", "2021", 88), line("Tilskudsmidler", "", 100), line("Understøttelse af", "500", 112),
             line("aftalen", "", 124), line("Etablering", "500", 136), line("Total", "1.000", 148)]
    rules = [Rule(45, 405, y) for y in (86, 98, 110, 134, 146, 160)]
    evidence = rows_to_evidence(lines, rules, columns=[(375.0, 400.0)], cell_gap_em=0.9)
    assert evidence == [False, False, True, False, False]


def test_rules_under_some_rows_only_do_not_make_a_grid():
    lines = [line("1.000 kr.", "2021", 88), line("Analyser", "500", 100), line("Formidling", "350", 112),
             line("Nationalt", "250", 124), line("Total", "1.100", 136)]
    rules = [Rule(45, 405, y) for y in (98, 134)]
    assert rows_to_evidence(lines, rules, columns=[(375.0, 400.0)], cell_gap_em=0.9) == [False, False, False, False]


def test_evenly_spaced_lines_are_left_undecided_unless_the_next_word_would_have_fitted():
    lines = [line("Møder i Rådet for Fremtidens Kompetencer og", "50", 100), line("Indstillet", "", 112),
             line("Kort", "", 124), line("Videreudvikling", "50", 136)]
    evidence = rows_to_evidence(lines, [], columns=[(375.0, 400.0)], cell_gap_em=0.9)
    # "Indstillet" would not have fitted after the long first line; "Kort" and "Videreudvikling" would have.
    assert evidence == [None, False, False]


def test_a_line_starting_left_of_the_one_above_is_a_new_row():
    lines = [line("- Pulje for kommunale cirkulær økonomi projekter", "700", 100, x0=56),
             line("Udmøntning af bæredygtighedsstrategi", "", 112, x0=50), line("Total", "700", 124)]
    assert rows_to_evidence(lines, [], columns=[(375.0, 400.0)], cell_gap_em=0.9)[0] is False


def test_a_repeated_table_header_is_not_page_furniture_but_the_footer_is():
    pages = [
        PageContent(n, 600, 800, tuple(row("1.000 kr.", "2021", 30) + words(f"1-22-76-1-19 Side {n}", 250, 780)))
        for n in (1, 2, 3)
    ]
    assert pages_to_furniture(pages, band=0.1, cell_gap_em=0.9) == {"#-#-#-#-# side #"}


def _page(number: int, body: list[list[Word]]) -> PageContent:
    ws = [w for part in body for w in part] + words(f"1-22-76-1-19 Side {number}", 250, 780)
    return PageContent(number, 600, 800, tuple(ws))


def test_a_table_running_onto_the_next_page_comes_back_as_one_with_its_caption():
    page1 = _page(1, [words("Klima", 50, 600), row("1.000 kr.", "2021", 620), row("Udviklingsmidler", "", 632),
                      row("Analyser", "500", 644), row("Formidling", "350", 656)])
    page2 = _page(2, [row("1.000 kr.", "2021", 60), row("Nationalt klimatopmøde", "250", 72),
                      row("Udviklingsmidler i alt", "1.100", 84), row("Total", "1.100", 96),
                      words("Tabel 6. Klima - aktiviteter og forventet forbrug", 50, 120),
                      words("Der afsættes også midler til konferencer og topmøder i hele regionen og mere tekst", 50, 150)])
    tables, text = pages_to_tables([page1, page2], source="x.pdf", extractor="test", settings=SETTINGS)
    (table,) = tables
    assert table.pages == (1, 2)
    assert table.header == ("1.000 kr.", "2021")
    assert [r.cells for r in table.rows] == [
        ("Udviklingsmidler", ""), ("Analyser", "500"), ("Formidling", "350"), ("Nationalt klimatopmøde", "250"),
        ("Udviklingsmidler i alt", "1.100"), ("Total", "1.100"),
    ]
    assert table.caption == "Tabel 6. Klima - aktiviteter og forventet forbrug"
    assert not any("Side" in t.text for t in text)


def test_prose_across_the_value_column_ends_a_table():
    page = _page(1, [row("1.000 kr.", "2021", 100), row("Analyser", "500", 112), row("Total", "500", 124),
                     words("Regionen afsætter desuden udviklingsmidler til analyser hvor der forventes behov for", 50, 150),
                     row("1.000 kr.", "2021", 200), row("Formidling", "350", 212), row("Total", "350", 224)])
    tables, _ = pages_to_tables([page], source="x.pdf", extractor="test", settings=SETTINGS)
    assert [[r.label for r in t.rows] for t in tables] == [["Analyser", "Total"], ["Formidling", "Total"]]


def test_a_value_close_to_a_long_label_is_still_a_value_inside_a_known_column():
    tight = Line(tuple(words("Kontingent til medlemskab af Fællesråd", 50, 100)
                       + [Word("50", 246, 100, 256, 110, 10)]))
    assert line_to_value_words(tight, cell_gap_em=0.9) == []
    assert [w.text for w in line_to_value_words(tight, cell_gap_em=0.9, columns=[(240.0, 260.0)])] == ["50"]


def test_a_unit_on_its_own_line_above_the_year_header_is_the_tables_unit():
    from projektpulje.budget.normalise import normalise_table
    from projektpulje.budget.vocabulary import load_vocabulary

    page = _page(1, [words("(1.000 kr.)", 50, 88), row("", "2021", 100), row("Udviklingsmidler", "", 112),
                     row("Analyser", "500", 124), row("Formidling", "350", 136), row("Total", "850", 148),
                     words("Tabel 6. Klima - aktiviteter og forventet forbrug", 50, 170)])
    (table,), _ = pages_to_tables([page], source="x.pdf", extractor="test", settings=SETTINGS)
    assert (table.header, table.preamble) == (("", "2021"), "(1.000 kr.)")
    result = normalise_table(table, vocab=load_vocabulary(), ordinal=1)
    assert [(i.item, i.amount_dkk) for i in result.items] == [("Analyser", 500_000), ("Formidling", 350_000)]


def _columns(label: str, values: tuple[str, ...], top: float, rights=(300, 360, 420)) -> list[Word]:
    out = words(label, 50, top) if label else []
    for value, right in zip(values, rights):
        if value:
            out.append(Word(value, right - CHAR * len(value), top, right, top + 10, 10))
    return out


def test_a_header_with_a_row_total_column_at_the_top_of_several_pages_is_each_tables_header():
    # "I alt" ends the line, so it holds no values and repeats at the top of both pages like a running head
    def page(number: int, area: str) -> PageContent:
        return _page(number, [
            _columns("1.000 kr.", ("2024", "2025"), 30) + words("I alt", 395, 30),
            _columns("Udviklingsmidler", (), 42), _columns("Analyser", ("500", "400", "900"), 54),
            _columns("Formidling", ("350", "", "350"), 66),
            _columns("Møder", ("", "75", "75"), 78), _columns("Total", ("850", "475", "1.325"), 90),
            words(f"Tabel {number}. {area} - aktiviteter og forventet forbrug", 50, 110),
            words("Regionen afsætter desuden udviklingsmidler til analyser hvor der forventes behov for", 50, 130),
        ])

    tables, text = pages_to_tables([page(1, "Klima"), page(2, "Mobilitet")], source="x.pdf", extractor="test",
                                   settings=SETTINGS)
    assert [t.header for t in tables] == [("1.000 kr.", "2024", "2025", "I alt")] * 2
    assert [[r.label for r in t.rows] for t in tables] == [["Udviklingsmidler", "Analyser", "Formidling", "Møder",
                                                            "Total"]] * 2
    assert not any("I alt" in t.text for t in text)


def test_a_sentence_across_the_value_columns_ending_in_another_tables_column_holds_no_value():
    # justified prose up to the right margin, where a column of another page's table stands: "… i 2021."
    prose = Line(tuple(words("Heraf er det godkendt at der omdisponeres midler til et årsværk i", 100, 100)
                       + [Word("2021.", 430, 100, 455, 110, 10)]))
    columns = [(380.0, 400.0), (430.0, 455.0)]
    assert line_to_value_words(prose, cell_gap_em=0.9, columns=columns) == []
    label = Line(tuple(words("Data og analyse", 50, 120) + [Word("50", 390, 120, 400, 130, 10)]
                       + [Word("2021", 432, 120, 455, 130, 10)]))
    assert [w.text for w in line_to_value_words(label, cell_gap_em=0.9, columns=columns)] == ["50", "2021"]


def _footnote(text: str, top: float) -> list[Word]:
    return words(text, 50, top, size=8.0)


@pytest.mark.parametrize("repeated", [True, False], ids=["header repeated", "no header overleaf"])
def test_a_table_over_three_pages_with_footnotes_at_each_foot_comes_back_as_one(repeated):
    # the footnotes sit at the foot of the page, under the table's last line there: the table still goes on
    header = (lambda: row("1.000 kr.", "2022", 60)) if repeated else list
    page1 = _page(1, [words("Sundhed - aktiviteter og forventet forbrug", 50, 600), row("1.000 kr.", "2022", 620),
                      row("Tilskudsmidler", "", 632), row("Analyser 1)", "500", 644), row("Formidling", "350", 656),
                      _footnote("1) Er bevilget af regionsrådet i november 2021.", 740)])
    page2 = _page(2, [header(), row("Møder", "250", 72), row("Kontingent 2)", "50", 84),
                      _footnote("2) Regionsrådet godkendte i november 2021 et tilskud på 2 mio. kr.", 740),
                      _footnote("som del af overdragelsen.", 750)])
    page3 = _page(3, [header(), row("Tilskudsmidler i alt", "1.150", 72),
                      row("Total", "1.150", 84)])
    tables, _ = pages_to_tables([page1, page2, page3], source="x.pdf", extractor="test", settings=FOOTNOTES)
    (table,) = tables
    assert table.pages == (1, 2, 3)
    assert table.preamble == "Sundhed - aktiviteter og forventet forbrug"  # its unnumbered caption, the area
    assert [r.label for r in table.rows] == [
        "Tilskudsmidler", "Analyser 1)", "Formidling", "Møder", "Kontingent 2)", "Tilskudsmidler i alt", "Total",
    ]
    assert table.footnotes == (
        "1) Er bevilget af regionsrådet i november 2021.",
        "2) Regionsrådet godkendte i november 2021 et tilskud på 2 mio. kr. som del af overdragelsen.",
    )


def test_a_table_ending_above_the_page_foot_footnote_does_not_take_the_next_pages_table():
    page1 = _page(1, [row("1.000 kr.", "2022", 600), row("Analyser 1)", "500", 612), row("Total", "500", 624),
                      _footnote("1) Er bevilget af regionsrådet i november 2021.", 740)])
    page2 = _page(2, [words("Kultur - aktiviteter og forventet forbrug", 50, 60), row("1.000 kr.", "2022", 72),
                      row("Formidling", "350", 84), row("Total", "350", 96)])
    tables, _ = pages_to_tables([page1, page2], source="x.pdf", extractor="test", settings=FOOTNOTES)
    assert [t.pages for t in tables] == [(1,), (2,)]
    assert tables[0].footnotes == ("1) Er bevilget af regionsrådet i november 2021.",)


def test_a_numbered_point_of_the_prose_is_prose_and_a_footnote_set_apart_is_a_footnote():
    prose = "I forhold til udviklingsmidlerne forventer administrationen at anvende midler på fem særlige"
    page = _page(1, [words(prose, 50, 100), words("1) Sundhed og ernæring, f.eks. innovation af nye fødevarer til de", 50, 112),
                     words("underernærede og mere tekst om det hele som løber over hele siden til enden", 50, 124),
                     row("1.000 kr.", "2022", 200), row("Analyser 1)", "500", 212), row("Total", "500", 224),
                     words("1) Er bevilget af regionsrådet i november 2021.", 50, 250)])
    tables, text = pages_to_tables([page], source="x.pdf", extractor="test", settings=FOOTNOTES)
    assert tables[0].footnotes == ("1) Er bevilget af regionsrådet i november 2021.",)
    assert [(t.text.split()[1], t.kind) for t in text if t.text.startswith(("1)", "underernærede"))] == [
        ("Sundhed", "text"), ("og", "text"), ("Er", "footnote"),
    ]


def test_prose_in_two_columns_is_read_column_by_column_and_a_full_width_line_ends_the_columns():
    from projektpulje.extract.layout.prose import kinded_in_reading_order

    left = ["Der afsættes 2 mio. kr.", "til projektet i regionen.", "Det er en god idé,", "mener regionsrådet her."]
    right = ["Der afsættes desuden 1 mio.", "kr. til et andet projekt", "i samme område, som", "også er godt for alle."]
    lines = []
    for i, (a, b) in enumerate(zip(left, right)):
        top = 100 + 14 * i
        lines.append(Line(tuple(words(a, 50, top) + words(b, 300, top + (0 if i % 2 else 5)))))
    lines.append(line("Regionen afsætter desuden udviklingsmidler til analyser hvor der forventes behov for mere", "",
                      170))
    lines.append(line("Kort tekst på én linje", "", 184))
    ordered = [ln.text for ln, _ in kinded_in_reading_order([(ln, "text") for ln in words_to_lines(
        [w for ln in lines for w in ln.words])])]
    assert ordered == [*left, *right, lines[-2].text, lines[-1].text]


def test_a_single_column_with_a_wide_gap_now_and_then_is_left_as_it_is():
    from projektpulje.extract.layout.prose import kinded_in_reading_order

    lines = [line("Regionen afsætter desuden udviklingsmidler til analyser hvor der forventes", "", 100),
             Line(tuple(words("Hertil kommer", 50, 114) + words("en række delanalyser om teknologier", 300, 114))),
             line("og der afsættes midler til konferencer og topmøder i hele regionen", "", 128)]
    assert [ln.text for ln, _ in kinded_in_reading_order([(ln, "text") for ln in lines])] == [ln.text for ln in lines]


def test_a_caption_set_close_above_a_table_does_not_take_its_header_or_first_heading():
    header = words("1.000 kr.", 50, 111) + words("Budget 2021", 345, 111) + words("Budget 2022", 425, 111)
    page = _page(1, [words("Tabel 1. Klima - aktiviteter og forventet forbrug", 50, 100), header,
                     row("Udviklingsmidler", "", 122), row("Analyser", "500", 133) + row("", "450", 133, right=480),
                     row("Udviklingsmidler i alt", "500", 144) + row("", "450", 144, right=480),
                     row("Total", "500", 155) + row("", "450", 155, right=480)])
    (table,), _ = pages_to_tables([page], source="x.pdf", extractor="test", settings=SETTINGS)
    assert table.caption == "Tabel 1. Klima - aktiviteter og forventet forbrug"
    assert table.header[1:] == ("Budget 2021", "Budget 2022")
    assert table.rows[0].cells[0] == "Udviklingsmidler"
