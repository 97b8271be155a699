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
    from pipelines.vocabulary import load_vocabulary

    return load_vocabulary()
