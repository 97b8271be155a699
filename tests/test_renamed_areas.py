"""Year over year across a renamed area (Mobilitet → Mobilitet og infrastruktur): what `compare` knows, in
area-names.csv, in the frames' attrs and in the database's area_names table; README's SQL and pandas recipe,
run as written, follow the area into its new name (SQLite and a PostgreSQL server)."""

from __future__ import annotations

import os
import re

import pytest

from projektpulje.cli import main

from .conftest import ROOT, SAMPLE_2021, SAMPLES
from .helpers import read_rows

sa = pytest.importorskip("sqlalchemy", reason="the test extra installs the db extra")

SAMPLE_2022 = SAMPLES / "udmoentning-af-projektpuljen-2022.pdf"
OLD_NAME, NEW_NAME = "Mobilitet", "Mobilitet og infrastruktur"


def readme_sql() -> str:
    (block,) = [b for b in re.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
                if "per_year" in b]
    return block.strip().rstrip(";")


def readme_python(containing: str) -> str:
    (block,) = [b for b in re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
                if containing in b]
    return block


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """README's folder: output/ with the 2021 and 2022 editions, and what compare wrote in it."""
    where = tmp_path_factory.mktemp("renamed")
    out = where / "output"
    assert main(["run", str(SAMPLE_2021), str(SAMPLE_2022), "--out", str(out), "-q"]) == 1
    assert main(["compare", str(out / SAMPLE_2021.stem), str(out / SAMPLE_2022.stem), "--out", str(out)]) == 0
    return where


def test_compare_writes_what_it_knows_of_renamed_areas(editions):
    rows = read_rows(editions / "output" / "area-names.csv")
    assert rows == [{"name": OLD_NAME, "area": NEW_NAME, "old_year": "2021", "new_year": "2022"}]


def test_readme_sql_follows_a_renamed_area(editions, database, capsys):
    out = editions / "output"
    for pdf in (SAMPLE_2021, SAMPLE_2022):
        assert main(["run", str(pdf), "--out", str(out), "-q", "--db", database]) in (0, 1)
    engine = sa.create_engine(database.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        before = connection.execute(sa.text(readme_sql())).all()
    capsys.readouterr()
    assert main(["compare", str(out / SAMPLE_2021.stem), str(out / SAMPLE_2022.stem), "--out", str(out),
                 "--db", database]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("db: 1 renamed area -> ")
    with engine.connect() as connection:
        after = connection.execute(sa.text(readme_sql())).all()
    engine.dispose()
    assert {r[1] for r in before} >= {OLD_NAME, NEW_NAME}  # without compare's knowledge: two areas
    renamed = [tuple(r) for r in after if r[1] == NEW_NAME]
    assert OLD_NAME not in {r[1] for r in after}
    assert [r[0] for r in renamed] == [2021, 2022]
    kroner = {y: sum(int(r["amount_dkk"]) for r in read_rows(out / pdf.stem / "items.csv")
                     if r["area"] in (OLD_NAME, NEW_NAME) and int(r["year"]) == y)
              for y, pdf in ((2021, SAMPLE_2021), (2022, SAMPLE_2022))}
    assert [r[2] for r in renamed] == [kroner[2021], kroner[2022]]
    assert renamed[1][3] == kroner[2022] - kroner[2021]  # the change is the area's, across its rename
    assert sum(r[2] for r in after) == sum(r[2] for r in before)


def test_a_chain_of_renames_points_every_earlier_name_at_the_newest(tmp_path):
    from projektpulje.outputs.database import load_area_names, open_database

    engine = open_database(f"sqlite:///{tmp_path / 'chain.db'}")
    load_area_names(engine, [{"name": "A", "area": "B", "old_year": 2021, "new_year": 2022}])
    load_area_names(engine, [{"name": "B", "area": "C", "old_year": 2022, "new_year": 2023}])
    with engine.connect() as connection:
        names = dict(connection.execute(sa.text("SELECT name, area FROM area_names")).all())
    assert names == {"A": "C", "B": "C"}
    load_area_names(engine, [{"name": "C", "area": "A", "old_year": 2023, "new_year": 2024}])  # back to the first
    with engine.connect() as connection:
        names = dict(connection.execute(sa.text("SELECT name, area FROM area_names")).all())
    engine.dispose()
    assert names == {"B": "A", "C": "A"}


def test_readme_frames_recipe_follows_a_renamed_area(editions):
    before = os.getcwd()
    os.chdir(editions)
    try:
        names: dict = {}
        exec(readme_python('items["area"].replace(changes.attrs["renamed_areas"])'), names)  # noqa: S102
    finally:
        os.chdir(before)
    per_area = names["per_area"]
    assert OLD_NAME not in per_area.index.get_level_values("area")
    assert sorted(per_area.loc[NEW_NAME].index) == [2021, 2022]


def test_projektpulje_compare_stays_the_function_once_the_comparison_module_is_loaded(editions):
    import importlib

    import projektpulje

    importlib.import_module("projektpulje.compare")  # what the command and compare() itself load
    out = editions / "output"
    for _ in range(2):
        changes = projektpulje.compare(out / SAMPLE_2021.stem, out / SAMPLE_2022.stem)
        assert changes.attrs["renamed_areas"] == {OLD_NAME: NEW_NAME}
