"""The first stage of a run, which needs no data frames: PDF → raw and normalised tables and prose mentions.

It runs in a process of its own (`read_ahead`), so that the PDF is read while the process that
validates and writes is still importing pandas and pandera, and the pages are gone once read.
"""

from __future__ import annotations

import os
import pickle
import signal
import traceback
from dataclasses import dataclass
from pathlib import Path

from extract import ExtractedDocument, ExtractSettings, InputError, ProjektpuljeError, RawTable, extract_document

from .narrative import Mention, document_to_mentions
from .normalise import NormalisedTable, normalise_table
from .settings import RunSettings
from .vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Reading:
    """What the first stage yields for one document."""

    document: ExtractedDocument
    raws: tuple[RawTable, ...]
    tables: tuple[NormalisedTable, ...]
    skipped: tuple[str, ...]
    mentions: tuple[Mention, ...] = ()


def extract_settings(vocab: Vocabulary) -> ExtractSettings:
    """The layout settings that carry the document's caption and footnote wording."""
    return ExtractSettings(caption_pattern=vocab.caption_pattern, footnote_pattern=vocab.footnote_pattern)


def budget_tables(document: ExtractedDocument) -> tuple[list[RawTable], list[str]]:
    """Tables with a header row (unit and years) are budget tables; others are reported and left out."""
    kept, skipped = [], []
    for table in document.tables:
        if table.header:
            kept.append(table)
        else:
            skipped.append(f"{table.source}, page {table.page}: a table without a unit/year header was left out")
    return kept, skipped


def read_tables(pdf: Path, *, settings: RunSettings, extractor: str) -> Reading:
    """PDF → document, its budget tables raw and normalised, and notes on tables left out."""
    vocab = load_vocabulary(settings.vocabulary)
    document = extract_document(pdf, extractor=extractor, settings=extract_settings(vocab), password=settings.password)
    raws, skipped = budget_tables(document)
    if not raws:
        raise InputError(f"{pdf}: no budget tables found")
    tables = [normalise_table(t, vocab=vocab, ordinal=i) for i, t in enumerate(raws, start=1)]
    return Reading(document, tuple(raws), tuple(tables), tuple(skipped))


def read_document(pdf: Path, *, settings: RunSettings) -> Reading:
    """The whole first stage: tables with the chosen extractor, and what the prose says of them."""
    reading = read_tables(pdf, settings=settings, extractor=settings.extractor)
    mentions = document_to_mentions(reading.document.text, reading.raws, reading.tables)
    return Reading(reading.document, reading.raws, reading.tables, reading.skipped, tuple(mentions))


class ReadAhead:
    """The first stage running in a forked process; `result()` waits for it."""

    def __init__(self, pdf: Path, *, settings: RunSettings) -> None:
        self.pdf = pdf
        receive, send = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(receive)
            _read_in_child(pdf, settings, send)
        os.close(send)
        self.receive = receive

    def result(self) -> Reading:
        with os.fdopen(self.receive, "rb") as fh:
            try:
                kind, payload, detail = pickle.load(fh)
            except (EOFError, pickle.UnpicklingError):
                kind, payload, detail = "crash", None, ""
        _, status = os.waitpid(self.pid, 0)
        if kind == "ok":
            return payload
        if kind == "error":
            raise payload
        if payload is None:
            raise ProjektpuljeError(f"{self.pdf}: the process reading it crashed (status {status}); nothing written")
        raise ReadError(payload, detail)


class ReadError(Exception):
    """An unexpected failure while reading, carried over from the reading process with its traceback."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


def _read_in_child(pdf: Path, settings: RunSettings, send: int) -> None:
    _die_with_parent()
    try:
        payload = ("ok", read_document(pdf, settings=settings), "")
    except ProjektpuljeError as error:
        payload = ("error", error, "")
    except BaseException as error:  # carried to the parent, which reports it like any failure
        payload = ("crash", f"{type(error).__name__}: {error}", traceback.format_exc())
    try:
        with os.fdopen(send, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(0)


def _die_with_parent() -> None:
    """Linux: end this process when the one that forked it is killed (a --timeout)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
