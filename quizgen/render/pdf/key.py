"""The answer key of one version: a marking grid, then every question with its answer,
explanation and source sentence, numbered exactly as the student copy."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from ...answers import (
    answer_text,
    correct_choice,
    correct_index,
    letter,
    matching_key,
    numeric_text,
    ordering_key,
)
from ...model import Cloze, Item, Matching, Numeric, Ordering, Quiz, ShortAnswer, Version
from ...text import format_number
from .flow import LIGHT, RULE, Block, Label, ascent, line, mk, para, para_markup, para_varying
from .fonts import BOLD, ITALIC, symbol
from .student import (
    INDENT,
    continued,
    header,
    number,
    section_block,
    section_heading,
    sections,
)

GRID_COLUMNS = 4
GRID_ROWS = 40
"""Rows per grid block, so that even a very long quiz's grid fits a page at a time."""


def grid_answer(item: Item) -> str:
    """The answer as the marking grid shows it: a letter where the student fills a bubble."""
    body = item.question.body
    if item.type == "multiple_choice":
        return letter(correct_index(item))
    if item.type == "true_false":
        return correct_choice(item)
    if isinstance(body, Cloze):
        return " · ".join(b.answer for b in body.blanks)
    if isinstance(body, Matching):
        return " ".join(f"{n}{letter(i)}" for n, i in enumerate(matching_key(item), start=1))
    if isinstance(body, Ordering):
        return " ".join(str(p) for p in ordering_key(item))
    if isinstance(body, Numeric):  # the number is what to mark; the unit is in the details
        tolerance = f" (± {format_number(body.tolerance)})" if body.tolerance else ""
        return numeric_text(body) + tolerance
    return answer_text(item)


def _grid_cell(item: Item, width: float) -> Paragraph | Label:
    if item.type in ("matching", "ordering"):  # letters and digits, in another order each time
        return line(grid_answer(item), "grid", width)
    return para(grid_answer(item), "grid", width)


def grid(version: Version, width: float) -> list[Block]:
    """Question number to answer, column by column, for fast marking."""
    items = version.items
    cell = width / GRID_COLUMNS
    blocks = []
    per_block = GRID_ROWS * GRID_COLUMNS
    for start in range(0, len(items), per_block):
        chunk = items[start : start + per_block]
        rows = -(-len(chunk) // GRID_COLUMNS)
        block = Block(width, 10)
        if start == 0:
            block.outline = "Marking grid"
        else:
            block.continued = continued("Marking grid", width)
        y = 0.0
        if start == 0:
            y = block.para(para("Marking grid", "section", width), 0, 0)
            block.line(0, width, y + 2, 0.5, RULE)
            y += 7
        cells = [(_grid_cell(item, cell - 34), item) for item in chunk]
        heights = [max(p.height for p, _ in cells[r::rows]) + 4.5 for r in range(rows)]
        top = y
        for r, h in enumerate(heights):
            if r % 2 == 0:
                block.rect(0, y, width, h, fill=LIGHT, stroke=0)
            y += h
        for col in range(1, GRID_COLUMNS):
            block.vline(col * cell, top, y, 0.4, RULE)
        for index, (p, item) in enumerate(cells):
            col, r = divmod(index, rows)
            row_y = top + sum(heights[:r]) + 2.2
            block.text(BOLD, 9, col * cell + 22, row_y + ascent("grid"), f"{item.number}", "right")
            block.para(p, col * cell + 28, row_y)
        block.grow(y)
        blocks.append(block)
    return blocks


def story(quiz: Quiz, version: Version, width: float, mark: object) -> list:
    """The flowables of one answer key."""
    head = header(quiz, version, width, key=True)
    head.mark = mark
    out: list = [head, *grid(version, width)]
    for name, items in sections(version):
        for n, item in enumerate(items):
            block = section_block(name, items, n, width)
            y = section_heading(block, name, items, width, note="") if n == 0 else 0.0
            question(block, item, y)
            out.append(block)
    return out


def _answer(item: Item, label: str, text: str) -> str:
    return f"<b>{label}</b> " + mk(text)


def question(block: Block, item: Item, y: float) -> None:
    """One question with its answer, explanation and source, from ``y`` down."""
    q = item.question
    body = q.body
    avail = block.width - INDENT
    number(block, item, y)
    y = block.para(para(q.prompt, "prompt", avail), INDENT, y) + 3
    lines: list[str] = []
    if item.type in ("multiple_choice", "true_false"):
        index = correct_index(item)
        asc = ascent("answer")
        block.bubble(INDENT + 7, y + asc - 3.6, filled=True)
        block.text(BOLD, 9.5, INDENT + 17, y + asc, letter(index))
        p = para_markup(f"<b>{mk(item.choices[index], BOLD)}</b>", "answer", avail - 30)
        y = block.para(p, INDENT + 30, y) + 1
    elif isinstance(body, (ShortAnswer, Numeric)):
        lines.append(_answer(item, "Answer:", answer_text(item)))
        if body.accept:
            lines.append(_answer(item, "Also accept:", "; ".join(body.accept)))
    elif isinstance(body, Cloze):
        lines.append("<b>Answer:</b> " + _filled(item, body))
        others = [f"({n}) " + "; ".join(b.accept) for n, b in enumerate(body.blanks, 1) if b.accept]
        if others:
            lines.append(_answer(item, "Also accept:", "  ".join(others)))
    elif isinstance(body, Matching):
        for n, i in enumerate(matching_key(item), start=1):
            left = item.lefts[n - 1]
            pair = f"{left} {symbol('→', '->')} {item.choices[i]}"
            lines.append(_answer(item, f"{n}–{letter(i)}", pair))
        used = set(matching_key(item))
        unused = [f"{letter(i)}. {c}" for i, c in enumerate(item.choices) if i not in used]
        if unused:
            lines.append(_answer(item, "Not used:", "; ".join(unused)))
    for text in lines:  # a matching key changes from version to version
        wrap = para_varying if item.type == "matching" else para_markup
        y = block.para(wrap(text, "answer", avail), INDENT, y) + 1
        block.grow(y)
    if isinstance(body, Ordering):
        y = _ordering(block, item, body, y)
    explanation = "<b>Why:</b> " + mk(q.explanation)
    y = block.para(para_markup(explanation, "note", avail), INDENT, y + 2)
    source = "Source: “" + mk(q.source, ITALIC) + "”"
    block.grow(block.para(para_markup(source, "source", avail), INDENT, y + 2))


def _ordering(block: Block, item: Item, body: Ordering, y: float) -> float:
    """The boxes' numbers (a different order in every version), then the correct order."""
    avail = block.width - INDENT
    boxes = ", ".join(str(p) for p in ordering_key(item))
    y = block.para(line(boxes, "answer", avail, bold="Boxes, top to bottom:"), INDENT, y) + 1
    block.grow(y)
    order = ["<b>Correct order:</b>"]
    order += [f"{n}. {mk(text)}" for n, text in enumerate(body.items, start=1)]
    for text in order:
        y = block.para(para_markup(text, "answer", avail), INDENT, y) + 1
        block.grow(y)
    return y


def _filled(item: Item, body: Cloze) -> str:
    """The cloze sentence with its answers in place, underlined."""
    out = []
    for s in body.segments:
        if isinstance(s, str):
            out.append(mk(s))
        else:
            out.append(f"<u><b>{mk(s.answer, BOLD)}</b></u>")
    return "".join(out)
