"""A 2024 edition (fictional) planning three years with a row-total column ("1.000 kr. | 2024 | 2025 | 2026 |
I alt"), negatives in every notation, blank year cells, decimals in 1.000 kr. and mio. kr., one planted row
total that disagrees with its years, and an appendix listing grants (not a budget table); rendered by
Chromium and by ReportLab, read with every extractor. Also: the same edition with one table in an unknown
unit (read, but for that table), and a list of grants alone (no budget table)."""

from __future__ import annotations

import json

import pytest

from projektpulje.cli import main
from projektpulje.stages.run import RunSettings, write_document

from .conftest import FIXTURES, GOLDEN, SAMPLES
from .helpers import differing_files, read_rows

RENDERINGS = ("chromium", "reportlab", "libreoffice")
EXTRACTORS = ("pdfium", "pdfplumber", "camelot")
STEM = "udmoentning-af-projektpuljen-2024-three-years"
REFERENCE = GOLDEN / f"{STEM}-chromium"
UNREAD = FIXTURES / "unread"


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("rendering", RENDERINGS)
def test_2024_reads_exactly(rendering, extractor, tmp_path):
    result = write_document(SAMPLES / f"{STEM}-{rendering}.pdf", settings=RunSettings(out_dir=tmp_path, extractor=extractor))
    assert (len(result.tables), result.lines, result.checks_ok, result.checks, result.exit_code) == (2, 7, 26, 27, 1)
    assert result.amounts == (46, 46)
    assert differing_files(result.out_dir, GOLDEN / f"{STEM}-{rendering}",
                           any_line_numbers=extractor == "camelot") == []
    assert result.analysis.skipped == (
        f"{STEM}-{rendering}.pdf, page 2: a table-like region was not read: it has no header row with a unit and "
        "year columns, and no table caption",
    )


def test_negatives_blanks_and_decimals_are_read_in_every_notation():
    items = {(r["item"], r["year"]): r["amount_tkr"] for r in read_rows(REFERENCE / "items.csv")}
    assert [items["Tilbageførte tilskud", y] for y in ("2024", "2025", "2026")] == ["-250", "-100", "-50"]
    assert [items["Patientinddragelse i praksis", y] for y in ("2024", "2025", "2026")] == ["250", "-50", "0"]
    assert items["Telemedicin i hjemmet", "2024"] == "-250"
    assert [items["Analyse af sundhedsdata", y] for y in ("2024", "2025", "2026")] == ["12.5", "0", "0"]
    assert items["Grøn omstilling i landdistrikter", "2024"] == "1250"


