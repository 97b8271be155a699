"""One document's results, before anything is written: what every stage after reading hands on."""

from __future__ import annotations

from dataclasses import dataclass

from projektpulje.budget.normalise import NormalisedTable
from projektpulje.extract import ExtractedDocument, RawTable

# A prose mention is a check where it was compared with its table (agrees or contradicts); an untied one is not.
COMPARED_MENTIONS = {"agrees": True, "contradicts": False}


@dataclass(frozen=True)
class Analysis:
    """Everything one document yields, before anything is written. Rows are dicts keyed by column."""

    document: ExtractedDocument
    raws: tuple[RawTable, ...]
    tables: tuple[NormalisedTable, ...]
    items: tuple[dict, ...]
    table_totals: tuple[tuple[dict, ...], ...]  # totals.csv's rows of each table, in table order
    findings: tuple[dict, ...]
    mentions: tuple[dict, ...]
    skipped: tuple[str, ...]
    title: str = ""
    year: int | None = None
    cross_check: str = ""  # the cross-check's verdict ("69 of 69 cells agree (pdfium, camelot)"); empty without one
    not_read: tuple = ()  # accounting.NotRead of each table region left out
    amounts: tuple[int, int] = (0, 0)  # amounts in the budget tables read, and printed in all
    extractor: str = ""  # the extractor the document was read with
    choices: tuple = ()  # audit.readings.Choice of each table read as another extractor reads it

    @property
    def totals(self) -> list[dict]:
        """totals.csv's rows."""
        return [row for rows in self.table_totals for row in rows]

    @property
    def checks_passed(self) -> tuple[int, int]:
        """Every check the document had, and those passed: each stated subtotal, Total, row total and overview
        figure against its rows, and each prose amount compared with the table line it speaks of (an untied
        one is no check). The summary line on stdout and report.html's summary both count these."""
        results = [t["status"] == "ok" for t in self.totals]
        results += [COMPARED_MENTIONS[m["status"]] for m in self.mentions if m["status"] in COMPARED_MENTIONS]
        return sum(results), len(results)

    @property
    def lines(self) -> int:
        """Budget lines as printed (an item row per line and year); an overview's lines are not budget lines."""
        return sum(len(t.items) // max(len(t.years), 1) for t in self.tables if not t.overview)
