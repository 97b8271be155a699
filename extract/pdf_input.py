"""Opening a PDF, and saying in plain words why one cannot be used."""

from __future__ import annotations

import functools
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Sequence

from ..errors import InputError
from .progress import page_read
from .pdf_repair import XREF_REBUILT, pdf_bytes_to_repairs

# What a file that is not a PDF usually starts with, to say what it looks like.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls or .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
# What a ZIP holds, by the folder its parts are in: Office Open XML and OpenDocument files are ZIPs.
_ZIP_PARTS = (
    (b"word/", "a Word document (.docx) in a ZIP"),
    (b"xl/", "an Excel workbook (.xlsx) in a ZIP"),
    (b"ppt/", "a PowerPoint file (.pptx) in a ZIP"),
    (b"mimetypeapplication/vnd.oasis.opendocument", "an OpenDocument file (.odt, .ods) in a ZIP"),
)


def _zip_to_words(head: bytes) -> str:
    for part, what in _ZIP_PARTS:
        if part in head:
            return what
    return "a ZIP archive (perhaps a Word or Excel file)"


def _text_to_words(head: bytes) -> str | None:
    """What a file of text looks like (HTML, XML, JSON, plain text), or None if it is not text."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:512]:
        return "an HTML page"
    if text.startswith(b"<"):
        return "XML or HTML text"
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError as error:  # a character cut at the end of the first bytes is still text
        if error.start < len(head) - 3:
            return None
        decoded = head[: error.start].decode("utf-8")
    if not decoded.strip() or any(ord(c) < 32 and c not in "\t\r\n\f" for c in decoded):
        return None
    if decoded.lstrip().startswith(("{", "[")):
        return "JSON text"
    return "plain text"


def describe_non_pdf(head: bytes, tail: bytes = b"") -> str:
    """A guess at what a file is, from its first bytes (and its last, where a ZIP lists its parts): an image,
    an archive or office file, text, else binary data of a kind not known."""
    if head.startswith(b"PK\x03\x04"):
        return _zip_to_words(head + tail)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    return _text_to_words(head) or "binary data of a kind not known (not an image, archive, office file or text)"


def check_pdf_file(path: Path) -> tuple[str, ...]:
    """Raise InputError unless the path is a whole PDF: not empty, a PDF header, an end-of-file marker, and
    nothing lost that a reader would have to guess (see pdf_repair). A PDF library could patch a cut-off file
    up; a half file must be downloaded again instead. Returns what readers repair in it, as notes for the user
    ("cross-reference table rebuilt"); a file is inspected once per process."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    stat = path.stat()
    return _checked(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _checked(path: Path, size: int, mtime: int) -> tuple[str, ...]:
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        raise InputError(f"{path}: the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        with path.open("rb") as fh:
            fh.seek(max(0, size - 65536))
            tail = fh.read()
        raise InputError(f"{path}: not a PDF; it looks like {describe_non_pdf(head, tail)}")
    return pdf_bytes_to_repairs(path.read_bytes(), name=str(path))


@contextmanager
def rebuilt_for_pdfminer(path: Path, repairs: Sequence[str]):
    """The path pdfminer (pdfplumber, camelot) should read. pdfminer's own rebuilding of a cross-reference table
    misses objects pdfium finds; where the table had to be rebuilt, a copy written by pdfium (same file name, in a
    temporary folder) is read instead. Encrypted files are read as they are."""
    import tempfile

    if XREF_REBUILT not in repairs or b"/Encrypt" in path.read_bytes():
        yield path
        return
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory(prefix="projektpulje-") as folder:
        copy = Path(folder) / path.name
        try:
            document = pdfium.PdfDocument(path)
            try:
                document.save(copy)
            finally:
                document.close()
        except pdfium.PdfiumError:  # pdfium cannot open it either: pdfminer tries the file itself
            copy = path
        yield copy


def pdfminer_document(path: Path, *, password: str | None = None):
    """pdfminer's reading of the file's objects, made once per file and process (a damaged file can take pdfminer
    seconds to scan). It reads from memory, so processes forked after share it safely."""
    stat = path.stat()
    return _pdfminer_document(path, stat.st_size, stat.st_mtime_ns, password)


@functools.lru_cache(maxsize=2)
def _pdfminer_document(path: Path, size: int, mtime: int, password: str | None):
    import io

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    return PDFDocument(PDFParser(io.BytesIO(path.read_bytes())), password=password or "")


UNSUPPORTED_ENCRYPTION = "encrypted in a way the PDF reader does not support"


def encrypted_message(path: Path, *, password: str | None) -> str:
    if password:
        return f"{path}: encrypted, and the password given does not open it"
    return f"{path}: encrypted; give --password"


@contextmanager
def open_pdf(path: Path, *, password: str | None = None, name: Path | None = None):
    """Open with pdfplumber, turning its failures into InputError (naming `name`, the file the user gave, when
    `path` is a copy of it)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    check_pdf_file(name or path)
    shown = name or path
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except Exception as exc:  # pdfminer raises many types for broken files; pdfplumber wraps them
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(encrypted_message(shown, password=password), option="password") from None
        if isinstance(cause, PDFEncryptionError):
            raise InputError(f"{shown}: {UNSUPPORTED_ENCRYPTION}") from exc
        raise InputError(f"{shown}: damaged PDF (its structure cannot be read)") from exc
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
        raise InputError(f"{path}: damaged PDF ({where})") from exc


NO_TEXT_LAYER = "no text layer (scanned?); give --ocr to read it with Tesseract"
NO_TEXT_READ = "no text read by OCR (Tesseract found none on its pages, or the pages are too large to read)"


def require_text(path: Path, pages: Sequence) -> None:
    """A PDF whose pages carry no text at all is a scan: nothing to read the tables from."""
    if pages and not any(page.words for page in pages):
        raise InputError(f"{path}: {NO_TEXT_LAYER}", option="ocr")
