"""Each table's section of the report, planned per table (its findings, mentions, and whether its PDF
region is drawn) and drawn in runs of tables: the stage that runs them decides how many processes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from projektpulje.budget.normalise import NormalisedTable
from projektpulje.extract import RawTable
from projektpulje.extract.render import PageImages

from .html import report_html, table_section_html
from .checks import other_checks_html
from .images import MAX_TABLES_WITH_IMAGES, table_images
from .light import mentions_by_table
from .lines import line_findings, row_styles, table_to_lines
from .text import printed_numbers

if TYPE_CHECKING:
    from projektpulje.results import Analysis


def by_table(rows: Sequence[dict]) -> dict[int | None, list[dict]]:
    """Rows (findings, mentions) by their table number, in their order."""
    grouped: dict[int | None, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["table_no"], []).append(row)
    return grouped


def _concerns(finding: Mapping, table: NormalisedTable, raw: RawTable) -> bool:
    """A finding is about this table: its number, and (where it has one) a page of the table."""
    page = finding.get("page")
    # A printed number may repeat: a finding names its table's area too (an overview's, the area it names).
    area = finding.get("area") in (None, "", table.area) or finding["kind"] == "overview_mismatch"
    return finding["table_no"] == table.table_no and area and (page is None or page in (raw.pages or (raw.page,)))


def analysis_to_plans(analysis: Analysis) -> list[tuple]:
    """Each table's plan: (raw, table, totals, its findings, its mentions, whether its PDF region is drawn)."""
    findings = by_table(analysis.findings)
    mentions = mentions_by_table([(t.table_no, r.page) for r, t in zip(analysis.raws, analysis.tables)],
                                 analysis.mentions)
    every_image = len(analysis.tables) <= MAX_TABLES_WITH_IMAGES
    images_left = MAX_TABLES_WITH_IMAGES  # the report stays a readable size, in memory too
    plans = []
    for raw, table, totals, own_mentions in zip(analysis.raws, analysis.tables, analysis.table_totals, mentions):
        own_findings = [f for f in findings.get(table.table_no, ()) if _concerns(f, table, raw)]
        wanted = every_image or (bool(own_findings) and images_left > 0)
        images_left -= wanted
        plans.append((raw, table, totals, own_findings, own_mentions, wanted))
    return plans


def findings_to_lined(analysis: Analysis) -> tuple[dict, ...]:
    """The findings, each about a line of a table named by that line's number as report.html numbers it (its `#`,
    drawn on the PDF region too): "line 9: 'Total' states …", "lines 3–4: …" for a label wrapped over two."""
    numbers: dict[int, str] = {}
    for raw, table, totals, own_findings, _, _ in analysis_to_plans(analysis):
        for line in table_to_lines(raw, table, totals):
            number = printed_numbers(line.printed)
            for found in line_findings(line, own_findings) if number else ():
                numbers.setdefault(id(found), number)
    return tuple(
        {**f, "message": f"{'lines' if '–' in numbers[id(f)] else 'line'} {numbers[id(f)]}: {f['message']}"}
        if id(f) in numbers else f
        for f in analysis.findings
    )


def plans_to_html(plans: Sequence[tuple], pdf: Path, *, password: str | None = None) -> list[str]:
    """The sections of a run of tables, each planned as (raw, table, totals, findings, mentions, image wanted)."""
    pages = PageImages(Path(pdf), password=password)
    sections = []
    try:
        for raw, table, totals, own_findings, own_mentions, wanted in plans:
            lines = table_to_lines(raw, table, totals)
            images = table_images(raw, row_styles(lines, own_findings), pages) if wanted else []
            sections.append(table_section_html(
                raw, table, lines, own_findings, own_mentions, images, extra=other_checks_html(totals)
            ))
    finally:
        pages.close()
    return sections


def analysis_to_html(analysis: Analysis, pdf: Path, *, password: str | None = None) -> bytes:
    """The whole report in one go (the run makes it in two stages)."""
    sections = plans_to_html(analysis_to_plans(analysis), pdf, password=password)
    return report_html(analysis, sections, name=Path(pdf).name)
