"""Tables printed as pictures: a table caption with an image where the table's rows should be.

Some documents paste their tables in as images (a screenshot of a spreadsheet) under
captions set as text. The caption is found, the rows are not: without this check such
a document would seem to have no tables, or fewer than it has. A caption's rows are
whatever stands next to it, above or below, with nothing but blank space and footnote
lines between: a table region of text, or an image. An image counts only where it is
large enough to hold rows and has no text over it (the page image of a scan with a text
layer has its words over it, and is read from them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .layout import PageContent, PageLayout
from .model import BBox

MIN_WIDTH_SHARE = 0.25  # of the page's width: narrower images are logos, icons, signatures
MIN_HEIGHT_LINES = 2.0  # an image lower than two of the caption's lines holds no rows
MAX_GAP_LINES = 6.0  # caption to image, in the caption's line heights (footnote lines may stand between)
MAX_WORDS_OVER = 2  # words over an image: more, and it is a page image with its text on it


@dataclass(frozen=True)
class Picture:
    """An image next to a table caption, where the table's rows should be."""

    page: int
    bbox: BBox
    caption: str


def _overlaps_across(a: BBox, b: BBox) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0])


def _words_over(image: BBox, page: PageContent) -> int:
    return sum(
        1 for w in page.words
        if image[0] <= (w.x0 + w.x1) / 2 <= image[2] and image[1] <= (w.top + w.bottom) / 2 <= image[3]
    )


def page_to_images(page: PageContent, *, line_height: float) -> list[BBox]:
    """The page's images that could hold a table: wide, tall and with no text over them."""
    return [
        image for image in page.images
        if image[2] - image[0] >= MIN_WIDTH_SHARE * page.width
        and image[3] - image[1] >= MIN_HEIGHT_LINES * line_height
        and _words_over(image, page) <= MAX_WORDS_OVER
    ]


def _nearest(caption: BBox, things: Sequence[tuple[str, BBox]], *, above: bool) -> tuple[str, BBox] | None:
    """The thing right above (or below) the caption, overlapping it across the page."""
    if above:
        found = [t for t in things if t[1][3] <= caption[1] + 1 and _overlaps_across(t[1], caption)]
        return max(found, key=lambda t: t[1][3], default=None)
    found = [t for t in things if t[1][1] >= caption[3] - 1 and _overlaps_across(t[1], caption)]
    return min(found, key=lambda t: t[1][1], default=None)


def layout_to_pictures(page: PageContent, layout: PageLayout) -> list[Picture]:
    """The images on a page that stand next to a table caption with no table region of text there."""
    pictures = []
    for note in (n for n in layout.notes if n.kind == "caption"):
        box = (min(l.x0 for l in note.lines), note.top, max(l.x1 for l in note.lines), note.bottom)
        height = note.lines[0].height or 10.0
        things = [
            *(("region", r.bbox) for r in layout.regions),
            *(("text", t.bbox) for t in layout.text if t.kind == "text" and not note.top <= t.bbox[1] <= note.bottom),
            *(("image", image) for image in page_to_images(page, line_height=height)),
        ]
        nearest = [_nearest(box, things, above=True), _nearest(box, things, above=False)]
        if any(n is not None and n[0] == "region" for n in nearest):
            continue  # the caption has its rows as text
        for above, found in zip((True, False), nearest):
            gap = None if found is None else (box[1] - found[1][3] if above else found[1][1] - box[3])
            if found is not None and found[0] == "image" and gap <= MAX_GAP_LINES * height:
                pictures.append(Picture(page.number, found[1], note.text))
                break
    return pictures


def layouts_to_pictures(pages: Sequence[PageContent], layouts: Sequence[PageLayout]) -> tuple[Picture, ...]:
    """Every image that stands where a captioned table's rows should be, in page order (each image once)."""
    found: dict[tuple[int, BBox], Picture] = {}
    for page, layout in zip(pages, layouts):
        if page.images:
            for picture in layout_to_pictures(page, layout):
                found.setdefault((picture.page, picture.bbox), picture)
    return tuple(found.values())


def pictures_to_message(pictures: Sequence[Picture]) -> str:
    """One line: where the pictures are, how many, and --ocr."""
    from .decoding import page_numbers

    count = len(pictures)
    images = "1 image" if count == 1 else f"{count} images"
    return f"{page_numbers(sorted({p.page for p in pictures}))}: tables printed as pictures ({images} by table captions); give --ocr to read them"
