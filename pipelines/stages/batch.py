"""Many documents at once: each in its own process, with a time limit, so one that fails,
hangs or crashes its worker is reported and the rest still land."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Sequence

from projektpulje.errors import EXIT_INTERNAL, EXIT_UNUSABLE, ProjektpuljeError, raised_by_pdf_reader
from projektpulje.stages.forked import CrashedError, die_with_parent

from projektpulje.document import Document
from projektpulje.console import PageLines, limited_lines
from projektpulje.stages.ahead import ReadAhead
from projektpulje.stages.watch import PageWatch
from projektpulje.outputs.files import recover_folder, unique_folder_names
from projektpulje.settings import RunSettings

DEFAULT_TIMEOUT = 600.0  # seconds per document; generous: a 700-page document takes well under a minute


@dataclass(frozen=True)
class Outcome:
    """How one document ended: its summary line, or the one-line reason it could not be used."""

    pdf: Path
    exit_code: int
    summary: str = ""
    error: str = ""
    detail: str = ""  # a traceback, shown with --debug
    out_dir: Path | None = None
    notes: tuple[str, ...] = ()


def pdfs_in(paths: Iterable[Path]) -> list[Path]:
    """PDF files named, and the PDF files in folders named (sorted, not recursive)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".pdf" and p.is_file()))
        else:
            found.append(path)
    return found


def finding_lines(document: Document) -> tuple[str, ...]:
    lines = []
    for finding in document.analysis.findings:
        where = f", page {finding['page']}, table {finding['table_no']}" if finding["table_no"] is not None else ""
        cause = "" if finding["root_cause"] else " (follows from another finding)"
        lines.append(f"{finding['kind']}: {document.source.name}{where}: {finding['message']}{cause}")
    return limited_lines(tuple(lines), where=str(document.out_dir / "findings.csv"))


def load_second_stage(settings: RunSettings):
    """The module that checks the rules and writes, with pandas and pandera. Without Parquet output, pandas
    loads without pyarrow: pandas 3 imports pyarrow on start whenever it is installed (about 0.1 s and 40 MB,
    a sixth of a run on a short document), and checking and writing CSV never use it."""
    if "parquet" not in settings.formats and "pandas" not in sys.modules:
        sys.modules.setdefault("pyarrow", None)  # an import of pyarrow now fails as if it were not installed
    from projektpulje.stages import run

    return run


def run_document(pdf: Path, *, settings: RunSettings, page_progress: str = ""):
    """Draft the PDF's outputs in a process of its own while this one loads the libraries that check the rules.
    `page_progress`: "bar" or "lines" to show a long document's pages as they are read, "" for silence."""
    watch = PageWatch(pdf, show=PageLines(pdf.name, bar=page_progress == "bar"), password=settings.password) \
        if page_progress else None
    first_stage = ReadAhead(pdf, settings=settings)
    if watch:
        watch.begin()
    try:
        second_stage = load_second_stage(settings)  # while the PDF is read
        draft = first_stage.result()
    finally:
        if watch:
            watch.stop()
    return second_stage.write_document(pdf, settings=settings, draft=draft)


# A library failing in a way it does not report: its own words are for --debug, not for the user.
UNEXPECTED_FAILURE = "cannot be read (the PDF reader failed on it unexpectedly); run with --debug for details"


def internal_error(pdf: Path, what: str) -> str:
    """The line for a fault of projektpulje itself while reading `pdf`: not blamed on the PDF."""
    return f"{pdf}: {what} (a fault of projektpulje, not of the PDF; run with --debug for the traceback)"


