"""Generated documents (tests/generator), a fixed set of seeds, each read by every extractor and held to its
truth: items and totals exact, exactly the planted findings (the acceptance corpus's scorers).

The seeds are drawn once per session into a temporary folder (every renderer: ReportLab, Chromium, fpdf2 and
LibreOffice); each extractor reads them all in one batch run of the command, as a user would."""

from __future__ import annotations

import pytest

from tests.generator import generate, seed_name
from tests.scoring import ACCEPTANCE, HAS_SCORERS, batch_run, exact

SEEDS = range(60)
EXTRACTORS = ["pdfium", "pdfplumber", "camelot"]
# Seeds not yet exact with an extractor, each a rule still to find (a seed leaves this list when it holds:
# the test is strict, so a seed listed here that comes out exact fails until it is taken off).
NOT_YET: dict[tuple[int, str], str] = {
    (3, 'camelot'): 'lines 19 of 21 read, 2 extra',
    (9, 'camelot'): 'lines 0 of 15 read, 3 extra; totals 2 of 9; area names; findings 0 of 1 planted, 1 false',
    (10, 'camelot'): "footnotes 112 of 116: the font fpdf2 embeds has no '⁴', so the PDF prints no marker where the truth has one (the generator's fault)",
    (11, 'camelot'): 'lines 0 of 39 read, 0 extra; totals 0 of 15; area names; findings 0 of 2 planted, 3 false',
    (13, 'camelot'): 'lines 82 of 94 read, 12 extra',
    (15, 'camelot'): 'lines 17 of 20 read, 3 extra',
    (20, 'camelot'): 'lines 7 of 22 read, 0 extra; totals 4 of 11; area names; findings 0 of 1 planted, 2 false',
    (23, 'camelot'): 'lines 34 of 40 read, 6 extra',
    (24, 'camelot'): 'no budget tables found',
    (25, 'camelot'): 'lines 48 of 60 read, 12 extra',
    (28, 'camelot'): 'lines 38 of 43 read, 1 extra; totals 9 of 11; findings 1 of 2 planted, 3 false',
    (33, 'camelot'): 'lines 4 of 12 read, 8 extra',
    (37, 'camelot'): 'lines 28 of 60 read, 44 extra',
    (39, 'camelot'): 'lines 18 of 20 read, 2 extra',
    (47, 'camelot'): 'lines 48 of 54 read, 4 extra',
    (48, 'camelot'): 'lines 20 of 244 read, 64 extra; totals 8 of 48; area names; findings 0 of 1 planted, 18 false',
    (54, 'camelot'): 'lines 15 of 21 read, 5 extra',
    (56, 'camelot'): 'lines 24 of 120 read, 10 extra; totals 12 of 20; area names; findings 1 of 2 planted, 2 false',
    (57, 'camelot'): 'lines 2 of 13 read, 8 extra; totals 3 of 5; area names; findings 0 of 2 planted, 2 false',
    (59, 'camelot'): 'lines 22 of 23 read, 1 extra',
    (9, 'pdfium'): 'lines 0 of 15 read, 3 extra; totals 2 of 9; area names; findings 0 of 1 planted, 1 false',
    (10, 'pdfium'): "footnotes 112 of 116: the font fpdf2 embeds has no '⁴', so the PDF prints no marker where the truth has one (the generator's fault)",
    (11, 'pdfium'): 'lines 0 of 39 read, 0 extra; totals 0 of 15; area names; findings 0 of 2 planted, 3 false',
    (20, 'pdfium'): 'lines 7 of 22 read, 0 extra; totals 4 of 11; area names; findings 0 of 1 planted, 2 false',
    (23, 'pdfium'): 'lines 34 of 40 read, 6 extra',
    (24, 'pdfium'): 'no budget tables found',
    (28, 'pdfium'): 'lines 38 of 43 read, 1 extra; totals 9 of 11; findings 1 of 2 planted, 3 false',
    (33, 'pdfium'): 'lines 4 of 12 read, 8 extra',
    (37, 'pdfium'): 'lines 28 of 60 read, 44 extra',
    (39, 'pdfium'): 'lines 18 of 20 read, 2 extra',
    (47, 'pdfium'): 'lines 48 of 54 read, 4 extra',
    (48, 'pdfium'): 'lines 20 of 244 read, 64 extra; totals 8 of 48; area names; findings 0 of 1 planted, 18 false',
    (54, 'pdfium'): 'lines 19 of 21 read, 1 extra',
    (56, 'pdfium'): 'lines 24 of 120 read, 10 extra; totals 12 of 20; area names; findings 1 of 2 planted, 2 false',
    (57, 'pdfium'): 'lines 2 of 13 read, 8 extra; totals 3 of 5; area names; findings 0 of 2 planted, 2 false',
    (59, 'pdfium'): 'lines 22 of 23 read, 1 extra',
    (9, 'pdfplumber'): 'lines 0 of 15 read, 3 extra; totals 2 of 9; area names; findings 0 of 1 planted, 1 false',
    (10, 'pdfplumber'): "footnotes 112 of 116: the font fpdf2 embeds has no '⁴', so the PDF prints no marker where the truth has one (the generator's fault)",
    (11, 'pdfplumber'): 'lines 0 of 39 read, 0 extra; totals 0 of 15; area names; findings 0 of 2 planted, 3 false',
    (20, 'pdfplumber'): 'lines 7 of 22 read, 0 extra; totals 4 of 11; area names; findings 0 of 1 planted, 2 false',
    (23, 'pdfplumber'): 'lines 34 of 40 read, 6 extra',
    (24, 'pdfplumber'): 'no budget tables found',
    (25, 'pdfplumber'): 'lines 48 of 60 read, 12 extra',
    (28, 'pdfplumber'): 'lines 38 of 43 read, 1 extra; totals 9 of 11; findings 1 of 2 planted, 3 false',
    (33, 'pdfplumber'): 'lines 4 of 12 read, 8 extra',
    (37, 'pdfplumber'): 'lines 28 of 60 read, 44 extra',
    (39, 'pdfplumber'): 'lines 18 of 20 read, 2 extra',
    (47, 'pdfplumber'): 'lines 48 of 54 read, 4 extra',
    (48, 'pdfplumber'): 'lines 20 of 244 read, 64 extra; totals 8 of 48; area names; findings 0 of 1 planted, 18 false',
    (54, 'pdfplumber'): 'lines 19 of 21 read, 1 extra',
    (56, 'pdfplumber'): 'lines 24 of 120 read, 10 extra; totals 12 of 20; area names; findings 1 of 2 planted, 2 false',
    (57, 'pdfplumber'): 'lines 2 of 13 read, 8 extra; totals 3 of 5; area names; findings 0 of 2 planted, 2 false',
    (59, 'pdfplumber'): 'lines 22 of 23 read, 1 extra',
}

