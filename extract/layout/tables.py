"""Regions of all pages → tables: captions, footnotes, and tables continued overleaf."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Sequence

from ..model import RawRow, RawTable, TextLine
from .geometry import (
    Column,
    DEFAULT_CELL_GAP_EM,
    ExtractSettings,
    Line,
    PageContent,
    lines_to_columns,
    words_to_lines,
)
from .regions import (
    Region,
    classify_lines,
    extend_region_upwards,
    lines_to_regions,
    pages_to_furniture,
    Kinded,
    is_furniture,
    line_above,
    wraps_on,
)
from ..decoding import text_with_undecoded_marked
from .marks import lines_with_marks_read, notes_start
from .headers import MAX_HEADER_LINES, line_to_header_cells, line_to_titles, lines_to_header_cells
from .header_regions import header_above, header_over_years
from .prose import kinded_in_reading_order
from .rows import cannot_continue, lines_are_gridded, region_to_rows, is_header, label_words

# --- page → regions with captions and footnotes ---------------------------


@dataclass(frozen=True)
class Note:
    """A caption or footnote block, with where it stands."""

    kind: str  # caption | footnote
    page: int
    top: float
    bottom: float
    text: str
    lines: tuple[Line, ...] = field(default=(), repr=False, compare=False)
    leads_page: bool = False  # nothing but page furniture above it on its page


def _text_blocks(kinded: Sequence[Kinded], start_kind: str, *, page: int, taken: set[int] = frozenset()) -> list[Note]:
    """Caption or footnote lines with the lines that wrap on from them; a line a table took (its header, its
    first heading, set close under a caption above it) never wraps on from a caption."""
    notes = []
    for i, k in enumerate(kinded):
        if k.kind != start_kind:
            continue
        block = [k.line]
        for nxt in kinded[i + 1 :]:
            prev = block[-1]
            if nxt.kind != "text" or id(nxt.line) in taken or not wraps_on(prev, nxt.line):
                break
            block.append(nxt.line)
        text = " ".join(line.text for line in block)
        notes.append(Note(start_kind, page, block[0].top, block[-1].bottom, text, tuple(block)))
    return notes


def _body_lines(kinded: Sequence[Kinded], notes: Sequence[Note], in_regions: set[int]) -> list[int]:
    """The page's content lines (ids, in order; furniture only where a table took it, as a header repeated
    on every page) without the footnotes at its foot: a table whose last line is followed only by footnotes
    and page furniture still runs to the bottom of the page."""
    at_foot = {id(line) for note in notes if note.kind == "footnote" for line in note.lines}
    content = [id(k.line) for k in kinded if k.kind != "furniture" or id(k.line) in in_regions]
    end = len(content)
    while end > 0 and content[end - 1] in at_foot:
        end -= 1
    return content[:end] or content


@dataclass(frozen=True)
class PageLayout:
    regions: tuple[Region, ...]
    notes: tuple[Note, ...]
    text: tuple[TextLine, ...]


def page_to_layout(
    page: PageContent,
    columns: Sequence[Column],
    *,
    furniture: set[str],
    settings: ExtractSettings,
    lines: Sequence[Line] | None = None,
) -> PageLayout:
    """Tables on one page, its caption and footnote blocks, and its running text."""
    lines = lines if lines is not None else words_to_lines(page.words)
    kinded = classify_lines(lines, columns, page=page, furniture=furniture, settings=settings)
    parts = [
        part for region in lines_to_regions(kinded, columns, page=page.number)
        for part in split_at_headers(region, page.rules, settings=settings)
    ]
    regions = [region for region, _ in parts]
    for region, rows in parts:
        rows = rows if rows is not None else region_to_rows(region, page.rules, settings=settings)
        found = None if rows and is_header(rows[0]) else header_above(region, kinded, settings)
        if found is not None:  # a header with a row-total column ("… | 2026 | I alt") stands above the values
            header, cells, labels = found
            region.lines[:0] = [*header, *labels]
            box = (min(h.x0 for h in header), header[0].top, max(h.x1 for h in header), header[-1].bottom)
            rows = [RawRow(cells, page.number, box),
                    *region_to_rows(region, page.rules, settings=settings)[len(header):]]
        if rows and (found is not None or is_header(rows[0])):
            titles = None if found is not None else line_to_header_cells(
                region.lines[0], region.columns, cell_gap_em=settings.cell_gap_em
            )  # "Budget 2024": the word before the year is the column's title too, not the unit's
            over = None if found is not None else header_over_years(region, kinded, settings)
            if over is not None:  # the unit and "Budget" on a line over the years: one header
                region.lines[:0], titles = over
            region.header, region.rows = titles or rows[0].cells, rows[1:]
            if region.rows:
                region.rows[0] = replace(region.rows[0], continues=False)
            region.preamble = line_above(region, kinded)
        else:
            extend_region_upwards(region, kinded)
            region.rows = region_to_rows(region, page.rules, settings=settings)
    in_regions = {id(line) for region in regions for line in region.lines}
    notes = [n for kind in ("caption", "footnote") for n in _text_blocks(kinded, kind, page=page.number, taken=in_regions)]
    first = next((k.line for k in kinded if k.kind != "furniture"), None)
    notes = [replace(n, leads_page=bool(n.lines) and n.lines[0] is first) for n in notes]
    content = _body_lines(kinded, notes, in_regions)
    lines_by_id = {id(k.line): k.line for k in kinded}
    for region in regions:
        above = [lines_by_id[i] for i in content[: content.index(id(region.lines[0]))]]
        region.open_top = not above or _header_lines(above, region, settings)
        region.open_bottom = content.index(id(region.lines[-1])) == len(content) - 1
    scripts = frozenset(settings.scripts)
    note_kind = {id(line): note.kind for note in notes for line in note.lines}
    ordered = kinded_in_reading_order([
        (k.line, "table" if id(k.line) in in_regions else note_kind.get(id(k.line), "text"))
        for k in kinded
        if id(k.line) in in_regions or k.kind != "furniture"
    ])  # a table's lines end a run of prose as a caption does
    text = [
        TextLine(text_with_undecoded_marked(line.text, scripts=scripts), page.number, line.bbox, line.size, kind)
        for line, kind in ordered if kind != "table"
    ]
    return PageLayout(tuple(regions), tuple(notes), tuple(text))


def _header_lines(above: Sequence[Line], region: Region, settings: ExtractSettings) -> bool:
    """Whether the lines above a region that starts with its header are that header's own top lines
    ("Budget" over "2024"): a table repeating its header overleaf still starts at the top of the page."""
    gap = settings.cell_gap_em
    top = line_to_titles(above[0], region.columns, cell_gap_em=gap) if above else None
    return (
        bool(region.header) and len(above) < MAX_HEADER_LINES
        and top is not None and any(top[1:])  # its top line titles a column; a caption or heading does not
        and lines_to_header_cells([*above, region.lines[0]], region.columns, cell_gap_em=gap) is not None
    )


def split_at_headers(region: Region, rules, *, settings: ExtractSettings) -> list[tuple[Region, list | None]]:
    """A header row inside a region, the same years as the region's own header, starts another table (a line
    of amounts that happen to look like years does not); the label-only lines right above it (its heading)
    belong to neither table. Each part comes with its rows where they are already known."""
    rows = region_to_rows(region, rules, settings=settings)
    own = rows[0].values if rows and is_header(rows[0]) else None
    starts = [i for i, row in enumerate(rows) if i > 0 and own is not None and row.values == own]
    if not starts:
        return [(region, rows)]
    parts, begin = [], 0
    for start in [*starts, len(rows)]:
        end = start
        while start < len(rows) and end > begin + 1 and not any(rows[end - 1].values):
            end -= 1  # the next table's heading
        part = Region(region.page, region.lines[begin:end], region.columns)
        parts.append(part)
        begin = start
    parts[-1].trailing = min(region.trailing, len(parts[-1].lines) - 1)
    return [(p, None) for p in parts if p.lines]


# --- regions of all pages → tables ----------------------------------------


def merge_continued(regions: Sequence[Region]) -> list[list[Region]]:
    """Chain a table that runs off the bottom of a page with the one at the top of the next."""
    chains: list[list[Region]] = []
    for region in regions:
        if chains:
            last = chains[-1][-1]
            if (
                last.open_bottom
                and region.open_top
                and region.page == last.page + 1
                and (not region.header or region.header == chains[-1][0].header)
                and _same_columns(region, chains[-1][0])
            ):
                chains[-1].append(region)
                continue
            drop_trailing(last)
        chains.append([region])
    if chains:
        drop_trailing(chains[-1][-1])
    return chains


def _same_columns(part: Region, first: Region) -> bool:
    """A part overleaf uses the table's value columns, most of them (a list of another shape is another table)."""
    return set(part.columns) <= set(first.columns) and 2 * len(part.columns) > len(first.columns)


