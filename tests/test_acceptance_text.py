"""The acceptance documents whose text cannot be trusted as it stands (../shared/acceptance/, made elsewhere, with
their truth): fonts without a Unicode map, and tables pasted in as pictures. Each extractor is run through the
installed command and judged as the corpus's own run_cases.py judges it (its modes error_or_ocr and pictures:
exit 2 naming the text or the pictures and --ocr; with --ocr, the undecodable document exact or flagged)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXTRACTORS, ROOT

ACCEPTANCE = ROOT.parent / "shared" / "acceptance"
CASES = {"p_notounicode": "error_or_ocr", "p_tableimage": "pictures"}

pytestmark = pytest.mark.skipif(not (ACCEPTANCE / "run_cases.py").exists(),
                                reason=f"the acceptance corpus is not at {ACCEPTANCE}")


def command() -> str:
    """The installed command, beside this Python (a virtual environment's) or on the PATH."""
    beside = Path(sys.executable).with_name("projektpulje")
    return str(beside) if beside.exists() else shutil.which("projektpulje") or "projektpulje"


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("name", CASES)
def test_the_acceptance_document_holds(name, extractor):
    spec = f"{ACCEPTANCE / name}.pdf:{CASES[name]}:{extractor}"
    done = subprocess.run([sys.executable, str(ACCEPTANCE / "run_cases.py"), command(), spec],
                          capture_output=True, text=True, timeout=1800)
    assert done.stdout.strip() == "1/1 runs hold", done.stdout + done.stderr
    assert done.returncode == 0
