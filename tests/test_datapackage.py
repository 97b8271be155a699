"""datapackage.json in every output folder and in all/, valid for `frictionless validate`; Parquet beside the CSVs."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
from decimal import Decimal

import pyarrow.parquet as pq
import pytest

from projektpulje.cli import main

from .conftest import SAMPLE_2021, SAMPLES
from .helpers import read_rows

PDFS = [SAMPLE_2021, SAMPLES / "udmoentning-af-projektpuljen-2023.pdf"]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("packages")
    assert main(["run", *map(str, PDFS), "--out", str(out), "-q", "--format", "parquet"]) == 1
    return out


@pytest.mark.parametrize("folder", [p.stem for p in PDFS] + ["all"])
def test_frictionless_validate_passes(out, folder):
    frictionless = shutil.which("frictionless")
    assert frictionless, "the test extra installs frictionless"
    done = subprocess.run([frictionless, "validate", "--json", str(out / folder / "datapackage.json")],
                          capture_output=True, text=True, check=False)
    report = json.loads(done.stdout)
    assert report["valid"], [t["errors"][:3] for t in report["tasks"]]
    assert done.returncode == 0


def test_the_package_describes_units_keys_and_the_source_pdf(out):
    package = json.loads((out / SAMPLE_2021.stem / "datapackage.json").read_text(encoding="utf-8"))
    assert package["sources"] == [{"title": SAMPLE_2021.name, "sha256": hashlib.sha256(SAMPLE_2021.read_bytes()).hexdigest()}]
    assert package["projektpulje"] == {
        "tool": "projektpulje", "version": "0.1.0", "extractors": ["pdfium"],
        "options": {"extractor": "pdfium", "cross_check": False, "formats": ["csv", "parquet"], "password": False}}
    resources = {r["name"]: r for r in package["resources"]}
    assert sorted(resources) == [
        "findings", "findings-parquet", "items", "items-parquet", "mentions", "mentions-parquet", "report-html",
        "totals", "totals-parquet"]
    folder = out / SAMPLE_2021.stem
    assert sorted(r["path"] for r in package["resources"]) == sorted(
        p.name for p in folder.iterdir() if p.name != "datapackage.json")
    for described in package["resources"]:
        assert described["hash"] == f"sha256:{hashlib.sha256((folder / described['path']).read_bytes()).hexdigest()}"
    fields = {f["name"]: f for f in resources["items"]["schema"]["fields"]}
    assert (fields["amount_dkk"]["type"], fields["amount_dkk"]["unit"]) == ("integer", "DKK")
    assert (fields["amount_tkr"]["type"], fields["amount_tkr"]["unit"]) == ("number", "1.000 DKK")
    assert resources["items"]["schema"]["primaryKey"] == ["year", "table_no", "section_key", "group", "item"]
    # every file names its document, as DIR/all/'s do: one schema for a document's file and the combination
    for name in ("items", "totals", "findings", "mentions"):
        assert resources[name]["schema"]["fields"][-1]["name"] == "source_file"


def test_the_combined_package_names_every_source(out):
    package = json.loads((out / "all" / "datapackage.json").read_text(encoding="utf-8"))
    assert [s["title"] for s in package["sources"]] == [p.name for p in PDFS]
    assert package["projektpulje"]["version"] == "0.1.0"
    assert package["projektpulje"]["options"]["formats"] == ["csv", "parquet"]
    fields = [f["name"] for r in package["resources"] for f in r["schema"]["fields"] if r["name"] == "all-totals"]
    assert fields[-1] == "source_file"


def test_parquet_holds_the_same_rows_with_exact_amounts(out):
    folder = out / PDFS[1].stem
    table = pq.read_table(io.BytesIO((folder / "items.parquet").read_bytes())).to_pylist()
    rows = read_rows(folder / "items.csv")
    assert len(table) == len(rows) == 78
    assert all(isinstance(r["amount_tkr"], Decimal) for r in table)
    assert [(r["year"], r["item"], r["amount_tkr"]) for r in table] == [
        (int(r["year"]), r["item"], Decimal(r["amount_tkr"])) for r in rows]


def test_parquet_of_every_edition_and_of_all_reads_as_one_dataset(out):
    """Each output has one Arrow schema, whatever its rows: 2023 has no findings, 2021 has one."""
    import pyarrow.dataset as ds

    for name in ("items", "totals", "findings", "mentions"):
        dataset = ds.dataset([str(out / pdf.stem / f"{name}.parquet") for pdf in PDFS], format="parquet")
        assert dataset.to_table().num_rows == sum(len(read_rows(out / pdf.stem / f"{name}.csv")) for pdf in PDFS)
    empty = pq.read_schema(out / PDFS[1].stem / "findings.parquet")
    assert (str(empty.field("stated").type), str(empty.field("year").type)) == ("decimal128(18, 3)", "int64")
    totals = pq.read_schema(out / PDFS[0].stem / "totals.parquet")
    assert str(totals.field("difference_tkr").type) == "decimal128(18, 3)"
    combined = ds.dataset([str(out / "all" / f"all-{n}.parquet") for n in ("findings",)], format="parquet").to_table()
    assert combined.column("source_file").to_pylist() == [SAMPLE_2021.name]
    assert combined.column("unit").to_pylist() == ["DKK"]
    items = pq.read_table(out / "all" / "all-items.parquet")
    assert items.num_rows == len(read_rows(out / "all" / "all-items.csv")) == 49 + 78
