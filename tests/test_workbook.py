"""--format xlsx: a workbook per document and for all/, a sheet per output, numbers as numbers."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="the test extra installs the xlsx extra")

from projektpulje.cli import main  # noqa: E402
from projektpulje.outputs.workbook import HIGHLIGHT, csvs_to_workbook  # noqa: E402

from .conftest import SAMPLES  # noqa: E402
from .helpers import read_rows  # noqa: E402

PDFS = [SAMPLES / "udmoentning-af-projektpuljen-2021-planted-errors.pdf", SAMPLES / "udmoentning-af-projektpuljen-2023.pdf"]


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx")
    assert main(["run", *map(str, PDFS), "--out", str(out), "-q", "--format", "xlsx", "--format", "parquet"]) == 1
    return out


def sheet_rows(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_a_sheet_per_output_with_the_csv_rows_as_numbers(out):
    folder = out / PDFS[0].stem
    book = openpyxl.load_workbook(folder / "workbook.xlsx")
    assert book.sheetnames == ["items", "totals", "findings", "mentions"]
    for name in book.sheetnames:
        sheet = book[name]
        rows = read_rows(folder / f"{name}.csv")
        assert (sheet.freeze_panes, sheet.auto_filter.ref) == ("A2", f"A1:{sheet.cell(1, sheet.max_column).column_letter}"
                                                                         f"{len(rows) + 1}")
        header, *body = sheet_rows(sheet)
        assert header == list(rows[0])
        assert len(body) == len(rows)
    items = sheet_rows(book["items"])
    header = items[0]
    first = dict(zip(header, items[1]))
    assert (type(first["year"]), type(first["amount_dkk"]), type(first["page"])) == (int, int, int)
    assert sum(Decimal(str(r[header.index("amount_tkr")])) for r in items[1:]) == sum(
        Decimal(r["amount_tkr"]) for r in read_rows(folder / "items.csv"))


def test_findings_and_mismatching_totals_are_highlighted(out):
    book = openpyxl.load_workbook(out / PDFS[0].stem / "workbook.xlsx")
    findings = book["findings"]
    assert findings.max_row == 4  # the header and three findings
    assert all(findings.cell(r, 1).fill.fgColor.rgb == HIGHLIGHT for r in range(2, 5))
    totals = book["totals"]
    status = [c.value for c in totals[1]].index("status") + 1
    marked = {r for r in range(2, totals.max_row + 1) if totals.cell(r, 1).fill.fgColor.rgb == HIGHLIGHT}
    assert marked == {r for r in range(2, totals.max_row + 1) if totals.cell(r, status).value == "mismatch"}
    assert len(marked) == 3


def test_both_formats_at_once_are_written_and_described(out):
    import json

    for folder, prefix in ((out / PDFS[0].stem, ""), (out / "all", "all-")):
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        paths = {r["path"] for r in package["resources"]}
        assert {f"{prefix}workbook.xlsx", f"{prefix}items.parquet", f"{prefix}findings.parquet"} <= paths
        assert paths == {p.name for p in folder.iterdir()} - {"datapackage.json"}


def test_all_has_a_workbook_naming_the_source_of_every_row(out):
    book = openpyxl.load_workbook(out / "all" / "all-workbook.xlsx")
    assert book.sheetnames == ["items", "totals", "findings"]
    header, *rows = sheet_rows(book["totals"])
    assert header[-1] == "source_file"
    assert {r[-1] for r in rows} == {p.name for p in PDFS}


def test_a_label_is_text_never_a_formula_and_the_bytes_do_not_change_between_runs():
    items = (b"year,table_no,area,section,section_key,group,item,footnote,footnote_text,amount_tkr,amount_dkk,page,"
             b"source_file\n2021,1,A,S,s,,=SUM(A1:A9),,,0.5,500,1,x.pdf\n")
    data = csvs_to_workbook({"items.csv": items})
    assert data == csvs_to_workbook({"items.csv": items})
    sheet = openpyxl.load_workbook(io.BytesIO(data))["items"]
    assert (sheet["G2"].value, sheet["G2"].data_type) == ("=SUM(A1:A9)", "s")
    assert sheet["J2"].value == 0.5 and sheet["K2"].value == 500
