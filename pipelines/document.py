"""The public face of a run: `read_pdf` turns one PDF into a checked `Document`, whose rows are data frames
and whose `to_folder` writes exactly the files `projektpulje run` writes. The command sits on this."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from projektpulje.budget.accounting import amounts_accounted
from projektpulje.results import Analysis
from projektpulje.settings import RunSettings

FORMATS = ("csv", "parquet", "xlsx")  # what to_folder writes, as the command's --format

if TYPE_CHECKING:  # pandas loads only when rows are asked for as frames or checked
    import pandas as pd

    from projektpulje.budget.normalise import NormalisedTable


@dataclass(frozen=True)
class Document:
    """One PDF's results: its tables, rows, totals, findings and the amounts its prose mentions.

    Rows are exact (Decimal amounts in 1.000 kr., integer kroner); `items`, `totals`, `findings` and
    `mentions` give them as data frames with the output files' columns. `checked` says whether every
    rule of the schemas has run on them (a `read_pdf` document always is). `table_sections` holds the
    report's drawn tables once they are drawn; `out_dir` the output folder once written."""

    source: Path
    analysis: Analysis = field(repr=False)
    settings: RunSettings = field(default=RunSettings(), repr=False)
    checked: bool = False
    table_sections: tuple[str, ...] | None = field(default=None, repr=False)
    out_dir: Path | None = None  # the output folder, once written

    # --- what was read ---------------------------------------------------------------

    @property
    def year(self) -> int | None:
        """The edition's year, from its title."""
        return self.analysis.year

    @property
    def title(self) -> str:
        return self.analysis.title

    @property
    def tables(self) -> TableList:
        """The budget tables as read, in the document's order: a list (camelot's TableList habit) whose tables have
        `.df`, the data frame of that table's items.csv rows, and an HTML view in a notebook."""
        return TableList(Table(table, self.source.name) for table in self.analysis.tables)

    @property
    def lines(self) -> int:
        """Budget lines as printed."""
        return self.analysis.lines

    @property
    def amounts(self) -> tuple[int, int]:
        """Amounts printed in the budget tables: (read into items and totals, printed in all); the rest are in
        unread_table findings."""
        return self.analysis.amounts

    @property
    def checks(self) -> int:
        """Every check: each stated subtotal, Total, row total and overview figure against its rows, and each
        prose amount compared with its table line (report.html's summary counts the same)."""
        return self.analysis.checks_passed[1]

    @property
    def checks_ok(self) -> int:
        """The checks passed."""
        return self.analysis.checks_passed[0]

    @property
    def exit_code(self) -> int:
        """0 without findings, 1 with: the command's exit code for this document."""
        return 1 if self.analysis.findings else 0

    # --- rows as frames ----------------------------------------------------------------

    @property
    def items(self) -> pd.DataFrame:
        """items.csv's rows: one per budget line and year."""
        return self._frame(self.analysis.items, "items.csv")

    @property
    def totals(self) -> pd.DataFrame:
        """totals.csv's rows: every stated subtotal and total beside the sum of its rows."""
        return self._frame(self.analysis.totals, "totals.csv")

    @property
    def findings(self) -> pd.DataFrame:
        """findings.csv's rows: every disagreement found."""
        return self._frame(self.analysis.findings, "findings.csv")

    @property
    def mentions(self) -> pd.DataFrame:
        """mentions.csv's rows: every amount the prose mentions, and what it was checked against."""
        return self._frame(self.analysis.mentions, "mentions.csv")

    def _frame(self, rows, name: str) -> pd.DataFrame:
        """The rows as the file of that name has them, typed from its Table Schema (as Parquet is), with or
        without rows: integers Int64, amounts exact Decimals to three places, booleans boolean, text str."""
        from projektpulje.outputs.typed import rows_named, rows_to_typed_frame

        return rows_to_typed_frame(rows_named(rows, self.source.name), name)

    # --- out ----------------------------------------------------------------------------

    def summary(self) -> str:
        """The command's line for this document."""
        n = len(self.analysis.findings)
        cross_check = f", cross-check: {self.analysis.cross_check}" if self.analysis.cross_check else ""
        where = f" -> {self.out_dir}" if self.out_dir is not None else ""
        return (
            f"{self.source.name}: {len(self.tables)} tables, {self.lines} lines, "
            f"{self.checks_ok}/{self.checks} checks ok, {amounts_accounted(self.analysis.amounts)}, "
            f"{n} finding{'' if n == 1 else 's'}{cross_check}{where}"
        )

    def to_folder(
        self, out_dir: str | Path = "output", *, formats: Sequence[str] = (), csv_dialect: str | None = None
    ) -> Path:
        """Write items.csv, totals.csv, findings.csv, mentions.csv, datapackage.json and report.html into
        `out_dir/<pdf stem>/`, whole or not at all, as `projektpulje run` does; `formats` adds "parquet" and
        "xlsx" as --format does, `csv_dialect="excel-da"` is --csv-dialect."""
        from projektpulje.outputs.dialects import DIALECTS

        unknown = sorted(set(formats) - set(FORMATS))
        if unknown:
            raise ValueError(f"unknown format {unknown[0]!r}; formats are {', '.join(FORMATS)}")
        if csv_dialect is not None and csv_dialect not in DIALECTS:
            raise ValueError(f"unknown CSV dialect {csv_dialect!r}; dialects are {', '.join(sorted(DIALECTS))}")
        settings = dataclasses.replace(
            self.settings, formats=tuple(dict.fromkeys([*self.settings.formats, *formats])),
            csv_dialect=csv_dialect or self.settings.csv_dialect)
        return dataclasses.replace(self, settings=settings).written(Path(out_dir)).out_dir

    def written(self, out_dir: Path) -> Document:
        """This document once its folder under `out_dir` is written."""
        from projektpulje.outputs.files import safe_folder_name, write_folder
        from projektpulje.outputs.folder import analysis_to_files
        from projektpulje.outputs.report import analysis_to_plans, plans_to_html

        document = checked(self)
        sections = document.table_sections
        if sections is None:  # drawn here, in this process; a run draws them in its first stage
            sections = plans_to_html(analysis_to_plans(document.analysis), self.source, password=self.settings.password)
        folder = out_dir / (self.settings.folder or safe_folder_name(self.source.stem))
        files = analysis_to_files(document.analysis, sections, pdf=self.source, settings=self.settings)
        write_folder(folder, files)
        return dataclasses.replace(document, table_sections=tuple(sections), out_dir=folder)

    def to_database(self, url: str = "sqlite:///projektpulje.db") -> str:
        """Load this document into the SQL database at `url`, as `--db URL` does (its tables made if missing; the
        document's rows replaced whole, in one transaction, keyed by its PDF's sha256, which is returned). A
        document not yet written goes through a temporary folder. Raises DatabaseError, its message as --db's."""
        import tempfile

        from projektpulje.outputs.database import load_folder, open_database

        engine = open_database(url)
        try:
            if self.out_dir is not None and (self.out_dir / "datapackage.json").exists():
                return load_folder(engine, self.out_dir)
            with tempfile.TemporaryDirectory(prefix="projektpulje-db-") as folder:
                return load_folder(engine, self.to_folder(folder))
        finally:
            engine.dispose()

    def _repr_html_(self) -> str:
        """A notebook's view: the report's summary and findings, its ids its own (several documents' views on one
        page never share one, so each one's findings filter works on its own findings)."""
        import uuid

        from projektpulje.outputs.report import summary_and_findings_html

        return summary_and_findings_html(self.analysis, self.source.name, scope=f"pp-{uuid.uuid4().hex[:12]}-")

    def __repr__(self) -> str:
        return f"<Document {self.summary()}>"


