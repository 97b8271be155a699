from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE_2021 = SAMPLES / "udmoentning-af-projektpuljen-2021.pdf"
SCAN_2021 = SAMPLES / "udmoentning-af-projektpuljen-2021-scan.pdf"  # image only: read with --ocr (test_producers.py)


@pytest.fixture
def vocab():
    from projektpulje.budget.vocabulary import load_vocabulary

    return load_vocabulary()

EXTRACTORS = ["pdfium", "pdfplumber", "camelot"]  # the default first


@pytest.fixture(scope="session")
def written(tmp_path_factory):
    """`written(pdf, extractor)`: the document run once per test session into a folder of its own, shared by
    every test that reads it (tests read its files; none changes them)."""
    from projektpulje.stages.run import RunSettings, write_document

    cache = {}

    def write(pdf: Path, extractor: str = "pdfium", *, password: str | None = None):
        key = (Path(pdf).resolve(), extractor, password)
        if key not in cache:
            out = tmp_path_factory.mktemp(f"{extractor}-{Path(pdf).stem}")
            cache[key] = write_document(Path(pdf), settings=RunSettings(out_dir=out, extractor=extractor, password=password))
        return cache[key]

    return write
