"""Marking: a grid whose columns keep their own rows, a teacher copy with the answers in place,
room to write by hand, and the same section names and date as the HTML page."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdfread import ROOT, build, needs_poppler, page_texts, pdftotext, questions, squash, text
from pypdf import PdfReader
from support import built

from quizgen.sections import SECTION_NAMES

ARTICLE = "The river festival drew crowds to the old harbour every summer.\n"


def _short(qid: str, answer: str) -> str:
    return f"""\
  - id: {qid}
    type: short_answer
    prompt: "What does question {qid} ask about the festival?"
    answer: "{answer}"
    explanation: "The article says so."
    source: "The river festival drew crowds to the old harbour every summer."
"""


LONG = "the crowds that came down to the old harbour by the river every single summer"


@pytest.fixture(scope="session")
def grid_build(tmp_path_factory) -> Path:
    """Eight short answers, one of them long enough to wrap over several grid lines."""
    folder = tmp_path_factory.mktemp("grid")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    body = "".join(_short(f"q{n}", LONG if n == 1 else f"word{n}") for n in range(1, 9))
    (folder / "bank.yaml").write_text(
        f"id: grid\ntitle: Grid\narticle: {{path: article.txt}}\nquestions:\n{body}",
        encoding="utf-8",
    )
    build(folder / "bank.yaml", folder / "out", "--seed", "3", "--questions", "8")
    return folder / "out"


def grid_numbers(pdf: Path) -> dict[int, tuple[float, float]]:
    """Question number -> (x, y) of each bold 9 pt number of the key's marking grid."""
    page = PdfReader(pdf).pages[0]
    found: dict[int, tuple[float, float]] = {}

    def visit(text, cm, tm, font, size):
        name = str((font or {}).get("/BaseFont", ""))
        if text.strip().isdigit() and "Bold" in name and size == 9:
            found.setdefault(int(text), (tm[4], tm[5]))

    page.extract_text(visitor_text=visit)
    return found


def test_grid_columns_keep_their_own_rows(grid_build):
    qs = questions(grid_build, "A")
    long_number = next(q["number"] for q in qs if q["answer"] == LONG)
    numbers = grid_numbers(built(grid_build, "key-A.pdf"))
    assert sorted(numbers) == list(range(1, 9))
    columns: dict[int, list[tuple[int, float]]] = {}
    for n, (x, y) in numbers.items():
        columns.setdefault(round((x - 50) // 120), []).append((n, y))
    assert len(columns) == 4, columns
    tops = {rows[0][1] for rows in columns.values()}
    assert len(tops) == 1  # every column starts on the same line ...
    steps = {}
    for rows in columns.values():
        rows.sort()
        for (n, y1), (_, y2) in zip(rows, rows[1:], strict=False):
            steps[n] = y1 - y2
    short = min(steps.values())
    for n, step in steps.items():  # ... but the long answer's row is tall in its column only
        assert step > 2 * short if n == long_number else step == pytest.approx(short), steps
    neighbours = [rows for rows in columns.values() if long_number not in dict(rows)]
    own = next(rows for rows in columns.values() if long_number in dict(rows))
    assert len(own) < max(len(rows) for rows in neighbours), columns  # it takes their room


@needs_poppler
def test_grid_numbers_blanks_and_puts_accepted_answers_beside(small_pdf):
    grid = text(built(small_pdf, "key-A.pdf")).split("Multiple choice")[0]
    qs = {q["id"]: q for q in questions(small_pdf, "A")}
    cloze, short = qs["street"], qs["mayor-name"]
    first, second = (b["answer"] for b in cloze["blanks"])
    assert f"{cloze['number']} (1) {first}" in grid
    assert f"(2) {second}" in grid
    assert f"{short['answer']} or {'; '.join(short['accept'])}" in grid


@needs_poppler
def test_key_shows_the_choices_the_student_saw(small_pdf):
    key = squash(pdftotext(built(small_pdf, "key-B.pdf"), "-layout"))
    for q in questions(small_pdf, "B"):
        if q["type"] == "multiple_choice":
            shown = " ".join(f"{'ABCD'[i]} {c}" for i, c in enumerate(q["choices"]))
            assert shown in key, shown


def test_teacher_copy_is_the_student_copy_with_answers_in_place(small_pdf):
    student = page_texts(small_pdf / "quiz-A.pdf")
    teacher = page_texts(built(small_pdf, "teacher-A.pdf"))
    assert len(teacher) == len(student)
    for q in questions(small_pdf, "A"):
        prompt = f"{q['number']}. {squash(q['prompt'])}"
        pages = [n for n, page in enumerate(student) if prompt in page]
        assert pages and squash(q["prompt"]) in teacher[pages[0]], q["id"]  # page for page
        answers = [b["answer"] for b in q["blanks"]] if q["type"] == "cloze" else []
        if q["type"] == "short_answer":
            answers = [q["answer"]]
        for answer in answers:
            assert answer in teacher[pages[0]] and answer not in student[pages[0]], answer
        if q["type"] == "numeric":
            assert f"{q['answer']} {q['unit']}" in teacher[pages[0]]
    assert "TEACHER COPY" in teacher[0] and "1 pt" in teacher[0]
    assert "1 pt" not in " ".join(student)
    assert "Score / 7" in student[0] and "Score / 7" in teacher[0]
    reader = PdfReader(built(small_pdf, "teacher-A.pdf"))
    assert reader.page_labels[0] == "Teacher A-1"


def _lines(page) -> list[tuple[float, float]]:
    """(length, width) of every horizontal line a page's content draws."""
    ops = page.get_contents().operations
    width, out = 0.0, []
    for i, (args, op) in enumerate(ops):
        if op == b"w":
            width = float(args[0])
        elif op == b"l" and i and ops[i - 1][1] == b"m":
            (x1, y1), (x2, y2) = ops[i - 1][0], args
            if abs(float(y1) - float(y2)) < 0.01:
                out.append((abs(float(x2) - float(x1)), width))
    return out


@needs_poppler
def test_room_to_write_by_hand(small_pdf):
    mm40 = 40 * 72 / 25.4
    reader = PdfReader(small_pdf / "quiz-A.pdf")
    write_lines = [length for p in reader.pages for length, w in _lines(p) if w == 0.9]
    assert len(write_lines) >= 2 + 3  # short answer, number, three matching lines
    assert sorted(write_lines)[-2] >= mm40 - 0.01  # the two write-in lines
    text = pdftotext(small_pdf / "quiz-A.pdf", "-layout")
    blanks = re.findall(r"_{5,}", text)
    assert len(blanks) == 2 and all(len(b) * 5.25 >= mm40 for b in blanks), blanks
    sizes = set()

    def visit(text, cm, tm, font, size):
        if re.fullmatch(r"\(\d\)", text.strip()):
            sizes.add(size)

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 8.5, sizes


def test_section_names_and_date_match_the_html_page(tmp_path):
    bank = ROOT / "tests" / "banks" / "small.yaml"
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "quizgen", "build", str(bank), "--formats", "pdf,html", "--out",
         str(out), "--seed", "2", "-q"],
        cwd=ROOT, check=True, timeout=300,
    )  # fmt: skip
    page = (out / "quiz-A.html").read_text(encoding="utf-8")
    headings = [html.unescape(h) for h in re.findall(r"<h2[^>]*>([^<]*)</h2>", page)]
    assert set(headings) >= set(SECTION_NAMES.values()), headings
    pdf = " ".join(page_texts(out / "quiz-A.pdf"))
    for name in headings:
        if name in SECTION_NAMES.values():
            assert name in pdf, name
    assert "4 March 2025" in pdf and "4 March 2025" in page
    assert "2025-03-04" not in pdf and "2025-03-04" not in page.split("<script")[0]


