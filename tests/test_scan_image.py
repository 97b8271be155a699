"""Scanned pages prepared for Tesseract (extract/scan_image.py, extract/ocr.py): a page turned a degree or two is
levelled, an unevenly lit one made white, and Tesseract's orientation report read only where it is sure."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from projektpulje.extract.ocr import osd_to_turn
from projektpulje.extract.scan_image import evenly_lit, levelled, page_for_ocr, skew_angle


def text_page(width: int = 1200, height: int = 1600) -> Image.Image:
    """A grey page with 'lines of text': rows of short dark bars, as words stand, with gaps between lines."""
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    for row, y in enumerate(range(120, height - 120, 48)):
        x = 100 + (row % 3) * 20
        while x < width - 160:
            word = 40 + (x * 7 + row * 13) % 90
            draw.rectangle((x, y, x + word, y + 18), fill=20)
            x += word + 22
    return page


@pytest.mark.parametrize("angle", [-1.8, -0.6, 0.7, 1.5])
def test_a_page_turned_a_little_is_found_turned_and_levelled(angle):
    turned = text_page().rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    found = skew_angle(turned)
    assert found == pytest.approx(angle, abs=0.15)
    assert skew_angle(levelled(turned, found)) == pytest.approx(0, abs=0.15)


def test_a_level_page_or_a_blank_one_is_left_as_it_is():
    page = text_page()
    assert abs(skew_angle(page)) < 0.1 and levelled(page, skew_angle(page)) is page
    assert skew_angle(Image.new("L", (600, 800), 255)) == 0.0


def test_paper_lit_unevenly_is_made_white_and_the_ink_stays_dark():
    page = np.asarray(text_page(), dtype=np.float32)
    lamp = np.linspace(1.0, 0.6, page.shape[1], dtype=np.float32)[None, :]  # the right side 40 % darker
    dim = Image.fromarray((page * lamp * 0.9).astype(np.uint8), mode="L")
    flat = np.asarray(evenly_lit(dim))
    paper, ink = flat[60:100, :], flat[120:138, 100:140]  # a strip above the first line; the first word
    assert paper.min() >= 235
    assert ink.mean() < 60
    ready = np.asarray(page_for_ocr(dim.convert("RGB")))
    assert ready.shape == page.shape and ready[60:100, :].min() >= 235


OSD = """Page number: 0
Orientation in degrees: {orientation}
Rotate: {rotate}
Orientation confidence: {confidence}
Script: Latin
Script confidence: 3.10
"""


def test_tesseract_s_orientation_is_followed_only_where_it_is_sure():
    assert osd_to_turn(OSD.format(orientation=180, rotate=180, confidence=9.5)) == 180
    assert osd_to_turn(OSD.format(orientation=270, rotate=90, confidence=4.2)) == 90
    assert osd_to_turn(OSD.format(orientation=180, rotate=180, confidence=0.8)) == 0  # unsure: as it is
    assert osd_to_turn("Too few characters. Skipping this page") == 0
