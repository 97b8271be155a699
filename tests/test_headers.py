"""Header lines over value columns: a row-total column, titles with a word before the year, titles on
several lines, and what is not a header (a sentence across the columns, a line of amounts)."""

from __future__ import annotations

from projektpulje.extract.layout import Line, Word
from projektpulje.extract.layout.headers import (
    cells_are_header, header_line_above, header_lines_over_years, line_to_header_cells,
)

COLUMNS = [(250.0, 280.0), (310.0, 340.0), (370.0, 400.0)]
GAP = 0.9


def line(*words: tuple[str, float, float], top: float = 100.0) -> Line:
    return Line(tuple(Word(text, x0, top, x1, top + 10, 10.0) for text, x0, x1 in words))


def test_a_row_total_column_beside_the_years():
    header = line(("1.000", 60, 85), ("kr.", 88, 100), ("2024", 255, 280), ("2025", 315, 340), ("I", 378, 382),
                  ("alt", 385, 400))
    assert line_to_header_cells(header, COLUMNS, cell_gap_em=GAP) == ("1.000 kr.", "2024", "2025", "I alt")


def test_a_title_wider_than_its_amounts_reaches_left_of_them():
    header = line(("Budget", 215, 245), ("2024", 252, 280), ("Budget", 283, 313), ("2025", 315, 340),
                  ("Total", 375, 400))
    assert line_to_header_cells(header, COLUMNS, cell_gap_em=GAP) == ("", "Budget 2024", "Budget 2025", "Total")


def test_titles_on_three_lines_with_the_unit_between():
    first = line(("2024", 255, 280), top=300)
    top = line(("Budget", 250, 280), ("Budget", 310, 340), ("I", 378, 382), ("alt", 385, 400), top=262)
    unit = line(("mio.", 60, 80), ("kr.", 83, 95), top=268)
    years = line(("2024", 255, 280), ("2025", 315, 340), ("2024-26", 360, 400), top=274)
    lines, cells = header_line_above(first, [years, unit, top], COLUMNS, cell_gap_em=GAP)
    assert lines == [top, unit, years]
    assert cells == ("mio. kr.", "Budget 2024", "Budget 2025", "I alt 2024-26")


def test_a_sentence_across_the_columns_or_a_line_of_amounts_is_no_header():
    sentence = line(("Oversigt", 60, 100), ("over", 103, 125), ("tilskud", 128, 260), ("i", 263, 266),
                    ("2023,", 269, 300), ("i", 303, 306), ("kroner.", 309, 345))
    assert line_to_header_cells(sentence, COLUMNS, cell_gap_em=GAP) is None
    assert not cells_are_header(["1.200", "2024"])
    assert cells_are_header(["B2024", "I alt"])


def test_the_unit_and_titles_on_a_line_over_the_years_belong_to_the_header():
    years = line(("2023", 255, 280), ("2024", 315, 340), top=300)
    top = line(("1000", 60, 80), ("kr.", 83, 95), ("Budget", 250, 280), ("Budget", 310, 340), ("I", 378, 382),
               ("alt", 385, 400), top=288)
    heading = line(("Kultur", 60, 90), top=270)
    lines, cells = header_lines_over_years(years, [top, heading], COLUMNS, cell_gap_em=GAP)
    assert lines == [top]  # the heading above carries no column title
    assert cells == ("1000 kr.", "Budget 2023", "Budget 2024", "I alt")
    assert header_lines_over_years(years, [heading], COLUMNS, cell_gap_em=GAP) is None
