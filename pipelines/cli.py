"""The projektpulje command: parses arguments, calls the pipelines, prints. Nothing else."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from extract import DEFAULT_EXTRACTOR, EXTRACTORS

from .batch import DEFAULT_TIMEOUT, EXIT_OK, EXIT_UNUSABLE, Outcome, pdfs_in, run_batch
from .output import write_combined
from .run import BUNDLED_SAMPLE, RunSettings

RUN_HELP = """\
Extract every budget table of each PDF into DIR/<pdf stem>/ (items.csv, totals.csv,
findings.csv, mentions.csv), reconcile every stated subtotal and total against the sum
of its rows, and check the amounts the prose mentions against the tables. With several
documents, DIR/all/ holds the same files over all of them.

example:
  projektpulje run                       # the bundled 2021 sample
  projektpulje run downloads/ --out results/

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
        "--cross-check", action="store_true", help="read each PDF with both extractors and report cells they read differently"
    )
    run.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="documents at a time (default: cores)")
    run.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S", help=f"seconds per document (default: {DEFAULT_TIMEOUT:g})"
    )
    run.add_argument("-q", "--quiet", action="store_true", help="no progress or findings on stderr")
    run.add_argument("--debug", action="store_true", help="show tracebacks")
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
        out_dir=args.out, extractor=args.extractor, password=args.password, cross_check=args.cross_check
    )
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
            combined = write_combined(args.out, [(o.out_dir, o.pdf.name) for o in written])
            print(f"all: {len(written)} of {len(pdfs)} documents -> {combined}")
    return max((o.exit_code for o in outcomes), default=EXIT_OK)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "debug", False):
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    commands = {"run": command_run}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
