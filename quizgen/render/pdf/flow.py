"""Layout primitives of the PDF handouts: styles, a paragraph cache and the ``Block``.

A ``Block`` is laid out once, when it is built, at the frame's width: it holds drawing
operations at fixed offsets and knows its height, so reportlab only has to place it. A
question is one block, so it never splits across a page break (only a block taller than a
whole page may split, between its rows).

Paragraphs are wrapped once for each (text, style, width) and then only drawn: the same
prompt or choice wraps the same way in every version.
"""

from __future__ import annotations

import copy
import functools
import sys
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from .fonts import BOLD, ITALIC, SANS, markup

INK = Color(0.1, 0.1, 0.12)
GREY = Color(0.38, 0.38, 0.42)
RULE = Color(0.55, 0.55, 0.6)
LIGHT = Color(0.93, 0.93, 0.95)
ACCENT = Color(0.05, 0.33, 0.2)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, built once per process (after the fonts are registered)."""

    def style(
        name: str,
        font: str = SANS,
        size: float = 10.5,
        leading: float = 13.6,
        color: Color = INK,
        **kw: Any,
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=leading, textColor=color, **kw
        )

    return {
        s.name: s
        for s in (
            style("title", BOLD, 17, 21),
            style("eyebrow", BOLD, 8.5, 11, GREY),
            style("byline", SANS, 9, 11.5, GREY),
            style("instructions", SANS, 9.5, 12.5),
            style("section", BOLD, 11.5, 14),
            style("section-note", SANS, 9.5, 12, GREY),
            style("prompt", SANS, 10.5, 13.6),
            style("choice", SANS, 10, 12.6),
            style("cloze", SANS, 10.5, 25),
            style("unit", SANS, 10, 12.6),
            style("answer", SANS, 10, 12.8, ACCENT),
            style("written", BOLD, 10.5, 13, ACCENT),
            style("note", SANS, 9.5, 12.2),
            style("source", ITALIC, 9, 11.6, GREY),
            style("grid", SANS, 9, 11),
            style("field", SANS, 11, 13),
            style("footer", SANS, 9, 11, GREY),
        )
    }


def wrapped(text: str, style: str, width: float) -> Paragraph:
    """A new paragraph of ``text`` markup, wrapped at ``width``."""
    p = Paragraph(text, styles()[style])
    p.wrap(width, 1e6)
    return p


para_markup = functools.lru_cache(maxsize=4096)(wrapped)
"""``wrapped``, remembered: the same text, style and width always wrap the same way, so a
prompt or choice that every version shows is built and wrapped once, then only drawn."""

para_varying = functools.lru_cache(maxsize=1024)(wrapped)
"""``wrapped``, remembered apart, for text that changes from version to version (a matching
key: one of a few orders of its pairs), so that it does not crowd out the text every version
shows; both caches are bounded, so memory stays flat however many versions there are."""


class Label:
    """One line of plain ASCII text, laid out like a one-line paragraph of ``style`` (same
    height and baseline) but drawn as a label, with ``bold`` before it in the bold face.

    For short text that differs from version to version (the letters of a matching key, the
    order of an ordering key): a label costs nothing to make, where a paragraph would have to
    be parsed, wrapped and drawn anew, or kept in a cache, for every order of the answers."""

    def __init__(self, text: str, style: str, bold: str = "") -> None:
        s = styles()[style]
        self.text, self.style, self.bold = text, style, bold
        self.height = s.leading
        self.bold_width = stringWidth(bold + " ", BOLD, s.fontSize) if bold else 0.0
        self.width = self.bold_width + stringWidth(text, s.fontName, s.fontSize)


def line(text: str, style: str, width: float, bold: str = "") -> Label | Paragraph:
    """``text`` as a ``Label`` if it fits on one line of ``width``, else wrapped (``bold``
    in bold before it); for ASCII text only, which the main font always has."""
    label = Label(text, style, bold)
    if label.width <= width:
        return label
    head = f"<b>{bold}</b> " if bold else ""
    return para_varying(head + mk(text), style, width)


def para(text: str, style: str, width: float) -> Paragraph:
    """Plain ``text`` (escaped, with font fallback) wrapped at ``width``."""
    return para_markup(markup(text, styles()[style].fontName)[0], style, width)


def mk(text: str, face: str = SANS) -> str:
    """Plain ``text`` as markup for a paragraph whose font is ``face``."""
    return markup(text, face)[0]


@functools.cache
def ascent(style: str) -> float:
    """Distance from a paragraph's top to its first baseline (as reportlab draws it)."""
    from reportlab import rl_config
    from reportlab.pdfbase.pdfmetrics import getAscent

    s = styles()[style]
    if rl_config.paraFontSizeHeightOffset:
        return s.fontSize
    return getAscent(s.fontName, s.fontSize)


