"""Editions not yet printed: fictional "Udmøntning af projektpuljen" documents built like the published one
but with what later (or earlier) editions may bring, each rendered three ways: HTML printed by headless
Chromium, ReportLab, and a Word document printed by LibreOffice (editions_word.py; needs ``soffice`` and the
Liberation fonts).

``2024-three-years``
    Three year columns and a row-total column ("1.000 kr. | 2024 | 2025 | 2026 | I alt"), negatives in
    every notation ("-250", "−100" with U+2212, "÷ 50", "÷50", "(400)"), blank year cells, a decimal
    comma in 1.000 kr. and in mio. kr., one planted row total that disagrees with its years
    ("Klimatilpasning ved kysten" states 1,6 mio. kr. over years summing to 1,5), column titles
    "Budget 2024" and "I alt 2024-26" (on two lines where the renderer wraps them), and an appendix
    listing grants in kroner (a table-like region that is not a budget table).
``2024-unread``
    The same edition with table 2's unit printed as "EUR": a numbered table that cannot be read, so an
    ``unread_table`` finding, while table 1 is still read (a test fixture).
``grants-only``
    A list of grants in kroner and no budget table: "no budget tables found" (a test fixture).

Every amount is written here as printed; the sums are checked by hand in tests/golden.

Usage::

    python samples/editions.py                 # samples/ and tests/fixtures/unread/
    python samples/editions.py --out /tmp/pdf  # somewhere else
    python samples/editions.py --only udmoentning-af-projektpuljen-2024-overview
"""

from __future__ import annotations

import argparse
import html
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures" / "unread"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

SECTION, GROUP, ITEM, SUBTOTAL, TOTAL = "section", "group", "item", "subtotal", "total"


