"""Lines → the same lines with the characters OCR confuses read as what the structure says they must be.

A scan's text layer (Tesseract, OCRmyPDF, scanner software) misreads a few marks
in ways the page's structure can correct without guessing:

- a footnote mark read as "”", "£", "'", "+", "=", "x" …: where a line below starts with such a
  lone mark and then text (a footnote), the same marks glued to the end of a table
  row's label or amount above it are footnote marks, and all of them are read as "*". A mark
  of one character repeated is that many marks ("””" is "**"); two different ones ("=£") are
  one mark whose glyph was split in two;
- "O" or "o" for "0" and "l" for "1" in a word at the end of a line, set apart like
  an amount, that is otherwise digits and separators;
- a stray "." or "-" before a label: a first word of only dots and dashes is a dash
  (or, without a dash, nothing); dots and a dash glued to the label's first word ("-.DK")
  are a dash before it.

Text without these marks comes through untouched, so born-digital PDFs read as before.
What is corrected wrongly still has to add up: the subtotals and totals check every amount.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .geometry import VALUE_PATTERN, Line

MARK = "*"
CONFUSED_MARKS = frozenset("*”“\"'’‘£+°xX%=»«~^")  # what OCR makes of a printed footnote asterisk
STRAY = re.compile(r"^[.·•\-–—]+$")
GLUED_STRAY = re.compile(r"^(?=[.·•]*[-–—])(?=[-–—]*[.·•])[.·•\-–—]{2,}(?=\w)")  # a dash and a dot before a word
DASH = re.compile(r"[-–—]")
AMOUNT_LOOKALIKE = re.compile(r"^[\dOol][\dOol.,]*$")
DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1"})


def _is_note_start(line: Line) -> bool:
    """A footnote line: a lone mark (one or two characters OCR makes of footnote marks), then text."""
    first = line.words[0].text
    return len(line.words) > 1 and len(first) <= 2 and set(first) <= CONFUSED_MARKS


def note_mark_to_marks(first: str) -> str:
    """'”' → '*', '””' → '**' (a mark repeated), '=£' → '*' (two different characters: one glyph split)."""
    return MARK * len(first) if len(set(first)) == 1 else MARK


def _apart(line: Line, index: int, gap_em: float) -> bool:
    word = line.words[index]
    return index > 0 and word.x0 - line.words[index - 1].x1 >= gap_em * word.size


def _with_text(line: Line, index: int, text: str) -> Line:
    words = list(line.words)
    if text:
        words[index] = replace(words[index], text=text)
    else:
        del words[index]
    return Line(tuple(words))


def amount_lookalike_to_digits(text: str, *, marked: bool = False) -> str:
    """'5O0' → '500', 'l.000' → '1.000'; anything else as it is. A word without any digit is read as one only
    where a footnote mark follows it (`marked`: 'o=' for '0*')."""
    if not AMOUNT_LOOKALIKE.match(text) or not (marked or any(ch.isdigit() for ch in text)):
        return text
    digits = text.translate(DIGIT_LOOKALIKES)
    return digits if VALUE_PATTERN.match(digits) else text


def _glued_stray_split(line: Line) -> Line:
    """'-.DK' → '-' and 'DK': the stray run becomes a dash word of its own, where it stood."""
    first = line.words[0]
    run = GLUED_STRAY.match(first.text)
    if run is None:
        return line
    cut = first.x0 + (first.x1 - first.x0) * len(run.group()) / len(first.text)
    dash = replace(first, text="-", x1=cut)
    rest = replace(first, text=first.text[len(run.group()):], x0=cut)
    return Line((dash, rest, *line.words[1:]))


def _stray_read(line: Line) -> Line:
    line = _glued_stray_split(line)
    first = line.words[0].text
    if len(line.words) > 1 and STRAY.match(first) and (len(first) > 1 or first in ".·•"):
        return _with_text(line, 0, "-" if DASH.search(first) else "")
    return line


def _amounts_read(line: Line, gap_em: float) -> Line:
    last = len(line.words) - 1
    text = line.words[last].text
    read = amount_lookalike_to_digits(text)
    return _with_text(line, last, read) if read != text and _apart(line, last, gap_em) else line


def _row_marks_read(line: Line, gap_em: float) -> Line:
    """A mark glued to a row's amount ('0”'), or to the last word of its label before the amount."""
    words = line.words
    last = len(words) - 1
    text = words[last].text
    amount = amount_lookalike_to_digits(text[:-1], marked=True)
    if len(text) > 1 and text[-1] in CONFUSED_MARKS and VALUE_PATTERN.match(amount) and _apart(line, last, gap_em):
        return _with_text(line, last, amount + MARK)
    if last >= 1 and VALUE_PATTERN.match(text) and _apart(line, last, gap_em):
        label = words[last - 1].text
        if len(label) > 1 and label[-1] in CONFUSED_MARKS and label[-1] != MARK:
            return _with_text(line, last - 1, label[:-1] + MARK)
    return line


def notes_start(lines: Sequence[Line]) -> bool:
    """Whether a footnote (a lone mark, then text) starts on this page's lines."""
    return any(line.words and _is_note_start(line) for line in lines)


def lines_with_marks_read(lines: Sequence[Line], *, gap_em: float, notes_overleaf: bool = False) -> list[Line]:
    """The page's lines with OCR's confusions read by the structure around them (see the module's docstring).

    Marks beside a row are read as footnote marks only above a footnote on this page, or anywhere on it when
    the page after it starts with footnotes (``notes_overleaf``: a table that goes on overleaf).
    """
    read = [_amounts_read(_stray_read(line), gap_em) if line.words else line for line in lines]
    notes = [i for i, line in enumerate(read) if line.words and _is_note_start(line)]
    if not notes and not notes_overleaf:
        return read
    for i in range(len(read) if notes_overleaf else notes[-1]):
        if read[i].words and i not in notes:
            read[i] = _row_marks_read(read[i], gap_em)
    for i in notes:
        read[i] = _with_text(read[i], 0, note_mark_to_marks(read[i].words[0].text))
    return read
