"""Reconciliation findings and their root causes; prose mentions and when they count as contradictions."""

from decimal import Decimal
from pathlib import Path

import pytest

from projektpulje.budget.narrative import AMOUNT, mention_status, printed_to_dkk, table_to_candidates, text_to_sentences
from projektpulje.budget.normalise import Item, NormalisedTable
from projektpulje.schemas.reconcile import totals_to_findings


def totals(rows):
    columns = ["year", "table_no", "area", "level", "section", "section_key", "stated_tkr", "computed_tkr",
               "difference_tkr", "status", "page", "label"]
    decimals = {"stated_tkr", "computed_tkr", "difference_tkr"}
    return [{c: Decimal(v) if c in decimals else v for c, v in zip(columns, row)} for row in rows]


def test_a_total_that_follows_a_wrong_subtotal_is_not_a_root_cause():
    frame = totals([
        (2021, 1, "Mobilitet", "section", "Tilskudsmidler", "tilskudsmidler", 1600, 1500, 100, "mismatch", 1,
         "Tilskudsmidler i alt"),
        (2021, 1, "Mobilitet", "section", "Udviklingsmidler", "udviklingsmidler", 500, 500, 0, "ok", 1,
         "Udviklingsmidler i alt"),
        (2021, 1, "Mobilitet", "table", "", "", 2100, 2000, 100, "mismatch", 1, "Total"),
    ])
    found = [(f["kind"], f["root_cause"]) for f in totals_to_findings(frame)]
    assert found == [("subtotal_mismatch", True), ("total_mismatch", False)]
    assert totals_to_findings(frame)[1]["message"].endswith("so it follows from 'Tilskudsmidler i alt'")


def test_a_total_wrong_on_its_own_is_a_root_cause():
    frame = totals([
        (2021, 6, "Klima", "section", "Udviklingsmidler", "udviklingsmidler", 2100, 2100, 0, "ok", 6,
         "Udviklingsmidler i alt"),
        (2021, 6, "Klima", "table", "", "", 2150, 2100, 50, "mismatch", 6, "Total"),
    ])
    (finding,) = totals_to_findings(frame)
    assert (finding["kind"], finding["root_cause"], finding["difference"]) == ("total_mismatch", True, Decimal(50))


def _table():
    def item(label, amount, group=""):
        return Item(2021, 5, "Bæredygtighed", "Udviklingsmidler", "udviklingsmidler", group, label, "", "",
                    Decimal(amount), amount * 1000, 4, "x.pdf")
    items = (item("LIFE IP ansøgning", 200), item("DK 2020 projektet", 587, "Energi og klima"),
             item("Data og analyse", 50, "Energi og klima"))
    return NormalisedTable(5, "Bæredygtighed", "1.000 kr.", (2021,), items, ())


def _status(sentence):
    m = AMOUNT.search(sentence)
    return mention_status(printed_to_dkk(m["number"], m["fraction"], m["unit"]), sentence, m.start(),
                          table_to_candidates(_table()))[0]


def test_an_allocation_naming_one_line_with_another_amount_contradicts():
    assert _status("Der afsættes således 0,537 mio. kr. af udviklingsmidlerne til projektet.") == "contradicts"
    assert _status("Der afsættes således 0,587 mio. kr. af udviklingsmidlerne til projektet.") == "agrees"


def test_a_group_is_compared_with_the_sum_of_its_lines():
    assert _status("Der afsættes 0,637 mio. kr. til energi og klima.") == "agrees"


def test_caps_other_verbs_and_unnamed_lines_are_left_untied():
    assert _status("Kommuner kan søge om tilskud på op til 100.000 kr. til projektet, der afsættes.") == "untied"
    assert _status("Hver krone investeret i projektet giver en gevinst på 3,08 kr.") == "untied"
    assert _status("Der afsættes 1,25 mio. kr. af midlerne til bæredygtighed.") == "untied"


def test_a_differing_amount_contradicts_only_a_line_the_sentence_surely_names():
    def item(label, amount, group=""):
        return Item(2020, 2, "Grøn omstilling", "Tilskudsmidler", "tilskudsmidler", group, label, "", "",
                    Decimal(amount), amount * 1000, 1, "x.pdf")
    table = NormalisedTable(2, "Grøn omstilling", "1.000 kr.", (2020,),
                            (item("Pulje til elektrificering af busser", 225), item("Drift af datainfrastruktur", 175)),
                            ())

    def status(sentence):
        m = AMOUNT.search(sentence)
        return mention_status(printed_to_dkk(m["number"], m["fraction"], m["unit"]), sentence, m.start(),
                              table_to_candidates(table))[0]

    # one word of three in common ("pulje"), and the line the sentence names is not among the table's lines
    assert status("Der afsættes 0,975 mio. kr. til pulje til sundhedsdata.") == "untied"
    assert status("Der afsættes 0,225 mio. kr. til pulje til sundhedsdata.") == "agrees"  # the amount bears it out
    assert status("Der afsættes 0,3 mio. kr. til en pulje til elektrificering af busser.") == "contradicts"


