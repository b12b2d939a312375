"""``quizgen scan``: every page placed and read, pages gathered per student, review items
listed with a crop of their question, teacher decisions applied, results written."""

from __future__ import annotations

import csv
import sys
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from ..errors import InputError
from ..results import REVIEW, Reading, write_results
from ..results.score import Build, load_build
from .inputs import pages
from .place import SCALE, Identity, PlacementError, find_qr, place
from .read import question_cell, read_page, student_number

REVIEW_COLUMNS = ("student", "version", "question", "reason", "crop", "decision")
"""Columns of ``review.csv``; the same file, its ``decision`` column filled in, is what
``--review`` reads (``blank`` decides that nothing was marked)."""


STATE_CODES = {"filled": "f", "empty": "e", "review": "r"}
STATE_NAMES = {v: k for k, v in STATE_CODES.items()}


class PageReading:
    """One page's box readings, kept compact (a letter and a number per box, the boxes
    themselves shared with the layout) until ``responses.json`` is written."""

    __slots__ = ("input", "page", "boxes", "states", "inks")

    def __init__(self, origin: str, page: int, readings: Sequence) -> None:
        self.input, self.page = origin, page
        self.boxes = tuple(r.box for r in readings)
        self.states = "".join(STATE_CODES[r.state] for r in readings)
        self.inks = array("f", (r.ink for r in readings))

    def as_json(self) -> dict:
        boxes = [
            {
                **{k: v for k, v in box.items() if k != "rect"},
                "state": STATE_NAMES[code],
                "ink": round(ink, 3),
            }
            for box, code, ink in zip(self.boxes, self.states, self.inks, strict=True)
        ]
        return {"input": self.input, "page": self.page, "boxes": boxes}


@dataclass
class _Sheet:
    """The pages read so far of one student's sheet."""

    version: str
    student: str
    pages: dict[int, PageReading] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    crops: dict[str, str] = field(default_factory=dict)
    """Question id -> its crop's path in the results folder (written as soon as it is read)."""
    origin: str = ""


@dataclass
class _Scan:
    build: Build
    out: Path
    sheets: list[_Sheet] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: bool = False


def _sheet_layout(build: Build, version: str) -> Mapping:
    return build.versions[version]["sheet"]


def _crop(image: np.ndarray, boxes: Sequence[Mapping]) -> np.ndarray:
    xs = [v for b in boxes for v in (b["rect"][0], b["rect"][2])]
    ys = [v for b in boxes for v in (b["rect"][1], b["rect"][3])]
    x0, y0 = int((min(xs) - 40) * SCALE), int((min(ys) - 6) * SCALE)
    x1, y1 = int((max(xs) + 6) * SCALE), int((max(ys) + 6) * SCALE)
    return image[max(0, y0) : y1, max(0, x0) : x1]


def _save_crop(out: Path, sheet: _Sheet, qid: str, image: np.ndarray) -> str:
    folder = out / "review"
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{_safe(sheet.student)}-{sheet.version}-{_safe(qid)}.png"
    cv2.imwrite(str(folder / name), image)
    return f"review/{name}"


def _owner(scan: _Scan, identity: Identity, student: str | None) -> _Sheet:
    """The sheet a page belongs to: by the student in its QR code or grid (on every page);
    a page whose student number cannot be read joins the latest sheet of its version still
    missing that page."""
    key = identity.student or student or ""
    if not key:
        for sheet in reversed(scan.sheets):
            if sheet.version == identity.version and identity.page not in sheet.pages:
                return sheet
    for sheet in scan.sheets:
        if key and sheet.version == identity.version and sheet.student == key:
            return sheet
    sheet = _Sheet(identity.version, key or f"?{len(scan.sheets) + 1}")
    scan.sheets.append(sheet)
    return sheet


