"""Documents made elsewhere, with other tools, held to their exact truth with every extractor.

`../shared/acceptance/` (beside the project; CI has it there) holds PDFs of "Udmøntning af projektpuljen"
that the project was not built on, each with its truth, and the scorers `score.py` (items and totals
exact) and `audit.py` (exactly the expected findings). Each extractor reads them all in one batch run
of the command, as a user would; each document is then scored as the corpus's README says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ACCEPTANCE = ROOT.parent / "shared" / "acceptance"
EXACT = ["c_threeyears", "c_mio", "c_overview", "c_captions", "c_2019",
         "p_chromium", "p_nospace", "p_landscape", "p_template", "p_twocol"]
EXTRACTORS = ["pdfium", "pdfplumber", "camelot"]

pytestmark = pytest.mark.skipif(not (ACCEPTANCE / "score.py").exists(),
                                reason=f"the acceptance corpus is not at {ACCEPTANCE}")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """`batch(extractor)`: the output folder of one batch run over every exact document, made once, and its
    stderr (a document that could not be read is said there, and has no folder)."""
    runs = {}

    def run(extractor: str) -> Path:
        if extractor not in runs:
            out = tmp_path_factory.mktemp(f"acceptance-{extractor}")
            pdfs = [str(ACCEPTANCE / f"{name}.pdf") for name in EXACT]
            done = subprocess.run(
                [sys.executable, "-m", "projektpulje.cli", "run", *pdfs, "--out", str(out), "--extractor", extractor,
                 "-q", "--timeout", "900"],
                capture_output=True, text=True, timeout=1800,
            )
            runs[extractor] = (out, done.stderr)
        return runs[extractor]

    return run


def scored(tool: str, folder: Path, name: str) -> tuple[bool, str]:
    done = subprocess.run([sys.executable, str(ACCEPTANCE / tool), str(folder), str(ACCEPTANCE / f"{name}.truth.json")],
                          capture_output=True, text=True, timeout=120)
    return done.returncode == 0, done.stdout.strip()


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("name", EXACT)
def test_a_document_made_elsewhere_is_read_exactly_with_exactly_its_findings(batch, name, extractor):
    out, stderr = batch(extractor)
    folder = out / name
    assert folder.is_dir(), f"{name} was not written: {[line for line in stderr.splitlines() if name in line]}"
    items_ok, items = scored("score.py", folder, name)
    findings_ok, findings = scored("audit.py", folder, name)
    assert items_ok and findings_ok, f"{items} | {findings}"
