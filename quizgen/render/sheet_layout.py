"""Where everything sits on a version's answer sheet, in PDF points from the page's top-left
corner (x right, y down): corner marks, QR code, student-number grid, each question's boxes.

Pure geometry, no drawing: the PDF renderer (``render/pdf/sheet.py``) draws what this says,
the version's JSON publishes it (its ``sheet`` block, see docs/scan.md), and the scanner reads
that JSON. Every box is a square; a box's ``mark`` is what it stands for as printed: a choice
letter, ``T``/``F``, a digit, ``-`` (sign), ``.`` (decimal point), ``0``/``0.5``/``1``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..answers import LETTERS
from ..model import Cloze, Item, Numeric, Quiz, Version
from ..text import format_number

PAGE_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MARK, MARK_INSET = 18.0, 24.0
"""Corner marks: solid squares of this side, this far from the page's edges."""
QR_SIZE = 78.0
MARGIN = 54.0
BOX, PITCH, ROW = 10.0, 15.0, 15.0
"""A box's side, the distance between boxes of a row, and between rows."""
LABEL_W = 34.0
GUTTER = 22.0
GAP = 7.0
"""Space between two questions."""
STUDENT_DIGITS = 6
WRITE_H = 26.0
HEADER_BOTTOM = 136.0


@dataclass(frozen=True)
class Box:
    field: str
    """``answer``, ``student`` or ``write`` (a write-in area the teacher reads)."""
    rect: tuple[float, float, float, float]
    mark: str = ""
    question: int = 0
    id: str = ""
    row: int = 0
    """Row of the question: matching and ordering item, numeric sign/digit position."""
    digit: int = 0

    def as_json(self) -> dict:
        rect = [round(v, 2) for v in self.rect]
        if self.field == "student":
            return {"field": "student", "digit": self.digit, "value": self.mark, "rect": rect}
        out = {"field": self.field, "question": self.question, "id": self.id}
        if self.field == "answer":
            out.update(mark=self.mark, row=self.row)
        out["rect"] = rect
        return out


@dataclass(frozen=True)
class Label:
    """A text the sheet prints (a question number, a row's name), at its baseline."""

    text: str
    x: float
    y: float


@dataclass(frozen=True)
class Page:
    number: int
    boxes: tuple[Box, ...]
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Layout:
    version: str
    build: str
    page_size: tuple[float, float]
    pages: tuple[Page, ...]
    digits: int

    @property
    def marks(self) -> tuple[tuple[float, float, float, float], ...]:
        w, h = self.page_size
        a, b = MARK_INSET, MARK_INSET + MARK
        return (
            (a, a, b, b),
            (w - b, a, w - a, b),
            (w - b, h - b, w - a, h - a),
            (a, h - b, b, h - a),
        )

    @property
    def qr(self) -> tuple[float, float, float, float]:
        w = self.page_size[0]
        return (w - MARGIN - QR_SIZE, 40.0, w - MARGIN, 40.0 + QR_SIZE)

    def as_json(self, file: str) -> dict:
        return {
            "file": file,
            "build": self.build,
            "page_size": list(self.page_size),
            "marks": [list(m) for m in self.marks],
            "qr": list(self.qr),
            "student_digits": self.digits,
            "pages": [
                {"page": p.number, "boxes": [b.as_json() for b in p.boxes]} for p in self.pages
            ],
        }


def build_id(quiz: Quiz) -> str:
    """Eight hex digits naming this build's versions (bank, seed, questions, orders): pages of
    another build of the same bank are told apart."""
    h = hashlib.sha256(f"{quiz.bank.id}\n{quiz.seed}\n".encode())
    for v in quiz.versions:
        h.update(f"{v.code}:{','.join(q.id for q in v.questions)}:".encode() + v.order)
    return h.hexdigest()[:8]


def qr_payload(layout: Layout, bank: str, seed: int, page: int, student: str = "") -> str:
    """The text of a page's QR code: ``QZG1|bank|seed|build|version|page|student`` with each
    field percent-encoded (``quizgen.scan`` parses it)."""
    from urllib.parse import quote

    fields = (bank, str(seed), layout.build, layout.version, str(page), student)
    return "QZG1|" + "|".join(quote(f, safe="") for f in fields)


def _rows(item: Item) -> list[tuple[str, list[str]]]:
    """A question's rows of boxes: (row label, marks)."""
    q, n = item.question, item.number
    kind = q.type
    if kind == "multiple_choice":
        return [(f"{n}.", list(LETTERS[: len(item.choices)]))]
    if kind == "true_false":
        return [(f"{n}.", ["T", "F"])]
    if kind == "matching":
        return [
            (f"{n}{LETTERS[i].lower()}", list(LETTERS[: len(item.choices)]))
            for i in range(len(item.lefts))
        ]
    if kind == "ordering":
        marks = [str(p) for p in range(1, len(item.choices) + 1)]
        return [(f"{n}{LETTERS[i].lower()}", marks) for i in range(len(item.choices))]
    if kind == "numeric":
        return _numeric_rows(n, q.body)
    return [(f"{n}.", ["0", "0.5", "1"])]


