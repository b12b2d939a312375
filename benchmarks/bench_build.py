"""Whole-build figures: start-up times, and many versions in every format (time, peak RSS).

Usage: python benchmarks/bench_build.py [--versions 1000] [--jobs N] [--repeat 5]

Prints wall-clock times measured on this machine; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "banks" / "korean-war-70th.yaml"


def run(args: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, cwd=cwd or ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


STARTUP = (
    ("python -c pass (interpreter alone)", ["-c", "pass"]),
    ("quizgen --help", ["-m", "quizgen", "--help"]),
    ("quizgen validate (bundled bank)", ["-m", "quizgen", "validate", str(BANK)]),
)


def startup_times(repeat: int) -> dict[str, float]:
    """Best wall-clock seconds of each start-up command."""
    return {
        label: min(run([sys.executable, *args]) for _ in range(repeat)) for label, args in STARTUP
    }


def startup(repeat: int) -> None:
    for label, best in startup_times(repeat).items():
        print(f"{label:<40} {best * 1000:8.1f} ms (best of {repeat})")


def build_args(out: str, count: int, formats: str = "all", *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "quizgen",
        "build",
        str(BANK),
        "--formats",
        formats,
        "--versions",
        str(count),
        "--seed",
        "1",
        "--out",
        out,
        "--quiet",
        *extra,
    ]


def measured_build(args: list[str]) -> tuple[float, float]:
    """Wall seconds of a command, and the peak RSS (MB) of its largest process."""
    # Run in a fresh process whose own peak is measured, not the benchmark's: ru_maxrss of
    # RUSAGE_CHILDREN is the largest peak of any waited-for descendant (KiB on Linux).
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        f"subprocess.run({args!r}, check=True)\n"
        "dt = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(f'{dt:.3f} {peak:.1f}')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def many_versions_figures(count: int, jobs: int | None) -> tuple[float, float, int]:
    """Seconds and peak RSS (MB) of ``quizgen build --formats all`` of ``count`` versions,
    and how many files it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        extra = ["--jobs", str(jobs)] if jobs is not None else []
        seconds, peak = measured_build(build_args(tmp, count, "all", *extra))
        files = sum(1 for _ in Path(tmp).iterdir())
    return seconds, peak, files


def many_versions(count: int, jobs: int | None) -> None:
    seconds, peak, files = many_versions_figures(count, jobs)
    label = f"{count} versions, all formats" + (f", --jobs {jobs}" if jobs else "")
    print(
        f"{label:<40} {seconds:8.2f} s  {seconds / count * 1000:7.1f} ms/version  "
        f"peak RSS {peak:6.1f} MB (largest process)  {files} files"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--versions", type=int, default=1000)
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    startup(args.repeat)
    for count in sorted({max(1, args.versions // 10), args.versions}):
        many_versions(count, args.jobs)


if __name__ == "__main__":
    main()
