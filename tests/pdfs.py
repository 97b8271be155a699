"""PDFs written by hand for tests."""

from __future__ import annotations


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of Helvetica text, written by hand."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        *one_page_objects(stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_from_objects(objects, header=b"%PDF-1.4\n")


def one_page_objects(stream: bytes) -> list[bytes]:
    """Objects 1-4 of a one-page A4 PDF: catalog, pages, the page (its font F1 is object 5) and its content."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]


def pdf_from_objects(objects: list[bytes], *, tail: bytes = b"", header: bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") -> bytes:
    """A PDF of the given object bodies (object 1 is the catalog), with a correct cross-reference table."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out) + tail


def font_without_unicode_map_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text is set in a composite font (Identity-H) with no ToUnicode map and no font
    program: each character is written as a glyph number (its position in the line's alphabet), so readers
    can only give the numbers back (control characters, "(cid:3)"), as with a font subset that lost its map."""
    alphabet = sorted({ch for line in lines for ch in line if ch != " "})
    shows = []
    for i, line in enumerate(lines):
        words = ["<" + "".join(f"{alphabet.index(ch) + 1:04X}" for ch in word) + ">" for word in line.split()]
        shown_words = " ".join(f"{w} Tj 8 0 Td" for w in words)
        shows.append(f"BT /F1 11 Tf 72 {760 - 16 * i} Td {shown_words} ET")
    stream = "\n".join(shows).encode("latin-1")
    objects = [
        *one_page_objects(stream),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Lost /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Lost /CIDToGIDMap /Identity /DW 500 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /ABCDEF+Lost /Flags 32 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    return pdf_from_objects(objects)


HELVETICA_DIGIT = 0.556  # the width of a digit (and about that of "-") in Helvetica, in ems
HELVETICA_DOT = 0.278


def right_aligned_x(text: str, right: float, *, size: float) -> float:
    """Where a number set in Helvetica starts to end at `right`."""
    ems = sum(HELVETICA_DOT if ch in ".," else HELVETICA_DIGIT for ch in text)
    return right - ems * size


def text_lines_pdf(lines: list[tuple[float, float, str]], *, size: float = 10) -> bytes:
    """A one-page A4 PDF of Helvetica text, each line (x, y, text) placed where it says (y from the page's
    foot, as PDF counts it); the text is written in WinAnsi (Latin-1 letters, so æøå, but no en dash)."""
    def escaped(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    shows = [f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td ({escaped(text)}) Tj ET" for x, y, text in lines]
    stream = "\n".join(shows).encode("latin-1")
    objects = [
        *one_page_objects(stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_from_objects(objects, header=b"%PDF-1.4\n")
