"""Placing a scanned page: its QR code says which sheet it is and, by its four corners, roughly
where the page lies (any rotation, upside down included); the four corner marks, looked for
near where the QR code puts them, then give the exact homography (skew, scale, perspective).
The page is warped onto the sheet's own coordinates at ``SCALE`` pixels per point."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

import cv2
import numpy as np

SCALE = 2.5
"""Pixels per PDF point of the placed page (180 dpi)."""
QR_WORK_WIDTH = 1000
"""Pages are searched for the QR code at about this width first (fast), then at full size."""
PREFIX = "QZG1"


@dataclass(frozen=True)
class Identity:
    """What a sheet's QR code says."""

    bank: str
    seed: str
    build: str
    version: str
    page: int
    student: str


@dataclass(frozen=True)
class Placed:
    identity: Identity
    image: np.ndarray
    """The page warped onto sheet coordinates (``SCALE`` px per point), grey."""
    missing_marks: tuple[int, ...]
    """Corner marks not found (0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left)."""


class PlacementError(Exception):
    """The page cannot be placed; the message says why."""


def parse_identity(text: str) -> Identity | None:
    parts = text.split("|")
    if len(parts) != 7 or parts[0] != PREFIX or not parts[5].isdigit():
        return None
    bank, seed, build, version, page, student = (unquote(p) for p in parts[1:])
    return Identity(bank, seed, build, version, int(page), student)


def find_qr(image: np.ndarray) -> tuple[Identity, np.ndarray] | None:
    """The sheet identity and its QR code's corners in the image (top-left, top-right,
    bottom-right, bottom-left of the symbol), or None."""
    import zxingcpp

    h, w = image.shape
    tries = []
    if w > QR_WORK_WIDTH * 1.4:
        f = QR_WORK_WIDTH / w
        tries.append((cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA), f))
    tries.append((image, 1.0))
    for candidate, f in tries:
        for found in zxingcpp.read_barcodes(candidate, formats=zxingcpp.BarcodeFormat.QRCode):
            identity = parse_identity(found.text)
            if identity is None:
                continue
            p = found.position
            pts = [p.top_left, p.top_right, p.bottom_right, p.bottom_left]
            return identity, np.array([[q.x / f, q.y / f] for q in pts], np.float32)
    return None


def _corners(rect: Sequence[float]) -> np.ndarray:
    x0, y0, x1, y1 = rect
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)


def _find_mark(image: np.ndarray, center: np.ndarray, side: float) -> np.ndarray | None:
    """The centre of the solid square of about ``side`` px nearest ``center``, or None."""
    h, w = image.shape
    r = int(side * 4.5)
    cx, cy = int(round(center[0])), int(round(center[1]))
    x0, y0, x1, y1 = max(0, cx - r), max(0, cy - r), min(w, cx + r), min(h, cy + r)
    if x1 - x0 < side or y1 - y0 < side:
        return None
    window = image[y0:y1, x0:x1]
    _, dark = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(dark, connectivity=8)
    best, best_d = None, None
    area = side * side
    for i in range(1, count):
        x, y, bw, bh, a = stats[i]
        if not 0.45 * area <= a <= 1.9 * area:
            continue
        if not 0.6 <= bw / bh <= 1.6 or a < 0.6 * bw * bh:
            continue
        c = centroids[i] + (x0, y0)
        d = float(np.hypot(*(c - center)))
        if best_d is None or d < best_d:
            best, best_d = c, d
    return None if best is None else np.array(best, np.float32)


def _predict(src: list, dst: list, point: np.ndarray) -> np.ndarray:
    """Where ``point`` (sheet points) lies in the image, by the affine map that best fits (least
    squares) the pairs found so far: the QR code's corners, then each corner mark found."""
    a = np.hstack([np.array(src, np.float64), np.ones((len(src), 1))])
    matrix, *_ = np.linalg.lstsq(a, np.array(dst, np.float64), rcond=None)
    return np.array([point[0], point[1], 1.0]) @ matrix


def place(image: np.ndarray, sheet: Mapping, identity: Identity, qr: np.ndarray) -> Placed:
    """Warp ``image`` onto the sheet's coordinates using its QR corners and corner marks."""
    qr_page = _corners(sheet["qr"])
    # The QR code's three finder patterns place it well; its fourth corner is only estimated.
    src = [qr_page[i] for i in (0, 1, 3)]
    dst = [qr[i] for i in (0, 1, 3)]
    scale = float(np.hypot(*(qr[1] - qr[0])) / (qr_page[1][0] - qr_page[0][0]))
    side_pt = sheet["marks"][0][2] - sheet["marks"][0][0]
    marks = [np.array([(m[0] + m[2]) / 2, (m[1] + m[3]) / 2], np.float32) for m in sheet["marks"]]
    centre = qr_page.mean(axis=0)
    order = sorted(range(4), key=lambda i: float(np.hypot(*(marks[i] - centre))))
    found: dict[int, np.ndarray] = {}
    for index in order:
        guess = _predict(src, dst, marks[index])
        hit = _find_mark(image, guess, side_pt * scale)
        if hit is not None:
            found[index] = hit
            src.append(marks[index])
            dst.append(hit)
    missing = tuple(i for i in range(4) if i not in found)
    if len(found) < 3:
        raise PlacementError(f"only {len(found)} of the 4 corner marks found")
    if missing:  # three marks and the QR code's corners still fix the page
        homography, _ = cv2.findHomography(np.array(src), np.array(dst), 0)
    else:
        page_pts = np.array([marks[i] for i in range(4)])
        homography = cv2.getPerspectiveTransform(page_pts, np.array([found[i] for i in range(4)]))
    if homography is None:
        raise PlacementError("the corner marks do not fit the page")
    w, h = sheet["page_size"]
    to_sheet = np.diag([SCALE, SCALE, 1.0]) @ np.linalg.inv(homography)
    size = (int(round(w * SCALE)), int(round(h * SCALE)))
    warped = cv2.warpPerspective(
        image,
        to_sheet,
        size,
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )
    return Placed(identity, warped, missing)
