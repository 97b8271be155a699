"""Peak memory of `projektpulje run` on hostile and unlucky inputs (issue 19's first four rows), each input made here.

    python tests/benchmarks/memory.py               # every row
    python tests/benchmarks/memory.py --only bomb   # one row: folders, bomb, mediabox, ocr

Each row runs the installed command (this environment's) as a child process and measures its memory two ways,
as tests/benchmarks/bench.py does: "peak MB", the largest resident set of the command or any process under it
(wait4's ru_maxrss, what /usr/bin/time reports), and "all MB", the most that the command and all its processes
held at once (their proportional set sizes summed, sampled from /proc every 10 ms). A row is under the limit
when both are under 1.5 GB. Not a timed test: it prints, and exits 1 when a row is over.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench import CHILD_ENVIRONMENT, TreeMemory  # noqa: E402

from tests.pdfs import pdf_from_objects  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "udmoentning-af-projektpuljen-2021.pdf"
COMMAND = Path(sys.executable).with_name("projektpulje")
LIMIT_MB = 1536  # 1.5 GB
BOMB_BYTES = 4 * 1024 ** 3  # what the bomb's content stream inflates to
BIG_PAGE_PT = 14400  # the largest page PDF allows (200 inches)
OCR_PAGE_PT = 7200  # 30000 px at 300 dpi


@dataclass(frozen=True)
class Row:
    name: str
    what: str
    make: Callable[[Path], list[str]]  # the inputs made in a folder → the command's arguments after `run`


@dataclass(frozen=True)
class Measured:
    peak_mb: float
    all_mb: float | None
    seconds: float
    exit_code: int
    last_line: str


def deflated(total: int, *, head: bytes) -> bytes:
    """`head`, then spaces up to `total` bytes, deflated a chunk at a time (never held inflated)."""
    compressor, chunk, parts, left = zlib.compressobj(9), b" " * (16 * 1024 * 1024), [], total - len(head)
    parts.append(compressor.compress(head))
    while left > 0:
        parts.append(compressor.compress(chunk[: min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(compressor.flush())
    return b"".join(parts)


def make_folders(folder: Path) -> list[str]:
    """Three different PDFs whose names make one folder name: a/budget.pdf, b/budget.pdf, a/budget..pdf."""
    import pypdfium2 as pdfium

    paths = [folder / "a" / "budget.pdf", folder / "b" / "budget.pdf", folder / "a" / "budget..pdf"]
    for copies, path in enumerate(paths, start=1):  # different documents: the sample once, twice, three times
        path.parent.mkdir(parents=True, exist_ok=True)
        source, document = pdfium.PdfDocument(SAMPLE), pdfium.PdfDocument.new()
        for _ in range(copies):
            document.import_pages(source)
        document.save(path)
    return [str(p) for p in paths]


def make_bomb(folder: Path) -> list[str]:
    """A PDF of a few MB whose one page's content stream inflates to 4 GB (a line of text, then spaces)."""
    head = b"BT /F1 12 Tf 72 720 Td (Udmoentning af projektpuljen 2030) Tj ET\n"
    stream = deflated(BOMB_BYTES, head=head)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path = folder / "bomb.pdf"
    path.write_bytes(pdf_from_objects(objects))
    return [str(path)]


def _sample_on_pages_of(size_pt: float, path: Path, *, pages: int | None = None) -> Path:
    """The bundled sample with each page's MediaBox (and CropBox) made `size_pt` square, its text where it was."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(SAMPLE)
    for index in range(len(document)):
        page = document[index]
        _, _, _, top = page.get_mediabox()
        # The page grows downwards from its top edge, so the text stays at the top of the larger page.
        page.set_mediabox(0, top - size_pt, size_pt, top)
        page.set_cropbox(0, top - size_pt, size_pt, top)
    if pages is not None:
        for index in reversed(range(pages, len(document))):
            document.del_page(index)
    document.save(path)
    return path


def make_mediabox(folder: Path) -> list[str]:
    """The sample's pages, each 14400 pt square (the largest PDF allows): a small file, enormous pages."""
    return [str(_sample_on_pages_of(BIG_PAGE_PT, folder / "mediabox.pdf"))]


def make_ocr(folder: Path) -> list[str]:
    """A page 7200 pt square, 30000 px at --ocr's 300 dpi, with the sample's first page's text at its top."""
    return [str(_sample_on_pages_of(OCR_PAGE_PT, folder / "ocr-page.pdf", pages=1)), "--ocr"]


ROWS = (
    Row("folders", "three PDFs whose names make one folder name (a/budget.pdf, b/budget.pdf, a/budget..pdf)",
        make_folders),
    Row("bomb", "a PDF of a few MB whose content stream inflates to 4 GB", make_bomb),
    Row("mediabox", f"a small PDF with a {BIG_PAGE_PT} pt MediaBox on each page", make_mediabox),
    Row("ocr", "--ocr on a 30000 px page (7200 pt at 300 dpi)", make_ocr),
)


def measured(argv: list[str]) -> Measured:
    """One run of the command: its peak memory, wall time, exit code and the last line it wrote on stderr."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors, env=CHILD_ENVIRONMENT)
        sampler = TreeMemory(child.pid)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        all_mb = sampler.stop()
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    return Measured(usage.ru_maxrss / 1024, all_mb, seconds, os.waitstatus_to_exitcode(status),
                    lines[-1] if lines else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[row.name for row in ROWS], action="append", help="run only this row")
    parser.add_argument("--keep", type=Path, help="make the inputs and outputs in this folder, and keep them")
    args = parser.parse_args(argv)
    rows = [row for row in ROWS if not args.only or row.name in args.only]
    work = args.keep or Path(tempfile.mkdtemp(prefix="projektpulje-memory-"))
    over = []
    try:
        print(f"{'row':<9} {'peak MB':>8} {'all MB':>8} {'seconds':>8} {'exit':>4}  under 1.5 GB  input, and what the run said")
        for row in rows:
            folder = work / row.name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "in").mkdir(exist_ok=True)
            inputs = row.make(folder / "in")
            sizes = sum(Path(p).stat().st_size for p in inputs if Path(p).exists())
            result = measured([str(COMMAND), "run", *inputs, "--out", str(folder / "out"), "-q", "--timeout", "900"])
            highest = max(result.peak_mb, result.all_mb or 0)
            under = highest < LIMIT_MB
            over += [] if under else [row.name]
            all_mb = f"{result.all_mb:8.0f}" if result.all_mb is not None else f"{'–':>8}"
            print(f"{row.name:<9} {result.peak_mb:8.0f} {all_mb} {result.seconds:8.1f} {result.exit_code:>4}  "
                  f"{'yes' if under else 'NO':<12}  {row.what} ({sizes / 1024:.0f} KB): {result.last_line or '(nothing)'}",
                  flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if over:
        print(f"over 1.5 GB: {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
