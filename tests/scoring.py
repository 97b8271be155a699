"""The acceptance corpus's scorers (`../shared/acceptance/score.py`: items and totals exact; `audit.py`: exactly
the expected findings), and one batch run of the command, as the tests that hold documents to a truth use them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

ACCEPTANCE = ROOT.parent / "shared" / "acceptance"
HAS_SCORERS = (ACCEPTANCE / "score.py").exists() and (ACCEPTANCE / "audit.py").exists()


def scored(tool: str, folder: Path, truth: Path) -> tuple[bool, str]:
    """Whether the output folder holds to the truth by the scorer `tool`, and the scorer's line."""
    done = subprocess.run([sys.executable, str(ACCEPTANCE / tool), str(folder), str(truth)],
                          capture_output=True, text=True, timeout=300)
    return done.returncode == 0, done.stdout.strip()


def exact(folder: Path, truth: Path) -> tuple[bool, str]:
    """Items and totals exact and exactly the expected findings; both scorers' lines."""
    items_ok, items = scored("score.py", folder, truth)
    findings_ok, findings = scored("audit.py", folder, truth)
    return items_ok and findings_ok, f"{items} | {findings}"


def batch_run(pdfs: list[Path], out: Path, extractor: str, jobs: int | None = None) -> str:
    """One run of the command over every PDF into `out`; its stderr (a document that could not be read is
    said there, and has no folder)."""
    done = subprocess.run(
        [sys.executable, "-m", "projektpulje.cli", "run", *map(str, pdfs), "--out", str(out), "--extractor", extractor,
         "-q", "--timeout", "900", *(["--jobs", str(jobs)] if jobs else [])],
        capture_output=True, text=True, timeout=3600,
    )
    return done.stderr