def _read(scan: _Scan, origin: str, image: np.ndarray) -> None:
    found = find_qr(image)
    if found is None:
        scan.problems.append(f"{origin}: no quizgen sheet code found (unreadable page)")
        scan.failed = True
        return
    identity, qr = found
    build = scan.build
    expected = build.manifest.get("bank", {}).get("id")
    version = build.versions.get(identity.version)
    if (
        identity.bank != expected
        or str(build.manifest.get("seed")) != identity.seed
        or version is None
        or version.get("sheet", {}).get("build") != identity.build
    ):
        scan.problems.append(
            f"{origin}: a page of another quiz (bank {identity.bank}, seed {identity.seed}, "
            f"version {identity.version}), not scored"
        )
        scan.failed = True
        return
    layout = version["sheet"]
    page_layout = next((p for p in layout["pages"] if p["page"] == identity.page), None)
    if page_layout is None:
        scan.problems.append(f"{origin}: sheet {identity.version} has no page {identity.page}")
        scan.failed = True
        return
    try:
        placed = place(image, layout, identity, qr)
    except PlacementError as exc:
        scan.problems.append(f"{origin}: cannot place the page: {exc}")
        scan.failed = True
        return
    readings = read_page(placed.image, page_layout["boxes"], layout["marks"], placed.missing_marks)
    grid = [r for r in readings if r.box["field"] == "student"]
    student = student_number(grid) if grid else None
    sheet = _owner(scan, identity, student)
    if identity.page in sheet.pages:
        scan.notes.append(
            f"{origin}: page {identity.page} of version {identity.version} for student "
            f"{sheet.student} scanned twice; the first reading is kept"
        )
        return
    if grid and not identity.student:
        if student is None or student == "":
            scan.notes.append(f"{origin}: student number unreadable or blank")
    if placed.missing_marks:
        scan.notes.append(f"{origin}: corner mark missing (torn corner?); nearby boxes reviewed")
    sheet.origin = sheet.origin or origin
    sheet.pages[identity.page] = PageReading(origin, identity.page, readings)
    questions = {q["number"]: q for q in version["questions"]}
    by_question: dict[int, list] = {}
    for r in readings:
        if r.box["field"] == "answer":
            by_question.setdefault(r.box["question"], []).append(r)
    writes = {b["question"]: b for b in page_layout["boxes"] if b["field"] == "write"}
    for number, rs in by_question.items():
        q = questions[number]
        cell, reason = question_cell(q, rs)
        sheet.cells[q["id"]] = cell
        if cell == REVIEW:
            sheet.reasons[q["id"]] = reason
            boxes = [r.box for r in rs] + ([writes[number]] if number in writes else [])
            sheet.crops[q["id"]] = _save_crop(scan.out, sheet, q["id"], _crop(placed.image, boxes))


def _finish(scan: _Scan) -> list[Reading]:
    readings = []
    for sheet in scan.sheets:
        layout = _sheet_layout(scan.build, sheet.version)
        version = scan.build.versions[sheet.version]
        for p in layout["pages"]:
            if p["page"] not in sheet.pages:
                scan.problems.append(
                    f"version {sheet.version}, student {sheet.student}: page {p['page']} "
                    "of the sheet is missing; its questions are marked ?"
                )
                numbers = {b["question"] for b in p["boxes"] if b["field"] == "answer"}
                for q in version["questions"]:
                    if q["number"] in numbers:
                        sheet.cells[q["id"]] = REVIEW
                        sheet.reasons[q["id"]] = f"page {p['page']} missing"
        readings.append(
            Reading(
                sheet.student,
                sheet.version,
                dict(sheet.cells),
                sheet.origin,
                tuple(sheet.pages[n] for n in sorted(sheet.pages)),
            )
        )
    return readings


def _decisions(path: Path) -> dict[tuple[str, str, str], str]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: not a CSV file: {exc}") from None
    out = {}
    for line, row in enumerate(rows, start=2):
        missing = [c for c in ("student", "version", "question", "decision") if c not in row]
        if missing:
            raise InputError(f"{path}:{line}: missing column(s) {', '.join(missing)}")
        decision = (row["decision"] or "").strip()
        if decision:
            key = (row["student"], row["version"], row["question"])
            out[key] = "" if decision.lower() == "blank" else decision
    return out


def _write_review(scan: _Scan, out: Path, decided: Mapping) -> list[str]:
    """``review.csv`` and the crops in ``review/``; the items still waiting, as messages."""
    waiting, rows = [], []
    for sheet in scan.sheets:
        for qid, reason in sheet.reasons.items():
            key = (sheet.student, sheet.version, qid)
            crop_path = sheet.crops.get(qid, "")
            decision = decided.get(key)
            rows.append([*key, reason, crop_path, "" if decision is None else decision or "blank"])
            if decision is None:
                waiting.append(f"{sheet.origin}: question {qid}: needs review ({reason})")
    with open(out / "review.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(REVIEW_COLUMNS)
        writer.writerows(rows)
    return waiting


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:40] or "_"


def scan(inputs: Sequence[Path], build_dir: Path, out: Path, review: Path | None) -> int:
    """Read every page of ``inputs``; write the results into ``out``; the exit status."""
    build = load_build(build_dir)
    if not any("sheet" in v for v in build.versions.values()):
        raise InputError(f"{build_dir}: the build has no answer sheets (--formats sheet)")
    decided = _decisions(review) if review else {}
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot make the results folder: {exc.strerror or exc}") from None
    state = _Scan(build, out)
    for page in pages(list(inputs)):
        if page.image is None:
            state.problems.append(f"{page.origin}: {page.error}")
            state.failed = True
            continue
        _read(state, page.origin, page.image)
    readings = _finish(state)
    for sheet, reading in zip(state.sheets, readings, strict=True):
        for qid in list(sheet.reasons):
            decision = decided.get((sheet.student, sheet.version, qid))
            if decision is not None:
                reading.cells[qid] = decision  # type: ignore[index]
    waiting = _write_review(state, out, decided)
    write_results(build_dir, readings, out, problems=state.problems)
    for message in [*state.problems, *state.notes, *waiting]:
        print(f"quizgen scan: {message}", file=sys.stderr)
    return 1 if state.failed else 0
