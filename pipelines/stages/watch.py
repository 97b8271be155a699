"""Page progress of a long document: the readers count pages in shared memory, a thread here shows the count."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Callable

from projektpulje.extract.progress import count_pages_in, page_count

LONG_DOCUMENT = 50  # pages; a shorter document is read before progress would help
INTERVAL = 0.25  # seconds between looks at the count


class PageWatch:
    """Counts the pages of `pdf` read from now on (also in processes forked after it starts) and shows the count
    through `show(done, total, final=…)` until stopped. Does nothing for a short document or one that cannot be opened."""

    def __init__(self, pdf: Path, *, show: Callable[..., None], password: str | None = None) -> None:
        self.show = show
        self.total = page_count(pdf, password=password) or 0
        self.counter = multiprocessing.get_context("fork").Value("i", 0) if self.total >= LONG_DOCUMENT else None
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None
        count_pages_in(self.counter)

    def begin(self) -> None:
        """Start showing; call once the reading processes are forked (no thread is running when they fork)."""
        if self.counter is not None:
            self.thread = threading.Thread(target=self._loop, daemon=True)
            self.thread.start()

    def stop(self) -> None:
        count_pages_in(None)
        self.stopped.set()
        if self.thread is not None:
            self.thread.join()
            self._look(final=True)

    def _look(self, *, final: bool = False) -> None:
        self.show(min(self.counter.value, self.total), self.total, final=final)

    def _loop(self) -> None:
        while not self.stopped.wait(INTERVAL):
            self._look()
