"""The CSV dialects the output files can be written in: the default (comma, '.' decimals, UTF-8 without BOM) and
`excel-da`, which Danish Excel and LibreOffice open as numbers (';', decimal comma, UTF-8 with a BOM).

The files are made in the default dialect and turned into another one as they are written; whatever reads an
output CSV back (DIR/all/, the database, compare) turns it back first. A BOM marks the `excel-da` dialect.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    decimal: str
    bom: bool


DEFAULT_DIALECT = "default"
DIALECTS = {
    DEFAULT_DIALECT: Dialect(delimiter=",", decimal=".", bom=False),
    "excel-da": Dialect(delimiter=";", decimal=",", bom=True),
}


def _number_columns(header: list[str], kind: str) -> set[int]:
    from projektpulje.schemas.package import table_schema  # loads pandera: only where a file is rewritten

    numbers = {f["name"] for f in table_schema(kind)["fields"] if f["type"] == "number"}
    return {i for i, column in enumerate(header) if column in numbers}


def _rewritten(text: str, *, source: Dialect, target: Dialect, kind: str) -> bytes:
    """The rows of one CSV from one dialect into another: delimiter and the decimal mark of the number fields."""
    rows = list(csv.reader(io.StringIO(text), delimiter=source.delimiter))
    numbers = _number_columns(rows[0], kind) if rows else set()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=target.delimiter, lineterminator="\n")
    writer.writerows(
        [cell.replace(source.decimal, target.decimal) if i in numbers else cell for i, cell in enumerate(row)]
        if n else row
        for n, row in enumerate(rows)
    )
    data = buffer.getvalue().encode("utf-8")
    return codecs.BOM_UTF8 + data if target.bom else data


def csv_to_dialect(data: bytes, kind: str, dialect: str) -> bytes:
    """A CSV of the default dialect written in `dialect`; `kind` is the output it holds (`items.csv`)."""
    if dialect == DEFAULT_DIALECT:
        return data
    return _rewritten(data.decode("utf-8"), source=DIALECTS[DEFAULT_DIALECT], target=DIALECTS[dialect], kind=kind)


def dialect_of(data: bytes) -> str:
    """The dialect an output CSV was written in, by its first bytes."""
    return "excel-da" if data.startswith(codecs.BOM_UTF8) else DEFAULT_DIALECT


def csv_to_default(data: bytes, kind: str) -> bytes:
    """An output CSV, in whichever dialect it was written, as the default dialect has it."""
    dialect = dialect_of(data)
    if dialect == DEFAULT_DIALECT:
        return data
    text = data.decode("utf-8").removeprefix("\ufeff")
    return _rewritten(text, source=DIALECTS[dialect], target=DIALECTS[DEFAULT_DIALECT], kind=kind)


def package_dialect(dialect: str) -> dict:
    """How datapackage.json describes a CSV of `dialect` (Frictionless's `dialect`), beside its schema."""
    chosen = DIALECTS[dialect]
    return {"delimiter": chosen.delimiter, "header": True, "lineTerminator": "\n"}


def schema_in_dialect(schema: dict, dialect: str) -> dict:
    """A Table Schema as a CSV of `dialect` has it: numbers with that dialect's decimal mark (`decimalChar`)."""
    decimal = DIALECTS[dialect].decimal
    if decimal == ".":
        return schema
    fields = [dict(f, decimalChar=decimal) if f["type"] == "number" else f for f in schema["fields"]]
    return {**schema, "fields": fields}
