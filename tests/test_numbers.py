from decimal import Decimal

import pytest

from projektpulje.budget.numbers import NumberFormatError, decimal_to_text, parse_danish_number, split_marker


@pytest.mark.parametrize(
    "text, expected",
    [
        ("500", Decimal(500)),
        ("1.000", Decimal(1000)),
        ("24.337", Decimal(24337)),
        ("1.234.567", Decimal(1234567)),
        ("0,663", Decimal("0.663")),
        ("1.250,5", Decimal("1250.5")),
        ("0", Decimal(0)),
        ("-", Decimal(0)),
        ("–", Decimal(0)),
        ("÷50", Decimal(-50)),
        ("-1.500", Decimal(-1500)),
        (" 2.500 ", Decimal(2500)),
    ],
)
def test_danish_numbers_parse_exactly(text, expected):
    assert parse_danish_number(text) == expected


@pytest.mark.parametrize("text", ["1,000.50", "1.00", "1..000", "12.34", "abc", "", "1 000 kr", "2,5 mio", "1.000,"])
def test_anything_else_is_refused(text):
    with pytest.raises(NumberFormatError, match="is not a Danish number"):
        parse_danish_number(text)


@pytest.mark.parametrize(
    "text, expected",
    [("0*", ("0", "*")), ("Euroskills*", ("Euroskills", "*")), ("DK 2020 projektet*", ("DK 2020 projektet", "*")),
     ("Note**", ("Note", "**")), ("500", ("500", "")), ("Total", ("Total", ""))],
)
def test_footnote_markers_come_off(text, expected):
    assert split_marker(text) == expected


@pytest.mark.parametrize(
    "value, text",
    [(Decimal("1500"), "1500"), (Decimal("2500.0"), "2500"), (Decimal("0.663"), "0.663"), (Decimal("-2.50"), "-2.5"),
     (Decimal("0E+3"), "0"), (Decimal("1E+3"), "1000")],
)
def test_decimals_are_written_plainly(value, text):
    assert decimal_to_text(value) == text


@pytest.mark.parametrize(
    "text, expected",
    [("(250)", "-250"), ("÷ 250", "-250"), ("÷250", "-250"), ("\u2212250", "-250"), ("-250", "-250"),
     ("1\u202f200", "1200"), ("1\u00a0200,5", "1200.5"), ("12,5", "12.5")],
)
def test_every_notation_of_a_danish_budget_amount(text, expected):
    assert parse_danish_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text, expected",
    [("250¹", ("250", "¹")), ("Skills-konkurrencer 1)", ("Skills-konkurrencer", "1)")), ("(250)", ("(250)", "")),
     ("Studiejob²", ("Studiejob", "²")), ("Euroskills**", ("Euroskills", "**")), ("Fase 12", ("Fase 12", ""))],
)
def test_footnote_markers_on_labels_and_amounts(text, expected):
    assert split_marker(text) == expected
