"""Every table region accounted for: which regions are budget tables, which of those could not be read,
and how many of the amounts printed in them were read.

A region is a budget table when its header has a unit the vocabulary knows and year columns, or when its
caption names it like one ("Tabel 4.", or "Kultur – aktiviteter og forventet forbrug" without a number). A budget table that cannot be read in full is an ``unread_table``
finding and the rest of the document is still read; any other region (a table of contents, a list of
grants in an appendix) is listed in the report as not read, with the reason.

A region without header or caption that goes on right below a budget table, in its value columns, with at
most one line between them that neither region holds, is the rest of that table cut off from it (by a line
the layout could not read as a table line): it is an ``unread_table`` of that table, never left out silently.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Sequence

from projektpulje.extract import RawTable, starts_right_under
from projektpulje.errors import TableError
from projektpulje.extract.decoding import text_with_undecoded_marked

from .captions import unnumbered_caption_to_area
from .overview import is_overview
from .normalise import NormalisedTable, caption_to_number_and_area, header_to_unit_and_years, normalise_table
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class NotRead:
    """A table region left out of items.csv and totals.csv, and why.

    ``budget`` is True for a budget table that could not be read (an ``unread_table`` finding), False for a
    region that is not a budget table. ``seen`` is what the region showed (its header cells), for --debug."""

    source: str
    page: int
    caption: str
    reason: str
    amounts: int
    budget: bool
    table_no: int | None = None
    seen: str = ""
    budget_header: bool = False  # its header has a unit the vocabulary knows over year columns
    region: tuple[int, int] | None = None  # (page, index on the page) of the region, as its RawTable has them

    def describe(self) -> str:
        """One line for people: where, what and why."""
        caption = f" ('{self.caption}')" if self.caption else ""
        what = f"table {self.table_no}" if self.table_no is not None else "a table-like region"
        return f"{self.source}, page {self.page}: {what}{caption} was not read: {self.reason}"


@dataclass(frozen=True)
class Accounting:
    """The tables read, the regions not read, and the amounts printed in the budget tables."""

    tables: tuple[NormalisedTable, ...]
    raws: tuple[RawTable, ...]
    not_read: tuple[NotRead, ...]

    @property
    def unread(self) -> tuple[NotRead, ...]:
        return tuple(n for n in self.not_read if n.budget)

    @property
    def others(self) -> tuple[NotRead, ...]:
        return tuple(n for n in self.not_read if not n.budget)

    @property
    def is_budget_document(self) -> bool:
        """Whether any table was read, or a table with a budget header could not be: a document whose only
        candidates are captioned tables without a budget unit (a statistics report) has no budget table."""
        return bool(self.tables) or any(n.budget_header for n in self.unread)

    @property
    def amounts_read(self) -> int:
        return sum(raw_to_amounts(raw) for raw in self.raws)

    @property
    def amounts_printed(self) -> int:
        return self.amounts_read + sum(n.amounts for n in self.unread)


def raw_to_amounts(raw: RawTable) -> int:
    """The amounts printed in a table region: its non-empty value cells below the header."""
    return sum(1 for row in raw.rows for value in row.values if value.strip())


def has_budget_header(raw: RawTable, *, vocab: Vocabulary, document_unit: str = "") -> bool:
    """Whether the region's header has a unit the vocabulary knows over year columns (the unit printed in the
    header, the caption or the line above, or the one the document states for all its amounts)."""
    if not raw.header:
        return False
    try:
        header_to_unit_and_years(raw.header, vocab=vocab, where="", caption=raw.caption, preamble=raw.preamble,
                                 document_unit=document_unit)
    except TableError:
        return False
    return True


def has_budget_caption(raw: RawTable, *, vocab: Vocabulary) -> bool:
    """Whether a caption names the region a budget table: numbered ("Tabel 4."), or worded like one without
    a number ("Kultur – aktiviteter og forventet forbrug"), under or over it."""
    return (
        caption_to_number_and_area(raw.caption, vocab=vocab)[0] is not None
        or any(unnumbered_caption_to_area(text, vocab=vocab) for text in (raw.caption, raw.preamble))
    )


def region_to_rejection(raw: RawTable, *, vocab: Vocabulary, document_unit: str = "") -> str | None:
    """None for a budget table; otherwise why the region is not one (no document text quoted)."""
    if has_budget_caption(raw, vocab=vocab) or has_budget_header(raw, vocab=vocab, document_unit=document_unit):
        return None
    if not raw.header:
        return "it has no header row with a unit and year columns, and no table caption"
    return "its header has no budget unit (such as 1.000 kr.) over year columns, and it has no table caption"


def readable_caption(raw: RawTable, *, vocab: Vocabulary) -> str:
    """The caption as a message may quote it: a word that does not decode shown as the replacement character."""
    return text_with_undecoded_marked(raw.caption, scripts=frozenset(vocab.scripts))


def _seen(raw: RawTable) -> str:
    header = " | ".join(raw.header) if raw.header else "no header row"
    return f"header: {header}; {len(raw.rows)} rows"


def error_to_reason(error: TableError, *, where: str) -> str:
    """A reading error's message without the place it names first (the finding names it in its columns)."""
    text = str(error)
    return text[len(where) + 2 :] if text.startswith((where + ": ", where + ", ")) else text


