"""quizgen's PDFs against the batch-LaTeX way, on the same quiz, in one run.

    python benchmarks/bench_latex.py [--questions 20] [--versions 30] [--rounds 3]

The LaTeX peer is what auto-multiple-choice does: every version's student copy and answer key
in one LaTeX document, generated from quizgen's own JSON of the same versions, compiled with
pdflatex once and twice (the second pass resolves "Page N of M"). It needs pdflatex
(Debian: texlive-latex-base, texlive-latex-recommended, texlive-fonts-recommended); without it
that line is skipped. quizgen and bare reportlab are timed as in bench_pdf.py. Figures are
milliseconds per version (student copy + key), best of the rounds.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pdf  # noqa: E402

from quizgen.assemble import AssemblyOptions, assemble  # noqa: E402
from quizgen.bank import load_bank  # noqa: E402
from quizgen.render import RenderOptions  # noqa: E402
from quizgen.render import pdf as quizgen_pdf  # noqa: E402
from quizgen.render.json import item_dict  # noqa: E402

_TEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "%": r"\%", "_": r"\_", "^": r"\^{}", "~": r"\~{}", "<": r"\textless{}",
    ">": r"\textgreater{}", "“": "``", "”": "''", "‘": "`", "’": "'", "—": "---", "–": "--",
    "→": r"$\rightarrow$", "±": r"$\pm$", "…": r"\ldots{}",
}  # fmt: skip


def tex(text) -> str:
    text = str(text)
    return "".join(_TEX_SPECIAL.get(ch, ch if ord(ch) < 0x250 else "?") for ch in text)


def latex_document(quiz) -> str:
    """All versions' student copies, then their keys, as one document (the AMC way)."""
    out = [
        r"\documentclass[11pt,a4paper]{article}",
        r"\usepackage[T1]{fontenc}\usepackage[utf8]{inputenc}\usepackage{lmodern}",
        r"\usepackage[margin=2cm]{geometry}\usepackage{fancyhdr}",
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}",
        r"\newcommand{\vcode}{}\newcommand{\lastlabel}{}",
        r"\fancyfoot[L]{Version \vcode}\fancyfoot[R]{Page \thepage\ of \pageref{\lastlabel}}",
        r"\begin{document}",
    ]
    for role in ("student", "key"):
        for version in quiz.versions:
            label = f"last-{role}-{version.code}"
            out.append(rf"\renewcommand{{\vcode}}{{{version.code}}}")
            out.append(rf"\renewcommand{{\lastlabel}}{{{label}}}\setcounter{{page}}{{1}}")
            heading = (
                "Answer key" if role == "key" else "Name: \\hrulefill\\quad Class: \\hrulefill"
            )
            out.append(rf"{{\Large\bfseries {tex(quiz.title)}\hfill Version {version.code}}}")
            out.append(rf"\par\medskip {heading}\par\medskip")
            out.append(r"\begin{enumerate}")
            for item in version.items:
                q = item_dict(item)
                out.append(r"\item \begin{minipage}[t]{\linewidth}" + tex(q["prompt"]))
                if role == "student":
                    if q.get("items"):
                        out.append(r"\begin{itemize}")
                        out += [
                            rf"\item[{n}.] {tex(x)} \hrulefill" for n, x in enumerate(q["items"], 1)
                        ]
                        out.append(r"\end{itemize}")
                    if q.get("choices"):
                        out.append(r"\begin{itemize}")
                        out += [
                            rf"\item[$\bigcirc$ {chr(65 + n)}] {tex(c)}"
                            for n, c in enumerate(q["choices"])
                        ]
                        out.append(r"\end{itemize}")
                    else:
                        out.append(r"\par\vspace{4mm}\hrulefill")
                else:
                    answer = q["answer"]
                    answer = " / ".join(answer) if isinstance(answer, list) else answer
                    out.append(rf"\par\textbf{{{tex(answer)}}}\par {tex(q['explanation'])}")
                    out.append(rf"\par\emph{{{tex(q['source']['quote'])}}}")
                out.append(r"\end{minipage}")
            out.append(r"\end{enumerate}")
            out.append(rf"\label{{{label}}}\clearpage")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def time_latex(document: str, passes: int) -> tuple[float, int]:
    """Seconds for ``passes`` pdflatex runs over ``document``, and the pages it made."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "quiz.tex").write_text(document, encoding="utf-8")
        start = time.perf_counter()
        for _ in range(passes):
            subprocess.run(
                ["pdflatex", "-interaction=batchmode", "-halt-on-error", "quiz.tex"],
                cwd=tmp,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        seconds = time.perf_counter() - start
        log = (Path(tmp) / "quiz.log").read_text(encoding="latin-1")
    found = re.search(r"Output written on quiz\.pdf \((\d+) pages?", log)
    return seconds, int(found.group(1)) if found else 0


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def measure(bank_path: str, questions: int, versions: int, rounds: int) -> dict:
    """Best seconds per version of each way over ``rounds`` rounds, and pages per version.

    Keys: ``questions``, ``versions``, ``seconds`` (name -> seconds per version), ``pages``
    (name -> pages per version); the LaTeX ways only when pdflatex is installed.
    """
    bank = load_bank(bank_path)
    count = min(questions, len(bank.questions))
    quiz = assemble(bank, 1, AssemblyOptions(versions=versions, questions=count))
    options = RenderOptions()
    size = bench_pdf.A4
    st = bench_pdf.bare_fonts()
    data = [bench_pdf.plain(quiz, v) for v in quiz.versions]
    document = latex_document(quiz)
    pages: dict[str, int] = {}

    def run_quizgen() -> None:
        for version in quiz.versions:
            for _ in quizgen_pdf.render_version(quiz, version, options):
                pass

    def run_bare() -> None:
        for d in data:
            bench_pdf.bare_student(d, st, size), bench_pdf.bare_key(d, st, size)

    def run_latex(passes: int) -> None:
        pages["LaTeX, 1 pass"] = pages["LaTeX, 2 passes"] = time_latex(document, passes)[1]

    runs = {"quizgen": run_quizgen, "bare reportlab": run_bare}
    if shutil.which("pdflatex"):
        runs["LaTeX, 1 pass"] = lambda: run_latex(1)
        runs["LaTeX, 2 passes"] = lambda: run_latex(2)
    pages["quizgen"] = sum(  # also warms up fonts and caches
        pdf_pages(f.data)
        for version in quiz.versions
        for f in quizgen_pdf.render_version(quiz, version, options)
    )
    run_bare()
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, fn in runs.items():
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    n = len(quiz.versions)
    return {
        "questions": count,
        "versions": n,
        "seconds": {name: seconds / n for name, seconds in best.items()},
        "pages": {name: p / n for name, p in pages.items()},
    }


def report(result: dict, rounds: int) -> None:
    print(
        f"{result['questions']} questions, {result['versions']} versions, A4, one process, "
        f"best of {rounds} rounds; per version = student copy + answer key"
    )
    seconds, pages = result["seconds"], result["pages"]
    for name, value in seconds.items():
        extra = f"   {pages[name]:4.1f} pages/version" if name in pages else ""
        print(f"  {name:<16} {value * 1000:7.1f} ms/version{extra}")
    if "LaTeX, 2 passes" in seconds:
        for peer in ("LaTeX, 2 passes", "LaTeX, 1 pass", "bare reportlab"):
            print(f"  ratio quizgen / {peer:<16} {seconds['quizgen'] / seconds[peer]:5.2f}")
    else:
        print("  (pdflatex not installed: the LaTeX peer was skipped)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bank", default=str(ROOT / "banks" / "korean-war-70th.yaml"))
    p.add_argument("--questions", type=int, default=20)
    p.add_argument("--versions", type=int, default=30)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args(argv)
    report(measure(args.bank, args.questions, args.versions, args.rounds), args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
