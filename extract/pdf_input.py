"""Opening a PDF, and saying in plain words why one cannot be used."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from .errors import InputError

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


def check_pdf_file(path: Path) -> None:
    """Raise InputError unless the path is a readable, non-empty file that starts like a PDF."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise InputError(f"{path}: not a PDF; it looks like {describe_non_pdf(head)}")


@contextmanager
def open_pdf(path: Path, *, password: str | None = None):
    """Open with pdfplumber, turning its failures into InputError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    check_pdf_file(path)
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except PDFPasswordIncorrect:
        raise InputError(f"{path}: encrypted; give --password") from None
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many types for broken files
        raise InputError(f"{path}: damaged PDF ({type(exc).__name__})") from exc
    try:
        yield pdf
    finally:
        pdf.close()
