"""Readings chosen by the document's own sums (audit/readings.py): a table whose first reading fails its
stated totals, or could not be read, takes another reading of its region only when that one holds."""

import dataclasses
from decimal import Decimal

import pytest

from projektpulje.audit.readings import choose_readings, failing_regions, other_extractor, table_reconciles
from projektpulje.budget.accounting import NotRead
from projektpulje.settings import RunSettings
from projektpulje.stages.reading import SECOND_READERS, read_accounting, read_document

from tests.conftest import SAMPLE_2021

NAMES = ("pdfium", "camelot")


@pytest.fixture(scope="module")
def read():
    return read_accounting(SAMPLE_2021, settings=RunSettings(), extractor="pdfium")[1]


def with_first_item_off(table, by=Decimal(1)):
    """The table as a reading that misread its first line's amount by `by` (1.000 kr.)."""
    first, *rest = table.items
    return dataclasses.replace(table, items=(dataclasses.replace(first, amount_tkr=first.amount_tkr + by), *rest))


def with_table(accounting, index, table):
    tables = list(accounting.tables)
    tables[index] = table
    return dataclasses.replace(accounting, tables=tuple(tables))


def test_every_table_of_the_sample_reconciles_so_nothing_is_read_again(read):
    assert all(table_reconciles(t) for t in read.tables)
    assert failing_regions(read) == {}
    assert choose_readings(read, read, names=NAMES) == (read, ())


def test_a_table_that_fails_its_sums_takes_the_reading_that_holds(read):
    first = with_table(read, 2, with_first_item_off(read.tables[2]))
    assert not table_reconciles(first.tables[2])
    region = (read.raws[2].page, read.raws[2].index)
    assert failing_regions(first) == {region: "does not reconcile with its stated totals"}
    chosen, choices = choose_readings(first, read, names=NAMES)
    assert chosen.tables == read.tables
    [choice] = choices
    assert (choice.page, choice.table_no, choice.taken, choice.first) == (
        read.raws[2].page, read.tables[2].table_no, "camelot", "pdfium")
    assert choice.describe().endswith("read as camelot reads it, since pdfium's reading does not reconcile "
                                      "with its stated totals")


def test_no_reading_is_taken_when_the_other_fails_too(read):
    first = with_table(read, 2, with_first_item_off(read.tables[2]))
    other = with_table(read, 2, with_first_item_off(read.tables[2], by=Decimal(2)))
    assert choose_readings(first, other, names=NAMES) == (first, ())


def test_a_reading_that_reads_fewer_printed_amounts_is_not_taken(read):
    first = with_table(read, 2, with_first_item_off(read.tables[2]))
    raws = list(read.raws)
    raws[2] = dataclasses.replace(raws[2], rows=raws[2].rows[:-1])  # a line fewer: fewer amounts printed
    assert choose_readings(first, dataclasses.replace(read, raws=tuple(raws)), names=NAMES) == (first, ())


def test_a_table_that_could_not_be_read_takes_a_reading_that_reads_it(read):
    raw, table = read.raws[3], read.tables[3]
    unread = NotRead(raw.source, raw.page, raw.caption, "a cell is no number", 12, True,
                     table_no=table.table_no, region=(raw.page, raw.index))
    first = dataclasses.replace(
        read, raws=read.raws[:3] + read.raws[4:], tables=read.tables[:3] + read.tables[4:], not_read=(unread,))
    assert first.amounts_printed == read.amounts_printed - sum(1 for r in raw.rows for v in r.values if v.strip()) + 12
    chosen, [choice] = choose_readings(first, read, names=NAMES)
    assert chosen.tables == read.tables and chosen.raws == read.raws and chosen.not_read == ()
    assert choice.because == "could not be read (a cell is no number)"


def test_the_second_reading_is_the_extractor_that_reads_cells_its_own_way():
    assert other_extractor("pdfium", SECOND_READERS) == "camelot"
    assert other_extractor("pdfplumber", SECOND_READERS) == "camelot"
    assert other_extractor("camelot", SECOND_READERS) == "pdfium"


def test_a_document_whose_readings_hold_is_read_once(monkeypatch):
    calls = []
    import projektpulje.stages.reading as reading

    real = reading.read_accounting
    monkeypatch.setattr(reading, "read_accounting", lambda *a, **k: calls.append(k["extractor"]) or real(*a, **k))
    assert read_document(SAMPLE_2021, settings=RunSettings()).choices == ()
    assert calls == ["pdfium"]


def test_the_reading_taken_is_said_in_the_provenance(read):
    from projektpulje.outputs.provenance import provenance

    first = with_table(read, 2, with_first_item_off(read.tables[2]))
    _, choices = choose_readings(first, read, names=NAMES)
    made = provenance(RunSettings(), choices=choices)
    assert made["readings"] == [{"page": read.raws[2].page, "table_no": read.tables[2].table_no, "taken": "camelot",
                                 "first": "pdfium", "because": "does not reconcile with its stated totals"}]
    assert "readings" not in provenance(RunSettings())
