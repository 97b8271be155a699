"""The 2021 document as other producers make it: a web page printed by Chromium, a corporate
Word-style template, a scan with a Tesseract text layer, and an image-only scan.

``chromium``
    ``udmoentning-af-projektpuljen-2021-chromium.pdf`` -- HTML and CSS printed by headless
    Chromium: DejaVu Serif with its ligatures ("fi", "ff"), a filled header row with white
    text, zebra stripes, no rules, a narrow no-break space in "1.000 kr.", soft hyphens in
    long words, captions above.
``corporate``
    ``udmoentning-af-projektpuljen-2021-corporate.pdf`` -- ReportLab in a corporate Word-style
    template: Liberation Sans, a logo and the organisation's name in the page header, "Side N
    af M" in the footer, captions above, hairlines between the rows.
``ocr-layer``
    ``udmoentning-af-projektpuljen-2021-ocr-layer.pdf`` -- the ``docx`` rendering printed and
    scanned (grey, 150 dpi, turned a little, with noise) and given a text layer by Tesseract
    (``tesseract ... -l dan pdf``), as archives keep their scans.
``scan``
    ``udmoentning-af-projektpuljen-2021-scan.pdf`` -- the ``corporate`` rendering scanned the
    same way, without any text layer (read with ``--ocr``).

Requirements: ``chromium``, ``tesseract-ocr`` with ``tesseract-ocr-dan``, the DejaVu and
Liberation fonts (Debian), and ``poppler-utils`` (Debian), and ``reportlab``, ``pypdfium2`` and Pillow (PyPI).
"""

from __future__ import annotations

import os
import random
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

try:
    from .content_2021 import GROUP, HEADER, SECTION, SUBITEM, SUBTOTAL, TOTAL, Document, Row, Table
except ImportError:
    from content_2021 import GROUP, HEADER, SECTION, SUBITEM, SUBTOTAL, TOTAL, Document, Row, Table

HERE = Path(__file__).resolve().parent
WORD_RENDERING = "udmoentning-af-projektpuljen-2021.pdf"
SUBITEM_PREFIX = " - "
NARROW_NBSP = "\u202f"
SOFT_HYPHEN = "\u00ad"
SCAN_DPI = 200
INK_THRESHOLD = 150  # grey levels under this become black in the scanner's black-and-white mode
SCAN_SEED = 2021  # the same noise and tilt every time, so the sample is rebuilt byte for byte


def _label(row: Row) -> str:
    return SUBITEM_PREFIX + row.label if row.kind == SUBITEM else row.label


