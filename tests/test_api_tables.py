"""The API's reach: `document.tables` a list of tables with `.df` and an HTML view, a database loaded from Python,
notebook views whose ids are their own."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import projektpulje

from .conftest import SAMPLE_2021, SAMPLES

PLANTED = SAMPLES / "udmoentning-af-projektpuljen-2021-planted-errors.pdf"


@pytest.fixture(scope="module")
def documents():
    return projektpulje.read_pdf(SAMPLE_2021), projektpulje.read_pdf(PLANTED)


def test_tables_are_a_list_whose_tables_have_a_typed_frame_and_an_html_view(documents):
    document, _ = documents
    tables = document.tables
    assert isinstance(tables, list) and len(tables) == tables.n == 7
    assert repr(tables) == "<TableList n=7>" and "<table>" in tables._repr_html_()
    for table in tables:
        frame = table.df
        assert isinstance(frame, pd.DataFrame) and len(frame) == len(table.items)
        assert (frame["table_no"] == table.table_no).all() and (frame["area"] == table.area).all()
        assert frame.dtypes.to_dict() == document.items.dtypes.to_dict()  # typed as items.csv's frame
        assert table.title in table._repr_html_() and "<table" in table._repr_html_()
    combined = pd.concat([t.df for t in tables if not t.overview], ignore_index=True)
    pd.testing.assert_frame_equal(combined, document.items)


def test_a_document_loads_into_a_database_from_python(documents, tmp_path):
    sa = pytest.importorskip("sqlalchemy")
    document, planted = documents
    url = f"sqlite:///{tmp_path / 'budgets.db'}"
    key = document.to_database(url)
    assert document.to_database(url) == key  # the same PDF twice never duplicates
    written = planted.to_folder(tmp_path / "out")
    assert written.is_dir()
    planted_key = planted.to_database(url)
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        documents_rows = connection.execute(sa.text("SELECT sha256, file_name FROM documents ORDER BY file_name")).all()
        items = dict(connection.execute(sa.text(
            "SELECT document_sha256, COUNT(*) FROM items GROUP BY document_sha256")).all())
    engine.dispose()
    assert sorted(tuple(r) for r in documents_rows) == sorted([(key, SAMPLE_2021.name), (planted_key, PLANTED.name)])
    assert items == {key: len(document.items), planted_key: len(planted.items)}
    with pytest.raises(Exception, match=r"^--db nowhere: not a database URL"):
        document.to_database("nowhere")


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_notebook_views_of_several_documents_never_share_an_id(documents):
    first, second = documents
    views = [first._repr_html_(), second._repr_html_(), second._repr_html_()]
    for view in views:
        ids = re.findall(r'\bid="([^"]+)"', view)
        assert len(ids) == len(set(ids))
        styled = set(re.findall(r"#([A-Za-z][\w-]*)", "".join(re.findall(r"<style>(.*?)</style>", view, re.S))))
        assert styled <= _ids(view)  # its filter's rules point at its own ids only
        groups = set(re.findall(r'type="radio" name="([^"]+)"', view))
        assert len(groups) <= 1 and all(g.startswith(next(iter(_ids(view)))[:16]) for g in groups)
    assert not _ids(views[0]) & _ids(views[1]) and not _ids(views[1]) & _ids(views[2])
    assert 'type="radio"' in views[1]  # the planted errors' three findings have a filter
