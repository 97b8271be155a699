"""One run: PDF → raw tables → tidy rows → reconciled totals and findings → files. Composes the layers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from extract import ExtractedDocument, InputError, ProjektpuljeError, RawTable
from schemas import ITEM_COLUMNS, TOTAL_COLUMNS, validate
from schemas.reconcile import STATED_COLUMNS, reconcile_rows

from .crosscheck import cross_check
from .datapackage import PACKAGE_FILE, datapackage
from .findings import FINDING_COLUMNS, MENTION_COLUMNS, all_findings, finding, to_mentions_frame
from .normalise import NormalisedTable, document_title_and_year
from .output import frame_to_csv, frame_to_parquet, safe_folder_name, write_file, write_folder
from .reading import Reading, extract_settings, read_document, read_tables
from .settings import BUNDLED_SAMPLE, RunSettings
from .vocabulary import load_vocabulary

__all__ = ["BUNDLED_SAMPLE", "RunSettings", "analyse", "extract_settings", "run_document"]

RECONCILIATION_CHECKS = {"section_subtotals_equal_their_rows", "table_totals_equal_their_rows"}


@dataclass(frozen=True)
class DocumentResult:
    source: Path
    out_dir: Path
    tables: int
    lines: int
    totals: pd.DataFrame = field(repr=False)
    findings: pd.DataFrame = field(repr=False)
    skipped: tuple[str, ...] = ()

    @property
    def checks(self) -> int:
        return len(self.totals)

    @property
    def checks_ok(self) -> int:
        return int((self.totals["status"] == "ok").sum())

    @property
    def exit_code(self) -> int:
        return 0 if self.findings.empty else 1

    def summary(self) -> str:
        n = len(self.findings)
        return (
            f"{self.source.name}: {self.tables} tables, {self.lines} lines, "
            f"{self.checks_ok}/{self.checks} checks ok, {n} finding{'' if n == 1 else 's'} -> {self.out_dir}"
        )


@dataclass(frozen=True)
class Analysis:
    """Everything one document yields, before anything is written."""

    document: ExtractedDocument
    raws: tuple[RawTable, ...]
    tables: tuple[NormalisedTable, ...]
    items: pd.DataFrame
    totals: pd.DataFrame
    findings: pd.DataFrame
    mentions: pd.DataFrame
    skipped: tuple[str, ...]
    title: str = ""
    year: int | None = None
    table_totals: tuple[pd.DataFrame, ...] = ()  # totals.csv's rows of each table, in table order


def tables_to_frames(tables: list[NormalisedTable]) -> tuple[pd.DataFrame, pd.DataFrame]:
    items = _frame([vars(i) for t in tables for i in t.items], ITEM_COLUMNS)
    stated = _frame([vars(s) for t in tables for s in t.totals], STATED_COLUMNS)
    return items, stated


def second_opinion(pdf: Path, tables: list[NormalisedTable], *, settings: RunSettings) -> list[dict]:
    """The other extractor's reading, compared cell by cell with the first."""
    other = next(name for name in ("camelot", "pdfplumber") if name != settings.extractor)
    names = (settings.extractor, other)
    try:
        others = read_tables(pdf, settings=settings, extractor=other).tables
    except ProjektpuljeError as error:
        return [finding("extractor_disagreement", f"{other} could not read the document: {error}")]
    return cross_check(tables, others, names=names)


