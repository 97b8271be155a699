"""Page geometry → tables: the part of extraction that knows layout, not PDF files.

An extractor turns each page into ``Word`` boxes and horizontal ``Rule``s; the
functions here turn those into raw tables, in a chain of small steps:

    words_to_lines → lines_to_columns → lines_to_regions → region_to_rows
    → regions_to_tables (captions, footnotes, tables that continue on the next page)

A table is found by its value columns: words at the end of a line that look
like numbers, stand apart from the text before them, and line up under each
other on several lines. Nothing here knows the document's language; the caption
and footnote patterns come in through ``ExtractSettings``.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from .model import BBox, RawRow, RawTable, TextLine

DEFAULT_CAPTION_PATTERN = r"^\s*(Table|Tab\.)\s*\d+"
DEFAULT_FOOTNOTE_PATTERN = r"^\s*(?P<marker>\*{1,3}|†|‡)\s*\S"
DEFAULT_CELL_GAP_EM = 0.9
MIN_WORD_GAP_EM = 0.15  # less than this between two words and they are one
DEFAULT_MIN_COLUMN_VALUES = 3
DEFAULT_FURNITURE_BAND = 0.1
# A value: digits with group/decimal separators, an optional sign, an optional
# footnote marker; or a lone dash for "nothing planned".
VALUE_PATTERN = re.compile(r"^[-–−÷]?\d[\d.,]*(\*{1,3}|[†‡])?$|^[-–—]$")
YEAR_PATTERN = re.compile(r"^(19|20)\d\d$")
# Where the layout cannot tell rows apart by rules, a wrapped line sits at
# least this much closer to the line above than separate rows do.
MIN_WRAP_PITCH_DIFFERENCE = 1.5
# A line starting this much left of the one above is not its wrapped rest (more than a space).
MIN_OUTDENT_EM = 0.45
# Share of neighbouring value lines a rule must separate for the table to count as a cell grid.
GRID_SHARE = 0.9


@dataclass(frozen=True)
class ExtractSettings:
    """How tables, captions and footnotes are recognised on a page."""

    caption_pattern: str = DEFAULT_CAPTION_PATTERN
    footnote_pattern: str = DEFAULT_FOOTNOTE_PATTERN
    cell_gap_em: float = DEFAULT_CELL_GAP_EM
    min_column_values: int = DEFAULT_MIN_COLUMN_VALUES
    furniture_band: float = DEFAULT_FURNITURE_BAND

    @property
    def caption_re(self) -> re.Pattern[str]:
        return re.compile(self.caption_pattern, re.IGNORECASE)

    @property
    def footnote_re(self) -> re.Pattern[str]:
        return re.compile(self.footnote_pattern)


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 10.0


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line drawn on the page (a rule or the edge of a cell)."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True, slots=True)
class VerticalRule:
    x: float
    top: float
    bottom: float


@dataclass(frozen=True)
class PageContent:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    vertical_rules: tuple[VerticalRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    words: tuple[Word, ...]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


Column = tuple[float, float]


@dataclass
class Region:
    """Lines of one page that form one table (mutable while being built)."""

    page: int
    lines: list[Line]
    columns: list[Column]
    rows: list[RawRow] = field(default_factory=list)
    header: tuple[str, ...] = ()
    preamble: str = ""  # the text line right above the header, where a unit may stand on its own
    caption: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    open_top: bool = False
    open_bottom: bool = False
    trailing: int = 0  # label-only lines kept at the end only if the table goes on overleaf

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)

    @property
    def bbox(self) -> BBox:
        return (
            min(line.x0 for line in self.lines),
            self.top,
            max(line.x1 for line in self.lines),
            self.bottom,
        )


# --- words → lines ---------------------------------------------------------


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Group words into printed lines by vertical overlap, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        centre = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            top = min(w.top for w in line)
            bottom = max(w.bottom for w in line)
            if top <= centre <= bottom:
                line.append(word)
                break
        else:
            lines.append([word])
    return [Line(tuple(sorted(ws, key=lambda w: w.x0))) for ws in lines]


# --- lines → value columns -------------------------------------------------


def line_to_value_words(line: Line, *, cell_gap_em: float, columns: Sequence[Column] = ()) -> list[Word]:
    """The words at the end of a line that look like values and stand apart from the text before
    them: by a wide gap, or (when the columns are known) by standing inside a value column."""
    values: list[Word] = []
    words = line.words
    for i in range(len(words) - 1, 0, -1):
        word = words[i]
        gap = word.x0 - words[i - 1].x1
        apart = gap >= cell_gap_em * word.size or (
            gap >= MIN_WORD_GAP_EM * word.size and _inside_column(word, columns)
        )
        if not VALUE_PATTERN.match(word.text) or not apart:
            break
        values.append(word)
    if len(words) == 1 and VALUE_PATTERN.match(words[0].text):
        values.append(words[0])
    return values[::-1]


def lines_to_columns(lines: Iterable[Line], *, settings: ExtractSettings) -> list[Column]:
    """Value columns: x-ranges where value words of several lines overlap."""
    spans = sorted(
        (w.x0, w.x1)
        for line in lines
        for w in line_to_value_words(line, cell_gap_em=settings.cell_gap_em)
    )
    clusters: list[list[Column]] = []
    reach = 0.0  # the right end of the cluster being built
    for span in spans:
        if clusters and span[0] <= reach:
            clusters[-1].append(span)
            reach = max(reach, span[1])
        else:
            clusters.append([span])
            reach = span[1]
    return [
        (min(s[0] for s in c), max(s[1] for s in c))
        for c in clusters
        if len(c) >= settings.min_column_values
    ]


def _inside_column(word: Word, columns: Sequence[Column]) -> bool:
    return any(x0 - 1 <= word.x0 and word.x1 <= x1 + 1 for x0, x1 in columns)


def line_to_column_values(line: Line, columns: Sequence[Column], *, cell_gap_em: float) -> list[tuple[Word, int]]:
    """The value words of a line that fall in a value column, with the column's index."""
    found = []
    for word in line_to_value_words(line, cell_gap_em=cell_gap_em, columns=columns):
        column = _column_of(word, columns)
        if column is not None:
            found.append((word, column))
    return found


