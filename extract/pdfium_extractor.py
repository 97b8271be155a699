"""Tables from a PDF through pypdfium2: glyphs and drawn paths, read page by page in pdfplumber's geometry.

pdfium gives each glyph's origin, matrix, font and size, and each path's points.
The boxes, words and edges made from them follow pdfplumber's conventions: a
glyph box is the advance wide and the font size tall, standing on the descent
the font's dictionary states; words are made from them by the rule both
extractors share (``words.py``); a rectangle gives four edges. So the layout reads a page
the same whichever of the two extractors read it, several times faster.
"""

from __future__ import annotations

import ctypes
import functools
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import InputError
from .form_draws import require_bounded_forms
from .decoding import pages_to_undecoded
from .layout import ExtractSettings, PageContent, layouts_to_tables, pages_to_layouts
from .pictures import layouts_to_pictures
from .model import ExtractedDocument, MapPages, in_order
from .pdf_input import (
    UNSUPPORTED_ENCRYPTION,
    check_pdf_file,
    encrypted_message,
    pages_read,
    pdfminer_document,
    rebuilt_for_pdfminer,
    require_text,
)
from .pdfium_paths import Matrix, edges_to_rules, matrix_of, multiply, page_to_edges, page_to_images, page_to_view
from .words import TEXT, Glyph, glyphs_to_words

NAME = "pdfium"
LINE_END_HYPHEN = "\x02"  # pdfium's stand-in for a hyphen that ends a line ("\ufffe" in its page text)
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
DescentOf = Callable[[str], "float | None"]



# --- pdfium: glyphs ----------------------------------------------------------------


class Run(NamedTuple):
    """What the glyphs of one text object share: font, size, and their box at the origin before the advance."""

    font: object
    widths: dict[str, float]  # advance per character, in font-size units
    size: float
    a: float  # how an advance runs on the page
    b: float
    x_lo: float
    x_hi: float
    y_lo: float
    y_hi: float
    upright: bool
    scale: float  # how an advance runs in user space, horizontally


def font_descent(font, descent_of: DescentOf) -> float:
    """A font's descent (a negative share of its size): the one its dictionary states, else pdfium's."""
    name = ctypes.create_string_buffer(256)
    pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
    stated = descent_of(name.value.decode("latin-1"))
    if stated is not None:
        return stated
    value = ctypes.c_float()
    pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), value)
    return -abs(value.value) / 1000


def text_object_to_run(textpage, index: int, view: Matrix, fonts: dict, descent_of: DescentOf) -> Run:
    """What the glyphs of the text object that holds character ``index`` share."""
    obj = pdfium_c.FPDFText_GetTextObject(textpage, index)
    raw, size_value = pdfium_c.FS_MATRIX(), ctypes.c_float()
    pdfium_c.FPDFText_GetMatrix(textpage, index, raw)
    user = matrix_of(raw)
    a, b, c, d, _, _ = multiply(user, view)
    pdfium_c.FPDFTextObj_GetFontSize(obj, size_value)
    size = size_value.value
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    key = ctypes.cast(font, ctypes.c_void_p).value
    if key not in fonts:
        fonts[key] = (font_descent(font, descent_of), {})
    descent, widths = fonts[key]
    low, high = descent * size, (descent + 1) * size
    xs, ys = (c * low, c * high), (d * low, d * high)
    upright = a * d > 0 and b * c <= 0
    return Run(font, widths, size, a, b, min(xs), max(xs), min(ys), max(ys), upright, user[0])


def unit_advance(run: Run, ch: str) -> float:
    """A character's advance in font-size units, from its font's widths."""
    if ch not in run.widths:
        width = ctypes.c_float()
        pdfium_c.FPDFFont_GetGlyphWidth(run.font, ord(ch), ctypes.c_float(1000.0), width)
        run.widths[ch] = width.value / 1000
    return run.widths[ch]


def ligature_advance(textpage, index: int, origin_x: float, run: Run) -> float:
    """The advance of a glyph pdfium gave several characters (a ligature), from its loose box."""
    box = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
    return (box.right - origin_x) / run.scale if run.scale else 0.0


def textpage_to_text(textpage, count: int) -> str:
    """The text page's characters, one per index: in one call where pdfium's page text lines up with them."""
    units = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, units)
    text = bytes(units)[: 2 * count].decode("utf-16-le", errors="surrogatepass")
    if len(text) == count and not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text.replace("\ufffe", LINE_END_HYPHEN)
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))


@functools.cache
def _text_object_address():
    """FPDFText_GetTextObject returning a plain address, to tell text objects apart cheaply."""
    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


