"""Raw tables → tidy budget lines. Knows Danish budget tables, not PDFs.

The steps, each a small function:

    caption_to_number_and_area, header_to_unit_and_years
    rows_to_logical_rows     printed lines → one row per table cell row (wrapped labels joined; logical_rows.py)
    logical_rows_to_lines    rows → items and stated totals, with section, group and footnote
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence

from projektpulje.extract import RawTable
from projektpulje.errors import TableError
from projektpulje.extract.decoding import shown, word_to_trouble

from projektpulje.budget.captions import title_to_area, unnumbered_caption_to_area
from projektpulje.budget.groups import GROUP_INDENT, nest_group
from projektpulje.budget.numbers import (
    NumberFormatError, decimal_to_text, parse_danish_number, split_glued_marker, split_marker,
)
from projektpulje.budget.rowtotals import header_cell_to_year, row_total_column, split_row_values, sum_of
from projektpulje.budget.vocabulary import Vocabulary, label_key

from projektpulje.budget.logical_rows import BULLET, LogicalRow, logical_rows_to_printed, rows_to_logical_rows, structural_kind

TKR = Decimal(1000)
MAX_UNIT_LINE = 30  # characters: "(Beløb i 1.000 kr.)" above a table, not a sentence  # amount_tkr is in 1.000 kr., the unit the documents state amounts in


@dataclass(frozen=True)
class Item:
    year: int
    table_no: int
    area: str
    section: str
    section_key: str
    group: str
    item: str
    footnote: str
    footnote_text: str
    amount_tkr: Decimal
    amount_dkk: int
    page: int
    source_file: str


@dataclass(frozen=True)
class StatedTotal:
    year: int
    table_no: int
    area: str
    level: str  # section | table
    section: str
    section_key: str
    stated_tkr: Decimal
    page: int
    source_file: str
    label: str  # as printed ("Tilskudsmidler i alt", "Total"): how findings and the report name it
    group: str = ""  # for a row total (level "row"): the line's group and item
    item: str = ""
    row_sum: Decimal | None = None  # for a row total: the sum of the line's year amounts, in 1.000 kr.


@dataclass(frozen=True)
class UnknownLabel:
    """A structural label (a section heading) the vocabulary does not know."""

    table_no: int
    label: str
    nearest: str
    page: int


@dataclass(frozen=True)
class NormalisedTable:
    table_no: int
    area: str
    unit: str
    years: tuple[int, ...]
    items: tuple[Item, ...]
    totals: tuple[StatedTotal, ...]
    unknown_labels: tuple[UnknownLabel, ...] = ()
    # The rows in printed order: (heading | item | subtotal | total, label, indices of the raw printed lines).
    printed_rows: tuple[tuple[str, str, tuple[int, ...]], ...] = ()
    row_totals: tuple[StatedTotal, ...] = ()  # level "row": each printed row total over the years
    overview: bool = False  # one figure per area of the other tables: its lines are not budget lines
    numbered: bool = True  # False when table_no is the table's position, no number being printed
    unit_assumed: bool = False  # no unit printed for it anywhere in the document: read in the vocabulary's assumed unit


# --- caption and header ----------------------------------------------------


def caption_to_number_and_area(caption: str, *, vocab: Vocabulary) -> tuple[int | None, str]:
    """'Tabel 4. Sundhedsinnovation - aktiviteter og forventet forbrug' → (4, 'Sundhedsinnovation')."""
    match = re.match(vocab.caption_pattern, caption.strip(), re.IGNORECASE)
    if not match:
        return None, ""
    return int(match.group("number")), title_to_area(match.group("title"), vocab=vocab)


def unit_in_text(text: str, *, vocab: Vocabulary) -> str | None:
    """A unit the vocabulary knows, printed inside a caption: 'Tabel 3. Klima (1.000 kr.)' → '1.000 kr.'."""
    for unit in sorted(vocab.units, key=len, reverse=True):
        if re.search(r"(?<![\w.])" + re.escape(unit).replace(r"\ ", r"\s*") + r"(?!\w)", text.lower()):
            return unit
    return None


def unit_of_cell(cell: str, *, vocab: Vocabulary) -> str | None:
    """The unit a header's first cell prints: the cell itself ('1.000 kr.', or 'EUR', which no table is read
    in), or a unit the vocabulary knows inside a short cell ('Beløb i 1.000 kr.', '(1.000 kr.)'); None for an
    empty cell."""
    cell = cell.strip()
    if not cell or vocab.unit_factor(cell) is not None:
        return cell or None
    return (unit_in_text(cell, vocab=vocab) if len(cell) <= MAX_UNIT_LINE else None) or cell


def unit_at_start(text: str, *, vocab: Vocabulary) -> str | None:
    """A unit the vocabulary knows, printed at the start of the text: '1.000 kr., medmindre …' → '1.000 kr.'."""
    for unit in sorted(vocab.units, key=len, reverse=True):
        if re.match(r"\s*" + re.escape(unit).replace(r"\ ", r"\s*") + r"(?!\w)", text.lower()):
            return unit
    return None


def text_to_document_unit(lines: Sequence[str], *, vocab: Vocabulary) -> str:
    """The unit the document states for all its amounts, in its running text ('Alle beløb er i 1.000 kr.');
    '' where it states none, or units of different sizes."""
    stated: dict[Decimal, str] = {}
    for line in lines:
        for match in re.finditer(vocab.unit_statement_pattern, line, re.IGNORECASE):
            unit = unit_at_start(line[match.end():], vocab=vocab)
            if unit is not None:
                stated.setdefault(vocab.unit_factor(unit), unit)
    return next(iter(stated.values())) if len(stated) == 1 else ""


def table_to_unit(
    header: Sequence[str], *, vocab: Vocabulary, caption: str = "", preamble: str = "", document_unit: str = ""
) -> str:
    """A table's unit, from the first place that prints one: its header's first cell (what stands there, a
    unit or not), its caption, the line right above it (a line of its own, not prose), else the unit the
    document states for all its amounts."""
    unit_line = preamble if len(preamble) <= MAX_UNIT_LINE else ""
    return (
        (unit_of_cell(header[0], vocab=vocab) if header else None)
        or unit_in_text(caption, vocab=vocab)
        or unit_in_text(unit_line, vocab=vocab)
        or document_unit
    )


def header_to_unit_and_years(
    header: Sequence[str], *, vocab: Vocabulary, where: str, caption: str = "", preamble: str = "",
    document_unit: str = "",
) -> tuple[str, Decimal, tuple[int, ...]]:
    """('1.000 kr.', '2021') → ('1.000 kr.', 1000, (2021,)). The unit as table_to_unit finds it; where none
    is printed, `document_unit` (the one the document states, or the one assumed for it)."""
    if not header:
        raise TableError(f"{where}: the table has no header row with its unit and year")
    unit = table_to_unit(header, vocab=vocab, caption=caption, preamble=preamble, document_unit=document_unit)
    factor = vocab.unit_factor(unit)
    if factor is None:
        # The cell is not quoted: what stands there may be any text of the document, not a unit.
        raise TableError(f"{where}: the header has no unit the vocabulary knows (such as 1.000 kr.)")
    years = []
    total_at = row_total_column(header, vocab=vocab)
    for index, cell in enumerate(header[1:]):
        year = None if index == total_at else header_cell_to_year(cell, vocab=vocab)
        if year is None and index != total_at:
            raise TableError(f"{where}: header cell {cell!r} is not a year")
        if year is not None:
            years.append(year)
    if not years:
        raise TableError(f"{where}: the header has no year column")
    return unit, factor, tuple(years)


# --- logical rows → items and stated totals --------------------------------


@dataclass
class _State:
    section: str = ""
    section_key: str = ""
    group: str = ""
    group_by_bullets: bool = False
    group_by_indent: bool = False  # the lines under the open headings are indented under them
    after_subtotal: bool = True
    sections_seen: dict[str, tuple[str, str]] = field(default_factory=dict)
    groups: tuple[tuple[float, str], ...] = ()  # the open group headings, outermost first, with their indent
    after_heading: bool = False

    def enter_group(self, x0: float, label: str) -> None:
        self.groups = nest_group(self.groups, (x0, label), right_after=self.after_heading)
        self.group = " / ".join(text for _, text in self.groups)

    def close_groups(self) -> None:
        self.groups, self.group = (), ""

    def leave_groups_at(self, x0: float) -> None:
        """A line set no further in than an open heading is not under it (where a group's lines are indented)."""
        self.groups = tuple(g for g in self.groups if g[0] < x0 - GROUP_INDENT)
        self.group = " / ".join(text for _, text in self.groups)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9æøå]+", "_", label_key(text)).strip("_")


