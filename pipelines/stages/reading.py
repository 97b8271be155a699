"""Reading a PDF: its budget tables raw and normalised, and the amounts its prose mentions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from projektpulje.budget.accounting import NotRead, account_for_tables, normalise_or_note, rejections_to_debug
from projektpulje.budget.headings import tables_to_headings
from projektpulje.budget.narrative import Mention, areas_to_mentions, mentions_read_by_ocr, prose_by_table
from projektpulje.budget.normalise import NormalisedTable
from projektpulje.budget.vocabulary import Vocabulary, load_vocabulary
from projektpulje.extract import ExtractedDocument, ExtractSettings, InputError, RawTable, extract_document
from projektpulje.extract.forked import in_runs
from projektpulje.settings import RunSettings


@dataclass(frozen=True)
class Reading:
    """A document as read: its text, its budget tables raw and normalised, and the prose mentions."""

    document: ExtractedDocument
    raws: tuple[RawTable, ...]
    tables: tuple[NormalisedTable, ...]
    skipped: tuple[str, ...]
    mentions: tuple[Mention, ...] = ()
    not_read: tuple[NotRead, ...] = ()  # table regions left out, and why (`skipped` says it in a line each)
    amounts: tuple[int, int] = (0, 0)  # amounts printed in the budget tables: read, and printed in all


def extract_settings(vocab: Vocabulary) -> ExtractSettings:
    """The layout settings that carry the document's caption and footnote wording."""
    return ExtractSettings(caption_pattern=vocab.caption_pattern, footnote_pattern=vocab.footnote_pattern)


def read_tables(pdf: Path, *, settings: RunSettings, extractor: str) -> Reading:
    """PDF → document, its budget tables raw and normalised, and notes on the table regions left out."""
    vocab = load_vocabulary(settings.vocabulary)
    document = extract_document(
        pdf, extractor=extractor, settings=extract_settings(vocab), password=settings.password,
        processes=settings.processes, ocr=settings.ocr,
    )
    headings = tables_to_headings(document.text, document.tables, title_pattern=vocab.title_pattern)
    accounting = account_for_tables(
        document.tables, vocab=vocab,
        read=lambda numbered: in_runs(
            lambda run: [
                normalise_or_note(t, vocab=vocab, ordinal=i, heading=headings.get((t.page, t.index), ""))
                for i, t in run
            ],
            numbered,
            processes=settings.processes, least=settings.tables_per_process,
        ),
    )
    if not accounting.is_budget_document:
        error = InputError(f"{pdf}: no budget tables found")
        error.detail = rejections_to_debug(accounting.not_read) or "no table-like region in the document\n"
        raise error
    return Reading(
        document, accounting.raws, accounting.tables, tuple(n.describe() for n in accounting.not_read),
        not_read=accounting.not_read, amounts=(accounting.amounts_read, accounting.amounts_printed),
    )


def read_document(pdf: Path, *, settings: RunSettings) -> Reading:
    """The whole first stage: tables with the chosen extractor, and what the prose says of them."""
    reading = read_tables(pdf, settings=settings, extractor=settings.extractor)
    # a long document's areas in runs of tables, shared among the processes the settings allow
    areas = list(zip(prose_by_table(reading.document.text, reading.raws), reading.tables))
    mentions = in_runs(areas_to_mentions, areas, processes=settings.processes, least=settings.tables_per_process)
    if reading.document.ocr:  # nothing checks an amount OCR read in the prose: it cannot contradict, only differ
        mentions = mentions_read_by_ocr(mentions)
    return dataclasses.replace(reading, mentions=tuple(mentions))
