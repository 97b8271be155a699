"""Rewrite the golden CSVs under tests/golden/<sample>/ from the samples, for review as a diff.

    python tests/update_golden.py

Run only when a change of output is intended; read `git diff tests/golden` before committing.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.run import RunSettings, run_document

KEPT = {"items.csv", "totals.csv", "findings.csv", "mentions.csv"}  # the reviewed files; the rest is derived

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))


def main() -> None:
    for pdf in SAMPLES:
        scan = pdf.name.endswith("-scan.pdf")  # an image-only scan, read with --ocr
        result = run_document(pdf, settings=RunSettings(out_dir=GOLDEN, extractor="pdfplumber", ocr=scan))
        for derived in (p for p in result.out_dir.iterdir() if p.name not in KEPT):
            derived.unlink()
        print(result.summary())


if __name__ == "__main__":
    main()
