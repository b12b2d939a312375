"""The student copy of one version, and the teacher copy (the same pages with the answers
written in place): header, instructions and one block per question.

Shared with the answer key: the sections (by question type) and their headings. Answers are
drawn only when asked for (``answers=True``, the teacher copy); the student copy never shows
an answer, an explanation or a source sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from reportlab.pdfbase.pdfmetrics import stringWidth

from ...answers import correct_index, letter, matching_key, numeric_text, ordering_key
from ...model import Item, Matching, Numeric, Quiz, Version
from ...roster import Student
from ...sections import SECTION_NAMES
from .flow import ACCENT, GREY, RULE, Block, ascent, mk, para, para_markup
from .fonts import BOLD, SANS
from .header import header, instructions, points, show_points

INDENT = 24.0
"""Left edge of a question's text; its number is right-aligned before it."""
QUESTION_GAP = 11.0
SECTION_GAP = 18.0

NOTES = {
    "multiple_choice": "Fill in the bubble of the one best answer.",
    "true_false": "Fill in the bubble of True or False for each statement.",
    "short_answer": "Write your answer on the line.",
    "numeric": "Write the number on the line.",
    "cloze": "Write the missing word or words on each blank.",
    "matching": "Write the letter of the matching option on the line before each item.",
    "ordering": "Number the items in order: write 1 in the box of the first, "
    "2 in the box of the next, and so on.",
}
"""The instruction under each section's heading (the names are shared with the HTML pages)."""


def sections(version: Version) -> Iterator[tuple[str, list[Item]]]:
    """Runs of consecutive items of one type, in the version's order."""
    run: list[Item] = []
    for item in version.items:
        if run and run[0].type != item.type:
            yield run[0].type, run
            run = []
        run.append(item)
    if run:
        yield run[0].type, run


def section_heading(
    block: Block, name: str, items: list[Item], width: float, note: str | None = None
) -> float:
    """Draw a section's heading and one-line instruction (``note``: another one, or none if
    empty) at the top of ``block``; returns where the first question starts."""
    title, text = SECTION_NAMES[name], NOTES[name]
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


def number(block: Block, item: Item, y: float, *, worth: bool = False) -> None:
    """The question's number before it; with ``worth``, its points under the number."""
    baseline = y + ascent("prompt")
    block.text(BOLD, 10.5, INDENT - 6, baseline, f"{item.number}.", "right")
    if worth:
        block.text(SANS, 8.5, INDENT - 6, baseline + 12, show_points(points(item)), "right", GREY)


def story(
    quiz: Quiz,
    version: Version,
    width: float,
    mark: object,
    student: Student | None = None,
    *,
    answers: bool = False,
) -> list:
    """The flowables of one student copy (``student``: the copy of that roster student);
    with ``answers``, the teacher copy: the same pages with every answer in place and the
    points of every question."""
    head = header(quiz, version, width, role="teacher" if answers else "student", student=student)
    head.mark = mark
    out: list = [head, instructions(version, width)]
    worth = answers or any(points(item) != 1 for item in version.items)
    for name, items in sections(version):
        for n, item in enumerate(items):
            block = section_block(name, items, n, width)
            y = section_heading(block, name, items, width) if n == 0 else 0.0
            question(block, item, y, answers=answers, worth=worth)
            out.append(block)
    return out


def section_block(name: str, items: list[Item], n: int, width: float) -> Block:
    """The block of the ``n``-th question of a section: the first one opens the section (and
    its bookmark), the others repeat its heading when they start a page."""
    block = Block(width, SECTION_GAP if n == 0 else QUESTION_GAP)
    if n == 0:
        block.outline = SECTION_NAMES[name]
    else:
        block.continued = continued(SECTION_NAMES[name], width)
    return block


