"""Output CSVs read back with their types: each cell as its Table Schema says (for the database and workbooks)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Mapping

from projektpulje.outputs.files import spreadsheet_text
from projektpulje.schemas.package import table_schema


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
    rows = csv.DictReader(io.StringIO(data.decode("utf-8")))
    return [{column: typed_value(value, fields[column]) for column, value in row.items()} for row in rows]
