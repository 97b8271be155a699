"""Output folders → a SQL database through SQLAlchemy (SQLite, PostgreSQL): one row per document in `documents`,
its rows in `items`, `totals`, `findings` and `mentions`, typed from the same Table Schemas as the files.

A document is keyed by its PDF's sha256 and replaced as a whole in one transaction: the same PDF loaded twice
never duplicates; another edition adds.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

from projektpulje.outputs.parquet import DECIMAL_PRECISION, DECIMAL_SCALE
from projektpulje.outputs.typed import typed_rows
from projektpulje.schemas.package import table_schema

TABLES = ("items", "totals", "findings", "mentions")
DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}  # psycopg 3, from the db extra


from projektpulje.errors import DatabaseError  # noqa: E402  (raised here, caught by the command and callers)


def database_url(url: str) -> str:
    """A URL as SQLAlchemy takes it: `postgresql://…` goes through psycopg (3), the driver the db extra installs."""
    scheme, sep, rest = url.partition("://")
    return f"{DRIVERS.get(scheme, scheme)}{sep}{rest}"


def url_without_password(url: str) -> str:
    """`url` as it may be printed: its password, if any, shown as `***` (postgresql://u:***@host/x)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    credentials, at, place = rest.rpartition("@")
    user, colon, _ = credentials.partition(":")
    return f"{scheme}{sep}{user}{colon and ':***'}{at}{place}" if at else url


def _password(url: str) -> str:
    """The password of `scheme://user:password@place`, as typed; empty without one."""
    return url.partition("://")[2].rpartition("@")[0].partition(":")[2]


def _without_secret(text: str, password: str | None) -> str:
    """A driver's message with the password taken out, should it quote it: as typed, as decoded, and each piece
    of it between an "@" or ":" (a driver that splits the URL at the first "@" quotes the rest as the host)."""
    import re
    from urllib.parse import unquote

    secrets = {password or "", unquote(password or "")}
    secrets |= {piece for secret in set(secrets) for piece in re.split(r"[@:]", secret)}
    for secret in sorted(secrets - {""}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def _column_type(field: Mapping):
    import sqlalchemy as sa

    return {
        "integer": sa.BigInteger(), "boolean": sa.Boolean(),
        "number": sa.Numeric(DECIMAL_PRECISION, DECIMAL_SCALE, asdecimal=True),
    }.get(field["type"], sa.Text())


def schema_metadata():
    """The tables, with keys: documents by sha256; every other table by (document, row number)."""
    import sqlalchemy as sa

    metadata = sa.MetaData()
    sa.Table(
        "documents", metadata,
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("year", sa.Integer),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("tool_version", sa.Text, nullable=False),
        sa.Column("options", sa.Text, nullable=False, comment="the run's options, as JSON"),
        sa.Column("extractors", sa.Text, nullable=False),
        sa.Column("cross_check", sa.Text, nullable=False, comment="the cross-check's verdict, empty without one"),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(  # what `compare --db` knows: each earlier name of an area, and the area's latest name
        "area_names", metadata,
        sa.Column("name", sa.Text, primary_key=True, comment="a name the area went by in an earlier edition"),
        sa.Column("area", sa.Text, nullable=False, comment="its name in the latest edition compared"),
        sa.Column("old_year", sa.Integer), sa.Column("new_year", sa.Integer),
    )
    for name in TABLES:
        fields = table_schema(f"{name}.csv")["fields"]
        sa.Table(
            name, metadata,
            sa.Column("document_sha256", sa.String(64), sa.ForeignKey("documents.sha256", ondelete="CASCADE"),
                      primary_key=True),
            sa.Column("row_no", sa.Integer, primary_key=True, autoincrement=False, comment="1-based, as in the file"),
            *(sa.Column(f["name"], _column_type(f), comment=f.get("description") or None) for f in fields),
        )
    return metadata


def open_database(url: str):
    """An engine on `url` with the tables made; DatabaseError when it cannot be reached or written."""
    import warnings

    import sqlalchemy as sa

    if "://" not in url:  # e.g. `--db report.pdf`: a PDF taken for the URL
        raise DatabaseError(f"--db {url_without_password(url)}: not a database URL (sqlite:///file.db, "
                            "postgresql://user@host/name)")
    try:
        engine = sa.create_engine(database_url(url))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", sa.exc.SAWarning)
            schema_metadata().create_all(engine)
        missing = missing_columns(engine)
    except (sa.exc.SQLAlchemyError, ImportError, ValueError) as error:
        reason = getattr(error, "orig", None) or error
        said = _without_secret(str(reason).strip().splitlines()[0], _password(url))
        raise DatabaseError(f"--db {url_without_password(url)}: cannot be used ({said})") from None
    if missing:
        table, column = missing[0]
        raise DatabaseError(f"--db {url_without_password(url)}: its {table} table has no column {column} (made by an "
                            "earlier projektpulje); load into a new database, or add the column")
    return engine


def missing_columns(engine) -> list[tuple[str, str]]:
    """(table, column) of every column the tables need that a database made before lacks: create_all makes only
    the tables that are not there."""
    import sqlalchemy as sa

    inspector = sa.inspect(engine)
    return [(table.name, column.name) for table in schema_metadata().sorted_tables
            for column in table.columns if column.name not in {c["name"] for c in inspector.get_columns(table.name)}]


def folder_rows(folder: Path, name: str) -> list[dict]:
    """The rows of one output file of a document's folder, typed by its Table Schema, numbered from 1."""
    rows = typed_rows((folder / f"{name}.csv").read_bytes(), f"{name}.csv")
    return [{"row_no": number, **row} for number, row in enumerate(rows, start=1)]


def document_row(package: Mapping) -> dict:
    """The documents row of a folder, from its datapackage.json."""
    made = package.get("projektpulje", {})
    source = package["sources"][0]
    title = package.get("title", "").removesuffix(f" ({source['title']})")
    return {
        "sha256": source["sha256"], "file_name": source["title"], "year": package.get("year"), "title": title,
        "tool_version": made.get("version", ""), "options": json.dumps(made.get("options", {}), sort_keys=True),
        "extractors": ", ".join(made.get("extractors", [])), "cross_check": made.get("cross_check", ""),
        "read_at": datetime.now(timezone.utc),
    }


def load_folder(engine, folder: Path) -> str:
    """Replace the document of an output folder in the database, in one transaction; its sha256."""
    import sqlalchemy as sa

    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    document = document_row(package)
    metadata = schema_metadata()
    key = document["sha256"]
    rows = {name: folder_rows(folder, name) for name in TABLES}
    try:
        _replace(engine, metadata, document, rows)
    except sa.exc.SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        reason = _without_secret(reason, engine.url.password)
        raise DatabaseError(f"{folder.name}: not loaded into {shown_url(engine)} ({reason}); "
                            "the database is as it was before this document") from None
    return key


def _replace(engine, metadata, document: dict, rows: Mapping[str, list[dict]]) -> None:
    """One document's rows in place of those it had, in one transaction."""
    import sqlalchemy as sa

    key = document["sha256"]
    with engine.begin() as connection:
        for name in TABLES:  # children first: SQLite does not cascade unless asked to
            table = metadata.tables[name]
            connection.execute(sa.delete(table).where(table.c.document_sha256 == key))
        documents = metadata.tables["documents"]
        connection.execute(sa.delete(documents).where(documents.c.sha256 == key))
        connection.execute(sa.insert(documents), [document])
        for name in TABLES:
            if rows[name]:
                connection.execute(sa.insert(metadata.tables[name]), [{"document_sha256": key, **r} for r in rows[name]])


def load_area_names(engine, rows: list[Mapping]) -> None:
    """Renamed areas (area-names.csv's rows) into `area_names`, in one transaction, so that a query can follow an
    area across its names: each earlier name points at the latest name, through a chain of renames too (an earlier
    name of an area renamed again points at the newest name; a name in use again is no earlier name)."""
    import sqlalchemy as sa

    table = schema_metadata().tables["area_names"]
    try:
        with engine.begin() as connection:
            for row in rows:
                connection.execute(sa.update(table).where(table.c.area == row["name"]).values(area=row["area"]))
                connection.execute(sa.delete(table).where(table.c.name.in_([row["name"], row["area"]])))
                connection.execute(sa.insert(table), [dict(row)])
    except sa.exc.SQLAlchemyError as error:
        reason = _without_secret(str(getattr(error, "orig", None) or error).strip().splitlines()[0], engine.url.password)
        raise DatabaseError(f"area names not loaded into {shown_url(engine)} ({reason}); "
                            "the database is as it was") from None


def shown_url(engine) -> str:
    """The database's URL without its password, for the console."""
    return engine.url.render_as_string(hide_password=True)
