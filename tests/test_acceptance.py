"""Documents made elsewhere, with other tools, held to their exact truth with every extractor.

`../shared/acceptance/` (beside the project; CI has it there) holds PDFs of "Udmøntning af projektpuljen"
that the project was not built on, each with its truth, and the scorers `score.py` (items and totals
exact) and `audit.py` (exactly the expected findings). Each extractor reads them all in one batch run
of the command, as a user would; each document is then scored as the corpus's README says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scoring import ACCEPTANCE, HAS_SCORERS, batch_run, exact

EXACT = ["c_threeyears", "c_mio", "c_overview", "c_captions", "c_2019",
         "p_chromium", "p_nospace", "p_landscape", "p_template", "p_twocol"]
EXTRACTORS = ["pdfium", "pdfplumber", "camelot"]

pytestmark = pytest.mark.skipif(not HAS_SCORERS,
                                reason=f"the acceptance corpus is not at {ACCEPTANCE}")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """`batch(extractor)`: the output folder of one batch run over every exact document, made once, and its
    stderr (a document that could not be read is said there, and has no folder)."""
    runs = {}

    def run(extractor: str) -> Path:
        if extractor not in runs:
            out = tmp_path_factory.mktemp(f"acceptance-{extractor}")
            runs[extractor] = (out, batch_run([ACCEPTANCE / f"{name}.pdf" for name in EXACT], out, extractor))
        return runs[extractor]

    return run


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("name", EXACT)
def test_a_document_made_elsewhere_is_read_exactly_with_exactly_its_findings(batch, name, extractor):
    out, stderr = batch(extractor)
    folder = out / name
    assert folder.is_dir(), f"{name} was not written: {[line for line in stderr.splitlines() if name in line]}"
    ok, lines = exact(folder, ACCEPTANCE / f"{name}.truth.json")
    assert ok, lines
