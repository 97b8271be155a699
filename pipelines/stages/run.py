"""One run's second stage: the first stage's document → every rule checked → files written whole; and the
editions `compare` reads. Importing this module loads pandas (the rules load pandera when they run).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from projektpulje.document import Document
from projektpulje.errors import InputError
from projektpulje.outputs.datapackage import PACKAGE_FILE
from projektpulje.outputs.dialects import csv_to_default
from projektpulje.outputs.files import rows_to_csv, write_file
from projektpulje.schemas import ITEM_COLUMNS
from projektpulje.schemas.validate import rows_to_frame
from projektpulje.settings import BUNDLED_SAMPLE, RunSettings
from projektpulje.stages.analysis import analyse, draft_document

__all__ = ["BUNDLED_SAMPLE", "RunSettings", "analyse", "write_document"]


def write_document(
    pdf: Path,
    *,
    settings: RunSettings,
    draft: Document | None = None,
) -> Document:
    """Check one PDF's first-stage document (made here unless given) and write its folder, only once all of it
    is done."""
    draft = draft or draft_document(pdf, settings=settings)
    return draft.written(settings.out_dir)


def edition_items(edition: Path | Document, *, settings: RunSettings = RunSettings()) -> tuple[pd.DataFrame, int | None]:
    """An edition's items and year: from a document, an output folder (items.csv, datapackage.json), or read
    from its PDF."""
    if isinstance(edition, Document):
        return edition.items, edition.year
    path = Path(edition)
    if path.is_dir():
        items_csv = path / "items.csv"
        if not items_csv.exists():
            raise InputError(f"{path}: not an output folder of projektpulje run (no items.csv)")
        items = pd.read_csv(io.BytesIO(csv_to_default(items_csv.read_bytes(), "items.csv")), dtype=str,
                            keep_default_na=False)
        package = path / PACKAGE_FILE
        year = json.loads(package.read_text(encoding="utf-8")).get("year") if package.exists() else None
        return items, year
    analysis = analyse(path, settings=settings)
    return rows_to_frame(analysis.items, ITEM_COLUMNS), analysis.year


def write_compare(out_dir: Path, compared: pd.DataFrame) -> Path:
    """DIR/compare.csv, written whole or not at all; beside it DIR/area-names.csv, each renamed area's earlier
    name and its name in the newer edition (only the header when none was renamed)."""
    from projektpulje.compare import AREA_NAME_COLUMNS, COMPARE_COLUMNS, area_names_frame

    names = [{k: (None if pd.isna(v) else v) for k, v in row.items()}
             for row in area_names_frame(compared).to_dict("records")]
    write_file(out_dir / "area-names.csv", rows_to_csv(names, AREA_NAME_COLUMNS))
    return write_file(out_dir / "compare.csv", rows_to_csv(compared.to_dict("records"), COMPARE_COLUMNS))
