"""Scans, judged as the acceptance corpus judges them (../shared/acceptance/, made elsewhere, with their truth):
every line exact, or in a table that a finding or a failed sum flags; 0 silent errors, and no finding the truth
does not expect beyond the sums a misread amount breaks (audit.py with the truth's outcome extract_tables_or_flag,
as run_cases.py's modes flag and ocr set it).

- p_ocr, a 300 dpi scan with a Tesseract text layer, with each extractor through the installed command
  (run_cases.py's mode flag);
- the same pages as an image-only PDF (rendered without their text layer), read with --ocr: Tesseract reads
  them once, and each extractor reads its words (the --ocr run of the command, Tesseract's text layer kept);
- degraded scans (tests/degrade.py: seeded resolution, blur, skew, uneven light, JPEG) of generated documents
  (tests/generator, ReportLab: a few pages in all), read with --ocr by pdfium: 0 silent errors.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from projektpulje.extract import ocr as ocr_module
from projektpulje.stages.run import RunSettings, write_document

from tests.conftest import EXTRACTORS, ROOT
from tests.degrade import degrade

ACCEPTANCE = ROOT.parent / "shared" / "acceptance"
P_OCR = ACCEPTANCE / "p_ocr.pdf"
# (generated seed, degrading seed): ReportLab documents of 2 and 3 pages that read exactly before degrading
DEGRADED = [(15, 0), (31, 2)]

pytestmark = [
    pytest.mark.skipif(not (ACCEPTANCE / "run_cases.py").exists(), reason=f"the acceptance corpus is not at {ACCEPTANCE}"),
    pytest.mark.skipif(shutil.which(ocr_module.ENGINE) is None, reason=ocr_module.INSTALL_HINT),
]


def command() -> str:
    """The installed command, beside this Python (a virtual environment's) or on the PATH."""
    beside = Path(sys.executable).with_name("projektpulje")
    return str(beside) if beside.exists() else shutil.which("projektpulje") or "projektpulje"


def flag_truth(truth: Path, target: Path) -> Path:
    """The truth with its outcome set to extract_tables_or_flag (as run_cases.py's flag_truth does)."""
    data = json.loads(truth.read_text(encoding="utf-8"))
    data.setdefault("expected_behaviour", {})["outcome"] = "extract_tables_or_flag"
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def audited(out_dir: Path, truth: Path) -> tuple[bool, str]:
    done = subprocess.run([sys.executable, str(ACCEPTANCE / "audit.py"), str(out_dir), str(truth)],
                          capture_output=True, text=True, timeout=120)
    return done.returncode == 0, done.stdout.strip()


def image_only(source: Path, target: Path, *, dpi: int = 300) -> Path:
    """SOURCE's pages rendered (the page image, its invisible words not drawn) into a PDF of images only."""
    pdf = pdfium.PdfDocument(source)
    try:
        pages = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                 for i in range(len(pdf))]
    finally:
        pdf.close()
    first, *rest = pages
    first.save(target, format="PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return target


@contextmanager
def ocr_read_once(scan: Path, keep: Path):
    """--ocr runs of `scan` read one Tesseract text layer of it, made on the first run and kept in `keep`."""
    made = {}
    real = ocr_module.ocr_text_layer

    @contextmanager
    def once(path, *, password=None):
        assert Path(path) == scan
        if not made:
            with real(Path(path), password=password) as (layered, engine):
                made["pdf"], made["engine"] = shutil.copy(layered, keep / layered.name), engine
        yield Path(made["pdf"]), made["engine"]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ocr_module, "ocr_text_layer", once)
        yield


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_the_text_layer_scan_is_exact_or_flagged(extractor):
    spec = f"{P_OCR}:flag:{extractor}"
    done = subprocess.run([sys.executable, str(ACCEPTANCE / "run_cases.py"), command(), spec],
                          capture_output=True, text=True, timeout=1800)
    assert done.stdout.strip() == "1/1 runs hold", done.stdout + done.stderr


@pytest.fixture(scope="module")
def image_scan(tmp_path_factory):
    """p_ocr's pages as an image-only PDF, and its truth set to be flagged."""
    folder = tmp_path_factory.mktemp("image-only")
    scan = image_only(P_OCR, folder / "p_ocr_image.pdf")
    return scan, flag_truth(P_OCR.with_suffix(".truth.json"), folder / "p_ocr_image.truth.json")


@pytest.fixture(scope="module")
def image_scan_read(image_scan, tmp_path_factory):
    """The image-only scan read with --ocr by each extractor (Tesseract once): extractor → output folder."""
    scan, _ = image_scan
    keep = tmp_path_factory.mktemp("ocr-layer")
    outs = {}
    with ocr_read_once(scan, keep):
        for extractor in EXTRACTORS:
            result = write_document(scan, settings=RunSettings(out_dir=tmp_path_factory.mktemp(extractor),
                                                             extractor=extractor, ocr=True))
            outs[extractor] = result.out_dir
    return outs


def test_the_image_only_scan_has_no_text_of_its_own(image_scan):
    from projektpulje.cli import main

    scan, _ = image_scan
    assert main(["run", str(scan), "--out", str(scan.parent / "refused"), "-q"]) == 2


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_the_image_only_scan_read_with_ocr_is_exact_or_flagged(image_scan, image_scan_read, extractor):
    _, truth = image_scan
    ok, line = audited(image_scan_read[extractor], truth)
    assert ok, line
    findings = (image_scan_read[extractor] / "findings.csv").read_text(encoding="utf-8")
    assert "narrative_mismatch" not in findings  # OCR'd prose is uncertain, never a contradiction


@pytest.mark.parametrize("seed, damage", DEGRADED, ids=[f"gen{s}-damage{d}" for s, d in DEGRADED])
def test_a_degraded_scan_of_a_generated_document_has_no_silent_errors(seed, damage, tmp_path):
    from tests.generator import generate

    (clean,) = generate([seed], tmp_path / "clean", jobs=1)
    scan = tmp_path / f"{clean.stem}-damage{damage}.pdf"
    degrade(clean, scan, seed=damage)
    result = write_document(scan, settings=RunSettings(out_dir=tmp_path / "out", extractor="pdfium", ocr=True))
    ok, line = audited(result.out_dir, flag_truth(clean.with_suffix(".truth.json"), tmp_path / "flag.truth.json"))
    assert ", 0 silent errors" in line, line
