"""`run --db URL`: each document loaded into SQLite and into a real PostgreSQL server, replaced whole by its sha256."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

sa = pytest.importorskip("sqlalchemy", reason="the test extra installs the db extra")

from projektpulje.cli import main  # noqa: E402
from projektpulje.outputs.database import database_url  # noqa: E402

from .conftest import SAMPLE_2021, SAMPLES  # noqa: E402
from .test_renamed_areas import readme_sql  # noqa: E402

SAMPLE_2023 = SAMPLES / "udmoentning-af-projektpuljen-2023.pdf"


@pytest.fixture(scope="module")
def loaded(database, tmp_path_factory):
    """The 2021 sample loaded twice, the 2023 one once."""
    out = tmp_path_factory.mktemp("out")
    for pdf in (SAMPLE_2021, SAMPLE_2021, SAMPLE_2023):
        assert main(["run", str(pdf), "--out", str(out), "-q", "--db", database]) in (0, 1)
    engine = sa.create_engine(database_url(database))
    yield engine, out
    engine.dispose()


def csv_rows(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def count(engine, sql: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text(sql)).scalar_one()


def test_the_same_pdf_twice_never_duplicates_and_another_edition_adds(loaded):
    engine, out = loaded
    assert count(engine, "SELECT COUNT(*) FROM documents") == 2
    for name in ("items", "totals", "findings", "mentions"):
        expected = sum(len(csv_rows(out / pdf.stem / f"{name}.csv")) for pdf in (SAMPLE_2021, SAMPLE_2023))
        assert count(engine, f"SELECT COUNT(*) FROM {name}") == expected, name
    assert count(engine, "SELECT COUNT(*) FROM items") == 49 + 78
    assert count(engine, "SELECT COUNT(*) FROM findings") == 1


def test_documents_say_what_they_are_and_what_read_them(loaded):
    engine, _ = loaded
    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT file_name, year, title, tool_version, extractors FROM documents ORDER BY year")).all()
    assert [tuple(r) for r in rows] == [
        (SAMPLE_2021.name, 2021, "Udmøntning af projektpuljen 2021", "0.1.0", "pdfium"),
        (SAMPLE_2023.name, 2023, "Udmøntning af projektpuljen 2023", "0.1.0", "pdfium"),
    ]


def test_amounts_are_typed_and_a_query_sums_each_year(loaded):
    engine, out = loaded
    with engine.connect() as connection:
        sums = dict(connection.execute(sa.text(
            "SELECT d.year, SUM(i.amount_dkk) FROM items i JOIN documents d ON d.sha256 = i.document_sha256 "
            "WHERE i.year = d.year GROUP BY d.year ORDER BY d.year")).all())
        finding = connection.execute(sa.text("SELECT stated, computed, unit, root_cause FROM findings")).one()
        tkr = connection.execute(sa.text("SELECT amount_tkr FROM items WHERE amount_tkr < 1 ORDER BY 1")).scalars().all()
        yoy = connection.execute(sa.text(readme_sql())).all()
    for pdf in (SAMPLE_2021, SAMPLE_2023):
        rows = csv_rows(out / pdf.stem / "items.csv")
        year = min(int(r["year"]) for r in rows)
        assert sums[year] == sum(int(r["amount_dkk"]) for r in rows if int(r["year"]) == year)
    assert sums[2021] == 24337000
    assert (Decimal(finding[0]), Decimal(finding[1]), finding[2], bool(finding[3])) == (
        Decimal(537000), Decimal(587000), "DKK", True)
    assert all(Decimal(str(value)) == Decimal(str(value)).quantize(Decimal("0.001")) for value in tkr)
    assert {row[0] for row in yoy} == {2021, 2023}
    assert sum(row[2] for row in yoy if row[0] == 2021) == sums[2021]


def test_a_database_that_cannot_be_reached_is_refused_before_any_work(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'x.db'}"
    assert main(["run", str(SAMPLE_2021), "--out", str(tmp_path / "out"), "--db", url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"projektpulje: error: --db {url}: cannot be used (")
    assert err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_document_that_fails_to_load_leaves_the_database_as_it_was(loaded, monkeypatch):
    from projektpulje.outputs import database

    engine, out = loaded
    folder = out / SAMPLE_2021.stem
    before = {name: count(engine, f"SELECT COUNT(*) FROM {name}") for name in ("documents", "items", "mentions")}
    rows = database.folder_rows

    def twice_numbered(folder, name):  # the same row number twice breaks the key, after items went in
        found = rows(folder, name)
        return [*found, found[0]] if name == "mentions" else found

    monkeypatch.setattr(database, "folder_rows", twice_numbered)
    with pytest.raises(database.DatabaseError) as error:
        database.load_folder(engine, folder)
    assert str(error.value).startswith(f"{folder.name}: not loaded into ")
    assert str(error.value).endswith("; the database is as it was before this document")
    assert {name: count(engine, f"SELECT COUNT(*) FROM {name}") for name in before} == before


def test_a_pdf_taken_for_the_url_is_refused(tmp_path, capsys):
    assert main(["run", "--db", str(SAMPLE_2021), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr() == ("", f"projektpulje: error: --db {SAMPLE_2021}: not a database URL "
                                       "(sqlite:///file.db, postgresql://user@host/name)\n")


def test_a_database_made_before_a_column_was_added_is_refused_before_any_work(tmp_path, capsys):
    import sqlalchemy as sa

    from projektpulje.outputs.database import open_database

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_database(url).begin() as connection:  # as an earlier projektpulje made it: totals without source_file
        connection.execute(sa.text("ALTER TABLE totals DROP COLUMN source_file"))
    assert main(["run", str(SAMPLE_2021), "--out", str(tmp_path / "out"), "--db", url]) == 2
    assert capsys.readouterr() == ("", f"projektpulje: error: --db {url}: its totals table has no column source_file "
                                       "(made by an earlier projektpulje); load into a new database, or add the column\n")
    assert not (tmp_path / "out").exists()
