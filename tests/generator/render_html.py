"""A generated document as HTML, printed to PDF by headless Chromium."""

from __future__ import annotations

import html
import subprocess
import tempfile
from pathlib import Path

from .model import GROUP, ITEM, SECTION, SUBTOTAL, TOTAL, Document
from .segments import FAMILIES, column_widths, header_cells, pages

RULES = {
    "ruled": "table.budget td, table.budget th { border: 0.5pt solid #000; }",
    "open": "table.budget th { border-bottom: 0.7pt solid #000; } table.budget tr.total td { border-top: 0.5pt solid #000; }",
    "zebra": "table.budget tbody tr:nth-child(even) { background: #e6edf5; } table.budget th { background: #c9d6e6; }",
}


def _runs(runs) -> str:
    return "".join(f"<sup>{html.escape(r.text)}</sup>" if r.sup else html.escape(r.text) for r in runs)


def _budget(doc, table, style) -> str:
    head_cells = "".join(f'<th class="{"l" if i == 0 else "n"}">{"<br>".join(map(html.escape, lines))}</th>'
                         for i, lines in enumerate(header_cells(table)))
    head = f"<tr>{head_cells}</tr>"
    body = []
    for line in table.lines:
        pad = f' style="padding-left: {3 + 10 * line.indent}pt"' if line.indent else ""
        cells = "".join(f'<td class="n">{_runs(c)}</td>' for c in line.cells)
        cells += '<td class="n"></td>' * (len(table.header) - 1 - len(line.cells)) if line.kind in (SECTION, GROUP) else ""
        body.append(f'<tr class="{line.kind}"><td class="l"{pad}>{_runs(line.label)}</td>{cells}</tr>')
    if style.repeat_header:
        grid = f"<thead>{head}</thead><tbody>{''.join(body)}</tbody>"
    else:
        grid = f"<tbody>{head}{''.join(body)}</tbody>"
    caption = f'<p class="caption">{html.escape(table.printed_caption)}</p>'
    notes = "".join(f'<p class="note">{_runs((m,))} {html.escape(t)}</p>' for m, t in table.footnotes)
    label_w, value_w = column_widths(doc, table)
    values = len(header_cells(table)) - 1
    cols = f'<col style="width: {label_w}mm">' + f'<col style="width: {value_w}mm">' * values
    grid = f'<table class="budget" style="table-layout: fixed; width: {label_w + value_w * values}mm"><colgroup>{cols}</colgroup>{grid}</table>'
    grid = (f'<p class="unit">{html.escape(table.unit_line)}</p>' if table.unit_line else "") + grid
    return (caption + grid if style.caption_pos == "above" else grid + caption) + notes


def _plain(table) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in table.header)
    rows = "".join("<tr>" + "".join(f'<td class="{"n" if i >= table.numeric_from else "l"}">{html.escape(c)}</td>'
                                    for i, c in enumerate(row)) + "</tr>" for row in table.rows)
    caption = f'<p class="caption">{html.escape(table.caption)}</p>' if table.caption else ""
    return f'{caption}<table class="plain"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def document_html(doc: Document) -> str:
    s = doc.style
    size = "A4 landscape" if s.landscape == "all" else "A4"
    css = f"""
      @page {{ size: {size}; margin: {s.margin_mm}mm; }}
      @page wide {{ size: A4 landscape; margin: {s.margin_mm}mm; }}
      .wide {{ page: wide; }}
      .page + .page {{ break-before: page; }}
      body {{ font-family: '{FAMILIES[s.font]}'; font-size: {s.font_size}pt; }}
      h1 {{ font-size: {s.font_size + 6}pt; }} h2 {{ font-size: {s.font_size + 2}pt; }}
      table {{ border-collapse: collapse; margin: 4pt 0; }}
      td, th {{ padding: 1.5pt 4pt; }}
      table.budget td.l {{ vertical-align: top; }}
      table.budget td.n, table.budget th.n {{ text-align: right; vertical-align: {s.valign}; }}
      th.l {{ text-align: left; }}
      tr.section td, tr.subtotal td, tr.total td {{ font-weight: bold; }}
      tr.group td {{ font-style: italic; }}
      table.plain td, table.plain th {{ border: 0.4pt solid #777; }} td.n {{ text-align: right; }}
      p.caption {{ font-style: italic; margin: 3pt 0; }} p.unit {{ margin: 3pt 0 0; }} p.note {{ font-size: {s.font_size - 1}pt; margin: 1pt 0; }}
      {RULES[s.rules]}
    """
    parts = []
    for page in pages(doc):
        inner = []
        for block in page.blocks:
            if block.heading:
                inner.append(f"<h{block.level}>{html.escape(block.heading)}</h{block.level}>")
            inner += [f"<p>{html.escape(t)}</p>" for t in block.text]
            if block.plain:
                inner.append(_plain(block.plain))
            if block.table:
                inner.append(_budget(doc, block.table, s))
        parts.append(f'<div class="page{" wide" if page.landscape and s.landscape != "all" else ""}">{"".join(inner)}</div>')
    return (f'<!doctype html><html lang="da"><meta charset="utf-8"><title>{html.escape(doc.title)}</title>'
            f'<style>{css}</style><body>{"".join(parts)}</body></html>')


def render(doc: Document, out_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "document.html"
        page.write_text(document_html(doc), encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out_pdf}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
