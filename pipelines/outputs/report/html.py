"""The report's HTML: the summary, the findings, each table's section beside its PDF region, the
mentions, and the page that holds them (its stylesheet is style.css, inlined: the page loads nothing)."""

from __future__ import annotations

import base64
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from projektpulje.printable import html_text
from projektpulje.budget.normalise import NormalisedTable
from projektpulje.budget.accounting import amounts_accounted
from projektpulje.extract import RawTable
from projektpulje.outputs.provenance import provenance_html
from projektpulje.schemas.findings import KIND_NAMES

from . import images
from .images import MAX_TABLES_WITH_IMAGES
from .light import findings_filter_html
from .lines import ReportLine, is_root, line_findings, line_mentions, line_style
from .text import anchor, cell, danish_amount, missing, pages_text, printed_numbers, signed_amount, table_title

if TYPE_CHECKING:
    from projektpulje.results import Analysis

KIND_TITLES = {name: kind.title for name, kind in KIND_NAMES.items()}


@functools.lru_cache(maxsize=1)
def stylesheet() -> str:
    return Path(__file__).with_name("style.css").read_text(encoding="utf-8")


def checks_passed(analysis: Analysis) -> tuple[int, int]:
    """Every check the document had, and those passed (Analysis.checks_passed: the summary line counts the same)."""
    return analysis.checks_passed


def checks_tone(analysis: Analysis) -> str:
    """Green only when every check passed and no finding stands (an unknown label, a table not read, …)."""
    ok, checks = checks_passed(analysis)
    return "bad" if ok < checks else ("" if analysis.findings else "good")


def summary_html(analysis: Analysis, name: str, *, scope: str = "") -> str:
    findings = analysis.findings
    ok, checks = checks_passed(analysis)
    roots = sum(is_root(f) for f in findings)
    lines = analysis.lines
    extractor = analysis.extractor or (analysis.raws[0].extractor if analysis.raws else "")
    cards = [
        ("tables", str(len(analysis.tables)), ""),
        ("budget lines", str(lines), ""),
        ("checks passed", f"{ok}/{checks}", checks_tone(analysis)),
        ("findings", str(len(findings)), "bad" if findings else "good"),
    ]
    card_html = "".join(
        f'<div class="card {tone}" data-stat="{html_text(label)}"><b>{html_text(value)}</b><span>{html_text(label)}</span></div>'
        for label, value, tone in cards
    )
    detail = f"{roots} root cause{'' if roots == 1 else 's'}, {len(findings) - roots} knock-on" if findings else "none"
    skipped = "".join(f"<li>{html_text(s)}</li>" for s in analysis.skipped)
    repaired = "".join(f"<li>repaired: {html_text(r)}</li>" for r in analysis.document.repairs)
    chosen = "".join(f"<li>{html_text(c.describe())}</li>" for c in analysis.choices)
    return (
        f'<header><h1>{html_text(name)}</h1>'
        f'<p class="meta">{analysis.document.page_count} pages · read with {html_text(extractor)} · '
        + (f'<b class="ocr">text from OCR: {html_text(analysis.document.ocr)}</b> · ' if analysis.document.ocr else "")
        + f'checks: every stated subtotal and Total against the sum of its lines, and the prose against the tables</p>'
        f'<div class="cards" id="{scope}summary">{card_html}</div>'
        f'<p class="meta">Findings: {html_text(detail)}.</p>'
        + f'<p class="meta" id="{scope}amounts">{html_text(amounts_accounted(analysis.amounts))}.</p>'
        + (f'<p class="meta">Table regions not read:</p><ul class="skipped">{skipped}</ul>' if skipped else "")
        + (f'<ul class="repairs" id="{scope}repairs">{repaired}</ul>' if repaired else "")
        + (f'<p class="meta">Read another way, since the first reading failed the table\'s own sums:</p>'
           f'<ul class="readings" id="{scope}readings">{chosen}</ul>' if chosen else "")
        + "</header>"
    )


def table_link(table_no, titles: Mapping) -> str:
    """A link to a table's section, named by its title; empty for no table."""
    if missing(table_no):
        return ""
    return f'<a href="#{anchor(table_no)}">{html_text(titles.get(table_no, f"Tabel {table_no}"))}</a>'


