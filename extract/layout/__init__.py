"""Page geometry → tables: the part of extraction that knows layout, not PDF files.

An extractor turns each page into ``Word`` boxes and horizontal ``Rule``s; the
modules here turn those into raw tables, in a chain of small steps:

    geometry   words_to_lines → lines_to_columns (value columns) → line_to_cells
    regions    classify_lines → lines_to_regions (which lines form a table; page furniture)
    rows       region_to_rows (cells, and whether a line continues the cell above)
    tables     page_to_layout → regions_to_tables (captions, footnotes, tables continued overleaf)

A table is found by its value columns: words at the end of a line that look
like numbers, stand apart from the text before them, and line up under each
other on several lines. Nothing here knows the document's language; the caption
and footnote patterns come in through ``ExtractSettings``.
"""

from .geometry import (
    MIN_RULE_HEIGHT,
    MIN_RULE_WIDTH,
    VALUE_PATTERN,
    YEAR_PATTERN,
    Column,
    ExtractSettings,
    Line,
    PageContent,
    Rule,
    VerticalRule,
    Word,
    line_to_cells,
    line_to_value_words,
    lines_to_columns,
    words_to_lines,
)
from .regions import Region, lines_to_regions, pages_to_furniture
from .rows import cannot_continue, region_to_rows, rows_to_evidence
from .tables import (
    PageLayout,
    layouts_to_tables,
    page_to_layout,
    pages_to_layouts,
    pages_to_tables,
    region_is_ruled,
    regions_to_tables,
)

__all__ = [
    "MIN_RULE_HEIGHT",
    "MIN_RULE_WIDTH",
    "VALUE_PATTERN", "YEAR_PATTERN", "Column", "ExtractSettings", "Line", "PageContent", "PageLayout", "Region",
    "Rule", "VerticalRule", "Word", "cannot_continue", "layouts_to_tables", "line_to_cells", "line_to_value_words",
    "lines_to_columns", "lines_to_regions", "page_to_layout", "pages_to_furniture", "pages_to_layouts",
    "pages_to_tables", "region_is_ruled", "region_to_rows", "regions_to_tables", "rows_to_evidence",
    "words_to_lines",
]
