"""The normaliser on raw tables built by hand: joining, sections, groups, footnotes, units, errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from projektpulje.extract import RawRow, RawTable
from projektpulje.errors import TableError
from projektpulje.budget.logical_rows import rows_to_logical_rows
from projektpulje.budget.normalise import caption_to_number_and_area, normalise_table


def raw_table(rows, *, header=("1.000 kr.", "2021"), caption="Tabel 3. Klima - aktiviteter og forventet forbrug",
              footnotes=()):
    raw_rows = []
    for i, row in enumerate(rows):
        label, *values = row[0] if isinstance(row[0], tuple) else (row[0], *row[1:2])
        continues = row[2] if len(row) > 2 else False
        cells = (label, *(values or [""]))
        raw_rows.append(RawRow(cells, page=4, bbox=(0, i * 12, 100, i * 12 + 10), continues=continues))
    return RawTable("doc.pdf", 4, 1, "test", (0, 0, 100, 100), tuple(header), tuple(raw_rows), caption,
                    tuple(footnotes), (4,))


def items_of(table, vocab):
    return normalise_table(table, vocab=vocab, ordinal=1).items


@pytest.mark.parametrize(
    "caption, expected",
    [
        ("Tabel 4. Sundhedsinnovation - aktiviteter og forventet forbrug", (4, "Sundhedsinnovation")),
        ("Tabel 2. Internationale aktiviteter og forventet forbrug", (2, "Internationale aktiviteter")),
        ("Tabel 5. Bæredygtighed og grøn omstilling - aktiviteter og forventet forbrug", (5, "Bæredygtighed og grøn omstilling")),
        ("Tabel 12: Kultur – aktiviteter og forventet forbrug", (12, "Kultur")),
        ("Tabel 3 Trafik", (3, "Trafik")),
        ("Tabel 2. Klima - aktiviteter og forventet forbrug (mio. kr.)", (2, "Klima")),
        ("Figur 3. Noget andet", (None, "")),
    ],
)
def test_caption_gives_number_and_area(caption, expected, vocab):
    assert caption_to_number_and_area(caption, vocab=vocab) == expected


def test_sections_subtotals_and_total_are_told_apart(vocab):
    table = raw_table([
        ("Tilskudsmidler", ""), ("Jobbanken", "1.000"), ("EU-projekter", "750"), ("Tilskudsmidler i alt", "1.750"),
        ("Udviklingsmidler", ""), ("Analyser", "500"), ("Udviklingsmidler i alt", "500"), ("Total", "2.250"),
    ])
    result = normalise_table(table, vocab=vocab, ordinal=1)
    assert [(i.section_key, i.item, i.amount_tkr, i.amount_dkk) for i in result.items] == [
        ("tilskudsmidler", "Jobbanken", Decimal(1000), 1_000_000),
        ("tilskudsmidler", "EU-projekter", Decimal(750), 750_000),
        ("udviklingsmidler", "Analyser", Decimal(500), 500_000),
    ]
    assert [(t.level, t.section_key, t.stated_tkr) for t in result.totals] == [
        ("section", "tilskudsmidler", Decimal(1750)), ("section", "udviklingsmidler", Decimal(500)),
        ("table", "", Decimal(2250)),
    ]
    assert (result.table_no, result.area, result.years) == (3, "Klima", (2021,))


def test_dash_sub_items_belong_to_the_heading_above_until_a_plain_row(vocab):
    table = raw_table([
        ("Tilskudsmidler", ""), ("Digital sundhed", ""), (" - Understøttelse af klyngen", "0*"),
        (" - Medfinansiering", "2.000"), ("Mikrofinansieringspulje", "2.500"), ("Tilskudsmidler i alt", "4.500"),
    ], footnotes=["* Overført til klyngen."])
    items = items_of(table, vocab)
    assert [(i.group, i.item, i.footnote, i.footnote_text) for i in items] == [
        ("Digital sundhed", "Understøttelse af klyngen", "*", "Overført til klyngen."),
        ("Digital sundhed", "Medfinansiering", "", ""),
        ("", "Mikrofinansieringspulje", "", ""),
    ]


def test_a_heading_without_dashes_groups_the_rows_up_to_the_subtotal(vocab):
    table = raw_table([
        ("Tilskudsmidler", ""), ("Jobbanken", "1.000"), ("Indstillet omprioriteret til under uddannelsespuljen", ""),
        ("Euroskills*", "2.500"), ("Tilskudsmidler i alt", "3.500"),
    ])
    assert [(i.group, i.item) for i in items_of(table, vocab)] == [
        ("", "Jobbanken"), ("Indstillet omprioriteret til under uddannelsespuljen", "Euroskills"),
    ]


def test_a_line_moving_money_to_another_area_closes_the_group_above_it(vocab):
    table = raw_table([
        ("Udviklingsmidler", ""), ("Indstillet omprioriteret til den administrative pulje", ""),
        (("Evaluering", "225", "200", "425"),), (("Omprioriteret til Trafik", "-150", "÷ 150", "-300"),),
        (("Udviklingsmidler i alt", "75", "50", "125"),),
    ], header=("1.000 kr.", "2024", "2025", "I alt"))
    result = normalise_table(table, vocab=vocab, ordinal=1)
    assert [(i.group, i.item, i.amount_tkr) for i in result.items] == [
        ("Indstillet omprioriteret til den administrative pulje", "Evaluering", 225),
        ("Indstillet omprioriteret til den administrative pulje", "Evaluering", 200),
        ("", "Omprioriteret til Trafik", -150), ("", "Omprioriteret til Trafik", -150),
    ]
    assert [(t.group, t.item) for t in result.row_totals][:2] == [
        ("Indstillet omprioriteret til den administrative pulje", "Evaluering"), ("", "Omprioriteret til Trafik")]


def test_rows_the_layout_joins_are_one_label_with_one_space(vocab):
    table = raw_table([
        ("Tilskudsmidler", ""),
        ("Understøttelse af klimasamarbejdsaftalen med Transport-", "", False),
        ("og Boligministeriet", "500", True),
        ("Tilskudsmidler i alt", "500"),
    ])
    assert [i.item for i in items_of(table, vocab)] == [
        "Understøttelse af klimasamarbejdsaftalen med Transport- og Boligministeriet"
    ]


@pytest.mark.parametrize(
    "lines, expected",
    [
        # amount on the last line; the first line ends on a connecting word
        ([("Medlemskab til Concito og Danmarks Nationale Netværk for", ""), ("Klimatilpasning", "75")],
         [("Medlemskab til Concito og Danmarks Nationale Netværk for Klimatilpasning", "75")]),
        # amount on the first line; the rest starts in lower case
        ([("Aktiviteter forbundet med Shanghai", "150"), ("aftalen", "")],
         [("Aktiviteter forbundet med Shanghai aftalen", "150")]),
        # a heading and the row it heads stay apart
        ([("Indstillet omprioriteret til under uddannelsespuljen", ""), ("Euroskills*", "2.500")],
         [("Indstillet omprioriteret til under uddannelsespuljen", ""), ("Euroskills*", "2.500")]),
        # a wrapped subtotal label is one structural label
        ([("Omprioriteret til personaleressourcer i", "650"), ("alt", "")],
         [("Omprioriteret til personaleressourcer i alt", "650")]),
        # two rows with amounts are never one
        ([("Kontingent", "200"), ("delegationsbesøg", "100")], [("Kontingent", "200"), ("delegationsbesøg", "100")]),
        # a dash starts a new row even in lower case
        ([("Digital sundhed", ""), ("- aktiviteter", "100")], [("Digital sundhed", ""), ("- aktiviteter", "100")]),
    ],
)
def test_wording_decides_where_the_layout_cannot(lines, expected, vocab):
    rows = [RawRow((label, value), 1, (0, 0, 1, 1), continues=None if i else False) for i, (label, value) in enumerate(lines)]
    assert [(r.label, r.values[0]) for r in rows_to_logical_rows(rows, vocab=vocab)] == expected


def test_a_name_running_on_under_a_sub_item_is_its_wrapped_rest(vocab):
    rows = [
        RawRow(("- Understøttelse af Danish Life Science", "0*"), 1, (0, 0, 1, 1), continues=False),
        RawRow(("Cluster", ""), 1, (0, 0, 1, 1), continues=None),
        RawRow(("- Medfinansiering", "2.000"), 1, (0, 0, 1, 1), continues=None),
    ]
    assert [r.label for r in rows_to_logical_rows(rows, vocab=vocab)] == [
        "- Understøttelse af Danish Life Science Cluster", "- Medfinansiering",
    ]


def test_a_label_left_hanging_before_a_subtotal_joins_the_row_above(vocab):
    rows = [
        RawRow(("Medlemskab til Concito og Danmarks", "75"), 1, (0, 0, 1, 1), continues=False),
        RawRow(("Nationale Netværk for Klimatilpasning", ""), 1, (0, 0, 1, 1), continues=None),
        RawRow(("Udviklingsmidler i alt", "75"), 1, (0, 0, 1, 1), continues=None),
    ]
    assert [r.label for r in rows_to_logical_rows(rows, vocab=vocab)] == [
        "Medlemskab til Concito og Danmarks Nationale Netværk for Klimatilpasning", "Udviklingsmidler i alt",
    ]


@pytest.mark.parametrize(
    "unit, amount, tkr, dkk",
    [("1.000 kr.", "1.500", Decimal(1500), 1_500_000), ("kr.", "100.000", Decimal(100), 100_000),
     ("mio. kr.", "2,5", Decimal(2500), 2_500_000), ("1.000 kr.", "0,5", Decimal("0.5"), 500)],
)
def test_units_are_converted_once(unit, amount, tkr, dkk, vocab):
    table = raw_table([("Udviklingsmidler", ""), ("Analyser", amount)], header=(unit, "2021"))
    (item,) = items_of(table, vocab)
    assert (item.amount_tkr, item.amount_dkk) == (tkr, dkk)


def test_several_year_columns_give_one_row_per_year(vocab):
    table = raw_table([("Udviklingsmidler", ""), (("Analyser", "500", "-"),), (("Total", "500", "0"),)],
                      header=("1.000 kr.", "2023", "2024"))
    result = normalise_table(table, vocab=vocab, ordinal=1)
    assert [(i.year, i.amount_tkr) for i in result.items] == [(2023, Decimal(500)), (2024, Decimal(0))]
    assert [(t.year, t.stated_tkr) for t in result.totals] == [(2023, Decimal(500)), (2024, Decimal(0))]


def test_text_in_an_amount_column_is_an_error_naming_file_page_table_and_row(vocab):
    table = raw_table([("Udviklingsmidler", ""), ("Analyser", "5OO")])
    with pytest.raises(TableError) as error:
        normalise_table(table, vocab=vocab, ordinal=1)
    assert str(error.value) == "doc.pdf, page 4, table 3, row 'Analyser': '5OO' in an amount column is not a number"


def test_an_unknown_unit_is_an_error(vocab):
    table = raw_table([("Udviklingsmidler", ""), ("Analyser", "5")], header=("EUR", "2021"))
    with pytest.raises(TableError) as error:
        normalise_table(table, vocab=vocab, ordinal=1)
    assert str(error.value) == "doc.pdf, page 4, table 3: the header has no unit the vocabulary knows (such as 1.000 kr.)"


def test_an_unknown_section_is_parsed_by_its_place_and_reported(vocab):
    table = raw_table([("Driftsmidler", ""), ("Husleje", "100"), ("Driftsmidler i alt", "100"), ("Total", "100")])
    result = normalise_table(table, vocab=vocab, ordinal=1)
    assert [(i.section, i.section_key) for i in result.items] == [("Driftsmidler", "driftsmidler")]
    assert [(u.label, u.page) for u in result.unknown_labels] == [("Driftsmidler", 4)]
    assert [(t.level, t.section_key) for t in result.totals] == [("section", "driftsmidler"), ("table", "")]


def test_an_empty_unit_cell_takes_the_unit_from_the_caption(vocab):
    table = raw_table([("Udviklingsmidler", ""), ("Analyser", "2,5")], header=("", "2022"),
                      caption="Tabel 2. Klima - aktiviteter og forventet forbrug (mio. kr.)")
    (item,) = items_of(table, vocab)
    assert (item.year, item.amount_tkr, item.amount_dkk) == (2022, Decimal(2500), 2_500_000)


def test_year_columns_beside_a_row_total_column_and_blank_cells(vocab):
    table = raw_table(
        [("Udviklingsmidler", ""), (("Analyser", "100", "", "÷ 20", "80"),), (("Total", "100", "-", "(20)", "90"),)],
        header=("1.000 kr.", "B2024", "Budget 2025", "2026", "I alt 2024-26"),
    )
    result = normalise_table(table, vocab=vocab, ordinal=1)
    assert result.years == (2024, 2025, 2026)
    assert [(i.year, i.amount_tkr) for i in result.items] == [(2024, 100), (2025, 0), (2026, -20)]
    assert [(t.level, t.item, t.stated_tkr, t.row_sum) for t in result.row_totals] == [
        ("row", "Analyser", 80, 80), ("row", "Total", 90, 80)
    ]


def test_estimate_years_are_year_columns_and_an_accounts_column_is_reported(vocab):
    table = raw_table([(("Analyser", "100", "90", "80"),), (("Total", "100", "90", "80"),)],
                      header=("1.000 kr.", "Budget 2024", "Overslag 2025", "BO2 2026"))
    assert normalise_table(table, vocab=vocab, ordinal=1).years == (2024, 2025, 2026)
    accounts = raw_table([(("Analyser", "70", "100"),)], header=("1.000 kr.", "Regnskab 2022", "Budget 2024"))
    with pytest.raises(TableError) as error:
        normalise_table(accounts, vocab=vocab, ordinal=1)
    assert str(error.value) == "doc.pdf, page 4, table 3: header cell 'Regnskab 2022' is not a year"


def test_a_section_without_a_subtotal_is_reconciled_by_the_total_alone(vocab):
    from projektpulje.schemas import reconcile_rows

    table = raw_table([
        ("Udviklingsmidler", ""), ("Kontingent", "150"), ("Delegationsbesøg 1)", "125"), ("Total", "275"),
    ], caption="", footnotes=["1) Er bevilget af regionsrådet i november 2021."])
    result = normalise_table(table, vocab=vocab, ordinal=2, heading="Internationale aktiviteter")
    assert [(i.section_key, i.item, i.footnote, i.footnote_text) for i in result.items] == [
        ("udviklingsmidler", "Kontingent", "", ""),
        ("udviklingsmidler", "Delegationsbesøg", "1)", "Er bevilget af regionsrådet i november 2021."),
    ]
    assert [(t.level, t.stated_tkr) for t in result.totals] == [("table", Decimal(275))]
    (checked,) = reconcile_rows([vars(i) for i in result.items], [vars(t) for t in result.totals])
    assert (checked["computed_tkr"], checked["status"]) == (Decimal(275), "ok")


@pytest.mark.parametrize("preamble, area", [
    ("Kultur – aktiviteter og forventet forbrug", "Kultur"),  # an unnumbered caption right above the header
    ("Internationale aktiviteter og forventet forbrug", "Internationale aktiviteter"),
    ("Der afsættes midler hertil.", "Kultur og fritid"),  # a line of prose is no caption: the heading stands
])
@pytest.mark.parametrize("heading", ["Kultur og fritid", "Kultur og fritid - aktiviteter og forventet forbrug"])
def test_an_unnumbered_caption_above_the_header_names_the_area_and_the_position_numbers_the_table(
    preamble, area, heading, vocab
):
    from dataclasses import replace

    table = replace(raw_table([("Tilskudsmidler", ""), ("Kulturpulje", "1.200"), ("Total", "1.200")], caption=""),
                    preamble=preamble)
    result = normalise_table(table, vocab=vocab, ordinal=7, heading=heading)
    assert (result.table_no, result.area, result.numbered) == (7, area, False)
