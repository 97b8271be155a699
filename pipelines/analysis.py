"""The first stage of a run, in plain Python: PDF → tidy rows, reconciled totals, findings, and the files
that need nothing more. It loads no data frames, so it runs while the second stage loads pandas and pandera.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from extract import ExtractedDocument, ProjektpuljeError, RawTable
from schemas import ITEM_COLUMNS, TOTAL_COLUMNS, reconcile_rows

from .accounting import unread_to_findings
from .crosscheck import cross_check
from .overview import mark_overviews, overview_rows
from .findings import MENTION_COLUMNS, all_findings, finding, mentions_to_rows
from .normalise import NormalisedTable, document_title_and_year
from .output import rows_to_csv
from .reading import Reading, read_document, read_tables
from .settings import RunSettings
from .vocabulary import load_vocabulary


@dataclass(frozen=True)
class Analysis:
    """Everything one document yields, before anything is written. Rows are dicts keyed by column."""

    document: ExtractedDocument
    raws: tuple[RawTable, ...]
    tables: tuple[NormalisedTable, ...]
    items: tuple[dict, ...]
    table_totals: tuple[tuple[dict, ...], ...]  # totals.csv's rows of each table, in table order
    findings: tuple[dict, ...]
    mentions: tuple[dict, ...]
    skipped: tuple[str, ...]
    title: str = ""
    year: int | None = None
    not_read: tuple = ()  # accounting.NotRead of each table region left out
    amounts: tuple[int, int] = (0, 0)  # amounts in the budget tables read, and printed in all

    @property
    def totals(self) -> list[dict]:
        """totals.csv's rows."""
        return [row for rows in self.table_totals for row in rows]

    @property
    def lines(self) -> int:
        """Budget lines as printed (an item row per line and year); an overview's lines are not budget lines."""
        return sum(len(t.items) // max(len(t.years), 1) for t in self.tables if not t.overview)


@dataclass(frozen=True)
class Draft:
    """What the first stage hands on: the analysis, the files the rules cannot change, and each table's
    section of the report (its PDF region drawn); findings.csv and the rest follow once the rules have run.
    It crosses to another process, so its analysis keeps of the document only its name and page count."""

    analysis: Analysis
    files: dict[str, bytes] = field(repr=False)
    table_sections: tuple[str, ...] = field(repr=False)


def second_opinion(pdf: Path, tables: list[NormalisedTable], *, settings: RunSettings) -> list[dict]:
    """The other extractor's reading, compared cell by cell with the first."""
    other = next(name for name in ("camelot", "pdfplumber") if name != settings.extractor)
    names = (settings.extractor, other)
    try:
        others = read_tables(pdf, settings=settings, extractor=other).tables
    except ProjektpuljeError as error:
        return [finding("extractor_disagreement", f"{other} could not read the document: {error}")]
    return cross_check(tables, others, names=names)


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
    tables = mark_overviews(reading.tables)
    reading = dataclasses.replace(reading, tables=tuple(tables))
    items, table_totals = reconcile_tables(tables)
    extra = second_opinion(pdf, tables, settings=settings) if settings.cross_check else []
    extra = [*extra, *unread_to_findings(reading.not_read, year=tables[0].years[0] if tables and tables[0].years
                                         else None, finding=finding)]
    findings = all_findings(table_totals=table_totals, mentions=reading.mentions, tables=tables, extra=extra)
    first_page = [line.text for line in reading.document.text if line.page == 1]
    title, year = document_title_and_year(first_page, tables, vocab=load_vocabulary(settings.vocabulary))
    return Analysis(
        reading.document, reading.raws, reading.tables, tuple(items), tuple(tuple(rows) for rows in table_totals),
        tuple(findings), tuple(mentions_to_rows(reading.mentions)), reading.skipped, title=title, year=year,
        not_read=reading.not_read, amounts=reading.amounts,
    )


def draft_document(pdf: Path, *, settings: RunSettings) -> Draft:
    """The whole first stage: the analysis, items.csv, totals.csv, mentions.csv and the report's table sections."""
    from .report import tables_html  # renders pages

    analysis = analyse(pdf, settings=settings)
    files = {
        "items.csv": rows_to_csv(analysis.items, ITEM_COLUMNS),
        "totals.csv": rows_to_csv(analysis.totals, TOTAL_COLUMNS),
        "mentions.csv": rows_to_csv(analysis.mentions, MENTION_COLUMNS),
    }
    sections = tables_html(
        analysis, pdf, password=settings.password, processes=settings.processes, least=settings.tables_per_process
    )
    document = dataclasses.replace(analysis.document, tables=(), text=())  # its tables travel as raws; its text is read
    return Draft(dataclasses.replace(analysis, document=document), files, sections)
