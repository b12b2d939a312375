"""The marking grid at the top of a key: question number to answer, four columns.

Each column lays out its own rows, so a long answer in one column never stretches the rows of
another. A cell shows what to look for on the student's paper: the letter of a bubble (and
True or False), each blank's answer numbered as on the copy, a number with its tolerance,
matching letters and order numbers, with every other accepted answer beside it.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph

from ...answers import correct_index, letter, matching_key, numeric_text, ordering_key
from ...model import Cloze, Item, Numeric, ShortAnswer, Version
from ...text import format_number
from .flow import LIGHT, RULE, Block, Label, ascent, line, mk, para, para_markup
from .fonts import BOLD
from .student import continued

GRID_COLUMNS = 4
GRID_ROWS = 40
"""Rows per column in one grid block, so that even a very long quiz's grid fits a page."""
GRID_ROOM = 680.0
"""A grid block taller than this is made of fewer rows."""
GAP = 6.0
"""Space between two columns."""
ALSO = '<font color="#505058">'


def _also(accept: tuple[str, ...]) -> str:
    return f" {ALSO}or {mk('; '.join(accept))}</font>" if accept else ""


def cell(item: Item, width: float) -> Paragraph | Label:
    """The answer of ``item`` as its grid cell shows it, wrapped at ``width``."""
    body = item.question.body
    if item.type in ("multiple_choice", "true_false"):
        index = correct_index(item)
        text = letter(index) + (f" {item.choices[index]}" if item.type == "true_false" else "")
        return line(text, "grid", width)
    if item.type == "matching":  # letters and digits, in another order each time
        pairs = (f"{n}{letter(i)}" for n, i in enumerate(matching_key(item), start=1))
        return line(" ".join(pairs), "grid", width)
    if item.type == "ordering":
        return line(" ".join(str(p) for p in ordering_key(item)), "grid", width)
    if isinstance(body, Cloze):
        blanks = body.blanks
        parts = [
            (f"({n}) " if len(blanks) > 1 else "")
            + f"<b>{mk(b.answer, BOLD)}</b>"
            + _also(b.accept)
            for n, b in enumerate(blanks, start=1)
        ]
        return para_markup("<br/>".join(parts), "grid", width)
    if isinstance(body, Numeric):  # the number is what to mark; the unit is in the details
        tolerance = f" ± {format_number(body.tolerance)}" if body.tolerance else ""
        text = f"<b>{mk(numeric_text(body) + tolerance, BOLD)}</b>"
        return para_markup(text + _also(body.accept), "grid", width)
    assert isinstance(body, ShortAnswer)
    return para_markup(f"<b>{mk(body.answer, BOLD)}</b>" + _also(body.accept), "grid", width)


def grid(version: Version, width: float) -> list[Block]:
    """Question number to answer, column by column, for fast marking."""
    items = version.items
    blocks: list[Block] = []
    start = 0
    while start < len(items):
        rows = GRID_ROWS
        while True:
            chunk = items[start : start + rows * GRID_COLUMNS]
            block = _grid_block(chunk, width, first=start == 0)
            if block.height <= GRID_ROOM or rows == 1:
                break
            rows = max(1, rows // 2)
        blocks.append(block)
        start += len(chunk)
    return blocks


def _grid_block(chunk: tuple[Item, ...], width: float, *, first: bool) -> Block:
    block = Block(width, 10)
    y = 0.0
    if first:
        block.outline = "Marking grid"
        y = block.para(para("Marking grid", "section", width), 0, 0)
        block.line(0, width, y + 2, 0.5, RULE)
        y += 7
    else:
        block.continued = continued("Marking grid", width)
    column = (width - GAP * (GRID_COLUMNS - 1)) / GRID_COLUMNS
    rows = -(-len(chunk) // GRID_COLUMNS)
    top, bottom = y, y
    for col in range(GRID_COLUMNS):
        x, y = col * (column + GAP), top
        for r, item in enumerate(chunk[col * rows : (col + 1) * rows]):
            p = cell(item, column - 30)
            h = p.height + 4.5
            if r % 2 == 0:
                block.rect(x, y, column, h, fill=LIGHT, stroke=0)
            block.text(BOLD, 9, x + 20, y + 2.2 + ascent("grid"), f"{item.number}", "right")
            block.para(p, x + 26, y + 2.2)
            y += h
        bottom = max(bottom, y)
    for col in range(1, GRID_COLUMNS):
        block.vline(col * (column + GAP) - GAP / 2, top, bottom, 0.4, RULE)
    block.grow(bottom)
    return block
