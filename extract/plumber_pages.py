"""Pages read with pdfplumber (pdfminer underneath): each page's words, by the rule every extractor shares,
and its drawn rules. The pdfplumber extractor lays its tables out from these; camelot's starts from them."""

from __future__ import annotations

from pathlib import Path

from .form_draws import require_bounded_forms
from .layout import MIN_RULE_HEIGHT, MIN_RULE_WIDTH, PageContent, Rule, VerticalRule
from .pdf_input import check_pdf_file, open_pdf, pages_read, rebuilt_for_pdfminer, require_text
from .words import glyphs_to_words


def page_to_content(page) -> PageContent:
    """pdfplumber page → words (by the rule every extractor shares) with font size, and the drawn rules."""
    glyphs = [(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c["size"], c["upright"]) for c in page.chars]
    words = tuple(glyphs_to_words(glyphs))
    edges = page.edges
    rules = tuple(
        Rule(e["x0"], e["x1"], e["top"]) for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE_WIDTH
    )
    verticals = tuple(
        VerticalRule(e["x0"], e["top"], e["bottom"]) for e in edges if e["orientation"] == "v" and e["height"] >= MIN_RULE_HEIGHT
    )
    images = tuple((i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images)
    return PageContent(page.page_number, float(page.width), float(page.height), words, rules, verticals, images)


def read_pages(path: Path, *, password: str | None = None) -> list[PageContent]:
    """Every page's words and rules, read with pdfplumber; a PDF without any text is refused."""
    require_bounded_forms(path, password=password)
    with rebuilt_for_pdfminer(path, check_pdf_file(path)) as readable, open_pdf(readable, password=password, name=path) as pdf:
        pages = list(pages_read(path, pdf, page_to_content))
    require_text(path, pages)
    return pages