def drop_trailing(region: Region) -> None:
    """The table does not go on overleaf: the label-only lines after it are not its rows."""
    if region.trailing:
        region.lines = region.lines[: -region.trailing]
        region.rows = region.rows[: -region.trailing]
        region.trailing = 0


def _gap(note: Note, chain: Sequence[Region]) -> float | None:
    """Vertical distance from a note to a table on the same page, None if on another page."""
    for part in chain:
        if part.page == note.page:
            return note.top - part.bottom if note.top >= part.bottom else part.top - note.bottom
    return None


def captions_below(chains: Sequence[Sequence[Region]], notes: Sequence[Note]) -> bool:
    """Whether this document puts captions under its tables (by a vote of the unambiguous ones)."""
    votes = 0
    starts = _chain_starts(chains)
    for note in (n for n in notes if n.kind == "caption"):
        before, after = _neighbours(chains, note, starts)
        gap_before = _gap(note, before) if before else None
        gap_after = _gap(note, after) if after else None
        if gap_before is not None and (gap_after is None or gap_before < gap_after):
            votes += 1
        elif gap_after is not None:
            votes -= 1
    return votes >= 0


def _chain_starts(chains: Sequence[Sequence[Region]]) -> tuple[list[tuple[int, float]], list[int]]:
    """Where each chain starts (the least (page, top) of its parts), in order, and the chains in that order."""
    order = sorted(range(len(chains)), key=lambda i: min((p.page, p.top) for p in chains[i]))
    return [min((p.page, p.top) for p in chains[i]) for i in order], order


