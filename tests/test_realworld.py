"""Real PDFs from the test suites of public PDF libraries (tests/fixtures/realworld/SOURCES.toml), run through the
command as one batch: each ends in exit 0, 1 or 2 with one line, in the project's words, within the time limit,
and nothing is written for a file it refuses."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest

from .conftest import FIXTURES

CORPUS = FIXTURES / "realworld"
SOURCES = tomllib.loads((CORPUS / "SOURCES.toml").read_text(encoding="utf-8"))["file"]
TIMEOUT = 30  # seconds per file; a few pages must take far less whatever their structure
# What a library says and a user should never see: its name, its status words, an exception's name.
LIBRARY_WORDS = re.compile(
    r"pdfium|pdfminer|pdfplumber|pypdf|camelot|poppler|\bsuccess\b|status|Traceback|[A-Z]\w+(Error|Exception)\b|errno",
    re.I,
)
ERROR = re.compile(r"^projektpulje: error: (?P<pdf>.+?\.pdf): (?P<message>.*)$")
SUMMARY = re.compile(r"^(?P<pdf>[^:]+\.pdf): \d+ tables, .* -> ")


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The whole corpus in one run of the command: its exit code, each file's line, and the output folder."""
    out = tmp_path_factory.mktemp("realworld") / "out"
    command = [sys.executable, "-m", "projektpulje.cli", "run", str(CORPUS), "--out", str(out), "--jobs", "2",
               "--timeout", str(TIMEOUT), "-q"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT * len(SOURCES))
    lines: dict[str, list[tuple[int | None, str]]] = {}  # exit 2 and its message, or None (0 or 1) and the summary
    for line in done.stderr.splitlines():
        if match := ERROR.match(line):
            lines.setdefault(match["pdf"].rsplit("/", 1)[-1], []).append((2, match["message"]))
    for line in done.stdout.splitlines():
        if match := SUMMARY.match(line):
            lines.setdefault(match["pdf"], []).append((None, line))
    return done, lines, out


def test_the_corpus_is_listed_with_its_sources_and_licences():
    listed = {entry["name"] for entry in SOURCES}
    assert listed == {p.name for p in CORPUS.glob("*.pdf")}
    for entry in SOURCES:
        assert entry["repository"] and entry["path"] and entry["licence"] and entry["about"], entry["name"]
    assert sum(p.stat().st_size for p in CORPUS.glob("*.pdf")) < 30_000_000


def test_every_file_ends_in_one_line_and_a_known_exit_code(batch):
    done, lines, _ = batch
    assert "Traceback" not in done.stderr
    assert {name: len(found) for name, found in lines.items()} == {entry["name"]: 1 for entry in SOURCES}
    assert done.returncode == max(entry["exit"] for entry in SOURCES)


@pytest.mark.parametrize("entry", SOURCES, ids=lambda entry: entry["name"])
def test_each_file_is_answered_as_listed(entry, batch):
    _, lines, _ = batch
    [(code, text)] = lines[entry["name"]]
    if entry["exit"] == 2:
        assert (code, text) == (2, entry["message"])
    else:
        assert code is None


def test_no_message_speaks_a_librarys_words_or_gives_up(batch):
    _, lines, _ = batch
    messages = [text for found in lines.values() for code, text in found if code == 2]
    assert [m for m in messages if LIBRARY_WORDS.search(m) or "gave up after" in m] == []


def test_nothing_is_written_for_a_refused_file(batch):
    _, _, out = batch
    written = {p.name for p in out.iterdir()} if out.exists() else set()
    refused = {entry["name"].removesuffix(".pdf") for entry in SOURCES if entry["exit"] == 2}
    assert written & refused == set()
