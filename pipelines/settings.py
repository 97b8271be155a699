"""How a run is set up: plain data, importable without the heavy libraries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from projektpulje.extract import DEFAULT_EXTRACTOR

from projektpulje.budget.vocabulary import DEFAULT_VOCABULARY

# The 2021 sample ships inside the package (data/ links to samples/ in a checkout), so an installed
# projektpulje runs on it from any folder.
BUNDLED_SAMPLE = Path(__file__).resolve().parent / "data" / "udmoentning-af-projektpuljen-2021.pdf"


# pyproject.toml's version; a test holds the two together. A constant, since reading the installed metadata
# takes a tenth of a second on a busy machine, and every run records the version.
VERSION = "0.1.0"


@dataclass(frozen=True)
class RunSettings:
    out_dir: Path = Path("output")
    extractor: str = DEFAULT_EXTRACTOR
    password: str | None = None
    vocabulary: Path = DEFAULT_VOCABULARY
    cross_check: bool = False
    ocr: bool = False  # read the page images with Tesseract instead of the PDF's text
    formats: tuple[str, ...] = ("csv",)
    csv_dialect: str = "default"  # or "excel-da": ';', decimal comma, UTF-8 with BOM (outputs/dialects.py)
    processes: int = 1  # processes that may share the work on one long document
    tables_per_process: int = 20  # fewer tables are not worth a process of their own
    pages_per_process: int = 32  # fewer pages, and forking and passing them back cost more than they save
    second_readings: bool = True  # a table that fails its own sums is read again by another extractor
    folder: str = ""  # the output folder's name under out_dir, given by a batch; empty: made from the PDF's name

    @property
    def second_extractor(self) -> str:
        """The extractor --cross-check compares with: camelot, or pdfplumber when camelot is the first."""
        return next(name for name in ("camelot", "pdfplumber") if name != self.extractor)
