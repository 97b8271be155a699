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
    (0, 'camelot'): 'lines 3 of 18 read, 15 extra; findings 1 of 2 planted, 1 false',
    (2, 'camelot'): 'no budget tables found',
    (3, 'camelot'): 'no budget tables found',
    (4, 'camelot'): 'no budget tables found',
    (6, 'camelot'): 'lines 0 of 164 read, 16 extra; totals 0 of 56; area names; findings 0 of 1 planted, 1 false',
    (7, 'camelot'): 'no budget tables found',
    (8, 'camelot'): 'lines 8 of 42 read, 5 extra; totals 1 of 15; area names; findings 0 of 1 planted, 2 false',
    (9, 'camelot'): 'lines 0 of 15 read, 3 extra; totals 2 of 9; area names; findings 0 of 1 planted, 0 false',
    (10, 'camelot'): 'lines 104 of 116 read, 12 extra',
    (11, 'camelot'): 'lines 0 of 39 read, 6 extra; totals 0 of 15; area names; findings 0 of 2 planted, 3 false',
    (12, 'camelot'): 'lines 18 of 30 read, 12 extra; totals 10 of 12; findings 0 of 0 planted, 2 false',
    (13, 'camelot'): 'lines 70 of 94 read, 20 extra',
    (14, 'camelot'): 'no budget tables found',
    (16, 'camelot'): 'no budget tables found',
    (17, 'camelot'): 'lines 108 of 140 read, 36 extra; findings 0 of 1 planted, 1 false',
    (18, 'camelot'): 'no budget tables found',
    (19, 'camelot'): 'lines 14 of 19 read, 5 extra',
    (20, 'camelot'): 'lines 11 of 22 read, 0 extra; totals 5 of 11; findings 0 of 1 planted, 0 false',
    (21, 'camelot'): 'lines 38 of 41 read, 3 extra',
    (22, 'camelot'): 'no budget tables found',
    (23, 'camelot'): 'no budget tables found',
    (24, 'camelot'): 'no budget tables found',
    (25, 'camelot'): 'lines 30 of 60 read, 30 extra; totals 20 of 24; findings 0 of 0 planted, 3 false',
    (26, 'camelot'): 'lines 24 of 26 read, 2 extra; totals 1 of 3; findings 0 of 0 planted, 2 false',
    (27, 'camelot'): 'no budget tables found',
    (28, 'camelot'): 'lines 33 of 43 read, 6 extra; totals 9 of 11; findings 1 of 2 planted, 0 false',
    (29, 'camelot'): 'lines 0 of 112 read, 120 extra; totals 0 of 52; area names; findings 0 of 2 planted, 21 false',
    (32, 'camelot'): 'findings 1 of 1 planted, 1 false',
    (33, 'camelot'): 'no budget tables found',
    (34, 'camelot'): 'no budget tables found',
    (35, 'camelot'): 'no budget tables found',
    (37, 'camelot'): 'no budget tables found',
    (38, 'camelot'): 'lines 24 of 27 read, 3 extra',
    (39, 'camelot'): 'no budget tables found',
    (40, 'camelot'): 'lines 0 of 21 read, 0 extra; totals 0 of 9; area names; findings 0 of 1 planted, 1 false',
    (41, 'camelot'): 'lines 39 of 63 read, 24 extra',
    (42, 'camelot'): 'lines 6 of 7 read, 1 extra',
    (43, 'camelot'): 'lines 17 of 62 read, 45 extra; totals 0 of 14; area names; findings 0 of 0 planted, 3 false',
    (44, 'camelot'): 'lines 0 of 9 read, 0 extra; totals 0 of 9; area names; findings 0 of 2 planted, 1 false',
    (45, 'camelot'): 'lines 0 of 14 read, 16 extra; totals 2 of 6; area names',
    (46, 'camelot'): 'lines 4 of 6 read, 2 extra',
    (47, 'camelot'): 'no budget tables found',
    (48, 'camelot'): 'no budget tables found',
    (49, 'camelot'): 'lines 15 of 50 read, 5 extra; totals 3 of 11; area names; findings 0 of 1 planted, 2 false',
    (51, 'camelot'): 'no budget tables found',
    (52, 'camelot'): 'lines 52 of 62 read, 10 extra; totals 22 of 28; findings 0 of 0 planted, 4 false',
    (53, 'camelot'): 'no budget tables found',
    (54, 'camelot'): 'lines 13 of 21 read, 4 extra; totals 7 of 10',
    (55, 'camelot'): 'no budget tables found',
    (56, 'camelot'): 'no budget tables found',
    (57, 'camelot'): 'lines 2 of 13 read, 7 extra; totals 3 of 5; area names; findings 0 of 2 planted, 1 false',
    (58, 'camelot'): 'no budget tables found',
    (59, 'camelot'): 'no budget tables found',
    (0, 'pdfium'): 'lines 3 of 18 read, 15 extra; findings 1 of 2 planted, 1 false',
    (2, 'pdfium'): 'no budget tables found',
    (3, 'pdfium'): 'no budget tables found',
    (4, 'pdfium'): 'no budget tables found',
    (6, 'pdfium'): 'lines 0 of 164 read, 16 extra; totals 0 of 56; area names; findings 0 of 1 planted, 1 false',
    (7, 'pdfium'): 'no budget tables found',
    (8, 'pdfium'): 'lines 8 of 42 read, 1 extra; totals 1 of 15; area names; findings 0 of 1 planted, 1 false',
    (9, 'pdfium'): 'lines 0 of 15 read, 3 extra; totals 2 of 9; area names; findings 0 of 1 planted, 0 false',
    (10, 'pdfium'): 'lines 104 of 116 read, 12 extra',
    (11, 'pdfium'): 'lines 0 of 39 read, 6 extra; totals 0 of 15; area names; findings 0 of 2 planted, 3 false',
    (12, 'pdfium'): 'lines 18 of 30 read, 12 extra; totals 10 of 12; findings 0 of 0 planted, 2 false',
    (13, 'pdfium'): 'lines 70 of 94 read, 20 extra',
    (14, 'pdfium'): 'no budget tables found',
    (16, 'pdfium'): 'no budget tables found',
    (17, 'pdfium'): 'lines 108 of 140 read, 36 extra; findings 0 of 1 planted, 1 false',
    (18, 'pdfium'): 'no budget tables found',
    (19, 'pdfium'): 'lines 14 of 19 read, 5 extra',
    (20, 'pdfium'): 'lines 11 of 22 read, 0 extra; totals 5 of 11; findings 0 of 1 planted, 0 false',
    (21, 'pdfium'): 'lines 38 of 41 read, 3 extra',
    (22, 'pdfium'): 'no budget tables found',
    (23, 'pdfium'): 'no budget tables found',
    (24, 'pdfium'): 'no budget tables found',
    (25, 'pdfium'): 'lines 39 of 60 read, 21 extra; totals 20 of 24; findings 0 of 0 planted, 3 false',
    (26, 'pdfium'): 'lines 24 of 26 read, 2 extra; totals 1 of 3; findings 0 of 0 planted, 2 false',
    (27, 'pdfium'): 'no budget tables found',
    (28, 'pdfium'): 'lines 33 of 43 read, 6 extra; totals 9 of 11; findings 1 of 2 planted, 0 false',
    (29, 'pdfium'): 'lines 0 of 112 read, 120 extra; totals 0 of 52; area names; findings 0 of 2 planted, 21 false',
    (32, 'pdfium'): 'findings 1 of 1 planted, 1 false',
    (33, 'pdfium'): 'no budget tables found',
    (34, 'pdfium'): 'no budget tables found',
    (35, 'pdfium'): 'no budget tables found',
    (37, 'pdfium'): 'no budget tables found',
    (38, 'pdfium'): 'lines 24 of 27 read, 3 extra',
    (39, 'pdfium'): 'no budget tables found',
    (40, 'pdfium'): 'lines 0 of 21 read, 0 extra; totals 0 of 9; area names; findings 0 of 1 planted, 1 false',
    (41, 'pdfium'): 'lines 39 of 63 read, 24 extra',
    (42, 'pdfium'): 'lines 6 of 7 read, 1 extra',
    (43, 'pdfium'): 'lines 17 of 62 read, 45 extra; totals 0 of 14; area names; findings 0 of 0 planted, 3 false',
    (44, 'pdfium'): 'lines 0 of 9 read, 0 extra; totals 0 of 9; area names; findings 0 of 2 planted, 1 false',
    (45, 'pdfium'): 'lines 0 of 14 read, 16 extra; totals 2 of 6; area names',
    (46, 'pdfium'): 'lines 4 of 6 read, 2 extra',
    (47, 'pdfium'): 'no budget tables found',
    (48, 'pdfium'): 'no budget tables found',
    (49, 'pdfium'): 'lines 15 of 50 read, 5 extra; totals 3 of 11; area names; findings 0 of 1 planted, 2 false',
    (51, 'pdfium'): 'no budget tables found',
    (52, 'pdfium'): 'lines 52 of 62 read, 10 extra; totals 22 of 28; findings 0 of 0 planted, 4 false',
    (53, 'pdfium'): 'no budget tables found',
    (54, 'pdfium'): 'lines 13 of 21 read, 4 extra; totals 7 of 10',
    (55, 'pdfium'): 'no budget tables found',
    (56, 'pdfium'): 'no budget tables found',
    (57, 'pdfium'): 'lines 2 of 13 read, 7 extra; totals 3 of 5; area names; findings 0 of 2 planted, 1 false',
    (58, 'pdfium'): 'no budget tables found',
    (59, 'pdfium'): 'no budget tables found',
    (0, 'pdfplumber'): 'lines 3 of 18 read, 15 extra; findings 1 of 2 planted, 1 false',
    (2, 'pdfplumber'): 'no budget tables found',
    (3, 'pdfplumber'): 'no budget tables found',
    (4, 'pdfplumber'): 'no budget tables found',
    (6, 'pdfplumber'): 'lines 0 of 164 read, 16 extra; totals 0 of 56; area names; findings 0 of 1 planted, 1 false',
    (7, 'pdfplumber'): 'no budget tables found',
    (8, 'pdfplumber'): 'lines 8 of 42 read, 5 extra; totals 1 of 15; area names; findings 0 of 1 planted, 2 false',
    (9, 'pdfplumber'): 'lines 0 of 15 read, 3 extra; totals 2 of 9; area names; findings 0 of 1 planted, 0 false',
    (10, 'pdfplumber'): 'lines 104 of 116 read, 12 extra',
    (11, 'pdfplumber'): 'lines 0 of 39 read, 6 extra; totals 0 of 15; area names; findings 0 of 2 planted, 3 false',
    (12, 'pdfplumber'): 'lines 18 of 30 read, 12 extra; totals 10 of 12; findings 0 of 0 planted, 2 false',
    (13, 'pdfplumber'): 'lines 70 of 94 read, 20 extra',
    (14, 'pdfplumber'): 'no budget tables found',
    (16, 'pdfplumber'): 'no budget tables found',
    (17, 'pdfplumber'): 'lines 108 of 140 read, 36 extra; findings 0 of 1 planted, 1 false',
    (18, 'pdfplumber'): 'no budget tables found',
    (19, 'pdfplumber'): 'lines 14 of 19 read, 5 extra',
    (20, 'pdfplumber'): 'lines 11 of 22 read, 0 extra; totals 5 of 11; findings 0 of 1 planted, 0 false',
    (21, 'pdfplumber'): 'lines 38 of 41 read, 3 extra',
    (22, 'pdfplumber'): 'no budget tables found',
    (23, 'pdfplumber'): 'no budget tables found',
    (24, 'pdfplumber'): 'no budget tables found',
    (25, 'pdfplumber'): 'lines 30 of 60 read, 30 extra; totals 20 of 24; findings 0 of 0 planted, 3 false',
    (26, 'pdfplumber'): 'lines 24 of 26 read, 2 extra; totals 1 of 3; findings 0 of 0 planted, 2 false',
    (27, 'pdfplumber'): 'no budget tables found',
    (28, 'pdfplumber'): 'lines 33 of 43 read, 6 extra; totals 9 of 11; findings 1 of 2 planted, 0 false',
    (29, 'pdfplumber'): 'lines 0 of 112 read, 120 extra; totals 0 of 52; area names; findings 0 of 2 planted, 21 false',
    (32, 'pdfplumber'): 'findings 1 of 1 planted, 1 false',
    (33, 'pdfplumber'): 'no budget tables found',
    (34, 'pdfplumber'): 'no budget tables found',
    (35, 'pdfplumber'): 'no budget tables found',
    (37, 'pdfplumber'): 'no budget tables found',
    (38, 'pdfplumber'): 'lines 24 of 27 read, 3 extra',
    (39, 'pdfplumber'): 'no budget tables found',
    (40, 'pdfplumber'): 'lines 0 of 21 read, 0 extra; totals 0 of 9; area names; findings 0 of 1 planted, 1 false',
    (41, 'pdfplumber'): 'lines 39 of 63 read, 24 extra',
    (42, 'pdfplumber'): 'lines 6 of 7 read, 1 extra',
    (43, 'pdfplumber'): 'lines 17 of 62 read, 45 extra; totals 0 of 14; area names; findings 0 of 0 planted, 3 false',
    (44, 'pdfplumber'): 'lines 0 of 9 read, 0 extra; totals 0 of 9; area names; findings 0 of 2 planted, 1 false',
    (45, 'pdfplumber'): 'lines 0 of 14 read, 16 extra; totals 2 of 6; area names',
    (46, 'pdfplumber'): 'lines 4 of 6 read, 2 extra',
    (47, 'pdfplumber'): 'no budget tables found',
    (48, 'pdfplumber'): 'no budget tables found',
    (49, 'pdfplumber'): 'lines 15 of 50 read, 5 extra; totals 3 of 11; area names; findings 0 of 1 planted, 2 false',
    (51, 'pdfplumber'): 'no budget tables found',
    (52, 'pdfplumber'): 'lines 52 of 62 read, 10 extra; totals 22 of 28; findings 0 of 0 planted, 4 false',
    (53, 'pdfplumber'): 'no budget tables found',
    (54, 'pdfplumber'): 'lines 13 of 21 read, 4 extra; totals 7 of 10',
    (55, 'pdfplumber'): 'no budget tables found',
    (56, 'pdfplumber'): 'no budget tables found',
    (57, 'pdfplumber'): 'lines 2 of 13 read, 7 extra; totals 3 of 5; area names; findings 0 of 2 planted, 1 false',
    (58, 'pdfplumber'): 'no budget tables found',
    (59, 'pdfplumber'): 'no budget tables found',
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
