"""One document's analysis as a single self-contained HTML page for an auditor.

The findings first, then every table as it was read beside the region of the PDF it was read
from (table box and printed lines drawn on it), then every amount the prose mentions.
Images are embedded as PNG data URIs; the page loads nothing.
"""

from __future__ import annotations

import base64
import functools
import io
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from extract import RawTable
from extract.forked import in_runs
from extract.model import BBox

from .accounting import amounts_accounted
from .analysis import Analysis
from .normalise import Item, NormalisedTable, StatedTotal
from .numbers import decimal_to_text, split_marker
from .report_checks import other_checks_html
from .vocabulary import label_key

if TYPE_CHECKING:  # the PDF is drawn in the first stage only; the stage that writes the page needs neither
    from PIL import Image

DPI = 110
# A longer document shows the PDF region only beside the tables with findings, to stay a readable size.
MAX_TABLES_WITH_IMAGES = 40
SCALE = DPI / 72
MARGIN_PT = 8.0
NUMBER_GUTTER_PT = 14.0  # room left of the table for the printed-line numbers
PNG_COLOURS = 96

TABLE_BOX = (31, 95, 191)
ROW_BOX = (120, 150, 200)
NUMBER_INK = (60, 72, 95)
ROW_STYLES = {  # style → (outline, fill with alpha)
    "row": (ROW_BOX, None),
    "root": ((200, 30, 30), (230, 40, 40, 60)),
    "knock": ((215, 130, 0), (245, 170, 20, 70)),
}
KIND_NAMES = {
    "subtotal_mismatch": "subtotal mismatch",
    "total_mismatch": "total mismatch",
    "narrative_mismatch": "text vs. table",
    "extractor_disagreement": "extractors disagree",
    "unknown_label": "unknown label",
    "rule_failed": "rule failed",
    "unread_table": "table not read",
    "row_total_mismatch": "row total mismatch",
    "overview_mismatch": "overview vs. table",
}


@dataclass(frozen=True)
class Line:
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


# --- the table as read ------------------------------------------------------


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


def item_line(chunk: Sequence[Item], printed: tuple[int, ...]) -> Line:
    first = chunk[0]
    return Line(
        "item", first.item, first.footnote, tuple(i.amount_tkr for i in chunk), section=first.section, printed=printed
    )


def total_line(chunk: Sequence[StatedTotal], reconciled: Sequence[dict], label: str, printed: tuple[int, ...]) -> Line:
    first = chunk[0]
    kind = "subtotal" if first.level == "section" else "total"
    return Line(
        kind,
        label or first.label,
        amounts=tuple(s.stated_tkr for s in chunk),
        computed=tuple(r.get("computed_tkr") for r in reconciled),
        difference=tuple(r.get("difference_tkr") for r in reconciled),
        status=tuple(r.get("status", "") for r in reconciled),
        section=first.section,
        printed=printed,
    )


def heading_line(kind: str, label: str, section: str, headings: list[tuple[str, tuple[int, ...]]]) -> Line:
    """A section or group heading, with the printed lines of the heading row it was read from, if any."""
    printed = next((span for text, span in headings if same_label(text, label)), ())
    return Line(kind, label, section=section, printed=printed)


def table_to_lines(raw: RawTable, table: NormalisedTable, totals: Sequence[dict]) -> list[Line]:
    """The table's items and stated totals in printed order, with section and group headings where they change."""
    width = len(table.years)
    items = chunks(table.items, width)
    stated = list(zip(chunks(table.totals, width), chunks(reconciled_for(table, totals), width)))
    rows = list(table.printed_rows)
    kinds = [k for k, _, _ in rows]
    if kinds.count("item") != len(items) or len(kinds) - kinds.count("heading") - len(items) != len(stated):
        rows = [("item", "", ())] * len(items) + [("total", "", ())] * len(stated)
    lines: list[Line] = []
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


def line_findings(line: Line, findings: Sequence[dict]) -> list[dict]:
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


def line_mentions(line: Line, mentions: Sequence[dict]) -> list[dict]:
    """The prose amounts tied to an item or group line."""
    if line.kind not in ("item", "group"):
        return []
    return [m for m in mentions if m["status"] != "untied" and m["tied_to"] == line.label]


