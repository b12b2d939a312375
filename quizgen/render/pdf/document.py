"""A PDF document of one or more copies: page size, margins, footers, the canvas that holds
pages back to number them per copy (and, with duplex, to start every copy on an odd page).

Every page kind (``student``, ``key``, ...) makes a list of flowables for one copy; ``build``
lays them out one after another, each copy on a new page. Built with reportlab platypus (see
docs/pdf.md); the same quiz and options give byte-identical files (``invariant=1``, no dates,
fixed metadata).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, LayoutError, PageBreak, PageTemplate

from ...errors import RenderError
from ...model import Quiz
from ...roster import Student
from .. import RenderOptions
from .flow import GREY, RULE, Block, ascent, define_forms, para
from .fonts import BOLD, SANS, main_fonts
from .ink import Ink, ink_for

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 50.0, 44.0, 54.0
FOOTER_Y = 30.0
CREATOR = "quizgen"


@dataclass(frozen=True)
class Copy:
    """What a page belongs to: one version's student copy or key (``serial`` tells copies
    apart in a pack). Set on the canvas by the copy's first block."""

    serial: int
    code: str
    role: str
    student: Student | None = None
    """The roster student this copy is for, named in every page's footer."""


def _canvas_class(duplex: bool, ink: Ink) -> type[Canvas]:
    class _Canvas(Canvas):
        """Holds pages back until the end, so every footer can say "Page N of M" of its copy;
        with ``duplex``, inserts a blank page wherever a copy would start on an even page."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            ink.prime(self._doc)
            self.qg_ink = ink
            self.qg_names: dict = {}
            self.qg_copy: Copy | None = None
            self.qg_forms: set[str] = set()
            self._held: list[tuple[dict, Copy | None]] = []

        def showPage(self) -> None:
            self._held.append((dict(self.__dict__), self.qg_copy))
            self._startPage()

        def save(self) -> None:
            define_forms(self, self.qg_forms)
            totals: dict[int, int] = {}
            for _, copy in self._held:
                if copy is not None:
                    totals[copy.serial] = totals.get(copy.serial, 0) + 1
            seen: dict[int, int] = {}
            physical = 0
            previous: Copy | None = None
            for state, copy in self._held:
                if copy is not None:
                    n = seen[copy.serial] = seen.get(copy.serial, 0) + 1
                    if duplex and n == 1 and physical % 2 == 1 and previous is not None:
                        footer(self, previous, None, None)  # the back of the last sheet
                        Canvas.showPage(self)
                        physical += 1
                self.__dict__.update(state)
                if copy is not None:  # always: every copy starts with its header block
                    footer(self, copy, n, totals[copy.serial])
                    previous = copy
                Canvas.showPage(self)
                physical += 1
            Canvas.save(self)

    return _Canvas


def footer(canv: Canvas, copy: Copy, page: int | None, total: int | None) -> None:
    width, height = canv._pagesize
    block = Block(width)  # drawn like the page's other blocks, from operators made once
    base = height - FOOTER_Y
    block.line(MARGIN_X, width - MARGIN_X, base - 11, 0.5, RULE)
    label = f"Version {copy.code}"
    block.text(BOLD, 9, MARGIN_X, base, label, color=GREY)
    x = MARGIN_X + stringWidth(label, BOLD, 9)
    if copy.role == "key":
        block.text(SANS, 9, x, base, " · Answer key", color=GREY)
    if copy.student is not None:
        who = f"· {copy.student.name} ({copy.student.id})"
        x += stringWidth(" ", SANS, 9)
        block.para(para(who, "footer", width / 2 - x), x, base - ascent("footer"))
    if page is None:
        block.text(SANS, 9, width / 2, height / 2, "This page is left blank.", "center", GREY)
        block.text(SANS, 9, width - MARGIN_X, base, "Blank page", "right", GREY)
    else:
        block.text(SANS, 9, width - MARGIN_X, base, f"Page {page} of {total}", "right", GREY)
    block.height = height
    canv.saveState()
    block.canv = canv
    try:
        block.draw()
    finally:
        del block.canv
    canv.restoreState()


def _document(
    buf: io.BytesIO, quiz: Quiz, options: RenderOptions, subject: str, duplex: bool = False
) -> tuple[BaseDocTemplate, float]:
    if options.page_size not in PAGE_SIZES:
        raise RenderError(f"page size '{options.page_size}' is not one of {', '.join(PAGE_SIZES)}")
    main_fonts()  # registered before any style or canvas uses them
    size = PAGE_SIZES[options.page_size]
    doc = BaseDocTemplate(
        buf,
        pagesize=size,
        invariant=1,
        initialFontName=SANS,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=quiz.title,
        author=CREATOR,
        subject=subject,
        creator=CREATOR,
        lang=quiz.bank.language,
        displayDocTitle=1,
        duplex="DuplexFlipLongEdge" if duplex else None,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, doc.width, doc.height, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame])])
    return doc, doc.width


def build(
    quiz: Quiz,
    options: RenderOptions,
    subject: str,
    parts: list[Callable[[float, int], list]],
    duplex: bool = False,
) -> bytes:
    """A document of one or more copies, each from ``part(width, serial)``, each on a new page."""
    buf = io.BytesIO()
    doc, width = _document(buf, quiz, options, subject, duplex)
    limit = doc.height - 1
    story: list = []
    for serial, part in enumerate(parts):
        if story:
            story.append(PageBreak())
        for flowable in part(width, serial):
            flowable.max_height = limit
            story.append(flowable)
    # Flate alone: reportlab's default ASCII85 layer only makes files larger and slower.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        doc.build(story, canvasmaker=_canvas_class(duplex, ink_for(quiz)))
    except LayoutError as exc:  # pragma: no cover - blocks split rather than overflow
        raise RenderError(f"PDF {subject}: a question does not fit on a page ({exc})") from exc
    finally:
        rl_config.useA85 = saved
    return buf.getvalue()
