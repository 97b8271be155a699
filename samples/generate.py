"""Build the sample PDFs of "Udmøntning af projektpuljen".

The 2021 renderings are all made from the same content (``content_2021.py``)
and differ only in layout:

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

Two fictional editions, to show that other years are read without code
changes:

``2022``
    ``udmoentning-af-projektpuljen-2022.pdf`` -- ``content_2022.py`` (the
    2021 tables with the changes listed in ``CHANGES_FROM_2021``, a renamed
    and a new area) in the ``reportlab`` layout.
``2023``
    ``udmoentning-af-projektpuljen-2023.pdf`` -- ``content_2023.py``, tables
    with two year columns ("1.000 kr. | 2023 | 2024"), in the ``docx`` layout.

Every layout prints one amount column per year in the table header.

Test layouts, built into ``tests/fixtures/layouts/`` (``--fixtures``), that
the extraction has to read without having been tuned on them:

``lo-nogrid``
    Word/LibreOffice, Liberation Sans 11 pt, no borders but a line under the
    header row, 5 pt after each cell paragraph, amounts aligned to the bottom
    of the cell (on the last line of a wrapped label), captions below.
``lo-grid-center``
    Word/LibreOffice, Liberation Serif 11 pt, full grid, a narrow label
    column, amounts centred vertically, sub-items as "-<tab>label" with a
    hanging indent, captions above.
``weasy``
    HTML and CSS rendered by WeasyPrint, DejaVu Sans 10 pt, a thin line under
    every row and no vertical lines, amounts at the top of the cell, captions
    above, header rows repeated where a table breaks across pages.
``tight-lastline``
    ReportLab, Helvetica 9 pt, no rules, no top or bottom cell padding,
    amounts on the last line of a wrapped label, a narrow label column,
    captions below, no repeated header rows.

Requirements: ``reportlab`` and ``python-docx``; the Word renderings also
need LibreOffice (``soffice``) on the PATH and, for the test layouts, the
Liberation fonts. ``weasy`` needs ``weasyprint`` from PyPI (made with 70.0)
and Pango from Debian (``apt-get install libpango-1.0-0 libpangoft2-1.0-0``)
and the DejaVu fonts.

Usage::

    python samples/generate.py                  # the samples into samples/
    python samples/generate.py --out /tmp/pdf   # somewhere else
    python samples/generate.py --only compact   # one rendering (repeatable)
    python samples/generate.py --only 2023      # the 2023 edition
    python samples/generate.py --fixtures       # test layouts into tests/fixtures/layouts/
    python samples/generate.py --only weasy     # one test layout
    python samples/generate.py --editions       # editions not yet printed (samples/editions.py)
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
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
    from .content_2022 import DOCUMENT as DOCUMENT_2022
    from .content_2023 import DOCUMENT as DOCUMENT_2023
    from .producers import render_chromium, render_corporate, render_ocr_layer, render_scan
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
    from content_2022 import DOCUMENT as DOCUMENT_2022
    from content_2023 import DOCUMENT as DOCUMENT_2023
    from producers import render_chromium, render_corporate, render_ocr_layer, render_scan

HERE = Path(__file__).resolve().parent
STEM = "udmoentning-af-projektpuljen-2021"
DOCUMENT_DATE = datetime.datetime(2020, 12, 15, 12, 0, 0)
# Creation dates of the Word renderings of the other editions, by title.
DOCUMENT_DATES = {DOCUMENT_2023.title: datetime.datetime(2022, 12, 13, 12, 0, 0)}
SUBITEM_PREFIX = " - "


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------


def row_label(row: Row) -> str:
    """The label as printed in the table."""
    if row.kind == SUBITEM:
        return SUBITEM_PREFIX + row.label
    return row.label


def year_count(table: Table) -> int:
    """How many year columns the table has, from its header row."""
    return len(amount_cells(table.rows[0]))


def amount_cells(row: Row, count: int = 0) -> tuple[str, ...]:
    """The row's amount cells, one per year column, padded with empty cells
    to ``count``. A row of a one-year table has only ``amount``; one of a
    table that plans several years has ``amounts``."""
    amounts = getattr(row, "amounts", ()) or (row.amount,)
    return amounts + ("",) * (count - len(amounts))


def row_cells(row: Row, count: int) -> tuple[str, ...]:
    """Label and amount cells of a row in a table of ``count`` years."""
    return (row_label(row), *amount_cells(row, count))


def column_widths(widths: tuple[float, float], count: int) -> tuple[float, ...]:
    """The label column's width, then the amount width for each year column."""
    label, amount = widths
    return (label,) + (amount,) * count


