"""Tidy frames → CSV bytes, and folders written whole or not at all."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Mapping

import pandas as pd

from .numbers import decimal_to_text


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_to_text(value)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def frame_to_csv(frame: pd.DataFrame, columns: list[str]) -> bytes:
    """UTF-8 without BOM, comma, header row, '.' decimals, no thousands separators, '\\n' line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in frame[columns].itertuples(index=False):
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def safe_folder_name(stem: str) -> str:
    """A PDF stem as a folder name: no path separators, no '..', no control characters; æøå and spaces kept."""
    name = re.sub(r"[\x00-\x1f\x7f/\\]", "_", stem).strip()
    name = re.sub(r"\.{2,}", "_", name).strip(". ")
    return name or "document"


def write_folder(final: Path, files: Mapping[str, bytes]) -> None:
    """Write all files into a temporary folder beside ``final``, then swap it into place.

    A failure at any point leaves an existing ``final`` exactly as it was.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".partial", dir=final.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if final.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".old", dir=final.parent))
            previous = retired / "previous"
            os.replace(final, previous)
            try:
                os.replace(staging, final)
            except BaseException:
                os.replace(previous, final)
                raise
            finally:
                shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