def _column_of(word: Word, columns: Sequence[Column]) -> int | None:
    for i, (x0, x1) in enumerate(columns):
        if word.x0 <= x1 and word.x1 >= x0:
            return i
    return None


def line_to_cells(line: Line, columns: Sequence[Column], *, cell_gap_em: float) -> tuple[str, ...]:
    """Label cell and one cell per column; value words outside every column stay in the label."""
    values = {id(w): c for w, c in line_to_column_values(line, columns, cell_gap_em=cell_gap_em)}
    cells = [""] * len(columns)
    label = []
    for word in line.words:
        col = values.get(id(word))
        if col is None:
            label.append(word.text)
        else:
            cells[col] = f"{cells[col]} {word.text}".strip()
    return (" ".join(label), *cells)


# --- lines → table regions -------------------------------------------------


def _is_furniture(line: Line, page: PageContent, repeated: set[str], band: float) -> bool:
    in_band = line.bottom < page.height * band or line.top > page.height * (1 - band)
    return in_band and _furniture_key(line.text) in repeated


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _looks_like_row(line: Line, *, cell_gap_em: float) -> bool:
    """A label with values set apart after it: a table row (or a repeated table header), never page furniture."""
    values = line_to_value_words(line, cell_gap_em=cell_gap_em)
    return bool(values) and len(values) < len(line.words)


def pages_to_furniture(
    pages: Sequence[PageContent], *, band: float, cell_gap_em: float, lines: Sequence[Sequence[Line]] | None = None
) -> set[str]:
    """Texts (digits masked) that repeat at the top or bottom of several pages: headers, footers."""
    counts: dict[str, int] = {}
    page_lines = lines if lines is not None else [words_to_lines(page.words) for page in pages]
    for page, own_lines in zip(pages, page_lines):
        seen = {
            _furniture_key(line.text)
            for line in own_lines
            if (line.bottom < page.height * band or line.top > page.height * (1 - band))
            and not _looks_like_row(line, cell_gap_em=cell_gap_em)
        }
        for key in seen:
            counts[key] = counts.get(key, 0) + 1
    needed = 2 if len(pages) > 1 else 10**9
    return {key for key, n in counts.items() if n >= needed}


@dataclass(frozen=True)
class _Kinded:
    line: Line
    kind: str  # value | caption | footnote | furniture | text
    cells: tuple[str, ...] = ()


def classify_lines(
    lines: Sequence[Line],
    columns: Sequence[Column],
    *,
    page: PageContent,
    furniture: set[str],
    settings: ExtractSettings,
) -> list[_Kinded]:
    """Say for each line whether it holds values, is a caption, a footnote, page furniture, or other text."""
    out = []
    for line in lines:
        cells = line_to_cells(line, columns, cell_gap_em=settings.cell_gap_em)
        if _is_furniture(line, page, furniture, settings.furniture_band):
            kind = "furniture"
        elif settings.caption_re.match(line.text):
            kind = "caption"
        elif settings.footnote_re.match(line.text):
            kind = "footnote"
        elif any(cells[1:]):
            kind = "value"
        else:
            kind = "text"
        out.append(_Kinded(line, kind, cells))
    return out


