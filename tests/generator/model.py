"""The generated document as plain data: what is printed (labels, cells as strings) and what it means
(amounts in 1.000 kr.), so that renderers print it and truth.py states it from one source."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

SECTION, GROUP, ITEM, SUBTOTAL, TOTAL = "section", "group", "item", "subtotal", "total"


@dataclass(frozen=True)
class Text:
    """A run of text, superscript where a footnote marker is printed raised."""
    text: str
    sup: bool = False


@dataclass(frozen=True)
class Line:
    """One printed line of a budget table."""
    kind: str
    label: tuple[Text, ...]
    cells: tuple[tuple[Text, ...], ...] = ()  # one per value column (years, then the row total)
    indent: int = 0


@dataclass(frozen=True)
class Item:
    """One budget line as the truth states it."""
    section: str
    group: str | None
    label: str
    printed_label: str
    amounts_tkr: dict  # year -> Decimal
    printed_amounts: dict  # year -> str as printed
    footnote: str | None = None
    footnote_on: str | None = None
    row_total_tkr: Decimal | None = None  # as printed in the row-total column
    printed_row_total: str | None = None


@dataclass(frozen=True)
class Section:
    name: str
    items: tuple[Item, ...]
    subtotal_label: str | None  # None: no subtotal printed
    stated: dict | None  # year -> Decimal
    stated_row_total: Decimal | None = None


@dataclass(frozen=True)
class BudgetTable:
    no: int
    area: str
    caption: str  # without its number
    printed_caption: str
    header: tuple[tuple[str, ...], ...]  # per column, its printed lines
    years: tuple[int, ...]
    unit: str
    sections: tuple[Section, ...]
    total_label: str | None
    stated_total: dict | None
    lines: tuple[Line, ...]
    footnotes: tuple[tuple[Text, str], ...]  # (marker as printed, text)
    unit_line: str = ""  # the unit on a line of its own right above the table, outside its grid ("Beløb i 1.000 kr.")


@dataclass(frozen=True)
class PlainTable:
    """A table that is not a budget table (an agenda's schedule, a contents list) or an overview."""
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric_from: int = 1  # columns from here are right-aligned


@dataclass(frozen=True)
class Block:
    heading: str = ""
    level: int = 2
    text: tuple[str, ...] = ()
    table: BudgetTable | None = None
    plain: PlainTable | None = None
    page_break: bool = False
    landscape: bool = False  # this block starts a landscape page


@dataclass(frozen=True)
class Style:
    renderer: str
    font: str
    font_size: float
    margin_mm: int
    rules: str  # ruled | open | zebra
    valign: str  # top | bottom | middle
    caption_pos: str  # above | below
    label_width_mm: int
    repeat_header: bool
    landscape: str  # none | all | one


@dataclass
class Document:
    title: str
    year: int
    years: tuple[int, ...]
    style: Style
    blocks: list[Block] = field(default_factory=list)
    tables: list[BudgetTable] = field(default_factory=list)
    axes: dict = field(default_factory=dict)
    planted: list[dict] = field(default_factory=list)  # expected_audit entries, by kind
    overview: dict | None = None  # area -> year -> stated (printed) figure
    mentions: list[dict] = field(default_factory=list)
