"""Seeded test documents, each with its truth: `generate(seeds, folder)` writes `<name>.pdf` and
`<name>.truth.json` (the acceptance corpus's truth schema) for each seed; `python -m tests.generator`."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable

from .draw import draw_document
from .model import Document
from .truth import document_truth


def seed_name(seed: int) -> str:
    return f"gen-{seed:04d}"


def truth_of(seed: int) -> dict:
    return document_truth(draw_document(seed), seed_name(seed), seed)


def _render_one(doc: Document, pdf: Path) -> None:
    from . import render_fpdf, render_html, render_reportlab
    {"chromium": render_html, "reportlab": render_reportlab, "fpdf2": render_fpdf}[doc.style.renderer].render(doc, pdf)


def generate(seeds: Iterable[int], folder: Path, jobs: int = 2) -> list[Path]:
    """Each seed's PDF and truth in `folder`; LibreOffice's documents go through one LibreOffice run."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = [(seed, draw_document(seed)) for seed in seeds]
    office, others = [], []
    for seed, doc in docs:
        pdf = folder / f"{seed_name(seed)}.pdf"
        (folder / f"{seed_name(seed)}.truth.json").write_text(
            json.dumps(document_truth(doc, seed_name(seed), seed), ensure_ascii=False, indent=1), encoding="utf-8")
        (office if doc.style.renderer == "libreoffice" else others).append((doc, pdf))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        waiting = []
        if office:
            from .render_docx import render_many
            waiting.append(pool.submit(render_many, office))
        waiting += [pool.submit(_render_one, doc, pdf) for doc, pdf in others]
        for job in waiting:
            job.result()
    return [folder / f"{seed_name(seed)}.pdf" for seed, _ in docs]
