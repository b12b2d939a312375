"""PDF speed: milliseconds per version (student copy + answer key), quizgen against bare
reportlab building the same content, in one run.

    python benchmarks/bench_pdf.py [--bank BANK] [--questions 20] [--versions 30] [--rounds 5]

The bare side is what a careful script would write with reportlab platypus alone: paragraphs,
tables, ``KeepTogether`` per question and a page-counting canvas for "Page N of M", from
plain strings prepared before the clock starts. Both sides use the same DejaVu fonts
(registered before timing), ``invariant=1`` and the page size asked for. Rounds alternate
between the two sides; the best round of each is reported, as the least disturbed by
whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from itertools import islice
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4, LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from quizgen.answers import answer_text, correct_index, letter  # noqa: E402
from quizgen.assemble import AssemblyOptions, assemble  # noqa: E402
from quizgen.bank import load_bank  # noqa: E402
from quizgen.model import Cloze, Numeric  # noqa: E402
from quizgen.render import RenderOptions  # noqa: E402
from quizgen.render import pdf as quizgen_pdf  # noqa: E402
from quizgen.render.pdf.fonts import main_fonts  # noqa: E402

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
HEADINGS = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "short_answer": "Short answer",
    "numeric": "Short answer",
    "cloze": "Fill in the blank",
    "matching": "Matching",
    "ordering": "Ordering",
}


# Plain content, prepared before timing ----------------------------------------------------


def plain(quiz, version) -> dict:
    """Everything the bare script prints for one version, as escaped strings."""
    items = []
    for item in version.items:
        q, body = item.question, item.question.body
        entry = {
            "n": item.number,
            "type": item.type,
            "prompt": escape(q.prompt),
            "choices": [escape(c) for c in item.choices],
            "lefts": [escape(x) for x in item.lefts],
            "answer": escape(answer_text(item)),
            "why": escape(q.explanation),
            "source": escape(q.source),
        }
        if item.type in ("multiple_choice", "true_false"):
            entry["grid"] = letter(correct_index(item))
        else:
            entry["grid"] = entry["answer"]
        if isinstance(body, Cloze):
            entry["sentence"] = "".join(
                escape(s) if isinstance(s, str) else "_" * 16 for s in body.segments
            )
        if isinstance(body, Numeric):
            entry["unit"] = escape(body.unit or "")
        items.append(entry)
    a = quiz.bank.article
    return {
        "title": escape(quiz.title),
        "code": version.code,
        "items": items,
        "byline": escape(f"Based on the article “{a.title}”, {a.publisher}, {a.date}"),
    }


# Bare reportlab --------------------------------------------------------------------------


def bare_fonts() -> dict[str, ParagraphStyle]:
    # reportlab lets one font object stand for every name registered with the same face:
    # registered the usual way, "Bare" would draw with quizgen's font objects, or quizgen with
    # these (whichever came first). Each side gets its own objects, as in a process of its own.
    main_fonts()
    for name, file in (
        ("Bare", "DejaVuSans.ttf"),
        ("Bare-Bold", "DejaVuSans-Bold.ttf"),
        ("Bare-Italic", "DejaVuSans-Oblique.ttf"),
    ):
        font = TTFont(name, str(DEJAVU / file))
        pdfmetrics._fonts[name] = font
        pdfmetrics.registerFontFamily(name)
    pdfmetrics.registerFontFamily(
        "Bare", normal="Bare", bold="Bare-Bold", italic="Bare-Italic", boldItalic="Bare-Bold"
    )

    def s(name, font="Bare", size=10.5, leading=13.6, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **kw)

    return {
        "title": s("t", "Bare-Bold", 17, 21),
        "small": s("s", size=9, leading=11.5),
        "body": s("b"),
        "choice": s("c", size=10, leading=12.6),
        "head": s("h", "Bare-Bold", 11.5, 14, spaceBefore=12),
        "note": s("n", "Bare-Italic", 9.5, 12),
        "version": s("v", "Bare-Bold", 30, 34),
    }


def _numbered_canvas(label: str):
    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._states = []

        def showPage(self):
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._states)
            for n, state in enumerate(self._states, start=1):
                self.__dict__.update(state)
                self.setFont("Bare", 9)
                self.drawString(50, 30, label)
                self.drawRightString(self._pagesize[0] - 50, 30, f"Page {n} of {total}")
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _doc(buf, size, title):
    return SimpleDocTemplate(
        buf,
        pagesize=size,
        invariant=1,
        initialFontName="Bare",
        leftMargin=50,
        rightMargin=50,
        topMargin=44,
        bottomMargin=54,
        title=title,
    )


def _header(data, st, width, fields):
    head = Table(
        [
            [
                [Paragraph(data["title"], st["title"]), Paragraph(data["byline"], st["small"])],
                Paragraph(data["code"], st["version"]),
            ]
        ],
        colWidths=[width - 80, 80],
    )
    story = [head]
    if fields:
        story.append(
            Paragraph(
                "<b>Name</b> "
                + "_" * 40
                + " <b>Class</b> "
                + "_" * 14
                + " <b>Date</b> "
                + "_" * 14,
                st["body"],
            )
        )
    return story


def bare_student(data, st, size) -> bytes:
    buf = io.BytesIO()
    doc = _doc(buf, size, data["title"])
    width = doc.width
    story = _header(data, st, width, True)
    story.append(Paragraph(f"Answer all {len(data['items'])} questions.", st["body"]))
    last = None
    grid = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    for it in data["items"]:
        parts = []
        if HEADINGS[it["type"]] != last:
            last = HEADINGS[it["type"]]
            parts += [Paragraph(last, st["head"]), Paragraph("Answer each question.", st["note"])]
        parts.append(Paragraph(f"<b>{it['n']}.</b> {it['prompt']}", st["body"]))
        kind = it["type"]
        if kind in ("multiple_choice", "true_false"):
            cells = [
                Paragraph(f"○ <b>{letter(i)}</b> {c}", st["choice"])
                for i, c in enumerate(it["choices"])
            ]
            rows = [
                cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2]))
                for i in range(0, len(cells), 2)
            ]
            parts.append(Table(rows, colWidths=[width / 2] * 2, style=grid))
        elif kind in ("short_answer", "numeric"):
            parts.append(Paragraph("_" * 50 + " " + it.get("unit", ""), st["body"]))
        elif kind == "cloze":
            parts.append(Paragraph(it["sentence"], st["body"]))
        elif kind == "matching":
            lefts = [
                Paragraph(f"____ {n}. {x}", st["choice"]) for n, x in enumerate(it["lefts"], 1)
            ]
            rights = [
                Paragraph(f"<b>{letter(i)}.</b> {c}", st["choice"])
                for i, c in enumerate(it["choices"])
            ]
            rows = [
                [lefts[i] if i < len(lefts) else "", rights[i] if i < len(rights) else ""]
                for i in range(max(len(lefts), len(rights)))
            ]
            parts.append(Table(rows, colWidths=[width / 2] * 2, style=grid))
        elif kind == "ordering":
            parts += [Paragraph(f"☐ {c}", st["choice"]) for c in it["choices"]]
        parts.append(Spacer(1, 10))
        story.append(KeepTogether(parts))
    doc.build(story, canvasmaker=_numbered_canvas(f"Version {data['code']}"))
    return buf.getvalue()


def bare_key(data, st, size) -> bytes:
    buf = io.BytesIO()
    doc = _doc(buf, size, data["title"])
    width = doc.width
    story = _header(data, st, width, False)
    cells = [Paragraph(f"<b>{it['n']}</b> {it['grid']}", st["small"]) for it in data["items"]]
    rows = [cells[i : i + 4] + [""] * (4 - len(cells[i : i + 4])) for i in range(0, len(cells), 4)]
    story.append(
        Table(
            rows,
            colWidths=[width / 4] * 4,
            style=TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "grey")]),
        )
    )
    for it in data["items"]:
        story.append(
            KeepTogether(
                [
                    Paragraph(f"<b>{it['n']}.</b> {it['prompt']}", st["body"]),
                    Paragraph(f"<b>Answer:</b> {it['answer']}", st["body"]),
                    Paragraph(f"<b>Why:</b> {it['why']}", st["small"]),
                    Paragraph(f"Source: “{it['source']}”", st["note"]),
                    Spacer(1, 8),
                ]
            )
        )
    doc.build(story, canvasmaker=_numbered_canvas(f"Version {data['code']} answer key"))
    return buf.getvalue()


# Timing ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bank", default=str(ROOT / "banks" / "korean-war-70th.yaml"))
    p.add_argument("--questions", type=int, default=20)
    p.add_argument("--versions", type=int, default=30)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--page-size", choices=("a4", "letter"), default="a4")
    args = p.parse_args(argv)

    bank = load_bank(args.bank)
    count = min(args.questions, len(bank.questions))
    quiz = assemble(bank, 1, AssemblyOptions(versions=args.versions, questions=count))
    options = RenderOptions(page_size=args.page_size)
    size = {"a4": A4, "letter": LETTER}[args.page_size]
    st = bare_fonts()
    data = [plain(quiz, v) for v in quiz.versions]

    def run_quizgen() -> int:
        total = 0
        for version in quiz.versions:  # the student copy and the key (files are made lazily)
            for f in islice(quizgen_pdf.render_version(quiz, version, options), 2):
                total += len(f.data)
        return total

    def run_all_three() -> int:
        total = 0
        for version in quiz.versions:
            for f in quizgen_pdf.render_version(quiz, version, options):
                total += len(f.data)
        return total

    def run_bare() -> int:
        return sum(len(bare_student(d, st, size)) + len(bare_key(d, st, size)) for d in data)

    run_quizgen(), run_bare()  # warm up: font files parsed, first paragraphs wrapped
    runs = (("quizgen", run_quizgen), ("bare reportlab", run_bare))
    runs += (("quizgen, 3 files", run_all_three),)  # with the teacher copy
    best = {name: float("inf") for name, _ in runs}
    sizes = {}
    for _ in range(args.rounds):
        for name, fn in runs:
            start = time.perf_counter()
            sizes[name] = fn()
            best[name] = min(best[name], time.perf_counter() - start)
    n = len(quiz.versions)
    print(
        f"{count} questions, {n} versions, {args.page_size}, best of {args.rounds} rounds; "
        "per version = student copy + answer key (3 files: and the teacher copy)"
    )
    for name, seconds in best.items():
        print(
            f"  {name:<17} {seconds / n * 1000:7.1f} ms/version   "
            f"{sizes[name] / n / 1024:6.1f} KiB/version"
        )
    print(f"  ratio             {best['quizgen'] / best['bare reportlab']:7.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
