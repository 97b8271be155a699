"""A generated document as a Word file (python-docx), printed to PDF by LibreOffice (`soffice --headless
--convert-to pdf`); many documents go through one LibreOffice start."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .model import GROUP, SECTION, SUBTOTAL, TOTAL, Document
from .segments import FAMILIES, column_widths, header_cells, pages

VALIGN = {"top": "TOP", "bottom": "BOTTOM", "middle": "CENTER"}


def _xml(cell, tag: str, **attrs) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    props = cell._tc.get_or_add_tcPr()
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    props.append(element)


def _borders(cell, sides: dict) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    props = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single" if sides.get(side) else "nil")
        if sides.get(side):
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    props.append(borders)


def build_docx(doc: Document, path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    s = doc.style
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = FAMILIES[s.font]
    normal.font.size = Pt(s.font_size)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FAMILIES[s.font])
    normal.paragraph_format.space_after = Pt(3)

    def orient(section, wide: bool) -> None:
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(297), Mm(210)) if wide else (Mm(210), Mm(297))
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(s.margin_mm))

    def paragraph(container, runs, *, bold=False, italic=False, right=False, size=None, indent=0):
        p = container.add_paragraph() if hasattr(container, "add_paragraph") else container
        for r in runs:
            run = p.add_run(r.text)
            run.bold, run.italic = bold, italic
            run.font.superscript = r.sup or None
            if size:
                run.font.size = Pt(size)
        if right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.space_after = Pt(0)
        if indent:
            p.paragraph_format.left_indent = Mm(3.5 * indent)
        return p

    from .model import Text

    def budget(table) -> None:
        header = header_cells(table)
        caption = lambda: paragraph(d, (Text(table.printed_caption),), italic=True)  # noqa: E731
        if s.caption_pos == "above":
            caption()
        if table.unit_line:
            paragraph(d, (Text(table.unit_line),))
        grid = d.add_table(rows=1 + len(table.lines), cols=len(header))
        grid.autofit = False
        label_w, value_w = column_widths(doc, table)
        widths = [Mm(label_w)] + [Mm(value_w)] * (len(header) - 1)
        for c, lines in enumerate(header):
            cell = grid.rows[0].cells[c]
            paragraph(cell.paragraphs[0], (Text("\n".join(lines)),), bold=True, right=c > 0)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        if s.repeat_header:
            tr_pr = grid.rows[0]._tr.get_or_add_trPr()
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            tr_pr.append(flag)
        for r, line in enumerate(table.lines, start=1):
            strong = line.kind in (SECTION, SUBTOTAL, TOTAL)
            cells = grid.rows[r].cells
            paragraph(cells[0].paragraphs[0], line.label, bold=strong, italic=line.kind == GROUP, indent=line.indent)
            cells[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            for c, runs in enumerate(line.cells, start=1):
                paragraph(cells[c].paragraphs[0], runs, bold=strong, right=True)
                cells[c].vertical_alignment = getattr(WD_CELL_VERTICAL_ALIGNMENT, VALIGN[s.valign])
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        grid._tbl.tblPr.append(layout)
        for c, column in enumerate(grid.columns):
            column.width = widths[c]
        for r, row in enumerate(grid.rows):
            for c, cell in enumerate(row.cells):
                cell.width = widths[c]
                if s.rules == "ruled":
                    _borders(cell, {"top": 1, "left": 1, "bottom": 1, "right": 1})
                elif s.rules == "open":
                    _borders(cell, {"bottom": r == 0, "top": r == len(table.lines)})
                else:
                    _borders(cell, {})
                    if r == 0 or r % 2 == 0:
                        _xml(cell, "w:shd", val="clear", color="auto", fill="C9D6E6" if r == 0 else "E6EDF5")
        if s.caption_pos == "below":
            caption()
        for m, text in table.footnotes:
            paragraph(d, (m, Text(" " + text)), size=s.font_size - 1)
        d.add_paragraph()

    def plain(table) -> None:
        if table.caption:
            paragraph(d, (Text(table.caption),), italic=True)
        grid = d.add_table(rows=1 + len(table.rows), cols=len(table.header))
        for r, row in enumerate((table.header, *table.rows)):
            for c, text in enumerate(row):
                cell = grid.rows[r].cells[c]
                paragraph(cell.paragraphs[0], (Text(text),), bold=r == 0, right=c >= table.numeric_from)
                _borders(cell, {"top": 1, "left": 1, "bottom": 1, "right": 1})
        d.add_paragraph()

    for n, page in enumerate(pages(doc)):
        if n:
            orient(d.add_section(WD_SECTION.NEW_PAGE), page.landscape)
        else:
            orient(d.sections[0], page.landscape)
        for block in page.blocks:
            if block.heading:
                paragraph(d, (Text(block.heading),), bold=True, size=s.font_size + (5 if block.level == 1 else 2))
            for text in block.text:
                d.add_paragraph(text)
            if block.plain:
                plain(block.plain)
            if block.table:
                budget(block.table)
    d.core_properties.title = doc.title
    d.save(str(path))


def render_many(jobs: list[tuple[Document, Path]]) -> None:
    """Each (document, PDF path): Word files built, then printed by one LibreOffice run."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = []
        for doc, pdf in jobs:
            source = folder / f"{pdf.stem}.docx"
            build_docx(doc, source)
            sources.append(source)
        subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        for doc, pdf in jobs:
            shutil.move(str(folder / f"{pdf.stem}.pdf"), pdf)


def render(doc: Document, out_pdf: Path) -> None:
    render_many([(doc, out_pdf)])
