"""Synthetic scans with known truth: a bank of every question type, its sheets rasterised,
marked with pen-like strokes and distorted as scanners and phones do."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

DPI = 200
PX = DPI / 72

CLEAR = ("blob", "tick", "cross")
"""Marks every reading must get right."""

_CODES = "alfa bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike".split()


def code(k: int) -> str:
    """A name of district ``k`` without digits, so that no question's prompt or text shows a
    number that is another question's answer."""
    return _CODES[k % len(_CODES)] + _CODES[k // len(_CODES)]


def write_bank(
    folder: Path, *, bank_id: str = "synthetic", count: int = 34, kinds: list | None = None
) -> Path:
    """A bank of ``count`` questions of every type (or of ``kinds`` in turn), with its
    article."""
    sentences = [
        f"Report {k} says the figure for district {k} was {k * 3} units." for k in range(count)
    ]
    (folder / "article.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    kinds = kinds or ["multiple_choice"] * 3 + [
        "true_false",
        "matching",
        "ordering",
        "numeric",
        "short_answer",
        "multiple_choice",
        "cloze",
    ]
    lines = [
        f"id: {bank_id}",
        'title: "Synthetic district figures"',
        "article:",
        "  path: article.txt",
        '  title: "District figures"',
        "questions:",
    ]
    for k in range(count):
        kind = kinds[k % len(kinds)]
        src = json.dumps(sentences[k])
        q = [
            f"  - id: q{k:02d}",
            f"    type: {kind}",
            f'    prompt: "Question about the {code(k)} district?"',
        ]
        if kind == "multiple_choice":
            q += [
                f'    answer: "{k * 3} units"',
                f'    distractors: ["{k * 3 + 1} units", "{k * 3 + 2} units", "{k * 3 + 5} units"]',
            ]
        elif kind == "true_false":
            q += ["    answer: true"]
        elif kind == "matching":
            q += [
                "    pairs:",
                f'      - {{left: "d{code(k)}a", right: "r{code(k)}a"}}',
                f'      - {{left: "d{code(k)}b", right: "r{code(k)}b"}}',
                f'      - {{left: "d{code(k)}c", right: "r{code(k)}c"}}',
                f'    distractors: ["r{code(k)}x"]',
            ]
        elif kind == "ordering":
            q += [f'    items: ["s{code(k)}a", "s{code(k)}b", "s{code(k)}c", "s{code(k)}d"]']
        elif kind == "numeric":
            value = -(k + 0.5) if k % 2 else k * 3
            q += [f"    answer: {value}", "    tolerance: 0"]
        elif kind == "short_answer":
            q += [f'    answer: "district {code(k)}"']
        else:
            q[2] = '    prompt: "Fill in the blank."'
            q += [f'    text: "The figure for the {{{{{code(k)}}}}} district was {k * 3} units."']
        q += [f'    explanation: "Report {k} gives it."', f"    source: {src}"]
        lines += q
    path = folder / f"{bank_id}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sheet_images(build: Path, version: str, dpi: int = DPI) -> list[np.ndarray]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(build / f"sheet-{version}.pdf"))
    out = [
        np.array(pdf[i].render(scale=dpi / 72, grayscale=True).to_numpy(), copy=True)
        for i in range(len(pdf))
    ]
    pdf.close()
    return out


def layout(build: Path, version: str) -> dict:
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    path = next(
        e["path"] for e in manifest["files"] if e["format"] == "json" and e["version"] == version
    )
    return json.loads((build / path).read_text(encoding="utf-8"))


def box_key(box: dict, page: int) -> tuple:
    if box["field"] == "student":
        return (page, "student", box["digit"], box["value"])
    return (page, "answer", box["question"], box["row"], box["mark"])


def _px(rect, px: float) -> tuple[int, int, int, int]:
    return tuple(int(round(v * px)) for v in rect)


def draw(image: np.ndarray, rect, kind: str, rng: random.Random, px: float = PX) -> None:
    """A pen-like mark of ``kind`` in the box ``rect`` (points) of a 200-dpi page."""
    x0, y0, x1, y1 = _px(rect, px)
    w, h = x1 - x0, y1 - y0
    jx, jy = rng.uniform(-0.08, 0.08) * w, rng.uniform(-0.08, 0.08) * h
    cx, cy = (x0 + x1) / 2 + jx, (y0 + y1) / 2 + jy
    ink = rng.randint(10, 70)
    pen = max(2, int(round(0.8 * px)))
    if kind == "blob":
        axes = (int(w * rng.uniform(0.42, 0.55)), int(h * rng.uniform(0.42, 0.55)))
        cv2.ellipse(
            image, (int(cx), int(cy)), axes, rng.uniform(0, 180), 0, 360, ink, -1, cv2.LINE_AA
        )
    elif kind == "tick":
        pts = np.array(
            [
                [x0 + 0.15 * w, y0 + 0.5 * h],
                [x0 + 0.42 * w, y0 + 0.88 * h],
                [x0 + 0.95 * w, y0 + 0.05 * h],
            ]
        )
        pts += (jx, jy)
        cv2.polylines(image, [pts.astype(np.int32)], False, ink, pen, cv2.LINE_AA)
    elif kind == "cross":
        a, b = 0.12, 0.88
        for p, q in (((a, a), (b, b)), ((b, a), (a, b))):
            cv2.line(
                image,
                (int(x0 + p[0] * w + jx), int(y0 + p[1] * h + jy)),
                (int(x0 + q[0] * w + jx), int(y0 + q[1] * h + jy)),
                ink,
                pen,
                cv2.LINE_AA,
            )
    elif kind == "pencil":  # light pencil shading: faint, must not be guessed
        axes = (int(w * 0.45), int(h * 0.45))
        shade = np.full_like(image, 255)
        cv2.ellipse(shade, (int(cx), int(cy)), axes, 0, 0, 360, rng.randint(175, 195), -1)
        np.minimum(image, shade, out=image)
    elif kind == "erased":  # a blob rubbed out: a grey smear and a few specks stay
        axes = (int(w * 0.5), int(h * 0.5))
        smear = np.full_like(image, 255)
        cv2.ellipse(smear, (int(cx), int(cy)), axes, 0, 0, 360, rng.randint(215, 232), -1)
        np.minimum(image, smear, out=image)
    else:
        raise ValueError(kind)


@dataclass
class Truth:
    """What a sheet copy holds: per box what was drawn, per question the expected cell."""

    version: str
    student: str
    boxes: dict
    """box key -> "mark" (clear), "empty", "pencil", "erased" (either reading is allowed
    for the last two, except the wrong one: pencil never empty-and-clean, erased never filled)."""
    cells: dict
    """question id -> expected cell, or "?" when a review is required."""


def mark_sheet(
    pages: list[np.ndarray], doc: dict, student: str, rng: random.Random, *, hard: float = 0.1
) -> tuple[list[np.ndarray], Truth]:
    """Copies of ``pages`` filled in like a student (and teacher) would, with the truth."""
    out = [p.copy() for p in pages]
    px = pages[0].shape[1] / doc["sheet"]["page_size"][0]
    boxes_truth: dict = {}
    cells: dict = {}
    sheet = doc["sheet"]
    questions = {q["number"]: q for q in doc["questions"]}
    rows: dict = {}
    for p in sheet["pages"]:
        for b in p["boxes"]:
            if b["field"] == "write":
                continue
            boxes_truth[box_key(b, p["page"])] = "empty"
            if b["field"] == "student":
                group = ("student", p["page"], b["digit"])
            else:
                group = (b["question"], b["row"])
            rows.setdefault(group, []).append((p["page"] - 1, b))
    row_values: dict = {}
    for group, members in rows.items():
        if group[0] == "student":
            wanted = student[group[2]]
            choice = next(i for i, (_, b) in enumerate(members) if b["value"] == wanted)
        else:
            choice = rng.randrange(-1, len(members)) if rng.random() < 0.85 else -1
        value, doubt = "", False
        extra = rng.random()
        if choice >= 0:
            page, b = members[choice]
            kind = rng.choice(CLEAR)
            if group[0] != "student" and extra < hard * 0.3:
                kind, doubt = "pencil", True
            draw(out[page], b["rect"], kind, rng, px)
            boxes_truth[box_key(b, page + 1)] = "pencil" if kind == "pencil" else "mark"
            value = b["mark"] if group[0] != "student" else b["value"]
            if group[0] != "student" and hard * 0.3 <= extra < hard * 0.6 and len(members) > 1:
                other = (choice + 1) % len(members)
                draw(out[members[other][0]], members[other][1]["rect"], rng.choice(CLEAR), rng, px)
                boxes_truth[box_key(members[other][1], members[other][0] + 1)] = "mark"
                doubt = True
        free = [i for i in range(len(members)) if i != choice]
        if group[0] != "student" and hard * 0.6 <= extra < hard and free:
            page, b = members[rng.choice(free)]
            draw(out[page], b["rect"], "erased", rng, px)
            boxes_truth[box_key(b, page + 1)] = "erased"
        row_values[group] = None if doubt else value
    for number, q in questions.items():
        values = [row_values[g] for g in sorted(g for g in row_values if g[0] == number)]
        if any(v is None for v in values):
            cells[q["id"]] = "?"
        elif q["type"] in ("matching", "ordering"):
            cells[q["id"]] = ";".join(values) if any(values) else ""
        elif q["type"] in ("short_answer", "cloze") and values == [""]:
            cells[q["id"]] = "?"
        else:
            cells[q["id"]] = "".join(values)
    return out, Truth(doc["version"], student, boxes_truth, cells)


# Distortions ---------------------------------------------------------------------------------


def rotate(image: np.ndarray, quarter: int, skew: float, scale: float = 1.0) -> np.ndarray:
    """Quarter turns, then a skew of ``skew`` degrees and a scale, on a white page."""
    for _ in range(quarter % 4):
        image = cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
    h, w = image.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), skew, scale)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos) + 20, int(h * cos + w * sin) + 20
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(image, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=255)


