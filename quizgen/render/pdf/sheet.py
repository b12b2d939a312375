"""``sheet``: a machine-readable answer sheet per version, ``sheet-X.pdf`` (role ``sheet``);
with a roster, ``sheets.pdf``: one sheet per student in roster order, the student's name
printed and their id in the QR code.

Drawn straight onto the canvas at the places ``render/sheet_layout.py`` gives (the version's
JSON publishes the same places): four corner marks, a QR code naming the quiz, the version,
the page and the student, ``Version X`` in large letters, and the boxes. Print at 100 % (no
fit-to-page): the scanner finds the page by its marks, but the layout assumes true size.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from ...model import Quiz, Version
from ...roster import Student
from .. import OutputFile, RenderOptions
from ..sheet_layout import MARGIN, QR_SIZE, Layout, Page, layout, qr_payload
from .flow import GREY, INK, RULE, para
from .fonts import BOLD, SANS, main_fonts

CREATOR = "quizgen"
BOX_INK = 0.45
HALF = "½"


def _qr_runs(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The QR code of ``text`` as (modules per side, dark runs (row, first column, length))."""
    import zxingcpp

    symbol = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = symbol.to_image(scale=1, add_quiet_zones=False)
    rows = image.tolist() if hasattr(image, "tolist") else _pixels(image)
    runs = []
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if row[c] < 128:
                start = c
                while c < len(row) and row[c] < 128:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return len(rows), runs


def _pixels(image) -> list[list[int]]:
    view = memoryview(image)
    height, width = view.shape[0], view.shape[1]
    data = bytes(view)
    return [list(data[r * width : (r + 1) * width]) for r in range(height)]


def _draw_qr(canv, rect: tuple[float, ...], text: str, height: float) -> None:
    n, runs = _qr_runs(text)
    module = QR_SIZE / n
    x0, top = rect[0], height - rect[1]
    canv.setFillGray(0)
    for r, c, length in runs:
        canv.rect(x0 + c * module, top - (r + 1) * module, length * module, module, 0, 1)


def _text(canv, text: str, x: float, y: float, height: float, style: str, width: float):
    p = para(text, style, width)
    _, h = p.wrap(width, 200)
    p.drawOn(canv, x, height - y - h)


def _draw_page(canv, quiz: Quiz, sheet: Layout, page: Page, student: Student | None) -> None:
    w, h = sheet.page_size
    canv.setFillGray(0)
    for x0, y0, x1, y1 in sheet.marks:
        canv.rect(x0, h - y1, x1 - x0, y1 - y0, 0, 1)
    payload = qr_payload(sheet, quiz.bank.id, quiz.seed, page.number, student.id if student else "")
    _draw_qr(canv, sheet.qr, payload, h)
    canv.setFillColor(INK)
    canv.setFont(BOLD, 30)
    canv.drawString(MARGIN, h - 72, f"Version {sheet.version}")
    canv.setFont(SANS, 9)
    canv.setFillColor(GREY)
    total = len(sheet.pages)
    canv.drawString(MARGIN + 190, h - 72, f"Answer sheet · page {page.number} of {total}")
    _text(canv, quiz.title, MARGIN, 80, h, "byline", 330)
    canv.setFillColor(INK)
    if student is not None:
        _text(canv, f"{student.name} ({student.id})", MARGIN, 100, h, "field", 330)
    else:
        canv.setFont(SANS, 10)
        canv.drawString(MARGIN, h - 114, "Name:")
        canv.setStrokeColor(RULE)
        canv.line(MARGIN + 34, h - 116, MARGIN + 330, h - 116)
    canv.setFont(SANS, 7.5)
    canv.setFillColor(GREY)
    canv.drawString(
        MARGIN, h - 128, "Fill each box fully with a dark pen. Keep the corners and the code clean."
    )
    first = next((b for b in page.boxes if b.field == "student"), None)
    if first is not None:
        canv.setFont(SANS, 8.5)
        canv.setFillColor(INK)
        canv.drawString(MARGIN, h - first.rect[1] - 8, "Student number")
        canv.setFont(SANS, 7)
        canv.drawString(MARGIN, h - first.rect[1] - 18, "one digit per row,")
        canv.drawString(MARGIN, h - first.rect[1] - 26, "first digit at the top")
    _draw_boxes(canv, page, h)


def _draw_boxes(canv, page: Page, h: float) -> None:
    canv.setLineWidth(0.6)
    for box in page.boxes:
        x0, y0, x1, y1 = box.rect
        canv.setStrokeGray(BOX_INK)
        if box.field == "write":
            canv.rect(x0, h - y1, x1 - x0, y1 - y0, 1, 0)
            continue
        canv.rect(x0, h - y1, x1 - x0, y1 - y0, 1, 0)
        mark = HALF if box.mark == "0.5" else box.mark
        canv.setFillGray(0.6)
        canv.setFont(SANS, 6)
        canv.drawCentredString((x0 + x1) / 2, h - y1 + 2.8, mark)
    canv.setFillColor(INK)
    canv.setFont(SANS, 8)
    for label in page.labels:
        canv.drawString(label.x, h - label.y, label.text)


def pack_pages(
    quiz: Quiz, version: Version, options: RenderOptions, student: Student | None
) -> list:
    """The sheet of ``version`` as flowables of the class pack, to follow the student's copy:
    each page starts a new page and is drawn at its own place on it (the pack's footer
    stays clear of the corner marks)."""
    from reportlab.platypus import Flowable, PageBreak

    sheet = layout(quiz, version, options.page_size, options.student_digits)

    class SheetPage(Flowable):
        def __init__(self, page: Page) -> None:
            super().__init__()
            self.page = page

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return avail_width, 0.0

        def drawOn(self, canvas, x, y, _sW=0) -> None:  # noqa: N802 - reportlab's name
            canvas.saveState()
            _draw_page(canvas, quiz, sheet, self.page, student)
            canvas.restoreState()

    out: list = []
    for page in sheet.pages:
        out += [PageBreak(), SheetPage(page)]
    return out


def sheets_pdf(
    quiz: Quiz, options: RenderOptions, copies: Sequence[tuple[Version, Student | None]]
) -> bytes:
    """A PDF of the sheets of ``copies`` (version, student or None), one after another."""
    from reportlab.pdfgen.canvas import Canvas

    main_fonts()
    buf = io.BytesIO()
    canv = None
    for version, student in copies:
        sheet = layout(quiz, version, options.page_size, options.student_digits)
        if canv is None:
            canv = Canvas(buf, pagesize=sheet.page_size, invariant=1, pageCompression=1)
            canv.setCreator(CREATOR)
            canv.setProducer(CREATOR)
            canv.setTitle(f"{quiz.title}: answer sheets")
        for page in sheet.pages:
            _draw_page(canv, quiz, sheet, page, student)
            canv.showPage()
    assert canv is not None
    canv.save()
    return buf.getvalue()


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    data = sheets_pdf(quiz, options, [(version, None)])
    yield OutputFile(f"sheet-{version.code}.pdf", "sheet", "sheet", data, version.code)


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    if quiz.assignments:
        copies = [(quiz.version(a.version), a.student) for a in quiz.assignments]
        yield OutputFile("sheets.pdf", "sheet", "sheet", sheets_pdf(quiz, options, copies))
