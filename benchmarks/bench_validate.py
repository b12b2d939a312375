"""``quizgen validate`` on large and adversarial banks: wall-clock seconds of the command.

Usage: python benchmarks/bench_validate.py [--questions 20000] [--repeat 3]

Banks, each written to a temporary folder with its article:

- distinct: N multiple-choice questions whose prompts are all different;
- template: N prompts from one template that differ in one number, so that every prompt is
  90% like many others (the case that made the lint compare every pair);
- near-miss: N prompts from one template that differ in a longer name, about 80% alike, so
  that none is a near-duplicate of another;
- huge numbers: numeric answers such as 1e999999 and 1e-999999 (refused, exit 1).

Budget: 20,000 questions in at most 5 s on 2 cores. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "army navy treaty border summit capital river bridge harbour museum council library "
    "election mayor budget vote railway tunnel festival archive monument garrison province "
    "village parliament minister envoy alliance ceasefire frontier armistice refugee"
).split()
SENTENCE = "The council met on Monday and voted 7 to 2 to build a new library."


def question(index: int, prompt: str, kind: str = "mc", answer: str = "7 to 2") -> str:
    if kind == "numeric":
        return (
            f"  - id: q{index}\n    type: numeric\n    prompt: {prompt!r}\n"
            f"    answer: {answer}\n    explanation: x\n    source: {SENTENCE!r}\n"
        )
    return (
        f"  - id: q{index}\n    type: multiple_choice\n    prompt: {prompt!r}\n"
        f"    answer: '{answer}'\n    distractors: ['6 to 3', '5 to 4']\n"
        f"    explanation: x\n    source: {SENTENCE!r}\n"
    )


def bank(folder: Path, name: str, questions: list[str]) -> Path:
    (folder / "article.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    path = folder / f"{name}.yaml"
    head = f"id: {name}\ntitle: {name}\narticle:\n  path: article.txt\nquestions:\n"
    path.write_text(head + "".join(questions), encoding="utf-8")
    return path


def banks(folder: Path, count: int) -> dict[str, Path]:
    rng = random.Random(1)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    def name() -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9)).title()

    return {
        "distinct": bank(
            folder, "distinct", [question(i, f"Which {words(6)} {i}?") for i in range(count)]
        ),
        "template": bank(
            folder,
            "template",
            [
                question(i, f"How many soldiers crossed the border in year {i}?")
                for i in range(count)
            ],
        ),
        "near-miss": bank(
            folder,
            "near-miss",
            [question(i, f"What is the capital of {name()}?") for i in range(count)],
        ),
        "huge numbers": bank(
            folder,
            "huge-numbers",
            [question(0, "How many?", "numeric", "1e999999")]
            + [question(1, "How few?", "numeric", "1e-999999")]
            + [question(i, f"Which {words(6)} {i}?") for i in range(2, count)],
        ),
    }


def validate_seconds(path: Path, repeat: int) -> tuple[float, int, int]:
    """Best wall-clock seconds of ``quizgen validate PATH``, its exit status, warning count."""
    best, code, warnings = float("inf"), 0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "quizgen", "validate", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        best = min(best, time.perf_counter() - start)
        code, warnings = result.returncode, result.stderr.count("warning:")
    return best, code, warnings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-validate-") as tmp:
        found = banks(Path(tmp), args.questions)
        print(f"quizgen validate, {args.questions:,} questions, best of {args.repeat}:")
        for label, path in found.items():
            seconds, code, warnings = validate_seconds(path, args.repeat)
            size = path.stat().st_size / 1e6
            print(
                f"  {label:<13} {seconds:6.2f} s  exit {code}  {warnings:>6,} warnings  "
                f"({size:.1f} MB)"
            )


if __name__ == "__main__":
    main()