@dataclass(frozen=True)
class Row:
    kind: str
    label: str
    cells: tuple[str, ...] = ()
    indent: int = 0  # steps of indentation of the label (a sub-group, its lines)


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    footnotes: tuple[str, ...] = ()  # printed under the table (HTML) or at the foot of its page (ReportLab)
    caption_below: bool = False


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph, a table, or a plain list of label and amount (an appendix)."""

    heading: str = ""
    text: str = ""
    table: Table | None = None
    listing: tuple[tuple[str, str], ...] = ()
    page_break: bool = False


@dataclass(frozen=True)
class Edition:
    stem: str
    title: str
    blocks: tuple[Block, ...]
    furniture: bool = False  # a running header and page numbers on every page


def grp(label: str, indent: int = 0) -> Row:
    return Row(GROUP, label, indent=indent)


def sec(label: str) -> Row:
    return Row(SECTION, label)


def item(label: str, *cells: str, indent: int = 0) -> Row:
    return Row(ITEM, label, cells, indent=indent)


def sub(label: str, *cells: str) -> Row:
    return Row(SUBTOTAL, label, cells)


def tot(*cells: str) -> Row:
    return Row(TOTAL, "Total", cells)


HEADER_TKR = ("1.000 kr.", "2024", "2025", "2026", "I alt")
HEADER_MIO = ("mio. kr.", "Budget 2024", "Budget 2025", "Budget 2026", "I alt 2024-26")

SUNDHED = Table(
    "Tabel 1. Sundhed og innovation - aktiviteter og forventet forbrug",
    HEADER_TKR,
    (
        sec("Tilskudsmidler"),
        item("Sundhedsklynge Midt", "1.200", "1.200", "1.000", "3.400"),
        item("Patientinddragelse i praksis", "250", "÷ 50", "", "200"),
        item("Tilbageførte tilskud", "-250", "\u2212100", "÷50", "(400)"),
        sub("Tilskudsmidler i alt", "1.200", "1.050", "950", "3.200"),
        sec("Udviklingsmidler"),
        item("Analyse af sundhedsdata", "12,5", "-", "", "12,5"),
        item("Telemedicin i hjemmet", "(250)", "500", "750", "1.000"),
        sub("Udviklingsmidler i alt", "÷237,5", "500", "750", "1.012,5"),
        tot("962,5", "1.550", "1.700", "4.212,5"),
    ),
)
KLIMA = Table(
    "Tabel 2. Klima og miljø - aktiviteter og forventet forbrug",
    HEADER_MIO,
    (
        sec("Udviklingsmidler"),
        item("Grøn omstilling i landdistrikter", "1,25", "0,75", "-", "2,0"),
        item("Klimatilpasning ved kysten", "0,5", "0,5", "0,5", "1,6"),
        sub("Udviklingsmidler i alt", "1,75", "1,25", "0,5", "3,5"),
        tot("1,75", "1,25", "0,5", "3,5"),
    ),
)
GRANTS = (
    ("Sundhedsklynge Midt, sekretariat", "1.200.000"),
    ("Patientforeningen Midt", "250.000"),
    ("Kystbyernes klimaråd", "500.000"),
    ("Landdistrikternes Fællesråd", "750.000"),
)

EDITION_2024 = Edition(
    "udmoentning-af-projektpuljen-2024-three-years",
    "Udmøntning af projektpuljen 2024",
    (
        Block(text="Regionsrådet har afsat midler til projektpuljen for perioden 2024-2026. Tabellerne viser "
                   "de planlagte aktiviteter for hvert år og for hele perioden."),
        Block(heading="Sundhed og innovation"),
        Block(text="Puljen støtter samarbejdet mellem hospitaler, kommuner og virksomheder om nye løsninger. "
                   "Tilskud fra tidligere år, der ikke blev brugt, føres tilbage."),
        Block(table=SUNDHED),
        Block(heading="Klima og miljø"),
        Block(text="Indsatsen for klimatilpasning fortsætter i alle tre år, og den grønne omstilling i "
                   "landdistrikterne afsluttes i 2025."),
        Block(table=KLIMA),
        Block(heading="Bilag: Bevillinger givet i 2023 (kr.)", page_break=True),
        Block(listing=GRANTS),
    ),
)
EDITION_2024_UNREAD = replace(
    EDITION_2024,
    stem="2024-unread",
    blocks=tuple(
        replace(b, table=replace(KLIMA, header=("EUR", *KLIMA.header[1:]))) if b.table is KLIMA else b
        for b in EDITION_2024.blocks
    ),
)

HEADER_2025 = ("1.000 kr.", "2025", "2026")
ERHVERV = Table(
    "Erhverv og uddannelse - aktiviteter og forventet forbrug",  # no number: the area is read from it
    HEADER_2025,
    (
        sec("Tilskudsmidler"),
        grp("Uddannelse"),
        grp("Erhvervsuddannelser", indent=1),
        item("Praktikpladser i små virksomheder", "300", "300", indent=2),
        item("Skills-konkurrencer 1)", "150", "-", indent=2),
        grp("Videregående uddannelser", indent=1),
        item("Studiejob i regionen²", "200", "250", indent=2),
        grp("Iværksætteri"),
        item("Iværksætterhuse", "400", "400", indent=1),
        sub("Tilskudsmidler i alt", "1.050", "950"),
        sec("Udviklingsmidler"),
        item("Analyse af kompetencebehov", "100", "50"),
        tot("1.150", "1.000"),
    ),
    footnotes=("1) Afholdes i samarbejde med kommunerne.", "² Heraf 50.000 kr. til evaluering."),
)
# A long table: three pages with the header repeated, page numbers at the foot of every page.
LOKAL_ITEMS = tuple(
    item(f"Lokalt udviklingsprojekt nr. {n}", f"{10 * n}", f"{5 * n}") for n in range(1, 121)
)
LOKAL = Table(
    "Tabel 3 – Lokal udvikling: forventet forbrug",
    HEADER_2025,
    (
        sec("Udviklingsmidler"),
        *LOKAL_ITEMS,
        sub("Udviklingsmidler i alt", "72.600", "36.300"),
        tot("72.600", "36.300"),
    ),
    caption_below=True,
)
EDITION_2025 = Edition(
    "udmoentning-af-projektpuljen-2025-captions-groups",
    "Udmøntning af projektpuljen 2025",
    (
        Block(text="Projektpuljen for 2025 og 2026 fordeles på to områder. Beløb er i 1.000 kr."),
        Block(heading="Erhverv og uddannelse"),
        Block(text="Området støtter uddannelse og iværksætteri i hele regionen."),
        Block(table=ERHVERV),
        Block(heading="Lokal udvikling", page_break=True),
        Block(text="Hvert lokalt projekt får et tilskud over to år."),
        Block(table=LOKAL),
    ),
    furniture=True,
)

# Cover page, contents, an overview with one planted disagreement (Klima og miljø 2026: 600 where its
# table's Total says 500; the overview's own "I alt" 2.200 is right, so it disagrees with its lines), the
# area tables numbered 2 and 3, and the appendix.
OVERVIEW = Table(
    "Tabel 1. Samlet oversigt",
    ("1.000 kr.", "2024", "2025", "2026"),
    (
        item("Sundhed og innovation", "962,5", "1.550", "1.700"),
        item("Klima og miljø", "1.750", "1.250", "600"),
        Row(TOTAL, "I alt", ("2.712,5", "2.800", "2.200")),
    ),
)
CONTENTS = (
    ("Samlet oversigt", "2"),
    ("Sundhed og innovation", "2"),
    ("Klima og miljø", "3"),
    ("Bilag: Bevillinger givet i 2023", "4"),
)
EDITION_2024_OVERVIEW = Edition(
    "udmoentning-af-projektpuljen-2024-overview",
    "Udmøntning af projektpuljen 2024",
    (
        Block(text="Region Midtjylland, Regional Udvikling. Vedtaget af regionsrådet."),
        Block(heading="Indhold", page_break=True),
        Block(listing=CONTENTS),
        Block(heading="Samlet oversigt", page_break=True),
        Block(text="Tabellen viser puljens samlede forbrug pr. område og år."),
        Block(table=OVERVIEW),
        Block(heading="Sundhed og innovation"),
        Block(table=replace(SUNDHED, caption=SUNDHED.caption.replace("Tabel 1.", "Tabel 2."))),
        Block(heading="Klima og miljø", page_break=True),
        Block(table=replace(KLIMA, caption=KLIMA.caption.replace("Tabel 2.", "Tabel 3."))),
        Block(heading="Bilag: Bevillinger givet i 2023 (kr.)", page_break=True),
        Block(listing=GRANTS),
    ),
    furniture=True,
)

# An earlier style: other section names (read by their place, reported as unknown_label), subtotals
# worded "I alt, driftsmidler", sub-items as "- item" under nested groups, a table with no caption at all
# (its area from the heading above it), two tables both numbered 0 (tables stay distinct), and thousands
# set apart by no-break spaces.
HEADER_2019 = ("1.000 kr.", "2019")
REGIONAL = Table(
    "",
    HEADER_2019,
    (
        sec("Driftsmidler"),
        grp("Kultur"),
        item("- Musikfestival i Aarhus", "300", indent=1),
        item("- Teaterturné i landdistrikterne", "200", indent=1),
        grp("Erhverv"),
        grp("Turisme", indent=1),
        item("- Cykelruter langs kysten", "150", indent=2),
        grp("Fødevarer", indent=1),
        item("- Madmarkeder", "75", indent=2),
        Row(SUBTOTAL, "I alt, driftsmidler", ("725",)),
        sec("Anlægsmidler"),
        item("Ombygning af kulturhus", "1.000"),
        Row(SUBTOTAL, "I alt, anlægsmidler", ("1.000",)),
        tot("1.725"),
    ),
)
ADMIN = Table(
    "Tabel 0: Administration – forventet forbrug",
    HEADER_2019,
    # thousands set apart by a narrow no-break space and by a no-break space
    (sec("Driftsmidler"), item("Sekretariat", "1\u202f400"), item("Evaluering", "1\u00a0100"), tot("2\u202f500")),
    caption_below=True,
)
TVAERGAAENDE = Table(
    "Tabel 0: Tværgående projekter – forventet forbrug",
    HEADER_2019,
    (sec("Driftsmidler"), item("Fælles analyser", "250"), tot("250")),
    caption_below=True,
)
EDITION_2019 = Edition(
    "udmoentning-af-projektpuljen-2019-earlier-style",
    "Udmøntning af projektpuljen 2019",
    (
        Block(text="Projektpuljen for 2019 er fordelt på drifts- og anlægsmidler."),
        Block(heading="Regional udvikling"),
        Block(text="Puljen støtter kultur og erhverv i hele regionen."),
        Block(table=REGIONAL),
        Block(heading="Administration"),
        Block(table=ADMIN),
        Block(heading="Tværgående projekter"),
        Block(table=TVAERGAAENDE),
    ),
)

GRANTS_ONLY = Edition(
    "grants-only",
    "Bevillinger givet i 2023",
    (Block(text="Oversigt over tilskud givet af Region Midtjylland i 2023, i kroner."), Block(listing=GRANTS)),
)

# --- HTML printed by Chromium -------------------------------------------------

CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; }
.break { break-before: page; }
table { border-collapse: collapse; margin: 6pt 0 10pt 0; table-layout: fixed; }
td, th { padding: 2pt 6pt; }
th { text-align: right; border-bottom: 0.8pt solid #000; font-weight: bold; }
th:first-child { text-align: left; }
td.n { text-align: right; white-space: nowrap; }
td.l, th:first-child { width: 62mm; }
tr.section td { font-weight: bold; padding-top: 5pt; }
tr.subtotal td, tr.total td { font-weight: bold; border-top: 0.5pt solid #000; }
p.caption { font-style: italic; margin: 10pt 0 2pt 0; }
p.note { font-size: 9pt; margin: 1pt 0; }
tr.group td { font-style: italic; }
table.listing { width: 130mm; } table.listing td.l { width: 100mm; }
"""