def _neighbours(chains: Sequence[Sequence[Region]], note: Note, starts: tuple[list[tuple[int, float]], list[int]]):
    """The last chain that starts before the note, and the first that starts after it."""
    key = (note.page, note.top)
    positions, order = starts
    before = bisect.bisect_left(positions, key) - 1
    after = bisect.bisect_right(positions, key)
    return (chains[order[before]] if before >= 0 else None), (chains[order[after]] if after < len(order) else None)


def attach_notes(chains: Sequence[Sequence[Region]], notes: Sequence[Note]) -> tuple[list[str], list[list[str]]]:
    """Captions and footnotes per chain: captions on the document's side, footnotes to the table above."""
    captions: list[list[str]] = [[] for _ in chains]
    footnotes: list[list[str]] = [[] for _ in chains]
    index = {id(c): i for i, c in enumerate(chains)}
    below = captions_below(chains, notes)
    starts = _chain_starts(chains)
    for note in sorted(notes, key=lambda n: (n.page, n.top)):
        before, after = _neighbours(chains, note, starts)
        if note.kind == "footnote":
            target = before or after
            if target is not None:
                footnotes[index[id(target)]].append(note.text)
            continue
        preferred, other = (before, after) if below else (after, before)
        if (
            not note.leads_page and preferred is not None and other is not None
            and _gap(note, preferred) is None and _gap(note, other) is not None
        ):  # a caption below text on its page (not run over from the page before) belongs to a table on it
            preferred, other = other, preferred
        for target in (preferred, other):
            if target is not None and not captions[index[id(target)]]:
                captions[index[id(target)]].append(note.text)
                break
    return [" ".join(c) for c in captions], footnotes


def _continues_overleaf(previous: Region, part: Region, *, cell_gap_em: float) -> bool | None:
    """Evidence for the first row on a new page: the layout of the last line overleaf still tells
    a new row by its indent or by a first word that would have fitted; a gap or a rule does not."""
    first = next((line for line in part.lines if line.bbox == part.rows[0].bbox), None)
    if first is None or not previous.lines:
        return None
    columns = previous.columns or part.columns
    labels = [w for line in (*previous.lines, *part.lines) for w in label_words(line, columns, cell_gap_em=cell_gap_em)]
    limit = max((w.x1 for w in labels), default=0.0)
    upper = previous.lines[-1]
    if cannot_continue(upper, first, columns=columns, limit=limit, cell_gap_em=cell_gap_em):
        return False
    return None


