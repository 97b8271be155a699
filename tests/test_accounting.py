"""Every table region accounted for: budget tables read or reported as unread, other regions listed as not read."""

from __future__ import annotations

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


def _region(index, lines, *, top, header=(), caption="", right=100):
    rows = tuple(RawRow((label, value), page=4, bbox=(0, top + i * 12, right, top + i * 12 + 10))
                 for i, (label, value) in enumerate(lines))
    return RawTable("doc.pdf", 4, index, "test", (0, top, right, top + 12 * len(lines)), header, rows, caption, (), (4,))


def test_lines_cut_off_right_below_a_budget_table_are_an_unread_part_of_it(vocab):
    table = _region(1, [("Udviklingsmidler", ""), ("Analyser", "50"), ("Kampagne", "25")], top=0,
                    header=("1.000 kr.", "2021"), caption="Tabel 3. Klima - aktiviteter og forventet forbrug")
    # one line between (a line the layout could not read as a table line), then the rest of the table
    rest = _region(2, [("Udviklingsmidler i alt", "100"), ("Total", "100")], top=48)
    far = _region(3, [("Tilskud", "30"), ("Drift", "40")], top=200)  # well below: another region, not read
    accounting = account_for_tables([table, rest, far], vocab=vocab, read=read_in_order(vocab))
    (part,) = accounting.unread
    assert (part.table_no, part.amounts, part.region) == (3, 2, (4, 2))
    assert part.caption == "Tabel 3. Klima - aktiviteter og forventet forbrug"
    assert part.reason.startswith("only in part")
    assert [n.region for n in accounting.others] == [(4, 3)]
    assert (accounting.amounts_read, accounting.amounts_printed) == (2, 4)


def test_a_region_below_a_budget_table_in_other_columns_is_not_part_of_it(vocab):
    table = _region(1, [("Udviklingsmidler", ""), ("Analyser", "50"), ("Total", "50")], top=0,
                    header=("1.000 kr.", "2021"), caption="Tabel 3. Klima - aktiviteter og forventet forbrug")
    narrower = _region(2, [("Mødeplan", "13.00"), ("Udvalget", "15.30")], top=48, right=70)
    accounting = account_for_tables([table, narrower], vocab=vocab, read=read_in_order(vocab))
    assert not accounting.unread and [n.region for n in accounting.others] == [(4, 2)]
