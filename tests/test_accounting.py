"""Every table region accounted for: budget tables read or reported as unread, other regions listed as not read."""

from __future__ import annotations

import pytest

from projektpulje.extract import RawRow, RawTable
from projektpulje.audit.findings import unread_to_findings
from projektpulje.budget.accounting import account_for_tables, amounts_accounted, normalise_or_note

from .test_normalise import raw_table


def read_in_order(vocab):
    return lambda numbered: [normalise_or_note(raw, vocab=vocab, ordinal=i) for i, raw in numbered]


def contents_table() -> RawTable:
    """A table of contents: page numbers in a column, no unit and no caption."""
    rows = tuple(
        RawRow((label, page), page=2, bbox=(0, i * 12, 100, i * 12 + 10))
        for i, (label, page) in enumerate([("Indledning", "3"), ("Sundhed", "4"), ("Klima", "6")])
    )
    return RawTable("doc.pdf", 2, 1, "test", (0, 0, 100, 100), ("Indhold", "2000"), rows, "", (), (2,))


def test_a_budget_table_that_cannot_be_read_is_reported_and_the_rest_is_read(vocab):
    good = raw_table([("Udviklingsmidler", ""), ("Analyser", "50"), ("Total", "50")])
    bad = raw_table([("Udviklingsmidler", ""), ("Analyser", "5OO"), ("Ophold", "20"), ("Total", "520")],
                    caption="Tabel 4. Mobilitet - aktiviteter og forventet forbrug")
    accounting = account_for_tables([good, bad, contents_table()], vocab=vocab, read=read_in_order(vocab))
    assert [t.table_no for t in accounting.tables] == [3]
    (unread,) = accounting.unread
    assert (unread.table_no, unread.page, unread.amounts) == (4, 4, 3)
    assert unread.reason == "row 'Analyser': '5OO' in an amount column is not a number"
    assert (accounting.amounts_read, accounting.amounts_printed) == (2, 5)
    assert amounts_accounted((2, 5)) == "2 of 5 amounts in tables accounted for"
    (row,) = unread_to_findings(accounting.not_read, year=2021)
    assert (row["kind"], row["table_no"], row["page"]) == ("unread_table", 4, 4)
    assert row["message"] == (
        "table 4 ('Tabel 4. Mobilitet - aktiviteter og forventet forbrug') was not read: row 'Analyser': '5OO' in an "
        "amount column is not a number; its 3 amounts are not in items.csv or totals.csv"
    )


def test_a_region_without_a_budget_unit_or_caption_is_not_a_budget_table(vocab):
    accounting = account_for_tables([contents_table()], vocab=vocab, read=read_in_order(vocab))
    assert accounting.tables == () and accounting.unread == ()
    (other,) = accounting.others
    assert other.describe() == (
        "doc.pdf, page 2: a table-like region was not read: its header has no budget unit (such as 1.000 kr.) over "
        "year columns, and it has no table caption"
    )
    assert other.seen == "header: Indhold | 2000; 3 rows"
    assert "Indhold" not in other.describe()


def test_a_numbered_table_with_an_unknown_unit_is_an_unread_table_not_the_end_of_the_document(vocab):
    odd = raw_table([("Udviklingsmidler", ""), ("Analyser", "5")], header=("EUR", "2021"))
    accounting = account_for_tables([odd], vocab=vocab, read=read_in_order(vocab))
    (unread,) = accounting.unread
    assert unread.reason == "the header has no unit the vocabulary knows (such as 1.000 kr.)"


def test_captioned_tables_without_a_budget_unit_alone_make_no_budget_document(vocab):
    statistics = raw_table([("Aarhus", "330"), ("Randers", "62")], header=("Indbyggere", "2000", "2002"),
                           caption="Tabel 1. Befolkning i de største byer")
    accounting = account_for_tables([statistics], vocab=vocab, read=read_in_order(vocab))
    assert not accounting.is_budget_document
    (unread,) = accounting.unread
    assert unread.reason == "the header has no unit the vocabulary knows (such as 1.000 kr.)"
    odd = raw_table([("Udviklingsmidler", ""), ("Analyser", "5OO")])  # a budget header, a cell that is no number
    assert account_for_tables([odd], vocab=vocab, read=read_in_order(vocab)).is_budget_document


def test_an_unread_table_keeps_its_printed_number_even_0_and_an_unnumbered_one_its_position(vocab):
    bad = [("Udviklingsmidler", ""), ("Analyser", "5OO"), ("Total", "500")]
    zero = normalise_or_note(raw_table(bad, caption="Tabel 0. Samlet oversigt"), vocab=vocab, ordinal=7)
    unnumbered = normalise_or_note(raw_table(bad, caption=""), vocab=vocab, ordinal=7)
    assert (zero.table_no, unnumbered.table_no) == (0, 7)


