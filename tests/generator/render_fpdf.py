"""A generated document drawn with fpdf2 (PyPI), a fourth engine: its own text layout and table code."""

from __future__ import annotations

from pathlib import Path

from .model import GROUP, SECTION, SUBTOTAL, TOTAL, Document
from .segments import column_widths, header_cells, pages, ttf


def _text(runs) -> str:
    """fpdf2's table cells have no raised text: a raised letter marker is printed "a)"."""
    return "".join(f"{r.text})" if r.sup else r.text for r in runs)


def render(doc: Document, out_pdf: Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    s = doc.style
    pdf = FPDF(orientation="L" if s.landscape == "all" else "P", unit="mm", format="A4")
    regular, bold, italic = ttf(s.font)
    pdf.add_font("gen", "", regular)
    pdf.add_font("gen", "B", bold)
    pdf.add_font("gen", "I", italic)
    pdf.set_margins(s.margin_mm, s.margin_mm, s.margin_mm)
    pdf.set_auto_page_break(True, margin=s.margin_mm)
    pdf.set_title(doc.title)
    size = s.font_size
    line_h = size * 0.5

    def write(text: str, style: str = "", pt: float = size) -> None:
        pdf.set_font("gen", style, pt)
        pdf.multi_cell(0, pt * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def budget(table) -> None:
        header = header_cells(table)
        if s.caption_pos == "above":
            write(table.printed_caption, "I")
        if table.unit_line:
            write(table.unit_line)
        pdf.set_font("gen", "", size)
        label_w, value_w = column_widths(doc, table)
        widths = (label_w,) + (value_w,) * (len(header) - 1)
        layout = {"ruled": "ALL", "open": "HORIZONTAL_LINES", "zebra": "NONE"}[s.rules]
        fill = (230, 237, 245) if s.rules == "zebra" else None
        with pdf.table(col_widths=widths, width=sum(widths), align="LEFT", borders_layout=layout,
                       v_align={"top": "TOP", "bottom": "BOTTOM", "middle": "MIDDLE"}[s.valign],
                       text_align=("LEFT",) + ("RIGHT",) * (len(header) - 1), line_height=line_h,
                       cell_fill_color=fill, cell_fill_mode="ROWS" if fill else "NONE",
                       repeat_headings=1 if s.repeat_header else 0,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(201, 214, 230) if fill else None)) as grid:
            head = grid.row()
            for lines in header:
                head.cell("\n".join(lines))
            for line in table.lines:
                strong = line.kind in (SECTION, SUBTOTAL, TOTAL)
                face = FontFace(emphasis="BOLD" if strong else ("ITALICS" if line.kind == GROUP else None))
                row = grid.row(style=face)
                row.cell("    " * line.indent + _text(line.label), v_align="TOP")
                for runs in line.cells:
                    row.cell(_text(runs))
                for _ in range(len(header) - 1 - len(line.cells)):
                    row.cell("")
        pdf.ln(1)
        if s.caption_pos == "below":
            write(table.printed_caption, "I")
        for m, text in table.footnotes:
            write(f"{_text((m,))} {text}", pt=size - 1)
        pdf.ln(2)

    def plain(table) -> None:
        if table.caption:
            write(table.caption, "I")
        pdf.set_font("gen", "", size)
        align = tuple("RIGHT" if i >= table.numeric_from else "LEFT" for i in range(len(table.header)))
        with pdf.table(text_align=align, align="LEFT", width=pdf.epw * 0.8, line_height=line_h) as grid:
            for row in (table.header, *table.rows):
                r = grid.row()
                for text in row:
                    r.cell(text)
        pdf.ln(2)

    for page in pages(doc):
        pdf.add_page(orientation="L" if page.landscape else "P")
        for block in page.blocks:
            if block.heading:
                write(block.heading, "B", size + (5 if block.level == 1 else 2))
            for text in block.text:
                write(text)
            if block.plain:
                plain(block.plain)
            if block.table:
                budget(block.table)
    pdf.output(str(out_pdf))
