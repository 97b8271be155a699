"""Every file of one document's output folder, in memory, from its checked analysis and its report's
drawn table sections."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from projektpulje.audit.findings import MENTION_COLUMNS
from projektpulje.results import Analysis
from projektpulje.schemas import ITEM_COLUMNS, TOTAL_COLUMNS
from projektpulje.schemas.findings import FINDING_COLUMNS
from projektpulje.settings import RunSettings

from .datapackage import PACKAGE_FILE, datapackage
from .dialects import csv_to_dialect
from .files import rows_to_csv
from .provenance import provenance, provenance_with_source
from .report import report_html
from .typed import rows_named


def tables_described(tables) -> list[dict]:
    """datapackage.json's list of the tables read: number, area, whether the number is printed or the
    table's position, and whether it is an overview."""
    return [
        {"table_no": t.table_no, "area": t.area, "table_no_is": "printed" if t.numbered else "position",
         **({"overview": True} if t.overview else {})}
        for t in tables
    ]


def with_source_file(columns: Sequence[str]) -> list[str]:
    """An output's columns with `source_file` last, where its rows do not name their PDF already."""
    return list(columns) if "source_file" in columns else [*columns, "source_file"]


def analysis_to_files(
    analysis: Analysis, table_sections: Sequence[str], *, pdf: Path, settings: RunSettings
) -> dict[str, bytes]:
    """items.csv, totals.csv, findings.csv, mentions.csv, report.html and datapackage.json, and the Parquet
    files and workbook.xlsx where the settings' formats ask for them."""
    tables = {
        "items": (analysis.items, ITEM_COLUMNS),
        "totals": (analysis.totals, TOTAL_COLUMNS),
        "findings": (analysis.findings, FINDING_COLUMNS),
        "mentions": (analysis.mentions, MENTION_COLUMNS),
    }
    tables = {name: (rows_named(rows, pdf.name), with_source_file(columns)) for name, (rows, columns) in tables.items()}
    files = {f"{name}.csv": rows_to_csv(rows, columns) for name, (rows, columns) in tables.items()}
    if "parquet" in settings.formats:
        from .parquet import rows_to_parquet

        files.update({f"{name}.parquet": rows_to_parquet(rows, f"{name}.csv") for name, (rows, _) in tables.items()})
    if "xlsx" in settings.formats:
        from .workbook import WORKBOOK_FILE, csvs_to_workbook

        files[WORKBOOK_FILE] = csvs_to_workbook(files)
    files.update({f"{name}.csv": csv_to_dialect(files[f"{name}.csv"], f"{name}.csv", settings.csv_dialect)
                  for name in tables})
    made = provenance(settings, cross_check=analysis.cross_check, choices=analysis.choices)
    source = pdf.read_bytes()
    files["report.html"] = report_html(analysis, table_sections, name=pdf.name,
                                       provenance=provenance_with_source(made, source))
    files[PACKAGE_FILE] = datapackage(  # last: it describes every other file
        files, name=pdf.stem, title=f"{analysis.title} ({pdf.name})", sources=[(pdf.name, source)],
        year=analysis.year, provenance=made, ocr=analysis.document.ocr, repairs=analysis.document.repairs,
        tables=tables_described(analysis.tables),
    )
    return files
