"""The answer key of one version: a marking grid, then every question with its answer
(among the choices the student saw), every other accepted answer, the explanation and the
source sentence, numbered exactly as the student copy."""

from __future__ import annotations

from ...answers import answer_text, correct_index, letter, matching_key, ordering_key
from ...model import Cloze, Item, Matching, Numeric, Ordering, Quiz, ShortAnswer, Version
from .flow import Block, line, mk, para, para_markup, para_varying
from .fonts import BOLD, ITALIC, symbol
from .grid import grid
from .header import header
from .student import INDENT, choices, number, section_block, section_heading, sections


def story(quiz: Quiz, version: Version, width: float, mark: object) -> list:
    """The flowables of one answer key."""
    head = header(quiz, version, width, role="key")
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
    if item.type in ("multiple_choice", "true_false"):  # the choices as the student saw them
        y = choices(block, item, y, marked=correct_index(item), ring=True)
    elif isinstance(body, (ShortAnswer, Numeric)):
        lines.append(_answer(item, "Answer:", answer_text(item)))
        if body.accept:
            lines.append(_answer(item, "Also accept:", "; ".join(body.accept)))
    elif isinstance(body, Cloze):
        lines.append("<b>Answer:</b> " + _filled(body))
        many = len(body.blanks) > 1
        for n, b in enumerate(body.blanks, start=1):
            if b.accept:
                label = f"Also accept for ({n}):" if many else "Also accept:"
                lines.append(_answer(item, label, "; ".join(b.accept)))
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


def _filled(body: Cloze) -> str:
    """The cloze sentence with its answers in place, underlined and numbered as the blanks
    of the student copy."""
    out, n = [], 0
    many = len(body.blanks) > 1
    for s in body.segments:
        if isinstance(s, str):
            out.append(mk(s))
        else:
            n += 1
            tag = f'<font size="8.5">({n})</font>' if many else ""
            out.append(f"{tag}<u><b>{mk(s.answer, BOLD)}</b></u>")
    return "".join(out)
