"""Tables from a PDF through pdfplumber's words and drawn edges."""

from __future__ import annotations

from pathlib import Path

from .form_draws import require_bounded_forms
from .layout import ExtractSettings, PageContent, Rule, VerticalRule, pages_to_tables
from .model import ExtractedDocument
from .pdf_input import check_pdf_file, open_pdf, pages_read, rebuilt_for_pdfminer, require_text
from .words import glyphs_to_words

NAME = "pdfplumber"
MIN_RULE_WIDTH = 15.0  # shorter horizontal strokes are underlines or glyph parts, not rules


def page_to_content(page) -> PageContent:
    """pdfplumber page → words (by the rule every extractor shares) with font size, and the drawn rules."""
    glyphs = [(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"], c["upright"]) for c in page.chars]
    words = tuple(glyphs_to_words(glyphs))
    edges = page.edges
    rules = tuple(
        Rule(e["x0"], e["x1"], e["top"]) for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE_WIDTH
    )
    verticals = tuple(
        VerticalRule(e["x0"], e["top"], e["bottom"]) for e in edges if e["orientation"] == "v" and e["height"] >= 4
    )
    return PageContent(page.page_number, float(page.width), float(page.height), words, rules, verticals)


def read_pages(path: Path, *, password: str | None = None) -> list[PageContent]:
    """Every page's words and rules, read with pdfplumber; a PDF without any text is refused."""
    require_bounded_forms(path, password=password)
    with rebuilt_for_pdfminer(path, check_pdf_file(path)) as readable, open_pdf(readable, password=password, name=path) as pdf:
        pages = list(pages_read(path, pdf, page_to_content))
    require_text(path, pages)
    return pages


def extract(
    path: Path, *, settings: ExtractSettings, password: str | None = None, processes: int = 1
) -> ExtractedDocument:
    """Every table of the PDF, read in this one process (`processes` is for extractors that can share the work)."""
    pages = read_pages(path, password=password)
    tables, text = pages_to_tables(pages, source=path.name, extractor=NAME, settings=settings)
    return ExtractedDocument(path.name, len(pages), tuple(tables), tuple(text), repairs=check_pdf_file(path))
