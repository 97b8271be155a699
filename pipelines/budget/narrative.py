"""What the prose says against what the tables say: amounts in the text, tied to budget lines.

A mention ("Der afsættes således 0,537 mio. kr. af udviklingsmidlerne til projektet") is
compared only where the tie is clear: the sentence allocates money (afsættes, bevilling,
omprioriteret, …), the amount is not a cap ("op til 100.000 kr."), and the words of the
sentence point at budget lines or groups of the table of the area the sentence stands in.
Every mention is kept, tied or not, so an auditor can see what was and was not checked.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Sequence

from projektpulje.extract import RawTable, TextLine

from projektpulje.budget.logical_rows import CONNECTING_WORDS, join_printed_lines
from projektpulje.budget.normalise import NormalisedTable

# Verbs and nouns of allocating money; a sentence without one states no budget amount.
ALLOCATION_STEMS = ("afsæt", "afsat", "bevilg", "bevilling", "bevilget", "omprioriter", "omdisponer", "anvendes")
# Words before an amount that make it a limit or an estimate, not an allocation.
CAP_WORDS = ("op til", "op mod", "maks", "maksimalt", "højst", "mindst", "over", "under", "ca.", "cirka")
# Units of amounts in prose → factor to kroner.
PROSE_UNITS = {"mia": Decimal(1_000_000_000), "mio": Decimal(1_000_000), "kr": Decimal(1)}
AMOUNT = re.compile(
    r"(?<![\d.,])(?P<number>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<fraction>\d+))?\s*"
    r"(?P<unit>mia\.?\s*kr|mio\.?\s*kr|kr)\b\.?",
    re.IGNORECASE,
)
ABBREVIATIONS = frozenset("f.eks. bl.a. mio. mia. jf. ca. evt. hhv. vedr. ifht. mm. m.v. inkl. ekskl. nr. pkt. dvs.".split())
# A year, or a span of years ("2024-2026"), named in a sentence.
YEARS_NAMED = re.compile(r"(?<!\d)(?P<first>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<last>(?:19|20)\d\d))?(?!\d)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])|\n")
COMMON_WORDS = CONNECTING_WORDS | frozenset(
    "at der er som har vil kan skal blev bliver være været hvor hvilket heraf derfor desuden også ikke "
    "midlerne midler kr mio mia regionen region midtjylland regionsrådet".split()
)


@dataclass(frozen=True)
class Mention:
    table_no: int
    area: str
    page: int
    printed: str
    amount_dkk: Decimal
    sentence: str
    tied_to: str
    table_dkk: int | None  # what the table says for the line or group tied to, in the year compared; None untied
    status: str  # agrees | contradicts | uncertain | untied
    year: int | None = None  # the table's year that table_dkk is of


@dataclass(frozen=True)
class _Candidate:
    """A budget line or group, with its amount (kroner) in each year of the table."""

    label: str
    amounts_dkk: tuple[tuple[int, int], ...]  # (year, kroner), in the table's order of years
    words: frozenset[str]
    group: tuple[str, str] | None = None  # (section key, group) a line is printed under, or that a group is
    is_group: bool = False


def words_of(text: str) -> frozenset[str]:
    """The content words of a text, lower case, without numbers and common words."""
    tokens = re.findall(r"[a-zæøåé][\wæøåé-]*", text.lower())
    return frozenset(t.strip("-") for t in tokens if t not in COMMON_WORDS and len(t) > 2)


def printed_to_dkk(number: str, fraction: str | None, unit: str) -> Decimal:
    """'0', '537', 'mio. kr' → 537000; '100.000', None, 'kr' → 100000."""
    value = Decimal(number.replace(".", "") + (f".{fraction}" if fraction else ""))
    dkk = value * PROSE_UNITS[re.match(r"[a-z]+", unit.lower()).group()]
    return dkk.to_integral_value() if dkk == dkk.to_integral_value() else dkk.normalize()


def lines_to_text(lines: Sequence[TextLine]) -> tuple[str, list[tuple[int, int]]]:
    """Prose lines → one text, with (offset, page) where each line starts. A change of type size
    (a heading) breaks the text with a newline, so a heading is never part of a sentence."""
    text, starts, size = "", [], None
    for line in lines:
        if size is not None and abs(line.size - size) > 0.5:
            text += "\n"
        joined = join_printed_lines([text, line.text]) if text and not text.endswith("\n") else text + line.text.strip()
        starts.append((len(joined) - len(line.text.strip()), line.page))
        text, size = joined, line.size
    return text, starts


def text_to_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their offsets; a full stop after an abbreviation ("mio.", "f.eks.") ends none."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        if match.group() != "\n" and before and before[-1].lower() in ABBREVIATIONS:
            continue
        sentences.append((start, text[start : match.start()]))
        start = match.end()
    sentences.append((start, text[start:]))
    return [(offset, s.strip()) for offset, s in sentences if s.strip()]


def _page_at(offset: int, starts: Sequence[tuple[int, int]]) -> int:
    page = starts[0][1] if starts else 0
    for start, line_page in starts:
        if start > offset:
            break
        page = line_page
    return page


def table_to_candidates(table: NormalisedTable) -> list[_Candidate]:
    """Budget lines and groups (with the sum of their lines) a sentence can speak of, each once with its
    amount in every year of the table."""
    by_line: dict[tuple[str, str, str], dict[int, int]] = {}
    by_group: dict[tuple[str, str], dict[int, int]] = {}
    for item in table.items:
        line = by_line.setdefault((item.section_key, item.group, item.item), {})
        line[item.year] = line.get(item.year, 0) + item.amount_dkk
        if item.group:
            group = by_group.setdefault((item.section_key, item.group), {})
            group[item.year] = group.get(item.year, 0) + item.amount_dkk
    lines = [_Candidate(label, tuple(years.items()), words_of(label), (section, group) if group else None)
             for (section, group, label), years in by_line.items()]
    groups = [_Candidate(group, tuple(years.items()), words_of(group), (section, group), is_group=True)
              for (section, group), years in by_group.items()]
    return lines + groups


def is_sure_tie(candidate: _Candidate, words: frozenset[str], candidates: Sequence[_Candidate]) -> bool:
    """Whether a sentence of these words surely speaks of the candidate, so that another amount contradicts it:
    the sentence has most of the candidate's words, and, for a group, names none of the group's own lines whose
    amounts differ from the group's (a group of one line is that line)."""
    if 2 * len(words & candidate.words) <= len(candidate.words):
        return False
    if candidate.is_group:
        named = [c for c in candidates if not c.is_group and c.group == candidate.group and words & c.words]
        return all(c.amounts_dkk == candidate.amounts_dkk for c in named)
    return True


