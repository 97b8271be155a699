"""Reading a PDF: its budget tables raw and normalised, and the amounts its prose mentions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from projektpulje.audit.readings import Choice, choose_readings, failing_regions, other_extractor
from projektpulje.budget.accounting import Accounting, NotRead, account_for_tables, normalise_or_note, rejections_to_debug
from projektpulje.budget.headings import tables_to_headings
from projektpulje.budget.narrative import Mention, areas_to_mentions, mentions_read_by_ocr, prose_by_table
from projektpulje.budget.normalise import NormalisedTable, text_to_document_unit
from projektpulje.budget.vocabulary import Vocabulary, load_vocabulary
from projektpulje.errors import InputError, ProjektpuljeError, raised_by_pdf_reader
from projektpulje.extract import ExtractedDocument, ExtractSettings, RawTable, extract_document
from projektpulje.stages.forked import in_runs
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
    choices: tuple[Choice, ...] = ()  # regions read as another extractor reads them, since the first failed


def extract_settings(vocab: Vocabulary) -> ExtractSettings:
    """The layout settings that carry the document's caption and footnote wording."""
    return ExtractSettings(
        caption_pattern=vocab.caption_pattern, unnumbered_caption_pattern=vocab.unnumbered_caption_pattern,
        footnote_pattern=vocab.footnote_pattern, scripts=vocab.scripts,
    )


def read_accounting(pdf: Path, *, settings: RunSettings, extractor: str) -> tuple[ExtractedDocument, Accounting]:
    """PDF → document, and every table region accounted for: budget tables read, and the regions left out."""
    vocab = load_vocabulary(settings.vocabulary)
    document = extract_document(
        pdf, extractor=extractor, settings=extract_settings(vocab), password=settings.password,
        map_pages=lambda read, pages: in_runs(read, pages, processes=settings.processes, least=settings.pages_per_process),
        ocr=settings.ocr,
    )
    headings = tables_to_headings(document.text, document.tables, title_pattern=vocab.title_pattern)
    unit = text_to_document_unit(  # the running text as one: a statement may wrap over two lines
        [" ".join(line.text for line in document.text if line.kind == "text")], vocab=vocab
    )
    accounting = account_for_tables(
        document.tables, vocab=vocab, document_unit=unit,
        read=lambda numbered: in_runs(
            lambda run: [
                normalise_or_note(t, vocab=vocab, ordinal=i, heading=headings.get((t.page, t.index), ""),
                                  document_unit=unit)
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
    return document, accounting


def accounting_to_reading(document: ExtractedDocument, accounting: Accounting, choices: tuple = ()) -> Reading:
    return Reading(
        document, accounting.raws, accounting.tables, tuple(n.describe() for n in accounting.not_read),
        not_read=accounting.not_read, amounts=(accounting.amounts_read, accounting.amounts_printed), choices=choices,
    )


def read_tables(pdf: Path, *, settings: RunSettings, extractor: str) -> Reading:
    """PDF → document, its budget tables raw and normalised, and notes on the table regions left out."""
    return accounting_to_reading(*read_accounting(pdf, settings=settings, extractor=extractor))


# The extractors in the order a second reading is sought from: camelot reads cells its own way.
SECOND_READERS = ("camelot", "pdfium", "pdfplumber")


def readings_by_sums(pdf: Path, accounting: Accounting, *, settings: RunSettings) -> tuple[Accounting, tuple[Choice, ...]]:
    """Where a table's first reading fails its own sums or leaves amounts unread, the other extractor's reading
    of the region, when that one holds (audit/readings.py). Costs nothing when every first reading holds; not
    tried on --ocr (the second reading would OCR every page again)."""
    other = other_extractor(settings.extractor, SECOND_READERS)
    if not settings.second_readings or settings.ocr or other is None or not failing_regions(accounting):
        return accounting, ()
    try:
        _, second = read_accounting(pdf, settings=settings, extractor=other)
    except ProjektpuljeError:  # the other extractor cannot read the document: the first reading stands
        return accounting, ()
    except Exception as error:
        if raised_by_pdf_reader(error):
            return accounting, ()
        raise
    return choose_readings(accounting, second, names=(settings.extractor, other))


def read_document(pdf: Path, *, settings: RunSettings) -> Reading:
    """The whole first stage: tables with the chosen extractor, and what the prose says of them."""
    document, accounting = read_accounting(pdf, settings=settings, extractor=settings.extractor)
    reading = accounting_to_reading(document, *readings_by_sums(pdf, accounting, settings=settings))
    # a long document's areas in runs of tables, shared among the processes the settings allow; the prose
    # before a budget table that was not read is of no table read (its amounts are compared with nothing)
    unread = {n.region for n in reading.not_read if n.budget}
    stops = [raw for raw in reading.document.tables if (raw.page, raw.index) in unread]
    areas = list(zip(prose_by_table(reading.document.text, [*reading.raws, *stops]), reading.tables))
    mentions = in_runs(areas_to_mentions, areas, processes=settings.processes, least=settings.tables_per_process)
    if reading.document.ocr:  # nothing checks an amount OCR read in the prose: it cannot contradict, only differ
        mentions = mentions_read_by_ocr(mentions)
    return dataclasses.replace(reading, mentions=tuple(mentions))
