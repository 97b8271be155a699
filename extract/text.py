"""Text as printed, the same whoever made the PDF: one normalisation, applied by every extractor.

Producers write the same words with different characters: ligatures ("ﬁ", "ﬀ"),
no-break and narrow spaces ("1.000\u202fkr."), soft hyphens left in the text,
U+2212 for a minus. NFKC turns the compatibility forms into their plain
letters; the rest is mapped here, once. Superscript digits are kept as they
are: NFKC would make a footnote mark "¹" after an amount into one more digit.
"""

from __future__ import annotations

import unicodedata

# Characters that print nothing: soft hyphen, zero-width space and joiners, word joiner, byte-order mark.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Dashes that stand for a minus sign.
MINUS = {ord("\u2212"): "-", ord("\u2012"): "-"}
SUPERSCRIPTS = frozenset("¹²³⁰⁴⁵⁶⁷⁸⁹")


def normalise_text(text: str) -> str:
    """NFKC (ligatures and compatibility forms), every kind of space as a plain space, invisible
    characters dropped, a minus as "-"; superscript digits kept."""
    if text.isascii():
        return text
    text = text.translate(INVISIBLE).translate(MINUS)
    if not SUPERSCRIPTS.intersection(text):
        text = unicodedata.normalize("NFKC", text)
    else:
        text = "".join(ch if ch in SUPERSCRIPTS else unicodedata.normalize("NFKC", ch) for ch in text)
    return "".join(" " if ch.isspace() else ch for ch in text)