def _columns_used(kinded: Sequence[_Kinded], columns: Sequence[Column]) -> list[Column]:
    used = {i for k in kinded for i, cell in enumerate(k.cells[1:]) if cell}
    return [c for i, c in enumerate(columns) if i in used]


def _fits_left_of(line: Line, columns: Sequence[Column]) -> bool:
    """A label line ends before the table's first value column; prose runs across it."""
    return bool(columns) and line.x1 < min(c[0] for c in columns) - 1


def lines_to_regions(kinded: Sequence[_Kinded], columns: Sequence[Column], *, page: int) -> list[Region]:
    """Runs of value lines, with the label-only lines between them, each run one table.

    Label-only lines after a table's last value line stay with it when they are its
    wrapped label, or, tentatively (``trailing``), when nothing but page furniture
    follows them: a heading orphaned at the foot of a page whose table goes on overleaf.
    """
    regions: list[Region] = []
    current: list[_Kinded] = []
    pending: list[_Kinded] = []
    last_content = max((i for i, k in enumerate(kinded) if k.kind != "furniture"), default=-1)

    def close(at_end: bool) -> None:
        if current:
            tail = _wrapped_tail(current[-1].line, pending)
            trailing = pending[len(tail):] if at_end else []
            members = current + tail + trailing
            region = Region(page, [k.line for k in members], _columns_used(current, columns))
            region.trailing = len(trailing)
            regions.append(region)

    for i, k in enumerate(kinded):
        used = _columns_used(current, columns)
        if k.kind == "value":
            current.extend(pending)
            current.append(k)
            pending = []
        elif k.kind == "text" and current and _fits_left_of(k.line, used):
            pending.append(k)
        else:
            close(at_end=i > last_content)
            current, pending = [], []
    close(at_end=True)
    return regions


def _wrapped_tail(last: Line, pending: list[_Kinded]) -> list[_Kinded]:
    """Label-only lines right under a table's last value line that read as its wrapped label."""
    tail = []
    previous = last
    for k in pending:
        if k.line.top - previous.bottom > 0.5 * previous.height:
            break
        tail.append(k)
        previous = k.line
    return tail


def _line_above(region: Region, kinded: Sequence[_Kinded]) -> str:
    """The text line just above a table's header, if it sits as close as a table row would."""
    first = region.lines[0]
    index = next(i for i, k in enumerate(kinded) if k.line is first)
    if index == 0:
        return ""
    above = kinded[index - 1]
    close = first.top - above.line.bottom <= 1.5 * first.height
    return above.line.text if above.kind == "text" and close else ""


def extend_region_upwards(region: Region, kinded: Sequence[_Kinded]) -> None:
    """A table that starts without a header (continued from the page before) may start with label-only lines."""
    first = region.lines[0]
    index = next(i for i, k in enumerate(kinded) if k.line is first)
    above: list[Line] = []
    lower = first
    for k in reversed(kinded[:index]):
        if (
            k.kind != "text"
            or not _fits_left_of(k.line, region.columns)
            or lower.top - k.line.bottom > 2 * lower.height
        ):
            break
        above.append(k.line)
        lower = k.line
    region.lines[:0] = above[::-1]


# --- region → rows ---------------------------------------------------------


def _rule_between(upper: Line, lower: Line, rules: Sequence[Rule], x0: float, x1: float) -> bool:
    y_from = (upper.top + upper.bottom) / 2
    y_to = (lower.top + lower.bottom) / 2
    width = x1 - x0
    return any(
        y_from < r.y < y_to and min(r.x1, x1) - max(r.x0, x0) > 0.3 * width for r in rules
    )


def _label_words(line: Line, columns: Sequence[Column], *, cell_gap_em: float) -> list[Word]:
    values = {id(w) for w, _ in line_to_column_values(line, columns, cell_gap_em=cell_gap_em)}
    return [w for w in line.words if id(w) not in values]


def cannot_continue(upper: Line, lower: Line, *, columns: Sequence[Column], limit: float, cell_gap_em: float) -> bool:
    """Whether the lower line is surely not the wrapped rest of the upper line's label.

    It is not when it starts clearly left of the upper line (a wrapped cell keeps
    its left edge; an indent of a mere space, as in " - item", proves nothing), or
    when its first word would still have fitted on the upper line: a wrapping
    renderer would have put it there.
    """
    upper_words = _label_words(upper, columns, cell_gap_em=cell_gap_em)
    lower_words = _label_words(lower, columns, cell_gap_em=cell_gap_em)
    if not upper_words or not lower_words:
        return False
    first = lower_words[0]
    if first.x0 < upper_words[0].x0 - MIN_OUTDENT_EM * first.size:
        return True
    space = 0.25 * first.size
    return upper_words[-1].x1 + space + (first.x1 - first.x0) < limit - 1


