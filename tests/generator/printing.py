"""Amounts as a Danish edition prints them: the unit's scale, thousands dots, decimal commas, each notation
of a negative amount, blank cells; and footnote markers in each style."""

from __future__ import annotations

from decimal import Decimal

from .model import Text

# Printed unit -> (kroner per printed 1, the unit's kind)
UNITS = {
    "1.000 kr.": 1000, "Beløb i 1.000 kr.": 1000, "t.kr.": 1000, "1000 kr.": 1000, "kr.": 1, "mio. kr.": 1_000_000,
}
NEGATIVES = ("hyphen", "division", "parens", "minus")
FOOTNOTE_STYLES = ("star", "paren", "superscript", "letter")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def magnitude(tkr: Decimal, unit: str) -> str:
    """The digits of an amount of tkr (1.000 kr.) printed in `unit`, without sign."""
    kroner = abs(tkr) * 1000
    scale = UNITS[unit]
    value = kroner / scale
    if scale == 1_000_000:
        text = format(value.normalize(), "f")
        whole, _, fraction = text.partition(".")
        return _grouped(int(whole)) + ("," + fraction if fraction else "")
    if value != value.to_integral_value():
        raise ValueError(f"{tkr} tkr is no whole amount in {unit}")
    return _grouped(int(value))


def amount(tkr: Decimal, unit: str, negative: str) -> str:
    digits = magnitude(tkr, unit)
    if tkr >= 0:
        return digits
    return {"hyphen": f"-{digits}", "division": f"÷ {digits}", "parens": f"({digits})",
            "minus": f"\u2212{digits}"}[negative]


def cell(tkr: Decimal, unit: str, negative: str, blank: str) -> str:
    """A cell's text: a zero amount printed as the document prints zeros (blank, "-" or "0")."""
    if tkr == 0:
        return {"blank": "", "dash": "-", "zero": "0"}[blank]
    return amount(tkr, unit, negative)


def marker(style: str, n: int) -> tuple[Text, str]:
    """The n-th footnote marker (1-based) as printed beside a label or amount, and as the truth names it."""
    if style == "star":
        return Text("*" * n), "*" * n
    if style == "paren":
        return Text(f"{n})"), f"{n})"
    if style == "superscript":
        return Text(str(n).translate(SUPERSCRIPT)), str(n).translate(SUPERSCRIPT)
    letter = "abcdefgh"[n - 1]
    return Text(letter, sup=True), letter


def prose_amount(tkr: Decimal, as_kroner: bool) -> str:
    """An amount as the prose says it: "0,5 mio. kr." or "450.000 kr."."""
    if as_kroner:
        return f"{_grouped(int(tkr * 1000))} kr."
    return f"{magnitude(tkr, 'mio. kr.')} mio. kr."
