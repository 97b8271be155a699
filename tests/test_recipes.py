"""README's recipes for a data team, run as written: the Parquet and CSV files of several editions read as one
table with pyarrow, polars and DuckDB, each document once (DIR/all/'s combination is never taken by the glob)."""

from __future__ import annotations

import os
import re

import pytest

from projektpulje.cli import main

from .conftest import ROOT, SAMPLE_2021, SAMPLES
from .helpers import read_rows

PDFS = [SAMPLE_2021, SAMPLES / "udmoentning-af-projektpuljen-2023.pdf"]


def readme_block(starting: str) -> str:
    """The fenced Python block of README.md whose code contains `starting`."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    (block,) = [b for b in blocks if starting in b]
    return block


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    """README's folder: `output/` with two editions and their combination, as `projektpulje run` writes it."""
    where = tmp_path_factory.mktemp("recipes")
    assert main(["run", *map(str, PDFS), "--out", str(where / "output"), "-q", "--format", "parquet"]) == 1
    assert (where / "output" / "all").is_dir()
    return where


def run_recipe(output, starting: str) -> dict:
    pytest.importorskip("polars")
    pytest.importorskip("duckdb")
    before = os.getcwd()
    os.chdir(output)
    try:
        names: dict = {}
        exec(readme_block(starting), names)  # noqa: S102 - README's own code, run as a reader would
        return names
    finally:
        os.chdir(before)


def test_the_parquet_recipe_takes_every_document_once(output):
    names = run_recipe(output, "pyarrow.dataset.dataset(glob.glob")
    rows = {pdf.name: len(read_rows(output / "output" / pdf.stem / "items.csv")) for pdf in PDFS}
    items = names["items"]
    assert items.num_rows == sum(rows.values())  # not twice: all/'s combination is not in the glob
    assert {n: items.column("source_file").to_pylist().count(n) for n in rows} == rows
    findings = names["findings"]  # polars: one schema for a document with findings and one without
    assert findings["source_file"].to_list() == [SAMPLE_2021.name]
    assert str(findings.schema["stated"]).startswith("Decimal")
    per_document = names["per_document"]
    assert [(f, y) for f, y, _ in per_document] == [(SAMPLE_2021.name, 2021), (PDFS[1].name, 2023), (PDFS[1].name, 2024)]
    assert per_document[0][2] == sum(int(r["amount_dkk"]) for r in read_rows(output / "output" / SAMPLE_2021.stem / "items.csv"))
    totals = names["totals"]
    assert len(totals) == sum(len(read_rows(output / "output" / pdf.stem / "totals.csv")) for pdf in PDFS)
    assert set(totals["source_file"]) == {pdf.name for pdf in PDFS}


def test_the_combination_holds_the_same_rows_as_the_documents(output):
    import pyarrow.parquet as pq

    for name in ("items", "totals", "findings"):
        combined = pq.read_table(output / "output" / "all" / f"all-{name}.parquet")
        parts = [pq.read_table(output / "output" / pdf.stem / f"{name}.parquet") for pdf in PDFS]
        assert all(part.schema == combined.schema for part in parts)
        assert combined.to_pylist() == [row for part in parts for row in part.to_pylist()]