def _numeric_rows(n: int, body: Numeric) -> list[tuple[str, list[str]]]:
    texts = [format_number(body.answer), format_number(body.tolerance), *body.accept]
    decimal = any("." in t for t in texts)
    negative = body.answer < 0
    digits = sum(ch.isdigit() for ch in format_number(abs(body.answer)))
    positions = max(4, digits + 2) + (1 if decimal else 0)
    digit_marks = [str(d) for d in range(10)] + (["."] if decimal else [])
    rows = [("sign", ["-"])] if negative else []
    rows += [(f"#{p + 1}", digit_marks) for p in range(positions)]
    return [(f"{n}." if i == 0 else label, marks) for i, (label, marks) in enumerate(rows)]


class _Flow:
    """Places blocks top to bottom in two columns, page after page."""

    def __init__(self, size: tuple[float, float], top: float, grid: list[Box]) -> None:
        self.w, self.h = size
        self.grid = grid
        self.col_w = (self.w - 2 * MARGIN - GUTTER) / 2
        self.bottom = self.h - MARGIN - 10
        self.pages: list[tuple[list[Box], list[Label]]] = [(list(grid), [])]
        self.col, self.y, self.top = 0, top, top

    def x0(self) -> float:
        return MARGIN + self.col * (self.col_w + GUTTER)

    def room(self, height: float) -> None:
        if self.y + height <= self.bottom:
            return
        if self.col == 0:
            self.col, self.y = 1, self.top
        else:
            self.pages.append((list(self.grid), []))
            self.col, self.y = 0, self.top

    def add(self, boxes: list[Box], labels: list[Label], height: float) -> None:
        x, y = self.x0(), self.y
        page = self.pages[-1]
        page[0].extend(
            Box(
                b.field,
                (b.rect[0] + x, b.rect[1] + y, b.rect[2] + x, b.rect[3] + y),
                b.mark,
                b.question,
                b.id,
                b.row,
                b.digit,
            )
            for b in boxes
        )
        page[1].extend(Label(t.text, t.x + x, t.y + y) for t in labels)
        self.y += height + GAP


def _block(item: Item, width: float) -> tuple[list[Box], list[Label], float]:
    """A question's boxes and labels relative to the block's top-left, and its height."""
    per_line = max(1, int((width - LABEL_W) // PITCH))
    boxes: list[Box] = []
    labels: list[Label] = []
    y = 0.0
    q = item.question
    if q.type in ("short_answer", "cloze"):
        blanks = len(q.body.blanks) if isinstance(q.body, Cloze) else 1
        height = WRITE_H * blanks
        boxes.append(Box("write", (LABEL_W, 0, width, height), "", item.number, q.id))
        labels.append(Label(f"{item.number}.", 0, 11))
        y = height + 4
        labels.append(Label("teacher", 0, y + 9))
    for row, (label, marks) in enumerate(_rows(item)):
        if q.type not in ("short_answer", "cloze") or row:
            labels.append(Label(label, 0, y + 9))
        for start in range(0, len(marks), per_line):
            for i, mark in enumerate(marks[start : start + per_line]):
                x = LABEL_W + i * PITCH
                boxes.append(Box("answer", (x, y, x + BOX, y + BOX), mark, item.number, q.id, row))
            y += ROW
    return boxes, labels, y - ROW + BOX


def student_grid(digits: int, top: float) -> list[Box]:
    """One row per digit of the student number (leftmost first), boxes 0-9."""
    x0 = MARGIN + 110
    return [
        Box(
            "student",
            (x0 + v * PITCH, top + d * ROW, x0 + v * PITCH + BOX, top + d * ROW + BOX),
            str(v),
            digit=d,
        )
        for d in range(digits)
        for v in range(10)
    ]


def layout(quiz: Quiz, version: Version, page_size: str, digits: int = STUDENT_DIGITS) -> Layout:
    """The sheet of ``version``: every page holds the student-number grid (pages can be
    scanned in any order), then the questions in two columns, as many pages as they need."""
    size = PAGE_SIZES[page_size]
    grid = student_grid(digits, HEADER_BOTTOM + 8)
    flow = _Flow(size, HEADER_BOTTOM + 8 + digits * ROW + 18, grid)
    for item in version.items:
        boxes, labels, height = _block(item, flow.col_w)
        flow.room(height)
        flow.add(boxes, labels, height)
    pages = tuple(
        Page(i, tuple(boxes), tuple(labels)) for i, (boxes, labels) in enumerate(flow.pages, 1)
    )
    return Layout(version.code, build_id(quiz), size, pages, digits)
