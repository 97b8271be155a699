"""Pages read so far, for whoever watches a long document: a counter that forked readers share.

Nothing is counted unless a counter is given (`count_pages_in`); the readers only call `page_read`.
"""

from __future__ import annotations

from pathlib import Path

_counter = None  # a multiprocessing.Value("i"), shared with the processes forked after it is set


def count_pages_in(counter) -> None:
    """Count each page read from now on, here and in processes forked from here, in `counter` (None: stop)."""
    global _counter
    _counter = counter


def page_read() -> None:
    if _counter is not None:
        with _counter.get_lock():
            _counter.value += 1


def page_count(path: Path, *, password: str | None = None) -> int | None:
    """The number of pages, or None when the file cannot be opened (reading it will say why)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path, password=password)
    except Exception:  # any failure is reported by the reading itself
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()