def _rest(rows, *, page=4, top=120) -> RawTable:
    """A region of table rows (12 points apart) with neither header row nor caption, from `top` down; the
    budget table of raw_table ends at 100 on page 4."""
    raw_rows = tuple(RawRow((label, value), page=page, bbox=(0, top + i * 12, 100, top + i * 12 + 10))
                     for i, (label, value) in enumerate(rows))
    return RawTable("doc.pdf", page, 2, "test", (0, top, 100, top + 12 * len(rows)), (), raw_rows, "", (), (page,))


def test_the_headerless_rest_of_a_budget_table_makes_that_table_unread(vocab):
    head = raw_table([("Udviklingsmidler", ""), ("Analyser", "50")])
    rest = _rest([("Ophold", "20"), ("Udviklingsmidler i alt", "70"), ("Total", "70")])
    accounting = account_for_tables([head, rest], vocab=vocab, read=read_in_order(vocab))
    assert accounting.tables == () and accounting.others == ()
    (unread,) = accounting.unread
    assert (unread.table_no, unread.page, unread.amounts) == (3, 4, 4)
    assert unread.reason == ("its rows break off after 2 printed lines, and 3 amounts below them (page 4) stand with "
                             "no header row of their own: a line misread between them?")
    assert (accounting.amounts_read, accounting.amounts_printed) == (0, 4)


@pytest.mark.parametrize("rest", [
    _rest([("Ophold", "20"), ("Rejser", "5")], page=5),  # overleaf: a list of its own (an appendix of grants)
    _rest([("Ophold", "20"), ("Rejser", "5")], top=150),  # four lines below: a table of its own
])
def test_a_headerless_region_overleaf_or_well_below_a_table_is_not_its_rest(vocab, rest):
    head = raw_table([("Udviklingsmidler", ""), ("Analyser", "50"), ("Total", "50")])
    accounting = account_for_tables([head, rest], vocab=vocab, read=read_in_order(vocab))
    assert [t.table_no for t in accounting.tables] == [3] and accounting.unread == ()
    assert len(accounting.others) == 1


def test_a_headerless_region_after_a_region_that_is_no_budget_table_is_no_table_s_rest(vocab):
    head = raw_table([("Udviklingsmidler", ""), ("Analyser", "50"), ("Total", "50")])
    accounting = account_for_tables([head, contents_table(), _rest([("Ophold", "20")])], vocab=vocab,
                                    read=read_in_order(vocab))
    assert [t.table_no for t in accounting.tables] == [3] and accounting.unread == ()
    assert len(accounting.others) == 2


def test_a_budget_header_over_no_rows_is_a_table_not_read(vocab):
    accounting = account_for_tables([raw_table([])], vocab=vocab, read=read_in_order(vocab))
    (unread,) = accounting.unread
    assert (unread.table_no, unread.reason, unread.amounts) == (3, "no rows under its header", 0)


def _region(index, lines, *, top, header=(), caption="", right=100):
    rows = tuple(RawRow((label, value), page=4, bbox=(0, top + i * 12, right, top + i * 12 + 10))
                 for i, (label, value) in enumerate(lines))
    return RawTable("doc.pdf", 4, index, "test", (0, top, right, top + 12 * len(lines)), header, rows, caption, (), (4,))


def test_a_region_below_a_budget_table_in_other_columns_is_not_part_of_it(vocab):
    table = _region(1, [("Udviklingsmidler", ""), ("Analyser", "50"), ("Total", "50")], top=0,
                    header=("1.000 kr.", "2021"), caption="Tabel 3. Klima - aktiviteter og forventet forbrug")
    narrower = _region(2, [("Mødeplan", "13.00"), ("Udvalget", "15.30")], top=48, right=70)
    accounting = account_for_tables([table, narrower], vocab=vocab, read=read_in_order(vocab))
    assert not accounting.unread and [n.region for n in accounting.others] == [(4, 2)]


def test_an_overview_printed_without_a_number_is_table_0_and_the_tables_after_it_count_on_without_it(vocab):
    overview = raw_table([("Kultur", "50"), ("Klima", "70"), ("I alt", "120")], caption="Oversigt over puljen")
    kultur = raw_table([("Udviklingsmidler", ""), ("Analyser", "50"), ("Total", "50")],
                       caption="Kultur - aktiviteter og forventet forbrug")
    klima = raw_table([("Udviklingsmidler", ""), ("Kampagne", "70"), ("Total", "70")],
                      caption="Klima - aktiviteter og forventet forbrug")
    accounting = account_for_tables([overview, kultur, klima], vocab=vocab, read=read_in_order(vocab))
    assert [(t.table_no, t.area) for t in accounting.tables] == [(0, ""), (1, "Kultur"), (2, "Klima")]
    assert {item.table_no for item in accounting.tables[2].items} == {2}
