"""Time `projektpulje run` against camelot, pdfplumber and pdftotext, each as a whole process, on one machine.

    python tests/benchmarks/bench.py            # median of 5 runs on 7 pages, 3 on 700 pages
    python tests/benchmarks/bench.py --quick    # one run each

The 700-page document is the bundled sample repeated 100 times (pdfunite, or pypdf where
installed), cached under /tmp. Wall time is measured around each child process. Memory is
given two ways: "peak MB", the largest resident set of the child or any of its processes, as wait4
(and /usr/bin/time) report it; and "all MB", the most that the child and all its processes held at
once, as the sum of their proportional set sizes (memory they share counted once), sampled every
10 ms from /proc (Linux).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "udmoentning-af-projektpuljen-2021.pdf"
SCAN = ROOT / "samples" / "udmoentning-af-projektpuljen-2021-scan.pdf"  # image only: read with --ocr
REPEATS = 100
EXTRACTORS = ("pdfium", "pdfplumber")
CACHE = Path(tempfile.gettempdir()) / "projektpulje-bench"

CAMELOT_STREAM = "import camelot, sys; camelot.read_pdf(sys.argv[1], flavor='stream', pages='all')"
PDFPLUMBER_TABLES = (
    "import pdfplumber, sys\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages:\n"
    "        page.extract_tables()\n"
    "        page.close()\n"
)


# Every command runs as on a user's machine, where the first run leaves compiled bytecode behind for the next
# (some sandboxes set PYTHONDONTWRITEBYTECODE, which would make each run compile this project's modules again).
CHILD_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Command:
    name: str
    argv: tuple[str, ...]
    ok_codes: tuple[int, ...] = (0,)


@dataclass(frozen=True)
class Timing:
    seconds: float
    peak_mb: float
    all_mb: float | None = None


def repeated_pdf(source: Path, times: int) -> Path:
    """The source PDF repeated ``times`` times, built once and kept under /tmp."""
    target = CACHE / f"{source.stem}-x{times}.pdf"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part.pdf")
    try:
        from pypdf import PdfWriter
    except ImportError:
        subprocess.run(["pdfunite", *[str(source)] * times, str(partial)], check=True)
    else:
        writer = PdfWriter()
        for _ in range(times):
            writer.append(str(source))
        with partial.open("wb") as fh:
            writer.write(fh)
    partial.replace(target)
    return target


def commands(pdf: Path, out: Path, *, extractors: Sequence[str]) -> list[Command]:
    """projektpulje run with each extractor (exit 1 only says a total or the prose disagrees), then the references."""
    python = sys.executable
    projektpulje = shutil.which("projektpulje") or "projektpulje"
    run = (projektpulje, "run", str(pdf), "--out", str(out), "-q")
    return [
        *(Command(f"projektpulje run ({name})", (*run, "--extractor", name), (0, 1)) for name in extractors),
        Command("camelot stream, bare", (python, "-c", CAMELOT_STREAM, str(pdf))),
        Command("pdfplumber extract_tables, bare", (python, "-c", PDFPLUMBER_TABLES, str(pdf))),
        Command("pdftotext -layout", ("pdftotext", "-layout", str(pdf), os.devnull)),
    ]


def time_once(command: Command) -> Timing:
    """Wall time and peak memory of one run of the command as a child process."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command.argv, stdout=subprocess.DEVNULL, stderr=errors, env=CHILD_ENVIRONMENT)
        sampler = TreeMemory(child.pid)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        all_mb = sampler.stop()
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in command.ok_codes:
            errors.seek(0)
            raise RuntimeError(f"{command.name} exited {child.returncode}: {errors.read().decode(errors='replace')[-2000:]}")
    return Timing(seconds, usage.ru_maxrss / 1024, all_mb)


class TreeMemory:
    """The most memory a process and its descendants hold at once: the sum of their proportional set sizes,
    sampled from /proc in a thread until stopped. None where /proc does not tell."""

    def __init__(self, pid: int, interval: float = 0.01) -> None:
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.readable = Path(f"/proc/{os.getpid()}/smaps_rollup").exists()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def stop(self) -> float | None:
        self.done.set()
        self.thread.join()
        return self.peak_kb / 1024 if self.readable else None

    def _sample(self) -> None:
        while self.readable and not self.done.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _process_tree(self.pid)))
            self.done.wait(self.interval)


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                for child in fh.read().split():
                    found.extend(_process_tree(int(child)))
    except OSError:  # it has ended meanwhile
        pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def median_timings(commands: Sequence[Command], runs: int) -> dict[str, Timing]:
    """Each command's median wall time over ``runs`` rounds, and the highest peak memory of any run.
    One untimed round first (files into the page cache, bytecode compiled); then the commands take turns,
    round by round, so a machine that gets busier or quieter meanwhile weighs on all of them alike."""
    for command in commands:
        time_once(command)
    timings: dict[str, list[Timing]] = {command.name: [] for command in commands}
    for _ in range(runs):
        for command in commands:
            timings[command.name].append(time_once(command))
    return {
        name: Timing(
            statistics.median(t.seconds for t in runs_of), max(t.peak_mb for t in runs_of),
            None if None in (t.all_mb for t in runs_of) else max(t.all_mb for t in runs_of),
        )
        for name, runs_of in timings.items()
    }


