"""A PDF → an image-only scan of poorer quality than the bundled one, the same for the same seed.

Each page is rendered with pdfium, then, with amounts drawn from the seed: scanned at a lower resolution,
blurred, turned by up to two degrees, lit unevenly (a lamp brighter on one side, a grey cast), and saved as
a heavily compressed JPEG; the pages are joined into a PDF with no text of its own (Pillow writes it).

    python tests/degrade.py SOURCE.pdf TARGET.pdf --seed 3
"""

from __future__ import annotations

import argparse
import io
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter


@dataclass(frozen=True)
class Damage:
    """How one page is damaged."""

    dpi: int  # the resolution it is scanned at
    blur: float  # Gaussian radius in pixels
    angle: float  # degrees, counter-clockwise
    light: float  # how much darker the far side is than the near one (0: even)
    light_angle: float  # the direction the light falls off in, in radians
    cast: int  # grey added to the paper's white (0: white)
    quality: int  # JPEG quality

    @classmethod
    def drawn(cls, rng: random.Random, *, dpi: int) -> "Damage":
        return cls(
            dpi=dpi,
            blur=round(rng.uniform(0.3, 0.9), 2),
            angle=round(rng.uniform(-2.0, 2.0), 2),
            light=round(rng.uniform(0.15, 0.35), 2),
            light_angle=rng.uniform(0, 6.283),
            cast=rng.randint(10, 35),
            quality=rng.randint(20, 40),
        )


def lit_unevenly(image: Image.Image, *, light: float, light_angle: float, cast: int) -> Image.Image:
    """A grey page darkened along a gradient (the far side `light` darker) and its white greyed by `cast`."""
    pixels = np.asarray(image, dtype=np.float32)
    height, width = pixels.shape
    ys, xs = np.mgrid[0:height, 0:width]
    along = (xs / width - 0.5) * np.cos(light_angle) + (ys / height - 0.5) * np.sin(light_angle)
    factor = 1.0 - light * (along - along.min()) / max(float(np.ptp(along)), 1e-6)
    shaded = pixels * factor * (255 - cast) / 255
    return Image.fromarray(np.clip(shaded, 0, 255).astype(np.uint8), mode="L")


def damaged(image: Image.Image, damage: Damage) -> Image.Image:
    """One grey page image (rendered at damage.dpi) as a poor scanner would give it back."""
    image = image.filter(ImageFilter.GaussianBlur(damage.blur))
    image = image.rotate(damage.angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    image = lit_unevenly(image, light=damage.light, light_angle=damage.light_angle, cast=damage.cast)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=damage.quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def degrade(source: Path, target: Path, *, seed: int) -> list[Damage]:
    """SOURCE's pages, each damaged as drawn from `seed`, written to TARGET as an image-only PDF."""
    rng = random.Random(seed)
    dpi = rng.choice((150, 170, 200))  # one scanner setting for the whole document
    pages, damages = [], []
    pdf = pdfium.PdfDocument(source)
    try:
        for index in range(len(pdf)):
            damage = Damage.drawn(rng, dpi=dpi)
            page = pdf[index]
            try:
                image = page.render(scale=damage.dpi / 72, grayscale=True).to_pil().convert("L")
            finally:
                page.close()
            pages.append(damaged(image, damage))
            damages.append(damage)
    finally:
        pdf.close()
    first, *rest = pages
    first.save(target, format="PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return damages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for number, damage in enumerate(degrade(args.source, args.target, seed=args.seed), 1):
        print(f"page {number}: {damage}")


if __name__ == "__main__":
    main()