def test_a_sentence_naming_a_group_and_one_of_its_lines_contradicts_neither():
    def item(label, amount, group):
        return Item(2027, 2, "Kultur", "Puljemidler", "puljemidler", group, label, "", "",
                    Decimal(amount), amount * 1000, 1, "x.pdf")
    group = "Kortlægning af erhvervsturisme i samarbejde med"
    table = NormalisedTable(2, "Kultur", "1.000 kr.", (2027,),
                            (item("Business Region Aarhus", 350, group), item("Analyse af data", 1075, group)), ())
    sentence = "Der afsættes 0,4 mio. kr. til kortlægning af erhvervsturisme i samarbejde med Business Region Aarhus."
    m = AMOUNT.search(sentence)
    found = mention_status(printed_to_dkk(m["number"], m["fraction"], m["unit"]), sentence, m.start(),
                           table_to_candidates(table))
    assert found[0] == "untied" and found[2] is None
    alone = NormalisedTable(2, "Kultur", "1.000 kr.", (2027,), (item("Business Region Aarhus", 350, group),), ())
    found = mention_status(printed_to_dkk(m["number"], m["fraction"], m["unit"]), sentence, m.start(),
                           table_to_candidates(alone))  # a group of one line is that line: no doubt which
    assert found[:3] == ("contradicts", group, 350_000)


def _three_years():
    def item(label, year, amount, group=""):
        return Item(year, 7, "Arbejdskraft", "Udviklingsmidler", "udviklingsmidler", group, label, "", "",
                    Decimal(amount), amount * 1000, 6, "x.pdf")
    years = (2024, 2025, 2026)
    items = (*(item("Evaluering af puljen", y, a, "Den administrative pulje") for y, a in zip(years, (725, 700, 650))),
             *(item("Omprioriteret til Mobilitet", y, -150) for y in years),
             *(item("Konference om kompetencer", y, a) for y, a in zip(years, (0, 275, 0))))
    return NormalisedTable(7, "Arbejdskraft", "1.000 kr.", years, items, ())


def _tie(sentence):
    m = AMOUNT.search(sentence)
    table = _three_years()
    return mention_status(printed_to_dkk(m["number"], m["fraction"], m["unit"]), sentence, m.start(),
                          table_to_candidates(table), years=table.years)


def test_a_line_of_several_years_is_one_candidate_with_its_amount_in_each():
    (line, *_) = table_to_candidates(_three_years())
    assert (line.label, line.amounts_dkk) == (
        "Evaluering af puljen", ((2024, 725_000), (2025, 700_000), (2026, 650_000)))
    assert len(table_to_candidates(_three_years())) == 4  # three lines and one group, each once


def test_a_mention_is_compared_with_the_years_its_sentence_names_and_by_size_not_sign():
    assert _tie("Fra 2025 omprioriteres 0,15 mio. kr. årligt til mobilitet.") == (
        "agrees", "Omprioriteret til Mobilitet", -150_000, 2025)
    assert _tie("Der afsættes 0,7 mio. kr. i 2025 til evaluering af puljen.") == (
        "agrees", "Evaluering af puljen", 700_000, 2025)
    assert _tie("Der afsættes 0,7 mio. kr. i 2026 til evaluering af puljen.") == (
        "contradicts", "Evaluering af puljen", 650_000, 2026)
    assert _tie("I perioden 2025-2026 afsættes 0,275 mio. kr. til en konference om kompetencer.") == (
        "agrees", "Konference om kompetencer", 275_000, 2025)
    assert _tie("Der afsættes 0,8 mio. kr. til evaluering af puljen.") == (
        "contradicts", "Evaluering af puljen", 725_000, 2024)  # no year named: each year is compared
    assert _tie("Der afsættes 0,65 mio. kr. til evaluering af puljen.")[0] == "agrees"


