"""Output rows typed by their Table Schemas: CSVs read back (for the database and workbooks), and data frames
(for the API), each cell as its field says."""

from __future__ import annotations

import csv
import io
from decimal import Context, Decimal, Inexact, InvalidOperation
from typing import Mapping, Sequence

from projektpulje.outputs.files import spreadsheet_text
from projektpulje.schemas.package import table_schema

from .dialects import csv_to_default


def typed_value(value: str, field: Mapping):
    """A CSV cell as its Table Schema type: empty is None (text stays text, its neutralising quote off), integers
    int, numbers exact Decimals."""
    kind = field["type"]
    if kind == "string":
        return spreadsheet_text(value)
    if value == "":
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        return Decimal(value)
    if kind == "boolean":
        return value == "true"
    return value


def typed_rows(data: bytes, name: str, *, combined: bool = False) -> list[dict]:
    """The rows of an output CSV, each cell typed by the file's Table Schema."""
    fields = {f["name"]: f for f in table_schema(name, combined=combined)["fields"]}
    rows = csv.DictReader(io.StringIO(csv_to_default(data, name).decode("utf-8")))
    return [{column: typed_value(value, fields[column]) for column, value in row.items()} for row in rows]


# Amounts in a data frame: exact Decimals to the places Parquet keeps (decimal128(18, 3)), so that every amount of
# every edition prints alike (500.000 beside 1750.000, not 500.0 beside 1750.00).
AMOUNT_PLACES = Decimal("0.001")
EXACT = Context(prec=28, traps=[Inexact, InvalidOperation])


def _amount(value) -> Decimal | None:
    """An amount as a Decimal to three places; one that three places cannot hold exactly stops with an error."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float):
        raise TypeError(f"an amount as a float ({value!r}) is not exact")
    return Decimal(value).quantize(AMOUNT_PLACES, context=EXACT)


def frame_dtype(field: Mapping):
    """A Table Schema field's pandas type, the same for every document and for no rows: integers nullable Int64
    (a row total has no year), amounts exact Decimals (object), booleans nullable boolean, text pandas' str."""
    return {"integer": "Int64", "number": object, "boolean": "boolean"}.get(field["type"], str)


def rows_to_typed_frame(rows: Sequence[Mapping], name: str, *, combined: bool = False):
    """An output's rows as a data frame with its file's columns, each typed from its Table Schema, as Parquet is:
    one edition's frame has the types of another's, a frame without rows included."""
    import pandas as pd

    fields = table_schema(name, combined=combined)["fields"]
    columns = {}
    for f in fields:
        values = [row.get(f["name"]) for row in rows]
        if f["type"] == "number":
            values = [_amount(v) for v in values]
        elif f["type"] == "string":
            values = ["" if v is None else str(v) for v in values]
        columns[f["name"]] = pd.Series(values, dtype=frame_dtype(f), name=f["name"])
    return pd.DataFrame(columns, columns=[f["name"] for f in fields])


def rows_named(rows: Sequence[Mapping], source: str) -> list[dict]:
    """Rows that each name the PDF they come from: every output file does, as DIR/all/'s do."""
    return [row if "source_file" in row else {**row, "source_file": source} for row in rows]
