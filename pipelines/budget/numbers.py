"""Danish printed numbers → exact Decimals. Group separator ".", decimal separator ","."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

GROUP_SEPARATOR = "."
DECIMAL_SEPARATOR = ","
NOTHING_PLANNED = frozenset({"-", "–", "—"})
_MINUS_SIGNS = "-–−÷"
SPACES = ("\u00a0", "\u202f", "\u2009")  # no-break, narrow no-break and thin space: thousands set apart
_NUMBER = re.compile(
    rf"^(?P<int>\d{{1,3}}(?:{re.escape(GROUP_SEPARATOR)}\d{{3}})+|\d+)(?:{re.escape(DECIMAL_SEPARATOR)}(?P<frac>\d+))?$"
)
# A footnote marker at the end of a label or an amount: "*", "†", "¹" (superscript), "1)" set apart or after a
# letter ("Aarhus2)"; after a digit it would be part of the number), or a
# letter and a bracket ("a)", also how a raised letter reads) where the text opens no bracket of its own.
_MARKER = re.compile(r"(?P<marker>\*{1,3}|[†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=\s|[^\W\d_])\d{1,2}\)|(?<=[\w.])[a-h]\))$")


class NumberFormatError(ValueError):
    """Text in an amount column that is not a Danish number."""


def split_marker(text: str) -> tuple[str, str]:
    """'Euroskills*' → ('Euroskills', '*'); '0*' → ('0', '*'); text without a marker → (text, '')."""
    text = text.strip()
    match = _MARKER.search(text)
    if not match or match.group("marker").endswith(")") and text.count("(") >= text.count(")"):
        return text, ""
    return text[: match.start()].rstrip(), match.group("marker")


def split_glued_marker(text: str, markers: Iterable[str]) -> tuple[str, str]:
    """'4251)' → ('425', '1)') where the table's footnotes have '1)' and none other fits: a bracketed footnote
    number set right after an amount's digits. Text that more than one or none of them fits stays whole."""
    text = text.strip()
    if not text.endswith(")") or text.startswith("("):
        return text, ""
    fits = []
    for marker in markers:
        if marker.endswith(")") and marker[:-1].isdigit() and len(text) > len(marker) and text.endswith(marker):
            try:
                parse_danish_number(text[: -len(marker)])
            except NumberFormatError:
                continue
            fits.append((text[: -len(marker)], marker))
    return fits[0] if len(fits) == 1 else (text, "")


def parse_danish_number(text: str) -> Decimal:
    """'1.000' → 1000, '0,663' → 0.663, '-' → 0, '÷50', '÷ 50', '−50' and '(50)' → -50; thousands may also be
    set apart by a (narrow) no-break space. Anything else raises NumberFormatError."""
    raw = text.strip()
    for space in (" ", *SPACES):
        raw = raw.replace(space, "")
    if raw in NOTHING_PLANNED:
        return Decimal(0)
    sign = 1
    if raw and raw[0] in _MINUS_SIGNS:
        sign, raw = -1, raw[1:]
    elif raw.startswith("(") and raw.endswith(")"):
        sign, raw = -1, raw[1:-1]
    match = _NUMBER.match(raw)
    if not match:
        raise NumberFormatError(f"{text!r} is not a Danish number")
    digits = match.group("int").replace(GROUP_SEPARATOR, "")
    frac = match.group("frac")
    value = Decimal(f"{digits}.{frac}" if frac else digits)
    return sign * value


def decimal_to_text(value: Decimal) -> str:
    """Plain decimal text with '.' and no exponent or trailing zeros: 1500, 0.663, -2.5."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