def test_a_contradicting_mention_is_a_finding_with_the_tables_amount_and_year():
    from projektpulje.audit.findings import mentions_to_findings
    from projektpulje.budget.narrative import prose_to_mentions
    from projektpulje.extract import TextLine

    lines = [TextLine("Der afsættes 0,7 mio. kr. i 2026 til evaluering af puljen.", 6, (0, 0, 100, 10), 10.0)]
    (mention,) = prose_to_mentions(lines, _three_years())
    (finding,) = mentions_to_findings([mention], year=2024)
    assert (finding["year"], finding["stated"], finding["computed"]) == (2026, 700_000, 650_000)


def test_prose_read_by_ocr_that_differs_from_its_table_is_uncertain_not_a_contradiction():
    from projektpulje.audit.findings import mentions_to_findings
    from projektpulje.budget.narrative import mentions_read_by_ocr, prose_to_mentions
    from projektpulje.extract import TextLine

    lines = [TextLine("Der afsættes 0,7 mio. kr. i 2026 til evaluering af puljen. Der afsættes 0,65 mio. kr. i 2026 "
                      "til evaluering af puljen.", 6, (0, 0, 100, 10), 10.0)]
    differs, agrees = mentions_read_by_ocr(prose_to_mentions(lines, _three_years()))
    assert (differs.status, agrees.status) == ("uncertain", "agrees")
    (finding,) = mentions_to_findings([differs, agrees], year=2024)
    assert (finding["kind"], finding["stated"], finding["computed"], finding["year"]) == (
        "narrative_uncertain", 700_000, 650_000, 2026)
    assert finding["message"].startswith("the text, as read by OCR, seems to say 0,7 mio. kr. for 'Evaluering af puljen'")
    assert finding["message"].endswith("either may be misread: compare with the page")


def test_with_ocr_the_lines_no_stated_sum_checks_are_named():
    from projektpulje.audit.findings import unchecked_to_findings
    from projektpulje.budget.normalise import StatedTotal

    table = _three_years()
    assert len(unchecked_to_findings([table])) == 3  # no subtotal, no Total: each year's lines unchecked
    total = [StatedTotal(y, 7, "Arbejdskraft", "table", "", "", Decimal(0), 6, "x.pdf", "Total") for y in table.years]
    checked = NormalisedTable(7, "Arbejdskraft", "1.000 kr.", table.years, table.items, tuple(total[:2]))
    (row,) = unchecked_to_findings([checked])
    assert (row["kind"], row["year"], row["table_no"], row["page"]) == ("unchecked_lines", 2026, 7, 6)
    assert row["message"].startswith("table 7: 3 lines of 'Udviklingsmidler' are checked by no stated subtotal or Total")


def test_sentences_do_not_end_after_abbreviations():
    text = "Der afsættes 2 mio. kr. i 2021 til f.eks. Danish Life Science Cluster. Et nyt punkt."
    assert [s for _, s in text_to_sentences(text)] == [
        "Der afsættes 2 mio. kr. i 2021 til f.eks. Danish Life Science Cluster.", "Et nyt punkt."]


def test_tables_with_the_same_number_are_reconciled_each_against_its_own_rows():
    from projektpulje.budget.normalise import StatedTotal
    from projektpulje.stages.analysis import reconcile_tables

    def table(amount, total):
        items = (Item(2021, 6, "Klima", "Udviklingsmidler", "udviklingsmidler", "", "Analyser", "", "",
                      Decimal(amount), amount * 1000, 1, "x.pdf"),)
        totals = (StatedTotal(2021, 6, "Klima", "table", "", "", Decimal(total), 1, "x.pdf", "Total"),)
        return NormalisedTable(6, "Klima", "1.000 kr.", (2021,), items, totals)

    items, per_table = reconcile_tables([table(500, 500), table(400, 450)])
    assert len(items) == 2
    assert [(t[0]["computed_tkr"], t[0]["status"]) for t in per_table] == [
        (Decimal(500), "ok"), (Decimal(400), "mismatch")]


def test_every_kind_of_finding_is_declared_once_and_documented():
    from projektpulje.schemas.findings import FINDING_COLUMNS, KINDS, finding
    from projektpulje.schemas.package import FINDING_FIELDS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert [f"`{kind.name}`" in readme for kind in KINDS] == [True] * len(KINDS)
    assert [field["name"] for field in FINDING_FIELDS] == FINDING_COLUMNS
    assert list(finding("total_mismatch", "m", stated=Decimal(5), computed=Decimal(3))) == FINDING_COLUMNS
    with pytest.raises(ValueError, match="unknown kind of finding 'total_mismatch_typo'"):
        finding("total_mismatch_typo", "m")
