"""report.html as an auditor sees it: built for the samples and rendered by a real headless Chromium.

Chromium comes from tests/setup-system.sh; without it these tests fail, they do not skip.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from projektpulje.outputs.report import ReportLine, analysis_to_html, danish_amount, line_html
from projektpulje.stages.run import RunSettings, analyse

from .conftest import FIXTURES, SAMPLES

SAMPLE = "udmoentning-af-projektpuljen-2021.pdf"
PLANTED = "udmoentning-af-projektpuljen-2021-planted-errors.pdf"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
]
BROWSER_TIMEOUT = 30
# Runs in the page after it has loaded: what the browser made of every image, every resource it fetched, every error.
PROBE = """<script>
const errors = [];
window.addEventListener("error", e => errors.push(String(e.message || (e.target && e.target.outerHTML))), true);
window.addEventListener("load", () => {
  const probe = document.createElement("pre");
  probe.id = "probe";
  probe.textContent = JSON.stringify({
    images: [...document.images].map(i => ({complete: i.complete, width: i.naturalWidth, src: i.src.slice(0, 22)})),
    resources: performance.getEntriesByType("resource").map(e => e.name),
    errors,
  });
  document.body.appendChild(probe);
});
</script>"""
EXPECTED = {
    SAMPLE: {
        "parts": 12,
        "checks": "23/24",  # 20 stated totals and 4 prose amounts compared, one of which contradicts its table
        "findings": [("narrative_mismatch", "5", "true")],
        "flagged": [("tabel-5", "DK 2020 projektet", "root")],
    },
    PLANTED: {
        "parts": 9,
        "checks": "21/24",
        "findings": [
            ("subtotal_mismatch", "1", "true"), ("total_mismatch", "1", "false"), ("total_mismatch", "6", "true"),
        ],
        "flagged": [
            ("tabel-1", "Tilskudsmidler i alt", "root"), ("tabel-1", "Total", "knock"), ("tabel-6", "Total", "root"),
        ],
    },
}
WARNING_BACKGROUND = (253, 232, 230)  # --bad-bg: rows and findings with a root cause


class Elements(HTMLParser):
    """Every element of a page: tag, attributes, text content, parent and the id of the <section> it is in."""

    VOID = {"img", "br", "meta", "link", "input", "hr", "source", "col", "wbr", "area", "base", "embed", "track"}

    def __init__(self, page: str):
        super().__init__()
        self.found: list[dict] = []
        self.open: list[dict] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        section = next((e["attrs"].get("id") for e in reversed(self.open) if e["tag"] == "section"), None)
        parent = self.open[-1] if self.open else None
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "section": section, "parent": parent}
        self.found.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def all(self, tag: str, css_class: str = "") -> list[dict]:
        return [e for e in self.found if e["tag"] == tag and css_class in e["attrs"].get("class", "").split() + [""]]


@dataclass(frozen=True)
class Rendered:
    dom: Elements
    probe: dict
    console: list[str]
    screenshot: Path


def find_chromium() -> str:
    browser = shutil.which("chromium")
    if browser is None:
        pytest.fail(
            "chromium is not on PATH: run `sh tests/setup-system.sh` (it installs Debian's chromium) before pytest",
            pytrace=False,
        )
    return browser


def run_chromium(args: list[str], url: str, profile: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [find_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url],
        capture_output=True, text=True, timeout=BROWSER_TIMEOUT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def console_lines(stderr: str) -> list[str]:
    """What the page wrote to the console, and loads that failed."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "net::ERR" in line]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("report")


@functools.cache
def built(name: str, work: Path) -> Path:
    """The report for one sample, written to work/<stem>/report.html."""
    out = work / Path(name).stem
    out.mkdir()
    pdf = SAMPLES / name
    report = out / "report.html"
    report.write_bytes(analysis_to_html(analyse(pdf, settings=RunSettings()), pdf))
    return report


@functools.cache
def rendered(name: str, work: Path) -> Rendered:
    """The report for one sample, its DOM as Chromium rendered it (with the probe), and a screenshot."""
    find_chromium()
    report = built(name, work)
    out = report.parent
    html = report.read_bytes()
    probed = out / "probed.html"
    probed.write_bytes(html.replace(b"</body>", PROBE.encode() + b"</body>"))
    dumped = run_chromium(["--dump-dom"], probed.as_uri(), out / "profile-dom")
    screenshot = out / "screenshot.png"
    shot = run_chromium(
        [f"--screenshot={screenshot}", "--window-size=1280,2000"], report.as_uri(), out / "profile-shot"
    )
    dom = Elements(dumped.stdout)
    probe = next(e for e in dom.all("pre") if e["attrs"].get("id") == "probe")
    return Rendered(dom, json.loads(probe["text"]), console_lines(dumped.stderr + shot.stderr), screenshot)


SAMPLES_UNDER_TEST = pytest.mark.parametrize("name", [SAMPLE, PLANTED])


@SAMPLES_UNDER_TEST
def test_report_is_one_file_that_loads_nothing(name, work):
    html = built(name, work).read_bytes()
    assert b"http://" not in html and b"https://" not in html
    assert not re.search(rb"<script|<link|<iframe|@import|url\(", html)
    sources = re.findall(rb'<img[^>]* src="([^"]*)"', html)
    assert len(sources) == EXPECTED[name]["parts"]
    assert all(s.startswith(b"data:image/png;base64,") for s in sources)
    assert "Bæredygtighed og grøn omstilling".encode() in html