def regions_to_tables(
    regions: Sequence[Region], notes: Sequence[Note], *, source: str, extractor: str,
    cell_gap_em: float = DEFAULT_CELL_GAP_EM,
) -> list[RawTable]:
    """Join continued tables, attach captions and footnotes, and freeze the result."""
    chains = merge_continued(sorted(regions, key=lambda r: (r.page, r.top)))
    captions, footnotes = attach_notes(chains, notes)
    tables = []
    per_page: dict[int, int] = {}
    for chain, caption, notes_of_table in zip(chains, captions, footnotes):
        first = chain[0]
        per_page[first.page] = per_page.get(first.page, 0) + 1
        rows: list[RawRow] = []
        for previous, part in zip([None, *chain], chain):
            part_rows = list(part.rows)
            if previous is not None and rows and part_rows:
                part_rows[0] = replace(part_rows[0], continues=_continues_overleaf(previous, part, cell_gap_em=cell_gap_em))
            rows.extend(part_rows)
        tables.append(
            RawTable(
                source=source,
                page=first.page,
                index=per_page[first.page],
                extractor=extractor,
                bbox=first.bbox,
                header=first.header,
                preamble=first.preamble,
                rows=tuple(rows),
                caption=caption,
                footnotes=tuple(notes_of_table),
                pages=tuple(part.page for part in chain),
                parts=tuple((part.page, part.bbox) for part in chain),
            )
        )
    return tables


def pages_to_layouts(pages: Sequence[PageContent], *, settings: ExtractSettings) -> list[PageLayout]:
    """Every page's tables, notes and running text, with value columns found over the whole document."""
    page_lines = [words_to_lines(page.words) for page in pages]
    overleaf = [notes_start(lines) for lines in page_lines[1:]] + [False]
    page_lines = [
        lines_with_marks_read(lines, gap_em=settings.cell_gap_em, notes_overleaf=notes)
        for lines, notes in zip(page_lines, overleaf)
    ]
    furniture = pages_to_furniture(
        pages, band=settings.furniture_band, cell_gap_em=settings.cell_gap_em, lines=page_lines
    )
    body_lines = [
        line
        for page, lines in zip(pages, page_lines)
        for line in lines
        if not is_furniture(line, page, furniture, settings.furniture_band)
    ]
    columns = lines_to_columns(body_lines, settings=settings)
    return [
        page_to_layout(page, columns, furniture=furniture, settings=settings, lines=lines)
        for page, lines in zip(pages, page_lines)
    ]


def layouts_to_tables(
    layouts: Sequence[PageLayout], *, source: str, extractor: str, settings: ExtractSettings
) -> tuple[list[RawTable], list[TextLine]]:
    regions = [r for layout in layouts for r in layout.regions]
    notes = [n for layout in layouts for n in layout.notes]
    text = [t for layout in layouts for t in layout.text]
    return regions_to_tables(regions, notes, source=source, extractor=extractor, cell_gap_em=settings.cell_gap_em), text


def region_is_ruled(region: Region, page: PageContent) -> bool:
    """Whether a drawn cell grid separates the region's rows and columns."""
    _, top, _, bottom = region.bbox
    crossing = {round(v.x) for v in page.vertical_rules if v.top <= top + 2 and v.bottom >= bottom - 2}
    return len(crossing) >= 2 and lines_are_gridded(
        region.lines, page.rules, columns=region.columns, cell_gap_em=DEFAULT_CELL_GAP_EM
    )


def pages_to_tables(
    pages: Sequence[PageContent], *, source: str, extractor: str, settings: ExtractSettings
) -> tuple[list[RawTable], list[TextLine]]:
    """The whole chain for a document whose pages are already read."""
    return layouts_to_tables(pages_to_layouts(pages, settings=settings), source=source, extractor=extractor,
                             settings=settings)
