"""The student copy of one version: header, instructions and one block per question.

Shared with the answer key: the header, the sections (by question type) and their headings.
Nothing here shows an answer, an explanation or a source sentence.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator

from reportlab.pdfbase.pdfmetrics import stringWidth

from ...answers import letter
from ...model import Item, Matching, Numeric, Quiz, Version
from ...roster import Student
from .flow import GREY, LIGHT, RULE, Block, ascent, mk, para, para_markup
from .fonts import BOLD, SANS

INDENT = 24.0
"""Left edge of a question's text; its number is right-aligned before it."""
QUESTION_GAP = 11.0
SECTION_GAP = 18.0

SECTIONS = {
    "multiple_choice": ("Multiple choice", "Fill in the bubble of the one best answer."),
    "true_false": ("True or false", "Fill in the bubble of True or False for each statement."),
    "short": ("Short answer", "Write your answer on the line."),
    "cloze": ("Fill in the blank", "Write the missing word or words on each blank."),
    "matching": (
        "Matching",
        "Write the letter of the matching option on the line before each item.",
    ),
    "ordering": (
        "Ordering",
        "Number the items in order: write 1 in the box of the first, "
        "2 in the box of the next, and so on.",
    ),
}


def section_of(item: Item) -> str:
    """Numeric questions share the short-answer section (they follow it in every version)."""
    return "short" if item.type in ("short_answer", "numeric") else item.type


def sections(version: Version) -> Iterator[tuple[str, list[Item]]]:
    """Runs of consecutive items of one section, in the version's order."""
    run: list[Item] = []
    for item in version.items:
        if run and section_of(run[0]) != section_of(item):
            yield section_of(run[0]), run
            run = []
        run.append(item)
    if run:
        yield section_of(run[0]), run


def _date(text: str | None) -> str | None:
    try:
        d = datetime.date.fromisoformat(str(text))
    except ValueError:
        return text
    return f"{d.day} {d.strftime('%B')} {d.year}"


def byline(quiz: Quiz) -> str:
    """The article's title and source in a line."""
    a = quiz.bank.article
    parts = [f"“{a.title}”" if a.title else None, a.publisher, _date(a.date)]
    text = ", ".join(p for p in parts if p)
    return f"Based on the article {text}" if text else ""


def header(
    quiz: Quiz, version: Version, width: float, *, key: bool, student: Student | None = None
) -> Block:
    """Title, article line, the version code in a box, and (student copy) name fields."""
    block = Block(width)
    box_w, box_h = 78.0, 58.0
    text_w = width - box_w - 16
    y = 0.0
    if key:
        y = block.para(para("ANSWER KEY · FOR THE TEACHER", "eyebrow", text_w), 0, y) + 2
    y = block.para(para(quiz.title, "title", text_w), 0, y) + 3
    line = byline(quiz)
    if line:
        y = block.para(para(line, "byline", text_w), 0, y)
    if key:
        info = f"Seed {quiz.seed} · {len(version.items)} questions"
        y = block.para(para(info, "byline", text_w), 0, y + 1)
    x = width - box_w
    block.rect(x, 0, box_w, box_h, fill=LIGHT, stroke=1.0, radius=5)
    block.text(BOLD, 8, x + box_w / 2, 15, "VERSION", "center", GREY)
    size = 30 if len(version.code) < 3 else 20
    block.text(BOLD, size, x + box_w / 2, 47, version.code, "center")
    y = max(y, box_h)
    if student is not None:
        y = _student_fields(block, width, y + 24, student)
    elif not key:
        y = _fields(block, width, y + 24)
    block.line(0, width, y + 8, 1.2)
    block.grow(y + 8)
    return block


def _fields(block: Block, width: float, baseline: float) -> float:
    x = 0.0
    for label, share in (("Name", 0.5), ("Class", 0.25), ("Date", 0.25)):
        end = x + width * share
        block.text(BOLD, 10, x, baseline, label)
        start = x + stringWidth(label, BOLD, 10) + 6
        block.line(start, end - 14, baseline + 1.5, 0.7, RULE)
        x = end
    return baseline + 6


