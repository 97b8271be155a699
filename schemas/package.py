"""The output files described as Frictionless Table Schemas: field types, descriptions, units, keys."""

from __future__ import annotations

from .contract import UNIT_DKK, UNIT_TKR
from .findings import FINDING_FIELDS as FINDING_COLUMNS_DECLARED
from .tidy import Items, ReconciledTotals

# pandera dtype (as text) → Table Schema type
_TYPES = {"int64": "integer", "Int64": "integer", "object": "number", "bool": "boolean"}
UNITS = {
    "amount_tkr": UNIT_TKR, "stated_tkr": UNIT_TKR, "computed_tkr": UNIT_TKR, "difference_tkr": UNIT_TKR,
    "amount_dkk": UNIT_DKK,
}
SOURCE_FILE = {"name": "source_file", "type": "string", "description": "PDF file name"}


def _model_fields(model) -> list[dict]:
    fields = []
    for name, column in model.to_schema().columns.items():
        field = {"name": name, "type": _TYPES.get(str(column.dtype), "string"), "description": column.title or ""}
        if name in UNITS:
            field["unit"] = UNITS[name]
            field["description"] += f" (unit: {UNITS[name]})"
        fields.append(field)
    return fields


# findings.csv's fields, from the one findings model
FINDING_FIELDS = [
    {"name": c.name, "type": c.type, "description": c.description}
    | ({"trueValues": ["true"], "falseValues": ["false"]} if c.type == "boolean" else {})
    for c in FINDING_COLUMNS_DECLARED
]
MENTION_FIELDS = [
    {"name": "table_no", "type": "integer", "description": "Table of the area the sentence stands in"},
    {"name": "area", "type": "string", "description": "Policy area"},
    {"name": "page", "type": "integer", "description": "Page of the mention"},
    {"name": "mention", "type": "string", "description": "The amount as printed, e.g. '0,537 mio. kr.'"},
    {"name": "amount_dkk", "type": "number", "unit": "DKK", "description": "The amount in DKK (unit: DKK)"},
    {"name": "tied_to", "type": "string", "description": "The budget line or group the sentence speaks of"},
    {"name": "table_dkk", "type": "number", "unit": "DKK",
     "description": "What the table says for it in the year compared, in DKK (unit: DKK); empty when untied"},
    {"name": "status", "type": "string",
     "description": "agrees, contradicts, uncertain (text read by OCR that differs from its table) or untied"},
    {"name": "sentence", "type": "string", "description": "The sentence"},
]
# Keys that identify a row; used only where the rows of a file are in fact unique by them.
PRIMARY_KEYS = {
    "items.csv": ["year", "table_no", "section_key", "group", "item"],
    "totals.csv": ["year", "table_no", "level", "section_key"],
}


def table_schema(name: str, *, combined: bool = False) -> dict:
    """The Table Schema of one output file, the same for a document's and for DIR/all/'s: every row names its
    PDF (`source_file`), so the files of several documents read as one table. (`combined` is accepted for
    DIR/all/; only its key differs, see `primary_key`.)"""
    fields = {
        "items.csv": _model_fields(Items),
        "totals.csv": _model_fields(ReconciledTotals),
        "findings.csv": FINDING_FIELDS,
        "mentions.csv": MENTION_FIELDS,
    }[name]
    if not any(f["name"] == "source_file" for f in fields):
        fields = [*fields, SOURCE_FILE]
    # Items and totals have no missing values: an empty group or footnote is an empty string; only a row
    # total's year is missing (it is the total over the years).
    missing = [] if name in PRIMARY_KEYS else [""]
    fields = [dict(f, missingValues=[""]) if f["name"] in MAY_BE_MISSING.get(name, ()) else dict(f) for f in fields]
    return {"fields": fields, "missingValues": missing}


# Fields that may be empty in a file whose other fields may not (a key is only used where none of them is).
MAY_BE_MISSING = {"totals.csv": ("year",)}


def primary_key(name: str, *, combined: bool = False) -> list[str]:
    key = PRIMARY_KEYS.get(name, [])
    return [*key, "source_file"] if key and combined else list(key)
