"""What a notebook or another program calls: `read_pdf` for one document, `compare` for two editions; and what
the command composes, the only door it goes through: a batch run of many documents, their combined outputs, a
database load, compare's files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from projektpulje.document import Document, checked
from projektpulje.errors import InputError
from projektpulje.extract import DEFAULT_EXTRACTOR, EXTRACTORS  # noqa: F401  (the command's choices)
from projektpulje.outputs.dialects import DEFAULT_DIALECT, DIALECTS  # noqa: F401
from projektpulje.outputs.files import parquet_available, safe_folder_name, write_combined, xlsx_available  # noqa: F401
from projektpulje.stages.batch import DEFAULT_TIMEOUT, Interrupted, Outcome, pdfs_in, run_batch  # noqa: F401
from projektpulje.settings import RunSettings
from projektpulje.stages.analysis import analyse

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "read_pdf", "compare", "source_to_path",
    # the command's door: its choices, a batch run, the combined outputs, a database load, compare's files
    "DEFAULT_EXTRACTOR", "EXTRACTORS", "DEFAULT_DIALECT", "DIALECTS", "DEFAULT_TIMEOUT", "Interrupted", "Outcome",
    "pdfs_in", "run_batch", "write_combined", "parquet_available", "xlsx_available",
    "open_database", "load_folders", "load_area_names", "write_compare",
]


# A PDF given as bytes or a file object is read from a copy in a temporary folder, kept while the program runs:
# the report draws its pages and to_folder records its sha256 long after read_pdf returns.
_COPIES: list[tempfile.TemporaryDirectory] = []
UNNAMED = "document.pdf"


def source_to_path(source: str | os.PathLike | bytes | BinaryIO, *, name: str | None = None) -> Path:
    """A PDF as a file to read: a path as it is; bytes or a binary file object copied into a temporary file
    named `name` (else the file object's own name, else document.pdf), the name its rows and folder get."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif hasattr(source, "read"):
        data = source.read()
        if not isinstance(data, bytes):
            raise TypeError("read_pdf needs a binary file object (open(path, 'rb')), not a text one")
        name = name or os.path.basename(str(getattr(source, "name", "") or "")) or None
    else:
        raise TypeError(f"read_pdf takes a path, bytes or a binary file object, not {type(source).__name__}")
    copies = tempfile.TemporaryDirectory(prefix="projektpulje-")
    _COPIES.append(copies)
    path = Path(copies.name) / safe_folder_name(Path(name or UNNAMED).name)
    path.write_bytes(data)
    return path


def read_pdf(
    source: str | os.PathLike | bytes | BinaryIO,
    *,
    name: str | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    password: str | None = None,
    ocr: bool = False,
    cross_check: bool = False,
) -> Document:
    """Read one PDF (a path, its bytes or a binary file object; `name` names the latter two): every budget table
    normalised, every stated subtotal and total reconciled, the prose's amounts tied to the tables, every rule
    checked. `ocr=True` reads the page images with Tesseract, as `--ocr` does. Raises `InputError` for a file that
    cannot be used, its message as the command's but with this function's keywords ("give ocr=True")."""
    pdf = source_to_path(source, name=name)
    settings = RunSettings(extractor=extractor, password=password, cross_check=cross_check, ocr=ocr)
    try:
        return checked(Document(pdf, analyse(pdf, settings=settings), settings))
    except InputError as error:
        raise error.in_python() from None


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


def open_database(url: str):
    """The database at `url` (SQLite or PostgreSQL), its tables made; DatabaseError where it cannot be used."""
    from projektpulje.outputs.database import open_database as opened

    return opened(url)


def load_folders(database, folders: list[Path]) -> str:
    """Each document's output folder into the database, each in a transaction of its own; the database's URL as
    it may be shown (no password)."""
    from projektpulje.outputs.database import load_folder, shown_url

    for folder in folders:
        load_folder(database, folder)
    return shown_url(database)


def load_area_names(database, rows: list[dict]) -> str:
    """compare's renamed areas into the database's area_names table; its URL as it may be shown."""
    from projektpulje.outputs.database import load_area_names as load, shown_url

    load(database, rows)
    return shown_url(database)


def write_compare(out_dir: Path, compared: pd.DataFrame) -> Path:
    """DIR/compare.csv (and DIR/area-names.csv), written whole or not at all."""
    from projektpulje.stages.run import write_compare as write

    return write(out_dir, compared)