def _soft_hyphenated(text: str) -> str:
    """Long words given a soft hyphen in the middle, as a publishing system's hyphenator would."""
    return " ".join(w[: len(w) // 2] + SOFT_HYPHEN + w[len(w) // 2 :] if len(w) >= 16 else w for w in text.split(" "))


# --- Chromium ---------------------------------------------------------------------

CHROMIUM_CSS = """
@page { size: A4; margin: 20mm 20mm 22mm 20mm; }
body { font: 10.5pt/1.45 "DejaVu Serif"; color: #222; margin: 0;
       font-variant-ligatures: common-ligatures; text-rendering: optimizeLegibility; }
h1 { font: 600 20pt "DejaVu Sans"; color: #0b3d6b; margin: 0 0 4pt; }
p.subtitle { font-size: 11pt; color: #555; margin: 0 0 18pt; }
h2 { font: 600 13pt "DejaVu Sans"; color: #0b3d6b; margin: 18pt 0 6pt; break-after: avoid; }
p { margin: 0 0 8pt; hyphens: manual; }
figure { margin: 12pt 0 14pt; break-inside: avoid; }
figcaption { font: 600 9.5pt "DejaVu Sans"; color: #0b3d6b; margin: 0 0 5pt; }
table { border-collapse: collapse; width: 140mm; font-size: 9.5pt; }
th, td { border: none; padding: 3pt 6pt; text-align: left; vertical-align: top; }
thead th { background: #0b3d6b; color: #fff; font-family: "DejaVu Sans"; font-weight: 600; }
tbody tr:nth-child(even) td { background: #eef3f8; }
td.amount, th.amount { text-align: right; width: 26mm; }
tr.section td, tr.subtotal td, tr.total td { font-weight: bold; }
tr.group td { font-style: italic; }
tr.subitem td:first-child { padding-left: 14pt; }
p.note { font-size: 8.5pt; color: #444; margin: 5pt 0 0; }
"""


def _html_label(row: Row) -> str:
    label = escape(_soft_hyphenated(row.label))
    if row.kind == HEADER:
        return label.replace(" ", NARROW_NBSP)
    return f"- {label}" if row.kind == SUBITEM else label


def build_chromium_html(doc: Document) -> str:
    parts = [
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title><style>{CHROMIUM_CSS}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="subtitle">{escape(doc.subtitle)}</p>',
    ]
    for area in doc.areas:
        table = area.table
        header, *rows = table.rows
        parts.append(f"<h2>{escape(area.heading)}</h2>")
        parts.extend(f"<p>{escape(_soft_hyphenated(text))}</p>" for text in area.paragraphs)
        parts.append(f"<figure><figcaption>{escape(table.caption)}</figcaption><table>")
        parts.append(f'<thead><tr><th>{_html_label(header)}</th><th class="amount">{header.amount}</th></tr></thead><tbody>')
        for row in rows:
            parts.append(
                f'<tr class="{row.kind}"><td>{_html_label(row)}</td><td class="amount">{escape(row.amount)}</td></tr>'
            )
        parts.append("</tbody></table>")
        parts.extend(f'<p class="note">{escape(text)}</p>' for text in table.footnotes)
        parts.append("</figure>")
    parts.append("</body></html>")
    return "\n".join(parts)


def render_chromium(doc: Document, out_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "document.html"
        html.write_text(build_chromium_html(doc), encoding="utf-8")
        printed = Path(tmp) / "printed.pdf"
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={printed}", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
        out_pdf.write_bytes(printed.read_bytes())


# --- corporate Word-style template -------------------------------------------------

FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
CORPORATE_BLUE = "#00528c"


def _corporate_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in (("Corp", "LiberationSans-Regular.ttf"), ("Corp-Bold", "LiberationSans-Bold.ttf"),
                       ("Corp-Italic", "LiberationSans-Italic.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))


def _page_furniture(doc: Document):
    """Header with a logo and the organisation's name, footer "Side N af M" (the count filled in on save)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    width, height = A4

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(len(self._pages))
                super().showPage()
            super().save()

        def _furniture(self, count: int) -> None:
            self.saveState()
            self.setFillColor(colors.HexColor(CORPORATE_BLUE))
            self.circle(62, height - 48, 11, stroke=0, fill=1)
            self.setFillColor(colors.white)
            self.circle(62, height - 48, 5, stroke=0, fill=1)
            self.setFillColor(colors.HexColor(CORPORATE_BLUE))
            self.setFont("Corp-Bold", 11)
            self.drawString(80, height - 52, doc.author)
            self.setFont("Corp", 8)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawRightString(width - 56, height - 52, doc.reference)
            self.setStrokeColor(colors.HexColor(CORPORATE_BLUE))
            self.setLineWidth(1.2)
            self.line(56, height - 64, width - 56, height - 64)
            self.setFont("Corp", 8)
            self.drawRightString(width - 56, 34, f"Side {self._pageNumber} af {count}")
            self.restoreState()

    return NumberedCanvas


def render_corporate(doc: Document, out_pdf: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    _corporate_fonts()
    body = ParagraphStyle("body", fontName="Corp", fontSize=10, leading=14, spaceAfter=8)
    title = ParagraphStyle("title", parent=body, fontName="Corp-Bold", fontSize=20, leading=24,
                           textColor=colors.HexColor(CORPORATE_BLUE))
    subtitle = ParagraphStyle("subtitle", parent=body, fontSize=12, leading=16, spaceAfter=20)
    heading = ParagraphStyle("heading", parent=body, fontName="Corp-Bold", fontSize=13, leading=16,
                             spaceBefore=12, spaceAfter=6, keepWithNext=1,
                             textColor=colors.HexColor(CORPORATE_BLUE))
    caption = ParagraphStyle("caption", parent=body, fontName="Corp-Bold", fontSize=9, leading=11,
                             spaceBefore=6, spaceAfter=4, keepWithNext=1)
    note = ParagraphStyle("note", parent=body, fontName="Corp-Italic", fontSize=8, leading=10, spaceAfter=4)
    cell = ParagraphStyle("cell", fontName="Corp", fontSize=9.5, leading=11.5)
    styles = {HEADER: "Corp-Bold", SECTION: "Corp-Bold", SUBTOTAL: "Corp-Bold", TOTAL: "Corp-Bold",
              GROUP: "Corp-Italic"}

    def flowable(table: Table) -> RLTable:
        data, commands = [], [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, 0), 1, colors.HexColor(CORPORATE_BLUE)),
            ("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.HexColor("#9a9a9a")),
            ("LINEBELOW", (0, -1), (-1, -1), 1, colors.HexColor(CORPORATE_BLUE)),
        ]
        for i, row in enumerate(table.rows):
            font = styles.get(row.kind, "Corp")
            style = ParagraphStyle(f"cell-{row.kind}", parent=cell, fontName=font,
                                   leftIndent=8 if row.kind == SUBITEM else 0)
            data.append([Paragraph(escape(_label(row).strip()), style), row.amount])
            commands.append(("FONT", (1, i), (1, i), "Corp-Bold" if row.kind in (HEADER, SUBTOTAL, TOTAL) else "Corp", 9.5))
        return RLTable(data, colWidths=(118 * mm, 30 * mm), repeatRows=1, hAlign="LEFT", style=TableStyle(commands))

    story = [Paragraph(escape(doc.title), title), Paragraph(escape(doc.subtitle), subtitle)]
    for area in doc.areas:
        story.append(Paragraph(escape(area.heading), heading))
        story.extend(Paragraph(escape(text), body) for text in area.paragraphs)
        story.append(CondPageBreak(90))
        story.append(Paragraph(escape(area.table.caption), caption))
        story.append(flowable(area.table))
        story.append(Spacer(1, 3))
        story.extend(Paragraph(escape(text), note) for text in area.table.footnotes)
        story.append(Spacer(1, 6))
    template = SimpleDocTemplate(
        str(out_pdf), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=30 * mm,
        bottomMargin=22 * mm, title=doc.title, author=doc.author, creator="Microsoft Word-style template",
        lang="da-DK", invariant=1,
    )
    template.build(story, canvasmaker=_page_furniture(doc))


# --- scans ----------------------------------------------------------------------------


def scanned_pages(source: Path, *, dpi: int = SCAN_DPI, seed: int = SCAN_SEED) -> list:
    """Each page of a PDF as an archive's scanner gives it back: black and white, turned a little, with dust."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    pages = []
    pdf = pdfium.PdfDocument(source)
    try:
        for page in pdf:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, expand=False, fillcolor=255)
            image = image.point(lambda v: min(v, 246))  # paper is never quite white
            for _ in range(400):
                x, y = rng.randrange(image.width), rng.randrange(image.height)
                image.putpixel((x, y), rng.randrange(60, 200))
            image = image.filter(ImageFilter.SMOOTH)
            pages.append(image.point(lambda v: 0 if v < INK_THRESHOLD else 255).convert("1"))
    finally:
        pdf.close()
    return pages


def _scan_source(render, doc: Document, tmp: Path) -> Path:
    printed = tmp / "printed.pdf"
    render(doc, printed)
    return printed


def pages_to_image_pdf(pages: list, out_pdf: Path, *, dpi: int = SCAN_DPI) -> None:
    """An image-only PDF, one JPEG page per image."""
    first, *rest = pages
    first.save(out_pdf, "PDF", resolution=dpi, save_all=True, append_images=rest)


def pages_to_ocr_pdf(pages: list, out_pdf: Path, *, tmp: Path, dpi: int = SCAN_DPI) -> None:
    """The page images with Tesseract's invisible text layer over them, pages joined in order."""
    from concurrent.futures import ThreadPoolExecutor

    def ocr(number: int) -> str:
        tiff = tmp / f"page-{number}.tif"
        pages[number - 1].save(tiff, compression="group4", dpi=(dpi, dpi))
        subprocess.run(["tesseract", str(tiff), str(tmp / f"page-{number}"), "-l", "dan", "--dpi", str(dpi), "pdf"],
                       check=True, capture_output=True, timeout=300, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        return str(tmp / f"page-{number}.pdf")

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        joined = list(pool.map(ocr, range(1, len(pages) + 1)))
    subprocess.run(["pdfunite", *joined, str(out_pdf)], check=True, capture_output=True, timeout=120)


def render_ocr_layer(doc: Document, out_pdf: Path) -> None:
    """The bundled Word rendering (``docx``, made by LibreOffice) printed, scanned and OCR'd."""
    with tempfile.TemporaryDirectory() as tmp:
        pages_to_ocr_pdf(scanned_pages(HERE / WORD_RENDERING), out_pdf, tmp=Path(tmp))


def render_scan(doc: Document, out_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pages_to_image_pdf(scanned_pages(_scan_source(render_corporate, doc, Path(tmp))), out_pdf)
