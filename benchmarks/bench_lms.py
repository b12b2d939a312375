"""LMS export figures: rendering time and size of each LMS format for the bundled bank.

Usage: python benchmarks/bench_lms.py [--repeat 5]

Prints wall-clock times measured on this machine, in process (no start-up); nothing here is
asserted by the tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.assemble import AssemblyOptions, assemble  # noqa: E402
from quizgen.bank import load_bank  # noqa: E402
from quizgen.render import RenderOptions, get_renderer  # noqa: E402

FORMATS = ("gift", "moodle-xml", "qti", "qti21")


def measure(repeat: int) -> list[tuple[str, float, int]]:
    """(format, best milliseconds, bytes) for every LMS format of the bundled bank."""
    quiz = assemble(load_bank(ROOT / "banks" / "korean-war-70th.yaml"), 1, AssemblyOptions())
    rows = []
    for name in FORMATS:
        renderer = get_renderer(name)
        best, size = float("inf"), 0
        for _ in range(repeat):
            start = time.perf_counter()
            files = list(renderer.render_shared(quiz, RenderOptions()))
            best = min(best, time.perf_counter() - start)
            size = sum(len(f.data) for f in files)
        rows.append((name, best * 1000, size))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    quiz_size = len(load_bank(ROOT / "banks" / "korean-war-70th.yaml").questions)
    print(f"bundled bank, {quiz_size} questions, best of {args.repeat}")
    for name, ms, size in measure(args.repeat):
        print(f"{name:<11} {ms:8.1f} ms {size:>9,} bytes")


if __name__ == "__main__":
    main()