def table_to_html(table: Table) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in table.header)
    rows = []
    for row in table.rows:
        cells = "".join(f'<td class="n">{html.escape(c)}</td>' for c in row.cells)
        cells += '<td class="n"></td>' * (len(table.header) - 1 - len(row.cells))
        indent = f' style="padding-left: {6 + 12 * row.indent}pt"' if row.indent else ""
        rows.append(f'<tr class="{row.kind}"><td class="l"{indent}>{html.escape(row.label)}</td>{cells}</tr>')
    caption = f'<p class="caption">{html.escape(table.caption)}</p>' if table.caption else ""
    notes = "".join(f'<p class="note">{html.escape(n)}</p>' for n in table.footnotes)
    width = 62 + 22 * (len(table.header) - 1)  # the same grid in every table: its year columns line up
    body = f'<table style="width: {width}mm"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return f"{body}{caption}{notes}" if table.caption_below else f"{caption}{body}{notes}"


def edition_to_html(edition: Edition) -> str:
    body = [f"<h1>{html.escape(edition.title)}</h1>"]
    for block in edition.blocks:
        if block.heading:
            body.append(f'<h2 class="{"break" if block.page_break else ""}">{html.escape(block.heading)}</h2>')
        elif block.page_break:
            body.append('<div class="break"></div>')
        if block.text:
            body.append(f"<p>{html.escape(block.text)}</p>")
        if block.table:
            body.append(table_to_html(block.table))
        if block.listing:
            rows = "".join(f'<tr><td class="l">{html.escape(a)}</td><td class="n">{html.escape(b)}</td></tr>'
                           for a, b in block.listing)
            body.append(f'<table class="listing"><tbody>{rows}</tbody></table>')
    title = f"<title>{html.escape(edition.title)}</title>"
    return (f'<!doctype html><html lang="da"><meta charset="utf-8">{title}<style>{CSS}</style>'
            f'<body>{"".join(body)}</body></html>')


