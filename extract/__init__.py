"""PDF → raw tables with provenance. Knows PDFs and page layout, not the document's language."""

from __future__ import annotations

import dataclasses
import logging
from importlib import import_module
from pathlib import Path

from .decoding import undecoded_to_message
from ..errors import InputError, ProjektpuljeError
from .layout import ExtractSettings
from .model import ExtractedDocument, MapPages, RawRow, RawTable, TextLine, in_order, starts_right_under
from .pictures import pictures_to_message

# name → module with `extract(path, *, settings, password)`; adding an extractor is adding a file.
EXTRACTORS = {
    "pdfplumber": ".pdfplumber_extractor",
    "camelot": ".camelot_extractor",
    "pdfium": ".pdfium_extractor",
}
DEFAULT_EXTRACTOR = "pdfium"

# The PDF libraries log every oddity of a damaged file; the user gets one line from us instead
# (and the libraries' own words with --debug).
for _library in ("pdfminer", "pdfplumber", "camelot", "pypdf"):
    logging.getLogger(_library).addHandler(logging.NullHandler())


def extract_document(
    path: Path,
    *,
    extractor: str = DEFAULT_EXTRACTOR,
    settings: ExtractSettings | None = None,
    password: str | None = None,
    map_pages: MapPages = in_order,
    ocr: bool = False,
) -> ExtractedDocument:
    """Read every table of one PDF with the named extractor; with `ocr`, from the words Tesseract reads on the
    page images instead of the PDF's own text. `map_pages(read, pages)` reads the pages: here, in order, or
    shared among processes by whoever calls (an extractor that can read page ranges apart, pdfium, hands it
    its page reading)."""
    if extractor not in EXTRACTORS:
        raise ProjektpuljeError(f"unknown extractor {extractor!r}; choose from {', '.join(EXTRACTORS)}")
    module = import_module(EXTRACTORS[extractor], __package__)
    settings = settings or ExtractSettings()
    if not ocr:
        document = module.extract(Path(path), settings=settings, password=password, map_pages=map_pages)
        require_trusted_text(Path(path), document)
        return document
    from .ocr import ocr_text_layer

    with ocr_text_layer(Path(path), password=password) as (layered, engine):
        try:
            document = module.extract(layered, settings=settings, password=None, map_pages=map_pages)
        except InputError as error:  # said of the scan, not of the text layer made for it
            from .pdf_input import NO_TEXT_LAYER, NO_TEXT_READ

            said = str(error).replace(str(layered), str(path)).replace(NO_TEXT_LAYER, NO_TEXT_READ)
            raise InputError(said) from error
    return dataclasses.replace(document, ocr=engine)


def require_trusted_text(path: Path, document: ExtractedDocument) -> None:
    """The PDF's own text must be a reading of its pages: text that does not decode, or tables printed as
    pictures under their captions, are read from the page images with --ocr, and refused without it."""
    if document.undecoded:
        raise InputError(f"{path}: {undecoded_to_message(document.undecoded)}")
    if document.pictures:
        raise InputError(f"{path}: {pictures_to_message(document.pictures)}")


__all__ = [
    "DEFAULT_EXTRACTOR",
    "EXTRACTORS",
    "ExtractSettings",
    "ExtractedDocument",
    "RawRow",
    "RawTable",
    "starts_right_under",
    "TextLine",
    "extract_document",
]
