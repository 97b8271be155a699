"""What the command checks before any work, and how it says so: options, finding lines, an interrupted run."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from projektpulje.printable import printable

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
FINDING_LINES = 5  # finding lines per document on stderr; the rest are in its findings.csv


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def out_dir_problem(out: Path) -> str | None:
    """Why `--out` cannot take the output (a file, or a folder that cannot be written in), or None."""
    if out.exists() and not out.is_dir():
        return f"--out {out}: is a file, not a folder"
    existing = _nearest_existing(out)
    if not existing.is_dir():
        return f"--out {out}: {existing} is a file, not a folder"
    try:  # try, rather than ask os.access: that answers yes to root even on a read-only file system
        probe = tempfile.mkdtemp(prefix=".projektpulje-probe.", dir=existing)
    except OSError as error:
        return f"--out {out}: cannot write in {existing} ({error.strerror or error})"
    shutil.rmtree(probe, ignore_errors=True)
    return None


def run_options_problem(*, out: Path, jobs: int, timeout: float) -> str | None:
    """The first option of `run` that cannot work, in one line naming it; None when all can."""
    if jobs < 1:
        return f"--jobs {jobs}: must be at least 1"
    if not timeout > 0:  # also refuses nan
        return f"--timeout {timeout:g}: must be more than 0 seconds"
    return out_dir_problem(out)


def print_line(line: str, *, stream) -> None:
    """One line on `stream` with its control characters escaped: a file's name or a PDF's text can neither drive
    the terminal nor forge a line of its own."""
    print(printable(line), file=stream)


def limited_lines(lines: tuple[str, ...], *, most: int = FINDING_LINES, where: str = "findings.csv") -> tuple[str, ...]:
    """The first `most` lines, then one saying how many more are in `where`."""
    if len(lines) <= most:
        return lines
    return (*lines[:most], f"… and {len(lines) - most} more in {where}")


def interrupted_line(*, finished: int, total: int) -> str:
    """What an interrupted run says: one line."""
    kept = f"; {finished} of {total} documents finished and kept" if finished else ""
    return f"projektpulje: interrupted{kept}; nothing else written"


ERASE_LINE = "\r\033[K"  # back to the line's start and erase it: a bar redrawn in place leaves nothing behind


def terminal_columns(stream) -> int:
    """The width of the terminal `stream` writes to (80 where it cannot be told)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, OSError, ValueError):
        return shutil.get_terminal_size((80, 24)).columns


def fitted(text: str, columns: int) -> str:
    """`text` cut to fit one line of a terminal `columns` wide, the last column left free (a character written
    there wraps the line on many terminals, and a redraw in place would then leave the first part behind)."""
    room = max(1, columns - 1)
    return text if len(text) <= room else text[: max(0, room - 1)] + "…"


def bar_line(name: str, done: int, total: int, *, columns: int, after: str = "") -> str:
    """One frame of a progress bar, `name [###...] page D of T · after`, fitted to `columns`: the bar narrows
    (to 10) and the name shortens before the words after it are cut."""
    count = f" page {done} of {total}"
    tail = f" · {after}" if after else ""
    room = max(1, columns - 1)
    width = max(10, min(30, room - len(name) - len(count) - len(tail) - 3))
    bar = lambda w: f"[{'#' * (w * done // max(total, 1))}{'.' * (w - w * done // max(total, 1))}]"
    spare = room - len(count) - len(tail) - width - 3  # what the name may take
    shown = name if len(name) <= max(spare, 8) else name[: max(spare, 8) - 1] + "…"
    return fitted(f"{shown} {bar(width)}{count}{tail}", columns)


class PageLines:
    """Page progress of one document on stderr: a bar redrawn in place on a terminal, fitted to its width (never
    wrapping, so never leaving stale lines), drawn again only when it changes; otherwise a plain line at each
    tenth of the pages, so that a log gets a few lines, not one per page."""

    STEPS = 10
    AFTER = "every page read; now the tables, the prose and the report"  # the rest of a long document's time

    def __init__(self, name: str, *, bar: bool) -> None:
        self.name, self.bar = printable(name), bar
        self.shown = -1
        self.frame = ""

    def __call__(self, done: int, total: int, *, final: bool = False) -> None:
        import sys

        if self.bar:
            after = self.AFTER if done >= total and not final else ""
            frame = bar_line(self.name, done, total, columns=terminal_columns(sys.stderr), after=after)
            if frame != self.frame or final:
                sys.stderr.write(f"{ERASE_LINE}{frame}{chr(10) if final else ''}")
                sys.stderr.flush()
            self.frame = frame
            return
        step = self.STEPS * done // total
        if done and (step > self.shown or final and done == total and self.shown < self.STEPS):
            self.shown = step
            print(f"{self.name}: page {done} of {total}", file=sys.stderr, flush=True)
            if done >= total and not final:
                print(f"{self.name}: {self.AFTER}", file=sys.stderr, flush=True)
