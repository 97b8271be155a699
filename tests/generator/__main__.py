"""python -m tests.generator OUT [--seeds 0-59]: writes each seed's PDF and truth into OUT."""

import argparse
import sys
from pathlib import Path

from . import generate


def seed_range(text: str) -> list[int]:
    seeds = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        seeds += list(range(int(first), int(last or first) + 1))
    return seeds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.generator")
    parser.add_argument("out", type=Path)
    parser.add_argument("--seeds", default="0-59", help="e.g. 0-59 or 3,7,10-12")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    for pdf in generate(seed_range(args.seeds), args.out, args.jobs):
        print(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
