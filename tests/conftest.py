from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE_2021 = SAMPLES / "udmoentning-af-projektpuljen-2021.pdf"


@pytest.fixture
def vocab():
    from projektpulje.budget.vocabulary import load_vocabulary

    return load_vocabulary()
