"""Whether a PDF's text decodes: characters its language does not use mean its fonts map glyphs wrongly.

A font without a Unicode map (or with a wrong one) gives glyph numbers instead of
letters: control characters (pdfium), "(cid:12)" (pdfminer), private-use or
replacement characters, letters of another script inside a word of the document's
own ("ﬁ" mapped to a Cyrillic letter), runs of symbols where letters stand. Such
text is no reading of the page; it must not become a label. Which scripts a
document's letters belong to is a setting (``ExtractSettings.scripts``); this module
knows characters and scripts, not words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:  # the layout marks undecodable words in its running text with this module
    from .layout import PageContent

# First words of the Unicode names of letters and marks that belong to no one script (or to every one).
SCRIPTLESS = frozenset({
    "ANGSTROM", "BLACK-LETTER", "COMBINING", "DOUBLE-STRUCK", "EULER", "FEMININE", "FULLWIDTH", "HALFWIDTH",
    "INFORMATION", "KELVIN", "MASCULINE", "MATHEMATICAL", "MICRO", "MODIFIER", "OHM", "PLANCK", "ROMAN",
    "SCRIPT", "SUPERSCRIPT", "TURNED", "VARIATION",
})
CID_GLYPH = re.compile(r"\(cid:\d+\)")  # pdfminer's name for a glyph its font gives no character for
NOT_CHARACTERS = frozenset("\ufffd\ufffe\uffff")  # the replacement character and the non-characters
# A word of at least this many characters, no letter or digit among them, and this many different ones, is symbols
# standing where letters stand ("!#$%"); a dotted leader, a rule of dashes or a row of stars repeats one or two.
SYMBOL_RUN_LENGTH = 4
SYMBOL_RUN_DISTINCT = 3
# A page is not to be trusted when at least this share of its words, and at least this many, do not decode;
# a few odd glyphs on a page that reads (a symbol font's bullet) leave the page to be read, their tables flagged.
PAGE_SHARE = 0.1
PAGE_LEAST = 5
SAMPLE_CHARACTERS = 12
MIXED_SCRIPTS = "letters of another script inside words"
# A word wholly of another script may be text of another language: its table is not read, but it alone does
# not make a page untrustworthy (a document in Japanese has no budget tables, and is told so).
OTHER_SCRIPT = "words of another script"  # of the undecodable text quoted in a message


@dataclass(frozen=True)
class Undecoded:
    """A page whose text does not decode: its number, what the glyphs decode to, and a sample (escaped)."""

    page: int
    what: str
    sample: str


def letter_script(ch: str) -> str | None:
    """The script a letter or mark belongs to, by its Unicode name ('LATIN', 'CYRILLIC'); None for one of no script."""
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0] if name else ""
    return None if not first or first in SCRIPTLESS else first.split("-", 1)[0]


def character_trouble(ch: str, *, scripts: frozenset[str], alone: bool) -> str | None:
    """Why a character cannot be a reading of a glyph in a document of these scripts, or None.
    `alone`: the character is a word by itself (a symbol font's bullet may be private-use)."""
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Cn") or ch in NOT_CHARACTERS:
        return "fonts without a Unicode map" if category == "Cc" else "characters that are not text"
    if category == "Co":
        return None if alone else "private-use characters"
    return None


def script_trouble(text: str, *, scripts: frozenset[str]) -> str | None:
    """Letters of a script the document does not use: inside a word of its own scripts (a ligature or accent
    mapped wrongly), or a word wholly of another script (text of another language, or glyphs mapped wrongly)."""
    found = {letter_script(ch) for ch in text if unicodedata.category(ch)[0] in "LM"} - {None}
    if found <= scripts:
        return None
    return MIXED_SCRIPTS if found & scripts else OTHER_SCRIPT


def is_symbol_run(text: str) -> bool:
    """Symbols standing where letters stand: no letter or digit, long, and of several kinds ("!#$%&")."""
    return (
        len(text) >= SYMBOL_RUN_LENGTH
        and len(set(text)) >= SYMBOL_RUN_DISTINCT
        and not any(ch.isalnum() for ch in text)
    )


# Characters that always read in a Latin text: most words are made of these alone, and need no closer look.
PLAIN_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789æøåÆØÅ.,;:-()%/'\"*")


def word_to_trouble(text: str, *, scripts: frozenset[str]) -> str | None:
    """What in a word does not decode, in a few words ('fonts without a Unicode map'), or None when it reads."""
    if CID_GLYPH.search(text):
        return "fonts without a Unicode map"
    if "LATIN" in scripts and PLAIN_LATIN.issuperset(text) and not is_symbol_run(text):
        return None
    alone = len(text) == 1
    for ch in text:
        trouble = character_trouble(ch, scripts=scripts, alone=alone)
        if trouble is not None:
            return trouble
    if is_symbol_run(text):
        return "symbols where letters stand"
    return script_trouble(text, scripts=scripts)


def text_to_troubled_words(text: str, *, scripts: frozenset[str]) -> list[str]:
    """The words of a text (split at blanks) that do not decode."""
    return [word for word in text.split() if word_to_trouble(word, scripts=scripts) is not None]


UNDECODED_MARK = "\ufffd"


def text_with_undecoded_marked(text: str, *, scripts: frozenset[str]) -> str:
    """Running text with each word that does not decode replaced by the replacement character, so no junk is
    quoted from it and a heading made of it is known to be unreadable."""
    words = text.split(" ")
    marked = [UNDECODED_MARK if word and word_to_trouble(word, scripts=scripts) else word for word in words]
    return text if marked == words else " ".join(marked)


def shown(text: str) -> str:
    """Undecodable text as a message may quote it: escaped, and cut short."""
    cut = text[:SAMPLE_CHARACTERS]
    quoted = ascii(cut) if any(unicodedata.category(ch)[0] == "C" for ch in cut) else repr(cut)
    return quoted[:-1] + "…" + quoted[-1] if len(text) > SAMPLE_CHARACTERS else quoted


def page_to_undecoded(page: PageContent, *, scripts: frozenset[str]) -> Undecoded | None:
    """The page's verdict: None where its text reads (or it has none), else what does not decode."""
    troubles = [
        (w.text, t) for w in page.words if (t := word_to_trouble(w.text, scripts=scripts)) not in (None, OTHER_SCRIPT)
    ]
    if len(troubles) < max(PAGE_LEAST, PAGE_SHARE * len(page.words)):
        return None
    kinds = [t for _, t in troubles]
    what = max(dict.fromkeys(kinds), key=kinds.count)
    return Undecoded(page.number, what, shown(" ".join(text for text, t in troubles if t == what)))


def pages_to_undecoded(pages: Iterable[PageContent], *, scripts: Sequence[str]) -> tuple[Undecoded, ...]:
    """The pages whose text does not decode, in order."""
    allowed = frozenset(scripts)
    return tuple(u for page in pages if (u := page_to_undecoded(page, scripts=allowed)) is not None)


def page_numbers(numbers: Sequence[int]) -> str:
    """'page 2', 'pages 1-7', 'pages 2, 4-5'."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    text = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in spans)
    return f"page {text}" if len(numbers) == 1 else f"pages {text}"


def undecoded_to_message(undecoded: Sequence[Undecoded]) -> str:
    """One line: which pages, what their text decodes to, and --ocr."""
    first = undecoded[0]
    return (
        f"{page_numbers([u.page for u in undecoded])}: the text does not decode ({first.what}: {first.sample}); "
        "give --ocr to read it from the page images"
    )
