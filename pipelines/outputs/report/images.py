"""Each table's PDF region for the report: cropped from its rendered page, with the table box and every
printed line drawn and numbered, the lines with findings filled."""

from __future__ import annotations

from typing import Mapping

from projektpulje.extract import RawTable
from projektpulje.extract.render import PageImages, region_to_png

# A longer document shows the PDF region only beside the tables with findings, to stay a readable size.
MAX_TABLES_WITH_IMAGES = 40

TABLE_BOX = (31, 95, 191)
ROW_BOX = (120, 150, 200)
NUMBER_INK = (60, 72, 95)
ROW_STYLES = {  # style → (outline, fill with alpha)
    "row": (ROW_BOX, None),
    "root": ((200, 30, 30), (230, 40, 40, 60)),
    "knock": ((215, 130, 0), (245, 170, 20, 70)),
}


def table_images(
    raw: RawTable, styles: Mapping[int, str], pages: "PageImages"
) -> list[tuple[int, bytes, tuple[int, int]]]:
    """One annotated PNG per page part of the table."""
    parts = raw.parts or ((raw.page, raw.bbox),)
    images = []
    for page_no, bbox in parts:
        rows = [(i + 1, r.bbox, styles.get(i, "row")) for i, r in enumerate(raw.rows) if r.page == page_no]
        boxes = [(number, box, *ROW_STYLES.get(style, ROW_STYLES["row"])) for number, box, style in rows]
        png, size = region_to_png(pages.region(page_no, bbox), bbox, boxes, table_ink=TABLE_BOX,
                                  number_ink=NUMBER_INK)
        images.append((page_no, png, size))
    return images
