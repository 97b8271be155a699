"""Words, lines and value columns: the page as boxes of text and rules."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from ..model import BBox

DEFAULT_CAPTION_PATTERN = r"^\s*(Table|Tab\.)\s*\d+"
DEFAULT_FOOTNOTE_PATTERN = r"^\s*(?P<marker>\*{1,3}|†|‡)\s*\S"
DEFAULT_CELL_GAP_EM = 0.9
MIN_WORD_GAP_EM = 0.15  # less than this between two words and they are one
DEFAULT_MIN_COLUMN_VALUES = 3
DEFAULT_FURNITURE_BAND = 0.1
# A drawn stroke is a rule of a table from these sizes (points); shorter ones are underlines or glyph parts.
MIN_RULE_WIDTH = 15.0
MIN_RULE_HEIGHT = 4.0
# A value: digits with group/decimal separators, an optional sign, an optional
# footnote marker ("*", "†", "¹", "a)": a raised letter reads so, see join_raised_marks; "4251)": a bracketed
# number glued to the digits, which the table's footnotes tell apart); or a lone dash for
# "nothing planned". "(250)": a negative in brackets; "÷ 50": a sign set apart (joined to its number by
# words_to_lines).
VALUE_PATTERN = re.compile(
    r"^(?:[-–−÷] ?)?\d[\d.,]*(\*{1,3}|[†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[a-h]?\))?$|^\(\d[\d.,]*\)(\*{1,3}|[†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[a-h]\))?$|^[-–—]$"
)
# A sign printed apart from its number ("÷ 50"): joined to it when no wider than a space away.
APART_SIGNS = frozenset("÷−")
# A footnote mark set raised (smaller, its foot above the line's) beside a word: see join_raised_marks.
RAISED_MARK_SCALE = 0.85
RAISED_MARK_LIFT_EM = 0.15
RAISED_MARK_SIGNS = frozenset("*†‡")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
NUMBER_PATTERN = re.compile(r"^\d[\d.,]*(\*{1,3}|[†‡])?$")
MAX_SIGN_GAP_EM = 0.5
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
    # A caption printed without a number, a line of its own ("Kultur – aktiviteter og forventet forbrug"); by
    # default none.
    unnumbered_caption_pattern: str = r"(?!)"
    footnote_pattern: str = DEFAULT_FOOTNOTE_PATTERN
    cell_gap_em: float = DEFAULT_CELL_GAP_EM
    min_column_values: int = DEFAULT_MIN_COLUMN_VALUES
    furniture_band: float = DEFAULT_FURNITURE_BAND
    # The scripts of the document's letters, by their Unicode names' first word: text with letters of any other
    # does not decode (see decoding.py). The document's language sets them (the vocabulary).
    scripts: tuple[str, ...] = ("LATIN",)

    @property
    def caption_re(self) -> re.Pattern[str]:
        return re.compile(self.caption_pattern, re.IGNORECASE)

    @property
    def unnumbered_caption_re(self) -> re.Pattern[str]:
        return re.compile(self.unnumbered_caption_pattern, re.IGNORECASE)

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
    images: tuple[BBox, ...] = ()  # where images are drawn, in the words' coordinates


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line: its words left to right, and the box around them (worked out once, read often)."""

    words: tuple[Word, ...]
    x0: float = field(init=False, repr=False, compare=False)
    top: float = field(init=False, repr=False, compare=False)
    x1: float = field(init=False, repr=False, compare=False)
    bottom: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = self.words
        object.__setattr__(self, "x0", min(w.x0 for w in words))
        object.__setattr__(self, "top", min(w.top for w in words))
        object.__setattr__(self, "x1", max(w.x1 for w in words))
        object.__setattr__(self, "bottom", max(w.bottom for w in words))

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


