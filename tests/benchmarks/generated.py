"""Share of generated documents read exactly, per axis value.

    python tests/benchmarks/generated.py [--seeds 0-499] [--extractor pdfium] [--out DIR] [--jobs N]

Draws each seed's document with `tests/generator` (its PDF and its truth), reads them all in one batch
run of the command, holds each to its truth with the acceptance corpus's scorers (`score.py`: items and
totals exact; `audit.py`: exactly the planted findings) and prints, for every axis the generator draws,
the share of documents exact per value, then the seeds that are not, with the scorers' first words."""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.generator import generate, seed_name  # noqa: E402
from tests.generator.__main__ import seed_range  # noqa: E402
from tests.scoring import batch_run, exact  # noqa: E402


def outcome(out: Path, docs: Path, seed: int, stderr: str) -> tuple[bool, str]:
    """Whether the seed's run is exact, and why not."""
    name = seed_name(seed)
    folder = out / name
    if not folder.is_dir():
        return False, "not written: " + " ".join(line for line in stderr.splitlines() if f"{name}.pdf" in line)
    return exact(folder, docs / f"{name}.truth.json")


def shares(results: dict[int, bool], docs: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """axis -> value -> (exact, drawn)."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for seed, exact in results.items():
        axes = json.loads((docs / f"{seed_name(seed)}.truth.json").read_text(encoding="utf-8"))["axes"]
        for axis, value in axes.items():
            cell = table[axis][json.dumps(value, ensure_ascii=False)]
            cell[0] += exact
            cell[1] += 1
    return {axis: {value: tuple(cell) for value, cell in values.items()} for axis, values in table.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="generated.py")
    parser.add_argument("--seeds", default="0-499")
    parser.add_argument("--extractor", default="pdfium")
    parser.add_argument("--out", type=Path, default=Path("/tmp/projektpulje-generated"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="keep the PDFs already drawn in OUT/docs")
    args = parser.parse_args(argv)
    seeds = seed_range(args.seeds)
    docs, out = args.out / "docs", args.out / args.extractor
    if not args.reuse:
        generate(seeds, docs, args.jobs)
    stderr = batch_run([docs / f"{seed_name(s)}.pdf" for s in seeds], out, args.extractor, jobs=args.jobs)
    results, reasons = {}, {}
    for seed in seeds:
        results[seed], reasons[seed] = outcome(out, docs, seed, stderr)
    exact = sum(results.values())
    print(f"{args.extractor}: {exact} of {len(seeds)} generated documents exact ({100 * exact / len(seeds):.0f} %)")
    for axis, values in shares(results, docs).items():
        cells = ", ".join(f"{value} {hit}/{drawn}" for value, (hit, drawn) in sorted(values.items()))
        print(f"  {axis}: {cells}")
    for seed in seeds:
        if not results[seed]:
            print(f"  {seed_name(seed)}: {reasons[seed][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
