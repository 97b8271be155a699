"""Which tables are overviews: told by their lines naming the areas of the document's other tables."""

from decimal import Decimal

from projektpulje.budget.normalise import Item, NormalisedTable, StatedTotal
from projektpulje.budget.overview import is_overview, mark_overviews, overview_rows


def _item(table_no, area, label, amount, section=""):
    return Item(2020, table_no, area, section, section.lower(), "", label, "", "", Decimal(amount), amount * 1000, 1,
                "x.pdf")


def _area_table(no, area, amount):
    items = (_item(no, area, "Analyse af trivsel", amount, "Tilskudsmidler"),)
    total = StatedTotal(2020, no, area, "table", "", "", Decimal(amount), 2, "x.pdf", "Total")
    return NormalisedTable(no, area, "1.000 kr.", (2020,), items, (total,))


def _overview(*lines, section=""):
    items = tuple(_item(0, "Oversigt", label, amount, section) for label, amount in lines)
    return NormalisedTable(0, "Oversigt", "1.000 kr.", (2020,), items, ())


def test_a_table_whose_one_line_names_the_only_area_and_has_no_section_is_an_overview():
    area = _area_table(1, "Sundhedsinnovation", 500)
    overview = _overview(("Sundhedsinnovation", 525))
    assert is_overview(overview, [overview, area])
    (row,) = overview_rows(overview, [overview, area])
    assert (row["stated_tkr"], row["computed_tkr"], row["status"]) == (525, 500, "mismatch")


def test_one_line_under_a_section_heading_is_a_budget_line_even_where_it_names_an_area():
    area = _area_table(1, "Mobilitet", 500)
    table = _overview(("Mobilitet", 500), section="Tilskudsmidler")
    assert not is_overview(table, [table, area])


def test_an_area_name_broken_inside_a_word_by_a_narrow_column_still_names_the_area():
    tables = [_area_table(1, "Sundhedsinnovation", 500), _area_table(2, "Kultur og events", 300)]
    overview = _overview(("Sundhedsinnovati on", 500), ("Kultur og  events", 300))
    marked = mark_overviews([overview, *tables])
    assert [t.overview for t in marked] == [True, False, False]
    assert {r["area"] for r in overview_rows(overview, tables)} == {"Sundhedsinnovation", "Kultur og events"}


def test_a_table_with_a_line_that_names_no_area_is_no_overview():
    tables = [_area_table(1, "Mobilitet", 500), _area_table(2, "Kultur", 300)]
    table = _overview(("Mobilitet", 500), ("Kultur", 300), ("Analyse af trivsel", 100))
    assert not is_overview(table, [table, *tables])


def test_an_overview_may_name_areas_whose_tables_could_not_be_read():
    read = _area_table(1, "Mobilitet", 500)
    overview = _overview(("Mobilitet", 500), ("Kultur", 300))
    assert not is_overview(overview, [overview, read])
    assert is_overview(overview, [overview, read], unread_areas=["Kultur"])
    (row,) = overview_rows(overview, [overview, read])  # Kultur's figure has no Total to be held against
    assert row["area"] == "Mobilitet"
