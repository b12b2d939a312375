"""The top of a copy's first page: title, article line, the version in a box, the student's
fields (filled in for a roster student) and the score box; then the instructions."""

from __future__ import annotations

from decimal import Decimal

from reportlab.pdfbase.pdfmetrics import stringWidth

from ...model import Item, Quiz, Version
from ...roster import Student
from ...sections import display_date
from ...text import format_number
from .flow import ACCENT, GREY, LIGHT, RULE, Block, ascent, para
from .fonts import BOLD

EYEBROWS = {"key": "ANSWER KEY · FOR THE TEACHER", "teacher": "TEACHER COPY · ANSWERS IN PLACE"}
SCORE_W = 104.0


def points(item: Item) -> Decimal:
    """What a question is worth (its ``points``, 1 unless the bank says otherwise)."""
    return item.question.points


def total_points(version: Version) -> Decimal:
    return sum((points(item) for item in version.items), start=Decimal(0))


def show_points(value: Decimal) -> str:
    """``1 pt``, ``2 pts``, ``0.5 pt``."""
    return f"{format_number(value)} {'pt' if value <= 1 else 'pts'}"


def byline(quiz: Quiz) -> str:
    """The article's title and source in a line."""
    a = quiz.bank.article
    parts = [f"“{a.title}”" if a.title else None, a.publisher, display_date(a.date)]
    text = ", ".join(p for p in parts if p)
    return f"Based on the article {text}" if text else ""


def header(
    quiz: Quiz, version: Version, width: float, *, role: str, student: Student | None = None
) -> Block:
    """Title, article line, the version code in a box; on a student or teacher copy, the name
    fields (filled in for ``student``) and the score box."""
    block = Block(width)
    box_w, box_h = 78.0, 58.0
    text_w = width - box_w - 16
    y = 0.0
    if role == "key":
        y = block.para(para(EYEBROWS[role], "eyebrow", text_w), 0, y) + 2
    elif role == "teacher":  # above the title, in the margin: the pages stay the student's
        block.text(BOLD, 8.5, 0, -8, EYEBROWS[role], color=ACCENT)
    y = block.para(para(quiz.title, "title", text_w), 0, y) + 3
    line = byline(quiz)
    if line:
        y = block.para(para(line, "byline", text_w), 0, y)
    if role == "key":
        info = f"Seed {quiz.seed} · {len(version.items)} questions"
        y = block.para(para(info, "byline", text_w), 0, y + 1)
    x = width - box_w
    block.rect(x, 0, box_w, box_h, fill=LIGHT, stroke=1.0, radius=5)
    block.text(BOLD, 8, x + box_w / 2, 15, "VERSION", "center", GREY)
    size = 30 if len(version.code) < 3 else 20
    block.text(BOLD, size, x + box_w / 2, 47, version.code, "center")
    y = max(y, box_h)
    if role != "key":
        baseline = y + 24
        y = _fields(block, width - SCORE_W - 10, baseline, student)
        _score_box(block, width, baseline, total_points(version))
    block.line(0, width, y + 8, 1.2)
    block.grow(y + 8)
    return block


def _fields(block: Block, width: float, baseline: float, student: Student | None) -> float:
    """Name, class (or id) and date lines; a roster student's name and id written in."""
    if student is None:
        fields = (("Name", None, 0.5), ("Class", None, 0.25), ("Date", None, 0.25))
    else:
        fields = (("Name", student.name, 0.55), ("ID", student.id, 0.22), ("Date", None, 0.23))
    x = 0.0
    for label, value, share in fields:
        end = x + width * share
        block.text(BOLD, 10, x, baseline, label)
        start = x + stringWidth(label, BOLD, 10) + 6
        if value is not None:
            top = baseline - ascent("field")
            block.para(para(value, "field", end - 16 - start), start + 2, top)
        block.line(start, end - 14, baseline + 1.5, 0.7, RULE)
        x = end
    return max(block.height, baseline + 6)


def _score_box(block: Block, width: float, baseline: float, total: Decimal) -> None:
    """A box for the mark: ``Score ____ / 20``."""
    x, top, h = width - SCORE_W, baseline - 17, 26.0
    block.rect(x, top, SCORE_W, h, stroke=1.0, radius=3)
    block.text(BOLD, 9, x + 6, baseline, "Score")
    block.text(BOLD, 10.5, width - 6, baseline, f"/ {format_number(total)}", "right")


def instructions(version: Version, width: float) -> Block:
    types = {item.type for item in version.items}
    text = f"Answer all {len(version.items)} questions."
    if types & {"multiple_choice", "true_false"}:
        text += " Fill in one bubble completely for each choice question."
    if types - {"multiple_choice", "true_false"}:
        text += " Write the other answers clearly in the spaces provided."
    if any(points(item) != 1 for item in version.items):
        text += " Points are shown beside each question."
    block = Block(width, 8)
    block.grow(block.para(para(text, "instructions", width), 0, 0))
    return block
