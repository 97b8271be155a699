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


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory):
    """A database URL for each engine the output is loaded into: a fresh SQLite file, and a PostgreSQL server
    started for the module (the tests fail, saying how to install it, where PostgreSQL is missing)."""
    from .postgres import postgres_bin, postgres_server

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'projektpulje.db'}"
        return
    if postgres_bin() is None:
        pytest.fail("PostgreSQL is not installed: run tests/setup-system.sh")
    with postgres_server() as url:
        yield url