def normalise_or_note(
    raw: RawTable, *, vocab: Vocabulary, ordinal: int, heading: str = "", document_unit: str = ""
) -> NormalisedTable | NotRead:
    """One budget table read in full, or the note that it could not be."""
    try:
        return normalise_table(raw, vocab=vocab, ordinal=ordinal, heading=heading, document_unit=document_unit)
    except TableError as error:
        printed = caption_to_number_and_area(raw.caption, vocab=vocab)[0]
        number = ordinal if printed is None else printed  # a printed 0 stays 0
        where = f"{raw.source}, page {raw.page}, table {number}"
        return NotRead(
            raw.source, raw.page, readable_caption(raw, vocab=vocab), error_to_reason(error, where=where), raw_to_amounts(raw), True,
            table_no=number, seen=_seen(raw),
            budget_header=has_budget_header(raw, vocab=vocab, document_unit=document_unit),
            region=(raw.page, raw.index),
        )


def continues_table(raw: RawTable, before: RawTable | None) -> bool:
    """Whether a region is the rest of the budget table `before` it, broken off from its header: it holds
    amounts, has neither header row nor caption, and starts right under the table (starts_right_under: a line
    misread in the middle of a table, e.g. a footnote mark OCR read as '?' after an amount, ends the table's
    region there, and the rest goes on below)."""
    if before is None or raw.header or raw.caption.strip() or not raw_to_amounts(raw):
        return False
    return starts_right_under(raw, before)


def broken_off(head: RawTable, rest: RawTable, result: NormalisedTable | NotRead, *, vocab: Vocabulary) -> NotRead:
    """A budget table and the headerless rest of it: neither is read (its rows are in no output file), and
    the note names the table, with every amount of both parts."""
    reason = (f"its rows break off after {len(head.rows)} printed lines, and {raw_to_amounts(rest)} amounts below "
              f"them (page {rest.page}) stand with no header row of their own: a line misread between them?")
    return NotRead(
        head.source, head.page, readable_caption(head, vocab=vocab), reason, raw_to_amounts(head) + raw_to_amounts(rest),
        True, table_no=result.table_no, seen=f"{_seen(head)}; then {_seen(rest)}",
        budget_header=has_budget_header(head, vocab=vocab), region=(head.page, head.index),
    )


def read_or_empty(result: NormalisedTable | NotRead, raw: RawTable) -> NormalisedTable | NotRead:
    """A budget table read with no line and no stated sum (a header over nothing) is a table not read."""
    if not isinstance(result, NormalisedTable) or result.items or result.totals or result.row_totals:
        return result
    return NotRead(raw.source, raw.page, raw.caption, "no rows under its header", raw_to_amounts(raw), True,
                   table_no=result.table_no, seen=_seen(raw), budget_header=True, region=(raw.page, raw.index))


