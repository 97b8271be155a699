"""Pages rendered to images, and a region of one drawn with boxes: what a person compares the reading with."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .model import BBox

if TYPE_CHECKING:  # only the stage that draws loads PIL and pypdfium2's renderer
    from PIL import Image

DPI = 110
SCALE = DPI / 72
MARGIN_PT = 8.0
NUMBER_GUTTER_PT = 14.0  # room left of the region for the row numbers
PNG_COLOURS = 96

Colour = tuple[int, ...]


MAX_REGION_PIXELS = 16_000_000  # a region drawn for the report at most: a 14400 pt page's table is drawn smaller


class PageImages:
    """Regions of a PDF's pages rendered at DPI on demand: only the region is rendered, never the whole page, and
    at a lower scale where it would pass MAX_REGION_PIXELS (a page may be 200 inches wide)."""

    def __init__(self, pdf: Path, *, password: str | None = None) -> None:
        import pypdfium2 as pdfium

        self.document = pdfium.PdfDocument(str(pdf), password=password)

    def region(self, number: int, bbox: BBox) -> tuple[Image.Image, tuple[int, int], float]:
        """The region of page `number` around `bbox` (see crop_box), its pixel origin on the page, and its scale."""
        page = self.document[number - 1]
        try:
            width, height = page.get_size()
            scale = region_scale(crop_points(bbox, (width, height)))
            left, top, right, bottom = crop_box(bbox, (max(1, int(width * scale)), max(1, int(height * scale))),
                                                scale=scale)
            crop = (left / scale, height - bottom / scale, width - right / scale, top / scale)
            image = page.render(scale=scale, crop=tuple(max(0.0, c) for c in crop)).to_pil().convert("RGB")
        finally:
            page.close()
        return image, (left, top), scale

    def close(self) -> None:
        self.document.close()


def crop_points(bbox: BBox, size: tuple[float, float]) -> tuple[float, float, float, float]:
    """A table part's bbox plus its margins, in points, inside a page of `size` points."""
    x0, top, x1, bottom = bbox
    return (max(0.0, x0 - MARGIN_PT - NUMBER_GUTTER_PT), max(0.0, top - MARGIN_PT),
            min(size[0], x1 + MARGIN_PT), min(size[1], bottom + MARGIN_PT))


def region_scale(points: tuple[float, float, float, float]) -> float:
    """SCALE, or less where a region that large would pass MAX_REGION_PIXELS."""
    area = max(1.0, (points[2] - points[0]) * (points[3] - points[1]))
    return min(SCALE, (MAX_REGION_PIXELS / area) ** 0.5)


def crop_box(bbox: BBox, size: tuple[int, int], *, scale: float = SCALE) -> tuple[int, int, int, int]:
    """A table part's bbox in points → the pixel box to crop: the bbox plus a margin, inside the page."""
    x0, top, x1, bottom = bbox
    left = min(max(0, int((x0 - MARGIN_PT - NUMBER_GUTTER_PT) * scale)), size[0] - 1)
    upper = min(max(0, int((top - MARGIN_PT) * scale)), size[1] - 1)
    right = max(min(size[0], int((x1 + MARGIN_PT) * scale) + 1), left + 1)
    lower = max(min(size[1], int((bottom + MARGIN_PT) * scale) + 1), upper + 1)
    return left, upper, right, lower  # never empty, even for a table the page box cuts off


def region_to_png(
    rendered: tuple[Image.Image, tuple[int, int], float],
    bbox: BBox,
    rows: Sequence[tuple[int, BBox, Colour, Colour | None]],
    *,
    table_ink: Colour,
    number_ink: Colour,
) -> tuple[bytes, tuple[int, int]]:
    """A rendered region (PageImages.region), with its box and each row drawn on it and numbered in the
    margin: rows are (number, bbox, outline, fill with alpha or None). Returns the PNG and its size."""
    from PIL import Image, ImageDraw, ImageFont

    page_region, (left, top), scale = rendered
    region = page_region.convert("RGBA")
    overlay = Image.new("RGBA", region.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    font = ImageFont.load_default(size=max(10, round(7.5 * scale)))
    gutter = (bbox[0] - MARGIN_PT) * scale - left

    def box(b: BBox, pad: float = 0.0) -> tuple[float, float, float, float]:
        return ((b[0] - pad) * scale - left, (b[1] - pad) * scale - top,
                (b[2] + pad) * scale - left, (b[3] + pad) * scale - top)

    for number, row_box, outline, fill in rows:
        x0, y0, x1, y1 = box(row_box, 1.5)
        draw.rectangle((x0, y0, x1, y1), outline=outline + (255,), fill=fill, width=2 if fill else 1)
        draw.text((gutter, (y0 + y1) / 2), str(number), fill=(outline if fill else number_ink) + (255,),
                  font=font, anchor="rm")
    draw.rectangle(box(bbox, 3.0), outline=table_ink + (255,), width=2)
    image = Image.alpha_composite(region, overlay).convert("RGB")
    image = image.quantize(colors=PNG_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue(), image.size