def reconcile_tables(tables: list[NormalisedTable]) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """All item rows, and each table's stated totals reconciled against that table's own rows
    (table numbers may repeat, as in a bundle of several documents)."""
    items, _ = tables_to_frames(tables)
    per_table = [
        reconcile_rows([vars(i) for i in table.items], [vars(s) for s in table.totals]) for table in tables
    ]
    return items, [_frame(rows, TOTAL_COLUMNS) for rows in per_table]


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("year", "table_no", "amount_dkk", "page"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    return frame


def analyse(pdf: Path, *, settings: RunSettings, reading: Reading | None = None) -> Analysis:
    """Extract, normalise, reconcile and check one PDF, in memory (from its first stage, if already read)."""
    reading = reading or read_document(pdf, settings=settings)
    document, raws, tables, skipped = reading.document, list(reading.raws), list(reading.tables), reading.skipped
    mentions = list(reading.mentions)
    items, table_totals = reconcile_tables(tables)
    totals = pd.concat(table_totals, ignore_index=True)
    failures = [f for f in validate(items, totals) if f.check not in RECONCILIATION_CHECKS]
    extra = second_opinion(pdf, tables, settings=settings) if settings.cross_check else []
    findings = all_findings(
        table_totals=table_totals, mentions=mentions, tables=tables, failures=failures, extra=extra
    )
    first_page = [line.text for line in document.text if line.page == 1]
    title, year = document_title_and_year(first_page, tables, vocab=load_vocabulary(settings.vocabulary))
    return Analysis(
        document, tuple(raws), tuple(tables), items, totals, findings, to_mentions_frame(mentions), tuple(skipped),
        title=title, year=year, table_totals=tuple(table_totals),
    )


def analysis_to_files(analysis: Analysis, *, pdf: Path, settings: RunSettings) -> dict[str, bytes]:
    """Every output file of one document, in memory."""
    from .report import analysis_to_html  # renders pages: imported only when a report is written

    files = {
        "items.csv": frame_to_csv(analysis.items, ITEM_COLUMNS),
        "totals.csv": frame_to_csv(analysis.totals, TOTAL_COLUMNS),
        "findings.csv": frame_to_csv(analysis.findings, FINDING_COLUMNS),
        "mentions.csv": frame_to_csv(analysis.mentions, MENTION_COLUMNS),
    }
    files[PACKAGE_FILE] = datapackage(
        files, name=pdf.stem, title=f"{analysis.title} ({pdf.name})", sources=[(pdf.name, pdf.read_bytes())],
        year=analysis.year,
    )
    if "parquet" in settings.formats:
        files.update({
            "items.parquet": frame_to_parquet(analysis.items, ITEM_COLUMNS),
            "totals.parquet": frame_to_parquet(analysis.totals, TOTAL_COLUMNS),
            "findings.parquet": frame_to_parquet(analysis.findings, FINDING_COLUMNS),
            "mentions.parquet": frame_to_parquet(analysis.mentions, MENTION_COLUMNS),
        })
    files["report.html"] = analysis_to_html(
        analysis, pdf, password=settings.password
    )
    return files


def run_document(
    pdf: Path,
    *,
    settings: RunSettings,
    progress: Callable[[str], None] = lambda message: None,
    reading: Reading | None = None,
) -> DocumentResult:
    """Analyse one PDF and write its folder, only once all of it is done."""
    progress(f"reading {pdf}")
    analysis = analyse(pdf, settings=settings, reading=reading)
    out_dir = settings.out_dir / safe_folder_name(pdf.stem)
    write_folder(out_dir, analysis_to_files(analysis, pdf=pdf, settings=settings))
    return DocumentResult(
        source=pdf,
        out_dir=out_dir,
        tables=len(analysis.tables),
        lines=sum(len(t.items) // max(len(t.years), 1) for t in analysis.tables),
        totals=analysis.totals,
        findings=analysis.findings,
        skipped=analysis.skipped,
    )


def edition_items(path: Path, *, settings: RunSettings = RunSettings()) -> tuple[pd.DataFrame, int | None]:
    """An edition's items and year: from an output folder (items.csv, datapackage.json), or read from its PDF."""
    if path.is_dir():
        items_csv = path / "items.csv"
        if not items_csv.exists():
            raise InputError(f"{path}: not an output folder of projektpulje run (no items.csv)")
        items = pd.read_csv(items_csv, dtype=str, keep_default_na=False)
        package = path / PACKAGE_FILE
        year = json.loads(package.read_text(encoding="utf-8")).get("year") if package.exists() else None
        return items, year
    analysis = analyse(path, settings=settings)
    return analysis.items, analysis.year


def write_compare(out_dir: Path, compared: pd.DataFrame) -> Path:
    """DIR/compare.csv, written whole or not at all."""
    from .compare import COMPARE_COLUMNS

    return write_file(out_dir / "compare.csv", frame_to_csv(compared, COMPARE_COLUMNS))