def run_one(pdf: Path, settings: RunSettings, *, page_progress: str = "") -> Outcome:
    """One document, never raising: every failure becomes an Outcome, exit code 2 when the input is to blame
    (a PDF library failing on it included), 3 when projektpulje is."""
    try:
        result = run_document(pdf, settings=settings, page_progress=page_progress)
    except ProjektpuljeError as error:
        detail = traceback.format_exc() + getattr(error, "detail", "")  # e.g. the regions seen and why rejected
        return Outcome(pdf, error.exit_code, error=str(error), detail=detail)
    except ImportError as error:  # the installation, not the PDF
        message = f"{pdf}: projektpulje is not installed completely ({type(error).__name__}: {error}); reinstall it"
        return Outcome(pdf, EXIT_INTERNAL, error=message, detail=traceback.format_exc())
    except CrashedError as error:  # failed in the process that read the PDF
        if error.in_reader:  # a PDF that breaks a library in a way the library does not report
            return Outcome(pdf, EXIT_UNUSABLE, error=f"{pdf}: {UNEXPECTED_FAILURE}", detail=error.detail)
        return Outcome(pdf, EXIT_INTERNAL, error=internal_error(pdf, str(error)), detail=error.detail)
    except Exception as error:
        if raised_by_pdf_reader(error):
            return Outcome(pdf, EXIT_UNUSABLE, error=f"{pdf}: {UNEXPECTED_FAILURE}", detail=traceback.format_exc())
        message = internal_error(pdf, f"{type(error).__name__}: {error}")
        return Outcome(pdf, EXIT_INTERNAL, error=message, detail=traceback.format_exc())
    return Outcome(
        pdf, result.exit_code, summary=result.summary(), out_dir=result.out_dir,
        notes=(*result.analysis.skipped, *finding_lines(result)),
    )


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: the documents finished are written; the others were stopped and left no trace."""

    def __init__(self, *, finished: int, total: int) -> None:
        super().__init__()
        self.finished, self.total = finished, total


def _child(pdf: Path, settings: RunSettings, connection, page_progress: str, parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's group: a worker (and what it forks) stops quietly;
    # the parent cleans up after it and says so once. A kill of the parent ends the worker too.
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    connection.send(run_one(pdf, settings, page_progress=page_progress))
    connection.close()


def _ended_without_result(pdf: Path, process, *, timed_out: bool, timeout: float) -> Outcome:
    if timed_out:
        return Outcome(pdf, EXIT_UNUSABLE, error=f"{pdf}: gave up after {timeout:g} s (--timeout); nothing written")
    return Outcome(
        pdf, EXIT_UNUSABLE, error=f"{pdf}: the worker reading it crashed (exit code {process.exitcode}); nothing written"
    )


def run_batch(
    pdfs: Sequence[Path],
    *,
    settings: RunSettings,
    jobs: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    on_done: Callable[[Outcome, int, int], None] = lambda outcome, done, total: None,
    page_progress: str = "",
) -> list[Outcome]:
    """Run every document in a process of its own, at most `jobs` at a time; outcomes in input order.
    `page_progress` ("bar", "lines" or ""): how a long document's pages show while they are read."""
    context = multiprocessing.get_context("fork")
    cores = os.cpu_count() or 1
    jobs = max(1, jobs or cores)
    # The cores that no other document uses read the pages of a long one, in runs (the pdfium extractor).
    settings = dataclasses.replace(settings, processes=max(1, cores // min(jobs, len(pdfs) or 1)))
    # Each document a folder of its own, even where two names make one (a/budget.pdf, b/budget.pdf).
    folders = unique_folder_names([pdf.stem for pdf in pdfs])
    waiting = [(index, pdf, dataclasses.replace(settings, folder=folder))
               for index, (pdf, folder) in enumerate(zip(pdfs, folders))]
    running: dict = {}  # connection → (index, pdf, process, deadline, output folder)
    outcomes: dict[int, Outcome] = {}
    try:
        _run_all(waiting, running, outcomes, context=context, jobs=jobs, settings=settings, timeout=timeout,
                 on_done=on_done, total=len(pdfs), page_progress=page_progress)
    except KeyboardInterrupt:
        for index, _, process, _, _ in running.values():
            process.kill()
            process.join()
            recover_folder(settings.out_dir / folders[index])
        raise Interrupted(finished=sum(o.out_dir is not None for o in outcomes.values()), total=len(pdfs)) from None
    return [outcomes[i] for i in range(len(pdfs))]


def _run_all(waiting, running, outcomes, *, context, jobs, settings, timeout, on_done, total, page_progress) -> None:
    clock = time.monotonic
    while waiting or running:
        while waiting and len(running) < jobs:
            index, pdf, own = waiting.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(pdf, own, sender, page_progress, os.getpid()),
                                      daemon=True)
            process.start()
            sender.close()
            running[receiver] = (index, pdf, process, clock() + timeout, own.out_dir / own.folder)
        next_deadline = min(deadline for *_, deadline, _ in running.values())
        for receiver in wait(list(running), timeout=max(0.0, next_deadline - clock())):
            index, pdf, process, _, folder = running.pop(receiver)
            try:
                outcome = receiver.recv()
            except (EOFError, OSError):
                process.join()
                recover_folder(folder)
                outcome = _ended_without_result(pdf, process, timed_out=False, timeout=timeout)
            process.join()
            outcomes[index] = outcome
            on_done(outcome, len(outcomes), total)
        for receiver, (index, pdf, process, deadline, folder) in list(running.items()):
            if clock() >= deadline:
                process.kill()
                process.join()
                running.pop(receiver)
                recover_folder(folder)
                outcomes[index] = _ended_without_result(pdf, process, timed_out=True, timeout=timeout)
                on_done(outcomes[index], len(outcomes), total)
