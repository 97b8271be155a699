"""One run: the first stage's draft → every rule checked → files written whole. Composes the layers.

Importing this module loads pandas and pandera (for the rules); the first stage (`analysis.py`) does not.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from extract import InputError
from schemas import ITEM_COLUMNS, TOTAL_COLUMNS
from schemas.validate import rows_to_frame, validate

from .accounting import amounts_accounted
from .analysis import Analysis, Draft, analyse, draft_document
from .datapackage import PACKAGE_FILE, datapackage
from .findings import FINDING_COLUMNS, MENTION_COLUMNS, rule_failures_to_findings, sorted_findings
from .output import rows_to_csv, rows_to_parquet, safe_folder_name, write_file, write_folder
from .settings import BUNDLED_SAMPLE, RunSettings

__all__ = ["BUNDLED_SAMPLE", "RunSettings", "analyse", "checked", "run_document"]

# Failures of these rules are the subtotal and total mismatches, reported with their root cause instead.
RECONCILIATION_CHECKS = {
    "section_subtotals_equal_their_rows", "table_totals_equal_their_rows", "row_totals_equal_their_years",
    "overview_figures_equal_their_tables",
}


@dataclass(frozen=True)
class DocumentResult:
    source: Path
    out_dir: Path
    tables: int
    lines: int
    totals: tuple[dict, ...] = field(repr=False)
    findings: tuple[dict, ...] = field(repr=False)
    skipped: tuple[str, ...] = ()
    amounts: tuple[int, int] = (0, 0)  # amounts in the budget tables read, and printed in all

    @property
    def checks(self) -> int:
        return len(self.totals)

    @property
    def checks_ok(self) -> int:
        return sum(total["status"] == "ok" for total in self.totals)

    @property
    def exit_code(self) -> int:
        return 1 if self.findings else 0

    def summary(self) -> str:
        n = len(self.findings)
        return (
            f"{self.source.name}: {self.tables} tables, {self.lines} lines, "
            f"{self.checks_ok}/{self.checks} checks ok, {amounts_accounted(self.amounts)}, "
            f"{n} finding{'' if n == 1 else 's'} -> {self.out_dir}"
        )


def tables_described(tables) -> list[dict]:
    """datapackage.json's list of the tables read: number, area, whether the number is printed or the
    table's position, and whether it is an overview."""
    return [
        {"table_no": t.table_no, "area": t.area, "table_no_is": "printed" if t.numbered else "position",
         **({"overview": True} if t.overview else {})}
        for t in tables
    ]


def checked(analysis: Analysis) -> Analysis:
    """The analysis once every pandera rule has run on its rows: a failed rule is a finding too."""
    failures = [f for f in validate(analysis.items, analysis.totals) if f.check not in RECONCILIATION_CHECKS]
    if not failures:
        return analysis
    findings = sorted_findings([*analysis.findings, *rule_failures_to_findings(failures)])
    return dataclasses.replace(analysis, findings=tuple(findings))


def draft_to_files(draft: Draft, analysis: Analysis, *, pdf: Path, settings: RunSettings) -> dict[str, bytes]:
    """Every output file of one document, in memory: the draft's, and those that follow from the checked analysis."""
    from .report import report_html

    files = {**draft.files, "findings.csv": rows_to_csv(analysis.findings, FINDING_COLUMNS)}
    files = {name: files[name] for name in ("items.csv", "totals.csv", "findings.csv", "mentions.csv")}
    files[PACKAGE_FILE] = datapackage(
        files, name=pdf.stem, title=f"{analysis.title} ({pdf.name})", sources=[(pdf.name, pdf.read_bytes())],
        year=analysis.year, tables=tables_described(analysis.tables),
    )
    if "parquet" in settings.formats:
        files.update({
            "items.parquet": rows_to_parquet(analysis.items, ITEM_COLUMNS),
            "totals.parquet": rows_to_parquet(analysis.totals, TOTAL_COLUMNS),
            "findings.parquet": rows_to_parquet(analysis.findings, FINDING_COLUMNS),
            "mentions.parquet": rows_to_parquet(analysis.mentions, MENTION_COLUMNS),
        })
    files["report.html"] = report_html(analysis, draft.table_sections, name=pdf.name)
    return files


def run_document(
    pdf: Path,
    *,
    settings: RunSettings,
    progress: Callable[[str], None] = lambda message: None,
    draft: Draft | None = None,
) -> DocumentResult:
    """Check one PDF's draft (made here unless given) and write its folder, only once all of it is done."""
    progress(f"reading {pdf}")
    draft = draft or draft_document(pdf, settings=settings)
    analysis = checked(draft.analysis)
    out_dir = settings.out_dir / safe_folder_name(pdf.stem)
    write_folder(out_dir, draft_to_files(draft, analysis, pdf=pdf, settings=settings))
    return DocumentResult(
        source=pdf, out_dir=out_dir, tables=len(analysis.tables), lines=analysis.lines, totals=tuple(analysis.totals),
        findings=analysis.findings, skipped=analysis.skipped, amounts=analysis.amounts,
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
    return rows_to_frame(analysis.items, ITEM_COLUMNS), analysis.year


def write_compare(out_dir: Path, compared: pd.DataFrame) -> Path:
    """DIR/compare.csv, written whole or not at all."""
    from .compare import COMPARE_COLUMNS

    return write_file(out_dir / "compare.csv", rows_to_csv(compared.to_dict("records"), COMPARE_COLUMNS))