BUBBLE, DOT = "qgBubble", "qgDot"
BUBBLE_R = 5.6


def define_forms(canv: Any, names: set[str]) -> None:
    """Define the bubbles ``names`` once per document (pages refer to them as form XObjects,
    which keeps page streams small and fast to write)."""
    r = BUBBLE_R
    for name in sorted(names):
        canv.beginForm(name, -r - 1, -r - 1, r + 1, r + 1)
        canv.setLineWidth(0.8)
        canv.setStrokeColor(INK)
        canv.setFillColor(INK)
        canv.circle(0, 0, r, stroke=name == BUBBLE, fill=name == DOT)
        canv.endForm()


class Block(Flowable):
    """Drawing operations at fixed offsets, laid out top-down; ``y`` grows downwards."""

    def __init__(self, width: float, space_before: float = 0.0) -> None:
        super().__init__()
        self.width = width
        self.height = 0.0
        self.spaceBefore = space_before
        self.ops: list[tuple] = []
        self.breaks: list[float] = []
        self.mark: Any = None
        """Set on the canvas when drawn: the copy (student or key of a version) it starts."""
        self.outline: str | None = None
        """The title of the bookmark at this block (a section's name where it starts)."""
        self.continued: Block | None = None
        """The heading drawn above this block when it starts a page (a section's name, then
        "(continued)")."""
        self.max_height = sys.float_info.max

    # Building ------------------------------------------------------------------------------

    def para(self, p: Paragraph | Label, x: float, y: float) -> float:
        """Place a wrapped paragraph (or a label) with its top at ``y``; returns its bottom."""
        if isinstance(p, Label):
            s = styles()[p.style]
            baseline = y + ascent(p.style)
            if p.bold:
                self.text(BOLD, s.fontSize, x, baseline, p.bold, color=s.textColor)
            self.text(s.fontName, s.fontSize, x + p.bold_width, baseline, p.text, color=s.textColor)
        else:
            self.ops.append(("p", y, p, x))
        bottom = y + p.height
        self.height = max(self.height, bottom)
        return bottom

    def text(
        self,
        font: str,
        size: float,
        x: float,
        baseline: float,
        s: str,
        align: str = "left",
        color: Color = INK,
    ) -> None:
        self.ops.append(("t", baseline - size, font, size, x, baseline, s, align, color))

    def bubble(self, cx: float, cy: float, filled: bool = False) -> None:
        """A bubble to fill in (``filled``: the key's marked answer), centred at (cx, cy)."""
        self.ops.append(("c", cy - BUBBLE_R, cx, cy, DOT if filled else BUBBLE))

    def line(self, x1: float, x2: float, y: float, width: float = 0.6, color: Color = INK) -> None:
        self.ops.append(("l", y, x1, y, x2, y, width, color))
        self.height = max(self.height, y + width)

    def vline(self, x: float, y1: float, y2: float, width: float = 0.6, color: Color = INK) -> None:
        self.ops.append(("l", y1, x, y1, x, y2, width, color))
        self.height = max(self.height, y2)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: Color | None = None,
        stroke: float = 0.8,
        radius: float = 0.0,
        color: Color = INK,
    ) -> None:
        self.ops.append(("r", y, x, y, w, h, fill, stroke, radius, color))
        self.height = max(self.height, y + h)

    def grow(self, height: float, breakable: bool = True) -> None:
        """End a row at ``height``; with ``breakable`` the block may split there."""
        self.height = max(self.height, height)
        if breakable:
            self.breaks.append(self.height)

    # Flowable ------------------------------------------------------------------------------

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        # Only a block taller than a whole page splits: at the lowest row break that fits,
        # else inside the paragraph that crosses the page's end.
        if self.height <= self.max_height:
            return []
        cut = max((b for b in self.breaks if 0 < b <= aH and b < self.height), default=None)
        if cut is None:
            return self._split_paragraph(aH)
        first, rest = self._halves(cut, self.height - cut)
        for op in self.ops:
            if op[1] < cut:
                first.ops.append(op)
            else:
                rest.ops.append(_shift(op, -cut))
        rest.breaks = [b - cut for b in self.breaks if b > cut]
        return [first, rest]

    def _halves(self, first_height: float, rest_height: float) -> tuple[Block, Block]:
        first, rest = Block(self.width, self.spaceBefore), Block(self.width)
        first.mark, first.height, rest.height = self.mark, first_height, rest_height
        first.outline, first.continued = self.outline, self.continued
        rest.continued = self.continued
        rest.max_height = self.max_height
        return first, rest

    def _split_paragraph(self, aH: float) -> list[Flowable]:
        crossing = [op for op in self.ops if op[0] == "p" and op[1] < aH < op[1] + op[2].height]
        if not crossing:
            return []
        _, y, p, x = crossing[0]
        parts = copy.copy(p).split(p.width, aH - y)  # split may alter what it splits
        if len(parts) != 2:
            return []
        head, tail = parts
        head.wrap(p.width, 1e6)
        tail.wrap(p.width, 1e6)
        end = y + p.height  # what came below the paragraph keeps its distance to it
        first, rest = self._halves(y + head.height, self.height - end + tail.height)
        rest.ops.append(("p", 0.0, tail, x))
        for op in self.ops:
            if op is crossing[0]:
                first.ops.append(("p", y, head, x))
            elif op[1] < aH:
                first.ops.append(op)
            else:
                rest.ops.append(_shift(op, tail.height - end))
        rest.breaks = [b - end + tail.height for b in self.breaks if b > end]
        return [first, rest]

    def draw(self) -> None:
        canv = self.canv
        if self.mark is not None:
            canv.qg_copy = self.mark
        if self.outline is not None:
            canv.qg_outline.append((self.outline, canv._currentMatrix[5] + self.height))
        top = self.height
        for op in self.ops:
            _DRAW[op[0]](canv, top, op)


