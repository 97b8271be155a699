"""Image-only scans → a text layer by Tesseract, then read by any extractor like a PDF with text.

Each page is rendered with pdfium and read by ``tesseract ... -l dan pdf`` with
``textonly_pdf``: a page of the scan's size holding only the invisible words where
Tesseract saw them. The pages are joined into one PDF of the scan's name in a
temporary folder, which the chosen extractor then reads as it reads any other; so
OCR'd words go through the same layout, the same reconciliation and the same checks.
Tesseract is run with one thread per page and the pages spread over the cores.

Before Tesseract reads a page it is turned upright (Tesseract's orientation detection, ``--psm 0``, on a
half-size copy; a page it is unsure of stays as it is), then levelled, evenly lit and stretched to full
contrast (scan_image.py). The page is rendered at 300 dpi whatever the scan's own resolution, so a scan at
150 dpi reaches Tesseract at print resolution.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium
from PIL import Image

from ..errors import InputError
from .scan_image import page_for_ocr

ENGINE = "tesseract"
LANGUAGE = "dan"
OCR_DPI = 300  # Tesseract reads print best at 300 dpi
PAGE_SECONDS = 300  # one page that takes longer is given up
ORIENTATION_SURE = 2.0  # Tesseract's orientation confidence from which a page is turned as it says
ORIENTATION = re.compile(r"Rotate:\s*(\d+).*?Orientation confidence:\s*([\d.]+)", re.S)
INSTALL_HINT = "install tesseract-ocr and tesseract-ocr-dan (Debian), or run tests/setup-system.sh"


def engine_version() -> str:
    """'tesseract 5.3.0 (dan)': the engine, its version and the language data it reads with."""
    if shutil.which(ENGINE) is None:
        raise InputError(f"--ocr needs Tesseract, which is not installed; {INSTALL_HINT}")
    found = subprocess.run([ENGINE, "--version"], capture_output=True, text=True, timeout=30)
    first = (found.stdout or found.stderr).splitlines()[0].strip() if (found.stdout or found.stderr) else ENGINE
    languages = subprocess.run([ENGINE, "--list-langs"], capture_output=True, text=True, timeout=30).stdout.split()
    if LANGUAGE not in languages:
        raise InputError(f"--ocr needs Tesseract's Danish data ('{LANGUAGE}'), which is not installed; {INSTALL_HINT}")
    return f"{first} ({LANGUAGE})"


def _single_threaded() -> dict:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def osd_to_turn(report: str) -> int:
    """Tesseract's orientation report → the degrees (0, 90, 180, 270, clockwise) to turn the page by to set
    it upright; 0 where it is not sure."""
    found = ORIENTATION.search(report)
    if found is None or float(found[2]) < ORIENTATION_SURE:
        return 0
    return int(found[1]) % 360


def page_turn(image_path: Path) -> int:
    """How far a page image is from upright, by Tesseract's orientation detection on a half-size copy."""
    half = image_path.with_name(image_path.stem + "-osd.png")
    with Image.open(image_path) as image:
        image.reduce(2).save(half)
    command = [ENGINE, str(half), "-", "--psm", "0", "--dpi", str(OCR_DPI // 2)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=PAGE_SECONDS, env=_single_threaded())
    except subprocess.TimeoutExpired:
        return 0
    finally:
        half.unlink(missing_ok=True)
    return osd_to_turn(done.stdout) if done.returncode == 0 else 0  # too few letters to tell: as it is


def prepare_page(image_path: Path) -> None:
    """The page image, in place, as Tesseract reads it best: upright, level, evenly lit (scan_image.py)."""
    turn = page_turn(image_path)
    with Image.open(image_path) as image:
        upright = image.rotate(-turn, expand=True) if turn else image.copy()
    page_for_ocr(upright).save(image_path)


def page_to_text_pdf(image_path: Path, target_stem: Path) -> Path:
    """One page image → a one-page PDF holding only Tesseract's invisible words, read from the page prepared."""
    prepare_page(image_path)
    command = [ENGINE, str(image_path), str(target_stem), "-l", LANGUAGE, "--dpi", str(OCR_DPI),
               "-c", "textonly_pdf=1", "pdf"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=PAGE_SECONDS, env=_single_threaded())
    made = target_stem.with_suffix(".pdf")
    if done.returncode != 0 or not made.exists():
        raise InputError(f"{image_path.name}: Tesseract failed: {(done.stderr or '').strip().splitlines()[-1:]}")
    return made


MAX_OCR_PIXELS = 60_000_000  # a page image at most: A0 at 300 dpi is 140 M; A3 17 M; a larger page is read coarser


def ocr_scale(size: tuple[float, float]) -> float:
    """OCR_DPI as a scale, or less where a page that large would pass MAX_OCR_PIXELS."""
    area = max(1.0, size[0] * size[1])
    return min(OCR_DPI / 72, (MAX_OCR_PIXELS / area) ** 0.5)


def render_pages(path: Path, folder: Path, *, password: str | None) -> list[Path]:
    """Every page as a grey PNG at OCR_DPI, one page in memory at a time."""
    from .pdfium_extractor import open_document

    images = []
    with open_document(path, password=password) as pdf:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                image = page.render(scale=ocr_scale(page.get_size()), grayscale=True, may_draw_forms=True).to_pil()
            finally:
                page.close()
            target = folder / f"page-{index + 1:05d}.png"
            image.convert("L").save(target)
            images.append(target)
    return images


def join_pdfs(parts: list[Path], target: Path) -> None:
    joined = pdfium.PdfDocument.new()
    try:
        for part in parts:
            source = pdfium.PdfDocument(part)
            joined.import_pages(source)
            source.close()
        joined.save(target)
    finally:
        joined.close()


@contextmanager
def ocr_text_layer(path: Path, *, password: str | None = None) -> Iterator[tuple[Path, str]]:
    """The scan as a PDF of the same name holding Tesseract's words, and the engine that read them."""
    engine = engine_version()
    with tempfile.TemporaryDirectory(prefix="projektpulje-ocr-") as tmp:
        folder = Path(tmp)
        images = render_pages(path, folder, password=password)
        workers = os.cpu_count() or 1  # Tesseract runs one thread a page; OCR is most of the run
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda image: page_to_text_pdf(image, image.with_suffix("")), images))
        layered = folder / "text" / path.name
        layered.parent.mkdir()
        join_pdfs(parts, layered)
        yield layered, engine
