"""Reading a PDF: its budget tables raw and normalised, and the amounts its prose mentions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from projektpulje.extract import ExtractedDocument, ExtractSettings, InputError, RawTable, TableError, extract_document
from projektpulje.extract.forked import in_runs

from projektpulje.budget.narrative import Mention, areas_to_mentions, prose_by_table
from projektpulje.budget.normalise import NormalisedTable, normalise_table
from projektpulje.settings import RunSettings
from projektpulje.budget.vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True)
class Reading:
    """A document as read: its text, its budget tables raw and normalised, and the prose mentions."""

    document: ExtractedDocument
    raws: tuple[RawTable, ...]
    tables: tuple[NormalisedTable, ...]
    skipped: tuple[str, ...]
    mentions: tuple[Mention, ...] = ()
    unread: tuple[tuple[RawTable, str], ...] = ()  # OCR'd tables that could not be read, and why


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
    document = extract_document(
        pdf, extractor=extractor, settings=extract_settings(vocab), password=settings.password,
        processes=settings.processes, ocr=settings.ocr,
    )
    raws, skipped = budget_tables(document)
    if not raws:
        raise InputError(f"{pdf}: no budget tables found")
    tolerant = bool(document.ocr)
    results = in_runs(
        lambda run: [_normalised_or_why_not(t, vocab=vocab, ordinal=i, tolerant=tolerant) for i, t in run],
        list(enumerate(raws, start=1)), processes=settings.processes, least=settings.tables_per_process,
    )
    kept = [(raw, result) for raw, result in zip(raws, results) if isinstance(result, NormalisedTable)]
    unread = tuple((raw, result) for raw, result in zip(raws, results) if isinstance(result, str))
    if not kept:
        raise InputError(f"{unread[0][1]}" if unread else f"{pdf}: no budget tables found")
    return Reading(
        document, tuple(raw for raw, _ in kept), tuple(table for _, table in kept), tuple(skipped), unread=unread
    )


def _normalised_or_why_not(raw: RawTable, *, vocab: Vocabulary, ordinal: int, tolerant: bool) -> NormalisedTable | str:
    """The table normalised; or, from OCR'd text (`tolerant`), why it could not be (a misread amount or unit):
    one misread cell of a scan makes its table unread, reported, not the whole document unusable."""
    try:
        return normalise_table(raw, vocab=vocab, ordinal=ordinal)
    except TableError as error:
        if not tolerant:
            raise
        return str(error)


def read_document(pdf: Path, *, settings: RunSettings) -> Reading:
    """The whole first stage: tables with the chosen extractor, and what the prose says of them."""
    reading = read_tables(pdf, settings=settings, extractor=settings.extractor)
    # a long document's areas in runs of tables, shared among the processes the settings allow
    areas = list(zip(prose_by_table(reading.document.text, reading.raws), reading.tables))
    mentions = in_runs(areas_to_mentions, areas, processes=settings.processes, least=settings.tables_per_process)
    return Reading(reading.document, reading.raws, reading.tables, reading.skipped, tuple(mentions), reading.unread)
