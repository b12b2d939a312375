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
FIRST_ROOM = 520.0
"""Height of the grid's columns on the key's first page (below its header), on A4 or letter."""
GRID_ROOM = 620.0
"""Height of the grid's columns on a page of their own (below the heading repeated)."""
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
    """Question number to answer, column by column, for fast marking: as many blocks (pages)
    as the answers need, each filling its four columns to about the same height."""
    column = (width - GAP * (GRID_COLUMNS - 1)) / GRID_COLUMNS
    cells = [(item, cell(item, column - 30)) for item in version.items]
    heights = [p.height + 4.5 for _, p in cells]
    blocks: list[Block] = []
    start = 0
    while start < len(cells):
        room = FIRST_ROOM if not blocks else GRID_ROOM
        columns, start = _columns(heights, start, room)
        chunk = [[cells[i] for i in col] for col in columns]
        blocks.append(_grid_block(chunk, width, column, first=not blocks))
    return blocks


def _columns(heights: list[float], start: int, room: float) -> tuple[list[list[int]], int]:
    """The items from ``start`` on, in order, in four columns of at most ``room`` points,
    as even as they come; returns the columns and where the next block starts."""
    target = min(room, sum(heights[start:]) / GRID_COLUMNS)
    while True:
        columns, i = [], start
        for _ in range(GRID_COLUMNS):
            col: list[int] = []
            used = 0.0
            while i < len(heights) and (not col or used + heights[i] <= target):
                col.append(i)
                used += heights[i]
                i += 1
            columns.append(col)
        if i == len(heights) or target >= room:
            return columns, i
        target = min(room, target + 6)


def _grid_block(chunk: list[list[tuple[Item, Paragraph | Label]]], width: float, column: float,
                *, first: bool) -> Block:  # fmt: skip
    block = Block(width, 10)
    y = 0.0
    if first:
        block.outline = "Marking grid"
        y = block.para(para("Marking grid", "section", width), 0, 0)
        block.line(0, width, y + 2, 0.5, RULE)
        y += 7
    else:
        block.continued = continued("Marking grid", width)
    top = bottom = y
    for col, cells in enumerate(chunk):
        x, y = col * (column + GAP), top
        for r, (item, p) in enumerate(cells):
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
