"""Rules the tidy rows must keep.

`contract` and `reconcile` are plain Python (columns, sums, what a disagreement means); `tidy` holds the
pandera models and `validate` runs them, so pandas loads only where the rules are checked.
"""

from .contract import ITEM_COLUMNS, STATED_COLUMNS, TOTAL_COLUMNS, RuleFailure
from .reconcile import reconcile_rows, totals_to_findings

__all__ = [
    "ITEM_COLUMNS",
    "RuleFailure",
    "STATED_COLUMNS",
    "TOTAL_COLUMNS",
    "reconcile_rows",
    "totals_to_findings",
]