def _student_fields(block: Block, width: float, baseline: float, student: Student) -> float:
    """The name and id of the student the copy is for, filled in, and a date line."""
    x = 0.0
    top = baseline - ascent("field")
    for label, value, share in (("Name", student.name, 0.55), ("ID", student.id, 0.25)):
        end = x + width * share
        block.text(BOLD, 10, x, baseline, label)
        start = x + stringWidth(label, BOLD, 10) + 6
        block.para(para(value, "field", end - 14 - start - 2), start + 2, top)
        block.line(start, end - 14, baseline + 1.5, 0.7, RULE)
        x = end
    block.text(BOLD, 10, x, baseline, "Date")
    block.line(x + stringWidth("Date", BOLD, 10) + 6, width, baseline + 1.5, 0.7, RULE)
    return max(block.height, baseline + 6)


def instructions(version: Version, width: float) -> Block:
    types = {item.type for item in version.items}
    text = f"Answer all {len(version.items)} questions."
    if types & {"multiple_choice", "true_false"}:
        text += " Fill in one bubble completely for each choice question."
    if types - {"multiple_choice", "true_false"}:
        text += " Write the other answers clearly in the spaces provided."
    block = Block(width, 8)
    block.grow(block.para(para(text, "instructions", width), 0, 0))
    return block


def section_heading(
    block: Block, name: str, items: list[Item], width: float, note: str | None = None
) -> float:
    """Draw a section's heading and one-line instruction (``note``: another one, or none if
    empty) at the top of ``block``; returns where the first question starts."""
    title, text = SECTIONS[name]
    if note is None:
        note = text
        if name == "matching" and any(
            isinstance(i.question.body, Matching) and i.question.body.distractors for i in items
        ):
            note += " Some options are not used."
    first, last = items[0].number, items[-1].number
    span = f"Question {first}" if first == last else f"Questions {first}–{last}"
    y = block.para(para(title, "section", width - 120), 0, 0)
    block.text(SANS, 9, width, ascent("section"), span, "right", GREY)
    block.line(0, width, y + 2, 0.5, RULE)
    if note:
        y = block.para(para(note, "section-note", width), 0, y + 5)
    return y + 8


def number(block: Block, item: Item, y: float) -> None:
    block.text(BOLD, 10.5, INDENT - 6, y + ascent("prompt"), f"{item.number}.", "right")


def story(
    quiz: Quiz, version: Version, width: float, mark: object, student: Student | None = None
) -> list:
    """The flowables of one student copy (``student``: the copy of that roster student)."""
    head = header(quiz, version, width, key=False, student=student)
    head.mark = mark
    out: list = [head, instructions(version, width)]
    for name, items in sections(version):
        for n, item in enumerate(items):
            block = section_block(name, items, n, width)
            y = section_heading(block, name, items, width) if n == 0 else 0.0
            question(block, item, y)
            out.append(block)
    return out


def section_block(name: str, items: list[Item], n: int, width: float) -> Block:
    """The block of the ``n``-th question of a section: the first one opens the section (and
    its bookmark), the others repeat its heading when they start a page."""
    block = Block(width, SECTION_GAP if n == 0 else QUESTION_GAP)
    if n == 0:
        block.outline = SECTIONS[name][0]
    else:
        block.continued = continued(SECTIONS[name][0], width)
    return block


@functools.lru_cache(maxsize=64)
def continued(title: str, width: float) -> Block:
    """A section's heading again, at the top of a page it continues on."""
    block = Block(width)
    y = block.para(para(f"{title} (continued)", "section", width), 0, 0)
    block.line(0, width, y + 2, 0.5, RULE)
    block.grow(y + 6)
    return block


def question(block: Block, item: Item, y: float) -> None:
    """One question as the student sees it, from ``y`` down."""
    avail = block.width - INDENT
    number(block, item, y)
    kind = item.type
    if kind == "true_false":
        true_false(block, item, y)
        return
    y = block.para(para(item.question.prompt, "prompt", avail), INDENT, y)
    if kind == "multiple_choice":
        choices(block, item, y + 5)
    elif kind in ("short_answer", "numeric"):
        body = item.question.body
        end = INDENT + avail if kind == "short_answer" else INDENT + min(200.0, avail * 0.5)
        y += 24
        block.line(INDENT, end, y, 0.7)
        if isinstance(body, Numeric) and body.unit:
            unit = para(body.unit, "unit", block.width - end - 8)
            block.para(unit, end + 6, y - ascent("unit") - 1)
        block.grow(y + 2)
    elif kind == "cloze":
        block.grow(block.para(para_markup(cloze_markup(item), "cloze", avail), INDENT, y + 3))
    elif kind == "matching":
        matching(block, item, y + 6)
    elif kind == "ordering":
        ordering(block, item, y + 6)