# --- words → lines ---------------------------------------------------------


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Group words into printed lines by vertical overlap, top to bottom."""
    lines: list[tuple[list[Word], list[float]]] = []  # (words, [top, bottom]) of each line so far
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        centre = (word.top + word.bottom) / 2
        for line, span in reversed(lines[-3:]):
            if span[0] <= centre <= span[1]:
                line.append(word)
                span[0], span[1] = min(span[0], word.top), max(span[1], word.bottom)
                break
        else:
            lines.append(([word], [word.top, word.bottom]))
    return [Line(join_raised_marks(join_signs(sorted(ws, key=lambda w: w.x0)))) for ws, _ in lines]


def _is_raised_mark(mark: Word, beside: Word) -> bool:
    """A footnote mark set raised: a word of one or two characters in a clearly smaller size than the word
    beside it, its foot clearly above that word's."""
    return (
        len(mark.text) <= 2
        and all(ch.isalnum() or ch in RAISED_MARK_SIGNS for ch in mark.text)
        and mark.size <= RAISED_MARK_SCALE * beside.size
        and mark.bottom < beside.bottom - RAISED_MARK_LIFT_EM * beside.size
    )


def raised_mark_to_text(mark: str) -> str:
    """A raised mark as the marks printed inline read: digits as superscript digits ("1" → "¹"), a letter
    followed by a bracket ("a" → "a)"), a sign as it is ("*")."""
    if mark.isdigit():
        return mark.translate(SUPERSCRIPT_DIGITS)
    return f"{mark})" if mark.isalpha() else mark


def join_raised_marks(words: Sequence[Word]) -> tuple[Word, ...]:
    """A raised footnote mark glued to the word before it, as part of that word ("1.125" + raised "a" →
    "1.125a)"); one that starts a line before its text (a footnote's mark) as a word of its own, read the
    same way. The word keeps its own height: the raised mark does not move the line."""
    out: list[Word] = []
    for i, word in enumerate(words):
        last = out[-1] if out else None
        if last is not None and _is_raised_mark(word, last) and word.x0 - last.x1 <= MIN_WORD_GAP_EM * last.size:
            out[-1] = replace(last, text=last.text + raised_mark_to_text(word.text), x1=max(last.x1, word.x1))
            continue
        if last is None and i + 1 < len(words) and _is_raised_mark(word, words[i + 1]):
            word = replace(word, text=raised_mark_to_text(word.text))
        out.append(word)
    return tuple(out)


def join_signs(words: Sequence[Word]) -> tuple[Word, ...]:
    """A minus sign set apart from its number ("÷ 50") and the number, as one word "÷ 50"."""
    out: list[Word] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and last.text in APART_SIGNS
            and NUMBER_PATTERN.match(word.text)
            and 0 <= word.x0 - last.x1 <= MAX_SIGN_GAP_EM * word.size
        ):
            out[-1] = Word(f"{last.text} {word.text}", last.x0, min(last.top, word.top), word.x1,
                           max(last.bottom, word.bottom), word.size)
            continue
        out.append(word)
    return tuple(out)


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
            and not _text_across_columns(words[:i], columns)
        )
        if not VALUE_PATTERN.match(word.text) or not apart:
            break
        values.append(word)
    if len(values) == len(words) - 1 and VALUE_PATTERN.match(words[0].text) and (
        len(words) == 1 or _inside_column(words[0], columns)
    ):  # a line of values only (the amounts of a label wrapped around them): the first is a value too
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


def _text_across_columns(words: Sequence[Word], columns: Sequence[Column]) -> bool:
    """Whether words that are no values stand over a value column: a sentence running across the columns (whose
    last word may end inside a column of another table), not a long label."""
    return any(
        not VALUE_PATTERN.match(w.text) and w.x0 < x1 - 1 and w.x1 > x0 + 1 for w in words for x0, x1 in columns
    )


def _inside_column(word: Word, columns: Sequence[Column]) -> bool:
    return any(x0 - 1 <= word.x0 and word.x1 <= x1 + 1 for x0, x1 in columns)


def line_to_column_values(line: Line, columns: Sequence[Column], *, cell_gap_em: float) -> list[tuple[Word, int]]:
    """The value words of a line that fall in a value column, with the column's index."""
    found = []
    for word in line_to_value_words(line, cell_gap_em=cell_gap_em, columns=columns):
        column = column_of(word, columns)
        if column is not None:
            found.append((word, column))
    return found


def column_of(word: Word, columns: Sequence[Column]) -> int | None:
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