def lines_are_gridded(
    lines: Sequence[Line], rules: Sequence[Rule], *, columns: Sequence[Column], cell_gap_em: float
) -> bool:
    """A cell grid: a rule between (nearly) every two lines that carry values, since those are always two rows.

    Tables with a rule only under the header or above the total fail this, and are
    read by their spacing instead.
    """
    valued = [
        line for line in lines
        if line_to_column_values(line, columns, cell_gap_em=cell_gap_em)
    ]
    if len(valued) < 4:
        return False
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    separated = [_rule_between(a, b, rules, x0, x1) for a, b in zip(valued, valued[1:])]
    return sum(separated) >= GRID_SHARE * len(separated)


def _share_a_column(a: Line, b: Line, columns: Sequence[Column], cell_gap_em: float) -> bool:
    """Two lines with a value in the same column are two rows: a row has one value per column."""
    def used(line: Line) -> set[int]:
        return {c for _, c in line_to_column_values(line, columns, cell_gap_em=cell_gap_em)}

    return bool(used(a) & used(b))


def rows_to_evidence(
    lines: Sequence[Line], rules: Sequence[Rule], *, columns: Sequence[Column], cell_gap_em: float
) -> list[bool | None]:
    """For each line after the first: does it continue the cell above (True), start a row (False), or can't we tell (None)?"""
    if len(lines) < 2:
        return []
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    pairs = list(zip(lines, lines[1:]))
    ruled = [_rule_between(a, b, rules, x0, x1) for a, b in pairs]
    if lines_are_gridded(lines, rules, columns=columns, cell_gap_em=cell_gap_em):
        return [not r for r in ruled]
    pitches = [b.top - a.top for a, b in pairs]
    open_pitches = [p for p, r in zip(pitches, ruled) if not r] or [0.0]
    size = statistics.median(line.size for line in lines)
    low, typical = min(open_pitches), statistics.median(open_pitches)
    margin = max(MIN_WRAP_PITCH_DIFFERENCE, 0.12 * size)
    limit = max(
        (w.x1 for line in lines for w in _label_words(line, columns, cell_gap_em=cell_gap_em)),
        default=x1,
    )
    evidence: list[bool | None] = []
    for (a, b), pitch, is_ruled in zip(pairs, pitches, ruled):
        if is_ruled or pitch > typical + margin or _share_a_column(a, b, columns, cell_gap_em):
            evidence.append(False)
        elif typical - low >= margin:
            evidence.append(pitch <= (low + typical) / 2)
        elif cannot_continue(a, b, columns=columns, limit=limit, cell_gap_em=cell_gap_em):
            evidence.append(False)
        else:
            evidence.append(None)
    return evidence


def region_to_rows(region: Region, rules: Sequence[Rule], *, settings: ExtractSettings) -> list[RawRow]:
    gap = settings.cell_gap_em
    evidence = [False, *rows_to_evidence(region.lines, rules, columns=region.columns, cell_gap_em=gap)]
    starts = [_label_words(line, region.columns, cell_gap_em=gap)[:1] for line in region.lines]
    left = min((w[0].x0 for w in starts if w), default=0.0)
    return [
        RawRow(
            cells=line_to_cells(line, region.columns, cell_gap_em=gap),
            page=region.page,
            bbox=line.bbox,
            continues=ev,
            indent=round((start[0].x0 - left) / start[0].size, 2) if start else 0.0,
        )
        for line, ev, start in zip(region.lines, evidence, starts)
    ]


def _is_header(row: RawRow) -> bool:
    values = [v for v in row.values if v]
    return bool(values) and all(YEAR_PATTERN.match(v) for v in values)


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