def is_root(finding: Mapping) -> bool:
    return str(finding.get("root_cause")).lower() not in ("false", "0")


def line_style(line: Line, findings: Sequence[dict]) -> str:
    """'root' for a line with a root-cause finding or a mismatch, 'knock' for one with knock-on findings only."""
    if any(is_root(f) for f in findings) or (line.mismatch and not findings):
        return "root"
    return "knock" if findings else ""


# --- text -------------------------------------------------------------------


def missing(value) -> bool:
    """None, or a NaN."""
    return value is None or (isinstance(value, float) and value != value)


def danish_amount(value) -> str:
    """Decimal(1600) → '1.600', Decimal('0.663') → '0,663', as the documents print them."""
    if missing(value) or value == "":
        return ""
    text = decimal_to_text(Decimal(str(value)))
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


def signed_amount(value) -> str:
    text = danish_amount(value)
    return f"+{text}" if text and text != "0" and not text.startswith("-") else text


def cell(value) -> str:
    """Any value as escaped text; empty for missing."""
    if missing(value):
        return ""
    if isinstance(value, Decimal):
        return escape(decimal_to_text(value))
    return escape(str(value))


def pages_text(pages: Sequence[int]) -> str:
    pages = sorted(set(pages))
    if not pages:
        return ""
    if len(pages) == 1:
        return f"page {pages[0]}"
    return f"pages {pages[0]}–{pages[-1]}"


def anchor(table_no) -> str:
    return f"tabel-{table_no}"


def table_title(table: NormalisedTable) -> str:
    return f"Tabel {table.table_no}. {table.area}"


def printed_numbers(printed: Sequence[int]) -> str:
    """(2, 3, 4) → '3–5', 1-based as drawn on the PDF image."""
    if not printed:
        return ""
    first, last = printed[0] + 1, printed[-1] + 1
    return str(first) if first == last else f"{first}–{last}"


# --- HTML fragments -----------------------------------------------------------


def summary_html(analysis: Analysis, name: str) -> str:
    totals, findings = analysis.totals, analysis.findings
    ok = sum(t["status"] == "ok" for t in totals)
    roots = sum(is_root(f) for f in findings)
    lines = analysis.lines
    extractor = analysis.raws[0].extractor if analysis.raws else ""
    cards = [
        ("tables", str(len(analysis.tables)), ""),
        ("budget lines", str(lines), ""),
        ("checks passed", f"{ok}/{len(totals)}", "bad" if ok < len(totals) else "good"),
        ("findings", str(len(findings)), "bad" if findings else "good"),
    ]
    card_html = "".join(
        f'<div class="card {tone}" data-stat="{escape(label)}"><b>{escape(value)}</b><span>{escape(label)}</span></div>'
        for label, value, tone in cards
    )
    detail = f"{roots} root cause{'' if roots == 1 else 's'}, {len(findings) - roots} knock-on" if findings else "none"
    skipped = "".join(f"<li>{escape(s)}</li>" for s in analysis.skipped)
    return (
        f'<header><h1>{escape(name)}</h1>'
        f'<p class="meta">{analysis.document.page_count} pages · read with {escape(extractor)} · '
        f'checks: every stated subtotal and Total against the sum of its lines, and the prose against the tables</p>'
        f'<div class="cards" id="summary">{card_html}</div>'
        f'<p class="meta">Findings: {escape(detail)}.</p>'
        f'<p class="meta" id="amounts">{escape(amounts_accounted(analysis.amounts))}.</p>'
        + (f'<p class="meta">Table regions not read:</p><ul class="skipped">{skipped}</ul>' if skipped else "")
        + "</header>"
    )


def table_link(table_no, titles: Mapping) -> str:
    """A link to a table's section, named by its title; empty for no table."""
    if missing(table_no):
        return ""
    return f'<a href="#{anchor(table_no)}">{escape(titles.get(table_no, f"Tabel {table_no}"))}</a>'


