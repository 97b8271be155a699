"""Opening a PDF, and saying in plain words why one cannot be used."""

from __future__ import annotations

import base64
import re
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Sequence

from .errors import InputError
from .progress import page_read

# What a file that is not a PDF usually starts with, to say what it looks like.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word or Excel file)"),
    (b"GIF8", "a GIF image"),
    (b"{", "JSON text"),
)


def describe_non_pdf(head: bytes) -> str:
    """A guess at what a file is, from its first bytes."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    text = head.lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:512]:
        return "an HTML page"
    if text.startswith(b"<?xml") or text.startswith(b"<"):
        return "XML or HTML text"
    return "something else"


TAIL_BYTES = 2048  # where a complete PDF keeps its startxref and %%EOF
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
_XREF_AT = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")


def check_pdf_file(path: Path) -> None:
    """Raise InputError unless the path is a whole PDF: not empty, a PDF header, an end-of-file marker,
    and a cross-reference table where the file says it is. A PDF library could patch a cut-off file
    up; a half file must be downloaded again instead."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - TAIL_BYTES))
        tail = fh.read()
    if not head:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise InputError(f"{path}: not a PDF; it looks like {describe_non_pdf(head)}")
    if b"%%EOF" not in tail:
        raise InputError(f"{path}: truncated PDF (no end-of-file marker); download it again")
    found = _STARTXREF.findall(tail)
    if not found or not _xref_is_at(path, int(found[-1]), size):
        raise InputError(f"{path}: damaged PDF (its cross-reference table is missing or broken)")
    if not _streams_inflate(path.read_bytes()):
        raise InputError(f"{path}: damaged PDF (a compressed stream in it is corrupt)")


_STREAM_START = re.compile(rb"(?<![a-z])stream\r?\n")
_OBJECT_START = re.compile(rb"\d+\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/\w+)")
# Filter chains whose damage we can see: Flate, alone or behind ASCII85.
_CHECKED_FILTERS = ([b"FlateDecode"], [b"ASCII85Decode", b"FlateDecode"], [b"Fl"], [b"A85", b"Fl"])


def _streams_inflate(data: bytes) -> bool:
    """Whether every Flate-compressed stream decompresses. A PDF library reads past a corrupt stream
    and shows a page with text missing; the user should get the file again instead.
    Encrypted files are left to the password check."""
    if b"/Encrypt" in data:
        return True
    for match in _STREAM_START.finditer(data):
        window = data[max(0, match.start() - 2000) : match.start()]
        objects = list(_OBJECT_START.finditer(window))
        filters = _FILTER.search(window[objects[-1].end() :]) if objects else None
        names = re.findall(rb"/(\w+)", filters.group(1)) if filters else []
        if names not in _CHECKED_FILTERS:
            continue
        end = data.find(b"endstream", match.end())
        if end < 0:
            return False
        try:
            _inflate(data[match.end() : end], ascii85=len(names) == 2)
        except (zlib.error, ValueError):
            return False
    return True


def _inflate(body: bytes, *, ascii85: bool) -> bytes:
    if ascii85:
        text = body.strip().removeprefix(b"<~").removesuffix(b"~>")
        body = base64.a85decode(text)
    return zlib.decompressobj().decompress(body)


def _xref_is_at(path: Path, offset: int, size: int) -> bool:
    if offset >= size:
        return False
    with path.open("rb") as fh:
        fh.seek(offset)
        return bool(_XREF_AT.match(fh.read(64)))


def encrypted_message(path: Path, *, password: str | None) -> str:
    if password:
        return f"{path}: encrypted, and the password given does not open it"
    return f"{path}: encrypted; give --password"


@contextmanager
def open_pdf(path: Path, *, password: str | None = None):
    """Open with pdfplumber, turning its failures into InputError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    check_pdf_file(path)
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except Exception as exc:  # pdfminer raises many types for broken files; pdfplumber wraps them
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(encrypted_message(path, password=password)) from None
        raise InputError(f"{path}: damaged PDF ({type(cause).__name__})") from exc
    try:
        yield pdf
    finally:
        _close(pdf)


def _close(pdf) -> None:
    """Close a pdfplumber PDF; one whose page tree is broken fails to close its pages, so close its file."""
    try:
        pdf.close()
    except Exception:  # the same breakage that was already reported
        stream = getattr(pdf, "stream", None)
        if stream is not None and not stream.closed:
            stream.close()


def pages_read(path: Path, pdf, to_content: Callable, *, first_number: int = 1):
    """Each page of an open PDF through `to_content`, closing it after; a page (or page tree)
    the library cannot read makes the file a damaged PDF. `first_number`: the number of the first page given."""
    number = None
    try:
        for number, page in enumerate(pdf.pages, start=first_number):
            yield to_content(page)
            page_read()
            close = getattr(page, "close", None)
            if close:
                close()
    except InputError:
        raise
    except Exception as exc:  # the PDF libraries raise many kinds of error on broken content
        where = f"page {number} cannot be read" if number is not None else "its page tree cannot be read"
        raise InputError(f"{path}: damaged PDF ({where}: {type(exc).__name__})") from exc


def require_text(path: Path, pages: Sequence) -> None:
    """A PDF whose pages carry no text at all is a scan: nothing to read the tables from."""
    if pages and not any(page.words for page in pages):
        raise InputError(f"{path}: no text layer (scanned?); give --ocr to read it with Tesseract")
