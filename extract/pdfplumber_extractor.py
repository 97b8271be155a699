"""Tables from a PDF through pdfplumber's words and drawn edges."""

from __future__ import annotations

from pathlib import Path

from .decoding import pages_to_undecoded
from .layout import ExtractSettings, layouts_to_tables, pages_to_layouts
from .pictures import layouts_to_pictures
from .model import ExtractedDocument, MapPages, in_order
from .pdf_input import check_pdf_file
from .plumber_pages import read_pages

NAME = "pdfplumber"


def extract(
    path: Path, *, settings: ExtractSettings, password: str | None = None, map_pages: MapPages = in_order
) -> ExtractedDocument:
    """Every table of the PDF, read in this one process (`map_pages` is for an extractor that reads page ranges apart)."""
    pages = read_pages(path, password=password)
    layouts = pages_to_layouts(pages, settings=settings)
    tables, text = layouts_to_tables(layouts, source=path.name, extractor=NAME, settings=settings)
    return ExtractedDocument(
        path.name, len(pages), tuple(tables), tuple(text), repairs=check_pdf_file(path),
        undecoded=pages_to_undecoded(pages, scripts=settings.scripts), pictures=layouts_to_pictures(pages, layouts),
    )
