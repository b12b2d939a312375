"""Extraction time on hostile and degenerate texts, at several sizes.

Usage: python benchmarks/bench_extract_adversarial.py [--sizes 32,128,1024] [--only NAME,...]
       [--command]

Prints, for each input and size (in KB), the wall-clock time of ``extract()`` (segmenting,
facts, questions) and the number of questions drafted; with ``--command`` also the whole
``quizgen extract`` command (reading, the bank loader and lint checks, writing). The budget
is 2 s for 1 MB of any text; a time that grows four-fold when the size doubles is a
quadratic rule. Nothing here is asserted by the tests (``tests/extract/test_extract_hostile.py``
checks the same inputs for correctness on small sizes).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's quizgen, not an installed one

from quizgen.errors import QuizgenError  # noqa: E402
from quizgen.extract import extract, extract_command  # noqa: E402

ARTICLE = ROOT / "banks" / "korean_war_70th_anniversary.txt"


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _sentences(unit: str, size: int) -> str:
    """``unit`` repeated in sentences just under the longest sentence read (2,000
    characters), so the rules run on every one of them."""
    sentence = "The " + unit * (1900 // len(unit)) + "end. "
    return sentence * max(1, size // len(sentence))


_FIRST = "Ana Ben Cleo Dan Eve Finn Gail Hugo Ida Jon Kai Lena Milo Nora Otto Pia".split()
_LAST = "Abbot Baker Clark Dunn Ellis Ford Gray Hale Irwin Jones Knox Lowe Marsh Nash".split()
_MONTHS = "January March May July September November".split()


def _distinct_facts(size: int) -> str:
    """Sentences that all differ: dates, figures, people and quotations no two alike."""
    out, n = [], 0
    while sum(map(len, out)) < size:
        first, last = _FIRST[n % len(_FIRST)], _LAST[n // len(_FIRST) % len(_LAST)]
        out.append(
            f"On {_MONTHS[n % 6]} {n % 28 + 1}, {1900 + n % 120}, some {n + 10:,} troops "
            f"reached Camp {last}{n}, and Sergeant {first} {last}{n} said: "
            f'"We marched {n % 90 + 5} miles to get here." '
            f"It was the {n % 97 + 2}th convoy, he said.\n\n"
        )
        n += 1
    return "".join(out)


INPUTS = {
    "dots": lambda n: _repeat(".", n),
    "spaces in a sentence": lambda n: _repeat(" ", n, "The war ", " ended in 1953."),
    "Photo: repeated": lambda n: _repeat("Photo: ", n),
    "June 25, repeated": lambda n: _repeat("June 25, ", n),
    "unbalanced quote": lambda n: _repeat("It rained on 3 May 1950. ", n, 'He said "the '),
    "quotes, no speaker": lambda n: _repeat('"We will stay here," a man said. ', n),
    "capitalised words": lambda n: _repeat("Lee Kim Park ", n, "President ", " said."),
    "said repeated": lambda n: _repeat("said ", n, "Mr Lee "),
    "digits": lambda n: _repeat("7", n, "It cost $", " dollars."),
    "commas": lambda n: _repeat(", ", n, "Kim", " said."),
    "one long line of words": lambda n: _repeat("word ", n),
    "newlines": lambda n: _repeat("a\n", n),
    "html page": lambda n: _repeat(
        "<p>Some 300 troops came on June 25, 1950.</p>\n", n, "<!DOCTYPE html><html><body>"
    ),
    "dots, long sentences": lambda n: _sentences("word" + "." * 30 + " ", n),
    "spaces, long sentences": lambda n: _sentences("war" + " " * 60, n),
    "Photo:, long sentences": lambda n: _sentences("Photo: ", n),
    "June 25, long sentences": lambda n: _sentences("June 25, ", n),
    "said, long sentences": lambda n: _sentences("said Lee Kim ", n),
    "names, long sentences": lambda n: _sentences("President Lee Kim, ", n),
    "quotes, long sentences": lambda n: _sentences('"a b c," he said, ', n),
    "a letter per line": lambda n: _repeat("A.\nB.\n", n),
    "a name per line": lambda n: _repeat("Kim.\nLee.\n", n),
    "a year per line": lambda n: _repeat("1950.\n1951.\n", n),
    "a quotation per line": lambda n: _repeat('"We go."\n"We stay."\n', n),
    "a fact per paragraph": lambda n: _repeat("Kim said 3 May 1950.\n\n", n),
    "distinct facts": _distinct_facts,
    "article repeated": lambda n: _repeat(ARTICLE.read_text(encoding="utf-8") + "\n\n", n),
}


def _fresh() -> None:
    """Empty quizgen's memo caches, so each timing starts as a new process would."""
    for name, module in list(sys.modules.items()):
        if name.startswith("quizgen"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _command(text: str, tmp: Path) -> float:
    source = tmp / "article.txt"
    source.write_text(text, encoding="utf-8")
    args = argparse.Namespace(
        article=str(source), output=str(tmp / "draft.yaml"), date=None, id=None, title=None
    )
    _fresh()
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(QuizgenError):
        extract_command(args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="32,128,1024", help="sizes in KB, comma-separated")
    parser.add_argument("--only", default="", help="input names (substrings), comma-separated")
    parser.add_argument("--command", action="store_true", help="also time the whole command")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    only = [o.strip() for o in options.only.split(",") if o.strip()]
    print(f"Python {sys.version.split()[0]}; times in seconds (budget: 2 s for 1024 KB)")
    header = f"{'input':<24} {'KB':>5} {'extract()':>10} {'questions':>9}"
    print(header + (f" {'command':>8}" if options.command else ""))
    with tempfile.TemporaryDirectory() as folder:
        for name, make in INPUTS.items():
            if only and not any(o in name for o in only):
                continue
            for size in sizes:
                text = make(size * 1024)
                _fresh()
                start = time.perf_counter()
                draft = extract(text)
                seconds = time.perf_counter() - start
                line = f"{name:<24} {size:>5} {seconds:>10.2f} {len(draft.questions):>9}"
                if options.command:
                    line += f" {_command(text, Path(folder)):>8.2f}"
                print(line, flush=True)


if __name__ == "__main__":
    main()
