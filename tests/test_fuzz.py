"""Damaged copies of the samples, made on purpose (seeded): every one must end as exit 0, 1 or 2
with a documented message, within the time limit, and never through an unexpected exception."""

from __future__ import annotations

import random
import re

import pytest

from projektpulje.stages.batch import run_batch
from projektpulje.stages.run import RunSettings

from .conftest import SAMPLES

SEED = 20211126
MUTATIONS = 320
TIME_LIMIT = 60.0
SOURCES = [SAMPLES / "udmoentning-af-projektpuljen-2021-compact.pdf", SAMPLES / "udmoentning-af-projektpuljen-2021-reportlab.pdf",
           SAMPLES / "udmoentning-af-projektpuljen-2021.pdf"]
# What a damaged file may say: the input errors of the README, or a cell the layout can no longer read.
DOCUMENTED = re.compile(
    r": (the file is empty|not a PDF; it looks like|truncated PDF|damaged PDF|uses a compression|encrypted|no text layer|"
    r"no budget tables found|pages? [\d, -]+: the text does not decode|gave up after|the worker reading it crashed|.*page \d+, table \d+.*(is not a number|"
    r"no unit the vocabulary knows|header cell|amount columns|the table has no header|whole number of kroner))"
)
OBJECT = re.compile(rb"\d+ 0 obj.*?endobj\s", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.S)


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def delete_object(data: bytes, rng: random.Random) -> bytes:
    objects = list(OBJECT.finditer(data))
    found = rng.choice(objects)
    return data[: found.start()] + data[found.end():]


def duplicate_object(data: bytes, rng: random.Random) -> bytes:
    objects = list(OBJECT.finditer(data))
    found = rng.choice(objects)
    at = rng.choice(objects).end()
    return data[:at] + found.group() + data[at:]


def garbage_stream(data: bytes, rng: random.Random) -> bytes:
    streams = list(STREAM.finditer(data))
    found = rng.choice(streams)
    garbage = bytes(rng.randrange(256) for _ in range(len(found.group(1))))
    return data[: found.start(1)] + garbage + data[found.end(1):]


def splice(data: bytes, rng: random.Random) -> bytes:
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    at = rng.randrange(len(data))
    return data[:at] + data[a:b] + data[at:]


MUTATORS = [flip_bytes, truncate, delete_object, duplicate_object, garbage_stream, splice]


@pytest.mark.fuzz
def test_no_damaged_copy_escapes(tmp_path):
    rng = random.Random(SEED)
    originals = [p.read_bytes() for p in SOURCES]
    pdfs = []
    for n in range(MUTATIONS):
        mutate = MUTATORS[n % len(MUTATORS)]
        pdf = tmp_path / "in" / f"{n:03d}-{mutate.__name__}.pdf"
        pdf.parent.mkdir(exist_ok=True)
        pdf.write_bytes(mutate(originals[n % len(originals)], rng))
        pdfs.append(pdf)
    outcomes = run_batch(pdfs, settings=RunSettings(out_dir=tmp_path / "out"), jobs=2, timeout=TIME_LIMIT)
    escapes = [
        (o.pdf.name, o.error)
        for o in outcomes
        if o.exit_code not in (0, 1, 2) or (o.exit_code == 2 and not DOCUMENTED.search(o.error))
        or "gave up after" in o.error or "crashed" in o.error
    ]
    assert escapes == []
    written = {p.name for p in (tmp_path / "out").iterdir()} if (tmp_path / "out").exists() else set()
    for outcome in outcomes:
        assert (outcome.pdf.stem in written) == (outcome.exit_code in (0, 1)), outcome.pdf.name
    assert not [p for p in written if p.startswith(".")], "no partial folders are left behind"