def render_chromium(edition: Edition, out_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "edition.html"
        page.write_text(edition_to_html(edition), encoding="utf-8")
        furniture = [] if edition.furniture else ["--no-pdf-header-footer"]  # Chromium's: title, date, page x/y
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", *furniture,
             f"--print-to-pdf={out_pdf}", page.as_uri()],
            check=True, capture_output=True,
        )


# --- ReportLab ------------------------------------------------------------------


def render_reportlab(edition: Edition, out_pdf: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=9.5, leading=13, spaceAfter=6)
    title = ParagraphStyle("title", parent=body, fontName="DejaVu-Bold", fontSize=15, leading=19, spaceAfter=10)
    heading = ParagraphStyle("heading", parent=body, fontName="DejaVu-Bold", fontSize=11.5, leading=15)
    caption = ParagraphStyle("caption", parent=body, fontSize=9, spaceAfter=2)
    story = [Paragraph(html.escape(edition.title), title)]
    notes: list[str] = []  # footnotes, printed at the foot of the first page

    def furniture(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("DejaVu", 8)
        if edition.furniture:
            canvas.drawString(20 * mm, A4[1] - 12 * mm, edition.title)
            canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Side {document.page}")
        if document.page == 1:
            for i, note in enumerate(reversed(notes)):
                canvas.drawString(20 * mm, 16 * mm + i * 10, note)
        canvas.restoreState()

    for block in edition.blocks:
        if block.page_break:
            story.append(PageBreak())
        if block.heading:
            story.append(Paragraph(html.escape(block.heading), heading))
        if block.text:
            story.append(Paragraph(html.escape(block.text), body))
        if block.table:
            table = block.table
            data = [list(table.header)] + [
                ["\u00a0" * 4 * row.indent + row.label, *row.cells, *[""] * (len(table.header) - 1 - len(row.cells))]
                for row in table.rows
            ]
            style = [
                ("FONT", (0, 0), (-1, -1), "DejaVu", 9), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("FONT", (0, 0), (-1, 0), "DejaVu-Bold", 9), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ]
            for i, row in enumerate(table.rows, start=1):
                if row.kind in (SUBTOTAL, TOTAL):
                    style += [("FONT", (0, i), (-1, i), "DejaVu-Bold", 9),
                              ("LINEABOVE", (0, i), (-1, i), 0.4, colors.black)]
                elif row.kind == SECTION:
                    style.append(("FONT", (0, i), (0, i), "DejaVu-Bold", 9))
                elif row.kind == GROUP:
                    style.append(("FONT", (0, i), (0, i), "DejaVu", 9))
            widths = [58 * mm] + [25 * mm] * (len(table.header) - 1)
            printed = RLTable(data, colWidths=widths, style=TableStyle(style), hAlign="LEFT", repeatRows=1)
            title = [Paragraph(html.escape(table.caption), caption)] if table.caption else []
            story += [Spacer(1, 4), *([printed, *title] if table.caption_below else [*title, printed]), Spacer(1, 8)]
            notes.extend(table.footnotes)
        if block.listing:
            story.append(RLTable([list(r) for r in block.listing], colWidths=[100 * mm, 30 * mm], hAlign="LEFT",
                                 style=TableStyle([("FONT", (0, 0), (-1, -1), "DejaVu", 9),
                                                   ("ALIGN", (1, 0), (1, -1), "RIGHT")])))
    SimpleDocTemplate(str(out_pdf), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                      bottomMargin=20 * mm, title=edition.title, author="Region Midtjylland",
                      invariant=1).build(story, onFirstPage=furniture, onLaterPages=furniture)


# --- which files ------------------------------------------------------------------

def render_libreoffice(edition: Edition, out_pdf: Path) -> None:
    try:
        from .editions_word import render_libreoffice as render
    except ImportError:
        from editions_word import render_libreoffice as render
    render(edition, out_pdf)


RENDERERS = {"chromium": render_chromium, "reportlab": render_reportlab, "libreoffice": render_libreoffice}
SAMPLE_EDITIONS = (EDITION_2024, EDITION_2025, EDITION_2024_OVERVIEW, EDITION_2019)
FIXTURE_EDITIONS = (EDITION_2024_UNREAD, GRANTS_ONLY)


def build(out: Path | None = None, only: Sequence[str] = (), renderers: Sequence[str] = ()) -> list[Path]:
    made = []
    for editions, folder in ((SAMPLE_EDITIONS, out or HERE), (FIXTURE_EDITIONS, out or FIXTURES)):
        folder.mkdir(parents=True, exist_ok=True)
        for edition in (e for e in editions if not only or e.stem in only):
            for name, render in ((n, r) for n, r in RENDERERS.items() if not renderers or n in renderers):
                target = folder / f"{edition.stem}-{name}.pdf"
                render(edition, target)
                made.append(target)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, help="one folder for every file (default: samples/ and tests/fixtures/unread/)")
    parser.add_argument("--only", action="append", default=[], metavar="STEM", help="one edition (repeatable)")
    parser.add_argument("--renderer", action="append", default=[], choices=list(RENDERERS), help="one rendering")
    args = parser.parse_args(argv)
    for path in build(args.out, args.only, args.renderer):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
