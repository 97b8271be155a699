"""Captions → the table's area: 'Mobilitet - aktiviteter og forventet forbrug' → 'Mobilitet', also for a
caption printed without a number. Knows captions through the vocabulary's suffixes."""

from __future__ import annotations

import re

from .vocabulary import Vocabulary


def title_to_area(title: str, *, vocab: Vocabulary) -> str:
    """'Mobilitet - aktiviteter og forventet forbrug' (or 'Mobilitet: forventet forbrug') → 'Mobilitet';
    a title without such an ending as it stands."""
    title = re.sub(r"\s+", " ", title).strip()
    title = re.sub(r"\s*\([^)]*\)\.?$", "", title)  # a unit in brackets at the end, "(1.000 kr.)"
    tries = [(r"(?:\s+[-–—]|\s*:)\s*", s) for s in vocab.dashed_suffixes] + [(r"\s+", s) for s in vocab.plain_suffixes]
    for separator, suffix in tries:
        found = re.search(separator + re.escape(suffix) + r"\.?$", title, re.IGNORECASE)
        if found and found.start() > 0:
            return title[: found.start()].strip()
    return title


def unnumbered_caption_to_area(text: str, *, vocab: Vocabulary) -> str:
    """A caption printed without a number, right above the table ('Erhverv - aktiviteter og forventet
    forbrug'): the area; '' for a line that does not end like a caption."""
    area = title_to_area(text, vocab=vocab) if text else ""
    return area if area and area != re.sub(r"\s+", " ", text).strip() else ""
