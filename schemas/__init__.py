"""Rules the tidy rows must keep: pandera models and the reconciliation of stated totals."""

from .reconcile import ITEM_COLUMNS, TOTAL_COLUMNS, Finding, reconcile_rows, totals_to_findings, validate
from .tidy import Items, ReconciledTotals, StatedTotals

__all__ = [
    "Finding",
    "ITEM_COLUMNS",
    "Items",
    "ReconciledTotals",
    "StatedTotals",
    "TOTAL_COLUMNS",
    "reconcile_rows",
    "totals_to_findings",
    "validate",
]
