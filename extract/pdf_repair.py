"""What is wrong with a PDF file's structure: what every reader repairs without a word, and what loses content.

pdfium, poppler and qpdf read past data after the end-of-file marker, rebuild a
cross-reference table whose offsets are wrong by scanning the file for its
objects, and find a stream's end where its stated /Length misses it. So does
projektpulje, and it says so (``repairs``). It refuses what no reader can make
whole: a file cut off, objects the cross-reference table lists that are not in
the file, a page's compressed content that does not decompress, a compression
the reader does not have.
"""

from __future__ import annotations

import base64
import re
import zlib
from typing import Iterator, NamedTuple

from ..errors import InputError

EOF_MARKER = b"%%EOF"
BLANK = b" \t\r\n\x0c\x00"
# After the last end-of-file marker, these mean a later part of the file (an update) was cut off.
_STRUCTURE = re.compile(rb"\d+\s+\d+\s+obj\b|\bxref\b|\btrailer\b|\bstartxref\b|\bendobj\b|\bendstream\b")
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_XREF_KEYWORD = re.compile(rb"(?<![a-z])xref(?=\s)")
_XREF_AT = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")
_SUBSECTION = re.compile(rb"(\d+)\s+(\d+)\s*[\r\n]+")
_ENTRY = re.compile(rb"\s*(\d{1,10})\s+(\d{1,5})\s+([nf])")
_OBJECT_AT = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_OBJECT = re.compile(rb"(?<![\d.])(\d+)\s+(\d+)\s+obj\b")
_STREAM_START = re.compile(rb"(?<![a-z])stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")
_ENDSTREAM_AT = re.compile(rb"[\r\n \t]*endstream")
_NOT_TEXT = re.compile(rb"/Subtype\s*/(Image|Type1C|CIDFontType0C|OpenType)\b|/Length[123]\b|/Type\s*/Metadata\b")
FREE_GENERATION = 65535
# Streams known by how they are referred to: font programs, colour profiles, metadata, attached files.
_NOT_TEXT_REFERENCE = re.compile(rb"/(?:FontFile[23]?|Metadata|ICCBased|EmbeddedFile|F|UF|Thumb)\s+(\d+)\s+\d+\s+R")
DICT_WINDOW = 2000  # how far before a stream its dictionary is looked for

# The compressions pdfium decodes, by their full and abbreviated names.
SUPPORTED_FILTERS = frozenset({
    b"FlateDecode", b"Fl", b"LZWDecode", b"LZW", b"ASCII85Decode", b"A85", b"ASCIIHexDecode", b"AHx",
    b"RunLengthDecode", b"RL", b"CCITTFaxDecode", b"CCF", b"DCTDecode", b"DCT", b"JBIG2Decode", b"JPXDecode", b"Crypt",
})
# Filter chains whose damage can be seen: Flate, alone or behind ASCII85.
_CHECKED_FILTERS = ([b"FlateDecode"], [b"ASCII85Decode", b"FlateDecode"], [b"Fl"], [b"A85", b"Fl"])

DATA_AFTER_EOF = "data after the end-of-file marker ignored"
XREF_REBUILT = "cross-reference table rebuilt"
LENGTH_CORRECTED = "stream lengths corrected"
OBJECTS_MISSING = "damaged PDF (objects its cross-reference table lists are missing from the file)"


class Stream(NamedTuple):
    """A stream's object number (0: not found), its dictionary (as bytes), where its data starts, and where its
    'endstream' is (-1: none)."""

    number: int
    dictionary: bytes
    start: int
    end: int


# What one page's compressed content may inflate to: a text page's content is kilobytes, a dense one a few
# megabytes; past this a stream is refused in words, not inflated into memory.
MAX_INFLATED = 256 * 2**20
INFLATE_CHUNK = 2**20
# The largest image drawn: a page scanned at 600 dpi is 35 million pixels; past this an image (as its
# dictionary states it, or as its data inflate, at four bytes a pixel) is refused in words, never decoded.
MAX_IMAGE_PIXELS = 100_000_000
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_WIDTH = re.compile(rb"/Width\s+(\d+)\b(?!\s+\d+\s+R)")
_HEIGHT = re.compile(rb"/Height\s+(\d+)\b(?!\s+\d+\s+R)")