def footer_text(doc: Document, page: int) -> str:
    return f"{doc.reference} Side {page}"


def notes_and_caption(table: Table) -> list[tuple[str, str]]:
    """Footnotes and caption below a table, in printed order."""
    notes = [("note", text) for text in table.footnotes]
    caption = [("caption", table.caption)]
    return caption + notes if table.footnotes_after_caption else notes + caption


def notes_around(
    table: Table, caption_above: bool
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Caption and footnotes as (above the table, below the table)."""
    if caption_above:
        return [("caption", table.caption)], [("note", t) for t in table.footnotes]
    return [], notes_and_caption(table)


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


@dataclass(frozen=True)
class DocxLayout:
    """What differs between the renderings made with Word and LibreOffice."""

    font: str = "Arial"
    size: float = 10  # body text and table cells, in pt
    leading: float = 13  # body text line spacing
    cell_leading: float = 12
    widths: tuple[float, float] = (86, 24)  # label and each amount column, in mm
    grid: bool = True  # full cell grid; else only a rule under the header
    header_fill: str | None = "D9E2EC"
    valign: str = "TOP"  # TOP, CENTER or BOTTOM
    cell_space: tuple[float, float] = (1, 1)  # before and after, in pt
    gap_space: float = 6  # space before a row that stands apart
    hanging_subitems: bool = False  # "-<tab>label" with a hanging indent
    caption_above: bool = False


DOCX_GRID = DocxLayout()


def _docx_header_rule(grid) -> None:
    """No borders anywhere, but a line under the header row."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def border(parent, edge: str, value: str) -> None:
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), "6")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        parent.append(element)

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border(borders, edge, "nil")
    grid._tbl.tblPr.append(borders)
    for cell in grid.rows[0].cells:
        cell_borders = OxmlElement("w:tcBorders")
        border(cell_borders, "bottom", "single")
        cell._tc.get_or_add_tcPr().append(cell_borders)


def _docx_hanging_subitem(paragraph, label: str) -> None:
    """A sub-item as "-", a tab and the label, wrapped lines under the label."""
    from docx.shared import Mm

    indent = Mm(6)
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.first_line_indent = Mm(3) - indent
    paragraph.paragraph_format.tab_stops.add_tab_stop(indent)
    paragraph.add_run(SUBITEM_PREFIX.strip() + "\t" + label)


