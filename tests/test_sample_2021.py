"""The 2021 document, in every bundled rendering and with both extractors: cells, counts and sums.

Expected values are the facts of the published document (Udmøntning af projektpuljen 2021).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import EXTRACTORS, GOLDEN, SAMPLES

RENDERINGS = [
    "udmoentning-af-projektpuljen-2021.pdf",
    "udmoentning-af-projektpuljen-2021-reportlab.pdf",
    "udmoentning-af-projektpuljen-2021-compact.pdf",
]
TABLE_TOTALS = {1: 2000, 2: 600, 3: 1700, 4: 9300, 5: 3537, 6: 2100, 7: 5100}


@pytest.fixture(scope="module", params=[(r, e) for r in RENDERINGS for e in EXTRACTORS], ids=lambda p: f"{p[0]}-{p[1]}")
def run(request, written):
    rendering, extractor = request.param
    return written(SAMPLES / rendering, extractor)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def items(run) -> list[dict[str, str]]:
    return read_rows(run.out_dir / "items.csv")


def totals(run) -> list[dict[str, str]]:
    return read_rows(run.out_dir / "totals.csv")


def test_csvs_equal_the_reviewed_golden_files(run):
    golden = GOLDEN / run.out_dir.name
    for name in ("items.csv", "totals.csv", "findings.csv", "mentions.csv"):
        assert (run.out_dir / name).read_bytes() == (golden / name).read_bytes(), name


def test_seven_tables_49_lines_13_subtotals_7_totals(run):
    assert (len(run.tables), run.lines) == (7, 49)
    levels = [t["level"] for t in totals(run)]
    assert (levels.count("section"), levels.count("table")) == (13, 7)


def test_every_stated_total_equals_the_sum_of_its_rows(run):
    rows = items(run)
    for total in totals(run):
        under = [r for r in rows if r["table_no"] == total["table_no"]
                 and (total["level"] == "table" or r["section_key"] == total["section_key"])]
        assert sum(Decimal(r["amount_tkr"]) for r in under) == Decimal(total["stated_tkr"]), total
        assert (total["computed_tkr"], total["difference_tkr"], total["status"]) == (total["stated_tkr"], "0", "ok")


def test_table_totals_and_grand_total_are_the_documents(run):
    stated = {int(t["table_no"]): int(t["stated_tkr"]) for t in totals(run) if t["level"] == "table"}
    assert stated == TABLE_TOTALS
    assert sum(int(r["amount_dkk"]) for r in items(run)) == 24_337_000


def _line(run, item: str) -> dict[str, str]:
    (row,) = [r for r in items(run) if r["item"] == item]
    return row


def test_wrapped_labels_are_joined_as_printed(run):
    assert _line(run, "Understøttelse af klimasamarbejdsaftalen med Transport- og Boligministeriet")["amount_tkr"] == "500"
    assert _line(run, "Medlemskab til Concito og Danmarks Nationale Netværk for Klimatilpasning")["amount_dkk"] == "75000"
    assert _line(run, "Kontingent til medlemskab af Landdistrikternes Fællesråd")["amount_tkr"] == "50"


def test_footnote_markers_move_to_their_own_column_with_the_footnote_text(run):
    dk2020 = _line(run, "DK 2020 projektet")
    assert (dk2020["amount_tkr"], dk2020["footnote"], dk2020["group"]) == ("587", "*", "Energi og klima")
    assert dk2020["footnote_text"].startswith("Er bevilget af regionsrådet i august 2020. I alt blev der bevilget 1,25")
    cluster = _line(run, "Understøttelse af Danish Life Science Cluster")
    assert (cluster["amount_tkr"], cluster["footnote"], cluster["group"]) == ("0", "*", "Digital sundhed")
    euroskills = _line(run, "Euroskills")
    assert (euroskills["amount_dkk"], euroskills["footnote_text"]) == ("2500000", "Er bevilget af regionsrådet i januar 2020.")


def test_groups_hold_their_dash_items_or_the_rows_up_to_the_subtotal(run):
    assert _line(run, "Mikrofinansieringspulje")["group"] == ""
    assert _line(run, "Euroskills")["group"] == "Indstillet omprioriteret til under uddannelsespuljen"
    grouped = [r["item"] for r in items(run)
               if r["group"] == "Indstillet omprioriteret til den administrative pulje under uddannelsespuljen"]
    assert grouped == ["Videreudvikling af STEM-barometer", "IT-system vedr. kapacitet og fordeling",
                       "Evaluering af uddannelsespuljen"]


def test_areas_and_sections_come_from_captions_and_headings(run):
    areas = {int(r["table_no"]): r["area"] for r in items(run)}
    assert areas == {1: "Mobilitet", 2: "Internationale aktiviteter", 3: "Landdistrikter", 4: "Sundhedsinnovation",
                     5: "Bæredygtighed og grøn omstilling", 6: "Klima", 7: "Udvikling af arbejdskraftressourcer"}
    assert _line(run, "Årsværk til understøttelse af regional hub")["section_key"] == "omprioriteret_personaleressourcer"


def test_the_one_finding_is_the_prose_slip_on_dk2020(run):
    (finding,) = read_rows(run.out_dir / "findings.csv")
    assert (finding["kind"], finding["root_cause"], finding["table_no"], finding["item"]) == (
        "narrative_mismatch", "true", "5", "DK 2020 projektet")
    assert (finding["stated"], finding["computed"], finding["difference"]) == ("537000", "587000", "-50000")
    assert run.exit_code == 1


def test_the_agreeing_prose_amounts_are_listed_as_agreeing(run):
    agreeing = {(m["mention"], m["tied_to"]) for m in read_rows(run.out_dir / "mentions.csv") if m["status"] == "agrees"}
    assert agreeing == {
        ("2,5 mio. kr.", "Euroskills"),
        ("2,5 mio. kr.", "Indstillet omprioriteret til under uddannelsespuljen"),
        ("0,8 mio. kr.", "Indstillet omprioriteret til den administrative pulje under uddannelsespuljen"),
    }