def pdf_bytes_to_repairs(data: bytes, *, name: str) -> tuple[str, ...]:
    """What a reader repairs in this file, in the order found; InputError where content is lost or uncertain.
    `name` starts each message."""
    body, repairs = _body_before_eof(data, name=name)
    if not _xref_is_sound(body):
        _require_listed_objects(body, name=name)
        repairs.append(XREF_REBUILT)
    if b"/Encrypt" not in body:  # an encrypted file's streams are left to the password check
        if _check_streams(body, name=name):
            repairs.append(LENGTH_CORRECTED)
    return tuple(repairs)


def _body_before_eof(data: bytes, *, name: str) -> tuple[bytes, list[str]]:
    """The file up to its last end-of-file marker. A later part of the file without a marker was cut off;
    other bytes after it (padding, a mail program's junk) are ignored, as readers do."""
    at = data.rfind(EOF_MARKER)
    if at < 0 or _STRUCTURE.search(data, at + len(EOF_MARKER)):
        raise InputError(f"{name}: truncated PDF (no end-of-file marker); download it again")
    padding = data[at + len(EOF_MARKER):].strip(b" \t\r\n\x0c")
    return data[: at + len(EOF_MARKER)], [DATA_AFTER_EOF] if padding else []


def _xref_is_sound(body: bytes) -> bool:
    """Whether the file's last cross-reference section is where it says and, as a table, points at its objects."""
    found = _STARTXREF.findall(body, max(0, len(body) - 4096))
    if not found:
        return False
    offset = int(found[-1])
    match = _XREF_AT.match(body, offset) if offset < len(body) else None
    if match is None:
        return False
    if match.group(1) != b"xref":
        return True  # a cross-reference stream: pdfium checks it as it reads
    entries = _table_entries(body, match.end())
    return entries is not None and all(_object_number_at(body, offset) == number for number, offset in entries.items())


def _object_number_at(body: bytes, offset: int) -> int | None:
    found = _OBJECT_AT.match(body, offset)
    return int(found.group(1)) if found else None


def _table_entries(body: bytes, at: int) -> dict[int, int] | None:
    """The objects in use in the cross-reference table whose subsections start at `at` (number → offset);
    None where it does not parse."""
    entries: dict[int, int] = {}
    while True:
        at = _skip_blank(body, at)
        head = _SUBSECTION.match(body, at)
        if head is None:
            return entries if body.startswith(b"trailer", at) else None
        first, count = int(head.group(1)), int(head.group(2))
        at = head.end()
        for number in range(first, first + count):
            entry = _ENTRY.match(body, at)
            if entry is None:
                return None
            offset, generation = int(entry.group(1)), int(entry.group(2))
            if entry.group(3) == b"n" and number and offset and generation < FREE_GENERATION:
                entries[number] = offset  # (offset 0 or generation 65535 is how some producers write a free entry)
            at = entry.end()


def _skip_blank(body: bytes, at: int) -> int:
    while at < len(body) and body[at] in BLANK:
        at += 1
    return at


def _require_listed_objects(body: bytes, *, name: str) -> None:
    """Before a table is rebuilt by scanning: as many objects as the old table lists must be in the file."""
    tables = list(_XREF_KEYWORD.finditer(body))
    entries = _table_entries(body, tables[-1].end()) if tables else None
    if not entries:
        return
    present = {int(m.group(1)) for m in _OBJECT.finditer(body)} - {0}
    # Counted, not matched by number: tables numbered one off (a subsection starting at 1) are common and harmless.
    if len(present) < len(entries):
        raise InputError(f"{name}: {OBJECTS_MISSING}")


def body_to_streams(body: bytes) -> Iterator[Stream]:
    """Every stream of the file with its dictionary, found by scanning (as a rebuilt table would)."""
    for match in _STREAM_START.finditer(body):
        window = body[max(0, match.start() - DICT_WINDOW) : match.start()]
        objects = list(_OBJECT.finditer(window))
        dictionary = window[objects[-1].end():] if objects else b""
        number = int(objects[-1].group(1)) if objects else 0
        yield Stream(number, dictionary, match.end(), body.find(b"endstream", match.end()))


