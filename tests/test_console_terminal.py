"""The console on a terminal (a pseudo-terminal 80 columns wide) and off one: progress that fits, a missing file
in one line, a bad option with its command's usage, a file that is not a PDF named for what it looks like."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import select
import struct
import sys
import termios
import zipfile
from pathlib import Path

import pytest

from projektpulje.cli import main
from projektpulje.console import bar_line, fitted
from projektpulje.errors import InputError
from projektpulje.extract.pdf_input import check_pdf_file, describe_non_pdf

from .conftest import SAMPLE_2021

COLUMNS = 80
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_on_terminal(argv: list[str], *, columns: int = COLUMNS, timeout: float = 240) -> tuple[str, int]:
    """What a command writes to a terminal `columns` wide (stdout and stderr both), and its exit status."""
    parent, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    pid = os.fork()
    if pid == 0:  # the command, on the terminal
        os.setsid()
        os.close(parent)
        for fd in (0, 1, 2):
            os.dup2(child, fd)
        os.execv(argv[0], argv)
    os.close(child)
    written = bytearray()
    while select.select([parent], [], [], timeout)[0]:
        try:
            data = os.read(parent, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not data:
            break
        written += data
    os.close(parent)
    _, status = os.waitpid(pid, 0)
    return written.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def screen_lines(written: str, *, columns: int = COLUMNS) -> list[str]:
    """The lines a terminal `columns` wide shows after `written`: carriage return, newline, erase to the end
    of the line, and wrapping at the last column, as xterm does."""
    lines, row, col, wrap = [[]], 0, 0, False
    for token in re.split(r"(\x1b\[[0-9;?]*[A-Za-z]|\r|\n)", written):
        if token == "\r":
            col, wrap = 0, False
        elif token == "\n":
            row, wrap = row + 1, False
        elif token == "\x1b[K":
            del lines[row][col:]
        elif token.startswith("\x1b"):
            continue
        else:
            for char in token:
                if wrap:
                    row, col, wrap = row + 1, 0, False
                while len(lines) <= row:
                    lines.append([])
                line = lines[row]
                line.extend(" " * (col + 1 - len(line)))
                line[col] = char
                if col == columns - 1:
                    wrap = True
                else:
                    col += 1
        while len(lines) <= row:
            lines.append([])
    return ["".join(line).rstrip() for line in lines]


@pytest.fixture(scope="module")
def two_long_pdfs(tmp_path_factory) -> list[Path]:
    """Two documents of 56 pages (the 2021 sample eight times over), with long names."""
    import pypdfium2 as pdfium

    folder = tmp_path_factory.mktemp("long")
    paths = []
    for name in ("the-first-long-budget-document-of-this-run.pdf", "the-second-long-budget-document-of-this-run.pdf"):
        source, long = pdfium.PdfDocument(SAMPLE_2021), pdfium.PdfDocument.new()
        for _ in range(8):
            long.import_pages(source)
        long.save(folder / name)
        paths.append(folder / name)
    return paths


def test_on_an_80_column_terminal_progress_never_wraps_and_leaves_no_stale_lines(two_long_pdfs, tmp_path):
    command = Path(sys.executable).with_name("projektpulje")  # this environment's, whatever PATH says
    written, status = run_on_terminal([str(command), "run", *map(str, two_long_pdfs), "--out", str(tmp_path),
                                       "--jobs", "1"])
    assert status == 1, written
    frames = [ESCAPE.sub("", frame) for frame in re.split(r"[\r\n]", written)]
    progress = [frame for frame in frames if " page " in frame and "[" in frame or frame.startswith("[")]
    assert progress and max(map(len, progress)) < COLUMNS, max(progress, key=len)
    screen = screen_lines(written)
    for pdf in two_long_pdfs:  # --jobs 1: each document's pages shown as they are read, one bar left at the end
        bars = [line for line in screen if " page " in line and line.startswith(pdf.name[:20])]
        assert len(bars) == 1, screen
        assert bars[0].endswith("page 56 of 56")
        assert sum(frame.startswith(pdf.name[:20]) for frame in progress) >= 3  # redrawn as the pages are read
    assert not [line for line in screen if line.startswith("[") and "/2" in line]  # the documents' bar erased
    assert written.count(" checks ok, ") == 2


def test_a_bar_fits_any_width_the_name_shortened_first():
    after = "every page read; now the tables, the prose and the report"
    for columns in (20, 40, 60, 80, 120, 200):
        for words in ("", after):
            line = bar_line("udmoentning-af-projektpuljen-2021-all-of-it.pdf", 700, 1400, columns=columns, after=words)
            assert len(line) <= columns - 1
    assert bar_line("long.pdf", 700, 1400, columns=80) == f"long.pdf [{'#' * 15}{'.' * 15}] page 700 of 1400"
    assert "page 1400 of 1400 · every page read" in bar_line("a-rather-long-name-for-a-budget.pdf", 1400, 1400,
                                                             columns=80, after=after)
    assert fitted("x" * 100, 80) == "x" * 78 + "…"


def test_a_missing_file_is_one_line(tmp_path, capsys):
    missing = tmp_path / "not-there.pdf"
    assert main(["run", str(missing), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr() == ("", f"projektpulje: error: {missing}: no such file\n")


@pytest.mark.parametrize("command", [["run", str(SAMPLE_2021), "--bogus"], ["run", "--extractor=pdfium", "--no-such"]])
def test_a_bad_option_after_run_shows_runs_usage(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(command)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: projektpulje run ")
    assert "--extractor" in err and "--csv-dialect" in err  # run's own options, not the top level's
    assert err.splitlines()[-1] == f"projektpulje run: error: unrecognized arguments: {command[-1]}"


def _docx() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types>" + "<Default/>" * 400 + "</Types>")
        zipped.writestr("_rels/.rels", "<Relationships/>" * 100)
        zipped.writestr("word/document.xml", "<w:document/>")
    return data.getvalue()


@pytest.mark.parametrize(("content", "looks_like"), [
    (b"<!DOCTYPE html>\n<html><head><title>404</title></head></html>", "an HTML page"),
    (_docx(), "a Word document (.docx) in a ZIP"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "a JPEG image"),
    (b"II*\x00" + bytes(100), "a TIFF image"),
    ("Budget 2024\nTilskudsmidler i alt 1.600\nafsættes 587.000 kr.\n".encode(), "plain text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "an old Microsoft Office file (.doc, .xls or .ppt)"),
    (bytes(range(256)) * 4, "binary data of a kind not known (not an image, archive, office file or text)"),
])
def test_a_file_that_is_not_a_pdf_is_named_for_what_it_looks_like(tmp_path, content, looks_like):
    path = tmp_path / "budget.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        check_pdf_file(path)
    assert str(raised.value) == f"{path}: not a PDF; it looks like {looks_like}"
    assert "something else" not in describe_non_pdf(content[:1024], content[-65536:])
