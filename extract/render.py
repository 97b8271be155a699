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


class PageImages:
    """Pages of a PDF rendered at DPI on demand, keeping only the last one (tables run over neighbouring pages)."""

    def __init__(self, pdf: Path, *, password: str | None = None) -> None:
        import pypdfium2 as pdfium

        self.document = pdfium.PdfDocument(str(pdf), password=password)
        self.number, self.image = 0, None

    def __getitem__(self, number: int) -> Image.Image:
        if number != self.number:
            page = self.document[number - 1]
            self.number, self.image = number, page.render(scale=SCALE).to_pil().convert("RGB")
            page.close()
        return self.image

    def close(self) -> None:
        self.document.close()


def crop_box(bbox: BBox, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A table part's bbox in points → the pixel box to crop: the bbox plus a margin, inside the page."""
    x0, top, x1, bottom = bbox
    left = min(max(0, int((x0 - MARGIN_PT - NUMBER_GUTTER_PT) * SCALE)), size[0] - 1)
    upper = min(max(0, int((top - MARGIN_PT) * SCALE)), size[1] - 1)
    right = max(min(size[0], int((x1 + MARGIN_PT) * SCALE) + 1), left + 1)
    lower = max(min(size[1], int((bottom + MARGIN_PT) * SCALE) + 1), upper + 1)
    return left, upper, right, lower  # never empty, even for a table the page box cuts off


def region_to_png(
    page: Image.Image,
    bbox: BBox,
    rows: Sequence[tuple[int, BBox, Colour, Colour | None]],
    *,
    table_ink: Colour,
    number_ink: Colour,
) -> tuple[bytes, tuple[int, int]]:
    """A region cropped from its rendered page, with its box and each row drawn on it and numbered in the
    margin: rows are (number, bbox, outline, fill with alpha or None). Returns the PNG and its size."""
    from PIL import Image, ImageDraw, ImageFont

    left, top, right, bottom = crop_box(bbox, page.size)
    region = page.crop((left, top, right, bottom)).convert("RGBA")
    overlay = Image.new("RGBA", region.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    font = ImageFont.load_default(size=max(10, round(7.5 * SCALE)))
    gutter = (bbox[0] - MARGIN_PT) * SCALE - left

    def box(b: BBox, pad: float = 0.0) -> tuple[float, float, float, float]:
        return ((b[0] - pad) * SCALE - left, (b[1] - pad) * SCALE - top,
                (b[2] + pad) * SCALE - left, (b[3] + pad) * SCALE - top)

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