def _text_blocks(kinded: Sequence[_Kinded], start_kind: str, *, page: int) -> list[Note]:
    """Caption or footnote lines with the lines that wrap on from them."""
    notes = []
    for i, k in enumerate(kinded):
        if k.kind != start_kind:
            continue
        block = [k.line]
        for nxt in kinded[i + 1 :]:
            prev = block[-1]
            if (
                nxt.kind != "text"
                or nxt.line.top - prev.bottom > 0.6 * prev.height
                or abs(nxt.line.size - prev.size) > 0.5
            ):
                break
            block.append(nxt.line)
        text = " ".join(line.text for line in block)
        notes.append(Note(start_kind, page, block[0].top, block[-1].bottom, text, tuple(block)))
    return notes


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
    regions = lines_to_regions(kinded, columns, page=page.number)
    for region in regions:
        rows = region_to_rows(region, page.rules, settings=settings)
        if rows and _is_header(rows[0]):
            region.header, region.rows = rows[0].cells, rows[1:]
            if region.rows:
                region.rows[0] = replace(region.rows[0], continues=False)
            region.preamble = _line_above(region, kinded)
        else:
            extend_region_upwards(region, kinded)
            region.rows = region_to_rows(region, page.rules, settings=settings)
    content = [id(k.line) for k in kinded if k.kind != "furniture"]
    for region in regions:
        region.open_top = content.index(id(region.lines[0])) == 0
        region.open_bottom = content.index(id(region.lines[-1])) == len(content) - 1
    notes = [n for kind in ("caption", "footnote") for n in _text_blocks(kinded, kind, page=page.number)]
    in_tables = {id(line) for region in regions for line in region.lines}
    note_kind = {id(line): note.kind for note in notes for line in note.lines}
    text = [
        TextLine(k.line.text, page.number, k.line.bbox, k.line.size, note_kind.get(id(k.line), "text"))
        for k in kinded
        if id(k.line) not in in_tables and k.kind != "furniture"
    ]
    return PageLayout(tuple(regions), tuple(notes), tuple(text))


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
            ):
                chains[-1].append(region)
                continue
            drop_trailing(last)
        chains.append([region])
    if chains:
        drop_trailing(chains[-1][-1])
    return chains


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


def _chain_starts(chains: Sequence[Sequence[Region]]) -> list[tuple[int, float]]:
    """Where each chain starts: the least (page, top) of its parts."""
    return [min((p.page, p.top) for p in c) for c in chains]


def _neighbours(chains: Sequence[Sequence[Region]], note: Note, starts: Sequence[tuple[int, float]]):
    """The last chain that starts before the note, and the first that starts after it."""
    key = (note.page, note.top)
    before = [c for c, start in zip(chains, starts) if start < key]
    after = [c for c, start in zip(chains, starts) if start > key]
    return (before[-1] if before else None), (after[0] if after else None)


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
        for target in (preferred, other):
            if target is not None and not captions[index[id(target)]]:
                captions[index[id(target)]].append(note.text)
                break
    return [" ".join(c) for c in captions], footnotes


def _continues_overleaf(previous: Region, part: Region) -> bool | None:
    """Evidence for the first row on a new page: the layout of the last line overleaf still tells
    a new row by its indent or by a first word that would have fitted; a gap or a rule does not."""
    first = next((line for line in part.lines if line.bbox == part.rows[0].bbox), None)
    if first is None or not previous.lines:
        return None
    columns = previous.columns or part.columns
    labels = [w for line in (*previous.lines, *part.lines) for w in _label_words(line, columns, cell_gap_em=DEFAULT_CELL_GAP_EM)]
    limit = max((w.x1 for w in labels), default=0.0)
    upper = previous.lines[-1]
    if cannot_continue(upper, first, columns=columns, limit=limit, cell_gap_em=DEFAULT_CELL_GAP_EM):
        return False
    return None


def regions_to_tables(
    regions: Sequence[Region], notes: Sequence[Note], *, source: str, extractor: str
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
                part_rows[0] = replace(part_rows[0], continues=_continues_overleaf(previous, part))
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
    furniture = pages_to_furniture(
        pages, band=settings.furniture_band, cell_gap_em=settings.cell_gap_em, lines=page_lines
    )
    body_lines = [
        line
        for page, lines in zip(pages, page_lines)
        for line in lines
        if not _is_furniture(line, page, furniture, settings.furniture_band)
    ]
    columns = lines_to_columns(body_lines, settings=settings)
    return [
        page_to_layout(page, columns, furniture=furniture, settings=settings, lines=lines)
        for page, lines in zip(pages, page_lines)
    ]


def layouts_to_tables(
    layouts: Sequence[PageLayout], *, source: str, extractor: str
) -> tuple[list[RawTable], list[TextLine]]:
    regions = [r for layout in layouts for r in layout.regions]
    notes = [n for layout in layouts for n in layout.notes]
    text = [t for layout in layouts for t in layout.text]
    return regions_to_tables(regions, notes, source=source, extractor=extractor), text


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
    return layouts_to_tables(pages_to_layouts(pages, settings=settings), source=source, extractor=extractor)