def _parse_amount(text: str, *, where: str, markers: Sequence[str] = ()) -> tuple[Decimal, str]:
    """An amount cell → its amount and footnote marker; `markers`, the table's footnotes, tell a marker glued
    to the digits ('4251)' with a footnote '1)')."""
    value, marker = split_marker(text)
    if not marker:
        value, marker = split_glued_marker(value, markers)
    try:
        return parse_danish_number(value), marker
    except NumberFormatError:
        raise TableError(f"{where}: {text!r} in an amount column is not a number") from None


def footnotes_to_texts(footnotes: Sequence[str], *, pattern: str) -> dict[str, str]:
    """['* Er bevilget …'] → {'*': 'Er bevilget …'}."""
    texts: dict[str, str] = {}
    for note in footnotes:
        match = re.match(pattern, note.strip())
        if match:
            texts.setdefault(match.group("marker"), re.sub(r"\s+", " ", match.group("text")).strip())
    return texts


def to_dkk(amount: Decimal, factor: Decimal, *, where: str) -> int:
    """The one place a printed amount becomes whole kroner."""
    dkk = amount * factor
    if dkk != dkk.to_integral_value():
        raise TableError(f"{where}: {amount} × {factor} is not a whole number of kroner")
    return int(dkk)


def require_decoded(raw: RawTable, area: str, *, vocab: Vocabulary, where: str) -> None:
    """A table with a word whose glyphs do not decode (in its cells, caption, footnotes or area) is not read:
    no junk label is written, and the finding says what did not decode."""
    texts = (area, raw.caption, *raw.header, *(cell for row in raw.rows for cell in row.cells), *raw.footnotes)
    for text in texts:
        for word in text.split():
            trouble = word_to_trouble(word, scripts=frozenset(vocab.scripts))
            if trouble is not None:
                raise TableError(f"{where}: text that does not decode ({trouble}: {shown(word)})")


