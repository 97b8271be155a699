"""File names that would clash or not fit: every document keeps a folder of its own, named by a stable rule."""

from __future__ import annotations

import csv
import json
import shutil

from projektpulje.cli import main
from projektpulje.outputs.files import MAX_FOLDER_BYTES, safe_folder_name, unique_folder_names

from .conftest import SAMPLES


def test_names_that_make_one_folder_name_get_numbers_in_input_order():
    assert unique_folder_names(["budget", "budget", "budget.", "Budget", "budget-2"]) == [
        "budget", "budget-2", "budget-3", "Budget-4", "budget-2-2"]


def test_a_long_name_is_cut_safely_and_stably():
    stem = "æ" * 123  # 246 bytes: with ".pdf" as long as a file name may be
    name = safe_folder_name(stem)
    assert len(name.encode("utf-8")) <= MAX_FOLDER_BYTES
    assert name == safe_folder_name(stem) != safe_folder_name("æ" * 122 + "ø")
    assert name.startswith("æ" * 90)


def test_three_pdfs_whose_names_make_one_folder_name_each_keep_their_own(tmp_path, capsys):
    sources = [SAMPLES / f"udmoentning-af-projektpuljen-{year}.pdf" for year in (2021, 2022, 2023)]
    pdfs = [tmp_path / "a" / "budget.pdf", tmp_path / "b" / "budget.pdf", tmp_path / "a" / "budget..pdf"]
    for source, pdf in zip(sources, pdfs):
        pdf.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, pdf)
    out = tmp_path / "out"
    assert main(["run", *map(str, pdfs), "--out", str(out), "-q", "--jobs", "2"]) in (0, 1)
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit("-> ", 1)[1] for line in lines[:3]] == [str(out / n) for n in ("budget", "budget-2", "budget-3")]
    years = [json.loads((out / n / "datapackage.json").read_text())["year"] for n in ("budget", "budget-2", "budget-3")]
    assert years == [2021, 2022, 2023]
    with open(out / "all" / "items.csv", encoding="utf-8") as fh:
        combined = [row["year"] for row in csv.DictReader(fh)]
    own = sum(sum(1 for _ in open(out / n / "items.csv", encoding="utf-8")) - 1 for n in ("budget", "budget-2", "budget-3"))
    assert len(combined) == own and {"2021", "2022", "2023"} <= set(combined)


def test_a_pdf_with_a_name_as_long_as_may_be_is_written(tmp_path, capsys):
    pdf = tmp_path / ("æ" * 123 + ".pdf")
    shutil.copyfile(SAMPLES / "udmoentning-af-projektpuljen-2021.pdf", pdf)
    assert main(["run", str(pdf), "--out", str(tmp_path / "out"), "-q"]) in (0, 1)
    (folder,) = (tmp_path / "out").iterdir()
    assert folder.name == safe_folder_name(pdf.stem) and (folder / "items.csv").exists()
