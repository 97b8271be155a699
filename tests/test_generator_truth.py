"""The document generator's own truth adds up (tests/generator/): every section's rows sum to what its
truth says they sum to, a stated subtotal or Total disagrees only where an error is planted and recorded
as the finding it must give, and a seed always draws the same document."""

from decimal import Decimal

import pytest

from tests.generator import truth_of

SEEDS = range(60)


def amounts(mapping) -> dict[str, Decimal]:
    return {year: Decimal(str(value)) for year, value in mapping.items()}


def planted(truth, scope: str) -> set[tuple]:
    return {(m["table"], m.get("section"), str(m["year"])) for m in truth["expected_audit"]["mismatches"]
            if m["scope"] == scope}


@pytest.mark.parametrize("seed", SEEDS)
def test_each_section_and_table_of_a_seed_adds_up_but_where_an_error_is_planted(seed):
    truth = truth_of(seed)
    for table in truth["tables"]:
        table_sum: dict[str, Decimal] = {}
        for section in table["sections"]:
            rows: dict[str, Decimal] = {}
            for row in section["rows"]:
                for year, value in amounts(row["amounts_tkr"]).items():
                    rows[year] = rows.get(year, Decimal(0)) + value
            computed = amounts(section["computed_subtotal_tkr"])
            assert {y: v for y, v in rows.items() if v} == {y: v for y, v in computed.items() if v}
            for year, value in computed.items():
                table_sum[year] = table_sum.get(year, Decimal(0)) + value
            if section.get("subtotal_printed") and section.get("stated_subtotal_tkr"):
                for year, stated in amounts(section["stated_subtotal_tkr"]).items():
                    wrong = (table["no"], section["name"], year) in planted(truth, "subtotal")
                    assert (stated != computed[year]) == wrong, (table["no"], section["name"], year)
        assert amounts(table["sum_of_rows_tkr"]) == {y: table_sum.get(y, Decimal(0)) for y in table["sum_of_rows_tkr"]}
        for year, stated in amounts(table["stated_total_tkr"]).items():
            disagrees = stated != amounts(table["sum_of_rows_tkr"])[year]
            assert disagrees == (not table["total_agrees_with_rows"][year])
            if disagrees:
                recorded = {(t, y) for t, _, y in planted(truth, "total")} | {
                    (t, y) for t, _, y in planted(truth, "subtotal")}
                assert (table["no"], year) in recorded, (table["no"], year)


def test_a_seed_draws_the_same_document_every_time():
    assert [truth_of(seed) for seed in (0, 7, 41)] == [truth_of(seed) for seed in (0, 7, 41)]


def test_the_seeds_differ_along_the_axes():
    drawn = [truth_of(seed)["axes"] for seed in SEEDS]
    assert len({a["renderer"] for a in drawn}) == 4
    assert len({str(a.get("unit")) for a in drawn}) >= 4