def sentence_to_years(sentence: str, years: Sequence[int]) -> tuple[int, ...]:
    """The table's years a sentence names ("i 2024", "fra 2025", "i perioden 2024-2026"); all of them when it
    names none."""
    named: set[int] = set()
    for match in YEARS_NAMED.finditer(sentence):
        first = int(match["first"])
        last = int(match["last"]) if match["last"] else first
        named.update(range(first, last + 1))
    chosen = tuple(y for y in years if y in named)
    return chosen or tuple(years)


def _is_allocation(sentence: str) -> bool:
    return any(word.startswith(ALLOCATION_STEMS) for word in re.findall(r"\w+", sentence.lower()))


def _is_cap(sentence: str, start: int) -> bool:
    before = sentence[max(0, start - 14) : start].lower()
    return any(re.search(r"(?<!\w)" + re.escape(word) + r"\s*$", before) for word in CAP_WORDS)


def _agreeing_year(amount: Decimal, candidate: _Candidate, years: Sequence[int]) -> int | None:
    """The first of these years in which the line is the amount; the size counts, not the sign (the prose says
    "0,25 mio. kr. omprioriteres" of a line printed "÷ 250")."""
    return next((y for y, dkk in candidate.amounts_dkk if y in years and abs(dkk) == abs(amount)), None)