def blur(image: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(image, (0, 0), sigma)


def noise(image: np.ndarray, sd: float, rng: np.random.Generator) -> np.ndarray:
    return np.clip(image + rng.normal(0, sd, image.shape), 0, 255).astype(np.uint8)


def jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)


def shadow(image: np.ndarray, strength: float) -> np.ndarray:
    """Uneven light: darker towards one side, as under a lamp or a hand."""
    h, w = image.shape
    x = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    light = 1.0 - strength * (0.6 * x + 0.4 * y) ** 1.5
    return np.clip(image.astype(np.float32) * light, 0, 255).astype(np.uint8)


def photo(image: np.ndarray, rng: random.Random) -> np.ndarray:
    """A phone photo: the page in perspective on a dark desk, lit unevenly, a little soft."""
    h, w = image.shape
    pad = int(0.08 * w)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    d = lambda s: rng.uniform(0, 0.05) * s  # noqa: E731
    dst = np.float32(
        [
            [pad + d(w), pad + d(h)],
            [w + pad - d(w), pad + d(h)],
            [w + pad - d(w) * 0.3, h + pad - d(h) * 0.3],
            [pad + d(w) * 0.3, h + pad - d(h)],
        ]
    )
    m = cv2.getPerspectiveTransform(src, dst)
    out = cv2.warpPerspective(image, m, (w + 2 * pad, h + 2 * pad), borderValue=60)
    out = shadow(out, 0.35)
    return jpeg(blur(out, 0.8), 80)