def normalise_table(
    raw: RawTable, *, vocab: Vocabulary, ordinal: int, heading: str = "", document_unit: str = ""
) -> NormalisedTable:
    """One raw table → its items and stated totals (`heading`: the heading that introduces it, its area when
    no caption names one; `document_unit`: the unit the document's text states for all its amounts)."""
    printed_no, area = caption_to_number_and_area(raw.caption, vocab=vocab)
    # an unnumbered caption, under or over the table or set as a heading ('Kultur – aktiviteter og forventet
    # forbrug'), names its area too
    area = (area or unnumbered_caption_to_area(raw.caption, vocab=vocab)
            or unnumbered_caption_to_area(raw.preamble, vocab=vocab) or title_to_area(heading, vocab=vocab))
    table_no = ordinal if printed_no is None else printed_no  # a printed 0 stays 0
    where = f"{raw.source}, page {raw.page}, table {table_no}"
    require_decoded(raw, area, vocab=vocab, where=where)
    # A table worded as a budget table ('… – aktiviteter og forventet forbrug') that the document prints no
    # unit for anywhere is read in the unit of such documents, and a unit_assumed finding says so.
    worded = any(unnumbered_caption_to_area(text, vocab=vocab) for text in (raw.caption, raw.preamble, heading))
    assumed = worded and not table_to_unit(
        raw.header, vocab=vocab, caption=raw.caption, preamble=raw.preamble, document_unit=document_unit
    )
    unit, factor, years = header_to_unit_and_years(
        raw.header, vocab=vocab, where=where, caption=raw.caption, preamble=raw.preamble,
        document_unit=document_unit or (vocab.assumed_unit if worded else ""),
    )
    notes = footnotes_to_texts(raw.footnotes, pattern=vocab.footnote_pattern)
    total_at = row_total_column(raw.header, vocab=vocab)
    columns = len(years) + (total_at is not None)
    items: list[Item] = []
    totals: list[StatedTotal] = []
    row_totals: list[StatedTotal] = []
    unknown: list[UnknownLabel] = []
    state = _State()
    rows = rows_to_logical_rows(raw.rows, vocab=vocab)
    for index, row in enumerate(rows):
        label, label_marker = split_marker(row.label)
        label = BULLET.sub("", label).strip()
        kind = structural_kind(row.label, vocab=vocab)
        row_where = f"{raw.source}, page {row.value_page}, table {table_no}, row {label!r}"
        if len([v for v in row.values if v.strip()]) and len(row.values) != columns:
            raise TableError(f"{row_where}: {len(row.values)} amount columns but {columns} in the header")
        blank_line = not row.has_values and row.bullet and kind is None  # a " - " sub-item heads nothing
        if not row.has_values and not blank_line:
            if kind == "section" or (kind is None and state.after_subtotal and not row.bullet):
                key = vocab.section_key(label) or _slug(label)
                if kind is None:
                    nearest = vocab.nearest_section(label) or ""
                    unknown.append(UnknownLabel(table_no, label, nearest, row.page))
                state.section, state.section_key = label, key
                state.close_groups()
                state.sections_seen[label_key(label)] = (label, key)
                state.after_subtotal = False
            elif kind is None:
                state.enter_group(row.x0, label)
                nxt = rows[index + 1] if index + 1 < len(rows) else None
                state.group_by_bullets = bool(nxt and nxt.bullet)
                state.group_by_indent = bool(nxt and not nxt.bullet and nxt.x0 > row.x0 + GROUP_INDENT)
                state.after_heading = True
            continue
        state.after_heading = False
        if kind is None and state.group and (state.group_by_bullets and not row.bullet or vocab.is_reallocation(label)):
            state.close_groups()
        elif kind is None and state.group and state.group_by_indent:
            state.leave_groups_at(row.x0)
        year_values, printed_total = split_row_values(("",) * columns if blank_line else row.values, total_at)
        amounts = [_parse_amount(v, where=row_where, markers=tuple(notes)) for v in year_values]
        if printed_total is not None:
            stated, _ = _parse_amount(printed_total, where=row_where, markers=tuple(notes))
            structural = kind in ("subtotal", "total")
            row_totals.append(StatedTotal(
                None, table_no, area, "row", state.section if kind != "total" else "",
                state.section_key if kind != "total" else "", stated * factor / TKR, row.value_page, raw.source,
                label, group="" if structural or (state.group_by_bullets and not row.bullet) else state.group,
                item=label,
                row_sum=sum_of([a for a, _ in amounts]) * factor / TKR,
            ))
        if kind in ("subtotal", "total"):
            if kind == "subtotal":
                named = vocab.subtotal_section(label) or ""
                section, key = state.sections_seen.get(named, (state.section, state.section_key))
                level = "section"
            else:
                section, key, level = "", "", "table"
            for year, (amount, _) in zip(years, amounts):
                totals.append(
                    StatedTotal(
                        year, table_no, area, level, section, key, amount * factor / TKR, row.value_page, raw.source,
                        label,
                    )
                )
            state.close_groups()
            state.after_subtotal = True
            continue
        for year, (amount, amount_marker) in zip(years, amounts):
            marker = label_marker or amount_marker
            items.append(
                Item(
                    year=year,
                    table_no=table_no,
                    area=area,
                    section=state.section,
                    section_key=state.section_key,
                    group=state.group,
                    item=label,
                    footnote=marker,
                    footnote_text=notes.get(marker, "") if marker else "",
                    amount_tkr=amount * factor / TKR,
                    amount_dkk=to_dkk(amount, factor, where=row_where),
                    page=row.value_page,
                    source_file=raw.source,
                )
            )
        state.after_subtotal = False
    return NormalisedTable(
        table_no, area, unit, years, tuple(items), tuple(totals), tuple(unknown), logical_rows_to_printed(rows, vocab=vocab),
        tuple(row_totals), numbered=printed_no is not None, unit_assumed=assumed,
    )


def document_title_and_year(
    lines: Sequence[str], tables: Sequence[NormalisedTable], *, vocab: Vocabulary
) -> tuple[str, int | None]:
    """The document's title and year from its title line; failing that, the first budget year of its tables."""
    for line in lines[:20]:
        match = re.match(vocab.title_pattern, line, re.IGNORECASE)
        if match:
            return re.sub(r"\s+", " ", match.group("title")), int(match.group("year"))
    years = sorted(y for t in tables for y in t.years)
    year = years[0] if years else None
    return (f"Udmøntning af projektpuljen {year}" if year else "Udmøntning af projektpuljen"), year


__all__ = [
    "Item",
    "LogicalRow",
    "NormalisedTable",
    "StatedTotal",
    "UnknownLabel",
    "caption_to_number_and_area",
    "decimal_to_text",
    "header_to_unit_and_years",
    "normalise_table",
    "rows_to_logical_rows",
]