def mention_status(
    amount: Decimal, sentence: str, start: int, candidates: Sequence[_Candidate], *, years: Sequence[int] = ()
) -> tuple[str, str, int | None, int | None]:
    """(status, tied_to, the table's amount, its year) for one amount in one sentence. The amount is compared
    with the years the sentence names among the table's `years` (all of them where it names none)."""
    if not _is_allocation(sentence) or _is_cap(sentence, start):
        return "untied", "", None, None
    words = words_of(sentence)
    scored = [(len(words & c.words), c) for c in candidates]
    best = max((score for score, _ in scored), default=0)
    if best == 0:
        return "untied", "", None, None
    tied = [c for score, c in scored if score == best]
    compared = sentence_to_years(sentence, years or sorted({y for c in tied for y, _ in c.amounts_dkk}))
    for c in tied:
        year = _agreeing_year(amount, c, compared)
        if year is not None:
            return "agrees", c.label, dict(c.amounts_dkk)[year], year
    if len(tied) == 1 and is_sure_tie(tied[0], words, candidates):
        (c,) = tied
        table = dict(c.amounts_dkk)
        year = next((y for y in compared if y in table), None)
        if year is not None:
            return "contradicts", c.label, table[year], year
    return "untied", "; ".join(c.label for c in tied), None, None


def prose_by_table(text: Sequence[TextLine], raws: Sequence[RawTable]) -> list[list[TextLine]]:
    """The prose before each table (after the one before it) is that table's area's prose."""
    order = sorted(range(len(raws)), key=lambda i: (raws[i].page, raws[i].bbox[1]))
    starts = [(raws[i].page, raws[i].bbox[1]) for i in order]
    out: list[list[TextLine]] = [[] for _ in raws]
    for line in text:
        if line.kind != "text" or not raws:
            continue
        following = bisect.bisect_right(starts, (line.page, line.bbox[1]))  # the first table that starts below it
        out[order[following] if following < len(order) else len(raws) - 1].append(line)
    return out


def prose_to_mentions(lines: Sequence[TextLine], table: NormalisedTable) -> list[Mention]:
    """Every amount one area's prose mentions, tied to a line or group of its table where the tie is clear."""
    mentions = []
    prose, line_starts = lines_to_text(lines)
    candidates = table_to_candidates(table)
    for offset, sentence in text_to_sentences(prose):
        for match in AMOUNT.finditer(sentence):
            amount = printed_to_dkk(match["number"], match["fraction"], match["unit"])
            status, tied_to, table_dkk, year = mention_status(
                amount, sentence, match.start(), candidates, years=table.years
            )
            mentions.append(
                Mention(
                    table_no=table.table_no,
                    area=table.area,
                    page=_page_at(offset + match.start(), line_starts),
                    printed=match.group().strip(),
                    amount_dkk=amount,
                    sentence=sentence,
                    tied_to=tied_to,
                    table_dkk=table_dkk,
                    status=status,
                    year=year,
                )
            )
    return mentions


def mentions_read_by_ocr(mentions: Sequence[Mention]) -> list[Mention]:
    """Prose read by OCR: a mention that contradicts its table is uncertain, not a contradiction. An OCR'd amount
    in a table is held by its subtotal and Total; one in the prose by nothing, and the tie itself stands on OCR'd
    labels (a group heading glued to the line above moves the tie to that line)."""
    return [replace(m, status="uncertain") if m.status == "contradicts" else m for m in mentions]


def areas_to_mentions(areas: Sequence[tuple[Sequence[TextLine], NormalisedTable]]) -> list[Mention]:
    """Every amount the prose of these areas mentions: each area is its prose's lines and its table."""
    return [m for lines, table in areas for m in prose_to_mentions(lines, table)]