def build_docx(doc: Document, path: Path, layout: DocxLayout = DOCX_GRID) -> None:
    from docx import Document as WordDocument
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    word = WordDocument()
    font = layout.font

    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = Mm(25)
    section.bottom_margin = Mm(25)
    section.header_distance = section.footer_distance = Mm(12)

    styles = word.styles
    normal = styles["Normal"]
    _docx_font(normal, font, layout.size)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = Pt(layout.leading)

    heading = styles["Heading 1"]
    _docx_font(heading, font, 12, bold=True)
    heading.paragraph_format.space_before = Pt(16)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True

    title = _docx_paragraph_style(word, "Document Title")
    _docx_font(title, font, 18, bold=True)
    title.paragraph_format.space_after = Pt(6)
    title.paragraph_format.line_spacing = Pt(22)

    subtitle = _docx_paragraph_style(word, "Document Subtitle")
    _docx_font(subtitle, font, 11)
    subtitle.paragraph_format.space_after = Pt(18)
    subtitle.paragraph_format.line_spacing = Pt(14)

    cell_style = _docx_paragraph_style(word, "Table Text")
    _docx_font(cell_style, font, layout.size)
    cell_style.paragraph_format.space_after = Pt(0)
    cell_style.paragraph_format.line_spacing = Pt(layout.cell_leading)

    caption = styles["Caption"]
    _docx_font(caption, font, 9, bold=False, italic=True)
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.space_after = Pt(6)

    note = _docx_paragraph_style(word, "Table Note")
    _docx_font(note, font, 8.5)
    note.paragraph_format.space_before = Pt(2)
    note.paragraph_format.space_after = Pt(4)
    note.paragraph_format.line_spacing = Pt(10.5)

    footer_style = _docx_paragraph_style(word, "Page Footer")
    _docx_font(footer_style, font, 8)
    footer_style.paragraph_format.space_after = Pt(0)

    footer = section.footer.paragraphs[0]
    footer.style = footer_style
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{doc.reference} Side ")
    _docx_page_field(footer)

    word.add_paragraph(doc.title, style=title)
    word.add_paragraph(doc.subtitle, style=subtitle)

    def add_notes(notes: list[tuple[str, str]], keep_last: bool) -> None:
        for position, (kind, text) in enumerate(notes, start=1):
            paragraph = word.add_paragraph(
                text, style=caption if kind == "caption" else note
            )
            paragraph.paragraph_format.keep_with_next = (
                keep_last or position < len(notes)
            )

    valign = getattr(WD_CELL_VERTICAL_ALIGNMENT, layout.valign)
    space_before, space_after = layout.cell_space
    for area in doc.areas:
        word.add_paragraph(area.heading, style=heading)
        for text in area.paragraphs:
            word.add_paragraph(text)

        above, below = notes_around(area.table, layout.caption_above)
        add_notes(above, keep_last=True)

        years = year_count(area.table)
        widths = tuple(Mm(width) for width in column_widths(layout.widths, years))
        grid = word.add_table(rows=0, cols=len(widths))
        if layout.grid:
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
            hanging = row.kind == SUBITEM and layout.hanging_subitems
            texts = row_cells(row, years)
            for column, (cell, width, text) in enumerate(
                zip(table_row.cells, widths, texts)
            ):
                cell.width = width
                cell.vertical_alignment = valign
                paragraph = cell.paragraphs[0]
                paragraph.style = cell_style
                paragraph.paragraph_format.space_before = Pt(
                    layout.gap_space if row.gap else space_before
                )
                paragraph.paragraph_format.space_after = Pt(space_after)
                # Keep the first and last rows together with their
                # neighbours so that a table never leaves only its header or
                # its total behind when it continues on the next page.
                paragraph.paragraph_format.keep_with_next = (
                    index < 3 or index >= len(rows) - 3
                )
                if column == 0 and hanging:
                    _docx_hanging_subitem(paragraph, row.label)
                elif text:
                    run = paragraph.add_run(text)
                    run.bold = strong
                    run.italic = row.kind == GROUP
                if row.kind == HEADER and layout.header_fill:
                    _docx_cell_shading(cell, layout.header_fill)
            for amount_cell in table_row.cells[1:]:
                amount_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if not layout.grid:
            _docx_header_rule(grid)

        add_notes(below, keep_last=False)

    props = word.core_properties
    props.title = doc.title
    props.subject = doc.subtitle
    props.author = doc.author
    props.last_modified_by = doc.author
    props.language = "da-DK"
    props.created = props.modified = DOCUMENT_DATES.get(doc.title, DOCUMENT_DATE)
    props.revision = 1

    word.save(path)


def render_docx(doc: Document, out_pdf: Path, layout: DocxLayout = DOCX_GRID) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed for the docx rendering")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        source = tmp_dir / f"{out_pdf.stem}.docx"
        build_docx(doc, source, layout)
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