def cloze_markup(item: Item) -> str:
    segments = item.question.body.segments  # type: ignore[union-attr]
    blanks = sum(1 for s in segments if not isinstance(s, str))
    out, n = [], 0
    for s in segments:
        if isinstance(s, str):
            out.append(mk(s))
        else:
            n += 1
            tag = f'<font size="7.5" color="#606068">({n})</font>' if blanks > 1 else ""
            out.append(f'{tag}<font color="#8c8c99">{"_" * 16}</font>')
    return "".join(out)


def choice_columns(texts: tuple[str, ...], avail: float, pad: float) -> int:
    """Four to a row when every choice is short, else two, else one per line."""
    widest = max(stringWidth(t, SANS, 10) for t in texts)
    if len(texts) <= 4 and widest <= avail / 4 - pad:
        return 4
    return 2 if widest <= avail / 2 - pad else 1


def choices(block: Block, item: Item, y: float, *, marked: int = -1) -> float:
    """Lettered choices with bubbles; ``marked`` fills the bubble of that index (key)."""
    avail = block.width - INDENT
    text_x, pad = 30.0, 46.0
    cols = choice_columns(item.choices, avail, pad)
    cell = avail / cols
    asc = ascent("choice")
    for row in range(0, len(item.choices), cols):
        row_h = 0.0
        for col, index in enumerate(range(row, min(row + cols, len(item.choices)))):
            x = INDENT + col * cell
            p = para(item.choices[index], "choice", cell - text_x - 8)
            row_h = max(row_h, block.para(p, x + text_x, y) - y)
            block.bubble(x + 7, y + asc - 3.6, filled=index == marked)
            block.text(BOLD, 9.5, x + 17, y + asc, letter(index))
        y += row_h + 4
        block.grow(y)
    return y


TRUE_FALSE_WIDTH = 124.0


def true_false(block: Block, item: Item, y: float) -> None:
    """The statement, with its two bubbles at the right of its first line."""
    width = block.width - INDENT - TRUE_FALSE_WIDTH
    block.grow(block.para(para(item.question.prompt, "prompt", width), INDENT, y))
    baseline = y + ascent("prompt")
    for index, choice in enumerate(item.choices):
        x = block.width - TRUE_FALSE_WIDTH + 14 + index * 58
        block.bubble(x + 7, baseline - 3.6)
        block.text(BOLD, 9.5, x + 17, baseline, letter(index))
        block.text(SANS, 10, x + 28, baseline, choice)


def matching(block: Block, item: Item, y: float) -> None:
    avail = block.width - INDENT
    left_w, right_x = avail * 0.47, INDENT + avail * 0.52
    right_w = block.width - right_x
    asc = ascent("choice")
    ly = ry = y
    for n, left in enumerate(item.lefts, start=1):
        block.line(INDENT, INDENT + 26, ly + asc + 2, 0.7)
        block.text(BOLD, 9.5, INDENT + 44, ly + asc, f"{n}.", "right")
        ly = block.para(para(left, "choice", left_w - 50), INDENT + 48, ly) + 6
    for index, option in enumerate(item.choices):
        block.text(BOLD, 9.5, right_x, ry + asc, f"{letter(index)}.")
        ry = block.para(para(option, "choice", right_w - 18), right_x + 18, ry) + 6
    block.grow(max(ly, ry) - 4)


def ordering(block: Block, item: Item, y: float) -> None:
    avail = block.width - INDENT
    asc = ascent("choice")
    for shown in item.choices:
        block.rect(INDENT, y + asc - 12, 22, 16, stroke=0.8)
        y = block.para(para(shown, "choice", avail - 34), INDENT + 32, y) + 9
        block.grow(y - 5)