def finding_row_html(finding: dict, titles: Mapping) -> str:
    root = is_root(finding)
    table_no = finding.get("table_no")
    badge = '<span class="badge root">root cause</span>' if root else '<span class="badge knock">knock-on</span>'
    kind = finding["kind"]
    return (
        f'<tr class="finding {"root" if root else "knock"}" data-kind="{escape(kind)}" '
        f'data-table="{cell(table_no)}" data-root="{"true" if root else "false"}">'
        f'<td>{badge}</td><td class="kind">{escape(KIND_NAMES.get(kind, kind))}</td>'
        f"<td>{table_link(table_no, titles)}</td>"
        f'<td class="num">{cell(finding.get("page"))}</td><td>{cell(finding.get("message"))}</td></tr>'
    )


def findings_html(findings: Sequence[dict], titles: Mapping) -> str:
    if not findings:
        return '<section id="findings"><h2>Findings</h2><p class="none">No findings: every stated total agrees ' \
               "with its lines, and the prose with the tables.</p></section>"
    rows = "".join(finding_row_html(f, titles) for f in findings)
    return (
        '<section id="findings"><h2>Findings</h2>'
        '<table class="findings"><thead><tr><th></th><th>Kind</th><th>Table</th><th class="num">Page</th>'
        f"<th>Message</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def mention_note_html(mention: dict) -> str:
    return (
        f'<div class="mention {escape(mention["status"])}">'
        f'<span class="status">text {escape(mention["status"])}</span> '
        f'<b>{cell(mention["mention"])}</b> (page {cell(mention["page"])}): '
        f'<q>{cell(mention["sentence"])}</q></div>'
    )


def line_html(line: Line, years: int, findings: Sequence[dict], mentions: Sequence[dict]) -> str:
    """One <tr> of the table as read."""
    style = line_style(line, findings)
    classes = " ".join(c for c in (line.kind, "mismatch" if line.mismatch else "", style and f"flag {style}") if c)
    notes = "".join(mention_note_html(m) for m in mentions)
    if line.kind == "section":
        notes += "".join(f'<div class="why">{cell(f["message"])}</div>' for f in findings)
    label = f'<span class="label">{escape(line.label)}</span>{notes}'
    if line.kind in ("section", "group"):
        return (
            f'<tr class="{classes}" data-kind="{line.kind}"><td class="ln">{printed_numbers(line.printed)}</td>'
            f'<td colspan="{years + 5}">{label}</td></tr>'
        )
    amounts = "".join(f'<td class="num amount">{danish_amount(a)}</td>' for a in line.amounts)
    amounts += '<td class="num amount"></td>' * (years - len(line.amounts))
    check = "<td></td><td></td><td></td>"
    if line.kind in ("subtotal", "total"):
        status = " / ".join(escape(s or "?") for s in line.status)
        check = (
            f'<td class="num">{" / ".join(danish_amount(c) for c in line.computed)}</td>'
            f'<td class="num">{" / ".join(signed_amount(d) for d in line.difference)}</td>'
            f'<td class="status {"bad" if line.mismatch else "good"}">{status}</td>'
        )
    return (
        f'<tr class="{classes}" data-kind="{line.kind}"><td class="ln">{printed_numbers(line.printed)}</td>'
        f'<td>{label}</td><td class="fn">{escape(line.footnote)}</td>{amounts}{check}</tr>'
    )


def lines_html(
    lines: Sequence[Line], table: NormalisedTable, findings: Sequence[dict], mentions: Sequence[dict]
) -> str:
    years = max(len(table.years), 1)
    head = "".join(f'<th class="num">{y}</th>' for y in table.years) or '<th class="num">amount</th>'
    body = "".join(
        line_html(line, years, line_findings(line, findings), line_mentions(line, mentions)) for line in lines
    )
    return (
        '<table class="lines"><thead><tr><th class="ln" title="printed line, as numbered on the PDF image">#</th>'
        f'<th>1.000 kr.</th><th class="fn"></th>{head}<th class="num">computed</th>'
        f'<th class="num">difference</th><th>status</th></tr></thead><tbody>{body}</tbody></table>'
    )


def footnotes_html(footnotes: Sequence[str]) -> str:
    if not footnotes:
        return ""
    return '<ul class="footnotes">' + "".join(f"<li>{escape(n)}</li>" for n in footnotes) + "</ul>"


def figure_html(images: Sequence[tuple[int, bytes, tuple[int, int]]]) -> str:
    """One <figure> per page part: (page, png, (width, height))."""
    if not images:
        return (f'<p class="meta">In a document of more than {MAX_TABLES_WITH_IMAGES} tables the PDF region is '
                f"shown only beside the first {MAX_TABLES_WITH_IMAGES} tables with findings.</p>")
    figures = []
    for page, png, (width, height) in images:
        data = base64.b64encode(png).decode("ascii")
        figures.append(
            f'<figure><img src="data:image/png;base64,{data}" width="{width}" height="{height}" '
            f'alt="page {page} of the PDF, the region of the table"><figcaption>PDF page {page}</figcaption></figure>'
        )
    return "".join(figures)


def table_section_html(
    raw: RawTable,
    table: NormalisedTable,
    lines: Sequence[Line],
    findings: Sequence[dict],
    mentions: Sequence[dict],
    images: Sequence[tuple[int, bytes, tuple[int, int]]],
    extra: str = "",
) -> str:
    checks = [s for l in lines for s in l.status]
    ok = sum(s == "ok" for s in checks)
    pages = [p for p, _ in raw.parts] or list(raw.pages) or [raw.page]
    meta = f"{pages_text(pages)} · {escape(table.unit)} in the PDF · {ok}/{len(checks)} checks ok"
    if findings:
        meta += f' · <span class="bad">{len(findings)} finding{"" if len(findings) == 1 else "s"}</span>'
    return (
        f'<section class="table" id="{anchor(table.table_no)}" data-table="{table.table_no}">'
        f"<h2>{escape(table_title(table))}</h2>"
        f'<p class="meta">{meta}<br><span class="caption">{escape(raw.caption)}</span></p>'
        f'<div class="side"><div class="read">{lines_html(lines, table, findings, mentions)}'
        f"{footnotes_html(raw.footnotes)}{extra}</div>"
        f'<div class="source">{figure_html(images)}</div></div></section>'
    )


def mentions_html(mentions: Sequence[dict], titles: Mapping) -> str:
    if not mentions:
        return '<section id="mentions"><h2>Amounts in the text</h2><p class="none">The text mentions no amounts.</p>' \
               "</section>"
    rows = "".join(
        f'<tr class="{escape(m["status"])}"><td class="status">{cell(m["status"])}</td>'
        f'<td>{table_link(m["table_no"], titles)}</td>'
        f'<td class="num">{cell(m["page"])}</td><td class="nowrap">{cell(m["mention"])}</td>'
        f'<td>{cell(m["tied_to"])}</td><td class="num">{danish_amount(m["table_dkk"]) if m["table_dkk"] else ""}</td>'
        f'<td class="sentence">{cell(m["sentence"])}</td></tr>'
        for m in mentions
    )
    return (
        '<section id="mentions"><h2>Amounts in the text</h2>'
        '<p class="meta">Compared only where the sentence allocates money and its words point at a line or group '
        "of its own area's table; <i>untied</i> amounts were not checked.</p>"
        '<div class="wide"><table class="mentions"><thead><tr><th>Status</th><th>Table</th><th class="num">Page</th>'
        '<th>Mention</th><th>Tied to</th><th class="num">Table (kr.)</th><th>Sentence</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></section>"
    )


CSS = """
:root { --ink: #1d2330; --muted: #5b6475; --rule: #d5dae3; --head: #f2f4f8;
        --bad: #b42318; --bad-bg: #fde8e6; --knock: #9a5b00; --knock-bg: #fff3dc; --good: #1e7a3c; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI",
       Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1320px; margin: 0 auto; padding: 20px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 18px; margin: 0 0 2px; }
.meta { color: var(--muted); margin: 2px 0 10px; }
.caption { font-style: italic; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 4px; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 130px; }
.card b { display: block; font-size: 22px; }
.card span { color: var(--muted); }
.card.bad b, .bad { color: var(--bad); }
.card.good b, .good { color: var(--good); }
section { margin-top: 26px; }
section.table { border-top: 2px solid var(--ink); padding-top: 10px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--rule); }
thead th { background: var(--head); font-weight: 600; border-bottom: 1px solid #b9c0cc; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 9px;
         white-space: nowrap; }
.badge.root { background: var(--bad); color: #fff; }
.badge.knock { background: var(--knock-bg); color: var(--knock); border: 1px solid #e7b866; }
table.findings tr.root td { background: var(--bad-bg); }
table.findings tr.root td:first-child { box-shadow: inset 4px 0 var(--bad); }
table.findings tr.knock td { background: #fffaf0; color: #4a3a1e; }
table.findings tr.knock td:first-child { box-shadow: inset 4px 0 #e7b866; }
.side { display: grid; grid-template-columns: minmax(0, 1fr) fit-content(48%); gap: 22px; align-items: start; }
.read, .wide { overflow-x: auto; }
@media (max-width: 1050px) { .side { grid-template-columns: minmax(0, 1fr); } }
table.lines td.ln, table.lines th.ln { color: var(--muted); font-size: 12px; width: 3.2em; text-align: right;
                                       white-space: nowrap; font-variant-numeric: tabular-nums; }
table.lines td.fn { width: 1.2em; padding-left: 0; padding-right: 0; }
table.lines tr.section td { font-weight: 600; background: #fafbfc; padding-top: 7px; }
table.lines tr.group td .label { font-style: italic; padding-left: 12px; }
table.lines tr.item .label { padding-left: 22px; display: inline-block; }
table.lines tr.subtotal td, table.lines tr.total td { font-weight: 600; border-top: 1px solid #9aa3b2; }
table.lines tr.total td { border-bottom: 2px solid var(--ink); }
td.status { font-weight: 600; }
td.status.good { color: var(--good); }
td.status.bad { color: var(--bad); }
tr.mismatch td.amount { color: var(--bad); }
tr.flag.root td { background: var(--bad-bg); }
tr.flag.root td:first-child { box-shadow: inset 4px 0 var(--bad); }
tr.flag.knock td { background: var(--knock-bg); }
tr.flag.knock td:first-child { box-shadow: inset 4px 0 #e0a030; }
.mention, .why { font-size: 12px; font-weight: 400; margin: 2px 0 2px 22px; color: var(--muted); }
.mention q { font-style: italic; }
.mention .status { font-weight: 600; text-transform: uppercase; font-size: 11px; letter-spacing: .03em; }
.mention.contradicts .status, .why { color: var(--bad); }
.mention.agrees .status { color: var(--good); }
ul.footnotes { margin: 6px 0 0; padding-left: 18px; font-size: 12px; color: var(--muted); }
figure { margin: 0 0 10px; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.legend { font-size: 12px; color: var(--muted); margin: 0 0 6px; }
.legend i { display: inline-block; width: 11px; height: 11px; vertical-align: -1px; margin: 0 3px 0 8px;
            border: 2px solid; }
table.mentions { font-size: 13px; }
table.mentions tr.contradicts td { background: var(--bad-bg); }
table.mentions tr.untied td { color: var(--muted); }
table.mentions td.status { text-transform: uppercase; font-size: 11px; letter-spacing: .03em; }
table.mentions tr.agrees td.status { color: var(--good); }
table.mentions tr.contradicts td.status { color: var(--bad); }
td.sentence { min-width: 16em; }
td.kind { white-space: nowrap; }
p.none { color: var(--good); font-weight: 600; }
a { color: #1f4fa8; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  .side { grid-template-columns: minmax(0, 1fr); gap: 8px; }
  figure img { max-width: 75%; }
  h2 { break-after: avoid; }
  tr, figure, .meta { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  tr.flag.root td, tr.flag.knock td, table.findings tr td, .badge { -webkit-print-color-adjust: exact;
       print-color-adjust: exact; }
}
"""

LEGEND = (
    '<p class="legend">On the PDF image:<i style="border-color: rgb{table}"></i>table as detected'
    '<i style="border-color: rgb{row}"></i>printed line, numbered as in #'
    '<i style="border-color: rgb{root}; background: rgba{root_fill}"></i>finding'
    '<i style="border-color: rgb{knock}; background: rgba{knock_fill}"></i>knock-on</p>'
).format(
    table=TABLE_BOX, row=ROW_BOX, root=ROW_STYLES["root"][0], root_fill=ROW_STYLES["root"][1][:3] + (0.3,),
    knock=ROW_STYLES["knock"][0], knock_fill=ROW_STYLES["knock"][1][:3] + (0.35,),
)


def page_html(title: str, body: Sequence[str]) -> bytes:
    """The whole page as UTF-8, its body given in parts (joined once: a long report is large)."""
    head = (
        '<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>"
    )
    return "".join([head, *body, "</main></body></html>\n"]).encode("utf-8")


# --- PDF regions ----------------------------------------------------------------


class PageImages:
    """Pages of a PDF rendered at DPI on demand, keeping only the last one (tables run over neighbouring pages)."""

    def __init__(self, pdf: Path, *, password: str | None = None) -> None:
        import pypdfium2 as pdfium

        self.document = pdfium.PdfDocument(str(pdf), password=password)
        self.number, self.image = 0, None

    def __getitem__(self, number: int) -> Image.Image:
        if number != self.number:
            page = self.document[number - 1]
            self.number, self.image = number, page.render(scale=SCALE).to_pil().convert("RGB")
            page.close()
        return self.image

    def close(self) -> None:
        self.document.close()


def crop_box(bbox: BBox, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A table part's bbox in points → the pixel box to crop: the bbox plus a margin, inside the page."""
    x0, top, x1, bottom = bbox
    left = min(max(0, int((x0 - MARGIN_PT - NUMBER_GUTTER_PT) * SCALE)), size[0] - 1)
    upper = min(max(0, int((top - MARGIN_PT) * SCALE)), size[1] - 1)
    right = max(min(size[0], int((x1 + MARGIN_PT) * SCALE) + 1), left + 1)
    lower = max(min(size[1], int((bottom + MARGIN_PT) * SCALE) + 1), upper + 1)
    return left, upper, right, lower  # never empty, even for a table the page box cuts off


def region_to_png(
    page: Image.Image, bbox: BBox, rows: Sequence[tuple[int, BBox, str]]
) -> tuple[bytes, tuple[int, int]]:
    """A table part cropped from its rendered page, with the table box and each printed line drawn on it:
    rows are (number, bbox, style). Returns the PNG and its size."""
    from PIL import Image, ImageDraw, ImageFont

    left, top, right, bottom = crop_box(bbox, page.size)
    region = page.crop((left, top, right, bottom)).convert("RGBA")
    overlay = Image.new("RGBA", region.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    font = ImageFont.load_default(size=max(10, round(7.5 * SCALE)))
    gutter = (bbox[0] - MARGIN_PT) * SCALE - left

    def box(b: BBox, pad: float = 0.0) -> tuple[float, float, float, float]:
        return ((b[0] - pad) * SCALE - left, (b[1] - pad) * SCALE - top,
                (b[2] + pad) * SCALE - left, (b[3] + pad) * SCALE - top)

    for number, row_box, style in rows:
        outline, fill = ROW_STYLES.get(style, ROW_STYLES["row"])
        x0, y0, x1, y1 = box(row_box, 1.5)
        draw.rectangle((x0, y0, x1, y1), outline=outline + (255,), fill=fill, width=2 if fill else 1)
        draw.text((gutter, (y0 + y1) / 2), str(number), fill=(NUMBER_INK if style == "row" else outline) + (255,),
                  font=font, anchor="rm")
    draw.rectangle(box(bbox, 3.0), outline=TABLE_BOX + (255,), width=2)
    image = Image.alpha_composite(region, overlay).convert("RGB")
    image = image.quantize(colors=PNG_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue(), image.size


def row_styles(lines: Sequence[Line], findings: Sequence[dict]) -> dict[int, str]:
    """Printed line index → 'root' or 'knock', for the lines with findings or mismatches."""
    styles = {}
    for line in lines:
        style = line_style(line, line_findings(line, findings))
        for index in line.printed if style else ():
            styles[index] = style
    return styles


def table_images(
    raw: RawTable, styles: Mapping[int, str], pages: "PageImages"
) -> list[tuple[int, bytes, tuple[int, int]]]:
    """One annotated PNG per page part of the table."""
    parts = raw.parts or ((raw.page, raw.bbox),)
    images = []
    for page_no, bbox in parts:
        rows = [(i + 1, r.bbox, styles.get(i, "row")) for i, r in enumerate(raw.rows) if r.page == page_no]
        png, size = region_to_png(pages[page_no], bbox, rows)
        images.append((page_no, png, size))
    return images


# --- the page ---------------------------------------------------------------------


def by_table(rows: Sequence[dict]) -> dict[int | None, list[dict]]:
    """Rows (findings, mentions) by their table number, in their order."""
    grouped: dict[int | None, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["table_no"], []).append(row)
    return grouped


def _concerns(finding: Mapping, table: NormalisedTable, raw: RawTable) -> bool:
    """A finding is about this table: its number, and (where it has one) a page of the table."""
    page = finding.get("page")
    # A printed number may repeat: a finding names its table's area too (an overview's, the area it names).
    area = finding.get("area") in (None, "", table.area) or finding["kind"] == "overview_mismatch"
    return finding["table_no"] == table.table_no and area and (page is None or page in (raw.pages or (raw.page,)))


def tables_html(
    analysis: Analysis, pdf: Path, *, password: str | None = None, processes: int = 1, least: int = 1
) -> tuple[str, ...]:
    """Each table's section of the report: its lines as read, its checks, and its PDF region drawn.
    A long document's tables are drawn in runs of at least `least` tables, by up to `processes` at once."""
    findings, mentions = by_table(analysis.findings), by_table(analysis.mentions)
    every_image = len(analysis.tables) <= MAX_TABLES_WITH_IMAGES
    images_left = MAX_TABLES_WITH_IMAGES  # the report stays a readable size, in memory too
    plans = []
    for raw, table, totals in zip(analysis.raws, analysis.tables, analysis.table_totals):
        own_findings = [f for f in findings.get(table.table_no, ()) if _concerns(f, table, raw)]
        own_mentions = mentions.get(table.table_no, [])
        wanted = every_image or (bool(own_findings) and images_left > 0)
        images_left -= wanted
        plans.append((raw, table, totals, own_findings, own_mentions, wanted))
    draw = functools.partial(plans_to_html, pdf=pdf, password=password)
    return tuple(in_runs(draw, plans, processes=processes, least=least))


def plans_to_html(plans: Sequence[tuple], pdf: Path, *, password: str | None = None) -> list[str]:
    """The sections of a run of tables, each planned as (raw, table, totals, findings, mentions, image wanted)."""
    pages = PageImages(Path(pdf), password=password)
    sections = []
    try:
        for raw, table, totals, own_findings, own_mentions, wanted in plans:
            lines = table_to_lines(raw, table, totals)
            images = table_images(raw, row_styles(lines, own_findings), pages) if wanted else []
            sections.append(table_section_html(
                raw, table, lines, own_findings, own_mentions, images, extra=other_checks_html(totals)
            ))
    finally:
        pages.close()
    return sections


def report_html(analysis: Analysis, table_sections: Sequence[str], *, name: str) -> bytes:
    """The auditor's report of one analysed PDF named `name`, as UTF-8 HTML that needs nothing else:
    the summary and every finding, then the tables' sections, then the amounts in the text."""
    titles = {t.table_no: table_title(t) for t in analysis.tables}
    body = [
        summary_html(analysis, name),
        findings_html(analysis.findings, titles),
        '<section id="tables"><h2>Tables</h2><p class="meta">Each table as read, amounts in 1.000 kr., '
        "subtotals and totals beside the sum of their lines; next to it, the region of the PDF it was read from.</p>",
        LEGEND + "</section>",
        *table_sections,
        mentions_html(analysis.mentions, titles),
    ]
    return page_html(f"{name}: projektpulje report", body)


def analysis_to_html(analysis: Analysis, pdf: Path, *, password: str | None = None) -> bytes:
    """The whole report in one go (the run makes it in two stages)."""
    return report_html(analysis, tables_html(analysis, pdf, password=password), name=Path(pdf).name)
