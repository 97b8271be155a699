"""Output rows → Parquet, each output with one fixed Arrow schema, whatever its rows (or none).

The Arrow types follow from the same Table Schemas as datapackage.json (schemas/package.py), so a Parquet file
of one edition, of another, of a document without findings and of DIR/all/ read as one dataset.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Mapping, Sequence

from projektpulje.printable import printable
from projektpulje.schemas.package import table_schema

# 1.000 kr. to three decimals is exact to the krone; eighteen digits hold any public budget.
DECIMAL_PRECISION, DECIMAL_SCALE = 18, 3


def arrow_type(field: Mapping):
    """The Arrow type of one Table Schema field: integers as int64, numbers as a fixed decimal."""
    import pyarrow as pa

    return {
        "integer": pa.int64(), "boolean": pa.bool_(), "number": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
    }.get(field["type"], pa.string())


def arrow_schema(name: str, *, combined: bool = False):
    """The Arrow schema of an output file (`items.csv` → that of `items.parquet`); `combined` for DIR/all/."""
    import pyarrow as pa

    fields = table_schema(name, combined=combined)["fields"]
    return pa.schema([pa.field(f["name"], arrow_type(f), nullable=True) for f in fields])


def _value(value, arrow):
    """Empty is null; an amount goes in as an exact Decimal (an int is one too); text with its control characters
    escaped."""
    import pyarrow as pa

    if isinstance(value, str):
        return printable(value)
    if value is None or (isinstance(value, float) and value != value):
        return None
    if pa.types.is_decimal(arrow) and isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def rows_to_parquet(rows: Sequence[Mapping], name: str, *, combined: bool = False) -> bytes:
    """One output's rows as Parquet, typed by its schema; amounts that do not fit it stop with an error."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(name, combined=combined)
    columns = {f.name: pa.array([_value(row[f.name], f.type) for row in rows], f.type) for f in schema}
    buffer = pa.BufferOutputStream()
    pq.write_table(pa.table(columns, schema=schema), buffer)
    return buffer.getvalue().to_pybytes()


def combine_parquet(parts: Sequence[tuple[bytes, str]], name: str) -> bytes:
    """Several documents' Parquet files of one output → one, with the source PDF named on every row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(name, combined=True)
    tables = []
    for data, source in parts:
        table = pq.read_table(io.BytesIO(data))
        if "source_file" not in table.column_names:
            table = table.append_column("source_file", pa.array([printable(source)] * table.num_rows, pa.string()))
        tables.append(table.select(schema.names).cast(schema))
    combined = pa.concat_tables(tables) if tables else schema.empty_table()
    buffer = pa.BufferOutputStream()
    pq.write_table(combined, buffer)
    return buffer.getvalue().to_pybytes()
