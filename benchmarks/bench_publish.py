"""Publishing under concurrency and signals, many times over (slower than the tests' 20 runs).

Usage: python benchmarks/bench_publish.py [--runs 100]

Each run starts two ``quizgen build`` into the same folder at once (seeds 1 and 2, 3 and 2
versions, worker processes on), and in every other run sends SIGTERM, SIGINT or SIGKILL to
one of them after a random delay; a killed build is followed by another build, which sets
the folder right. After each run the folder must hold exactly one of the two builds, byte
for byte, with its manifest and no working folder. Prints the tally.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "tests" / "banks" / "small.yaml"
BUILDS = {"old": ("--seed", "1", "--versions", "3"), "new": ("--seed", "2", "--versions", "2")}


def command(out: Path, options: tuple[str, ...]) -> list[str]:
    return [
        sys.executable, "-m", "quizgen", "build", str(BANK), "--out", str(out),
        "--formats", "pdf,json,anki-csv", "-q", "--jobs", "2", *options,
    ]  # fmt: skip


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): b"/" if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(1)
    tally: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-publish-") as tmp:
        references = {}
        for name, options in BUILDS.items():
            folder = Path(tmp) / name
            subprocess.run(command(folder, options), check=True, cwd=ROOT)
            references[name] = snapshot(folder)
        out = Path(tmp) / "out"
        start = time.perf_counter()
        for run in range(args.runs):
            runs = [subprocess.Popen(command(out, o), cwd=ROOT, stderr=subprocess.PIPE)
                    for o in BUILDS.values()]  # fmt: skip
            signum = None
            if run % 2:
                signum = rng.choice([signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
                time.sleep(rng.uniform(0.05, 0.8))
                runs[rng.randrange(2)].send_signal(signum)
            codes = [p.wait(timeout=300) for p in runs]
            for p in runs:
                p.stderr.close()
            if signum == signal.SIGKILL and -signal.SIGKILL in codes:
                # The next build rolls back what the killed one left half done.
                subprocess.run(command(out, BUILDS["old"]), check=True, cwd=ROOT)
            now = snapshot(out)
            found = [name for name, files in references.items() if files == now]
            outcome = found[0] if found else "MIXED"
            key = f"{outcome} (exits {sorted(codes)})"
            tally[key] = tally.get(key, 0) + 1
        seconds = time.perf_counter() - start
    print(f"{args.runs} runs of two concurrent builds, every other one signalled, {seconds:.0f} s:")
    for key, count in sorted(tally.items()):
        print(f"  {count:4}  {key}")
    mixed = sum(c for k, c in tally.items() if k.startswith("MIXED"))
    print(f"folders holding neither build exactly: {mixed}")


if __name__ == "__main__":
    main()