# Both test layouts are set in 11 pt, as many Word documents are.
DOCX_11PT = DocxLayout(size=11, leading=14, cell_leading=13)


def render_lo_nogrid(doc: Document, out_pdf: Path) -> None:
    """No borders but a rule under the header, amounts on the last line."""
    layout = replace(
        DOCX_11PT,
        font="Liberation Sans",
        widths=(108, 26),
        grid=False,
        header_fill=None,
        valign="BOTTOM",
        cell_space=(0, 5),
        gap_space=4,
    )
    render_docx(doc, out_pdf, layout)


def render_lo_grid_center(doc: Document, out_pdf: Path) -> None:
    """Full grid, narrow labels, amounts centred, captions above."""
    layout = replace(
        DOCX_11PT,
        font="Liberation Serif",
        widths=(58, 24),
        header_fill="E7E6E6",
        valign="CENTER",
        cell_space=(2, 2),
        hanging_subitems=True,
        caption_above=True,
    )
    render_docx(doc, out_pdf, layout)


# Word's plain table: no borders, no cell padding above or below, no space between
# paragraphs, so wrapped lines and rows are spaced alike; a narrow label column.
WORD_PLAIN = replace(
    DOCX_11PT, grid=False, header_fill=None, cell_space=(0, 0), gap_space=0, widths=(60, 20)
)


def render_word_plain_bottom(doc: Document, out_pdf: Path) -> None:
    """Word's plain table, amounts on the last line of a wrapped label."""
    render_docx(doc, out_pdf, replace(WORD_PLAIN, valign="BOTTOM"))


def render_word_plain_top(doc: Document, out_pdf: Path) -> None:
    """Word's plain table, amounts on the first line of a wrapped label."""
    render_docx(doc, out_pdf, replace(WORD_PLAIN, valign="TOP"))


def render_word_plain_hanging(doc: Document, out_pdf: Path) -> None:
    """Word's plain table with sub-items as dash, tab and a hanging indent."""
    render_docx(doc, out_pdf, replace(WORD_PLAIN, widths=(70, 22), hanging_subitems=True))


def render_grid_bottom_narrow(doc: Document, out_pdf: Path) -> None:
    """A full grid, a very narrow label column, amounts at the bottom of their cells."""
    render_docx(doc, out_pdf, replace(DOCX_11PT, valign="BOTTOM", widths=(55, 20)))


# ---------------------------------------------------------------------------
# ReportLab
# ---------------------------------------------------------------------------