def test_each_printed_row_total_is_a_stated_total_and_the_planted_one_is_found():
    rows = [r for r in read_rows(REFERENCE / "totals.csv") if r["level"] == "row"]
    assert len(rows) == 12 and {r["year"] for r in rows} == {""}
    mismatches = [(r["item"], r["stated_tkr"], r["computed_tkr"]) for r in rows if r["status"] == "mismatch"]
    assert mismatches == [("Klimatilpasning ved kysten", "1600", "1500")]
    (total,) = [r for r in rows if r["table_no"] == "1" and r["item"] == "Total"]
    assert (total["stated_tkr"], total["computed_tkr"]) == ("4212.5", "4212.5")
    (finding,) = read_rows(REFERENCE / "findings.csv")
    assert (finding["kind"], finding["table_no"], finding["item"], finding["difference"]) == (
        "row_total_mismatch", "2", "Klimatilpasning ved kysten", "100")


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_a_table_in_an_unknown_unit_is_an_unread_table_and_the_rest_is_read(extractor, tmp_path):
    pdf = UNREAD / "2024-unread-reportlab.pdf"
    result = write_document(pdf, settings=RunSettings(out_dir=tmp_path, extractor=extractor))
    assert (len(result.tables), result.lines, result.amounts, result.exit_code) == (1, 5, (30, 46), 1)
    (finding,) = result.analysis.findings
    assert finding["kind"] == "unread_table" and (finding["table_no"], finding["page"]) == (2, 1)
    assert finding["message"] == (
        "table 2 ('Tabel 2. Klima og miljø - aktiviteter og forventet forbrug') was not read: the header has no unit "
        "the vocabulary knows (such as 1.000 kr.); its 16 amounts are not in items.csv or totals.csv"
    )
    expected = [r for r in read_rows(REFERENCE / "items.csv", without=("source_file",)) if r["table_no"] == "1"]
    assert read_rows(result.out_dir / "items.csv", without=("source_file",)) == expected
    report = (result.out_dir / "report.html").read_text(encoding="utf-8")
    assert "30 of 46 amounts in tables accounted for" in report
    assert "a table-like region was not read: it has no header row with a unit and year columns" in report


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_a_list_of_grants_alone_is_no_budget_table_and_debug_says_why(rendering, tmp_path, capsys):
    pdf = UNREAD / f"grants-only-{rendering}.pdf"
    assert main(["run", str(pdf), "--out", str(tmp_path), "-q", "--debug"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == f"projektpulje: error: {pdf}: no budget tables found"
    assert (f"grants-only-{rendering}.pdf, page 1: a table-like region was not read: it has no header row with a "
            "unit and year columns, and no table caption [header: no header row;") in err
    assert "unit '" not in err and "expected one of" not in err
    assert not any(tmp_path.iterdir())


STEM_2025 = "udmoentning-af-projektpuljen-2025-captions-groups"


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("rendering", RENDERINGS)
def test_2025_captions_footnotes_groups_and_a_table_over_three_pages_read_exactly(rendering, extractor, tmp_path):
    pdf = SAMPLES / f"{STEM_2025}-{rendering}.pdf"
    result = write_document(pdf, settings=RunSettings(out_dir=tmp_path, extractor=extractor))
    assert (len(result.tables), result.lines, result.checks_ok, result.checks, result.exit_code) == (2, 125, 8, 8, 0)
    assert result.amounts == (258, 258)
    assert differing_files(result.out_dir, GOLDEN / f"{STEM_2025}-{rendering}",
                           any_line_numbers=extractor == "camelot") == []


def test_2025_areas_numbers_groups_and_footnotes():
    items = read_rows(GOLDEN / f"{STEM_2025}-chromium" / "items.csv")
    assert {(r["table_no"], r["area"]) for r in items} == {("1", "Erhverv og uddannelse"), ("3", "Lokal udvikling")}
    groups = {r["item"]: r["group"] for r in items if r["table_no"] == "1"}
    assert groups == {
        "Praktikpladser i små virksomheder": "Uddannelse / Erhvervsuddannelser",
        "Skills-konkurrencer": "Uddannelse / Erhvervsuddannelser",
        "Studiejob i regionen": "Uddannelse / Videregående uddannelser",
        "Iværksætterhuse": "Iværksætteri",
        "Analyse af kompetencebehov": "",
    }
    notes = {(r["item"], r["footnote"], r["footnote_text"]) for r in items if r["footnote"]}
    assert notes == {("Skills-konkurrencer", "1)", "Afholdes i samarbejde med kommunerne."),
                     ("Studiejob i regionen", "²", "Heraf 50.000 kr. til evaluering.")}
    long_table = [r for r in items if r["table_no"] == "3"]
    assert len(long_table) == 240 and {r["page"] for r in long_table} == {"2", "3", "4"}
    assert sum(int(r["amount_tkr"]) for r in long_table if r["year"] == "2025") == 72600


STEM_OVERVIEW = "udmoentning-af-projektpuljen-2024-overview"


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("rendering", RENDERINGS)
def test_an_overview_table_is_checked_against_the_area_tables(rendering, extractor, tmp_path):
    pdf = SAMPLES / f"{STEM_OVERVIEW}-{rendering}.pdf"
    result = write_document(pdf, settings=RunSettings(out_dir=tmp_path, extractor=extractor))
    assert (len(result.tables), result.lines, result.checks_ok, result.checks, result.exit_code) == (3, 7, 33, 36, 1)
    assert result.amounts == (55, 55)
    assert differing_files(result.out_dir, GOLDEN / f"{STEM_OVERVIEW}-{rendering}",
                           any_line_numbers=extractor == "camelot") == []
    assert [s.split(": ", 1)[1] for s in result.analysis.skipped] == [
        "a table-like region was not read: it has no header row with a unit and year columns, and no table caption"
    ] * 2  # the contents page and the appendix


def test_the_overview_lines_are_no_items_and_its_planted_figure_is_the_root_cause():
    reference = GOLDEN / f"{STEM_OVERVIEW}-chromium"
    assert {r["table_no"] for r in read_rows(reference / "items.csv")} == {"2", "3"}
    figures = [r for r in read_rows(reference / "totals.csv") if r["level"] == "overview"]
    assert len(figures) == 6 and {r["table_no"] for r in figures} == {"1"}
    assert [(r["area"], r["year"], r["stated_tkr"], r["computed_tkr"]) for r in figures if r["status"] != "ok"] == [
        ("Klima og miljø", "2026", "600", "500")
    ]
    findings = [(f["kind"], f["root_cause"], f["year"]) for f in read_rows(reference / "findings.csv")]
    assert findings == [("overview_mismatch", "true", "2026"), ("total_mismatch", "false", "2026"),
                        ("row_total_mismatch", "true", "")]


def test_the_data_package_says_which_table_numbers_are_positions(tmp_path):
    result = write_document(SAMPLES / f"{STEM_2025}-reportlab.pdf", settings=RunSettings(out_dir=tmp_path))
    package = json.loads((result.out_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["tables"] == [
        {"table_no": 1, "area": "Erhverv og uddannelse", "table_no_is": "position"},
        {"table_no": 3, "area": "Lokal udvikling", "table_no_is": "printed"},
    ]


STEM_2019 = "udmoentning-af-projektpuljen-2019-earlier-style"


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("rendering", RENDERINGS)
def test_an_earlier_style_edition_reads_exactly(rendering, extractor, tmp_path):
    pdf = SAMPLES / f"{STEM_2019}-{rendering}.pdf"
    result = write_document(pdf, settings=RunSettings(out_dir=tmp_path, extractor=extractor))
    assert (len(result.tables), result.lines, result.checks_ok, result.checks, result.exit_code) == (3, 8, 5, 5, 1)
    assert differing_files(result.out_dir, GOLDEN / f"{STEM_2019}-{rendering}",
                           any_line_numbers=extractor == "camelot") == []


def test_earlier_style_sections_groups_numbers_and_a_table_without_caption():
    items = read_rows(GOLDEN / f"{STEM_2019}-chromium" / "items.csv")
    assert [(r["table_no"], r["area"], r["section"], r["group"], r["item"], r["amount_tkr"]) for r in items[:5]] == [
        ("1", "Regional udvikling", "Driftsmidler", "Kultur", "Musikfestival i Aarhus", "300"),
        ("1", "Regional udvikling", "Driftsmidler", "Kultur", "Teaterturné i landdistrikterne", "200"),
        ("1", "Regional udvikling", "Driftsmidler", "Erhverv / Turisme", "Cykelruter langs kysten", "150"),
        ("1", "Regional udvikling", "Driftsmidler", "Erhverv / Fødevarer", "Madmarkeder", "75"),
        ("1", "Regional udvikling", "Anlægsmidler", "", "Ombygning af kulturhus", "1000"),
    ]
    totals = [(r["table_no"], r["area"], r["level"], r["stated_tkr"], r["status"])
              for r in read_rows(GOLDEN / f"{STEM_2019}-chromium" / "totals.csv") if r["level"] == "table"]
    assert totals == [("1", "Regional udvikling", "table", "1725", "ok"), ("0", "Administration", "table", "2500", "ok"),
                      ("0", "Tværgående projekter", "table", "250", "ok")]
    kinds = {f["kind"] for f in read_rows(GOLDEN / f"{STEM_2019}-chromium" / "findings.csv")}
    assert kinds == {"unknown_label"}


def test_the_report_lists_row_totals_and_overview_figures_with_their_status(tmp_path):
    result = write_document(SAMPLES / f"{STEM_OVERVIEW}-reportlab.pdf", settings=RunSettings(out_dir=tmp_path))
    report = (result.out_dir / "report.html").read_text(encoding="utf-8")
    assert report.count('<table class="lines checks" data-level="row">') == 2
    assert report.count('<table class="lines checks" data-level="overview">') == 1
    assert ('<tr class="mismatch" data-level="row"><td>Klimatilpasning ved kysten</td><td class="num">1.600</td>'
            '<td class="num">1.500</td><td class="num">100</td><td class="status bad">mismatch</td></tr>') in report
    assert "Klima og miljø 2026 (&#x27;Total&#x27; of table 3)</td><td class=\"num\">600</td>" in report
    assert '<p class="meta" id="amounts">55 of 55 amounts in tables accounted for.</p>' in report


def test_the_report_keeps_the_findings_of_two_tables_numbered_alike_apart(tmp_path):
    result = write_document(SAMPLES / f"{STEM_2019}-reportlab.pdf", settings=RunSettings(out_dir=tmp_path))
    report = (result.out_dir / "report.html").read_text(encoding="utf-8")
    assert report.count('<div class="why">') == 4  # one per unknown section heading, in its own table only
