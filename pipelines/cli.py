"""The projektpulje command: parses arguments, calls the pipelines, prints. Nothing else."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from projektpulje import api
from projektpulje.api import DEFAULT_EXTRACTOR, DEFAULT_TIMEOUT, DIALECTS, DEFAULT_DIALECT, EXTRACTORS, Interrupted, Outcome
from projektpulje.errors import EXIT_INTERNAL, EXIT_OK, EXIT_UNUSABLE, DatabaseError, ProjektpuljeError

from projektpulje.console import (
    ERASE_LINE, EXIT_INTERRUPTED, fitted, interrupted_line, print_line, run_options_problem, terminal_columns,
)
from projektpulje.printable import printable
from projektpulje.settings import BUNDLED_SAMPLE, VERSION, RunSettings

RUN_HELP = """\
Extract every budget table of each PDF into DIR/<pdf stem>/ (items.csv, totals.csv,
findings.csv, mentions.csv), reconcile every stated subtotal and total against the sum
of its rows, and check the amounts the prose mentions against the tables. With several
documents, DIR/all/ holds all-items.csv, all-totals.csv and all-findings.csv over all of them.

example:
  projektpulje run                       # the bundled 2021 sample
  projektpulje run downloads/ --out results/
  projektpulje run downloads/ --format xlsx --db sqlite:///budgets.db
  projektpulje run scan.pdf --ocr        # an image-only scan, read by Tesseract

exit codes:
  0  no findings
  1  findings (a stated total or the prose disagrees with the rows; files are still written)
  2  an input cannot be used (one line on stderr says why; nothing is written for it),
     or an option cannot work (checked before any work)
  3  a fault of projektpulje itself (one line; --debug shows the traceback)
  130  interrupted (Ctrl-C); documents finished before are kept
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="projektpulje",
        description="Turn 'Udmøntning af projektpuljen' PDFs into tidy, reconciled budget CSVs.",
    )
    parser.add_argument("--version", action="version", version=f"projektpulje {VERSION}")
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
        "--format", choices=["csv", "parquet", "xlsx"], action="append", default=[],
        help="parquet: also write each table as Parquet beside its CSV (needs pyarrow); "
             "xlsx: also write workbook.xlsx, a sheet per table (needs openpyxl); may be given twice",
    )
    run.add_argument(
        "--csv-dialect", choices=sorted(DIALECTS), default=DEFAULT_DIALECT,
        help="excel-da: ';', decimal comma and UTF-8 with BOM, as Danish Excel and LibreOffice open CSVs "
             "(default: comma, '.' decimals, UTF-8)",
    )
    run.add_argument(
        "--db", nargs="?", const="sqlite:///projektpulje.db", metavar="URL",
        help="also load each document into a SQL database (default URL: sqlite:///projektpulje.db; "
             "postgresql://user@host/name; needs the db extra)",
    )
    run.add_argument("-q", "--quiet", action="store_true", help="no progress or findings on stderr")
    run.add_argument("--debug", action="store_true", help="show tracebacks")
    _add_compare(sub)
    return parser