def para(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def table_row(row: Row, years: int, style) -> list:
    """A table row's cells for ReportLab: the label as a paragraph, then the
    amounts as plain strings."""
    label, *amounts = row_cells(row, years)
    return [para(label.strip(), style), *amounts]


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


@dataclass(frozen=True)
class OpenLayout:
    """What differs between the ReportLab renderings in Helvetica with the
    amount on the last line of a label and the caption below the table."""

    size: float = 10  # body text and table cells, in pt
    leading: float = 13
    cell_leading: float = 12
    widths: tuple[float, float] = (100, 24)  # label and each amount column, in mm
    padding: float = 2.5  # above and below every cell
    gap_padding: float = 9  # below the row before one that stands apart
    rules: bool = True  # under the header, above subtotals and the total
    repeat_header: bool = True
    keep_space: float = 72  # start a table on a new page if less is left
    margin: float = 25  # page margins, in mm


def _render_open(doc: Document, out_pdf: Path, layout: OpenLayout) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    body = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=layout.size,
        leading=layout.leading, spaceAfter=7,
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
    cell = ParagraphStyle(
        "cell", fontName="Helvetica", fontSize=layout.size,
        leading=layout.cell_leading,
    )
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
        years = year_count(table)
        data = []
        commands = [
            ("FONT", (0, 0), (-1, -1), "Helvetica", layout.size),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), layout.padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), layout.padding),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (1, 0), (-1, -1), 0),
        ]
        if layout.rules:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
        for i, row in enumerate(table.rows):
            style = cell_styles.get(row.kind, cell)
            data.append(table_row(row, years, style))
            if row.kind in (HEADER, SUBTOTAL, TOTAL):
                commands.append(
                    ("FONT", (1, i), (-1, i), "Helvetica-Bold", layout.size)
                )
            if row.gap and i > 0:
                commands.append(
                    ("BOTTOMPADDING", (0, i - 1), (-1, i - 1), layout.gap_padding)
                )
            if row.kind == SUBTOTAL and layout.rules:
                commands.append(("LINEABOVE", (0, i), (-1, i), 0.3, colors.grey))
            if row.kind == TOTAL and layout.rules:
                commands.append(("LINEABOVE", (0, i), (-1, i), 0.8, colors.black))
        return RLTable(
            data,
            colWidths=tuple(width * mm for width in column_widths(layout.widths, years)),
            repeatRows=1 if layout.repeat_header else 0,
            hAlign="LEFT",
            style=TableStyle(commands),
        )

    story = [para(doc.title, title), para(doc.subtitle, subtitle)]
    for area in doc.areas:
        story.append(para(area.heading, heading))
        story.extend(para(text, body) for text in area.paragraphs)
        if layout.keep_space:
            story.append(CondPageBreak(layout.keep_space))
        story.append(table_flowable(area.table))
        story.append(Spacer(1, 4))
        for kind, text in notes_and_caption(area.table):
            story.append(para(text, caption if kind == "caption" else note))
        story.append(Spacer(1, 6))

    margin = layout.margin * mm
    footer = _reportlab_footer(doc, "Helvetica", A4[0] - margin, 12 * mm)
    _reportlab_build(doc, out_pdf, story, (margin, margin, margin, margin), footer)


def render_reportlab(doc: Document, out_pdf: Path) -> None:
    _render_open(doc, out_pdf, OpenLayout())