@SAMPLES_UNDER_TEST
def test_browser_shows_the_summary_and_every_table(name, work):
    dom = rendered(name, work).dom
    title = dom.all("h1")[0]["text"]
    assert title == name
    stats = {e["attrs"]["data-stat"]: e["text"] for e in dom.all("div", "card")}
    assert stats["tables"].startswith("7") and stats["budget lines"].startswith("49")
    assert stats["checks passed"].startswith(EXPECTED[name]["checks"])
    sections = [e for e in dom.all("section", "table")]
    assert [s["attrs"]["id"] for s in sections] == [f"tabel-{n}" for n in range(1, 8)]
    headings = [e["text"] for e in dom.all("h2") if (e["section"] or "").startswith("tabel-")]
    assert headings[0] == "Tabel 1. Mobilitet" and headings[4] == "Tabel 5. Bæredygtighed og grøn omstilling"
    totals = [e for e in dom.all("tr") if e["attrs"].get("data-kind") == "total"]
    assert len(totals) == 7
    assert len(dom.all("tr")) > 100
    mentions = [e for e in dom.all("tr") if e["section"] == "mentions" and e["attrs"].get("class")]
    assert len(mentions) == 10


@SAMPLES_UNDER_TEST
def test_browser_shows_each_finding_linked_to_its_table_and_its_row_highlighted(name, work):
    dom = rendered(name, work).dom
    rows = dom.all("tr", "finding")
    found = [(r["attrs"]["data-kind"], r["attrs"]["data-table"], r["attrs"]["data-root"]) for r in rows]
    assert found == EXPECTED[name]["findings"]
    ids = {e["attrs"]["id"] for e in dom.found if "id" in e["attrs"]}
    links = [e["attrs"]["href"] for e in dom.all("a") if (e["section"] == "findings")]
    assert links == [f"#tabel-{table}" for _, table, _ in found]
    assert all(link[1:] in ids for link in links)
    for row, (_, _, root) in zip(rows, found):
        assert ("root cause" if root == "true" else "knock-on") in row["text"]
    flagged = [(r["section"], r["text"], style) for r in dom.all("tr", "flag") for style in ("root", "knock")
               if style in r["attrs"]["class"].split()]
    expected = EXPECTED[name]["flagged"]
    assert [(section, style) for section, _, style in flagged] == [(s, style) for s, _, style in expected]
    for (_, text, _), (_, label, _) in zip(flagged, expected):
        assert label in text


def test_planted_errors_show_stated_computed_and_difference(work):
    dom = rendered(PLANTED, work).dom
    subtotal = next(r for r in dom.all("tr", "mismatch") if "Tilskudsmidler i alt" in r["text"])
    cells = [c["text"] for c in dom.found if c["tag"] == "td" and c["parent"] is subtotal]
    assert cells[-4:] == ["1.600", "1.500", "+100", "mismatch"]
    message = next(r["text"] for r in dom.all("tr", "finding") if r["attrs"]["data-kind"] == "subtotal_mismatch")
    assert "line 6: 'Tilskudsmidler i alt' states 1.600 but its lines sum to 1.500" in message


def test_the_sample_shows_the_contradicting_sentence_beside_its_line(work):
    dom = rendered(SAMPLE, work).dom
    row = next(r for r in dom.all("tr", "flag") if "DK 2020 projektet" in r["text"])
    assert "text contradicts" in row["text"] and "Der afsættes således 0,537 mio. kr." in row["text"]


@SAMPLES_UNDER_TEST
def test_every_image_loads_and_nothing_fails_in_the_browser(name, work):
    page = rendered(name, work)
    images = page.probe["images"]
    assert len(images) == EXPECTED[name]["parts"]
    broken = [i for i in images if not (i["complete"] and i["width"] > 100 and i["src"] == "data:image/png;base64,")]
    assert broken == []
    assert page.probe["resources"] == []
    assert page.probe["errors"] == []
    assert page.console == []


@SAMPLES_UNDER_TEST
def test_screenshot_is_a_real_rendering(name, work):
    shot = rendered(name, work).screenshot
    assert shot.exists() and shot.stat().st_size > 20_000
    with Image.open(shot) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
    assert rgb.size == (1280, 2000)
    assert len(colours) > 50
    assert dict((c, n) for n, c in colours).get(WARNING_BACKGROUND, 0) > 2_000  # the findings are highlighted


def test_missing_chromium_fails_with_the_setup_hint(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(pytest.fail.Exception, match="tests/setup-system.sh"):
        find_chromium()


def test_labels_are_escaped_and_amounts_printed_the_danish_way():
    line = ReportLine("item", "Tilskud <til> Æbelø & co.", "*", (Decimal("1500"),))
    row = line_html(line, 1, [], [])
    assert "Tilskud &lt;til&gt; Æbelø &amp; co." in row and "<til>" not in row
    assert [danish_amount(Decimal(v)) for v in ("1500", "0.663", "-2500", "0", "1234567.5")] == [
        "1.500", "0,663", "-2.500", "0", "1.234.567,5"]


def test_an_encrypted_pdf_is_rendered_with_its_password():
    pdf = FIXTURES / "bad" / "encrypted.pdf"
    analysis = analyse(pdf, settings=RunSettings(password="projektpulje"))
    html = analysis_to_html(analysis, pdf, password="projektpulje")
    assert html.count(b"data:image/png;base64,") == EXPECTED[SAMPLE]["parts"]

