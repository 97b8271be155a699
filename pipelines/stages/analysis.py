"""The first stage of a run, in plain Python: PDF → tidy rows, reconciled totals, findings, and the files
that need nothing more. It loads no data frames, so it runs while the second stage loads pandas and pandera.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from projektpulje.audit.crosscheck import cells_agreeing, cross_check, verdict
from projektpulje.audit.findings import all_findings, mentions_to_rows
from projektpulje.budget.accounting import budget_areas_not_read
from projektpulje.budget.normalise import NormalisedTable, document_title_and_year
from projektpulje.budget.overview import mark_overviews, overview_rows
from projektpulje.budget.vocabulary import load_vocabulary
from projektpulje.document import Document
from projektpulje.errors import ProjektpuljeError
from projektpulje.stages.forked import in_runs
from projektpulje.results import Analysis
from projektpulje.schemas import reconcile_rows
from projektpulje.schemas.findings import finding
from projektpulje.settings import RunSettings
from projektpulje.stages.reading import Reading, read_document, read_tables


def second_opinion(pdf: Path, tables: list[NormalisedTable], *, settings: RunSettings) -> tuple[list[dict], str]:
    """The other extractor's reading, compared cell by cell with the first: the findings, and the verdict."""
    other = settings.second_extractor
    names = (settings.extractor, other)
    try:
        others = read_tables(pdf, settings=settings, extractor=other).tables
    except ProjektpuljeError as error:
        return [finding("extractor_disagreement", f"{other} could not read the document: {error}")], \
            f"{other} could not read the document"
    return cross_check(tables, others, names=names), verdict(*cells_agreeing(tables, others), names=names)


def reconcile_tables(tables: list[NormalisedTable]) -> tuple[list[dict], list[list[dict]]]:
    """All item rows, and each table's stated totals reconciled against that table's own rows
    (table numbers may repeat, as in a bundle of several documents); an overview's figures are no item rows,
    and each is held against its area table's Total."""
    per_table = [[vars(i) for i in table.items] for table in tables]
    reconciled = [
        reconcile_rows(rows, [vars(s) for s in (*table.totals, *table.row_totals)])
        + (overview_rows(table, tables) if table.overview else [])
        for rows, table in zip(per_table, tables)
    ]
    return [row for rows, table in zip(per_table, tables) if not table.overview for row in rows], reconciled


def analyse(pdf: Path, *, settings: RunSettings, reading: Reading | None = None) -> Analysis:
    """Extract, normalise, reconcile and check one PDF, in memory (from its reading, if already read)."""
    reading = reading or read_document(pdf, settings=settings)
    vocab = load_vocabulary(settings.vocabulary)
    # marked again over the tables as finally read (a region may have been read by the other extractor)
    tables = mark_overviews(reading.tables, unread_areas=budget_areas_not_read(reading.not_read, vocab=vocab))
    reading = dataclasses.replace(reading, tables=tuple(tables))
    items, table_totals = reconcile_tables(tables)
    extra, cross_checked = second_opinion(pdf, tables, settings=settings) if settings.cross_check else ([], "")
    findings = all_findings(
        table_totals=table_totals, mentions=reading.mentions, tables=tables, extra=extra, not_read=reading.not_read,
        ocr=bool(reading.document.ocr),
    )
    first_page = [line.text for line in reading.document.text if line.page == 1]
    title, year = document_title_and_year(first_page, tables, vocab=vocab)
    analysis = Analysis(
        reading.document, reading.raws, reading.tables, tuple(items), tuple(tuple(rows) for rows in table_totals),
        tuple(findings), tuple(mentions_to_rows(reading.mentions)), reading.skipped, title=title, year=year,
        cross_check=cross_checked, not_read=reading.not_read, amounts=reading.amounts,
        extractor=settings.extractor, choices=reading.choices,
    )
    from projektpulje.outputs.report.sections import findings_to_lined  # the report's numbering of its lines

    return dataclasses.replace(analysis, findings=findings_to_lined(analysis))


def report_sections(analysis: Analysis, pdf: Path, *, settings: RunSettings) -> tuple[str, ...]:
    """Each table's section of the report, its PDF region drawn; a long document's tables are drawn in runs
    of at least `settings.tables_per_process` tables, by up to `settings.processes` processes at once."""
    from projektpulje.outputs.report import analysis_to_plans, plans_to_html  # renders pages

    draw = functools.partial(plans_to_html, pdf=pdf, password=settings.password)
    plans = analysis_to_plans(analysis)
    return tuple(in_runs(draw, plans, processes=settings.processes, least=settings.tables_per_process))


def draft_document(pdf: Path, *, settings: RunSettings) -> Document:
    """The whole first stage: the document read and reconciled, the report's table sections drawn, its rules not
    yet checked. It crosses to another process, so its analysis keeps of the PDF only its name and page count."""
    analysis = analyse(pdf, settings=settings)
    sections = report_sections(analysis, pdf, settings=settings)
    extracted = dataclasses.replace(analysis.document, tables=(), text=())  # its tables travel as raws
    return Document(pdf, dataclasses.replace(analysis, document=extracted), settings, table_sections=sections)
