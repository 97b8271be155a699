"""Every file of one document's output folder, in memory, from its checked analysis and its report's
drawn table sections."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from projektpulje.audit.findings import MENTION_COLUMNS
from projektpulje.results import Analysis
from projektpulje.schemas import ITEM_COLUMNS, TOTAL_COLUMNS
from projektpulje.schemas.findings import FINDING_COLUMNS

from .datapackage import PACKAGE_FILE, datapackage
from .files import rows_to_csv, rows_to_parquet
from .report import report_html


def analysis_to_files(
    analysis: Analysis, table_sections: Sequence[str], *, pdf: Path, formats: Sequence[str] = ("csv",)
) -> dict[str, bytes]:
    """items.csv, totals.csv, findings.csv, mentions.csv, datapackage.json, report.html, and the Parquet files
    where `formats` asks for them."""
    tables = {
        "items": (analysis.items, ITEM_COLUMNS),
        "totals": (analysis.totals, TOTAL_COLUMNS),
        "findings": (analysis.findings, FINDING_COLUMNS),
        "mentions": (analysis.mentions, MENTION_COLUMNS),
    }
    files = {f"{name}.csv": rows_to_csv(rows, columns) for name, (rows, columns) in tables.items()}
    files[PACKAGE_FILE] = datapackage(
        files, name=pdf.stem, title=f"{analysis.title} ({pdf.name})", sources=[(pdf.name, pdf.read_bytes())],
        year=analysis.year,
    )
    if "parquet" in formats:
        files.update({f"{name}.parquet": rows_to_parquet(rows, columns) for name, (rows, columns) in tables.items()})
    files["report.html"] = report_html(analysis, table_sections, name=pdf.name)
    return files
