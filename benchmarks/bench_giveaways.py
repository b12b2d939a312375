"""Giveaway detection and assembly on a large bank: seconds for ``giveaways`` (the inverted
index), the whole ``lint_text`` giveaway pass, ``quizgen validate`` and a default build's
assembly, for N generated questions (default 20,000).

    python benchmarks/bench_giveaways.py [--questions 20000] [--rounds 3]

The bank holds short generated questions of four answered types with numbered places, names
and figures, so the index holds many distinct words and real giveaway pairs (a cloze that
shows the figure of a numeric question). Wall-clock times
on this machine, best of --rounds; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def big_bank(folder: Path, count: int, start: int = 0) -> Path:
    """``count`` short questions of every answered type, with numbered names and figures
    (the loader's 5 MB limit allows about 250 bytes a question)."""
    source = "Factfile on the 1950-1953 Korean War."
    questions = []
    for n in range(start, start + count):
        place, figure = f"Town{n % 4999}", f"{(n * 7919) % 100_000:,}"
        kind = n % 4
        q: dict = {"id": f"q{n}", "explanation": "E.", "source": source}
        if kind == 0:
            q |= {
                "type": "multiple_choice",
                "prompt": f"Where did event {n} happen?",
                "answer": place,
                "distractors": [f"Town{n % 4999 + 1}", f"City{n % 97}"],
            }
        elif kind == 1:
            q |= {
                "type": "numeric",
                "prompt": f"How many people saw event {n} in {place}?",
                "answer": figure.replace(",", ""),
            }
        elif kind == 2:
            q |= {
                "type": "short_answer",
                "prompt": f"Who led group {n % 3001}?",
                "answer": f"Leader {n % 3001} Park",
            }
        else:
            q |= {
                "type": "cloze",
                "prompt": "Fill in the blank.",
                "text": f"Event {n} drew {{{{{figure}}}}} people to {place}.",
            }
        questions.append(q)
    data = {
        "id": "big",
        "title": "Big",
        "article": {"path": str((ROOT / "banks" / "korean_war_70th_anniversary.txt").resolve())},
        "questions": questions,
    }
    path = folder / f"big-{start}.yaml"
    path.write_text(yaml.safe_dump(data, default_flow_style=None, width=1000), "utf-8")
    return path


def best(rounds: int, run) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from quizgen.assemble import AssemblyOptions, assemble
    from quizgen.bank import load_bank
    from quizgen.giveaways import conflicts, giveaways, words
    from quizgen.lint_text import bank_giveaways

    with tempfile.TemporaryDirectory() as tmp:
        # The loader caps a bank file's size and YAML nodes: load parts, join them in memory.
        chunk = 5000
        parts = [
            load_bank(big_bank(Path(tmp), min(chunk, args.questions - s), s))
            for s in range(0, args.questions, chunk)
        ]
        bank = replace(parts[0], questions=tuple(q for p in parts for q in p.questions))
        path = big_bank(Path(tmp), chunk)
        print(f"{len(bank.questions)} questions")
        found = giveaways(bank)
        print(f"giveaway pairs found: {len(found)}")

        def cold(run):
            def go():
                words.cache_clear()
                run()

            return go

        figures = {
            "giveaways()": cold(lambda: giveaways(bank)),
            "lint giveaways (and header)": cold(lambda: bank_giveaways(bank)),
            "conflicts()": cold(lambda: conflicts(bank)),
            "assemble, default 25 questions": cold(
                lambda: assemble(bank, 1, AssemblyOptions(versions=1))
            ),
            f"quizgen validate of {chunk} (command)": lambda: subprocess.run(
                [sys.executable, "-m", "quizgen", "validate", str(path)],
                cwd=ROOT,
                capture_output=True,
                check=False,
            ),
        }
        for label, run in figures.items():
            print(f"{label:<36} {best(args.rounds, run):7.2f} s")


if __name__ == "__main__":
    main()
