"""A table as the report shows it: its items, stated totals and headings in printed order, each tied to
the printed lines it was read from and to the findings and mentions that concern it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping, Sequence

from projektpulje.budget.normalise import Item, NormalisedTable, StatedTotal
from projektpulje.budget.numbers import split_marker
from projektpulje.budget.vocabulary import label_key
from projektpulje.extract import RawTable


@dataclass(frozen=True)
class ReportLine:
    """One row of a table as the report shows it. Amounts are in 1.000 kr., one per year."""

    kind: str  # section | group | item | subtotal | total
    label: str
    footnote: str = ""
    amounts: tuple[Decimal, ...] = ()
    computed: tuple[Decimal, ...] = ()
    difference: tuple[Decimal, ...] = ()
    status: tuple[str, ...] = ()
    section: str = ""
    printed: tuple[int, ...] = ()  # indices into the raw table's rows, the printed lines it was read from

    @property
    def mismatch(self) -> bool:
        return "mismatch" in self.status


def same_label(printed: str, label: str) -> bool:
    """Whether a printed label ('- Euroskills*') is the label read from it ('Euroskills')."""
    return label_key(split_marker(printed)[0]).lstrip("-–• ") == label_key(label)


def chunks(rows: Sequence, width: int) -> list[tuple]:
    """Items and totals come one per year; a printed row is `width` of them."""
    width = max(width, 1)
    return [tuple(rows[i : i + width]) for i in range(0, len(rows), width)]


def reconciled_for(table: NormalisedTable, totals: Sequence[dict]) -> list[dict]:
    """The reconciled row of each stated total of the table, in the table's order."""
    pool = [r for r in totals if (r["table_no"], r["area"]) == (table.table_no, table.area)]
    out = []
    for stated in table.totals:
        key = (stated.year, stated.level, stated.section_key, stated.stated_tkr)
        found = next((r for r in pool if (r["year"], r["level"], r["section_key"], r["stated_tkr"]) == key), {})
        if found:
            pool.remove(found)
        out.append(found)
    return out


def item_line(chunk: Sequence[Item], printed: tuple[int, ...]) -> ReportLine:
    first = chunk[0]
    return ReportLine(
        "item", first.item, first.footnote, tuple(i.amount_tkr for i in chunk), section=first.section, printed=printed
    )


def total_line(chunk: Sequence[StatedTotal], reconciled: Sequence[dict], label: str, printed: tuple[int, ...]) -> ReportLine:
    first = chunk[0]
    kind = "subtotal" if first.level == "section" else "total"
    return ReportLine(
        kind,
        label or first.label,
        amounts=tuple(s.stated_tkr for s in chunk),
        computed=tuple(r.get("computed_tkr") for r in reconciled),
        difference=tuple(r.get("difference_tkr") for r in reconciled),
        status=tuple(r.get("status", "") for r in reconciled),
        section=first.section,
        printed=printed,
    )


def heading_line(kind: str, label: str, section: str, headings: list[tuple[str, tuple[int, ...]]]) -> ReportLine:
    """A section or group heading, with the printed lines of the heading row it was read from, if any."""
    printed = next((span for text, span in headings if same_label(text, label)), ())
    return ReportLine(kind, label, section=section, printed=printed)


def table_to_lines(raw: RawTable, table: NormalisedTable, totals: Sequence[dict]) -> list[ReportLine]:
    """The table's items and stated totals in printed order, with section and group headings where they change."""
    width = len(table.years)
    items = chunks(table.items, width)
    stated = list(zip(chunks(table.totals, width), chunks(reconciled_for(table, totals), width)))
    rows = list(table.printed_rows)
    kinds = [k for k, _, _ in rows]
    if kinds.count("item") != len(items) or len(kinds) - kinds.count("heading") - len(items) != len(stated):
        rows = [("item", "", ())] * len(items) + [("total", "", ())] * len(stated)
    lines: list[ReportLine] = []
    section, group, headings = None, "", []
    items_left, totals_left = iter(items), iter(stated)
    for kind, label, printed in rows:
        if kind == "heading":
            headings.append((label, printed))
            continue
        if kind != "item":
            lines.append(total_line(*next(totals_left), label, printed))
            group, headings = "", []
            continue
        chunk = next(items_left)
        first = chunk[0]
        if first.section != section:
            if first.section:
                lines.append(heading_line("section", first.section, first.section, headings))
            section, group = first.section, ""
        if first.group and first.group != group:
            lines.append(heading_line("group", first.group, first.section, headings))
        group, headings = first.group, []
        lines.append(item_line(chunk, printed))
    return lines


def line_findings(line: ReportLine, findings: Sequence[dict]) -> list[dict]:
    """The findings of a table that concern one of its lines."""
    def concerns(f: dict) -> bool:
        if line.kind == "total":
            return f["kind"] == "total_mismatch"
        if line.kind == "subtotal":
            return f["kind"] == "subtotal_mismatch" and f["section"] == line.section
        if line.kind == "section":
            return f["kind"] == "unknown_label" and f["section"] == line.label
        return bool(f["item"]) and f["item"] == line.label
    return [f for f in findings if concerns(f)]


def line_mentions(line: ReportLine, mentions: Sequence[dict]) -> list[dict]:
    """The prose amounts tied to an item or group line."""
    if line.kind not in ("item", "group"):
        return []
    return [m for m in mentions if m["status"] != "untied" and m["tied_to"] == line.label]


def is_root(finding: Mapping) -> bool:
    return str(finding.get("root_cause")).lower() not in ("false", "0")


def line_style(line: ReportLine, findings: Sequence[dict]) -> str:
    """'root' for a line with a root-cause finding or a mismatch, 'knock' for one with knock-on findings only."""
    if any(is_root(f) for f in findings) or (line.mismatch and not findings):
        return "root"
    return "knock" if findings else ""


def row_styles(lines: Sequence[ReportLine], findings: Sequence[dict]) -> dict[int, str]:
    """Printed line index → 'root' or 'knock', for the lines with findings or mismatches."""
    styles = {}
    for line in lines:
        style = line_style(line, line_findings(line, findings))
        for index in line.printed if style else ():
            styles[index] = style
    return styles
