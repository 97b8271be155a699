"""compare between the 2021 and 2022 samples lists exactly the changes made to the 2022 edition."""

from __future__ import annotations

import pytest

from projektpulje.cli import main

from .conftest import GOLDEN, SAMPLES
from .helpers import read_rows

OLD = GOLDEN / "udmoentning-af-projektpuljen-2021"
NEW = GOLDEN / "udmoentning-af-projektpuljen-2022"
# (area, item, old, new, status): what samples/content_2022.py changed, as compare must report it.
CHANGES = [
    ("Internationale aktiviteter", "Delegationsbesøg", "100", "150", "changed"),
    ("Internationale aktiviteter", "Europæiske netværk", "", "100", "new"),
    ("Landdistrikter", "Den bæredygtige landsby", "600", "700", "changed"),
    ("Landdistrikter", "Landsbyprisen 2022", "150", "150", "changed"),  # renamed from "Landsbyprisen 2021"
    ("Kultur og events", "Pulje til kulturelle events i landdistrikterne", "", "400", "new"),
    ("Kultur og events", "Medfinansiering af større kultur- og sportsevents", "", "500", "new"),
    ("Kultur og events", "Kulturprojekter for børn og unge", "", "300", "new"),
    ("Kultur og events", "Analyse af kultur- og eventturismens betydning for regional udvikling", "", "150", "new"),
    ("Kultur og events", "Netværk for kulturaktører", "", "100", "new"),
    ("Sundhedsinnovation", "Understøttelse af Danish Life Science Cluster", "0", "500", "changed"),
    ("Sundhedsinnovation", "Medfinansiering til hospitalers projekter", "2000", "1500", "changed"),
    ("Bæredygtighed og grøn omstilling", "Ny regional affaldsplan", "", "150", "new"),  # moved to another group
    ("Bæredygtighed og grøn omstilling", "DK 2020 projektet", "587", "600", "changed"),
    ("Klima", "Analyser", "500", "400", "changed"),
    ("Udvikling af arbejdskraftressourcer", "IT-system vedr. kapacitet og fordeling", "500", "450", "changed"),
    ("Bæredygtighed og grøn omstilling", "Ny regional affaldsplan", "150", "", "removed"),
    ("Udvikling af arbejdskraftressourcer", "Euroskills", "2500", "", "removed"),
]


@pytest.mark.parametrize("inputs", ["folders", "pdfs"])
def test_compare_2021_with_2022_lists_exactly_the_changes(inputs, tmp_path, capsys):
    if inputs == "folders":
        old, new = OLD, NEW
    else:
        old, new = SAMPLES / f"{OLD.name}.pdf", SAMPLES / f"{NEW.name}.pdf"
    assert main(["compare", str(old), str(new), "--out", str(tmp_path)]) == 0
    rows = read_rows(tmp_path / "compare.csv")
    changed = [(r["area"], r["item"], r["old_tkr"], r["new_tkr"], r["status"]) for r in rows if r["status"] != "unchanged"]
    assert changed == CHANGES
    assert len([r for r in rows if r["status"] == "unchanged"]) == 54 - 15  # 54 lines in 2022: 8 changed, 7 new
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Mobilitet og infrastruktur (renamed from Mobilitet): 4 unchanged; change +0 (1.000 kr.)"
    assert "Kultur og events: 5 new; change +1450 (1.000 kr.)" in out
    assert out[-1] == f"2021 with 2022, {len(rows)} lines -> {tmp_path / 'compare.csv'}"
    assert {(r["old_year"], r["new_year"]) for r in rows} == {("2021", "2022")}
    renamed = {(r["old_area"], r["area"]) for r in rows if r["old_area"] and r["old_area"] != r["area"]}
    assert renamed == {("Mobilitet", "Mobilitet og infrastruktur")}  # the rename is in the file
    relabelled = [(r["old_item"], r["item"]) for r in rows if r["old_item"] and r["old_item"] != r["item"]]
    assert relabelled == [("Landsbyprisen 2021", "Landsbyprisen 2022")]
    assert all(r["old_area"] == r["old_item"] == "" for r in rows if r["status"] == "new")
    assert all(r["old_item"] == r["item"] for r in rows if r["status"] == "removed")


def test_old_later_than_new_is_flagged(tmp_path, capsys):
    assert main(["compare", str(NEW), str(OLD), "--out", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert err == ("projektpulje: note: OLD is the 2022 edition, later than NEW (2021): the changes run backwards\n")
    assert out.splitlines()[-1].startswith("2022 with 2021, ")
    assert {(r["old_year"], r["new_year"]) for r in read_rows(tmp_path / "compare.csv")} == {("2022", "2021")}


def test_a_two_year_edition_is_compared_on_its_own_year(tmp_path, capsys):
    new = SAMPLES / "udmoentning-af-projektpuljen-2023.pdf"
    assert main(["compare", str(NEW), str(new), "--out", str(tmp_path)]) == 0
    rows = {r["item"]: r for r in read_rows(tmp_path / "compare.csv")}
    pilot = rows["Pilotprojekt med fleksibel kollektiv trafik i landdistrikter"]
    assert (pilot["new_tkr"], pilot["status"]) == ("300", "new")  # 300 in 2023, "-" in 2024


def test_compare_refuses_a_folder_that_is_not_output(tmp_path, capsys):
    assert main(["compare", str(tmp_path), str(NEW), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"projektpulje: error: {tmp_path}: not an output folder of projektpulje run (no items.csv)\n"
