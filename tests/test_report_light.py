"""report.html stays light for a long document: each mention beside its own table once, images only beside the
first tables with findings, a findings filter that works in Chromium without a script."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from projektpulje.outputs.report import analysis_to_html
from projektpulje.outputs.report.light import mentions_by_table
from projektpulje.stages.run import RunSettings, analyse

from .conftest import SAMPLES
from .test_report import Elements, run_chromium

COPIES = 21  # 147 tables: more than the 40 that get an image
PLANTED = SAMPLES / "udmoentning-af-projektpuljen-2021-planted-errors.pdf"
# Clicks the filter for total mismatches, then for root causes, and counts the findings rows still shown.
PROBE = """<script>
window.addEventListener("load", () => {
  const shown = () => [...document.querySelectorAll("tr.finding")].filter(r => getComputedStyle(r).display !== "none");
  const counts = {all: shown().length};
  document.getElementById("filter-kind-total_mismatch").click();
  counts.total = shown().length;
  counts.total_kinds = [...new Set(shown().map(r => r.dataset.kind))];
  document.getElementById("filter-root").click();
  counts.root = shown().length;
  counts.root_knock = shown().filter(r => r.classList.contains("knock")).length;
  const probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify(counts);
  document.body.appendChild(probe);
});
</script>"""


def test_a_mention_goes_to_the_nearest_table_of_its_number():
    tables = [(1, 1), (5, 4), (1, 8), (5, 11)]
    mentions = [{"table_no": 5, "page": 4}, {"table_no": 5, "page": 11}, {"table_no": 5, "page": 10},
                {"table_no": 9, "page": 2}, {"table_no": 1, "page": 5}]
    placed = mentions_by_table(tables, mentions)
    assert [[(m["table_no"], m["page"]) for m in ms] for ms in placed] == [
        [], [(5, 4)], [(1, 5)], [(5, 11), (5, 10)]]  # page 5 is 4 from table 1 at page 1 and 3 from page 8


@pytest.fixture(scope="module")
def long_report(tmp_path_factory) -> tuple[Path, int]:
    import pypdfium2 as pdfium

    folder = tmp_path_factory.mktemp("light")
    source, long = pdfium.PdfDocument(PLANTED), pdfium.PdfDocument.new()
    for _ in range(COPIES):
        long.import_pages(source)
    pdf = folder / "bundle.pdf"
    long.save(pdf)
    analysis = analyse(pdf, settings=RunSettings())
    report = folder / "report.html"
    report.write_bytes(analysis_to_html(analysis, pdf))
    return report, len(analysis.mentions)


def test_each_mention_is_shown_once_and_the_report_grows_with_the_tables_only(long_report):
    report, mentions = long_report
    html = report.read_text(encoding="utf-8")
    tables = html.split('<section id="mentions">')[0]
    assert mentions == 10 * COPIES
    tied = len(re.findall(r'<div class="mention ', tables))
    assert tied == 4 * COPIES  # the four tied mentions of each copy, each beside its own copy of the table
    images = re.findall(r'<img[^>]* src="data:image/png;base64,[^"]*"', html)
    assert 0 < len(images) <= 40 * 2  # a table spans at most two pages here
    without_images = len(html) - sum(map(len, images))
    assert without_images < 6_000 * 7 * COPIES  # a few kilobytes a table (beside each one its own mentions)


def test_the_findings_filter_works_in_chromium_without_a_script(long_report, tmp_path):
    report, _ = long_report
    html = report.read_bytes()
    assert b"<script" not in html
    probed = tmp_path / "probed.html"
    probed.write_bytes(html.replace(b"</body>", PROBE.encode() + b"</body>"))
    dumped = run_chromium(["--dump-dom"], probed.as_uri(), tmp_path / "profile")
    probe = next(e for e in Elements(dumped.stdout).all("pre") if e["attrs"].get("id") == "probe")
    counts = json.loads(probe["text"])
    assert counts == {"all": 3 * COPIES, "total": 2 * COPIES, "total_kinds": ["total_mismatch"], "root": 2 * COPIES,
                      "root_knock": 0}
