"""Running the scanner on synthetic pages and comparing every box with the truth."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import cv2
from synth import box_key

from quizgen.scan import scan


def save_pages(folder: Path, name: str, images: list, fmt: str = "png") -> list[Path]:
    paths = []
    for i, image in enumerate(images):
        path = folder / f"{name}-{i}.{fmt}"
        cv2.imwrite(str(path), image)
        paths.append(path)
    return paths


def run_scan(inputs: list[Path], build: Path, out: Path) -> tuple[int, dict]:
    status = scan(inputs, build, out, None)
    return status, json.loads((out / "responses.json").read_text(encoding="utf-8"))


def compare(doc: dict, truths: list) -> Counter:
    """Counts of every (truth, reading) pair over all boxes, plus cell outcomes:
    ``cell-right``, ``cell-review``, ``cell-wrong``; and ``missing`` for sheets not read."""
    tally: Counter = Counter()
    by_student = {(s["version"], s["student"]): s for s in doc["students"]}
    for truth in truths:
        got = by_student.get((truth.version, truth.student))
        if got is None:
            tally["missing"] += 1
            continue
        states = {box_key(b, p["page"]): b["state"] for p in got["pages"] for b in p["boxes"]}
        for key, drawn in truth.boxes.items():
            tally[(drawn, states.get(key, "absent"))] += 1
        for qid, cell in truth.cells.items():
            read = got["cells"].get(qid)
            if read == cell:
                tally["cell-right"] += 1
            elif read == "?":
                tally["cell-review"] += 1
            else:
                tally["cell-wrong"] += 1
                tally[("wrong", qid, cell, read)] += 1
    return tally


SILENT = {("mark", "empty"), ("empty", "filled"), ("erased", "filled"), ("pencil", "empty")}
"""Readings that would be silent errors (a mark lost or invented without a flag)."""
