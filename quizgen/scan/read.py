"""Reading the boxes of a placed page: each box's ink, measured against that page's own empty
boxes, makes it ``filled``, ``empty`` or ``review``; a question's boxes then make its
``results.csv`` cell, or ``?`` when anything is in doubt (a faint mark, an erasure, two marks
where one is allowed, a box near a torn corner). Nothing is guessed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from ..results import REVIEW
from .place import SCALE

INNER = 0.24
"""Share of a box's side left out on each edge: the printed outline stays outside."""
DARK = 0.45
"""A pixel counts as dark ink when it is at least this much darker than the paper."""
FILLED_DARK, FILLED_MEAN = 0.10, 0.30
EMPTY_DARK, EMPTY_MEAN = 0.035, 0.07
TORN_REACH = 120.0
"""Boxes this close (points) to a corner mark that was not found are read as ``review``."""

FILLED, EMPTY, DOUBT = "filled", "empty", "review"


@dataclass(frozen=True)
class BoxReading:
    box: Mapping
    state: str
    ink: float


def _ink(image: np.ndarray) -> np.ndarray:
    """Darkness 0 (paper) to 1 (black), the paper's own level found locally: shadows and
    uneven light do not read as ink."""
    small = cv2.resize(image, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    paper = cv2.dilate(small, np.ones((11, 11), np.uint8))
    paper = cv2.GaussianBlur(paper, (0, 0), 3)
    paper = cv2.resize(paper, (image.shape[1], image.shape[0]), interpolation=cv2.INTER_LINEAR)
    ratio = image.astype(np.float32) / np.maximum(paper.astype(np.float32), 1.0)
    return np.clip(1.0 - ratio, 0.0, 1.0)


def measure(image: np.ndarray, boxes: Sequence[Mapping]) -> tuple[np.ndarray, np.ndarray]:
    """(share of dark pixels, mean darkness) inside each box."""
    ink = _ink(image)
    side = (boxes[0]["rect"][2] - boxes[0]["rect"][0]) * SCALE
    k = max(3, int(round(side * (1 - 2 * INNER))))
    offsets = np.arange(k)
    rects = np.array([b["rect"] for b in boxes], np.float32) * SCALE
    x0 = np.rint((rects[:, 0] + rects[:, 2]) / 2 - k / 2).astype(int)
    y0 = np.rint((rects[:, 1] + rects[:, 3]) / 2 - k / 2).astype(int)
    h, w = ink.shape
    ys = np.clip(y0[:, None, None] + offsets[None, :, None], 0, h - 1)
    xs = np.clip(x0[:, None, None] + offsets[None, None, :], 0, w - 1)
    patches = ink[ys, xs]
    return (patches > DARK).mean(axis=(1, 2)), patches.mean(axis=(1, 2))


def classify(
    boxes: Sequence[Mapping], dark: np.ndarray, mean: np.ndarray, doubtful: np.ndarray
) -> list[BoxReading]:
    """Each box's state, against the page's empty boxes (the median box is empty: most are)."""
    dark_d = dark - np.median(dark)
    mean_d = mean - np.median(mean)
    filled = (dark_d >= FILLED_DARK) | (mean_d >= FILLED_MEAN)
    empty = (dark_d < EMPTY_DARK) & (mean_d < EMPTY_MEAN)
    out = []
    for i, box in enumerate(boxes):
        state = DOUBT if doubtful[i] else FILLED if filled[i] else EMPTY if empty[i] else DOUBT
        out.append(BoxReading(box, state, round(float(mean_d[i]), 3)))
    return out


def near_missing(boxes: Sequence[Mapping], marks: Sequence, missing: Sequence[int]) -> np.ndarray:
    doubtful = np.zeros(len(boxes), bool)
    for index in missing:
        x0, y0, x1, y1 = marks[index]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        for i, b in enumerate(boxes):
            r = b["rect"]
            if np.hypot((r[0] + r[2]) / 2 - cx, (r[1] + r[3]) / 2 - cy) < TORN_REACH:
                doubtful[i] = True
    return doubtful


def read_page(image: np.ndarray, boxes: Sequence[Mapping], marks, missing) -> list[BoxReading]:
    marked = [b for b in boxes if b["field"] != "write"]
    if not marked:
        return []
    dark, mean = measure(image, marked)
    return classify(marked, dark, mean, near_missing(marked, marks, missing))


def _row_value(readings: Sequence[BoxReading]) -> str | None:
    """The one mark of a row ('' if none), or None when in doubt."""
    if any(r.state == DOUBT for r in readings):
        return None
    marks = [r.box.get("mark", r.box.get("value")) for r in readings if r.state == FILLED]
    if len(marks) > 1:
        return None
    return marks[0] if marks else ""


def _rows(readings: Sequence[BoxReading], key: str) -> list[list[BoxReading]]:
    rows: dict[int, list[BoxReading]] = {}
    for r in readings:
        rows.setdefault(r.box[key], []).append(r)
    return [rows[k] for k in sorted(rows)]


def question_cell(question: Mapping, readings: Sequence[BoxReading]) -> tuple[str, str]:
    """The ``results.csv`` cell of a question from its boxes' readings, and why it is ``?``."""
    values = [_row_value(row) for row in _rows(readings, "row")]
    kind = question["type"]
    if any(v is None for v in values):
        return REVIEW, "faint, erased or several marks"
    if kind in ("matching", "ordering"):
        return ";".join(values) if any(values) else "", ""
    if kind in ("short_answer", "cloze") and values == [""]:
        return REVIEW, "not marked by the teacher"
    return "".join(values), ""


def student_number(readings: Sequence[BoxReading]) -> str | None:
    """The digits of the student-number grid ('' when blank), None when in doubt."""
    digits = [_row_value(row) for row in _rows(readings, "digit")]
    if any(d is None for d in digits):
        return None
    return "".join(digits)
