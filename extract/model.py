"""What an extractor hands on: raw tables with their provenance.

Coordinates are PDF points with the origin at the top left of the page
(pdfplumber's convention); pages are 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence, TypeVar

R = TypeVar("R")
# How an extractor's pages are read: `map_pages(read, pages)` calls `read` on runs of the page indices and returns
# the results in page order (read here at once by default; orchestration may share the runs among processes).
MapPages = Callable[[Callable[[Sequence[int]], list], Sequence[int]], list]


def in_order(read: Callable[[Sequence[int]], list[R]], pages: Sequence[int]) -> list[R]:
    """Every page read here, in one run."""
    return list(read(pages))


BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class RawRow:
    """One printed line of a table (or one cell row, when the extractor saw cells).

    ``cells`` holds the label cell first, then one cell per value column, verbatim.
    A cell may hold several printed lines joined by "\\n" when the extractor knows
    they share a cell. ``continues`` is the layout's evidence about the previous
    row: True when this line sits in the same cell as the one above, False when
    something (a rule, a row gap) separates them, None when the layout cannot tell.
    """

    cells: tuple[str, ...]
    page: int
    bbox: BBox
    continues: bool | None = False

    @property
    def label(self) -> str:
        return self.cells[0]

    @property
    def values(self) -> tuple[str, ...]:
        return self.cells[1:]

    def __repr__(self) -> str:
        return f"RawRow(p{self.page} {' | '.join(self.cells)!r} continues={self.continues})"


@dataclass(frozen=True)
class RawTable:
    """A table as found in the PDF, with what surrounds it and where it came from."""

    source: str
    page: int
    index: int
    extractor: str
    bbox: BBox
    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    caption: str = ""
    footnotes: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()
    parts: tuple[tuple[int, BBox], ...] = ()  # (page, bbox) of each page's part of the table
    preamble: str = ""  # the text line right above the header row, if any

    def __repr__(self) -> str:
        where = f"p{self.page}" if len(self.pages) <= 1 else f"p{self.pages[0]}-{self.pages[-1]}"
        return (
            f"<RawTable {self.source} {where} #{self.index} {self.extractor}: "
            f"{len(self.rows)} rows, caption={self.caption[:40]!r}>"
        )


@dataclass(frozen=True)
class TextLine:
    """A line of running text outside the tables: prose and headings ("text"), or a "caption" or "footnote" line."""

    text: str
    page: int
    bbox: BBox
    size: float = 0.0
    kind: str = "text"


@dataclass(frozen=True)
class ExtractedDocument:
    """Everything an extractor read from one PDF."""

    source: str
    page_count: int
    tables: tuple[RawTable, ...]
    text: tuple[TextLine, ...] = field(default=(), repr=False)
    ocr: str = ""  # the OCR engine that made the words ('tesseract 5.3.0 (dan)'), or empty where the PDF had text
    undecoded: tuple = ()  # decoding.Undecoded: pages whose text does not decode
    pictures: tuple = ()  # pictures.Picture: images by table captions where the table's rows should be
    repairs: tuple[str, ...] = ()  # what was wrong with the file and read as PDF readers repair it ("cross-reference table rebuilt")


REST_GAP_LINES = 3  # a region's rest starts at most this many of its lines below the region's end


def line_pitch(raw: RawTable) -> float:
    """How far apart a region's printed lines stand: the median step from one row's top to the next's."""
    tops = sorted(row.bbox[1] for row in raw.rows)
    steps = sorted(b - a for a, b in zip(tops, tops[1:]) if b > a)
    if steps:
        return steps[len(steps) // 2]
    return max((row.bbox[3] - row.bbox[1] for row in raw.rows), default=0.0) * 2


def starts_right_under(raw: RawTable, above: RawTable) -> bool:
    """Whether `raw` starts on the page `above` ends on, under it, at most REST_GAP_LINES of its lines below
    its end, its values ending where those of `above` do (in its value columns)."""
    ends = [bbox for page, bbox in (above.parts or ((above.page, above.bbox),)) if page == raw.page]
    if not ends:
        return False
    end, pitch = ends[-1], line_pitch(raw)
    under = min(raw.bbox[2], end[2]) - max(raw.bbox[0], end[0]) > 0.5 * (raw.bbox[2] - raw.bbox[0])
    same_columns = abs(raw.bbox[2] - end[2]) <= pitch / 2
    return under and same_columns and -pitch <= raw.bbox[1] - end[3] <= REST_GAP_LINES * pitch
