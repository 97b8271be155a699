"""--csv-dialect excel-da: ';', decimal comma and UTF-8 with a BOM, which Danish Excel and LibreOffice open as
numbers; the default dialect unchanged; every reader of the files (DIR/all/, the database, compare) reads both."""

from __future__ import annotations

import codecs
import csv
import io
import shutil
import subprocess
from decimal import Decimal

import pytest

from projektpulje.cli import main
from projektpulje.outputs.dialects import csv_to_default, csv_to_dialect, dialect_of
from projektpulje.outputs.files import rows_to_csv
from projektpulje.outputs.typed import typed_rows
from projektpulje.schemas import ITEM_COLUMNS

from .conftest import GOLDEN, SAMPLE_2021, SAMPLES

PDFS = [SAMPLE_2021, SAMPLES / "udmoentning-af-projektpuljen-2023.pdf"]
DANISH = 1030  # LibreOffice's language identifier for Danish (its CSV import's locale)


def item(amount_tkr: Decimal, label: str = "Udvikling; analyser") -> dict:
    return {"year": 2024, "table_no": 1, "area": "Sundhed", "section": "Tilskudsmidler", "section_key": "tilskudsmidler",
            "group": "", "item": label, "footnote": "", "footnote_text": "", "amount_tkr": amount_tkr,
            "amount_dkk": int(amount_tkr * 1000), "page": 1, "source_file": "x.pdf"}


def danish_items() -> bytes:
    rows = [item(Decimal("12.5")), item(Decimal("-0.663"), "Pulje 1.5"), item(Decimal("1750"))]
    return csv_to_dialect(rows_to_csv(rows, ITEM_COLUMNS), "items.csv", "excel-da")


def test_excel_da_has_semicolons_decimal_commas_and_a_bom():
    data = danish_items()
    assert data.startswith(codecs.BOM_UTF8) and dialect_of(data) == "excel-da"
    header, *rows = csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";")
    assert header == ITEM_COLUMNS
    assert [(r[6], r[9], r[10]) for r in rows] == [("Udvikling; analyser", "12,5", "12500"),
                                                  ("Pulje 1.5", "-0,663", "-663"), ("Udvikling; analyser", "1750", "1750000")]
    assert [r["amount_tkr"] for r in typed_rows(data, "items.csv")] == [Decimal("12.5"), Decimal("-0.663"), Decimal(1750)]


@pytest.mark.parametrize("name", ["items.csv", "totals.csv", "findings.csv", "mentions.csv"])
def test_the_default_dialect_is_unchanged_and_every_file_goes_there_and_back(name):
    for golden in sorted(GOLDEN.glob(f"*/{name}")):
        data = golden.read_bytes()
        assert csv_to_dialect(data, name, "default") == data
        assert csv_to_default(csv_to_dialect(data, name, "excel-da"), name) == data


@pytest.fixture(scope="module")
def danish_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("excel-da")
    database = f"sqlite:///{out / 'budgets.db'}"
    assert main(["run", *map(str, PDFS), "--out", str(out), "-q", "--csv-dialect", "excel-da", "--db", database]) == 1
    return out, database


def test_a_danish_run_writes_every_csv_in_its_dialect_and_reads_them_back(danish_run, tmp_path):
    out, database = danish_run
    for folder in [out / p.stem for p in PDFS] + [out / "all"]:
        assert all(dialect_of(p.read_bytes()) == "excel-da" for p in folder.glob("*.csv"))
    golden = (GOLDEN / SAMPLE_2021.stem / "totals.csv").read_bytes()
    assert csv_to_default((out / SAMPLE_2021.stem / "totals.csv").read_bytes(), "totals.csv") == golden
    combined = csv_to_default((out / "all" / "all-items.csv").read_bytes(), "items.csv").decode().splitlines()
    assert len(combined) == 1 + 49 + 78
    import sqlalchemy as sa

    with sa.create_engine(database).connect() as connection:
        assert connection.execute(sa.text("SELECT COUNT(*) FROM items")).scalar() == 49 + 78
    assert main(["compare", str(out / SAMPLE_2021.stem), str(out / PDFS[1].stem), "--out", str(tmp_path)]) == 0


def test_the_package_describes_the_dialect(danish_run):
    import json

    out, _ = danish_run
    package = json.loads((out / SAMPLE_2021.stem / "datapackage.json").read_text(encoding="utf-8"))
    items = next(r for r in package["resources"] if r["name"] == "items")
    assert items["dialect"]["delimiter"] == ";"
    assert {f["name"]: f.get("decimalChar") for f in items["schema"]["fields"]}["amount_tkr"] == ","
    frictionless = shutil.which("frictionless")
    if frictionless:
        done = subprocess.run([frictionless, "validate", "--json", str(out / SAMPLE_2021.stem / "datapackage.json")],
                              capture_output=True, text=True, check=False)
        assert json.loads(done.stdout)["valid"]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (tests/setup-system.sh installs it)")
def test_libreoffice_in_danish_opens_the_numbers_as_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "items.csv").write_bytes(danish_items())
    # ';' (59), '"' (34), UTF-8 (76), from line 1, standard columns, Danish: the import a Danish user gets
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
         f"--infilter=CSV:59,34,76,1,,{DANISH}", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(tmp_path / "items.csv")],
        capture_output=True, text=True, timeout=180, check=False)
    assert (tmp_path / "items.xlsx").exists(), done.stderr
    header, *rows = openpyxl.load_workbook(tmp_path / "items.xlsx").active.iter_rows(values_only=True)
    assert list(header) == ITEM_COLUMNS
    assert [r[9] for r in rows] == [12.5, -0.663, 1750]  # numbers, not text
    assert [r[0] for r in rows] == [2024] * 3 and [r[6] for r in rows] == ["Udvikling; analyser", "Pulje 1.5", "Udvikling; analyser"]
