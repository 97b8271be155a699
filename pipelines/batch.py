"""Many documents at once: each in its own process, with a time limit, so one that fails,
hangs or crashes its worker is reported and the rest still land."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Sequence

from extract import ProjektpuljeError
from extract.forked import CrashedError

from .ahead import ReadAhead
from .output import recover_folder, safe_folder_name
from .settings import RunSettings

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
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


def finding_lines(result) -> tuple[str, ...]:
    lines = []
    for finding in result.findings:
        where = f", page {finding['page']}, table {finding['table_no']}" if finding["table_no"] is not None else ""
        cause = "" if finding["root_cause"] else " (follows from another finding)"
        lines.append(f"{finding['kind']}: {result.source.name}{where}: {finding['message']}{cause}")
    return tuple(lines)


def load_second_stage(settings: RunSettings):
    """The module that checks the rules and writes, with pandas and pandera. Without Parquet output, pandas
    loads without pyarrow: pandas 3 imports pyarrow on start whenever it is installed (about 0.1 s and 40 MB,
    a sixth of a run on a short document), and checking and writing CSV never use it."""
    if "parquet" not in settings.formats and "pandas" not in sys.modules:
        sys.modules.setdefault("pyarrow", None)  # an import of pyarrow now fails as if it were not installed
    from . import run

    return run


def run_document(pdf: Path, *, settings: RunSettings):
    """Draft the PDF's outputs in a process of its own while this one loads the libraries that check the rules."""
    first_stage = ReadAhead(pdf, settings=settings)
    second_stage = load_second_stage(settings)  # while the PDF is read
    return second_stage.run_document(pdf, settings=settings, draft=first_stage.result())


def run_one(pdf: Path, settings: RunSettings) -> Outcome:
    """One document, never raising: every failure becomes an Outcome with exit code 2."""
    try:
        result = run_document(pdf, settings=settings)
    except ProjektpuljeError as error:
        detail = traceback.format_exc() + getattr(error, "detail", "")  # e.g. the regions seen and why rejected
        return Outcome(pdf, error.exit_code, error=str(error), detail=detail)
    except CrashedError as error:  # a PDF that breaks a library in a way the library does not report
        message = f"{pdf}: cannot be read ({error}); run with --debug for details"
        return Outcome(pdf, EXIT_UNUSABLE, error=message, detail=error.detail)
    except Exception as error:
        message = f"{pdf}: cannot be read ({type(error).__name__}: {error}); run with --debug for details"
        return Outcome(pdf, EXIT_UNUSABLE, error=message, detail=traceback.format_exc())
    return Outcome(
        pdf, result.exit_code, summary=result.summary(), out_dir=result.out_dir,
        notes=(*result.skipped, *finding_lines(result)),
    )


def _child(pdf: Path, settings: RunSettings, connection) -> None:
    connection.send(run_one(pdf, settings))
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
) -> list[Outcome]:
    """Run every document in a process of its own, at most `jobs` at a time; outcomes in input order."""
    context = multiprocessing.get_context("fork")
    cores = os.cpu_count() or 1
    jobs = max(1, jobs or cores)
    # The cores that no other document uses read the pages of a long one, in runs (the pdfium extractor).
    settings = dataclasses.replace(settings, processes=max(1, cores // min(jobs, len(pdfs) or 1)))
    waiting = list(enumerate(pdfs))
    running: dict = {}  # connection → (index, pdf, process, deadline)
    outcomes: dict[int, Outcome] = {}
    clock = time.monotonic
    while waiting or running:
        while waiting and len(running) < jobs:
            index, pdf = waiting.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(pdf, settings, sender), daemon=True)
            process.start()
            sender.close()
            running[receiver] = (index, pdf, process, clock() + timeout)
        next_deadline = min(deadline for *_, deadline in running.values())
        for receiver in wait(list(running), timeout=max(0.0, next_deadline - clock())):
            index, pdf, process, _ = running.pop(receiver)
            try:
                outcome = receiver.recv()
            except (EOFError, OSError):
                process.join()
                recover_folder(settings.out_dir / safe_folder_name(pdf.stem))
                outcome = _ended_without_result(pdf, process, timed_out=False, timeout=timeout)
            process.join()
            outcomes[index] = outcome
            on_done(outcome, len(outcomes), len(pdfs))
        for receiver, (index, pdf, process, deadline) in list(running.items()):
            if clock() >= deadline:
                process.kill()
                process.join()
                running.pop(receiver)
                recover_folder(settings.out_dir / safe_folder_name(pdf.stem))
                outcomes[index] = _ended_without_result(pdf, process, timed_out=True, timeout=timeout)
                on_done(outcomes[index], len(outcomes), len(pdfs))
    return [outcomes[i] for i in range(len(pdfs))]