@functools.lru_cache(maxsize=64)
def continued(title: str, width: float) -> Block:
    """A section's heading again, at the top of a page it continues on."""
    block = Block(width)
    y = block.para(para(f"{title} (continued)", "section", width), 0, 0)
    block.line(0, width, y + 2, 0.5, RULE)
    block.grow(y + 6)
    return block


def question(
    block: Block, item: Item, y: float, *, answers: bool = False, worth: bool = False
) -> None:
    """One question as the student sees it, from ``y`` down; with ``answers`` (the teacher
    copy), the answers written in place: the right choice ringed, blanks and lines filled;
    with ``worth``, its points."""
    avail = block.width - INDENT
    number(block, item, y, worth=worth)
    kind = item.type
    if kind == "true_false":
        true_false(block, item, y, answers=answers)
        return
    y = block.para(para(item.question.prompt, "prompt", avail), INDENT, y)
    if kind == "multiple_choice":
        choices(block, item, y + 5, marked=correct_index(item) if answers else -1, ring=answers)
    elif kind in ("short_answer", "numeric"):
        write_in(block, item, y, answers=answers)
    elif kind == "cloze":
        markup = cloze_markup(item, answers=answers)
        block.grow(block.para(para_markup(markup, "cloze", avail), INDENT, y + 3))
    elif kind == "matching":
        matching(block, item, y + 6, answers=answers)
    elif kind == "ordering":
        ordering(block, item, y + 6, answers=answers)


MIN_WRITE = 40 * 72 / 25.4
"""The shortest line or blank to write an answer on: 40 mm."""
HAND = 1.7
"""How much wider handwriting runs than the same words in 10.5 pt print."""


def write_width(text: str, avail: float) -> float:
    """Room to write ``text`` by hand: at least 40 mm, at most ``avail``."""
    return min(avail, max(MIN_WRITE, stringWidth(text, SANS, 10.5) * HAND + 16))


def write_in(block: Block, item: Item, y: float, *, answers: bool = False) -> None:
    """A line to write a short answer or a number on, sized to the expected answer (and the
    unit after it); with ``answers``, the answer written on it."""
    body = item.question.body
    avail = block.width - INDENT
    unit = body.unit if isinstance(body, Numeric) and body.unit else None
    room = avail - (stringWidth(unit, SANS, 10) + 10 if unit else 0)
    answer = numeric_text(body) if isinstance(body, Numeric) else body.answer  # type: ignore[union-attr]
    longest = max((answer, *body.accept), key=len)  # type: ignore[union-attr]
    end = INDENT + write_width(longest, room)
    y += 30
    block.line(INDENT, end, y, 0.9)
    if answers:
        block.para(para(answer, "written", end - INDENT - 8), INDENT + 6, y - 14)
    if unit:
        block.para(para(unit, "unit", block.width - end - 8), end + 6, y - ascent("unit") - 1)
    block.grow(y + 2)


def cloze_markup(item: Item, *, answers: bool = False) -> str:
    """The sentence with a numbered blank (numbers when there are several) for each gap, each
    as wide as its answer needs; with ``answers``, each answer written in its blank."""
    segments = item.question.body.segments  # type: ignore[union-attr]
    blanks = sum(1 for s in segments if not isinstance(s, str))
    underscore = stringWidth("_", SANS, 10.5)
    out, n = [], 0
    for s in segments:
        if isinstance(s, str):
            out.append(mk(s))
            continue
        n += 1
        if blanks > 1:
            out.append(f'<font size="8.5" color="#303038">({n})</font>')
        longest = max((s.answer, *s.accept), key=len)
        count = int(write_width(longest, 400) / underscore + 0.999)
        if answers:  # the answer on its blank, which keeps its length (and the page its layout)
            written = stringWidth(s.answer, BOLD, 10.5) / underscore + 0.999
            out.append(f'<font color="#0d5433"><u><b>{mk(s.answer, BOLD)}</b></u></font>')
            out.append("_" * max(0, count - int(written)))
        else:
            out.append("_" * count)
    return "".join(out)


