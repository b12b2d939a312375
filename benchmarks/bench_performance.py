"""Every performance figure of quizgen in one run, beside the peers it is compared with.

    python benchmarks/bench_performance.py [--versions 20] [--questions 20] [--many 1000]
                                           [--rounds 3]

1. PDF in one process: milliseconds per version (student copy + answer key) of quizgen, of
   bare reportlab, and of the batch-LaTeX way (all versions in one LaTeX document, generated
   from quizgen's JSON, compiled with pdflatex once and twice: "Page N of M" needs two
   passes), on the same quiz (see bench_latex.py); ratios.
2. ``quizgen build --formats pdf`` from the command line, the whole command (start-up,
   loading the bank, fonts, writing the files), per version, with the default --jobs and with
   --jobs 1, for the same quiz and for 5 times as many versions; ratios to the LaTeX way.
3. Every format for many versions (--many, and a tenth of it): wall time and the peak RSS of
   the largest process.
4. Start-up: ``quizgen --help`` and ``quizgen validate``.

Wall-clock times on this machine, best of --rounds; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_build  # noqa: E402
import bench_latex  # noqa: E402

LATEX = ("LaTeX, 2 passes", "LaTeX, 1 pass")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {sys.version.split()[0]}, {platform.system()}"


def cli_pdf_seconds(versions: int, questions: int, jobs: int | None, rounds: int) -> float:
    """Best wall seconds of ``quizgen build --formats pdf`` for the benchmark's quiz."""
    extra = ["--questions", str(questions)] + (["--jobs", str(jobs)] if jobs else [])
    best = float("inf")
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            best = min(best, bench_build.run(bench_build.build_args(tmp, versions, "pdf", *extra)))
    return best


def section_pdf(args: argparse.Namespace) -> dict:
    print(f"\n1. PDF, one process ({args.versions} versions of {args.questions} questions)")
    result = bench_latex.measure(str(bench_build.BANK), args.questions, args.versions, args.rounds)
    bench_latex.report(result, args.rounds)
    return result


def section_cli(args: argparse.Namespace, in_process: dict) -> None:
    print("\n2. `quizgen build --formats pdf` from the command line, the whole command")
    latex = {k: v for k, v in in_process["seconds"].items() if k in LATEX}
    for versions in (args.versions, args.versions * 5):
        if versions != args.versions and latex:
            larger = bench_latex.measure(
                str(bench_build.BANK), args.questions, versions, min(args.rounds, 2)
            )
            latex = {k: v for k, v in larger["seconds"].items() if k in LATEX}
        for jobs in (None, 1):
            seconds = cli_pdf_seconds(versions, args.questions, jobs, args.rounds)
            per = seconds / versions
            label = f"{versions} versions, --jobs {jobs or os.cpu_count()}"
            label += " (default)" if jobs is None else ""
            ratios = "  ".join(f"ratio to {k}: {per / v:4.2f}" for k, v in latex.items())
            print(f"  {label:<32} {seconds:6.2f} s  {per * 1000:6.1f} ms/version  {ratios}")
        for name, value in latex.items():
            print(f"  {name:<32} {value * versions:6.2f} s  {value * 1000:6.1f} ms/version")


def section_many(args: argparse.Namespace) -> None:
    print("\n3. Every format (quizgen build --formats all), default --jobs")
    for count in sorted({max(1, args.many // 10), args.many}):
        seconds, peak, files = bench_build.many_versions_figures(count, None)
        print(
            f"  {count:>5} versions  {seconds:7.2f} s  {seconds / count * 1000:6.1f} ms/version"
            f"  peak RSS {peak:6.1f} MB (largest process)  {files} files"
        )


def section_startup(args: argparse.Namespace) -> None:
    print(f"\n4. Start-up (best of {args.rounds * 2})")
    for label, best in bench_build.startup_times(args.rounds * 2).items():
        print(f"  {label:<38} {best * 1000:7.1f} ms")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--versions", type=int, default=20)
    p.add_argument("--questions", type=int, default=20)
    p.add_argument("--many", type=int, default=1000)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args(argv)
    print(f"machine: {machine()}")
    print(f"bank: {bench_build.BANK.name}; pdflatex: {shutil.which('pdflatex') or 'not found'}")
    in_process = section_pdf(args)
    section_cli(args, in_process)
    section_many(args)
    section_startup(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