pytestmark = pytest.mark.skipif(not HAS_SCORERS, reason=f"the acceptance corpus's scorers are not at {ACCEPTANCE}")


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    generate(SEEDS, folder)
    return folder


@pytest.fixture(scope="module")
def batch(documents, tmp_path_factory):
    runs = {}

    def run(extractor: str):
        if extractor not in runs:
            out = tmp_path_factory.mktemp(f"generated-{extractor}")
            runs[extractor] = (out, batch_run([documents / f"{seed_name(s)}.pdf" for s in SEEDS], out, extractor))
        return runs[extractor]

    return run


def cases():
    for extractor in EXTRACTORS:
        for seed in SEEDS:
            reason = NOT_YET.get((seed, extractor))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(seed, extractor, marks=marks, id=f"{seed_name(seed)}-{extractor}")


@pytest.mark.parametrize("seed, extractor", cases())
def test_a_generated_document_is_read_exactly_with_exactly_its_planted_findings(documents, batch, seed, extractor):
    out, stderr = batch(extractor)
    name = seed_name(seed)
    folder = out / name
    assert folder.is_dir(), f"{name} was not written: {[line for line in stderr.splitlines() if name in line]}"
    ok, lines = exact(folder, documents / f"{name}.truth.json")
    assert ok, lines