def parsed_arguments(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """The command line parsed; an option its command does not know is refused with that command's usage
    (`projektpulje run: error: unrecognized arguments: --bogus`), not the top level's."""
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        commands.choices[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


class Progress:
    """Progress on stderr: a bar for several documents on a terminal, plain lines otherwise; silent with -q."""

    def __init__(self, *, quiet: bool, total: int) -> None:
        self.quiet, self.total = quiet, total
        self.bar = total > 1 and sys.stderr.isatty()

    def say(self, message: str) -> None:
        if not self.quiet:
            self._clear()
            print_line(message, stream=sys.stderr)

    def done(self, outcome: Outcome, done: int, total: int) -> None:
        if self.quiet or total < 2:
            return
        if self.bar:
            width = 30
            filled = width * done // total
            line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {printable(outcome.pdf.name)}"
            sys.stderr.write(ERASE_LINE + fitted(line, terminal_columns(sys.stderr)))
            sys.stderr.flush()
        else:
            state = "unusable" if outcome.exit_code == EXIT_UNUSABLE else "done"
            print_line(f"[{done}/{total}] {outcome.pdf.name}: {state}", stream=sys.stderr)

    def pages(self, *, jobs: int) -> str:
        """How a long document's pages show as they are read: only where one document is read at a time."""
        if self.quiet or (self.total > 1 and jobs > 1):
            return ""
        return "bar" if sys.stderr.isatty() else "lines"

    def _clear(self) -> None:
        if self.bar:
            sys.stderr.write(ERASE_LINE)


def command_run(args: argparse.Namespace) -> int:
    problem = run_options_problem(out=args.out, jobs=args.jobs, timeout=args.timeout)
    if problem:
        print_line(f"projektpulje: error: {problem}", stream=sys.stderr)
        return EXIT_UNUSABLE
    database = api.open_database(args.db) if args.db else None  # DatabaseError: one line, exit 2 (main)
    settings = RunSettings(
        out_dir=args.out, extractor=args.extractor, password=args.password, cross_check=args.cross_check, ocr=args.ocr,
        formats=tuple(dict.fromkeys(["csv", *args.format])), csv_dialect=args.csv_dialect,
    )
    if "parquet" in settings.formats and not api.parquet_available():
        print_line("projektpulje: error: --format parquet needs pyarrow: pip install 'projektpulje[parquet]'",
                   stream=sys.stderr)
        return EXIT_UNUSABLE
    if "xlsx" in settings.formats and not api.xlsx_available():
        print_line("projektpulje: error: --format xlsx needs openpyxl: pip install 'projektpulje[xlsx]'",
                   stream=sys.stderr)
        return EXIT_UNUSABLE
    pdfs = api.pdfs_in(args.pdfs) if args.pdfs else [BUNDLED_SAMPLE]
    if not pdfs:
        print_line(f"projektpulje: error: no PDF files in {', '.join(map(str, args.pdfs))}", stream=sys.stderr)
        return EXIT_UNUSABLE
    progress = Progress(quiet=args.quiet, total=len(pdfs))
    if len(pdfs) > 1:
        progress.say(f"reading {len(pdfs)} documents, {min(args.jobs, len(pdfs))} at a time")
    elif pdfs[0].is_file():  # a file that is not there is one line, its error, with nothing said before it
        progress.say(f"reading {pdfs[0]}")
    outcomes = api.run_batch(pdfs, settings=settings, jobs=args.jobs, timeout=args.timeout, on_done=progress.done,
                         page_progress=progress.pages(jobs=args.jobs))
    progress._clear()
    for outcome in outcomes:
        for note in outcome.notes:
            progress.say(note)
        if outcome.error:
            if args.debug and outcome.detail:
                for line in outcome.detail.splitlines():
                    print_line(line, stream=sys.stderr)
            kind = "internal error" if outcome.exit_code == EXIT_INTERNAL else "error"
            print_line(f"projektpulje: {kind}: {outcome.error}", stream=sys.stderr)
        else:
            print_line(outcome.summary, stream=sys.stdout)
    if database is not None:
        try:
            _load_into(database, [o for o in outcomes if o.out_dir is not None])
        except DatabaseError as error:
            print_line(f"projektpulje: error: {error}", stream=sys.stderr)
            return EXIT_UNUSABLE
    if len(pdfs) > 1:
        written = [o for o in outcomes if o.out_dir is not None]
        if written:
            try:
                combined = api.write_combined(args.out, [(o.out_dir, o.pdf) for o in written], csv_dialect=args.csv_dialect)
            except ProjektpuljeError as error:  # e.g. no space left for it
                print_line(f"projektpulje: error: {error}", stream=sys.stderr)
                return max(error.exit_code, *(o.exit_code for o in outcomes))
            print_line(f"all: {len(written)} of {len(pdfs)} documents -> {combined}", stream=sys.stdout)
    return max((o.exit_code for o in outcomes), default=EXIT_OK)


def _load_into(database, outcomes: list[Outcome]) -> None:
    """Each finished document into the database, each in a transaction of its own."""
    shown = api.load_folders(database, [outcome.out_dir for outcome in outcomes])
    documents = f"{len(outcomes)} document{'' if len(outcomes) == 1 else 's'}"
    print_line(f"db: {documents} -> {shown}", stream=sys.stdout)


COMPARE_HELP = """\
Compare two editions line by line: OLD and NEW are output folders of `projektpulje run`
(or PDFs, read on the spot). Writes DIR/compare.csv (area, section, group, item, old_tkr,
new_tkr, change_tkr, status new|removed|changed|unchanged, old_area, old_item, old_year,
new_year) and prints a summary per area.
Lines are matched by area, section, group and item, tolerant of small label edits and of
areas renamed between the editions (reported in the summary, and written to DIR/area-names.csv;
with --db, to the database's area_names table, which README's year-over-year query joins).

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
    compare.add_argument(
        "--db", nargs="?", const="sqlite:///projektpulje.db", metavar="URL",
        help="also load the renamed areas into the database's area_names table (default URL: "
             "sqlite:///projektpulje.db), so that SQL follows an area across its names",
    )
    compare.add_argument("--debug", action="store_true", help="show tracebacks")


def command_compare(args: argparse.Namespace) -> int:
    from projektpulje.compare import backwards_note, renames_to_rows, summary_lines

    database = api.open_database(args.db) if args.db else None  # DatabaseError: one line, exit 2 (main)
    try:
        compared = api.compare(args.old, args.new)
    except ProjektpuljeError as error:
        if args.debug:
            traceback.print_exc()
        print_line(f"projektpulje: error: {error}", stream=sys.stderr)
        return error.exit_code
    target = api.write_compare(args.out, compared)
    years = compared[["old_year", "new_year"]].iloc[0].tolist() if len(compared) else list(compared.attrs["years"])
    note = backwards_note(*years)
    if note:
        print_line(f"projektpulje: note: {note}", stream=sys.stderr)
    for line in summary_lines(compared, compared.attrs["renamed_areas"]):
        print_line(line, stream=sys.stdout)
    compared_years = f"{years[0]} with {years[1]}, " if None not in years else ""
    print_line(f"{compared_years}{len(compared)} lines -> {target}", stream=sys.stdout)
    if database is not None:
        rows = renames_to_rows(compared.attrs["renamed_areas"], old_year=years[0], new_year=years[1])
        try:
            shown = api.load_area_names(database, rows)
        except DatabaseError as error:
            print_line(f"projektpulje: error: {error}", stream=sys.stderr)
            return EXIT_UNUSABLE
        renamed = f"{len(rows)} renamed area{'' if len(rows) == 1 else 's'}"
        print_line(f"db: {renamed} -> {shown} (area_names)", stream=sys.stdout)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = parsed_arguments(_parser(), argv)
    if getattr(args, "debug", False):
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    commands = {"run": command_run, "compare": command_compare}
    try:
        return commands[args.command](args)
    except ProjektpuljeError as error:  # an expected failure, e.g. a --db database that cannot be used
        print_line(f"projektpulje: error: {error}", stream=sys.stderr)
        return error.exit_code
    except Interrupted as interrupted:
        line = interrupted_line(finished=interrupted.finished, total=interrupted.total)
    except KeyboardInterrupt:
        line = interrupted_line(finished=0, total=0)
    except Exception as error:  # a fault of projektpulje: one line, the traceback only with --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        print_line(f"projektpulje: internal error: {type(error).__name__}: {error} (run with --debug for the traceback)",
              stream=sys.stderr)
        return EXIT_INTERNAL
    if sys.stderr.isatty():  # a progress bar may be half drawn on the line
        sys.stderr.write(ERASE_LINE)
    print_line(line, stream=sys.stderr)
    return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
