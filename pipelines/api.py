"""What a notebook or another program calls: `read_pdf` for one document, `compare` for two editions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from projektpulje.document import Document, checked
from projektpulje.extract import DEFAULT_EXTRACTOR
from projektpulje.settings import RunSettings
from projektpulje.stages.analysis import analyse

if TYPE_CHECKING:
    import pandas as pd


def read_pdf(
    path: str | Path,
    *,
    extractor: str = DEFAULT_EXTRACTOR,
    password: str | None = None,
    cross_check: bool = False,
) -> Document:
    """Read one PDF: every budget table normalised, every stated subtotal and total reconciled, the prose's
    amounts tied to the tables, every rule checked. Raises `InputError` for a file that cannot be used."""
    pdf = Path(path)
    settings = RunSettings(extractor=extractor, password=password, cross_check=cross_check)
    return checked(Document(pdf, analyse(pdf, settings=settings), settings))


def compare(old: str | Path | Document, new: str | Path | Document) -> pd.DataFrame:
    """Two editions side by side, one row per budget line of each edition's own year (compare.csv's rows);
    `.attrs["renamed_areas"]` maps each old area name taken as renamed to its new one, `.attrs["years"]` holds
    the two editions' years. Each edition is a
    Document, an output folder of `projektpulje run`, or a PDF (read on the spot)."""
    from projektpulje.compare import compare_editions
    from projektpulje.stages.run import edition_items

    (old_items, old_year), (new_items, new_year) = (edition_items(e) for e in (old, new))
    compared, renames = compare_editions(old_items, new_items, old_year=old_year, new_year=new_year)
    compared.attrs["renamed_areas"] = renames
    compared.attrs["years"] = (old_year, new_year)
    return compared
