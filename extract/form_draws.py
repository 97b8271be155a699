"""How many form XObjects a page draws, nesting counted out, found without drawing them: each form read once.

A form may draw other forms, and they others, each several times: a few kilobytes
can ask a reader to draw a form a million times on one page, and pdfium and
pdfminer both would (poppler too). Such a page is refused before any of them
draws it, so a document of a few pages is answered in seconds whatever its
structure.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import InputError
from .pdf_input import check_pdf_file, pdfminer_document

MAX_FORM_DRAWS = 50_000  # per page; pdfium draws that many in about a second, pdfminer in about half a minute
_DO = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s+Do\b")
_MAY_HOLD_FORMS = (b"/Form", b"/ObjStm")  # a form's dictionary, or object streams that may hide one


def require_bounded_forms(path: Path, *, password: str | None = None) -> None:
    """Raise InputError for a page that would draw more than MAX_FORM_DRAWS forms. A file pdfminer cannot open
    is left to the extractor, which says why."""
    check_pdf_file(path)
    stat = path.stat()
    _require_bounded_forms(path, stat.st_size, stat.st_mtime_ns, password)


@functools.lru_cache(maxsize=4)
def _require_bounded_forms(path: Path, size: int, mtime: int, password: str | None) -> None:
    data = path.read_bytes()
    if not any(marker in data for marker in _MAY_HOLD_FORMS):
        return
    for number, draws in _pages_form_draws(path, password=password):
        if draws > MAX_FORM_DRAWS:
            raise InputError(
                f"{path}: page {number} draws forms nested in each other more than {MAX_FORM_DRAWS} times; "
                f"too many to read"
            )


def _pages_form_draws(path: Path, *, password: str | None):
    """(page number, forms it draws) for each page, as far as pdfminer reads the file."""
    from pdfminer.pdfpage import PDFPage

    try:
        counter = FormCounter()
        for number, page in enumerate(PDFPage.create_pages(pdfminer_document(path, password=password)), start=1):
            yield number, counter.draws(_content(page.contents), page.resources)
    except InputError:
        raise
    except Exception:  # pdfminer cannot read on; the extractor reports what is wrong with the file
        return


def _content(streams) -> bytes:
    from pdfminer.pdftypes import resolve1

    parts = []
    for stream in streams or ():
        stream = resolve1(stream)
        parts.append(stream.get_data() if hasattr(stream, "get_data") else b"")
    return b"\n".join(parts)


class FormCounter:
    """Forms drawn by content, counting what the forms draw in turn; each form's content read once (memoised),
    a form that draws itself (a cycle) counted once, as readers stop there."""

    def __init__(self) -> None:
        self._expanded: dict[tuple, int] = {}
        self._open: set[tuple] = set()

    def draws(self, content: bytes, resources) -> int:
        from pdfminer.pdftypes import resolve1
        from pdfminer.psparser import LIT

        xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
        if not isinstance(xobjects, dict):
            return 0
        total = 0
        for name in _DO.findall(content):
            ref = xobjects.get(name.decode("latin-1"))
            form = resolve1(ref)
            if resolve1(getattr(form, "attrs", {}).get("Subtype")) is not LIT("Form"):
                continue
            total += 1 + self._form(ref, form, resources)
            if total > MAX_FORM_DRAWS:
                break
        return total

    def _form(self, ref, form, inherited) -> int:
        key = (getattr(ref, "objid", id(form)), id(inherited))
        if key in self._open:
            return 0
        if key not in self._expanded:
            self._open.add(key)
            try:
                self._expanded[key] = self.draws(form.get_data(), form.attrs.get("Resources", inherited))
            finally:
                self._open.discard(key)
        return self._expanded[key]