def finding_row_html(finding: dict, titles: Mapping) -> str:
    root = is_root(finding)
    table_no = finding.get("table_no")
    badge = '<span class="badge root">root cause</span>' if root else '<span class="badge knock">knock-on</span>'
    kind = finding["kind"]
    return (
        f'<tr class="finding {"root" if root else "knock"}" data-kind="{html_text(kind)}" '
        f'data-table="{cell(table_no)}" data-root="{"true" if root else "false"}">'
        f'<td>{badge}</td><td class="kind">{html_text(KIND_TITLES.get(kind, kind))}</td>'
        f"<td>{table_link(table_no, titles)}</td>"
        f'<td class="num">{cell(finding.get("page"))}</td><td>{cell(finding.get("message"))}</td></tr>'
    )


def findings_html(findings: Sequence[dict], titles: Mapping, *, scope: str = "") -> str:
    if not findings:
        return f'<section id="{scope}findings"><h2>Findings</h2><p class="none">No findings: every stated total ' \
               "agrees with its lines, and the prose with the tables.</p></section>"
    rows = "".join(finding_row_html(f, titles) for f in findings)
    return (
        f'<section id="{scope}findings"><h2>Findings</h2>' + findings_filter_html(findings, KIND_TITLES, scope=scope) +
        '<table class="findings"><thead><tr><th></th><th>Kind</th><th>Table</th><th class="num">Page</th>'
        f"<th>Message</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def mention_note_html(mention: dict) -> str:
    return (
        f'<div class="mention {html_text(mention["status"])}">'
        f'<span class="status">text {html_text(mention["status"])}</span> '
        f'<b>{cell(mention["mention"])}</b> (page {cell(mention["page"])}): '
        f'<q>{cell(mention["sentence"])}</q></div>'
    )


def line_html(line: ReportLine, years: int, findings: Sequence[dict], mentions: Sequence[dict]) -> str:
    """One <tr> of the table as read."""
    style = line_style(line, findings)
    classes = " ".join(c for c in (line.kind, "mismatch" if line.mismatch else "", style and f"flag {style}") if c)
    notes = "".join(mention_note_html(m) for m in mentions)
    if line.kind == "section":
        notes += "".join(f'<div class="why">{cell(f["message"])}</div>' for f in findings)
    label = f'<span class="label">{html_text(line.label)}</span>{notes}'
    if line.kind in ("section", "group"):
        return (
            f'<tr class="{classes}" data-kind="{line.kind}"><td class="ln">{printed_numbers(line.printed)}</td>'
            f'<td colspan="{years + 5}">{label}</td></tr>'
        )
    amounts = "".join(f'<td class="num amount">{danish_amount(a)}</td>' for a in line.amounts)
    amounts += '<td class="num amount"></td>' * (years - len(line.amounts))
    check = "<td></td><td></td><td></td>"
    if line.kind in ("subtotal", "total"):
        status = " / ".join(html_text(s or "?") for s in line.status)
        check = (
            f'<td class="num">{" / ".join(danish_amount(c) for c in line.computed)}</td>'
            f'<td class="num">{" / ".join(signed_amount(d) for d in line.difference)}</td>'
            f'<td class="status {"bad" if line.mismatch else "good"}">{status}</td>'
        )
    return (
        f'<tr class="{classes}" data-kind="{line.kind}"><td class="ln">{printed_numbers(line.printed)}</td>'
        f'<td>{label}</td><td class="fn">{html_text(line.footnote)}</td>{amounts}{check}</tr>'
    )


def lines_html(
    lines: Sequence[ReportLine], table: NormalisedTable, findings: Sequence[dict], mentions: Sequence[dict]
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
    return '<ul class="footnotes">' + "".join(f"<li>{html_text(n)}</li>" for n in footnotes) + "</ul>"


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
    lines: Sequence[ReportLine],
    findings: Sequence[dict],
    mentions: Sequence[dict],
    images: Sequence[tuple[int, bytes, tuple[int, int]]],
    extra: str = "",
) -> str:
    checks = [s for l in lines for s in l.status]
    ok = sum(s == "ok" for s in checks)
    pages = [p for p, _ in raw.parts] or list(raw.pages) or [raw.page]
    meta = f"{pages_text(pages)} · {html_text(table.unit)} in the PDF · {ok}/{len(checks)} checks ok"
    if findings:
        meta += f' · <span class="bad">{len(findings)} finding{"" if len(findings) == 1 else "s"}</span>'
    return (
        f'<section class="table" id="{anchor(table.table_no)}" data-table="{table.table_no}">'
        f"<h2>{html_text(table_title(table))}</h2>"
        f'<p class="meta">{meta}<br><span class="caption">{html_text(raw.caption)}</span></p>'
        f'<div class="side"><div class="read">{lines_html(lines, table, findings, mentions)}'
        f"{footnotes_html(raw.footnotes)}{extra}</div>"
        f'<div class="source">{figure_html(images)}</div></div></section>'
    )


def mentions_html(mentions: Sequence[dict], titles: Mapping) -> str:
    if not mentions:
        return '<section id="mentions"><h2>Amounts in the text</h2><p class="none">The text mentions no amounts.</p>' \
               "</section>"
    rows = "".join(
        f'<tr class="{html_text(m["status"])}"><td class="status">{cell(m["status"])}</td>'
        f'<td>{table_link(m["table_no"], titles)}</td>'
        f'<td class="num">{cell(m["page"])}</td><td class="nowrap">{cell(m["mention"])}</td>'
        f'<td>{cell(m["tied_to"])}</td><td class="num">{danish_amount(m["table_dkk"])}</td>'
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


LEGEND = (
    '<p class="legend">On the PDF image:<i style="border-color: rgb{table}"></i>table as detected'
    '<i style="border-color: rgb{row}"></i>printed line, numbered as in #'
    '<i style="border-color: rgb{root}; background: rgba{root_fill}"></i>finding'
    '<i style="border-color: rgb{knock}; background: rgba{knock_fill}"></i>knock-on</p>'
).format(
    table=images.TABLE_BOX, row=images.ROW_BOX, root=images.ROW_STYLES["root"][0], root_fill=images.ROW_STYLES["root"][1][:3] + (0.3,),
    knock=images.ROW_STYLES["knock"][0], knock_fill=images.ROW_STYLES["knock"][1][:3] + (0.35,),
)


def page_html(title: str, body: Sequence[str]) -> bytes:
    """The whole page as UTF-8, its body given in parts (joined once: a long report is large)."""
    head = (
        '<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html_text(title)}</title><style>{stylesheet()}</style></head><body><main>"
    )
    return "".join([head, *body, "</main></body></html>\n"]).encode("utf-8")


def report_html(
    analysis: Analysis, table_sections: Sequence[str], *, name: str, provenance: Mapping | None = None
) -> bytes:
    """The auditor's report of one analysed PDF named `name`, as UTF-8 HTML that needs nothing else:
    the summary and every finding, then the tables' sections, then the amounts in the text; last, what made it."""
    titles = {t.table_no: table_title(t) for t in analysis.tables}
    body = [
        summary_html(analysis, name),
        findings_html(analysis.findings, titles),
        '<section id="tables"><h2>Tables</h2><p class="meta">Each table as read, amounts in 1.000 kr., '
        "subtotals and totals beside the sum of their lines; next to it, the region of the PDF it was read from.</p>",
        LEGEND + "</section>",
        *table_sections,
        mentions_html(analysis.mentions, titles),
        *([provenance_html(dict(provenance))] if provenance else []),
    ]
    return page_html(f"{name}: projektpulje report", body)


def summary_and_findings_html(analysis: Analysis, name: str, *, scope: str = "") -> str:
    """A notebook's view of a document: the report's summary and findings, without its page and stylesheet;
    `scope` begins every id in it (and its filter's group name), so that views of several documents on one page
    never take each other's ids."""
    titles = {t.table_no: table_title(t) for t in analysis.tables}
    return (f'<div class="projektpulje" id="{scope}view">{summary_html(analysis, name, scope=scope)}'
            f'{findings_html(analysis.findings, titles, scope=scope)}</div>')
