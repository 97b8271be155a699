"""Rules the tidy rows must keep: pandera models and the reconciliation of stated totals."""

from .reconcile import ITEM_COLUMNS, TOTAL_COLUMNS, Finding, reconcile, validate
from .tidy import Items, ReconciledTotals, StatedTotals

__all__ = [
    "Finding",
    "ITEM_COLUMNS",
    "Items",
    "ReconciledTotals",
    "StatedTotals",
    "TOTAL_COLUMNS",
    "reconcile",
    "validate",
]
