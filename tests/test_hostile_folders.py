"""Writing the output when something is against it: a planted symbolic link, a second run in the same --out,
a full disk, the command killed. Nothing outside --out is touched, no folder is ever missing or half-written,
each failure is named, and no worker outlives the command."""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from projektpulje.cli import main
from projektpulje.errors import OutputError
from projektpulje.outputs.files import recover_folder, write_folder

from .conftest import SAMPLE_2021


def victim(tmp_path: Path) -> Path:
    """Data outside --out, laid out as the run's own retired folder would be."""
    keep = tmp_path / "elsewhere" / "previous" / "keep.txt"
    keep.parent.mkdir(parents=True)
    keep.write_text("not the run's")
    return keep


@pytest.mark.parametrize("suffix", [".x1.old", ".x1.partial"])
def test_a_planted_symbolic_link_is_never_followed(tmp_path, suffix):
    keep = victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / f".doc{suffix}").symlink_to(tmp_path / "elsewhere")
    for _ in range(2):  # the second write retires the first
        write_folder(out / "doc", {"items.csv": b"new\n"})
    recover_folder(out / "doc")
    assert keep.read_text() == "not the run's"
    assert (out / "doc" / "items.csv").read_bytes() == b"new\n"
    assert sorted(p.name for p in out.iterdir()) == ["doc"]


def test_the_folder_is_never_missing_while_it_is_replaced(tmp_path, monkeypatch):
    final = tmp_path / "doc"
    write_folder(final, {"items.csv": b"old\n"})
    real_replace, missing = os.replace, []

    def replace(source, target):
        real_replace(source, target)
        missing.append(not final.exists())

    monkeypatch.setattr(os, "replace", replace)
    write_folder(final, {"items.csv": b"new\n"})
    assert not any(missing) and (final / "items.csv").read_bytes() == b"new\n"


def _write_many(final: Path, content: bytes, start, times: int) -> None:
    start.wait()
    for _ in range(times):
        write_folder(final, {"items.csv": content, "totals.csv": content})


def test_two_runs_writing_in_one_out_each_write_whole(tmp_path):
    context = multiprocessing.get_context("fork")
    final = tmp_path / "doc"
    start = context.Barrier(2)
    writers = [context.Process(target=_write_many, args=(final, content, start, 40)) for content in (b"a\n", b"b\n")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [w.exitcode for w in writers] == [0, 0]  # neither lost its staging folder to the other's recovery
    assert (final / "items.csv").read_bytes() == (final / "totals.csv").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc"]


def test_a_full_disk_is_named_and_leaves_the_earlier_output(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    assert main(["run", str(SAMPLE_2021), "--out", str(out), "-q"]) == 1
    (folder,) = out.iterdir()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real_write = Path.write_bytes

    def full(path, data):
        if out in path.parents:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_write(path, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(OutputError, match="no space left in --out"):
        write_folder(out / "x", {"items.csv": b"x\n"})
    capsys.readouterr()
    assert main(["run", str(SAMPLE_2021), "--out", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert err == f"projektpulje: error: no space left in --out {out}; {folder.name} not written " \
                  "(any earlier output of it as it was)\n"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in out.iterdir()) == [folder.name]


KILLED_PARENT = """
import os, sys, time
from pathlib import Path
import projektpulje.stages.batch as batch
from projektpulje.settings import RunSettings

def slow(pdf, settings, page_progress=""):
    Path(sys.argv[1]).write_text(str(os.getpid()))
    time.sleep(30)
    Path(sys.argv[2]).write_text("the worker ran on")

batch.run_one = slow
batch.run_batch([Path("a.pdf")], settings=RunSettings(out_dir=Path(sys.argv[3])), jobs=1, timeout=600)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_end_with_the_killed_command(tmp_path):
    worker_pid, ran_on = tmp_path / "worker.pid", tmp_path / "ran-on"
    parent = subprocess.Popen([sys.executable, "-c", textwrap.dedent(KILLED_PARENT), str(worker_pid), str(ran_on),
                               str(tmp_path / "out")])
    deadline = time.monotonic() + 60
    while not worker_pid.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = int(worker_pid.read_text())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)
    assert not ran_on.exists()
