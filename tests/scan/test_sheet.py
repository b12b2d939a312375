"""Answer sheets: the layout in the version JSON, the QR code, byte-identical files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import SMALL_BANK, built, run_cli


@pytest.fixture(scope="module")
def sheet_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sheet-build")
    args = ["build", str(SMALL_BANK), "--formats", "sheet", "--versions", "2", "--seed", "5"]
    result = run_cli(*args, "--student-digits", "4", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_sheets_and_their_layout_in_the_version_json(sheet_build):
    manifest = json.loads((sheet_build / "manifest.json").read_text(encoding="utf-8"))
    sheets = [e for e in manifest["files"] if e["role"] == "sheet"]
    assert [(e["path"], e["format"], e["version"]) for e in sheets] == [
        ("sheet-A.pdf", "sheet", "A"),
        ("sheet-B.pdf", "sheet", "B"),
    ]
    doc = json.loads(built(sheet_build, "quiz-A.json").read_text(encoding="utf-8"))
    sheet = doc["sheet"]
    assert sheet["file"] == "sheet-A.pdf" and sheet["page_size"] == [595.28, 841.89]
    boxes = sheet["pages"][0]["boxes"]
    student = [b for b in boxes if b["field"] == "student"]
    assert len(student) == 40 and student[0] == {
        "field": "student",
        "digit": 0,
        "value": "0",
        "rect": student[0]["rect"],
    }
    by_type = {q["number"]: q["type"] for q in doc["questions"]}
    answers = [b for p in sheet["pages"] for b in p["boxes"] if b["field"] == "answer"]
    for q in doc["questions"]:
        marks = [b["mark"] for b in answers if b["question"] == q["number"]]
        kind = by_type[q["number"]]
        if kind == "multiple_choice":
            assert marks == ["A", "B", "C", "D"][: len(q["choices"])]
        elif kind == "true_false":
            assert marks == ["T", "F"]
        elif kind in ("short_answer", "cloze"):
            assert marks == ["0", "0.5", "1"]
        elif kind == "matching":
            assert len(marks) == len(q["items"]) * len(q["choices"])
        elif kind == "ordering":
            assert len(marks) == len(q["choices"]) ** 2
    for b in answers + student:
        x0, y0, x1, y1 = b["rect"]
        assert 0 < x0 < x1 < 595.28 and 0 < y0 < y1 < 841.89


def test_qr_names_the_quiz_version_and_page(sheet_build):
    import numpy as np
    import pypdfium2
    import zxingcpp

    pdf = pypdfium2.PdfDocument(str(sheet_build / "sheet-B.pdf"))
    image = np.asarray(pdf[0].render(scale=150 / 72, grayscale=True).to_pil())
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    build_id = json.loads(built(sheet_build, "quiz-B.json").read_text(encoding="utf-8"))
    assert [b.text for b in found] == [f"QZG1|small-town|5|{build_id['sheet']['build']}|B|1|"]
    page = pdf[0].get_textpage().get_text_range()
    assert "Version B" in page and "Student number" in page


def test_same_seed_gives_byte_identical_sheets(sheet_build, tmp_path):
    args = ["build", str(SMALL_BANK), "--formats", "sheet", "--versions", "2", "--seed", "5"]
    result = run_cli(*args, "--student-digits", "4", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name in ("sheet-A.pdf", "sheet-B.pdf"):
        assert (tmp_path / name).read_bytes() == (sheet_build / name).read_bytes()
    assert (
        built(tmp_path, "quiz-A.json").read_bytes()
        == built(sheet_build, "quiz-A.json").read_bytes()
    )
