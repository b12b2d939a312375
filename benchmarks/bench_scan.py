"""Scanning speed and memory: pages per second of ``quizgen scan`` at 200 and 300 dpi on two
cores, auto-multiple-choice's ``analyse`` doing the same sheets' work in the same run, and
peak memory over 100 and 1,000 pages.

    python benchmarks/bench_scan.py [--copies 40] [--memory-pages 1000] [--no-amc]

Both sides get 40 copies of a 20-question multiple-choice quiz (4 choices), rasterised from
their own PDFs at the resolution measured, one mark drawn per question with the same
pen-like strokes, saved as PNG before the clock starts. quizgen scans on two cores as two
processes, each reading half of the pages; AMC's ``analyse`` runs with ``--n-procs 2``. AMC
prints 3 pages per copy of this quiz where quizgen's sheet takes 1, so both pages per second
and copies per second are printed. Memory: ``quizgen scan`` run as a command on 100 and then
1,000 sheets, its peak resident size measured by the kernel.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "scan"))

import cv2  # noqa: E402
from synth import draw, layout, mark_sheet, sheet_images, write_bank  # noqa: E402

from quizgen.scan import scan  # noqa: E402

QUESTIONS = 20
VERSIONS = "ABCD"


def quizgen_build(folder: Path) -> Path:
    folder.mkdir(parents=True)
    bank = write_bank(folder, count=QUESTIONS, kinds=["multiple_choice"])
    out = folder / "build"
    args = ["build", str(bank), "--formats", "sheet", "--versions", "4", "--seed", "1"]
    cmd = [sys.executable, "-m", "quizgen", *args, "--questions", str(QUESTIONS), "-q"]
    subprocess.run([*cmd, "--out", str(out)], check=True, cwd=ROOT)
    return out


def quizgen_pages(build: Path, folder: Path, copies: int, dpi: int, start: int = 0) -> list[Path]:
    """``copies`` marked sheets saved as PNG (JPEG for big memory runs: see ``fmt``)."""
    rng = random.Random(dpi + start)
    sheets = {v: (layout(build, v), sheet_images(build, v, dpi)) for v in VERSIONS}
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(copies):
        doc, pages = sheets[VERSIONS[n % len(VERSIONS)]]
        images, _ = mark_sheet(pages, doc, f"{start + n:06d}", rng, hard=0.0)
        for i, image in enumerate(images):
            path = folder / f"s{start + n:06d}-{i}.png"
            cv2.imwrite(str(path), image)
            paths.append(path)
    return paths


def _scan_half(args: tuple) -> int:
    paths, build, out = args
    return scan(paths, build, out, None)


def time_quizgen(build: Path, paths: list[Path], out: Path) -> float:
    """Seconds to scan ``paths`` as two processes of half the pages each."""
    halves = [(paths[0::2], build, out / "1"), (paths[1::2], build, out / "2")]
    context = multiprocessing.get_context("fork")
    with context.Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_scan_half, halves)
        return time.perf_counter() - start


AMC_SOURCE = r"""\documentclass[a4paper]{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage[box,completemulti]{automultiplechoice}
\begin{document}
\onecopy{%(copies)d}{
\noindent{\bf Quiz}\hfill\namefield{Name: \rule{5cm}{0.4pt}}
\bigskip

%(questions)s
}
\end{document}
"""


def amc_prepare(folder: Path, copies: int) -> float:
    questions = "\n".join(
        rf"\begin{{question}}{{q{i}}} Question {i} about district {i}?"
        rf"\begin{{choices}}\correctchoice{{{i * 3} units}}\wrongchoice{{{i * 3 + 1} units}}"
        rf"\wrongchoice{{{i * 3 + 2} units}}\wrongchoice{{{i * 3 + 5} units}}\end{{choices}}"
        r"\end{question}"
        for i in range(QUESTIONS)
    )
    folder.mkdir(parents=True)
    (folder / "src.tex").write_text(AMC_SOURCE % {"copies": copies, "questions": questions})
    (folder / "data").mkdir()
    start = time.perf_counter()
    prepare = ["auto-multiple-choice", "prepare", "--mode", "s", "--prefix", str(folder)]
    out = {
        k: str(folder / f"{k}.{ext}")
        for k, ext in (("sujet", "pdf"), ("corrige", "pdf"), ("calage", "xy"), ("catalog", "pdf"))
    }
    subprocess.run(
        [
            *prepare,
            str(folder / "src.tex"),
            "--out-sujet",
            out["sujet"],
            "--out-corrige",
            out["corrige"],
            "--out-calage",
            out["calage"],
            "--out-catalog",
            out["catalog"],
            "--data",
            str(folder / "data"),
            "--n-copies",
            str(copies),
            "--with",
            "pdflatex",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["auto-multiple-choice", "meptex", "--src", out["calage"], "--data", str(folder / "data")],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def amc_pages(folder: Path, dpi: int) -> list[Path]:
    """The AMC copies rasterised at ``dpi`` and marked: one box per question."""
    scans = folder / f"scans-{dpi}"
    scans.mkdir()
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(folder / "sujet.pdf"), str(scans / "p")],
        check=True,
    )
    db = sqlite3.connect(folder / "data" / "layout.sqlite")
    boxes: dict = {}
    for student, page, question, xmin, xmax, ymin, ymax in db.execute(
        "SELECT student, page, question, xmin, xmax, ymin, ymax FROM layout_box WHERE role = 1"
    ):
        boxes.setdefault((student, page), {}).setdefault(question, []).append(
            (xmin, ymin, xmax, ymax)
        )
    pages_per_copy = db.execute("SELECT MAX(page) FROM layout_page").fetchone()[0]
    rng = random.Random(dpi)
    paths = sorted(scans.glob("p-*.png"))
    px = dpi / 300  # AMC's layout is in pixels at 300 dpi; draw() takes points * px
    for n, path in enumerate(paths):
        student, page = n // pages_per_copy + 1, n % pages_per_copy + 1
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        for rects in boxes.get((student, page), {}).values():
            draw(image, rng.choice(rects), rng.choice(("blob", "tick", "cross")), rng, px)
        cv2.imwrite(str(path), image)
    return paths


def time_amc(folder: Path, paths: list[Path], dpi: int) -> tuple[float, int]:
    """Seconds of ``analyse`` on 2 cores over ``paths``, and the pages it recognised."""
    data = folder / f"data-{dpi}"
    shutil.copytree(folder / "data", data)
    (data / "capture.sqlite").unlink(missing_ok=True)
    listing = folder / f"list-{dpi}.txt"
    listing.write_text("\n".join(str(p) for p in paths) + "\n")
    cr = folder / f"cr-{dpi}"
    cr.mkdir()
    cmd = [
        "auto-multiple-choice",
        "analyse",
        "--projet",
        str(folder),
        "--data",
        str(data),
        "--cr",
        str(cr),
        "--n-procs",
        "2",
        "--liste-fichiers",
        str(listing),
    ]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    read = (
        sqlite3.connect(data / "capture.sqlite")
        .execute("SELECT COUNT(*) FROM capture_page")
        .fetchone()[0]
    )
    return seconds, read


def peak_rss_of_scan(build: Path, paths: list[Path], out: Path) -> float:
    """Peak resident memory (MB) of ``quizgen scan`` over ``paths``, as its own process."""
    code = (
        "import resource, sys\nfrom pathlib import Path\nfrom quizgen.scan import scan\n"
        "paths = [Path(p) for p in Path(sys.argv[1]).read_text().split()]\n"
        "scan(paths, Path(sys.argv[2]), Path(sys.argv[3]), None)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    listing = out.with_suffix(".txt")
    listing.write_text("\n".join(map(str, paths)))
    result = subprocess.run(
        [sys.executable, "-c", code, str(listing), str(build), str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return int(result.stdout.split()[-1]) / 1024


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--copies", type=int, default=40)
    p.add_argument("--memory-pages", type=int, default=1000)
    p.add_argument("--no-amc", action="store_true", help="leave auto-multiple-choice out")
    args = p.parse_args()
    amc = not args.no_amc and shutil.which("auto-multiple-choice") is not None
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        folder = Path(tmp)
        build = quizgen_build(folder / "quizgen")
        if amc:
            prep = amc_prepare(folder / "amc", args.copies)
            print(f"auto-multiple-choice prepare + meptex of {args.copies} copies: {prep:.1f} s")
        for dpi in (200, 300):
            paths = quizgen_pages(build, folder / f"q{dpi}", args.copies, dpi)
            seconds = time_quizgen(build, paths, folder / f"out{dpi}")
            ours = len(paths) / seconds
            print(
                f"{dpi} dpi  quizgen scan: {len(paths)} pages ({args.copies} copies) in "
                f"{seconds:.2f} s on 2 cores: {ours:.1f} pages/s, "
                f"{args.copies / seconds:.1f} copies/s"
            )
            if amc:
                amc_paths = amc_pages(folder / "amc", dpi)
                amc_seconds, read = time_amc(folder / "amc", amc_paths, dpi)
                theirs = len(amc_paths) / amc_seconds
                print(
                    f"{dpi} dpi  AMC analyse: {len(amc_paths)} pages ({args.copies} copies, "
                    f"{read} recognised) in {amc_seconds:.2f} s on 2 cores: {theirs:.1f} "
                    f"pages/s, {args.copies / amc_seconds:.1f} copies/s"
                )
                print(
                    f"{dpi} dpi  quizgen / AMC: {ours / theirs:.1f}x per page, "
                    f"{amc_seconds / seconds:.1f}x per copy"
                )
        if args.memory_pages:
            small = quizgen_pages(build, folder / "m", args.memory_pages, 200)
            for count in sorted({min(100, len(small)), len(small)}):
                mb = peak_rss_of_scan(build, small[:count], folder / f"mem{count}")
                print(f"memory: quizgen scan of {count} pages at 200 dpi: peak RSS {mb:.0f} MB")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"(benchmark process peak RSS {own} MB)")


if __name__ == "__main__":
    main()
