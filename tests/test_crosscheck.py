from decimal import Decimal

from projektpulje.audit.crosscheck import cells_agreeing, cross_check, verdict
from projektpulje.budget.normalise import Item, NormalisedTable, StatedTotal


def item(label, amount, page=1):
    return Item(2021, 6, "Klima", "Udviklingsmidler", "udviklingsmidler", "", label, "", "", Decimal(amount),
                int(amount) * 1000, page, "x.pdf")


def table(items, total):
    totals = (StatedTotal(2021, 6, "Klima", "table", "", "", Decimal(total), 2, "x.pdf", "Total"),)
    return NormalisedTable(6, "Klima", "1.000 kr.", (2021,), tuple(items), totals)


NAMES = ("pdfplumber", "camelot")


def test_identical_readings_give_no_findings():
    a = table([item("Analyser", 500), item("Formidling", 350)], 850)
    assert cross_check([a], [a], names=NAMES) == []


def test_a_cell_read_differently_is_one_finding_naming_both_readings():
    a = table([item("Analyser", 500), item("Formidling", 350)], 850)
    b = table([item("Analyser", 500), item("Formidling", 35)], 850)
    (finding,) = cross_check([a], [b], names=NAMES)
    assert (finding["kind"], finding["item"], finding["stated"], finding["computed"], finding["difference"]) == (
        "extractor_disagreement", "Formidling", Decimal(350), Decimal(35), Decimal(315))
    assert finding["message"] == "pdfplumber read 'Formidling' = 350, camelot read 'Formidling' = 35 (amount_tkr differ)"


def test_a_line_only_one_extractor_read_and_a_different_total_are_reported():
    a = table([item("Analyser", 500), item("Formidling", 350)], 850)
    b = table([item("Analyser", 500)], 500)
    messages = [f["message"] for f in cross_check([a], [b], names=NAMES)]
    assert messages == [
        "pdfplumber read 'Formidling' = 350; camelot did not read this line",
        "pdfplumber read 'Total' = 850; camelot read it otherwise",
        "camelot read 'Total' = 500; pdfplumber did not",
    ]


def test_a_table_missing_from_the_other_reading_is_reported():
    a = table([item("Analyser", 500)], 500)
    (finding,) = cross_check([a], [], names=NAMES)
    assert finding["message"] == "camelot did not find table 6 (Klima)"


def test_the_verdict_counts_the_amounts_both_read_alike():
    a = table([item("Analyser", 500), item("Formidling", 350)], 850)
    assert verdict(*cells_agreeing([a], [a]), names=NAMES) == "3 of 3 cells agree (pdfplumber, camelot)"
    b = table([item("Analyser", 500), item("Formidling", 35)], 850)
    assert cells_agreeing([a], [b]) == (2, 3)
    assert cells_agreeing([a], [table([item("Analyser", 500)], 500)]) == (1, 3)
    assert cells_agreeing([a], []) == (0, 3)