@dataclass(frozen=True)
class Table:
    """One budget table as read: its caption's number and area, years and pages, its rows; `.df` is the data frame
    of its items.csv rows (typed as `Document.items`). Every attribute of the table as normalised (`items`,
    `totals`, `years`, …) reads through."""

    normalised: NormalisedTable = field(repr=False)
    source_name: str = field(default="document.pdf", repr=False)

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("normalised", "source_name"):
            raise AttributeError(name)
        return getattr(self.normalised, name)

    @property
    def df(self) -> pd.DataFrame:
        """The table's items.csv rows: one per budget line and year."""
        from projektpulje.outputs.typed import rows_named, rows_to_typed_frame

        return rows_to_typed_frame(rows_named([vars(item) for item in self.normalised.items], self.source_name),
                                   "items.csv")

    @property
    def title(self) -> str:
        return f"Tabel {self.normalised.table_no}. {self.normalised.area}"

    def __repr__(self) -> str:
        years = ", ".join(map(str, self.normalised.years))
        lines = len(self.normalised.items) // max(len(self.normalised.years), 1)
        return f"<Table {self.normalised.table_no} {self.normalised.area!r}: {lines} lines, {years}>"

    def _repr_html_(self) -> str:
        """A notebook's view: the title, then the rows."""
        from projektpulje.printable import html_text

        return f"<div><b>{html_text(self.title)}</b>{self.df.to_html(index=False)}</div>"


class TableList(list):
    """A document's tables, a list (as camelot's TableList): `tables[0].df`, `len(tables)`, `tables.n`."""

    @property
    def n(self) -> int:
        return len(self)

    def __repr__(self) -> str:
        return f"<TableList n={len(self)}>"

    def _repr_html_(self) -> str:
        from projektpulje.printable import html_text

        rows = "".join(f"<tr><td>{i}</td><td>{html_text(t.title)}</td><td>{len(t.df)}</td></tr>"
                       for i, t in enumerate(self))
        return (f"<table><thead><tr><th>#</th><th>table</th><th>items rows</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")


def checked(document: Document) -> Document:
    """The document once every rule of the schemas has run on its rows (a failed rule is a finding)."""
    if document.checked:
        return document
    from projektpulje.audit.rules import checked_analysis  # loads pandas and pandera

    return dataclasses.replace(document, analysis=checked_analysis(document.analysis), checked=True)
