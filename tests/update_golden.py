"""Rewrite the golden CSVs under tests/golden/<sample>/ from the samples, for review as a diff.

    python tests/update_golden.py

Run only when a change of output is intended; read `git diff tests/golden` before committing.
"""

from __future__ import annotations

from pathlib import Path

from projektpulje.stages.run import RunSettings, write_document

KEPT = {"items.csv", "totals.csv", "findings.csv", "mentions.csv"}  # the reviewed files; the rest is derived

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
OCR_SAMPLES = ("-ocr-layer", "-scan")


def main() -> None:
    for pdf in SAMPLES:
        scan = pdf.name.endswith("-scan.pdf")  # an image-only scan, read with --ocr
        # camelot reads OCR'd text its own way: its goldens of the scans are kept apart, under golden/camelot/
        runs = [("pdfplumber", GOLDEN), *([("camelot", GOLDEN / "camelot")] if pdf.stem.endswith(OCR_SAMPLES) else [])]
        for extractor, folder in runs:
            result = write_document(pdf, settings=RunSettings(out_dir=folder, extractor=extractor, ocr=scan))
            for derived in (p for p in result.out_dir.iterdir() if p.name not in KEPT):
                derived.unlink()
            print(extractor, result.summary())


if __name__ == "__main__":
    main()
