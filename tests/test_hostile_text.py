"""Text a PDF or its file name brings that would act when opened: a formula in a spreadsheet, a control
character on a terminal. CSVs neutralise formulas (Parquet, workbook and database keep the exact text);
no output and no printed line carries a raw control character."""

from __future__ import annotations

import io
import json
import re
import shutil
from decimal import Decimal

import pytest

from projektpulje.cli import main
from projektpulje.outputs.files import rows_to_csv
from projektpulje.outputs.spreadsheet import spreadsheet_inert, spreadsheet_text
from projektpulje.outputs.typed import typed_rows
from projektpulje.printable import html_text, printable
from projektpulje.schemas import ITEM_COLUMNS

from .conftest import SAMPLE_2021

FORMULAS = ['=HYPERLINK("http://example.invalid/?x","y")', "=1+1", "@SUM(1+1)", "+1+1", "-1+1", "'=quoted"]
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # newline and tab aside: files and lines have them


def item_row(item: str, *, amount_tkr=Decimal("-250")) -> dict:
    row = dict.fromkeys(ITEM_COLUMNS, "")
    row.update(year=2021, table_no=1, area="Mobilitet", item=item, amount_tkr=amount_tkr,
               amount_dkk=int(amount_tkr * 1000), page=1, source_file="x.pdf")
    return row


def csv_cells(data: bytes, column: str) -> list[str]:
    import csv

    return [row[column] for row in csv.DictReader(io.StringIO(data.decode("utf-8")))]


@pytest.mark.parametrize("label", FORMULAS)
def test_a_formula_in_a_text_cell_gets_a_leading_quote_in_the_csv(label):
    data = rows_to_csv([item_row(label)], ITEM_COLUMNS)
    assert csv_cells(data, "item") == ["'" + label]
    assert csv_cells(data, "amount_tkr") == ["-250"]  # numbers are never touched
    assert typed_rows(data, "items.csv")[0]["item"] == label  # read back exactly (workbook, database)


def test_a_plain_number_or_ordinary_text_is_kept_as_it_is():
    assert spreadsheet_inert("-250") == "-250"
    assert spreadsheet_inert("Mobilitet - og infrastruktur") == "Mobilitet - og infrastruktur"
    assert spreadsheet_inert("\tx") == "'\tx"
    assert spreadsheet_inert("'Total' states 2150") == "'Total' states 2150"  # a quoted label, not a formula
    for text in [*FORMULAS, "-250", "plain", "'Total' states 2150", "'=1+1", "''@x"]:
        assert spreadsheet_text(spreadsheet_inert(text)) == text


def test_the_workbook_and_parquet_keep_the_exact_text_and_no_formula():
    openpyxl = pytest.importorskip("openpyxl")
    from projektpulje.outputs.workbook import csvs_to_workbook

    files = {"items.csv": rows_to_csv([item_row(label) for label in FORMULAS], ITEM_COLUMNS)}
    sheet = openpyxl.load_workbook(io.BytesIO(csvs_to_workbook(files)))["items"]
    column = [c.value for c in sheet[1]].index("item")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == FORMULAS
    assert all(c.data_type == "s" for c in cells)
    pq = pytest.importorskip("pyarrow.parquet")
    from projektpulje.outputs.parquet import rows_to_parquet

    table = pq.read_table(io.BytesIO(rows_to_parquet([item_row(label) for label in FORMULAS], "items.csv")))
    assert table.column("item").to_pylist() == FORMULAS


def test_control_characters_are_escaped_by_one_function():
    assert printable("a\x1b[2Jb\x07c\nd\x85") == "a\\x1b[2Jb\\x07c\\x0ad\\x85"
    assert printable("Tilskud æøå – 1.000 kr.") == "Tilskud æøå – 1.000 kr."
    assert html_text("<b>\x1b") == "&lt;b&gt;\\x1b"
    data = rows_to_csv([item_row("Bad\x1b]0;title\x07 label\nforged,line")], ITEM_COLUMNS)
    assert not RAW_CONTROL.search(data.decode()) and data.decode().count("\n") == 2


def test_a_file_name_with_control_characters_prints_and_writes_none(tmp_path, capsys):
    pdf = tmp_path / "in" / "budget\x1b[2J\x07\nfake.pdf: 9 tables.pdf"
    pdf.parent.mkdir()
    shutil.copyfile(SAMPLE_2021, pdf)
    out = tmp_path / "out"
    assert main(["run", str(pdf), str(SAMPLE_2021), "--out", str(out), "--jobs", "1"]) in (0, 1)
    captured = capsys.readouterr()
    for text in (captured.out, captured.err):
        assert not RAW_CONTROL.search(text)
    assert len(captured.out.splitlines()) == 3  # two documents and all/, each on its one line
    assert "budget\\x1b[2J\\x07\\x0afake.pdf" in captured.out
    for path in out.rglob("*"):
        if path.suffix in {".csv", ".json", ".html"}:
            text = path.read_text(encoding="utf-8")
            assert not RAW_CONTROL.search(text), path
            assert "\nfake.pdf" not in text, path
    package = json.loads(next(out.glob("budget*/datapackage.json")).read_text(encoding="utf-8"))
    assert package["sources"][0]["title"] == printable(pdf.name)
