"""Extraction time: the Korean War article, and a text 100 times longer.

Usage: python benchmarks/bench_extract.py [--repeat 5] [--times 100]

Prints wall-clock times measured on this machine (best of --repeat): ``extract()`` alone
(segmenting, facts, questions), then the whole ``quizgen extract`` command (reading the file,
checking the draft with the bank loader and the lint checks, writing it) run in-process. The
longer text is the article repeated; each copy's facts count again, but a question already
asked is not written twice. Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

from quizgen.extract import extract, extract_command

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "banks" / "korean_war_70th_anniversary.txt"
DATE = "2020-06-25"


def best_of(repeat: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def command(article: Path, out: Path) -> None:
    args = argparse.Namespace(article=str(article), output=str(out), date=DATE, id=None, title=None)
    with contextlib.redirect_stderr(io.StringIO()):
        extract_command(args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--times", type=int, default=100)
    options = parser.parse_args()
    text = ARTICLE.read_text(encoding="utf-8")
    long_text = "\n\n".join([text] * options.times)
    print(f"Python {sys.version.split()[0]}; best of {options.repeat} runs")
    print(
        f"{'text':<28} {'chars':>9} {'facts':>6} {'questions':>9} {'extract()':>11} {'command':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for label, body in (("article", text), (f"article x {options.times}", long_text)):
            source = Path(tmp) / "article.txt"
            source.write_text(body, encoding="utf-8")
            seconds, draft = best_of(options.repeat, lambda b=body: extract(b, DATE))
            whole, _ = best_of(
                options.repeat, lambda s=source: command(s, Path(tmp) / "draft.yaml")
            )
            print(
                f"{label:<28} {len(body):>9,} {draft.facts.count():>6} "
                f"{len(draft.questions):>9} {seconds * 1000:>9.1f} ms {whole * 1000:>7.0f} ms"
            )


if __name__ == "__main__":
    main()
