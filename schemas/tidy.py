"""pandera models of the tidy tables: one budget line per row, one stated total per row."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from .contract import TOTAL_LEVELS

FOOTNOTE_MARKER = r"^(\*{1,3}|†|‡|\d{1,2}\)|[a-h]\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$"


def _is_exact(series: pd.Series) -> pd.Series:
    return series.map(lambda value: isinstance(value, Decimal) and value.is_finite())


class Items(pa.DataFrameModel):
    """items.csv: one row per budget line and year; no subtotal or total rows."""

    year: Series[int] = pa.Field(ge=1990, le=2100, title="Budget year, from the table header")
    table_no: Series[int] = pa.Field(ge=0, title="Table number, from the caption; else its position among the tables")
    area: Series[str] = pa.Field(title="Policy area, from the caption")
    section: Series[str] = pa.Field(title="Section heading as printed (Tilskudsmidler, …)")
    section_key: Series[str] = pa.Field(title="Canonical key of the section")
    group: Series[str] = pa.Field(title="Group heading as printed, empty when none")
    item: Series[str] = pa.Field(str_length={"min_value": 1}, title="Budget line as printed")
    footnote: Series[str] = pa.Field(str_matches=FOOTNOTE_MARKER, title="Footnote marker or empty")
    footnote_text: Series[str] = pa.Field(title="Text of the footnote the marker points to")
    amount_tkr: Series[object] = pa.Field(title="Amount in 1.000 DKK, exact")
    amount_dkk: Series[int] = pa.Field(title="Amount in DKK")
    page: Series[int] = pa.Field(ge=1, title="Page the amount is printed on")
    source_file: Series[str] = pa.Field(str_length={"min_value": 1}, title="PDF file name")

    class Config:
        strict = True
        ordered = True

    @pa.check("amount_tkr", name="amount_is_exact_decimal")
    def amount_is_exact_decimal(cls, series: pd.Series) -> pd.Series:
        return _is_exact(series)

    @pa.dataframe_check(name="dkk_is_tkr_times_1000")
    def dkk_is_tkr_times_1000(cls, df: pd.DataFrame) -> pd.Series:
        return pd.Series(
            [tkr * 1000 == dkk for tkr, dkk in zip(df["amount_tkr"], df["amount_dkk"])], index=df.index
        )

    @pa.dataframe_check(name="marked_lines_have_footnote_text")
    def marked_lines_have_footnote_text(cls, df: pd.DataFrame) -> pd.Series:
        return (df["footnote"] == "") | (df["footnote_text"] != "")


class StatedTotals(pa.DataFrameModel):
    """A subtotal ("… i alt") or table total ("Total") as the document states it."""

    year: Series[pd.Int64Dtype] = pa.Field(
        ge=1990, le=2100, nullable=True, coerce=True, title="Budget year, from the table header; empty for a row total"
    )
    table_no: Series[int] = pa.Field(ge=0, title="Table number, from the caption; else its position among the tables")
    area: Series[str] = pa.Field(title="Policy area, from the caption")
    level: Series[str] = pa.Field(
        isin=TOTAL_LEVELS, title="section for '… i alt', table for 'Total', row for a line's total over its years"
    )
    section: Series[str] = pa.Field(title="Section the subtotal closes; empty for a table total")
    section_key: Series[str] = pa.Field(title="Canonical key of the section; empty for a table total")
    group: Series[str] = pa.Field(title="For a row total: the line's group; else empty")
    item: Series[str] = pa.Field(title="For a row total: the line as printed; else empty")
    stated_tkr: Series[object] = pa.Field(title="Total as printed, in 1.000 DKK")

    @pa.check("stated_tkr", name="stated_is_exact_decimal")
    def stated_is_exact_decimal(cls, series: pd.Series) -> pd.Series:
        return _is_exact(series)


class ReconciledTotals(StatedTotals):
    """totals.csv: each stated total beside the sum of the rows under it."""

    computed_tkr: Series[object] = pa.Field(title="Sum of the item rows under the total, in 1.000 DKK")
    difference_tkr: Series[object] = pa.Field(title="stated_tkr - computed_tkr")
    status: Series[str] = pa.Field(isin=["ok", "mismatch"])
    page: Series[int] = pa.Field(ge=1, title="Page the stated total is printed on")

    class Config:
        strict = True
        ordered = True

    @pa.dataframe_check(name="section_subtotals_equal_their_rows")
    def section_subtotals_equal_their_rows(cls, df: pd.DataFrame) -> pd.Series:
        return (df["level"] != "section") | (df["stated_tkr"] == df["computed_tkr"])

    @pa.dataframe_check(name="row_totals_equal_their_years")
    def row_totals_equal_their_years(cls, df: pd.DataFrame) -> pd.Series:
        return (df["level"] != "row") | (df["stated_tkr"] == df["computed_tkr"])

    @pa.dataframe_check(name="overview_figures_equal_their_tables")
    def overview_figures_equal_their_tables(cls, df: pd.DataFrame) -> pd.Series:
        return (df["level"] != "overview") | (df["stated_tkr"] == df["computed_tkr"])

    @pa.dataframe_check(name="table_totals_equal_their_rows")
    def table_totals_equal_their_rows(cls, df: pd.DataFrame) -> pd.Series:
        return (df["level"] != "table") | (df["stated_tkr"] == df["computed_tkr"])