def choice_columns(texts: tuple[str, ...], avail: float, pad: float) -> int:
    """Four to a row when every choice is short, else two, else one per line."""
    widest = max(stringWidth(t, SANS, 10) for t in texts)
    if len(texts) <= 4 and widest <= avail / 4 - pad:
        return 4
    return 2 if widest <= avail / 2 - pad else 1


def choices(block: Block, item: Item, y: float, *, marked: int = -1, ring: bool = False) -> float:
    """Lettered choices with bubbles; ``marked`` fills the bubble of that index (key), and
    ``ring`` rings it (teacher copy)."""
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
            bottom = block.para(p, x + text_x, y)
            row_h = max(row_h, bottom - y)
            block.bubble(x + 7, y + asc - 3.6, filled=index == marked)
            block.text(BOLD, 9.5, x + 17, y + asc, letter(index))
            if ring and index == marked:
                text_w = max(p.getActualLineWidths0() or [0.0])
                w = min(cell - 2, text_x + text_w + 8)
                block.rect(x - 2, y - 2.5, w, bottom - y + 5, stroke=1.3, radius=7, color=ACCENT)
        y += row_h + 4
        block.grow(y)
    return y


TRUE_FALSE_WIDTH = 124.0


def true_false(block: Block, item: Item, y: float, *, answers: bool = False) -> None:
    """The statement, with its two bubbles at the right of its first line."""
    width = block.width - INDENT - TRUE_FALSE_WIDTH
    block.grow(block.para(para(item.question.prompt, "prompt", width), INDENT, y))
    baseline = y + ascent("prompt")
    right = correct_index(item) if answers else -1
    for index, choice in enumerate(item.choices):
        x = block.width - TRUE_FALSE_WIDTH + 14 + index * 58
        block.bubble(x + 7, baseline - 3.6, filled=index == right)
        block.text(BOLD, 9.5, x + 17, baseline, letter(index))
        block.text(SANS, 10, x + 28, baseline, choice)
        if index == right:  # the ring leaves the block's height (and the page) as it was
            height, w = block.height, 32 + stringWidth(choice, SANS, 10)
            block.rect(x - 2, baseline - 12, w, 16, stroke=1.3, radius=7, color=ACCENT)
            block.height = height


def matching(block: Block, item: Item, y: float, *, answers: bool = False) -> None:
    avail = block.width - INDENT
    left_w, right_x = avail * 0.47, INDENT + avail * 0.52
    right_w = block.width - right_x
    asc = ascent("choice")
    key = matching_key(item) if answers else ()
    ly = ry = y
    for n, left in enumerate(item.lefts, start=1):
        block.line(INDENT, INDENT + 26, ly + asc + 2, 0.9)
        if answers:
            block.text(BOLD, 10.5, INDENT + 13, ly + asc, letter(key[n - 1]), "center", ACCENT)
        block.text(BOLD, 9.5, INDENT + 44, ly + asc, f"{n}.", "right")
        ly = block.para(para(left, "choice", left_w - 50), INDENT + 48, ly) + 6
    for index, option in enumerate(item.choices):
        block.text(BOLD, 9.5, right_x, ry + asc, f"{letter(index)}.")
        ry = block.para(para(option, "choice", right_w - 18), right_x + 18, ry) + 6
    block.grow(max(ly, ry) - 4)


def ordering(block: Block, item: Item, y: float, *, answers: bool = False) -> None:
    avail = block.width - INDENT
    asc = ascent("choice")
    key = ordering_key(item) if answers else ()
    for index, shown in enumerate(item.choices):
        block.rect(INDENT, y + asc - 12, 22, 16, stroke=0.9)
        if answers:
            block.text(BOLD, 10.5, INDENT + 11, y + asc, str(key[index]), "center", ACCENT)
        y = block.para(para(shown, "choice", avail - 34), INDENT + 32, y) + 9
        block.grow(y - 5)
