"""The editions of editions.py as Word documents (python-docx) printed to PDF by LibreOffice: Liberation
Sans 10 pt, a full cell grid, amounts centred vertically, page numbers in the footer, footnotes under the
table. Needs LibreOffice (``soffice``) and the Liberation fonts.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FONT = "Liberation Sans"


def _borders(table) -> None:
    """A single 0.5 pt line around every cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _page_number(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("Side ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
            run._r.append(element)
        else:
            run.text = text


def build_docx(edition, path: Path) -> None:
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    word = Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(22)
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_number(footer)

    def paragraph(text: str, *, size: float = 10, bold: bool = False, italic: bool = False):
        p = word.add_paragraph()
        run = p.add_run(text)
        run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic
        return p

    paragraph(edition.title, size=16, bold=True)
    for block in edition.blocks:
        if block.page_break:
            word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if block.heading:
            paragraph(block.heading, size=12, bold=True)
        if block.text:
            paragraph(block.text)
        table = block.table
        if table is not None:
            if table.caption and not table.caption_below:
                paragraph(table.caption, italic=True)
            grid = word.add_table(rows=0, cols=len(table.header))
            _borders(grid)
            rows = [("header", table.header, 0)] + [(r.kind, (r.label, *r.cells), r.indent) for r in table.rows]
            for kind, cells, indent in rows:
                cells = (*cells, *[""] * (len(table.header) - len(cells)))
                row = grid.add_row()
                for i, (cell, text) in enumerate(zip(row.cells, cells)):
                    cell.width = Mm(70) if i == 0 else Mm(24)
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                    p = cell.paragraphs[0]
                    p.paragraph_format.space_after = Pt(0)
                    p.paragraph_format.left_indent = Mm(4 * indent) if i == 0 else None
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if i else WD_ALIGN_PARAGRAPH.LEFT
                    run = p.add_run(text)
                    run.font.name, run.font.size = FONT, Pt(10)
                    run.bold = kind in ("header", "subtotal", "total", "section")
            if table.caption and table.caption_below:
                paragraph(table.caption, italic=True)
            for note in table.footnotes:
                paragraph(note, size=9)
        if block.listing:
            for label, amount in block.listing:
                paragraph(f"{label}\t{amount}")
    word.save(str(path))


def render_libreoffice(edition, out_pdf: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed for this rendering")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / f"{out_pdf.stem}.docx"
        build_docx(edition, source)
        subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", str(folder), str(source)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )
        shutil.move(str(folder / f"{out_pdf.stem}.pdf"), out_pdf)
