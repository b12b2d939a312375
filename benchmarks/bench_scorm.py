"""SCORM packages and test pages: how long a package of N versions takes to make and how
large it is, and how large a test page is, for the bundled bank.

    python benchmarks/bench_scorm.py [--bank BANK] [--questions 25] [--versions 1,10,100]

The launch page holds every version, so its size grows with the number of versions; the best
of three rounds is reported.
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
from quizgen.render import RenderOptions, render  # noqa: E402


def best(function, rounds: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bank", default=str(ROOT / "banks" / "korean-war-70th.yaml"))
    parser.add_argument("--questions", type=int, default=25)
    parser.add_argument("--versions", default="1,10,100")
    args = parser.parse_args()
    bank = load_bank(Path(args.bank))
    test = RenderOptions(html_mode="test")
    print(f"{'versions':>8} {'scorm12 ms':>11} {'zip KB':>8} {'test page KB':>13}")
    for count in (int(v) for v in args.versions.split(",")):
        quiz = assemble(bank, 1, AssemblyOptions(versions=count, questions=args.questions))
        seconds, files = best(lambda quiz=quiz: list(render("scorm12", quiz, test)))
        page = next(f for f in render("html", quiz, test) if f.role == "student")
        print(
            f"{count:>8} {seconds * 1000:>11.0f} {len(files[0].data) / 1024:>8.0f} "
            f"{len(page.data) / 1024:>13.0f}"
        )


if __name__ == "__main__":
    main()
