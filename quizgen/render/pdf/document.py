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


ROLE_NAMES = {"student": "", "key": "Answer key", "teacher": "Teacher copy"}
"""What the footer and the bookmark call each kind of copy (a student copy goes unnamed)."""
LABEL_PREFIXES = {"student": "", "key": "Key ", "teacher": "Teacher "}


@dataclass(frozen=True)
class Copy:
    """What a page belongs to: one version's student copy, key or teacher copy (``serial``
    tells copies apart in a pack). Set on the canvas by the copy's first block."""

    serial: int
    code: str
    role: str
    student: Student | None = None
    """The roster student this copy is for, named in every page's footer."""

    @property
    def title(self) -> str:
        """The copy's bookmark: ``Version A``, ``Version A · Answer key``, or the student's
        name, id and version."""
        if self.student is not None:
            return f"{self.student.name} ({self.student.id}) · Version {self.code}"
        role = self.role_name
        return f"Version {self.code} · {role}" if role else f"Version {self.code}"

    @property
    def prefix(self) -> str:
        """The prefix of its page labels: ``A-`` (pages ``A-1``, ``A-2``), ``Key A-``, or
        with a roster ``<id> A-``."""
        who = f"{self.student.id} " if self.student is not None else ""
        prefix = LABEL_PREFIXES.get(self.role, f"{self.role_name} ")
        return f"{prefix}{who}{self.code}-"

    @property
    def role_name(self) -> str:
        """``Answer key``, ``Teacher copy``, ... (a new kind of page: its role, capitalised)."""
        return ROLE_NAMES.get(self.role, self.role.capitalize())


class _Pages:
    """The pages a canvas held back, replayed with their footers, page labels and bookmarks."""

    def __init__(self, canv: Canvas, duplex: bool) -> None:
        self.canv, self.duplex = canv, duplex
        self.physical = 0
        self.previous: Copy | None = None

    def replay(self, held: list[tuple[dict, Copy | None, list]]) -> None:
        canv = self.canv
        totals: dict[int, int] = {}
        for _, copy, _ in held:
            if copy is not None:
                totals[copy.serial] = totals.get(copy.serial, 0) + 1
        if len(totals) > 1:  # a pack: open it with its bookmarks showing
            canv.showOutline()
        seen: dict[int, int] = {}
        for state, copy, outline in held:
            n = 0
            if copy is not None:
                n = seen[copy.serial] = seen.get(copy.serial, 0) + 1
                if self.duplex and n == 1 and self.physical % 2 == 1 and self.previous:
                    self._blank(self.previous)  # the back of the last sheet
            canv.__dict__.update(state)
            if copy is not None:  # always: every copy starts with its header block
                footer(canv, copy, n, totals[copy.serial])
                if n == 1:
                    self._start(copy)
                self.previous = copy
            for index, (title, top) in enumerate(outline):
                key = f"qg{self.physical}-{index}"
                canv.bookmarkPage(key, fit="XYZ", left=0, top=top)
                canv.addOutlineEntry(title, key, level=1 if copy is not None else 0)
            Canvas.showPage(canv)
            self.physical += 1

    def _start(self, copy: Copy) -> None:
        canv = self.canv
        canv.addPageLabel(self.physical, "D", 1, copy.prefix)
        key = f"qg{self.physical}"
        canv.bookmarkPage(key, fit="XYZ", left=0, top=canv._pagesize[1])
        canv.addOutlineEntry(copy.title, key, level=0)

    def _blank(self, previous: Copy) -> None:
        footer(self.canv, previous, None, None)
        self.canv.addPageLabel(self.physical, None, None, previous.prefix + "blank")
        Canvas.showPage(self.canv)
        self.physical += 1


def _canvas_class(duplex: bool, ink: Ink) -> type[Canvas]:
    class _Canvas(Canvas):
        """Holds pages back until the end, so every footer can say "Page N of M" of its copy;
        with ``duplex``, inserts a blank page wherever a copy would start on an even page.
        Every copy gets page labels (``A-1``, ``A-2``...) and a bookmark, every section a
        bookmark under it; print dialogs are asked not to scale the pages."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            ink.prime(self._doc)
            self.qg_ink = ink
            self.qg_names: dict = {}
            self.qg_copy: Copy | None = None
            self.qg_forms: set[str] = set()
            self.qg_outline: list[tuple[str, float]] = []
            self._held: list[tuple[dict, Copy | None, list]] = []

        def showPage(self) -> None:
            self._held.append((dict(self.__dict__), self.qg_copy, self.qg_outline))
            self.qg_outline = []
            self._startPage()

        def save(self) -> None:
            define_forms(self, self.qg_forms)
            self.setViewerPreference("PrintScaling", "None")
            _Pages(self, duplex).replay(self._held)
            Canvas.save(self)

    return _Canvas


class _Frame(Frame):
    """A frame that starts a page with the heading of the section a block continues."""

    def add(self, flowable, canv, trySplit=0):  # noqa: N803 - reportlab's signature
        head = getattr(flowable, "continued", None)
        if head is not None and self._atTop:
            _, height = flowable.wrap(self._getAvailableWidth(), self._y - self._y1p)
            room = self._y - self._y1p - head.height - flowable.getSpaceBefore()
            if height <= room:
                Frame.add(self, head, canv)
        return Frame.add(self, flowable, canv, trySplit)


def footer(canv: Canvas, copy: Copy, page: int | None, total: int | None) -> None:
    width, height = canv._pagesize
    block = Block(width)  # drawn like the page's other blocks, from operators made once
    base = height - FOOTER_Y
    block.line(MARGIN_X, width - MARGIN_X, base - 11, 0.5, RULE)
    label = f"Version {copy.code}"
    block.text(BOLD, 9, MARGIN_X, base, label, color=GREY)
    x = MARGIN_X + stringWidth(label, BOLD, 9)
    if copy.role_name:
        block.text(SANS, 9, x, base, f" · {copy.role_name}", color=GREY)
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
    frame = _Frame(MARGIN_X, MARGIN_BOTTOM, doc.width, doc.height, 0, 0, 0, 0, id="body")
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
