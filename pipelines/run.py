"""One run: PDF → raw tables → tidy rows → reconciled totals → files. Composes the layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from extract import DEFAULT_EXTRACTOR, ExtractedDocument, ExtractSettings, InputError, extract_document
from schemas import ITEM_COLUMNS, TOTAL_COLUMNS, Finding, reconcile, validate
from schemas.reconcile import STATED_COLUMNS

from .normalise import NormalisedTable, normalise_table
from .output import frame_to_csv, safe_folder_name, write_folder
from .vocabulary import DEFAULT_VOCABULARY, Vocabulary, load_vocabulary

BUNDLED_SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "udmoentning-af-projektpuljen-2021.pdf"


@dataclass(frozen=True)
class RunSettings:
    out_dir: Path = Path("output")
    extractor: str = DEFAULT_EXTRACTOR
    password: str | None = None
    vocabulary: Path = DEFAULT_VOCABULARY


@dataclass(frozen=True)
class DocumentResult:
    source: Path
    out_dir: Path
    tables: int
    lines: int
    totals: pd.DataFrame = field(repr=False)
    findings: tuple[Finding, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def checks(self) -> int:
        return len(self.totals)

    @property
    def checks_ok(self) -> int:
        return int((self.totals["status"] == "ok").sum())

    @property
    def exit_code(self) -> int:
        return 0 if self.checks_ok == self.checks and not self.findings else 1

    def summary(self) -> str:
        return (
            f"{self.source.name}: {self.tables} tables, {self.lines} lines, "
            f"{self.checks_ok}/{self.checks} checks ok -> {self.out_dir}"
        )


def extract_settings(vocab: Vocabulary) -> ExtractSettings:
    """The layout settings that carry the document's caption and footnote wording."""
    return ExtractSettings(caption_pattern=vocab.caption_pattern, footnote_pattern=vocab.footnote_pattern)


def budget_tables(document: ExtractedDocument) -> tuple[list, list[str]]:
    """Tables with a header row (unit and years) are budget tables; others are reported and left out."""
    kept, skipped = [], []
    for table in document.tables:
        if table.header:
            kept.append(table)
        else:
            skipped.append(f"{table.source}, page {table.page}: a table without a unit/year header was left out")
    return kept, skipped


def tables_to_frames(tables: list[NormalisedTable]) -> tuple[pd.DataFrame, pd.DataFrame]:
    items = pd.DataFrame([vars(i) for t in tables for i in t.items], columns=ITEM_COLUMNS)
    stated = pd.DataFrame([vars(s) for t in tables for s in t.totals], columns=STATED_COLUMNS)
    for frame in (items, stated):
        for column in ("year", "table_no", "amount_dkk", "page"):
            if column in frame:
                frame[column] = frame[column].astype("int64")
    return items, stated


def run_document(
    pdf: Path, *, settings: RunSettings, progress: Callable[[str], None] = lambda message: None
) -> DocumentResult:
    """Extract, normalise, reconcile and validate one PDF; write its folder only when all of it is done."""
    vocab = load_vocabulary(settings.vocabulary)
    progress(f"reading {pdf}")
    document = extract_document(
        pdf, extractor=settings.extractor, settings=extract_settings(vocab), password=settings.password
    )
    tables, skipped = budget_tables(document)
    if not tables:
        raise InputError(f"{pdf}: no budget tables found")
    normalised = [normalise_table(t, vocab=vocab, ordinal=i) for i, t in enumerate(tables, start=1)]
    items, stated = tables_to_frames(normalised)
    totals = reconcile(items, stated)
    findings = validate(items, totals)
    out_dir = settings.out_dir / safe_folder_name(pdf.stem)
    write_folder(
        out_dir,
        {"items.csv": frame_to_csv(items, ITEM_COLUMNS), "totals.csv": frame_to_csv(totals, TOTAL_COLUMNS)},
    )
    reconciliation_checks = {"section_subtotals_equal_their_rows", "table_totals_equal_their_rows"}
    return DocumentResult(
        source=pdf,
        out_dir=out_dir,
        tables=len(normalised),
        lines=sum(len(t.items) // max(len(t.years), 1) for t in normalised),
        totals=totals,
        findings=tuple(f for f in findings if f.check not in reconciliation_checks),
        skipped=tuple(skipped),
    )
