"""The projektpulje command: parses arguments, calls the pipelines, prints. Nothing else."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from extract import DEFAULT_EXTRACTOR, EXTRACTORS, ProjektpuljeError

from .batch import DEFAULT_TIMEOUT, EXIT_OK, EXIT_UNUSABLE, Outcome, pdfs_in, run_batch
from .output import parquet_available, write_combined
from .settings import BUNDLED_SAMPLE, RunSettings

RUN_HELP = """\
Extract every budget table of each PDF into DIR/<pdf stem>/ (items.csv, totals.csv,
findings.csv, mentions.csv), reconcile every stated subtotal and total against the sum
of its rows, and check the amounts the prose mentions against the tables. With several
documents, DIR/all/ holds the same files over all of them.

example:
  projektpulje run                       # the bundled 2021 sample
  projektpulje run downloads/ --out results/
  projektpulje run scan.pdf --ocr        # an image-only scan, read by Tesseract

exit codes:
  0  no findings
  1  findings (a stated total or the prose disagrees with the rows; files are still written)
  2  an input cannot be used (one line on stderr says why; nothing is written for it)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="projektpulje",
        description="Turn 'Udmøntning af projektpuljen' PDFs into tidy, reconciled budget CSVs.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser(
        "run",
        help="extract, normalise and reconcile PDFs into CSVs",
        description=RUN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("pdfs", nargs="*", type=Path, metavar="PDF", help="PDF files or folders (default: the bundled sample)")
    run.add_argument("--out", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output/)")
    run.add_argument(
        "--extractor", choices=sorted(EXTRACTORS), default=DEFAULT_EXTRACTOR, help=f"default: {DEFAULT_EXTRACTOR}"
    )
    run.add_argument("--password", help="password of an encrypted PDF")
    run.add_argument(
        "--ocr", action="store_true", help="read scans: OCR each page with Tesseract (Danish) instead of the PDF's text"
    )
    run.add_argument(
        "--cross-check", action="store_true", help="read each PDF with both extractors and report cells they read differently"
    )
    run.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="documents at a time (default: cores)")
    run.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S", help=f"seconds per document (default: {DEFAULT_TIMEOUT:g})"
    )
    run.add_argument(
        "--format", choices=["csv", "parquet"], default="csv",
        help="parquet: also write each table as Parquet beside its CSV (needs pyarrow)",
    )
    run.add_argument("-q", "--quiet", action="store_true", help="no progress or findings on stderr")
    run.add_argument("--debug", action="store_true", help="show tracebacks")
    _add_compare(sub)
    return parser


class Progress:
    """Progress on stderr: a bar for several documents on a terminal, plain lines otherwise; silent with -q."""

    def __init__(self, *, quiet: bool, total: int) -> None:
        self.quiet, self.total = quiet, total
        self.bar = total > 1 and sys.stderr.isatty()

    def say(self, message: str) -> None:
        if not self.quiet:
            self._clear()
            print(message, file=sys.stderr)

    def done(self, outcome: Outcome, done: int, total: int) -> None:
        if self.quiet or total < 2:
            return
        if self.bar:
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {outcome.pdf.name[:40]:<40}")
            sys.stderr.flush()
        else:
            state = "unusable" if outcome.exit_code == EXIT_UNUSABLE else "done"
            print(f"[{done}/{total}] {outcome.pdf.name}: {state}", file=sys.stderr)

    def _clear(self) -> None:
        if self.bar:
            sys.stderr.write("\r" + " " * 80 + "\r")


def command_run(args: argparse.Namespace) -> int:
    settings = RunSettings(
        out_dir=args.out, extractor=args.extractor, password=args.password, cross_check=args.cross_check, ocr=args.ocr,
        formats=("csv", args.format) if args.format != "csv" else ("csv",),
    )
    if "parquet" in settings.formats and not parquet_available():
        print("projektpulje: error: --format parquet needs pyarrow: pip install 'projektpulje[parquet]'", file=sys.stderr)
        return EXIT_UNUSABLE
    pdfs = pdfs_in(args.pdfs) if args.pdfs else [BUNDLED_SAMPLE]
    if not pdfs:
        print(f"projektpulje: error: no PDF files in {', '.join(map(str, args.pdfs))}", file=sys.stderr)
        return EXIT_UNUSABLE
    progress = Progress(quiet=args.quiet, total=len(pdfs))
    if len(pdfs) > 1:
        progress.say(f"reading {len(pdfs)} documents, {min(args.jobs, len(pdfs))} at a time")
    else:
        progress.say(f"reading {pdfs[0]}")
    outcomes = run_batch(pdfs, settings=settings, jobs=args.jobs, timeout=args.timeout, on_done=progress.done)
    progress._clear()
    for outcome in outcomes:
        for note in outcome.notes:
            progress.say(note)
        if outcome.error:
            if args.debug and outcome.detail:
                print(outcome.detail, file=sys.stderr, end="")
            print(f"projektpulje: error: {outcome.error}", file=sys.stderr)
        else:
            print(outcome.summary)
    if len(pdfs) > 1:
        written = [o for o in outcomes if o.out_dir is not None]
        if written:
            combined = write_combined(args.out, [(o.out_dir, o.pdf) for o in written])
            print(f"all: {len(written)} of {len(pdfs)} documents -> {combined}")
    return max((o.exit_code for o in outcomes), default=EXIT_OK)


COMPARE_HELP = """\
Compare two editions line by line: OLD and NEW are output folders of `projektpulje run`
(or PDFs, read on the spot). Writes DIR/compare.csv (area, section, group, item, old_tkr,
new_tkr, change_tkr, status new|removed|changed|unchanged) and prints a summary per area.
Lines are matched by area, section, group and item, tolerant of small label edits and of
areas renamed between the editions (reported in the summary).

example:
  projektpulje compare output/udmoentning-af-projektpuljen-2021 output/udmoentning-af-projektpuljen-2022
"""


def _add_compare(sub) -> None:
    compare = sub.add_parser(
        "compare", help="compare two editions line by line", description=COMPARE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    compare.add_argument("old", type=Path, metavar="OLD", help="output folder or PDF of the older edition")
    compare.add_argument("new", type=Path, metavar="NEW", help="output folder or PDF of the newer edition")
    compare.add_argument("--out", type=Path, default=Path("output"), metavar="DIR", help="where compare.csv goes (default: output/)")
    compare.add_argument("--debug", action="store_true", help="show tracebacks")


def command_compare(args: argparse.Namespace) -> int:
    from .compare import compare_editions, summary_lines
    from .run import edition_items, write_compare

    try:
        old_items, old_year = edition_items(args.old)
        new_items, new_year = edition_items(args.new)
    except ProjektpuljeError as error:
        if args.debug:
            traceback.print_exc()
        print(f"projektpulje: error: {error}", file=sys.stderr)
        return error.exit_code
    compared, renames = compare_editions(old_items, new_items, old_year=old_year, new_year=new_year)
    target = write_compare(args.out, compared)
    for line in summary_lines(compared, renames):
        print(line)
    print(f"{len(compared)} lines -> {target}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "debug", False):
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    commands = {"run": command_run, "compare": command_compare}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