def _check_streams(body: bytes, *, name: str) -> bool:
    """Raise InputError for a stream that would lose text: a compression the reader lacks, or compressed data
    that does not decompress. Images, font programs and metadata carry no text and are left to the reader.
    Returns whether a stream's stated /Length misses its end (readers find the end themselves)."""
    wrong_length = False
    not_text = {int(n) for n in _NOT_TEXT_REFERENCE.findall(body)}
    for stream in body_to_streams(body):
        filters = _FILTER.search(stream.dictionary)
        names = re.findall(rb"/([^\s/\[\]<>()]+)", filters.group(1)) if filters else []
        carries_text = not _NOT_TEXT.search(stream.dictionary) and stream.number not in not_text
        unsupported = [n for n in names if n not in SUPPORTED_FILTERS]
        if unsupported and carries_text:
            raise InputError(
                f"{name}: uses a compression ({unsupported[0].decode('latin-1')}) that the PDF reader does not support"
            )
        length = _LENGTH.search(stream.dictionary)
        if length and not _ENDSTREAM_AT.match(body, stream.start + int(length.group(1))):
            wrong_length = True
        if _IMAGE.search(stream.dictionary):
            _check_image(stream, names, body, name=name)
        elif names in _CHECKED_FILTERS and carries_text:
            try:
                whole = stream.end >= 0 and _inflates(body[stream.start : stream.end], ascii85=len(names) == 2)
            except _TooLarge:
                raise InputError(f"{name}: a compressed stream in it inflates to more than "
                                 f"{MAX_INFLATED // 2**20} MB; not read (a decompression bomb?)") from None
            if not whole:
                raise InputError(f"{name}: damaged PDF (a compressed stream in it is corrupt)")
    return wrong_length


def _check_image(stream: Stream, names: list[bytes], body: bytes, *, name: str) -> None:
    """InputError for an image too large to draw: by the size its dictionary states, or by what its Flate data
    inflate to. Damaged image data is left to the reader (it carries no text)."""
    width, height = _WIDTH.search(stream.dictionary), _HEIGHT.search(stream.dictionary)
    if width and height and int(width.group(1)) * int(height.group(1)) > MAX_IMAGE_PIXELS:
        raise InputError(f"{name}: an image in it is {int(width.group(1))} × {int(height.group(1))} pixels, more "
                         f"than {MAX_IMAGE_PIXELS // 10**6} million; not read (a decompression bomb?)")
    if names in _CHECKED_FILTERS and stream.end >= 0:
        try:
            _inflates(body[stream.start : stream.end], ascii85=len(names) == 2, limit=4 * MAX_IMAGE_PIXELS)
        except _TooLarge:
            raise InputError(f"{name}: an image in it inflates to more than {4 * MAX_IMAGE_PIXELS // 2**20} MB; "
                             "not read (a decompression bomb?)") from None


def _inflates(data: bytes, *, ascii85: bool, limit: int | None = None) -> bool:
    """Whether Flate data decompresses. A wrong checksum after complete data loses nothing (readers ignore it),
    so the data is inflated without its zlib header and checksum."""
    try:
        if ascii85:
            text = data.strip().removeprefix(b"<~").removesuffix(b"~>")
            data = base64.a85decode(text)
        if not data.strip(BLANK):
            return True  # an empty stream: nothing to lose
        if len(data) < 2 or (data[0] * 256 + data[1]) % 31 or data[0] & 0x0F != 8:
            return False
        _bounded_inflate(data[2:], limit=limit)
    except (zlib.error, ValueError):
        return False
    return True


class _TooLarge(Exception):
    """A stream that inflates past its limit."""


def _bounded_inflate(data: bytes, *, limit: int | None = None) -> int:
    """The size raw Flate data inflates to, found a chunk at a time (never more than CHUNK in memory); _TooLarge
    past `limit` (MAX_INFLATED unless given)."""
    limit = MAX_INFLATED if limit is None else limit
    inflater, pending, total = zlib.decompressobj(-15), data, 0
    while True:
        out = inflater.decompress(pending, INFLATE_CHUNK)
        total += len(out)
        if total > limit:
            raise _TooLarge
        pending = inflater.unconsumed_tail
        if inflater.eof or not (out or pending):
            return total
