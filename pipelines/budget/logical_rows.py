"""Printed lines → logical rows: the lines of a table as a reader groups them, one row per cell row, a
label wrapped over several lines joined into one. Knows Danish wording (which words a label cannot end
on), not PDFs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from projektpulje.extract import RawRow

from .groups import GROUP_INDENT
from .numbers import split_marker
from .vocabulary import Vocabulary

# Words a Danish label cannot end on: a line ending on one of them wraps on.
CONNECTING_WORDS = frozenset(
    "og eller samt af til for med i på under om fra ved hos mellem mod efter uden inden over "
    "de den det en et vedr. ifht. inkl. ekskl. jf. bl.a. f.eks. evt. mv. m.v. via".split()
)
# Definite genitives ("Fremtidens", "regionens", "Landdistrikternes") and capitalised
# genitives of names ("Danmarks"): a label does not end on one.
GENITIVE = re.compile(r"^(?:\w{3,}(?:ens|ets|nes)|[A-ZÆØÅ]\w{3,}s)$")
BULLET = re.compile(r"^\s*[-–•]\s+(?=\S)")


@dataclass
class LogicalRow:
    """One row of the table as the reader sees it: all its printed lines joined."""

    lines: list[str]
    values: tuple[str, ...]
    page: int
    certain: bool  # False when the rows around it were told apart by wording alone
    bullet: bool = False
    value_page: int = 0
    x0: float = 0.0  # where its label starts: a sub-group is indented under its group

    @property
    def label(self) -> str:
        return join_printed_lines(self.lines)

    @property
    def has_values(self) -> bool:
        return any(v.strip() for v in self.values)


# --- printed lines → logical rows -----------------------------------------


def join_printed_lines(lines: Sequence[str]) -> str:
    """Wrapped lines of one label as one: joined with one space, except that a compound broken
    after its hyphen closes up ("STEM-" + "barometer"); "Transport-" + "og Boligministeriet" keeps its space."""
    text = ""
    for part in (p.strip() for p in lines):
        if not part:
            continue
        first = part.split()[0].lower()
        closes_up = re.search(r"\w-$", text) and part[0].isalnum() and first not in CONNECTING_WORDS
        text = f"{text}{part}" if closes_up or not text else f"{text} {part}"
    return text


def _one_line(text: str) -> str:
    """A cell printed on several lines, as one label."""
    return join_printed_lines(text.splitlines())


def _is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def structural_kind(label: str, *, vocab: Vocabulary) -> str | None:
    """'section', 'subtotal', 'total' for a structural label the vocabulary knows, else None."""
    label = split_marker(label)[0]
    if vocab.is_total(label):
        return "total"
    if vocab.subtotal_section(label) is not None:
        return "subtotal"
    if vocab.section_key(label) is not None:
        return "section"
    return None


def _reads_on(text: str) -> bool:
    """Whether a printed line cannot end a label: it ends on a hyphen, a comma, a connecting word
    or a genitive ("Danmarks", "Fremtidens", "Landdistrikternes"), which needs the noun after it."""
    text = text.rstrip()
    if text.endswith(("-", ",", "&", "/", "–")):
        return True
    words = text.split()
    if not words:
        return False
    last = words[-1]
    return last.lower() in CONNECTING_WORDS or (len(words) > 1 and bool(GENITIVE.search(last)))


def _ends_on_a_name(label: str) -> bool:
    """Whether a label ends on a capitalised word that is not its first: part of a name."""
    words = BULLET.sub("", label).split()
    return len(words) > 1 and words[-1][:1].isupper()


def _names_known_section(label: str, vocab: Vocabulary) -> bool:
    named = vocab.subtotal_section(split_marker(label)[0])
    return named is not None and vocab.section_key(named) is not None


def continues_by_wording(upper: LogicalRow, raw: RawRow, *, vocab: Vocabulary) -> bool:
    """Decide from the words alone whether a printed line wraps on from the row above."""
    text = raw.label.strip()
    has_values = any(v.strip() for v in raw.values)
    if not text:
        return has_values and not upper.has_values
    if _is_bullet(text):
        return False
    if upper.has_values and structural_kind(upper.label, vocab=vocab) and text[0].isupper():
        return False  # a subtotal or Total with its amounts is whole; a capitalised line after it starts anew
    joined_label = f"{upper.label} {text}"
    joined = structural_kind(joined_label, vocab=vocab)
    if joined and not structural_kind(text, vocab=vocab):
        return True
    if joined == "subtotal" and _names_known_section(joined_label, vocab) and not _names_known_section(text, vocab):
        return True  # "Omprioriteret til" + "personaleressourcer i alt", or + "i alt": one subtotal
    if structural_kind(text, vocab=vocab) or structural_kind(upper.label, vocab=vocab):
        return False
    if upper.has_values and has_values:
        return False
    if upper.bullet and not upper.has_values:
        return True  # a sub-item always has an amount: until it shows, the lines are the sub-item's
    if upper.bullet and not has_values and text[0].isupper() and _ends_on_a_name(upper.label):
        return True  # "- Understøttelse af Danish Life" + "Science Cluster": a name runs on
    return text[0].islower() or _reads_on(upper.label)


def rows_to_logical_rows(rows: Sequence[RawRow], *, vocab: Vocabulary) -> list[LogicalRow]:
    """Join each row's wrapped lines, by the layout's evidence where it has any, else by wording."""
    logical: list[LogicalRow] = []
    for raw in rows:
        upper = logical[-1] if logical else None
        if upper is not None and raw.continues is True:
            join = True
        elif upper is None or raw.continues is False:
            join = False
        else:
            join = continues_by_wording(upper, raw, vocab=vocab)
        if join and upper is not None and not (upper.has_values and any(v.strip() for v in raw.values)):
            upper.lines.append(_one_line(raw.label))
            if any(v.strip() for v in raw.values):
                upper.values, upper.value_page = raw.values, raw.page
            continue
        logical.append(
            LogicalRow(
                lines=[_one_line(raw.label)],
                values=raw.values,
                page=raw.page,
                certain=raw.continues is not None,
                bullet=_is_bullet(raw.label),
                value_page=raw.page,
                x0=raw.bbox[0],
            )
        )
    return _join_impossible_headings(logical, vocab=vocab)


def _heads_sub_group(row: LogicalRow, nxt: LogicalRow) -> bool:
    """A heading right above another heading indented under it heads that sub-group."""
    return nxt.x0 > row.x0 + GROUP_INDENT


def _join_impossible_headings(rows: list[LogicalRow], *, vocab: Vocabulary) -> list[LogicalRow]:
    """A label-only row that heads nothing (a subtotal, a section or another heading follows)
    cannot be a group heading: where the layout left it open, it is the wrapped rest of the row above."""
    out: list[LogicalRow] = []
    for i, row in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        heads_nothing = nxt is None or (
            not nxt.bullet and not nxt.has_values and structural_kind(nxt.label, vocab=vocab) != "section"
            and not _heads_sub_group(row, nxt)
        ) or structural_kind(nxt.label, vocab=vocab) in ("subtotal", "total", "section")
        if (
            out
            and not row.certain
            and not row.has_values
            and not row.bullet
            and structural_kind(row.label, vocab=vocab) is None
            and heads_nothing
            and out[-1].has_values
            and structural_kind(out[-1].label, vocab=vocab) is None
        ):
            out[-1].lines.extend(row.lines)
            continue
        out.append(row)
    return out


def logical_rows_to_printed(
    rows: Sequence[LogicalRow], *, vocab: Vocabulary
) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    """Each row's kind, label and the printed lines it was joined from (they are consecutive, in order)."""
    out, start = [], 0
    for row in rows:
        span = tuple(range(start, start + len(row.lines)))
        start += len(row.lines)
        kind = structural_kind(row.label, vocab=vocab) if row.has_values else None
        out.append(("heading" if not row.has_values else kind if kind in ("subtotal", "total") else "item",
                    row.label, span))
    return tuple(out)
