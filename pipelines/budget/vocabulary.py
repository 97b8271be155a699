"""The structural vocabulary (sections, totals, units, captions) read from vocabulary.toml."""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

DEFAULT_VOCABULARY = Path(__file__).with_name("vocabulary.toml")


def label_key(text: str) -> str:
    """The form labels are compared in: lower case, single spaces, no trailing colon."""
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip().lower()


def unit_key(text: str) -> str:
    """The form units are compared in: as labels are, and without spaces."""
    return re.sub(r"\s+", "", label_key(text))


@dataclass(frozen=True)
class Vocabulary:
    sections: dict[str, str]  # label_key(printed) → canonical key
    subtotal_patterns: tuple[re.Pattern[str], ...]
    total_labels: frozenset[str]
    units: dict[str, Decimal]  # label_key(printed) → factor to DKK
    caption_pattern: str
    dashed_suffixes: tuple[str, ...]
    plain_suffixes: tuple[str, ...]
    footnote_pattern: str
    title_pattern: str = r"^$"
    year_cell_pattern: str = r"^(?P<year>(19|20)\d\d)$"
    row_total_pattern: str = r"^$"
    scripts: tuple[str, ...] = ("LATIN",)  # the scripts of the language's letters (Unicode names' first word)
    reallocation_pattern: str = r"^$"
    unit_statement_pattern: str = r"(?!)"  # running text stating the unit of all amounts, up to the unit
    assumed_unit: str = ""  # the unit of a table when the document prints none anywhere (a unit_assumed finding)

    @property
    def unnumbered_caption_pattern(self) -> str:
        """A whole line that is a caption without a number: a title starting with a capital, then one of the
        caption endings ("Kultur – aktiviteter og forventet forbrug"), a unit in brackets allowed after it."""
        dashed = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in self.dashed_suffixes)
        # without a dash only an ending that is not also one after a dash ("og forventet forbrug"): a heading
        # such as "Kultur – oversigt over forventet forbrug" is no caption
        plain = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in self.plain_suffixes
                         if x not in self.dashed_suffixes) or "(?!)"
        return (rf"^\s*(?=[^\W\d_])(?-i:[^\W\d_a-zæøå])\S*(?:\s+\S+)*?"
                rf"(?:(?:\s+[-–—]|\s*:)\s*(?:{dashed})|\s+(?:{plain}))\.?(?:\s*\([^()]*\))?\.?\s*$")

    def section_key(self, label: str) -> str | None:
        return self.sections.get(label_key(label))

    def subtotal_section(self, label: str) -> str | None:
        """The section a subtotal label names ("Tilskudsmidler i alt" → "Tilskudsmidler"), or None."""
        for pattern in self.subtotal_patterns:
            match = pattern.match(label_key(label))
            if match:
                return match.group("section")
        return None

    def is_reallocation(self, label: str) -> bool:
        """A line moving money to or from another area ("Omprioriteret til Mobilitet"): no group's line."""
        return re.match(self.reallocation_pattern, label_key(label)) is not None

    def is_total(self, label: str) -> bool:
        return label_key(label) in self.total_labels

    def unit_factor(self, label: str) -> Decimal | None:
        """The factor to kroner of a printed unit, however it is spaced ("1.000kr.", "1.000 kr", "t. kr.")."""
        wanted = unit_key(label)
        return next((factor for unit, factor in self.units.items() if unit_key(unit) == wanted), None)

    def nearest_section(self, label: str) -> str | None:
        """The known section label closest to an unknown one, for messages."""
        found = difflib.get_close_matches(label_key(label), list(self.sections), n=1, cutoff=0.5)
        return found[0] if found else None


def vocabulary_from_dict(data: dict) -> Vocabulary:
    return Vocabulary(
        sections={label_key(label): key for key, labels in data["sections"].items() for label in labels},
        subtotal_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["subtotal"]["patterns"]),
        total_labels=frozenset(label_key(t) for t in data["total"]["labels"]),
        units={label_key(unit): Decimal(factor) for unit, factor in data["units"].items()},
        caption_pattern=data["caption"]["pattern"],
        dashed_suffixes=tuple(data["caption"]["dashed_suffixes"]),
        plain_suffixes=tuple(data["caption"]["plain_suffixes"]),
        footnote_pattern=data["footnote"]["pattern"],
        title_pattern=data["document"]["title_pattern"],
        **({"year_cell_pattern": data["header"]["year_cell"], "row_total_pattern": data["header"]["row_total"]}
           if "header" in data else {}),
        **({"scripts": tuple(data["text"]["scripts"])} if "text" in data else {}),
        **({"reallocation_pattern": data["reallocation"]["pattern"]} if "reallocation" in data else {}),
        **({"unit_statement_pattern": data["document_unit"]["statement"],
            "assumed_unit": data["document_unit"]["assumed"]} if "document_unit" in data else {}),
    )


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = DEFAULT_VOCABULARY) -> Vocabulary:
    with Path(path).open("rb") as fh:
        return vocabulary_from_dict(tomllib.load(fh))
