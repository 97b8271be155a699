"""Glyphs → words, one rule for every extractor that reads glyph boxes (pdfium, pdfplumber).

A glyph is a plain tuple, for speed: (text, x0, top, x1, bottom, size, upright), in
top-left coordinates. Words break on a blank that takes room, where a glyph steps
back, on a change of font size, and on a gap wider than a share of the font size
(so small print and large print are judged alike); word texts are normalised once
(``normalise_text``).
"""

from __future__ import annotations

import itertools
import sys
from typing import Sequence

from .layout import Word
from .text import normalise_text

Glyph = tuple[str, float, float, float, float, float, bool]
TEXT, X0, TOP, X1, BOTTOM, SIZE, UPRIGHT = range(7)
Y_TOLERANCE = 3.0  # glyphs whose tops lie this close (in a chain) share a line
# Two glyphs further apart than this share of the font size are two words: more than letter
# spacing and kerning ever open, less than the narrowest space a producer sets (a narrow
# no-break space is about 0.25 em).
WORD_GAP_EM = 0.2


def _transposed(g: Glyph) -> Glyph:
    return (g[TEXT], g[TOP], g[X0], g[BOTTOM], g[X1], g[SIZE], g[UPRIGHT])


def glyphs_to_lines(glyphs: Sequence[Glyph], *, upright: bool) -> list[list[Glyph]]:
    """Glyphs whose tops lie within the tolerance of each other (in a chain), each line in reading order."""
    cluster: dict[float, int] = {}
    index, last = 0, None
    for top in sorted({g[TOP] for g in glyphs}):
        if last is not None and top > last + Y_TOLERANCE:
            index += 1
        cluster[top] = index
        last = top
    key = (lambda g: (cluster[g[TOP]], g[X0])) if upright else (lambda g: (cluster[g[TOP]], g[X0], g[X1]))
    lines: list[list[Glyph]] = []
    current = None
    for g in sorted(glyphs, key=key):
        if cluster[g[TOP]] != current:
            current = cluster[g[TOP]]
            lines.append([])
        lines[-1].append(g)
    return lines


def _takes_room(blank: Glyph, before: Glyph | None, after: Glyph | None) -> bool:
    """A blank that a glyph beside it covers (a soft hyphen some producers map to a space) is no word break."""
    middle = (blank[X0] + blank[X1]) / 2
    return (before is None or before[X1] <= middle) and (after is None or after[X0] >= middle)


def line_to_words(line: Sequence[Glyph]) -> list[list[Glyph]]:
    """Split a line at blanks that take room, where a glyph steps back, and at gaps wider than WORD_GAP_EM."""
    words: list[list[Glyph]] = []
    current: list[Glyph] = []
    for i, g in enumerate(line):
        if g[TEXT].isspace():
            if _takes_room(g, current[-1] if current else None, line[i + 1] if i + 1 < len(line) else None):
                if current:
                    words.append(current)
                current = []
        elif current and (
            g[X0] < current[-1][X0]
            or g[X0] > current[-1][X1] + WORD_GAP_EM * g[SIZE]
            or abs(g[TOP] - current[-1][TOP]) > Y_TOLERANCE
        ):
            words.append(current)
            current = [g]
        else:
            current.append(g)
    if current:
        words.append(current)
    return words


def glyphs_to_word(glyphs: Sequence[Glyph], shared: dict[float, float]) -> Word:
    """A word's text and box; equal tops, bottoms and sizes share one float object (``shared``), to save memory."""
    top, bottom, size = min([g[TOP] for g in glyphs]), max([g[BOTTOM] for g in glyphs]), round(glyphs[0][SIZE], 1)
    return Word(
        sys.intern(normalise_text("".join([g[TEXT] for g in glyphs]))),
        min([g[X0] for g in glyphs]),
        shared.setdefault(top, top),
        max([g[X1] for g in glyphs]),
        shared.setdefault(bottom, bottom),
        shared.setdefault(size, size),
    )


def glyphs_to_words(glyphs: Sequence[Glyph], shared: dict[float, float] | None = None) -> list[Word]:
    """Runs of one orientation and size, split into lines, then into words; words that print nothing dropped.

    Text that is not upright is read top to bottom: the same steps with the axes swapped.
    """
    shared = {} if shared is None else shared
    words = []
    for (upright, _), run in itertools.groupby(glyphs, key=lambda g: (g[UPRIGHT], round(g[SIZE], 1))):
        run = list(run) if upright else [_transposed(g) for g in run]
        for line in glyphs_to_lines(run, upright=upright):
            for word in line_to_words(line):
                made = glyphs_to_word(word if upright else [_transposed(g) for g in word], shared)
                if made.text.strip():
                    words.append(made)
    return words
