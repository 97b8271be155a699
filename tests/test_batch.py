"""Many documents: isolation, time limits, crashed workers, the combined folder, untouched earlier output."""

from __future__ import annotations

import csv
import os
import shutil
import time
from pathlib import Path

import projektpulje.stages.batch as batch
from projektpulje.stages.batch import run_batch
from projektpulje.cli import main
from projektpulje.outputs.files import recover_folder, write_folder
from projektpulje.stages.run import RunSettings

from .conftest import SAMPLE_2021, SAMPLES

STEM = SAMPLE_2021.stem


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_folder_with_a_corrupt_file_still_lands_the_others_and_combines_them(tmp_path, capsys):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    shutil.copy(SAMPLE_2021, downloads / "a.pdf")
    shutil.copy(SAMPLES / f"{STEM}-planted-errors.pdf", downloads / "b.pdf")
    (downloads / "c.pdf").write_bytes(b"<html><body>Service unavailable</body></html>")
    out = tmp_path / "out"
    assert main(["run", str(downloads), "--out", str(out), "--jobs", "2"]) == 2
    stdout, stderr = capsys.readouterr()
    assert f"projektpulje: error: {downloads / 'c.pdf'}: not a PDF; it looks like an HTML page" in stderr
    assert "[3/3]" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["a", "all", "b"]
    assert stdout.splitlines()[-1] == f"all: 2 of 3 documents -> {out / 'all'}"
    with (out / "all" / "all-totals.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["source_file"] for r in rows} == {"a.pdf", "b.pdf"}
    assert len(rows) == 40
    with (out / "all" / "all-findings.csv").open(encoding="utf-8", newline="") as fh:
        assert [(r["source_file"], r["kind"]) for r in csv.DictReader(fh)] == [
            ("a.pdf", "narrative_mismatch"), ("b.pdf", "subtotal_mismatch"), ("b.pdf", "total_mismatch"),
            ("b.pdf", "total_mismatch")]


def test_a_document_that_hangs_or_crashes_its_worker_is_reported_and_the_rest_go_on(tmp_path, monkeypatch):
    real = batch.run_document

    def flaky(pdf, *, settings, **options):
        if pdf.name == "hang.pdf":
            time.sleep(60)
        if pdf.name == "crash.pdf":
            os._exit(139)
        return real(pdf, settings=settings, **options)

    monkeypatch.setattr(batch, "run_document", flaky)
    for name in ("hang.pdf", "crash.pdf", "good.pdf"):
        shutil.copy(SAMPLE_2021, tmp_path / name)
    started = time.monotonic()
    outcomes = run_batch([tmp_path / n for n in ("hang.pdf", "crash.pdf", "good.pdf")],
                         settings=RunSettings(out_dir=tmp_path / "out"), jobs=3, timeout=8)
    assert time.monotonic() - started < 30
    assert [o.exit_code for o in outcomes] == [2, 2, 1]
    assert outcomes[0].error == f"{tmp_path / 'hang.pdf'}: gave up after 8 s (--timeout); nothing written"
    assert outcomes[1].error == f"{tmp_path / 'crash.pdf'}: the worker reading it crashed (exit code 139); nothing written"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good"]


def test_a_failed_run_leaves_earlier_output_of_the_same_name_byte_identical(tmp_path):
    out = tmp_path / "out"
    assert main(["run", str(SAMPLE_2021), "--out", str(out), "-q"]) == 1
    before = folder_bytes(out / STEM)
    broken = tmp_path / "later" / f"{STEM}.pdf"
    broken.parent.mkdir()
    broken.write_bytes(SAMPLE_2021.read_bytes()[: len(SAMPLE_2021.read_bytes()) // 2])
    assert main(["run", str(broken), "--out", str(out), "-q"]) == 2
    assert folder_bytes(out / STEM) == before
    assert sorted(p.name for p in out.iterdir()) == [STEM]


def test_reruns_are_byte_for_byte_identical(tmp_path):
    for run in ("one", "two"):
        assert main(["run", str(SAMPLE_2021), "--out", str(tmp_path / run), "-q"]) == 1
    assert folder_bytes(tmp_path / "one" / STEM) == folder_bytes(tmp_path / "two" / STEM)


def test_output_moved_aside_by_an_interrupted_swap_is_put_back(tmp_path):
    final = tmp_path / "doc"
    write_folder(final, {"items.csv": b"good\n"})
    aside = tmp_path / ".doc.x1.old"
    aside.mkdir()
    os.replace(final, aside / "previous")
    (tmp_path / ".doc.x2.partial").mkdir()
    recover_folder(final)
    assert (final / "items.csv").read_bytes() == b"good\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc"]
