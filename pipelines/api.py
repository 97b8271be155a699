"""What a notebook or another program calls: `read_pdf` for one document, `compare` for two editions."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from projektpulje.document import Document, checked
from projektpulje.extract import DEFAULT_EXTRACTOR
from projektpulje.errors import InputError
from projektpulje.outputs.files import safe_folder_name
from projektpulje.settings import RunSettings
from projektpulje.stages.analysis import analyse

if TYPE_CHECKING:
    import pandas as pd


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