# Drawing writes PDF operators straight into the page, the same ones reportlab's canvas
# methods write, with text and paragraphs made once per quiz by the canvas's ``Ink``.


def _draw_paragraph(canv: Any, top: float, op: tuple) -> None:
    _, y, p, x = op
    ink = canv.qg_ink
    pieces = ink.paragraph(p)
    if pieces is None:
        p.drawOn(canv, x, top - y - p.height)
        return
    code = canv._code  # what drawOn writes
    code.append(f"q\n1 0 0 1 {fp_str(x, top - y - p.height)} cm")
    if pieces != ("",):
        code.append(ink.resolve(pieces, canv))
    code.append("Q")


def _draw_text(canv: Any, top: float, op: tuple) -> None:
    _, _, font, size, x, baseline, s, align, color = op
    if align != "left":
        width = stringWidth(s, font, size)
        x -= width if align == "right" else width / 2
    ink = canv.qg_ink
    pieces = ink.text(font, size, s)
    if pieces is None:
        canv.setFont(font, size)
        canv.setFillColor(color)
        canv.drawString(x, top - baseline, s)
        return
    code = canv._code  # what setFillColor and drawString write
    code.append(f"{fp_str(color.red, color.green, color.blue)} rg")
    code.append(f"BT 1 0 0 1 {fp_str(x, top - baseline)} Tm {ink.resolve(pieces, canv)} T* ET")


def _draw_bubble(canv: Any, top: float, op: tuple) -> None:
    _, _, cx, cy, form = op
    canv.qg_forms.add(form)
    code = canv._code
    code.append("q")
    code.append(f"1 0 0 1 {fp_str(cx, top - cy)} cm")
    canv.doForm(form)
    code.append("Q")


def _draw_line(canv: Any, top: float, op: tuple) -> None:
    _, _, x1, y1, x2, y2, width, color = op
    code = canv._code  # what setLineWidth, setStrokeColor and line write
    code.append(f"{fp_str(width)} w")
    code.append(f"{fp_str(color.red, color.green, color.blue)} RG")
    code.append(f"n {fp_str(x1, top - y1)} m {fp_str(x2, top - y2)} l S")


def _draw_rect(canv: Any, top: float, op: tuple) -> None:
    _, _, x, y, w, h, fill, stroke, radius, color = op
    if fill is not None:
        canv.setFillColor(fill)
    canv.setStrokeColor(color)
    canv.setLineWidth(stroke or 0.1)
    args = (x, top - y - h, w, h)
    flags = {"stroke": 1 if stroke else 0, "fill": 1 if fill is not None else 0}
    if radius:
        canv.roundRect(*args, radius, **flags)
    else:
        canv.rect(*args, **flags)


_DRAW = {
    "p": _draw_paragraph,
    "t": _draw_text,
    "c": _draw_bubble,
    "l": _draw_line,
    "r": _draw_rect,
}


def _shift(op: tuple, dy: float) -> tuple:
    kind = op[0]
    if kind == "p":
        return ("p", op[1] + dy, op[2], op[3])
    if kind == "t":
        return ("t", op[1] + dy, *op[2:5], op[5] + dy, *op[6:])
    if kind == "c":
        return ("c", op[1] + dy, op[2], op[3] + dy, *op[4:])
    if kind == "l":
        return ("l", op[1] + dy, op[2], op[3] + dy, op[4], op[5] + dy, *op[6:])
    return ("r", op[1] + dy, op[2], op[3] + dy, *op[4:])