def textpage_to_glyphs(textpage, view: Matrix, height: float, descent_of: DescentOf) -> list[Glyph]:
    """Every glyph of the text page in its order; the spaces and line breaks pdfium adds left out.

    The extractor's hot loop: what a text object's glyphs share is looked up once per object.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    text = textpage_to_text(textpage, count)
    object_at, origin_of, is_generated = _text_object_address(), pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_IsGenerated
    address = ctypes.cast(textpage, ctypes.c_void_p).value
    va, vb, vc, vd, ve, vf = view
    x, y = ctypes.c_double(), ctypes.c_double()
    fonts: dict = {}
    glyphs: list[Glyph] = []
    current = previous_object = previous_x = previous_y = None
    for i, ch in enumerate(text):
        obj = object_at(address, i)
        if obj is None or (ch in " \r\n" and is_generated(textpage, i)):
            continue
        if obj != current:
            current = obj
            run = text_object_to_run(textpage, i, view, fonts, descent_of)
            widths, size, a, b, x_lo, x_hi, y_lo, y_hi, upright = (
                run.widths, run.size, run.a, run.b, run.x_lo, run.x_hi, run.y_lo, run.y_hi, run.upright
            )
        origin_of(textpage, i, x, y)
        ux, uy = x.value, y.value
        if ch == LINE_END_HYPHEN:
            ch = "-"
        if ux == previous_x and uy == previous_y and obj == previous_object:
            ch = glyphs.pop()[TEXT] + ch
            advance = ligature_advance(textpage, i, ux, run)
        else:
            unit = widths.get(ch)
            advance = (unit if unit is not None else unit_advance(run, ch)) * size
        previous_object, previous_x, previous_y = obj, ux, uy
        ox, oy = va * ux + vc * uy + ve, vb * ux + vd * uy + vf
        ax, by = a * advance, b * advance
        if ax >= 0:
            x0, x1 = ox + x_lo, ox + x_hi + ax
        else:
            x0, x1 = ox + x_lo + ax, ox + x_hi
        if by >= 0:
            low, high = y_lo, y_hi + by
        else:
            low, high = y_lo + by, y_hi
        glyphs.append((ch, x0, height - (oy + high), x1, height - (oy + low), high - low, upright))
    return glyphs


class FontDescents:
    """Each font's descent as its dictionary states it, looked up by name the first time it is asked for.

    pdfium makes up a descent where the dictionary gives none (as LibreOffice writes
    them), and pdfplumber's boxes use the dictionary's, so the dictionaries are read
    with pdfminer (which pdfplumber brings), page by page only as far as needed.
    """

    def __init__(self, path: Path, *, password: str | None) -> None:
        self._path, self._password = path, password
        self._specs: dict[str, object] = {}
        self._descents: dict[str, float | None] = {}
        self._pages: Iterator | None = None
        self._forms_seen: set = set()

    def __call__(self, name: str) -> float | None:
        key = SUBSET_TAG.sub("", name)
        if not key:
            return None
        if key not in self._descents:
            self._descents[key] = self._read(key)
        return self._descents[key]

    def close(self) -> None:
        self._pages = None

    def _read(self, key: str) -> float | None:
        from pdfminer.pdfinterp import PDFResourceManager

        try:
            spec = self._find(key)
            return None if spec is None else PDFResourceManager().get_font(None, spec).get_descent()
        except Exception:  # a file or font pdfminer cannot read keeps pdfium's descent
            return None

    def _find(self, key: str):
        pages = self._open()
        while key not in self._specs:
            page = next(pages, None)
            if page is None:
                return None
            self._collect(page.resources)
        return self._specs[key]

    def _open(self) -> Iterator:
        if self._pages is None:
            from pdfminer.pdfpage import PDFPage

            self._pages = iter(())  # a file pdfminer cannot open is tried once
            self._pages = iter(PDFPage.create_pages(pdfminer_document(self._path, password=self._password)))
        return self._pages

    def _collect(self, resources) -> None:
        """Note the fonts of a resource dictionary, and of the form XObjects it holds, by name.

        Forms may hold each other (even in a cycle), and many pages share them: each form is visited once
        in the document, so the walk is as long as the document has forms, whatever their nesting.
        """
        from pdfminer.pdftypes import PDFObjRef, resolve1
        from pdfminer.psparser import PSLiteral

        pending = [resources]
        while pending:
            resources = resolve1(pending.pop()) or {}
            if not isinstance(resources, dict):
                continue
            for spec in (resolve1(resources.get("Font")) or {}).values():
                spec = resolve1(spec)
                base = resolve1(spec.get("BaseFont")) if isinstance(spec, dict) else None
                if isinstance(base, PSLiteral):
                    self._specs.setdefault(SUBSET_TAG.sub("", str(base.name)), spec)
            xobjects = resolve1(resources.get("XObject")) or {}
            inner = []
            for xobject in xobjects.values() if isinstance(xobjects, dict) else ():
                key = xobject.objid if isinstance(xobject, PDFObjRef) else id(xobject)
                if key not in self._forms_seen:
                    self._forms_seen.add(key)
                    inner.append(getattr(resolve1(xobject), "attrs", {}).get("Resources"))
            pending.extend(reversed([r for r in inner if r is not None]))  # depth first, in order


# --- pages ---------------------------------------------------------------------------


class NumberedPage(NamedTuple):
    number: int
    page: pdfium.PdfPage

    def close(self) -> None:
        self.page.close()


def page_to_content(numbered: NumberedPage, *, descent_of: DescentOf, shared: dict[float, float]) -> PageContent:
    """One page → words with font size, horizontal rules and vertical rules; its text page closed after."""
    page = numbered.page
    view, width, height = page_to_view(page.get_mediabox(), page.get_rotation())
    textpage = page.get_textpage()
    try:
        words = glyphs_to_words(textpage_to_glyphs(textpage.raw, view, height, descent_of), shared)
    finally:
        textpage.close()
    rules, verticals = edges_to_rules(page_to_edges(page.raw, view, height))
    images = page_to_images(page.raw, view, height)
    return PageContent(numbered.number, float(width), float(height), tuple(words), rules, verticals, images)


class NumberedPages(NamedTuple):
    """An open document as ``pages_read`` takes one: its pages (all, or a run of them) one at a time,
    each knowing its number."""

    pdf: pdfium.PdfDocument
    indices: range | None = None

    @property
    def pages(self) -> Iterator[NumberedPage]:
        return (NumberedPage(i + 1, self.pdf[i]) for i in (self.indices or range(len(self.pdf))))


UNREADABLE_STRUCTURE = "damaged PDF (its structure cannot be read)"
# Why pdfium would not open a file, in the user's words (a password is asked for apart).
OPEN_FAILURES = {
    pdfium_c.FPDF_ERR_FILE: "cannot be opened (it may be in use or unreadable)",
    pdfium_c.FPDF_ERR_SECURITY: UNSUPPORTED_ENCRYPTION,
    pdfium_c.FPDF_ERR_PAGE: "damaged PDF (a page cannot be read)",
}


@contextmanager
def open_document(path: Path, *, password: str | None = None):
    """Open with pypdfium2, turning its failures into InputError."""
    check_pdf_file(path)
    try:
        pdf = pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(encrypted_message(path, password=password), option="password") from None
        raise InputError(f"{path}: {OPEN_FAILURES.get(exc.err_code, UNREADABLE_STRUCTURE)}") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def read_pages(path: Path, *, password: str | None = None, indices: range | None = None) -> list[PageContent]:
    """Every page's content (or that of the pages at `indices`), one page open at a time. The fonts' dictionaries
    are read (with pdfminer) from the file as pdfplumber reads it: a rebuilt copy where the table was rebuilt."""
    with rebuilt_for_pdfminer(path, check_pdf_file(path)) as readable:
        descents = FontDescents(readable, password=password)
        try:
            with open_document(path, password=password) as pdf:
                read = functools.partial(page_to_content, descent_of=descents, shared={})
                first_number = indices.start + 1 if indices else 1
                return list(pages_read(path, NumberedPages(pdf, indices), read, first_number=first_number))
        finally:
            descents.close()


def read_all_pages(path: Path, *, password: str | None = None, map_pages: MapPages = in_order) -> list[PageContent]:
    """Every page's content, the page ranges read as `map_pages` shares them out."""
    require_bounded_forms(path, password=password)
    with open_document(path, password=password) as pdf:
        count = len(pdf)
    read = functools.partial(read_pages, path, password=password)
    return map_pages(lambda run: read(indices=run), range(count))


def extract(
    path: Path, *, settings: ExtractSettings, password: str | None = None, map_pages: MapPages = in_order
) -> ExtractedDocument:
    pages = read_all_pages(path, password=password, map_pages=map_pages)
    require_text(path, pages)
    layouts = pages_to_layouts(pages, settings=settings)
    tables, text = layouts_to_tables(layouts, source=path.name, extractor=NAME, settings=settings)
    return ExtractedDocument(
        path.name, len(pages), tuple(tables), tuple(text), repairs=check_pdf_file(path),
        undecoded=pages_to_undecoded(pages, scripts=settings.scripts), pictures=layouts_to_pictures(pages, layouts),
    )
