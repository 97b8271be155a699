"""Reading output folders in tests."""

from __future__ import annotations

import csv
import re
from pathlib import Path

OUTPUT_FILES = ("items.csv", "totals.csv", "findings.csv", "mentions.csv")


def read_rows(path: Path, *, without: tuple[str, ...] = ()) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: v for k, v in row.items() if k not in without} for row in csv.DictReader(fh)]


LINE_NUMBER = re.compile(r"^lines? [0-9]+(–[0-9]+)?: ")  # a finding's line, as its extractor's report numbers it


def without_line_numbers(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows whose message no longer names the report's line number: camelot reads a wrapped label as one row,
    so its report numbers a table's lines its own way while everything else it reads is the same."""
    return [{**row, "message": LINE_NUMBER.sub("", row["message"])} if "message" in row else row for row in rows]


def differing_files(out_dir: Path, golden_dir: Path, *, without: tuple[str, ...] = (),
                    any_line_numbers: bool = False) -> list[str]:
    """Output files whose rows differ from the golden ones (ignoring the named columns, and with
    `any_line_numbers` the line numbers findings name)."""
    same = without_line_numbers if any_line_numbers else (lambda rows: rows)
    return [
        name for name in OUTPUT_FILES
        if same(read_rows(out_dir / name, without=without)) != same(read_rows(golden_dir / name, without=without))
    ]
