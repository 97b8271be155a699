"""datapackage.json: the output CSVs described as a Frictionless Tabular Data Package."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from typing import Mapping, Sequence

from schemas.package import primary_key, table_schema

PACKAGE_FILE = "datapackage.json"
DESCRIBED = ("items.csv", "totals.csv", "findings.csv", "mentions.csv")
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


def resource(name: str, data: bytes, *, combined: bool) -> dict:
    described = {
        "name": name.removesuffix(".csv"),
        "path": name,
        "title": TITLES[name],
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "bytes": len(data),
        "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\n"},
        "schema": table_schema(name, combined=combined),
    }
    key = primary_key(name, combined=combined)
    if key and _unique_by(data, key):
        described["schema"]["primaryKey"] = key
    return described


def datapackage(
    files: Mapping[str, bytes], *, name: str, title: str, sources: Sequence[tuple[str, bytes | str]],
    combined: bool = False, year: int | None = None, tables: Sequence[dict] = (),
) -> bytes:
    """The descriptor of the CSVs among `files`; sources are (PDF name, its bytes or its sha256)."""
    descriptor = {
        "profile": "tabular-data-package",
        "name": package_name(name),
        "title": title,
        **({"year": year} if year else {}),
        # Which table numbers are printed and which are a table's position (none being printed), and overviews.
        **({"tables": list(tables)} if tables else {}),
        "description": "Budget tables of 'Udmøntning af projektpuljen' read by projektpulje: amount_tkr in 1.000 DKK, "
                       "amount_dkk in DKK.",
        "sources": [
            {"title": source, "sha256": digest if isinstance(digest, str) else hashlib.sha256(digest).hexdigest()}
            for source, digest in sources
        ],
        "resources": [resource(n, files[n], combined=combined) for n in DESCRIBED if n in files],
    }
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
