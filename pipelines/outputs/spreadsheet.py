"""CSV text cells a spreadsheet would run as a formula (or a DDE call), made inert, and read back exactly."""

from __future__ import annotations

import re

# What makes a spreadsheet run a cell: its first character.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
QUOTE = "'"


def spreadsheet_inert(text: str) -> str:
    """A CSV text cell as a spreadsheet shows it rather than runs it: one beginning with =, +, -, @, tab or CR gets
    a leading quote ("=1+1" → "'=1+1"); a plain number such as "-250" is kept. A text that already begins with a
    quote before such a character ("'=x") gets one more, so that reading back is exact; any other text that
    begins with a quote ("'Total' states …") is kept as it is."""
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return QUOTE + text
    if text.startswith(QUOTE) and text.lstrip(QUOTE).startswith(FORMULA_STARTS):
        return QUOTE + text
    return text


def spreadsheet_text(cell: str) -> str:
    """A CSV text cell's text, its neutralising quote taken off: the inverse of spreadsheet_inert."""
    if cell.startswith(QUOTE) and cell.lstrip(QUOTE).startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