def test_one_warning_per_missing_script_naming_the_package(tmp_path):
    (tmp_path / "article.txt").write_text("평화와 전쟁. 한국전쟁은 1950년에 시작되었다.\n", "utf-8")
    (tmp_path / "bank.yaml").write_text(
        """\
id: hangul
title: "한국전쟁"
article: {path: article.txt}
questions:
  - id: peace
    type: short_answer
    prompt: "평화와 무엇?"
    answer: "전쟁"
    explanation: "평화와 전쟁."
    source: "평화와 전쟁."
""",
        encoding="utf-8",
    )
    script = f"""
import logging
import quizgen.render.pdf.fonts as fonts
fonts._FALLBACK_FAMILIES = ()
from quizgen.assemble import AssemblyOptions, assemble
from quizgen.bank import load_bank
from quizgen.render import RenderOptions, render
logging.basicConfig(format="%(message)s")
quiz = assemble(load_bank({str(tmp_path / "bank.yaml")!r}), 1, AssemblyOptions())
files = list(render("pdf", quiz, RenderOptions()))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1, warnings
    assert "Hangul characters" in warnings[0] and "apt-get install fonts-nanum" in warnings[0]
    assert "question 'peace'" in warnings[0] and "the quiz title" in warnings[0]


def test_points_from_the_bank_on_the_score_box_and_beside_questions(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    body = _short("big", "harbour") + "    points: 2.5\n" + _short("small", "summer")
    (tmp_path / "bank.yaml").write_text(
        f"id: pts\ntitle: Points\narticle: {{path: article.txt}}\nquestions:\n{body}",
        encoding="utf-8",
    )
    build(tmp_path / "bank.yaml", tmp_path / "out", "--seed", "1", "--questions", "2")
    student = " ".join(page_texts(tmp_path / "out" / "quiz-A.pdf"))
    assert "Score / 3.5" in student
    assert "2.5 pts" in student and "1 pt" in student
    teacher = " ".join(page_texts(built(tmp_path / "out", "teacher-A.pdf")))
    assert "Score / 3.5" in teacher and "2.5 pts" in teacher
