"""A scanned page's image → the same page as Tesseract reads it best: level, evenly lit, full contrast.

A real scan is turned a degree or two, lit unevenly, greyed and blurred by its compression. Tesseract
binarises one threshold over the page, and the layout groups its words into printed lines by height, so
a page turned by 1.5 degrees puts the amount at the end of a 15 cm line 4 mm off its label, and a dark
corner drowns the words in it. So, before Tesseract, each page image is

- levelled: the angle (within SKEW_LIMIT degrees) at which the ink's rows, projected across the page,
  are sharpest (a projection profile: the rows of text and the gaps between them stand out most when the
  lines lie level) is found on a small copy, and the page turned back by it;
- flattened: the paper's brightness, estimated by the brightest pixel around each spot of a small copy
  (ink is darker than its paper, and thinner than the window), divides the page, so paper is white
  however it was lit;
- stretched: the darkest ink to black and the paper to white.

(Painting a table's rules white before Tesseract was tried and left out: on the degraded scans it lost lines.)

A clean page (born-digital, rendered) comes through as it was: level at 0 degrees, paper already white.
Orientation (a page upside down or on its side) is Tesseract's own finding (ocr.py asks its OSD).
"""

from __future__ import annotations

import cv2  # opencv-python-headless, which camelot needs: turning and dividing a page of 9 megapixels quickly
import numpy as np
from PIL import Image, ImageOps

SKEW_LIMIT = 3.0  # degrees either way; a scan turned further is put in the scanner again
COARSE_STEP = 0.25
FINE_STEP = 0.05
PROFILE_WIDTH = 900  # pixels across the small copy the angle is found on
LEVEL_BELOW = 0.1  # degrees: a page turned less than this is left as it is
BACKGROUND_SHRINK = 8  # the paper's light is estimated on a copy this many times smaller
BACKGROUND_WINDOW = 9  # pixels of that copy: wider than a stroke of ink, narrower than the light's changes


def _ink_points(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the ink is on a grey page: pixels well below the page's paper brightness."""
    paper = np.percentile(gray, 90)
    ys, xs = np.nonzero(gray < paper * 0.6)
    return ys.astype(np.float64), xs.astype(np.float64)


def _sharpness(ys: np.ndarray, xs: np.ndarray, angle: float, height: int) -> float:
    """How sharply the ink's rows stand out when the page is read turned by `angle` degrees."""
    theta = np.deg2rad(angle)
    rows = np.round(ys * np.cos(theta) - xs * np.sin(theta)).astype(np.int64)
    profile = np.bincount(rows - rows.min(), minlength=height)
    return float(np.sum(np.diff(profile.astype(np.float64)) ** 2))


def _best_angle(ys: np.ndarray, xs: np.ndarray, angles: np.ndarray, height: int) -> float:
    scores = [_sharpness(ys, xs, a, height) for a in angles]
    return float(angles[int(np.argmax(scores))])


def skew_angle(image: Image.Image) -> float:
    """The angle in degrees (counter-clockwise, within SKEW_LIMIT) by which the page's lines of text are
    turned; 0.0 for a page with too little ink to tell."""
    scale = min(1.0, PROFILE_WIDTH / image.width)
    small = image.convert("L").resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    ys, xs = _ink_points(np.asarray(small))
    if len(ys) < 200:
        return 0.0
    coarse = _best_angle(ys, xs, np.arange(-SKEW_LIMIT, SKEW_LIMIT + 1e-9, COARSE_STEP), small.height)
    fine = np.arange(coarse - COARSE_STEP, coarse + COARSE_STEP + 1e-9, FINE_STEP)
    # the profile's rows run the other way round from the image's angle
    return -round(_best_angle(ys, xs, fine, small.height), 2)


def levelled(image: Image.Image, angle: float) -> Image.Image:
    """The page turned back by `angle` degrees, the corners filled with paper white; the same size."""
    if abs(angle) < LEVEL_BELOW:
        return image
    page = np.asarray(image.convert("L"))
    height, width = page.shape
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    flat = cv2.warpAffine(page, turn, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)
    return Image.fromarray(flat, mode="L")


def evenly_lit(image: Image.Image) -> Image.Image:
    """A grey page divided by its paper's brightness: white paper however it was lit, the ink as dark
    against it as it was."""
    page = np.asarray(image.convert("L"))
    height, width = page.shape
    shrink = BACKGROUND_SHRINK if min(height, width) >= BACKGROUND_SHRINK * 16 else 1
    small = cv2.resize(page, (max(1, width // shrink), max(1, height // shrink)), interpolation=cv2.INTER_AREA)
    window = np.ones((BACKGROUND_WINDOW, BACKGROUND_WINDOW), np.uint8)
    paper = cv2.GaussianBlur(cv2.dilate(small, window), (0, 0), BACKGROUND_WINDOW)  # dilate: the brightest around
    paper = np.maximum(cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR), 1)
    return Image.fromarray(cv2.divide(page, paper, scale=255), mode="L")


def page_for_ocr(image: Image.Image) -> Image.Image:
    """A rendered page image → grey, level, evenly lit and stretched to full contrast, for Tesseract."""
    gray = image.convert("L")
    gray = levelled(gray, skew_angle(gray))
    return ImageOps.autocontrast(evenly_lit(gray), cutoff=(0.5, 0))
