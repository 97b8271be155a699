"""Lines → table regions: which lines of a page form a table, and which are page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..model import BBox, RawRow
from .geometry import (
    Column,
    ExtractSettings,
    Line,
    PageContent,
    line_to_cells,
    line_to_value_words,
    words_to_lines,
)

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



# --- lines → table regions -------------------------------------------------


def is_furniture(line: Line, page: PageContent, repeated: set[str], band: float) -> bool:
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
class Kinded:
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
) -> list[Kinded]:
    """Say for each line whether it holds values, is a caption, a footnote, page furniture, or other text."""
    out = []
    for line in lines:
        cells = line_to_cells(line, columns, cell_gap_em=settings.cell_gap_em)
        if is_furniture(line, page, furniture, settings.furniture_band):
            kind = "furniture"
        elif settings.caption_re.match(line.text) or settings.unnumbered_caption_re.match(line.text):
            kind = "caption"
        elif settings.footnote_re.match(line.text):
            kind = "footnote"
        elif any(cells[1:]):
            kind = "value"
        else:
            kind = "text"
        out.append(Kinded(line, kind, cells))
    return prose_endings_to_text(numbered_prose_to_text(out, columns))


def prose_endings_to_text(kinded: Sequence[Kinded]) -> list[Kinded]:
    """A line worded like a caption without a number that goes on a sentence of the text line above it (close
    under it, in its size, the line above not ending a sentence) is that prose's last line, not a caption."""
    out: list[Kinded] = []
    for k in kinded:
        previous = out[-1] if out else None
        if (
            k.kind == "caption" and previous is not None and previous.kind == "text"
            and wraps_on(previous.line, k.line) and not previous.line.text.rstrip().endswith((".", ":", "!", "?"))
        ):
            k = Kinded(k.line, "text", k.cells)
        out.append(k)
    return out


# A line wraps on from the one above when it starts at most this many of its heights below it.
WRAP_GAP = 0.6


def wraps_on(upper: Line, lower: Line) -> bool:
    """`lower` is the next line of the same block of text as `upper`: close under it, in its size."""
    return lower.top - upper.bottom <= WRAP_GAP * upper.height and abs(lower.size - upper.size) <= 0.5


def numbered_prose_to_text(kinded: Sequence[Kinded], columns: Sequence[Column]) -> list[Kinded]:
    """A line that starts like a footnote ("1) Sundhed og ernæring, …") but wraps on from a line of running
    prose (across the value columns, in its size, at its line spacing) is a numbered point of that prose,
    not a footnote: a footnote stands apart from the text above it, or is set smaller."""
    out: list[Kinded] = []
    in_note = False
    previous: Kinded | None = None
    for k in kinded:
        if k.kind == "furniture":
            out.append(k)
            continue
        wraps = previous is not None and wraps_on(previous.line, k.line)
        if k.kind == "footnote":
            prose_above = (
                wraps and previous.kind == "text" and not in_note and not _fits_left_of(previous.line, columns)
            )
            k = Kinded(k.line, "text", k.cells) if prose_above else k
            in_note = not prose_above
        else:
            in_note = in_note and k.kind == "text" and wraps
        out.append(k)
        previous = k
    return out


def _columns_used(kinded: Sequence[Kinded], columns: Sequence[Column]) -> list[Column]:
    used = {i for k in kinded for i, cell in enumerate(k.cells[1:]) if cell}
    return [c for i, c in enumerate(columns) if i in used]


def _fits_left_of(line: Line, columns: Sequence[Column]) -> bool:
    """A label line ends before the table's first value column; prose runs across it."""
    return bool(columns) and line.x1 < min(c[0] for c in columns) - 1


def lines_to_regions(kinded: Sequence[Kinded], columns: Sequence[Column], *, page: int) -> list[Region]:
    """Runs of value lines, with the label-only lines between them, each run one table.

    Label-only lines after a table's last value line stay with it when they are its
    wrapped label, or, tentatively (``trailing``), when nothing but page furniture
    follows them: a heading orphaned at the foot of a page whose table goes on overleaf.
    """
    regions: list[Region] = []
    current: list[Kinded] = []
    pending: list[Kinded] = []
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


def _wrapped_tail(last: Line, pending: list[Kinded]) -> list[Kinded]:
    """Label-only lines right under a table's last value line that read as its wrapped label."""
    tail = []
    previous = last
    for k in pending:
        if k.line.top - previous.bottom > 0.5 * previous.height or abs(k.line.size - last.size) > 0.5:
            break  # apart, or in another size (a heading right under the table): not its wrapped label
        tail.append(k)
        previous = k.line
    return tail


def line_above(region: Region, kinded: Sequence[Kinded]) -> str:
    """The text line just above a table's header, if it sits as close as a table row would."""
    first = region.lines[0]
    index = next(i for i, k in enumerate(kinded) if k.line is first)
    if index == 0:
        return ""
    above = kinded[index - 1]
    close = first.top - above.line.bottom <= 1.5 * first.height
    return above.line.text if above.kind == "text" and close else ""


def extend_region_upwards(region: Region, kinded: Sequence[Kinded]) -> None:
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
