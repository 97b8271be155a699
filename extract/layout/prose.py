"""Running text in reading order: prose set in columns is read column by column.

Words are grouped into lines across the whole page, so where prose stands in two columns a printed line
holds the words of both, or the lines of the two columns alternate. Such a run of lines has a gutter:
on several lines a run of words starts at the same x inside the page (the line's first word, or one set a
gutter apart from the word before it), and no line's words cover the strip just left of it. Each line of the run is cut there; the left column's lines are read first, then the
right column's. A line running across the gutter (a title, a table, a caption) ends the run.
"""

from __future__ import annotations

from typing import Sequence

from .geometry import Line

MIN_COLUMN_LINES = 3  # lines of a column that start at the gutter, for the gutter to be one
MIN_COLUMN_WORDS = 3  # words in such a line: prose, not a number or a page reference standing apart
GUTTER_EM = 1.0  # the strip left of a column that no word of the column before it may reach into
ALIGN_TOLERANCE = 1.5  # points: lines starting this close to each other start at the same x


def column_starts(line: Line, *, margin: float) -> list[float]:
    """Where a column may start in a line: at a word right of the margin that begins the line or stands a gutter
    apart from the word before it, with several words from there on."""
    words = line.words
    return [
        w.x0 for i, w in enumerate(words)
        if len(words) - i >= MIN_COLUMN_WORDS
        and w.x0 - margin > 4 * GUTTER_EM * w.size
        and (i == 0 or w.x0 - words[i - 1].x1 >= GUTTER_EM * w.size)
    ]


def lines_to_gutter(lines: Sequence[Line]) -> float | None:
    """The x where a second column starts in these lines, or None: the column start that most lines share."""
    if not lines:
        return None
    margin = min(line.x0 for line in lines)
    starts = sorted(x for line in lines for x in column_starts(line, margin=margin))
    best: list[float] = []
    for i, start in enumerate(starts):
        near = [s for s in starts[i:] if s - start <= ALIGN_TOLERANCE]
        if len(near) > len(best):
            best = near
    return min(best) if len(best) >= MIN_COLUMN_LINES else None


def _starting_at(lines: Sequence[Line], gutter: float) -> int:
    """How many of these lines have a column starting at the gutter."""
    margin = min((line.x0 for line in lines), default=0.0)
    return sum(
        1 for line in lines if any(abs(x - gutter) <= ALIGN_TOLERANCE for x in column_starts(line, margin=margin))
    )


def crosses(line: Line, gutter: float) -> bool:
    """Whether a word of the line reaches into the strip left of the gutter (or across it)."""
    return any(w.x0 < gutter - 0.5 and w.x1 > gutter - GUTTER_EM * w.size for w in line.words)


def split_at(line: Line, gutter: float) -> tuple[Line | None, Line | None]:
    """The line's words left of the gutter and right of it, each as a line (None where there are none)."""
    left = tuple(w for w in line.words if w.x1 <= gutter)
    right = tuple(w for w in line.words if w.x1 > gutter)
    return (Line(left) if left else None), (Line(right) if right else None)


def run_in_reading_order(lines: Sequence[Line]) -> list[Line]:
    """A run of text lines, top to bottom → in reading order: where a gutter runs through consecutive lines,
    those lines' left column, then their right column."""
    gutter = lines_to_gutter(lines)
    if gutter is None:
        return list(lines)
    out: list[Line] = []
    block: list[Line] = []

    def flush() -> None:
        if _starting_at(block, gutter) < MIN_COLUMN_LINES:
            out.extend(block)
        else:
            parts = [split_at(line, gutter) for line in block]
            out.extend(left for left, _ in parts if left is not None)
            out.extend(right for _, right in parts if right is not None)
        block.clear()

    for line in lines:
        if crosses(line, gutter):
            flush()
            out.append(line)
        else:
            block.append(line)
    flush()
    return out


def kinded_in_reading_order(lines: Sequence[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """A page's lines as (line, kind), top to bottom → in reading order; each run of "text" lines (between
    lines of other kinds: captions, footnotes, tables) is read column by column where it is set in columns."""
    out: list[tuple[Line, str]] = []
    run: list[Line] = []
    for line, kind in [*lines, (None, "")]:
        if kind == "text":
            run.append(line)
            continue
        out.extend((part, "text") for part in run_in_reading_order(run))
        run = []
        if line is not None:
            out.append((line, kind))
    return out
