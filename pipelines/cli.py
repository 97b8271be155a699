"""The projektpulje command: parses arguments, calls pipelines.run, prints. Nothing else."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from extract import DEFAULT_EXTRACTOR, EXTRACTORS, ProjektpuljeError

from .run import BUNDLED_SAMPLE, RunSettings, run_document

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2

RUN_HELP = """\
Extract every budget table of each PDF into DIR/<pdf stem>/items.csv and totals.csv,
and reconcile every stated subtotal and total against the sum of its rows.

example:
  projektpulje run                       # the bundled 2021 sample
  projektpulje run udmoentning-2021.pdf --out results/

exit codes:
  0  every stated total agrees with its rows
  1  a stated total disagrees, or a rule failed (files are still written)
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
    run.add_argument("pdfs", nargs="*", type=Path, metavar="PDF", help="PDF files (default: the bundled sample)")
    run.add_argument("--out", type=Path, default=Path("output"), metavar="DIR", help="output folder (default: output/)")
    run.add_argument(
        "--extractor", choices=sorted(EXTRACTORS), default=DEFAULT_EXTRACTOR, help=f"default: {DEFAULT_EXTRACTOR}"
    )
    run.add_argument("--password", help="password of an encrypted PDF")
    run.add_argument(
        "--cross-check", action="store_true", help="read each PDF with both extractors and report cells they read differently"
    )
    run.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    run.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _error(message: str) -> None:
    print(f"projektpulje: error: {message}", file=sys.stderr)


def command_run(args: argparse.Namespace) -> int:
    settings = RunSettings(
        out_dir=args.out, extractor=args.extractor, password=args.password, cross_check=args.cross_check
    )
    progress = (lambda message: None) if args.quiet else (lambda message: print(message, file=sys.stderr))
    worst = EXIT_OK
    for pdf in args.pdfs or [BUNDLED_SAMPLE]:
        try:
            result = run_document(pdf, settings=settings, progress=progress)
        except ProjektpuljeError as error:
            if args.debug:
                traceback.print_exc()
            _error(str(error))
            worst = max(worst, error.exit_code)
            continue
        except Exception as error:  # a PDF that breaks a library in a way it does not report
            if args.debug:
                traceback.print_exc()
            _error(f"{pdf}: cannot be read ({type(error).__name__}: {error}); run with --debug for details")
            worst = max(worst, EXIT_UNUSABLE)
            continue
        for note in result.skipped:
            progress(note)
        for _, finding in result.findings.iterrows():
            where = f"page {finding['page']}, table {finding['table_no']}" if finding["table_no"] is not None else ""
            cause = "" if finding["root_cause"] else " (follows from another finding)"
            progress(f"{finding['kind']}: {pdf.name}, {where}: {finding['message']}{cause}")
        print(result.summary())
        worst = max(worst, result.exit_code)
    return worst


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"run": command_run}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
