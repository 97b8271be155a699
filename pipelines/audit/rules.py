"""The pandera rules of the schemas run on a document's rows: a rule that fails is a finding too.
Importing this module loads pandas and pandera."""

from __future__ import annotations

import dataclasses

from projektpulje.results import Analysis
from projektpulje.schemas.validate import validate

from .findings import rule_failures_to_findings, sorted_findings

# Failures of these rules are the subtotal and total mismatches, reported with their root cause instead.
RECONCILIATION_CHECKS = {
    "section_subtotals_equal_their_rows", "table_totals_equal_their_rows", "row_totals_equal_their_years",
    "overview_figures_equal_their_tables",
}


def checked_analysis(analysis: Analysis) -> Analysis:
    """The analysis once every pandera rule has run on its rows: a failed rule is a finding too."""
    failures = [f for f in validate(analysis.items, analysis.totals) if f.check not in RECONCILIATION_CHECKS]
    if not failures:
        return analysis
    findings = sorted_findings([*analysis.findings, *rule_failures_to_findings(failures)])
    return dataclasses.replace(analysis, findings=tuple(findings))
