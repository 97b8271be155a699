"""How a run is set up: plain data, importable without the heavy libraries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract import DEFAULT_EXTRACTOR

from .vocabulary import DEFAULT_VOCABULARY

BUNDLED_SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "udmoentning-af-projektpuljen-2021.pdf"


@dataclass(frozen=True)
class RunSettings:
    out_dir: Path = Path("output")
    extractor: str = DEFAULT_EXTRACTOR
    password: str | None = None
    vocabulary: Path = DEFAULT_VOCABULARY
    cross_check: bool = False
    ocr: bool = False  # read the page images with Tesseract instead of the PDF's text
    formats: tuple[str, ...] = ("csv",)
    processes: int = 1  # processes that may share the work on one long document
    tables_per_process: int = 20  # fewer tables are not worth a process of their own