def account_for_tables(
    raws: Sequence[RawTable], *, vocab: Vocabulary, read: Callable[[list[tuple[int, RawTable]]], list],
    document_unit: str = "",
) -> Accounting:
    """Every region: budget tables read (by `read`, which maps (ordinal, raw) pairs to normalise_or_note's
    results, in order), budget tables not read, and other regions with the reason they are not budget tables.
    The headerless rest of a budget table (continues_table) right after it makes that table unread."""
    budget, others, rests = [], [], {}
    previous: RawTable | None = None  # the region just before, when it is a budget table
    for raw in raws:
        reason = region_to_rejection(raw, vocab=vocab, document_unit=document_unit)
        if reason is None:
            budget.append(raw)
        elif continues_table(raw, previous):
            rests[len(budget) - 1] = raw
        else:
            others.append(NotRead(raw.source, raw.page, readable_caption(raw, vocab=vocab), reason, raw_to_amounts(raw),
                                  False, seen=_seen(raw), region=(raw.page, raw.index)))
        previous = raw if reason is None else None
    results = [read_or_empty(r, raw) for r, raw in zip(read(list(enumerate(budget, start=1))), budget)]
    for at, rest in rests.items():
        results[at] = broken_off(budget[at], rest, results[at], vocab=vocab)
    results = positions_past_overviews(budget, results, vocab=vocab)
    tables = [r for r in results if isinstance(r, NormalisedTable)]
    kept = [raw for raw, r in zip(budget, results) if isinstance(r, NormalisedTable)]
    unread = [r for r in results if isinstance(r, NotRead)]
    return Accounting(tuple(tables), tuple(kept), tuple(sorted([*unread, *others], key=lambda n: n.page)))


def renumbered(table: NormalisedTable, number: int) -> NormalisedTable:
    """The table and its rows under another table number."""
    def each(rows):
        return tuple(dataclasses.replace(row, table_no=number) for row in rows)
    return dataclasses.replace(
        table, table_no=number, items=each(table.items), totals=each(table.totals), row_totals=each(table.row_totals),
        unknown_labels=each(table.unknown_labels),
    )


def budget_areas_not_read(not_read: Sequence[NotRead], *, vocab: Vocabulary) -> list[str]:
    """The areas of the budget tables that could not be read, by their captions: an overview may name them."""
    return [caption_to_number_and_area(n.caption, vocab=vocab)[1] for n in not_read if n.budget]


def positions_past_overviews(raws: Sequence[RawTable], results: Sequence, *, vocab: Vocabulary) -> list:
    """A table printed without a number is numbered by its position among the budget tables; an overview (one
    figure per area of the other tables) printed without a number is none of them: it is table 0, and the
    tables after it count on as if it were not there."""
    tables = [r for r in results if isinstance(r, NormalisedTable)]
    unread = budget_areas_not_read([r for r in results if isinstance(r, NotRead)], vocab=vocab)
    overviews = {id(t) for t in tables if is_overview(t, tables, unread_areas=unread)}
    out, position = [], 0
    for raw, result in zip(raws, results):
        unnumbered = caption_to_number_and_area(raw.caption, vocab=vocab)[0] is None
        if id(result) in overviews and unnumbered:
            out.append(renumbered(result, 0))
            continue
        position += 1
        if unnumbered and result.table_no != position:
            result = (renumbered(result, position) if isinstance(result, NormalisedTable)
                      else dataclasses.replace(result, table_no=position))
        out.append(result)
    return out


def rejections_to_debug(not_read: Sequence[NotRead]) -> str:
    """What each region showed and why it was not read, for --debug."""
    return "".join(f"{n.describe()} [{n.seen}]\n" for n in not_read)


def amounts_accounted(amounts: tuple[int, int]) -> str:
    """'312 of 312 amounts in tables accounted for': read into items and totals, of all printed in budget tables."""
    read, printed = amounts
    return f"{read} of {printed} amounts in tables accounted for"
