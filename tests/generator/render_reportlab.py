"""A generated document drawn with ReportLab's platypus."""

from __future__ import annotations

import html
from pathlib import Path

from .model import GROUP, SECTION, SUBTOTAL, TOTAL, Document
from .segments import column_widths, header_cells, pages, ttf


def render(doc: Document, out_pdf: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph
    from reportlab.platypus import Spacer, Table, TableStyle

    s = doc.style
    regular, bold, italic = ttf(s.font)
    name = f"gen-{s.font}"
    pdfmetrics.registerFont(TTFont(name, regular))
    pdfmetrics.registerFont(TTFont(name + "-b", bold))
    pdfmetrics.registerFont(TTFont(name + "-i", italic))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name + "-b", italic=name + "-i", boldItalic=name + "-b")
    size = s.font_size
    body = ParagraphStyle("body", fontName=name, fontSize=size, leading=size * 1.3, spaceAfter=4)
    h1 = ParagraphStyle("h1", parent=body, fontName=name + "-b", fontSize=size + 5, leading=(size + 5) * 1.3)
    h2 = ParagraphStyle("h2", parent=body, fontName=name + "-b", fontSize=size + 2, leading=(size + 2) * 1.3)
    cell = ParagraphStyle("cell", parent=body, spaceAfter=0, leading=size * 1.2)
    number = ParagraphStyle("number", parent=cell, alignment=TA_RIGHT)
    caption = ParagraphStyle("caption", parent=body, fontName=name + "-i")
    unit_style = ParagraphStyle("unit", parent=body, spaceAfter=2)
    note = ParagraphStyle("note", parent=body, fontSize=size - 1, leading=(size - 1) * 1.25, spaceAfter=1)

    def runs(parts, bold_text=False) -> str:
        text = "".join(f"<super>{html.escape(r.text)}</super>" if r.sup else html.escape(r.text) for r in parts)
        return f"<b>{text}</b>" if bold_text else text

    def budget(table):
        header = [Paragraph("<br/>".join(map(html.escape, lines)), number if i else cell)
                  for i, lines in enumerate(header_cells(table))]
        data, commands = [header], [("FONT", (0, 0), (-1, 0), name + "-b", size),
                                    ("VALIGN", (0, 0), (0, -1), "TOP"),
                                    ("VALIGN", (1, 0), (-1, -1), s.valign.upper()),
                                    ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
        for r, line in enumerate(table.lines, start=1):
            strong = line.kind in (SECTION, SUBTOTAL, TOTAL)
            label_style = ParagraphStyle(f"l{line.indent}", parent=cell, leftIndent=10 * line.indent)
            label = runs(line.label, strong)
            if line.kind == GROUP:
                label = f"<i>{label}</i>"
            row = [Paragraph(label, label_style)] + [Paragraph(runs(c, strong), number) for c in line.cells]
            data.append(row + [""] * (len(header) - len(row)))
            if s.rules == "zebra" and r % 2 == 0:
                commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.9, 0.93, 0.96)))
            if s.rules == "open" and line.kind == TOTAL:
                commands.append(("LINEABOVE", (0, r), (-1, r), 0.5, colors.black))
        if s.rules == "ruled":
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        elif s.rules == "open":
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.7, colors.black))
        else:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.79, 0.84, 0.9)))
        label_w, value_w = column_widths(doc, table)
        widths = [label_w * mm] + [value_w * mm] * (len(header) - 1)
        grid = Table(data, colWidths=widths, repeatRows=1 if s.repeat_header else 0, style=TableStyle(commands),
                     hAlign="LEFT")
        title = Paragraph(html.escape(table.printed_caption), caption)
        notes = [Paragraph(f"{runs((m,))} {html.escape(t)}", note) for m, t in table.footnotes]
        unit = [Paragraph(html.escape(table.unit_line), unit_style)] if table.unit_line else []
        return ([title, *unit, grid] if s.caption_pos == "above" else [*unit, grid, title]) + notes + [Spacer(1, 6)]

    def plain(table):
        data = [list(table.header)] + [list(r) for r in table.rows]
        grid = Table(data, hAlign="LEFT", style=TableStyle([
            ("FONT", (0, 0), (-1, -1), name, size), ("FONT", (0, 0), (-1, 0), name + "-b", size),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("ALIGN", (table.numeric_from, 0), (-1, -1), "RIGHT")]))
        return ([Paragraph(html.escape(table.caption), caption)] if table.caption else []) + [grid, Spacer(1, 6)]

    portrait_size, wide_size = (landscape(A4), landscape(A4)) if s.landscape == "all" else (A4, landscape(A4))
    margin = s.margin_mm * mm

    def template(tid, size_):
        frame = Frame(margin, margin, size_[0] - 2 * margin, size_[1] - 2 * margin, id=tid)
        return PageTemplate(id=tid, frames=[frame], pagesize=size_)

    story = []
    for n, page in enumerate(pages(doc)):
        if n:
            story += [NextPageTemplate("wide" if page.landscape else "portrait"), PageBreak()]
        elif page.landscape:
            story.append(NextPageTemplate("wide"))
        for block in page.blocks:
            if block.heading:
                story.append(Paragraph(html.escape(block.heading), h1 if block.level == 1 else h2))
            story += [Paragraph(html.escape(t), body) for t in block.text]
            if block.plain:
                story += plain(block.plain)
            if block.table:
                story += budget(block.table)
    first = pages(doc)[0].landscape
    templates = [template("portrait", portrait_size), template("wide", wide_size)]
    if first:
        templates.reverse()
    BaseDocTemplate(str(out_pdf), pagesize=templates[0].pagesize, title=doc.title, invariant=1,
                    pageTemplates=templates).build(story)
