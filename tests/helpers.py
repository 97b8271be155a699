"""Reading output folders in tests."""

from __future__ import annotations

import csv
from pathlib import Path

OUTPUT_FILES = ("items.csv", "totals.csv", "findings.csv", "mentions.csv")


def read_rows(path: Path, *, without: tuple[str, ...] = ()) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: v for k, v in row.items() if k not in without} for row in csv.DictReader(fh)]


def differing_files(out_dir: Path, golden_dir: Path, *, without: tuple[str, ...] = ()) -> list[str]:
    """Output files whose rows differ from the golden ones (ignoring the named columns)."""
    return [
        name for name in OUTPUT_FILES
        if read_rows(out_dir / name, without=without) != read_rows(golden_dir / name, without=without)
    ]
