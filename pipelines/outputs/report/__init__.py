"""report.html: one document's analysis as a single self-contained page for an auditor.

The findings first, then every table as it was read beside the region of the PDF it was read from
(table box and printed lines drawn on it), then every amount the prose mentions. Images are embedded
as PNG data URIs; the page loads nothing. lines (the table as shown) → text (values as printed) →
images (the PDF regions) → html (the page) → sections (each table's, planned and drawn).
"""

from .html import line_html, report_html, summary_and_findings_html
from .lines import ReportLine
from .sections import analysis_to_html, analysis_to_plans, plans_to_html
from .text import danish_amount

__all__ = ["ReportLine", "analysis_to_html", "analysis_to_plans", "danish_amount", "line_html", "plans_to_html", "report_html",
           "summary_and_findings_html"]