def render_tight_lastline(doc: Document, out_pdf: Path) -> None:
    """Helvetica 9 pt, no rules, no cell padding, narrow labels."""
    layout = OpenLayout(
        size=9,
        leading=11.5,
        cell_leading=10.8,
        widths=(60, 20),
        padding=0,
        gap_padding=0,
        rules=False,
        repeat_header=False,
        keep_space=0,
        margin=22,
    )
    _render_open(doc, out_pdf, layout)


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
        years = year_count(table)
        data = []
        commands = [
            ("FONT", (0, 0), (-1, -1), "Times-Roman", 10),
            ("LEADING", (0, 0), (-1, -1), 11.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 6),
        ]
        for i, row in enumerate(table.rows):
            style = cell_styles.get(row.kind, cell)
            data.append(table_row(row, years, style))
            if row.kind in (HEADER, SUBTOTAL, TOTAL):
                commands.append(("FONT", (1, i), (-1, i), "Times-Bold", 10))
            if row.gap:
                commands.append(("TOPPADDING", (0, i), (-1, i), 5))
        return RLTable(
            data,
            colWidths=tuple(width * mm for width in column_widths((62, 18), years)),
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
# HTML + CSS -> PDF (WeasyPrint)
# ---------------------------------------------------------------------------

WEASY_CSS = """
@page {
  size: A4;
  margin: 22mm 22mm 24mm 22mm;
  @bottom-center {
    content: "%(reference)s Side " counter(page);
    font: 8pt "DejaVu Sans";
  }
}
body { font: 10pt/1.4 "DejaVu Sans"; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
p.subtitle { font-size: 11pt; margin: 0 0 16pt; }
h2 { font-size: 12pt; margin: 16pt 0 6pt; break-after: avoid; }
p { margin: 0 0 7pt; }
table { border-collapse: collapse; width: 130mm; margin: 10pt 0 0; }
caption { caption-side: top; text-align: left; font-weight: bold;
          font-size: 9.5pt; padding-bottom: 4pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #777; padding: 2pt 3pt; text-align: left;
         vertical-align: top; }
th { border-bottom: 1pt solid #000; }
.amount { width: 24mm; text-align: right; }
.section, .subtotal, .total { font-weight: bold; }
.group { font-style: italic; }
.subitem { padding-left: 10pt; }
.gap td { padding-top: 8pt; }
p.note { font-size: 8.5pt; margin: 4pt 0 0; }
"""


def build_html(doc: Document) -> str:
    def cells(row: Row, tag: str, years: int) -> str:
        label, *amounts = row_cells(row, years)
        return f'<{tag} class="{row.kind}">{escape(label.strip())}</{tag}>' + "".join(
            f'<{tag} class="amount">{escape(amount)}</{tag}>' for amount in amounts
        )

    parts = [
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title>",
        f'<meta name="author" content="{escape(doc.author)}">',
        f"<style>{WEASY_CSS % {'reference': doc.reference}}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="subtitle">{escape(doc.subtitle)}</p>',
    ]
    for area in doc.areas:
        parts.append(f"<h2>{escape(area.heading)}</h2>")
        parts.extend(f"<p>{escape(text)}</p>" for text in area.paragraphs)
        above, below = notes_around(area.table, caption_above=True)
        years = year_count(area.table)
        header, *rows = area.table.rows
        parts.append(f"<table><caption>{escape(above[0][1])}</caption>")
        parts.append(f"<thead><tr>{cells(header, 'th', years)}</tr></thead><tbody>")
        for row in rows:
            gap = ' class="gap"' if row.gap else ""
            parts.append(f"<tr{gap}>{cells(row, 'td', years)}</tr>")
        parts.append("</tbody></table>")
        parts.extend(f'<p class="note">{escape(text)}</p>' for _, text in below)
    parts.append("</body></html>")
    return "\n".join(parts)


def render_weasy(doc: Document, out_pdf: Path) -> None:
    from weasyprint import HTML

    HTML(string=build_html(doc)).write_pdf(out_pdf)


# ---------------------------------------------------------------------------
# A copy with deliberate errors, for the reconciliation
# ---------------------------------------------------------------------------

# (table number, printed label, wrong amount). The Mobilitet Total is raised
# along with its subtotal, as a Total summed from the wrong subtotal would be;
# the Klima Total is wrong on its own. The prose slip of the real document
# (0,537 for 0,587 mio. kr.) is corrected, so that only the planted errors remain.
PROSE_CORRECTIONS = (("0,537 mio. kr.", "0,587 mio. kr."),)
PLANTED_ERRORS = (
    (1, "Tilskudsmidler i alt", "1.600"),
    (1, "Total", "2.100"),
    (6, "Total", "2.150"),
)


def with_planted_errors(doc: Document) -> Document:
    """The document with the amounts in PLANTED_ERRORS printed instead of the true ones, and its prose corrected."""
    wrong = {(number, label): amount for number, label, amount in PLANTED_ERRORS}

    def fix(table: Table) -> Table:
        rows = tuple(
            dataclasses.replace(row, amount=wrong.get((table.number, row.label), row.amount)) for row in table.rows
        )
        return dataclasses.replace(table, rows=rows)

    def correct(paragraph: str) -> str:
        for printed, corrected in PROSE_CORRECTIONS:
            paragraph = paragraph.replace(printed, corrected)
        return paragraph

    areas = tuple(
        dataclasses.replace(area, table=fix(area.table), paragraphs=tuple(correct(p) for p in area.paragraphs))
        for area in doc.areas
    )
    return dataclasses.replace(doc, areas=areas)


def render_planted_errors(doc: Document, out_pdf: Path) -> None:
    render_reportlab(with_planted_errors(doc), out_pdf)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

SAMPLES_DIR = HERE
FIXTURES_DIR = HERE.parent / "tests" / "fixtures" / "layouts"
EDITIONS_DIR = HERE.parent / "tests" / "fixtures" / "editions"

# name: (file name, renderer, default folder, document)
RENDERINGS = {
    "docx": (f"{STEM}.pdf", render_docx, SAMPLES_DIR, DOCUMENT),
    "reportlab": (f"{STEM}-reportlab.pdf", render_reportlab, SAMPLES_DIR, DOCUMENT),
    "compact": (f"{STEM}-compact.pdf", render_compact, SAMPLES_DIR, DOCUMENT),
    "planted-errors": (
        f"{STEM}-planted-errors.pdf", render_planted_errors, SAMPLES_DIR, DOCUMENT
    ),
    "2022": (
        "udmoentning-af-projektpuljen-2022.pdf", render_reportlab, SAMPLES_DIR,
        DOCUMENT_2022,
    ),
    "2023": (
        "udmoentning-af-projektpuljen-2023.pdf", render_docx, SAMPLES_DIR,
        DOCUMENT_2023,
    ),
    "chromium": (f"{STEM}-chromium.pdf", render_chromium, SAMPLES_DIR, DOCUMENT),  # other producers: producers.py
    "corporate": (f"{STEM}-corporate.pdf", render_corporate, SAMPLES_DIR, DOCUMENT),
    "ocr-layer": (f"{STEM}-ocr-layer.pdf", render_ocr_layer, SAMPLES_DIR, DOCUMENT),
    "scan": (f"{STEM}-scan.pdf", render_scan, SAMPLES_DIR, DOCUMENT),
    "lo-nogrid": ("lo-nogrid.pdf", render_lo_nogrid, FIXTURES_DIR, DOCUMENT),
    "lo-grid-center": ("lo-grid-center.pdf", render_lo_grid_center, FIXTURES_DIR, DOCUMENT),
    "weasy": ("weasy.pdf", render_weasy, FIXTURES_DIR, DOCUMENT),
    "tight-lastline": ("tight-lastline.pdf", render_tight_lastline, FIXTURES_DIR, DOCUMENT),
    "word-plain-bottom": ("word-plain-bottom.pdf", render_word_plain_bottom, FIXTURES_DIR, DOCUMENT),
    "word-plain-top": ("word-plain-top.pdf", render_word_plain_top, FIXTURES_DIR, DOCUMENT),
    "word-plain-hanging": ("word-plain-hanging.pdf", render_word_plain_hanging, FIXTURES_DIR, DOCUMENT),
    "2022-grid-bottom": ("2022-grid-bottom.pdf", render_grid_bottom_narrow, EDITIONS_DIR, DOCUMENT_2022),
    "2022-word-plain-top": ("2022-word-plain-top.pdf", render_word_plain_top, EDITIONS_DIR, DOCUMENT_2022),
    "2023-weasy": ("2023-weasy.pdf", render_weasy, EDITIONS_DIR, DOCUMENT_2023),
    "2023-tight-lastline": ("2023-tight-lastline.pdf", render_tight_lastline, EDITIONS_DIR, DOCUMENT_2023),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--out",
        type=Path,
        help="output folder (default: samples/, or tests/fixtures/layouts/ "
        "for the test layouts)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=list(RENDERINGS),
        metavar="NAME",
        help="build only this rendering: " + ", ".join(RENDERINGS),
    )
    parser.add_argument(
        "--fixtures",
        action="store_true",
        help="build the test layouts instead of the samples",
    )
    parser.add_argument("--editions", action="store_true", help="build the editions not yet printed (editions.py)")
    args = parser.parse_args(argv)
    if args.editions:  # their own generator: Chromium and ReportLab renderings of later and earlier editions
        return subprocess.run([sys.executable, str(HERE / "editions.py"), *(["--out", str(args.out)] if args.out else [])]).returncode

    wanted = {FIXTURES_DIR, EDITIONS_DIR} if args.fixtures else {SAMPLES_DIR}
    names = args.only or [n for n, r in RENDERINGS.items() if r[2] in wanted]
    for name in names:
        filename, render, folder, document = RENDERINGS[name]
        target = (args.out or folder) / filename
        target.parent.mkdir(parents=True, exist_ok=True)
        render(document, target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