def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def table(results: dict[str, dict[str, Timing]], sizes: dict[str, int]) -> str:
    """Medians, peak memory, and ratios against camelot's stream and pdftotext, per document size."""
    lines = [
        f"{'command':34} {'pages':>5} {'median s':>9} {'peak MB':>8} {'all MB':>7} {'/camelot':>9} {'/pdftotext':>10}",
        "-" * 88,
    ]
    for label, timings in results.items():
        camelot = timings["camelot stream, bare"].seconds
        pdftotext = timings["pdftotext -layout"].seconds
        for name, t in timings.items():
            lines.append(
                f"{name:34} {sizes[label]:>5} {t.seconds:>9.2f} {t.peak_mb:>8.0f} "
                f"{'–' if t.all_mb is None else f'{t.all_mb:.0f}':>7} "
                f"{t.seconds / camelot:>9.2f} {t.seconds / pdftotext:>10.1f}"
            )
        lines.append("")
    small, large = (list(results) * 2)[:2]
    for name in (name for name in results[small] if name.startswith("projektpulje") and small != large):
        ratio = results[large][name].seconds / results[small][name].seconds
        lines.append(f"{name}: {sizes[large]}/{sizes[small]} pages takes {ratio:.1f}x as long")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run of each command")
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="runs on the sample (default 5)")
    parser.add_argument("--runs-large", type=int, default=3, metavar="N", help="runs on the large document (default 3)")
    parser.add_argument("--repeats", type=int, default=REPEATS, metavar="N", help=f"copies of the sample (default {REPEATS})")
    parser.add_argument("--only", choices=["sample", "large"], help="time only this document (no 7→700 ratio)")
    parser.add_argument("--no-ocr", action="store_true", help="leave out the OCR timing (--ocr on the scanned sample)")
    parser.add_argument(
        "--extractor", action="append", metavar="NAME",
        help="time projektpulje run only with this extractor (repeatable; the reference commands always run)",
    )
    args = parser.parse_args(argv)
    large = repeated_pdf(SAMPLE, args.repeats)
    documents = {"sample": (SAMPLE, 1 if args.quick else args.runs), "large": (large, 1 if args.quick else args.runs_large)}
    if args.only:
        documents = {args.only: documents[args.only]}
    sizes = {label: page_count(pdf) for label, (pdf, _) in documents.items()}
    results: dict[str, dict[str, Timing]] = {}
    with tempfile.TemporaryDirectory() as out:
        for label, (pdf, runs) in documents.items():
            results[label] = median_timings(commands(pdf, Path(out), extractors=args.extractor or EXTRACTORS), runs)
            for name, timing in results[label].items():
                print(f"{label:6} {name:34} {timing.seconds:8.2f} s {timing.peak_mb:6.0f} MB "
                      f"{timing.all_mb or 0:6.0f} MB all", file=sys.stderr)
    print(table(results, sizes))
    if not args.no_ocr:
        print(ocr_line(Path(tempfile.gettempdir()) / "projektpulje-bench-ocr", runs=1 if args.quick else 3))
    return 0


def ocr_line(out: Path, *, runs: int) -> str:
    """`projektpulje run --ocr` on the image-only scan: seconds in all and per page (Tesseract is most of it)."""
    projektpulje = shutil.which("projektpulje") or "projektpulje"
    command = Command("projektpulje run --ocr", (projektpulje, "run", str(SCAN), "--ocr", "--out", str(out), "-q"), (0, 1))
    timing = median_timings([command], runs)[command.name]
    pages = page_count(SCAN)
    return (f"\nOCR: projektpulje run --ocr on the {pages}-page scan: {timing.seconds:.2f} s, "
            f"{timing.seconds / pages:.2f} s per page, {timing.all_mb or 0:.0f} MB all")


if __name__ == "__main__":
    sys.exit(main())
