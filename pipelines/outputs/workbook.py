"""The output CSVs → one Excel workbook (`--format xlsx`): a sheet per output, numbers as numbers, the header
row frozen and filtered, findings highlighted. It opens in Excel of any locale and in LibreOffice without an
import dialog, since nothing in it is text to be parsed. The same bytes for the same rows: no dates in it.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Mapping

from projektpulje.outputs.typed import typed_rows
from projektpulje.schemas.package import table_schema

WORKBOOK_FILE = "workbook.xlsx"
SHEETS = ("items", "totals", "findings", "mentions")
HIGHLIGHT = "FFF4C7C3"  # the report's colour for a finding, as ARGB
FIXED_TIME = "2000-01-01T00:00:00Z"  # in place of the time of writing, so that reruns give the same bytes
WIDEST = 60  # characters; longer cells (messages, sentences) wrap in the cell instead


def _highlighted(sheet: str, row: Mapping) -> bool:
    return sheet == "findings" or (sheet == "totals" and row.get("status") == "mismatch")


def _fill_sheet(sheet, name: str, rows: list[dict], fields: list[dict]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    highlight = PatternFill("solid", fgColor=HIGHLIGHT)
    columns = [f["name"] for f in fields]
    widths = [len(c) for c in columns]
    for index, column in enumerate(columns, start=1):
        sheet.cell(row=1, column=index, value=column).font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            value = row.get(column)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
            cell = sheet.cell(row=number, column=index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a label that begins with "=" is text, never a formula
                widths[index - 1] = max(widths[index - 1], len(value))
            elif value is not None:
                widths[index - 1] = max(widths[index - 1], len(str(value)))
            if _highlighted(name, row):
                cell.fill = highlight
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width, WIDEST) + 2
        if width > WIDEST:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def _without_times(data: bytes) -> bytes:
    """The workbook with its timestamps fixed (document properties, zip entries), so equal rows give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.encode(), content)
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return buffer.getvalue()


def csvs_to_workbook(files: Mapping[str, bytes], *, combined: bool = False) -> bytes:
    """The output CSVs among `files` as one workbook, a sheet each, in the usual order."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name in SHEETS:
        data = files.get(f"{name}.csv")
        if data is None:
            continue
        fields = table_schema(f"{name}.csv", combined=combined)["fields"]
        rows = typed_rows(data, f"{name}.csv", combined=combined)
        _fill_sheet(book.create_sheet(name), name, rows, fields)
    buffer = io.BytesIO()
    book.save(buffer)
    return _without_times(buffer.getvalue())
