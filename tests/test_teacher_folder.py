"""Files with answers live in ``teacher/``, decided by role in the build; the students'
``index.html`` leads to quizzes only; the teacher's index lists every teacher file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from quizgen.teacher import TEACHER_ROLES

HREF = re.compile(r'<a href="([^"]*)"')


def entries(out: Path) -> list[dict]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]


def test_every_file_with_answers_is_in_the_teacher_folder(small_build):
    files = entries(small_build)
    teacher = [f for f in files if f["path"].startswith("teacher/")]
    assert {f["role"] for f in files if f["role"] in TEACHER_ROLES}
    for f in files:
        assert (small_build / f["path"]).is_file(), f
        if f["role"] in TEACHER_ROLES:
            assert f["path"].startswith("teacher/"), f
        elif f["path"] != "teacher/index.html":
            assert "/" not in f["path"], f
    names = {f["path"] for f in teacher}
    assert {"teacher/key-A.pdf", "teacher/key-A.html", "teacher/quiz-A.json"} <= names
    assert "teacher/index.html" in names


def test_student_index_links_quizzes_only(small_build):
    html = (small_build / "index.html").read_text(encoding="utf-8")
    links = HREF.findall(html)
    assert links == ["quiz-A.html", "quiz-B.html"]
    visible = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", html, flags=re.S)
    visible = re.sub(r"<[^>]+>", " ", visible).lower()
    for word in ("key", "answer", "teacher", "json", "solution"):
        assert word not in visible, word


def test_teacher_index_links_every_file_and_is_not_indexed(small_build):
    html = (small_build / "teacher" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    linked = {(small_build / "teacher" / href).resolve() for href in HREF.findall(html)}
    listed = {(small_build / f["path"]).resolve() for f in entries(small_build)}
    listed.discard((small_build / "teacher" / "index.html").resolve())
    assert linked == listed


def test_key_pages_are_not_indexed(small_build):
    for f in entries(small_build):
        if f["format"] == "html" and f["path"].startswith("teacher/"):
            text = (small_build / f["path"]).read_text(encoding="utf-8")
            assert '<meta name="robots" content="noindex, nofollow">' in text, f
