"""The first stage of a run in a forked process of its own, so that the PDF is read, reconciled and drawn
while the process that checks the rules and writes is still loading pandas and pandera; the pages are
gone with that process once it is done."""

from __future__ import annotations

from pathlib import Path

from projektpulje.errors import ProjektpuljeError
from projektpulje.stages.forked import CrashedError, Forked

from projektpulje.document import Document
from projektpulje.settings import RunSettings
from projektpulje.stages.analysis import draft_document


class ReadAhead:
    """`draft_document` running in a forked process; `result()` waits for it."""

    def __init__(self, pdf: Path, *, settings: RunSettings) -> None:
        self.pdf = pdf
        self.forked = Forked(draft_document, pdf, settings=settings)

    def result(self) -> Document:
        try:
            return self.forked.result()
        except CrashedError as error:
            if error.status is not None:
                raise ProjektpuljeError(
                    f"{self.pdf}: the process reading it crashed (status {error.status}); nothing written"
                ) from None
            raise
