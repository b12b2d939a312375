"""``quizgen scan`` on synthetic scans with known truth: sheets rendered, rasterised, marked
with pen-like strokes, distorted as scanners and phones do, then read back box by box."""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from scanrun import SILENT, compare, run_scan, save_pages
from support import run_cli
from synth import (
    blur,
    jpeg,
    layout,
    mark_sheet,
    noise,
    photo,
    rotate,
    shadow,
    sheet_images,
    write_bank,
)

pytest.importorskip("cv2")
import cv2  # noqa: E402

VERSIONS = ("A", "B", "C")


def _build(folder: Path, bank_id: str, seed: int) -> Path:
    bank = write_bank(folder, bank_id=bank_id)
    out = folder / "build"
    args = ["build", str(bank), "--formats", "sheet", "--versions", "3", "--questions", "34"]
    result = run_cli(*args, "--seed", str(seed), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """The synthetic bank's build and each version's sheet pages at 200 dpi."""
    build = _build(tmp_path_factory.mktemp("synthetic"), "synthetic", 9)
    return build, {v: (layout(build, v), sheet_images(build, v)) for v in VERSIONS}


CONDITIONS = {
    "rotated": lambda im, r, g: rotate(
        im, r.randrange(1, 4), r.uniform(-10, 10), r.uniform(0.95, 1.05)
    ),
    "upside-down": lambda im, r, g: rotate(im, 2, r.uniform(-4, 4)),
    "blur-noise-jpeg": lambda im, r, g: jpeg(
        noise(blur(rotate(im, 0, r.uniform(-2, 2)), 1.1), 7, g), 55
    ),
    "shadow": lambda im, r, g: shadow(rotate(im, 0, r.uniform(-10, 10)), 0.55),
    "phone-photo": lambda im, r, g: photo(rotate(im, r.randrange(4), r.uniform(-6, 6)), r),
    "low-res-150": lambda im, r, g: cv2.resize(
        im, None, fx=0.75, fy=0.75, interpolation=cv2.INTER_AREA
    ),
}


def _marked(synthetic, rng, count: int, hard: float, start: int):
    build, sheets = synthetic
    for n in range(count):
        version = VERSIONS[n % len(VERSIONS)]
        doc, pages = sheets[version]
        images, truth = mark_sheet(pages, doc, f"{start + n:06d}", rng, hard=hard)
        yield images, truth


def _pdf(path: Path, images: list[np.ndarray]) -> Path:
    """A scanner's PDF: one page image per page, at 200 dpi."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canv = Canvas(str(path), invariant=1)
    for image in images:
        ok, png = cv2.imencode(".png", image)
        h, w = image.shape
        canv.setPageSize((w * 72 / 200, h * 72 / 200))
        import io

        canv.drawImage(ImageReader(io.BytesIO(png.tobytes())), 0, 0, w * 72 / 200, h * 72 / 200)
        canv.showPage()
    canv.save()
    return path


def _check(tally: Counter) -> None:
    silent = {k: v for k, v in tally.items() if k in SILENT}
    assert silent == {}, f"silent errors: {silent}"
    assert tally["cell-wrong"] == 0, [k for k in tally if k[0] == "wrong"]
    assert tally["missing"] == 0
    clear = {k: v for k, v in tally.items() if isinstance(k, tuple) and k[0] == "mark"}
    assert set(clear) == {("mark", "filled")}, f"clear marks not read as filled: {clear}"


def test_every_clear_mark_read_and_no_silent_error_across_conditions(synthetic, tmp_path):
    build, _ = synthetic
    rng, noise_rng = random.Random(13), np.random.default_rng(13)
    truths, inputs = [], []
    start = 100
    for name, distort in CONDITIONS.items():
        for images, truth in _marked(synthetic, rng, 3, 0.2, start):
            start += 1
            truths.append(truth)
            pages = [distort(im, rng, noise_rng) for im in images]
            fmt = "jpg" if name == "phone-photo" else "png"
            inputs += save_pages(tmp_path, f"{name}-{truth.student}", pages, fmt)
    rng.shuffle(inputs)  # any page order, mixed versions
    status, doc = run_scan(inputs, build, tmp_path / "out")
    tally = compare(doc, truths)
    _check(tally)
    assert status == 0, doc["problems"]
    boxes = sum(v for k, v in tally.items() if isinstance(k, tuple) and len(k) == 2)
    assert boxes >= 5000
    # hard cases were drawn and each one was flagged, never read as its opposite
    assert tally[("pencil", "review")] > 0 and tally[("erased", "review")] > 0
    assert tally["cell-review"] > 0


def test_clean_200_dpi_scans_flag_under_one_percent(synthetic, tmp_path):
    build, _ = synthetic
    rng = random.Random(21)
    truths, images = [], []
    for pages, truth in _marked(synthetic, rng, 6, 0.0, 500):
        truths.append(truth)
        images += pages
    # one scanner PDF holding every version, and a multi-page TIFF
    pdf = _pdf(tmp_path / "scans.pdf", images[:8])
    tiff = tmp_path / "more.tiff"
    assert cv2.imwritemulti(str(tiff), images[8:])
    status, doc = run_scan([pdf, tiff], build, tmp_path / "out")
    assert status == 0, doc["problems"]
    tally = compare(doc, truths)
    _check(tally)
    boxes = sum(v for k, v in tally.items() if isinstance(k, tuple) and len(k) == 2)
    flagged = sum(v for k, v in tally.items() if isinstance(k, tuple) and k[-1] == "review")
    assert flagged / boxes < 0.01, (flagged, boxes)
    assert {s["version"] for s in doc["students"]} == set(VERSIONS)
    with open(tmp_path / "out" / "results.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["student"] for r in rows) == sorted(t.student for t in truths)


def test_other_quiz_unreadable_duplicate_and_missing_pages_are_reported(synthetic, tmp_path):
    build, _ = synthetic
    (tmp_path / "other").mkdir()
    other = _build(tmp_path / "other", "other-quiz", 9)
    stranger = sheet_images(other, "A")[0]
    rng = random.Random(5)
    (first, truth_a), (second, truth_b) = list(_marked(synthetic, rng, 2, 0.0, 700))
    blank = np.full_like(first[0], 255)
    inputs = save_pages(tmp_path, "in", [*first, stranger, blank, first[0], second[0]])
    (tmp_path / "broken.png").write_bytes(b"not an image")
    status, doc = run_scan([*inputs, tmp_path / "broken.png"], build, tmp_path / "out")
    assert status == 1
    problems = "\n".join(doc["problems"])
    assert "in-2.png: a page of another quiz (bank other-quiz" in problems
    assert "in-3.png: no quizgen sheet code found" in problems
    assert "broken.png: not a readable image" in problems
    assert f"student {truth_b.student}: page 2 of the sheet is missing" in problems
    students = {s["student"]: s for s in doc["students"]}
    assert set(students) == {truth_a.student, truth_b.student}
    assert len(students[truth_a.student]["pages"]) == 2  # the page scanned twice counted once
    sheet_b = synthetic[1][truth_b.version][0]["sheet"]
    page2 = {b["id"] for b in sheet_b["pages"][1]["boxes"] if "id" in b}
    assert page2
    cells_b = students[truth_b.student]["cells"]
    assert {q: cells_b[q] for q in page2} == {q: "?" for q in page2}


def test_torn_corner_places_the_page_and_flags_the_boxes_near_it(synthetic, tmp_path):
    build, _ = synthetic
    rng = random.Random(8)
    [(pages, truth)] = list(_marked(synthetic, rng, 1, 0.0, 800))
    torn = pages[0].copy()
    h, w = torn.shape
    cv2.fillPoly(torn, [np.array([[0, h - 260], [260, h], [0, h]], np.int32)], 255)
    status, doc = run_scan(save_pages(tmp_path, "torn", [torn, pages[1]]), build, tmp_path / "o")
    assert status == 0
    tally = compare(doc, [truth])
    assert not {k: v for k, v in tally.items() if k in SILENT}
    assert tally["cell-wrong"] == 0
    states = Counter(b["state"] for b in doc["students"][0]["pages"][0]["boxes"])
    assert states["review"] > 0


def test_review_decisions_settle_the_question_marks(synthetic, tmp_path):
    build, _ = synthetic
    rng = random.Random(3)
    [(pages, truth)] = list(_marked(synthetic, rng, 1, 0.5, 900))
    inputs = save_pages(tmp_path, "p", pages)
    out = tmp_path / "out"
    result = run_cli("scan", *map(str, inputs), "--build", str(build), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "needs review" in result.stderr
    with open(out / "review.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and all((out / r["crop"]).is_file() for r in rows)
    assert list(rows[0]) == ["student", "version", "question", "reason", "crop", "decision"]
    for row in rows:
        row["decision"] = "blank"
    decisions = tmp_path / "decisions.csv"
    with open(decisions, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    args = ["--build", str(build), "--out", str(out), "--review", str(decisions)]
    result = run_cli("scan", *map(str, inputs), *args)
    assert result.returncode == 0, result.stderr
    assert "needs review" not in result.stderr
    with open(out / "results.csv", newline="", encoding="utf-8") as f:
        [row] = list(csv.DictReader(f))
    assert "?" not in row.values()
    assert all(row[r["question"]] == "" for r in rows)


def test_scan_usage_and_bad_build(tmp_path):
    result = run_cli("scan", "x.pdf")
    assert result.returncode == 2 and "--build" in result.stderr
    result = run_cli("scan", "x.pdf", "--build", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("quizgen: error: ")
    assert "Traceback" not in result.stderr
    json.dumps({})


def test_roster_sheets_carry_the_student_in_their_code(tmp_path):
    import pypdfium2
    from support import SMALL_BANK

    roster = tmp_path / "class.csv"
    roster.write_text("id,name\ns-01,Ana Souza\ns-02,Jörg Müller\ns-03,李雷\n", encoding="utf-8")
    out = tmp_path / "build"
    args = ["build", str(SMALL_BANK), "--formats", "sheet", "--roster", str(roster)]
    result = run_cli(*args, "--versions", "2", "--seed", "3", "--out", str(out))
    assert result.returncode == 0, result.stderr
    pdf = pypdfium2.PdfDocument(str(out / "sheets.pdf"))
    assert len(pdf) == 3
    rng = random.Random(4)
    truths, images = [], []
    for index, (sid, name) in enumerate([("s-01", "Ana Souza"), ("s-02", "Jörg Müller")]):
        page = pdf[index]
        assert f"{name} ({sid})" in page.get_textpage().get_text_range()
        image = np.array(page.render(scale=200 / 72, grayscale=True).to_numpy(), copy=True)
        version = "AB"[index]
        marked, truth = mark_sheet([image], layout(out, version), "000000", rng, hard=0.0)
        truth.student = sid  # the code names the student; the grid is left as it is
        truths.append(truth)
        images += marked
    status, doc = run_scan(save_pages(tmp_path, "roster", images), out, tmp_path / "results")
    assert status == 0, doc["problems"]
    _check(compare(doc, truths))
    assert [s["student"] for s in doc["students"]] == ["s-01", "s-02"]
