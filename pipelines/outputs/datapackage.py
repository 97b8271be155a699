"""datapackage.json: the output CSVs described as a Frictionless Tabular Data Package."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from typing import Mapping, Sequence

from projektpulje.printable import printable
from projektpulje.schemas.package import primary_key, table_schema

from .dialects import csv_to_default, dialect_of, package_dialect, schema_in_dialect

PACKAGE_FILE = "datapackage.json"
DESCRIBED = ("items.csv", "totals.csv", "findings.csv", "mentions.csv")
# DIR/all/'s files are named apart from a document's (all-items.csv, all-items.parquet), so that a glob over the
# documents' folders (output/*/items.parquet) never takes the combination of them too.
COMBINED_PREFIX = "all-"


def output_kind(name: str) -> str:
    """Which output a file is, by its name in a document's folder: `all-items.parquet` → `items.parquet`."""
    return name.removeprefix(COMBINED_PREFIX)
TITLES = {
    "items.csv": "Budget lines, one row per line and year",
    "totals.csv": "Stated subtotals and totals beside the sum of their rows",
    "findings.csv": "Every disagreement found",
    "mentions.csv": "Amounts in the prose, and what they were checked against",
}


def package_name(text: str) -> str:
    """A data package name: lower case ASCII letters, digits, '-', '_' and '.'."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa"))
    name = re.sub(r"[^a-z0-9._-]+", "-", ascii_text.encode("ascii", "ignore").decode()).strip("-.")
    return name or "projektpulje"


NEVER_EMPTY_IN_KEY = {"year"}  # a row total's year is empty: a key of totals.csv then cannot include it


def _unique_by(data: bytes, key: Sequence[str]) -> bool:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    seen = {tuple(row[k] for k in key) for row in rows}
    return len(seen) == len(rows) and all(row[k] != "" for row in rows for k in key if k in NEVER_EMPTY_IN_KEY)


# Files beside the CSVs: their format and media type. Parquet holds the CSV's rows with the same schema.
FORMATS = {
    ".parquet": ("parquet", "application/vnd.apache.parquet"),
    ".xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".html": ("html", "text/html"),
}
FILE_TITLES = {
    "report.html": "The tables as read beside the PDF, every check and finding, for people",
    "workbook.xlsx": "Every table of this package as a sheet, for spreadsheets",
}


def file_resource(name: str, data: bytes, *, combined: bool) -> dict:
    """A file that is not one of the CSVs, described as a file (its tables, if any, are the CSVs')."""
    stem, suffix = output_kind(name).rsplit(".", 1)
    file_format, mediatype = FORMATS[f".{suffix}"]
    csv_name = f"{stem}.csv"
    described = {
        "name": package_name(name.replace(".", "-")),
        "type": "file",
        "path": name,
        "title": f"{TITLES[csv_name]} (Parquet)" if csv_name in TITLES else FILE_TITLES.get(output_kind(name), name),
        "format": file_format,
        "mediatype": mediatype,
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "bytes": len(data),
    }
    if file_format == "parquet":
        described["schema"] = table_schema(csv_name, combined=combined)
    return described


def resource(name: str, data: bytes, *, combined: bool) -> dict:
    if not name.endswith(".csv"):
        return file_resource(name, data, combined=combined)
    kind = output_kind(name)
    described = {
        "name": name.removesuffix(".csv"),
        "path": name,
        "title": TITLES[kind],
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "bytes": len(data),
        "dialect": package_dialect(dialect_of(data)),
        "schema": schema_in_dialect(table_schema(kind, combined=combined), dialect_of(data)),
    }
    key = primary_key(kind, combined=combined)
    if key and _unique_by(csv_to_default(data, kind), key):
        described["schema"]["primaryKey"] = key
    return described


def _described_order(files: Mapping[str, bytes]) -> list[str]:
    """Every file written but the descriptor itself: the CSVs first, in their usual order, then the rest by name."""
    tabular = [n for kind in DESCRIBED for n in files if output_kind(n) == kind]
    return tabular + sorted(n for n in files if n not in tabular and n != PACKAGE_FILE)


def datapackage(
    files: Mapping[str, bytes], *, name: str, title: str, sources: Sequence[tuple[str, bytes | str]],
    combined: bool = False, year: int | None = None, provenance: Mapping | None = None, ocr: str = "",
    repairs: Sequence[str] = (), tables: Sequence[dict] = (),
) -> bytes:
    """The descriptor of `files`; sources are (PDF name, its bytes or its sha256); `provenance` says what made them;
    `ocr`: the engine that read the text, where it came from OCR; `repairs`: what was repaired in the one source as
    it was read ("cross-reference table rebuilt")."""
    described = _described_order(files)
    tabular = all(n.endswith(".csv") for n in described)  # a tabular package holds tabular resources only
    descriptor = {
        "profile": "tabular-data-package" if tabular else "data-package",
        "name": package_name(name),
        "title": title,
        **({"year": year} if year else {}),
        # Which table numbers are printed and which are a table's position (none being printed), and overviews.
        **({"tables": list(tables)} if tables else {}),
        "description": "Budget tables of 'Udmøntning af projektpuljen' read by projektpulje: amount_tkr in 1.000 DKK, "
                       "amount_dkk in DKK.",
        "sources": [
            {"title": source, "sha256": digest if isinstance(digest, str) else hashlib.sha256(digest).hexdigest(),
             **({"text": f"OCR by {ocr}"} if ocr else {}), **({"repaired": list(repairs)} if repairs else {})}
            for source, digest in sources
        ],
        **({"projektpulje": dict(provenance)} if provenance else {}),
        "resources": [resource(n, files[n], combined=combined) for n in described],
    }
    return (json.dumps(_printable_strings(descriptor), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _printable_strings(value):
    """Every string of a JSON value with its control characters escaped (a title from the PDF, a file's name)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(k): _printable_strings(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable_strings(v) for v in value]
    return value
