"""Build the sample PDFs of "Udmøntning af projektpuljen 2021".

All renderings are made from the same content (``content_2021.py``) and
differ only in layout:

``docx``
    ``udmoentning-af-projektpuljen-2021.pdf`` -- Word document written with
    python-docx and converted to PDF by LibreOffice. Tables with a full cell
    grid, amounts on the first line of a wrapped label.
``reportlab``
    ``udmoentning-af-projektpuljen-2021-reportlab.pdf`` -- ReportLab, open
    tables with horizontal rules only, amounts on the last line of a wrapped
    label, header row repeated when a table continues on the next page.
``compact``
    ``udmoentning-af-projektpuljen-2021-compact.pdf`` -- ReportLab, Times
    10 pt, no rules, captions above the tables, tight cells, no repeated
    header rows.

Requirements: ``reportlab`` and ``python-docx``; the ``docx`` rendering also
needs LibreOffice (``soffice``) on the PATH.

Usage::

    python samples/generate.py                 # all renderings into samples/
    python samples/generate.py --out /tmp/pdf  # somewhere else
    python samples/generate.py --only compact  # one rendering (repeatable)
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

try:
    from .content_2021 import (
        DOCUMENT,
        GROUP,
        HEADER,
        SECTION,
        SUBITEM,
        SUBTOTAL,
        TOTAL,
        Document,
        Row,
        Table,
    )
except ImportError:
    from content_2021 import (
        DOCUMENT,
        GROUP,
        HEADER,
        SECTION,
        SUBITEM,
        SUBTOTAL,
        TOTAL,
        Document,
        Row,
        Table,
    )

HERE = Path(__file__).resolve().parent
STEM = "udmoentning-af-projektpuljen-2021"
DOCUMENT_DATE = datetime.datetime(2020, 12, 15, 12, 0, 0)
SUBITEM_PREFIX = " - "


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------


def row_label(row: Row) -> str:
    """The label as printed in the table."""
    if row.kind == SUBITEM:
        return SUBITEM_PREFIX + row.label
    return row.label


def footer_text(doc: Document, page: int) -> str:
    return f"{doc.reference} Side {page}"


def notes_and_caption(table: Table) -> list[tuple[str, str]]:
    """Footnotes and caption below a table, in printed order."""
    notes = [("note", text) for text in table.footnotes]
    caption = [("caption", table.caption)]
    return caption + notes if table.footnotes_after_caption else notes + caption


# ---------------------------------------------------------------------------
# DOCX -> PDF (LibreOffice)
# ---------------------------------------------------------------------------


def _docx_font(style, name: str, size: float, bold=None, italic=None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = name
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style.element.rPr.rFonts
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), name)
    rfonts.set(qn("w:cs"), name)


def _docx_paragraph_style(doc, name: str, base: str = "Normal"):
    from docx.enum.style import WD_STYLE_TYPE

    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    return style


def _docx_page_field(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run("1")
    fld_char("end")


def _docx_cell_shading(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _docx_row_flag(row, tag: str) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def build_docx(doc: Document, path: Path) -> None:
    from docx import Document as WordDocument
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    word = WordDocument()

    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = Mm(25)
    section.bottom_margin = Mm(25)
    section.header_distance = section.footer_distance = Mm(12)

    styles = word.styles
    normal = styles["Normal"]
    _docx_font(normal, "Arial", 10)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = Pt(13)

    heading = styles["Heading 1"]
    _docx_font(heading, "Arial", 12, bold=True)
    heading.paragraph_format.space_before = Pt(16)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True

    title = _docx_paragraph_style(word, "Document Title")
    _docx_font(title, "Arial", 18, bold=True)
    title.paragraph_format.space_after = Pt(6)
    title.paragraph_format.line_spacing = Pt(22)

    subtitle = _docx_paragraph_style(word, "Document Subtitle")
    _docx_font(subtitle, "Arial", 11)
    subtitle.paragraph_format.space_after = Pt(18)
    subtitle.paragraph_format.line_spacing = Pt(14)

    cell_style = _docx_paragraph_style(word, "Table Text")
    _docx_font(cell_style, "Arial", 10)
    cell_style.paragraph_format.space_after = Pt(0)
    cell_style.paragraph_format.line_spacing = Pt(12)

    caption = styles["Caption"]
    _docx_font(caption, "Arial", 9, bold=False, italic=True)
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.space_after = Pt(6)

    note = _docx_paragraph_style(word, "Table Note")
    _docx_font(note, "Arial", 8.5)
    note.paragraph_format.space_before = Pt(2)
    note.paragraph_format.space_after = Pt(4)
    note.paragraph_format.line_spacing = Pt(10.5)

    footer_style = _docx_paragraph_style(word, "Page Footer")
    _docx_font(footer_style, "Arial", 8)
    footer_style.paragraph_format.space_after = Pt(0)

    footer = section.footer.paragraphs[0]
    footer.style = footer_style
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{doc.reference} Side ")
    _docx_page_field(footer)

    word.add_paragraph(doc.title, style=title)
    word.add_paragraph(doc.subtitle, style=subtitle)

    widths = (Mm(86), Mm(24))
    for area in doc.areas:
        word.add_paragraph(area.heading, style=heading)
        for text in area.paragraphs:
            word.add_paragraph(text)

        grid = word.add_table(rows=0, cols=2)
        grid.style = styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        grid.autofit = False
        for column, width in zip(grid.columns, widths):
            column.width = width

        rows = area.table.rows
        for index, row in enumerate(rows):
            table_row = grid.add_row()
            _docx_row_flag(table_row, "w:cantSplit")
            if row.kind == HEADER:
                _docx_row_flag(table_row, "w:tblHeader")
            strong = row.kind in (HEADER, SECTION, SUBTOTAL, TOTAL)
            for cell, width, text in zip(
                table_row.cells, widths, (row_label(row), row.amount)
            ):
                cell.width = width
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
                paragraph = cell.paragraphs[0]
                paragraph.style = cell_style
                paragraph.paragraph_format.space_before = Pt(
                    6 if row.gap else 1
                )
                paragraph.paragraph_format.space_after = Pt(1)
                # Keep the first and last rows together with their
                # neighbours so that a table never leaves only its header or
                # its total behind when it continues on the next page.
                paragraph.paragraph_format.keep_with_next = (
                    index < 3 or index >= len(rows) - 3
                )
                if text:
                    run = paragraph.add_run(text)
                    run.bold = strong
                    run.italic = row.kind == GROUP
                if row.kind == HEADER:
                    _docx_cell_shading(cell, "D9E2EC")
            table_row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

        below = notes_and_caption(area.table)
        for position, (kind, text) in enumerate(below, start=1):
            paragraph = word.add_paragraph(
                text, style=caption if kind == "caption" else note
            )
            paragraph.paragraph_format.keep_with_next = position < len(below)

    props = word.core_properties
    props.title = doc.title
    props.subject = doc.subtitle
    props.author = doc.author
    props.last_modified_by = doc.author
    props.language = "da-DK"
    props.created = props.modified = DOCUMENT_DATE
    props.revision = 1

    word.save(path)


def render_docx(doc: Document, out_pdf: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed for the docx rendering")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        source = tmp_dir / f"{out_pdf.stem}.docx"
        build_docx(doc, source)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(tmp_dir / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_dir),
                str(source),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=300,
        )
        shutil.move(str(tmp_dir / f"{out_pdf.stem}.pdf"), out_pdf)


# ---------------------------------------------------------------------------
# ReportLab
# ---------------------------------------------------------------------------


def para(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def _reportlab_footer(doc: Document, font: str, x_right: float, y: float):
    def draw(canvas, _template) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawRightString(x_right, y, footer_text(doc, canvas.getPageNumber()))
        canvas.restoreState()

    return draw


def _reportlab_build(doc: Document, out_pdf: Path, story, margins, footer) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    left, right, top, bottom = margins
    template = SimpleDocTemplate(
        str(out_pdf),
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=doc.title,
        author=doc.author,
        subject=doc.subtitle,
        creator=doc.author,
        lang="da-DK",
        invariant=1,
    )
    template.build(story, onFirstPage=footer, onLaterPages=footer)


def render_reportlab(doc: Document, out_pdf: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    body = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=7
    )
    title = ParagraphStyle(
        "title", parent=body, fontName="Helvetica-Bold", fontSize=18, leading=22,
        spaceAfter=6,
    )
    subtitle = ParagraphStyle(
        "subtitle", parent=body, fontSize=11, leading=14, spaceAfter=18
    )
    heading = ParagraphStyle(
        "heading", parent=body, fontName="Helvetica-Bold", fontSize=12,
        leading=15, spaceBefore=10, spaceAfter=6, keepWithNext=1,
    )
    caption = ParagraphStyle(
        "caption", parent=body, fontName="Helvetica-Oblique", fontSize=9,
        leading=11, spaceBefore=4, spaceAfter=6,
    )
    note = ParagraphStyle(
        "note", parent=body, fontSize=8.5, leading=10.5, spaceBefore=2,
        spaceAfter=4,
    )
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
    bold = ParagraphStyle("cell-bold", parent=cell, fontName="Helvetica-Bold")
    cell_styles = {
        HEADER: bold,
        SECTION: bold,
        GROUP: ParagraphStyle("cell-group", parent=cell, fontName="Helvetica-Oblique"),
        SUBITEM: ParagraphStyle("cell-subitem", parent=cell, leftIndent=4),
        SUBTOTAL: bold,
        TOTAL: bold,
    }

    def table_flowable(table: Table) -> RLTable:
        data = []
        commands = [
            ("FONT", (0, 0), (-1, -1), "Helvetica", 10),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
        for i, row in enumerate(table.rows):
            style = cell_styles.get(row.kind, cell)
            data.append([para(row_label(row).strip(), style), row.amount])
            if row.kind in (HEADER, SUBTOTAL, TOTAL):
                commands.append(("FONT", (1, i), (1, i), "Helvetica-Bold", 10))
            if row.gap and i > 0:
                commands.append(("BOTTOMPADDING", (0, i - 1), (-1, i - 1), 9))
            if row.kind == SUBTOTAL:
                commands.append(("LINEABOVE", (0, i), (-1, i), 0.3, colors.grey))
            if row.kind == TOTAL:
                commands.append(("LINEABOVE", (0, i), (-1, i), 0.8, colors.black))
        return RLTable(
            data,
            colWidths=(100 * mm, 24 * mm),
            repeatRows=1,
            hAlign="LEFT",
            style=TableStyle(commands),
        )

    story = [para(doc.title, title), para(doc.subtitle, subtitle)]
    for area in doc.areas:
        story.append(para(area.heading, heading))
        story.extend(para(text, body) for text in area.paragraphs)
        story.append(CondPageBreak(72))
        story.append(table_flowable(area.table))
        story.append(Spacer(1, 4))
        for kind, text in notes_and_caption(area.table):
            story.append(para(text, caption if kind == "caption" else note))
        story.append(Spacer(1, 6))

    margin = 25 * mm
    footer = _reportlab_footer(doc, "Helvetica", A4[0] - margin, 12 * mm)
    _reportlab_build(doc, out_pdf, story, (margin, margin, margin, margin), footer)


def render_compact(doc: Document, out_pdf: Path) -> None:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    body = ParagraphStyle(
        "body", fontName="Times-Roman", fontSize=10, leading=12, spaceAfter=6,
        alignment=TA_JUSTIFY,
    )
    title = ParagraphStyle(
        "title", parent=body, fontName="Times-Bold", fontSize=16, leading=19,
        spaceAfter=4,
    )
    subtitle = ParagraphStyle(
        "subtitle", parent=body, fontName="Times-Italic", fontSize=11,
        leading=13, spaceAfter=12,
    )
    heading = ParagraphStyle(
        "heading", parent=body, fontName="Times-Bold", fontSize=11, leading=13,
        spaceBefore=8, spaceAfter=4, keepWithNext=1,
    )
    caption = ParagraphStyle(
        "caption", parent=body, fontName="Times-Bold", fontSize=10, leading=12,
        spaceBefore=4, spaceAfter=3,
    )
    note = ParagraphStyle(
        "note", parent=body, fontSize=8.5, leading=10, spaceBefore=3,
        spaceAfter=4,
    )
    cell = ParagraphStyle("cell", fontName="Times-Roman", fontSize=10, leading=11.5)
    bold = ParagraphStyle("cell-bold", parent=cell, fontName="Times-Bold")
    cell_styles = {
        HEADER: bold,
        SECTION: ParagraphStyle("cell-section", parent=cell, fontName="Times-Italic"),
        SUBITEM: ParagraphStyle("cell-subitem", parent=cell, leftIndent=6),
        SUBTOTAL: bold,
        TOTAL: bold,
    }

    def table_flowable(table: Table) -> RLTable:
        data = []
        commands = [
            ("FONT", (0, 0), (-1, -1), "Times-Roman", 10),
            ("LEADING", (0, 0), (-1, -1), 11.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 6),
        ]
        for i, row in enumerate(table.rows):
            style = cell_styles.get(row.kind, cell)
            data.append([para(row_label(row).strip(), style), row.amount])
            if row.kind in (HEADER, SUBTOTAL, TOTAL):
                commands.append(("FONT", (1, i), (1, i), "Times-Bold", 10))
            if row.gap:
                commands.append(("TOPPADDING", (0, i), (-1, i), 5))
        return RLTable(
            data,
            colWidths=(62 * mm, 18 * mm),
            repeatRows=0,
            hAlign="LEFT",
            style=TableStyle(commands),
        )

    story = [para(doc.title, title), para(doc.subtitle, subtitle)]
    for area in doc.areas:
        table = area.table
        story.append(para(area.heading, heading))
        story.extend(para(text, body) for text in area.paragraphs)
        story.append(CondPageBreak(60))
        story.append(para(table.caption, caption))
        story.append(table_flowable(table))
        story.extend(para(text, note) for text in table.footnotes)

    margin = 20 * mm
    footer = _reportlab_footer(doc, "Times-Roman", A4[0] - margin, 10 * mm)
    _reportlab_build(doc, out_pdf, story, (margin, margin, margin, margin), footer)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

RENDERINGS = {
    "docx": (f"{STEM}.pdf", render_docx),
    "reportlab": (f"{STEM}-reportlab.pdf", render_reportlab),
    "compact": (f"{STEM}-compact.pdf", render_compact),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--out", type=Path, default=HERE, help="output folder (default: samples/)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(RENDERINGS),
        metavar="NAME",
        help="build only this rendering: " + ", ".join(RENDERINGS),
    )
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.only or RENDERINGS:
        filename, render = RENDERINGS[name]
        target = args.out / filename
        render(DOCUMENT, target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
