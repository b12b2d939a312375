"""The html renderer's files, without a browser: names and roles, byte stability, the
Content-Security-Policy hashes, and answers kept out of the page source."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from quizgen.answers import correct_choice
from quizgen.assemble import AssemblyOptions, assemble
from quizgen.bank import load_bank
from quizgen.render import RenderOptions, render
from quizgen.render.html_secret import reveal, script_json, slot_hash
from quizgen.text import normalize_answer
from quizgen.typography import curly

SMALL_BANK = Path(__file__).resolve().parents[1] / "banks" / "small.yaml"
DATA_RE = re.compile(r'<script type="application/json" id="quiz-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def quiz():
    return assemble(load_bank(SMALL_BANK), 3, AssemblyOptions(versions=2))


@pytest.fixture(scope="module")
def files(quiz):
    return {f.path: f for f in render("html", quiz, RenderOptions())}


def test_files_names_roles_and_versions(files):
    assert [(f.path, f.format, f.role, f.version) for f in files.values()] == [
        ("quiz-A.html", "html", "student", "A"),
        ("key-A.html", "html", "key", "A"),
        ("quiz-B.html", "html", "student", "B"),
        ("key-B.html", "html", "key", "B"),
        ("index.html", "html", "index", None),
    ]


def test_same_quiz_gives_identical_bytes(quiz, files):
    again = {f.path: f.data for f in render("html", quiz, RenderOptions())}
    assert again == {path: f.data for path, f in files.items()}


def test_index_links_every_quiz_and_no_key(files):
    html = files["index.html"].data.decode()
    assert re.findall(r'<a href="([^"]*)"', html) == ["quiz-A.html", "quiz-B.html"]
    text = re.sub(r"<style>.*?</style>", "", html, flags=re.S).lower()
    assert "key" not in text and "teacher" not in text and "answer" not in text


def test_key_pages_are_not_indexed(files):
    assert '<meta name="robots" content="noindex, nofollow">' in files["key-A.html"].data.decode()
    assert "robots" not in files["quiz-A.html"].data.decode()


@pytest.mark.parametrize("name", ["quiz-A.html", "key-A.html", "index.html"])
def test_csp_allows_exactly_the_inline_code(files, name):
    html = files[name].data.decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    csp = csp.replace("&#39;", "'")

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(styles) == 1
    assert f"style-src 'sha256-{digest(styles[0])}'" in csp
    if name.startswith("quiz"):
        assert len(scripts) == 1
        assert f"script-src 'sha256-{digest(scripts[0])}'" in csp
    else:
        assert scripts == [] and "script-src 'none'" in csp
    assert csp.startswith("default-src 'none';")
    assert "base-uri 'none'" in csp and "form-action 'none'" in csp
    # Nothing is loaded from anywhere: no src, no stylesheet link, no http(s) in attributes.
    assert not re.search(r"\ssrc=", html)
    assert not re.search(r"<link(?![^>]*rel=\"icon\" href=\"data:,\")", html)


def test_answers_are_not_in_the_page_source(quiz, files):
    for version in quiz.versions:
        html = files[f"quiz-{version.code}.html"].data.decode()
        data = json.loads(DATA_RE.search(html).group(1))
        outside = DATA_RE.sub("", html)
        for item in version.items:
            q = item.question
            assert q.explanation not in outside
            assert q.source not in outside
            body = q.body
            # Typed answers (the text of choices, items and options is on the page anyway).
            typed = []
            if q.type == "short_answer":
                typed = [body.answer, *body.accept]
            elif q.type == "cloze":
                typed = [a for b in body.blanks for a in (b.answer, *b.accept)]
            for text in typed:
                assert text not in outside, (q.id, text)
            # No marker tells which choice is right.
            assert (
                "correct"
                not in outside.split('data-question-id="' + q.id)[1].split("</fieldset>")[0]
            )
        # The data holds ids, salts, hashes and base64 only: no sentence of the bank.
        for entry in data["questions"].values():
            assert re.fullmatch(r"[0-9a-f]{16}", entry["salt"])
            assert all(re.fullmatch(r"[0-9a-f]{32}", h) for s in entry["slots"] for h in s)
            assert re.fullmatch(r"[A-Za-z0-9+/=]+", entry["secret"])
        assert set(data) == {"bank", "version", "seed", "mode", "reveal", "total", "questions"}


def test_grading_data_hashes_the_right_responses(quiz, files):
    version = quiz.versions[0]
    data = json.loads(DATA_RE.search(files["quiz-A.html"].data.decode()).group(1))
    for item in version.items:
        q = item.question
        entry = data["questions"][q.id]
        salt = entry["salt"]
        secret = reveal(salt, entry["secret"])
        assert secret["explanation"] == q.explanation
        assert secret["source"] == curly(q.source)
        if q.type in ("multiple_choice", "true_false"):
            assert entry["slots"] == [[slot_hash(salt, 0, correct_choice(item))]]
        elif q.type == "short_answer":
            assert slot_hash(salt, 0, normalize_answer(q.body.answer)) in entry["slots"][0]
        elif q.type == "numeric":
            assert Decimal(secret["value"]) == q.body.answer
            assert Decimal(secret["tolerance"]) == q.body.tolerance
        elif q.type == "cloze":
            for n, blank in enumerate(q.body.blanks):
                assert slot_hash(salt, n, normalize_answer(blank.answer)) in entry["slots"][n]
        elif q.type == "ordering":
            assert entry["slots"] == [[slot_hash(salt, n, t)] for n, t in enumerate(q.body.items)]


def test_key_shows_the_answers(quiz, files):
    html = files["key-A.html"].data.decode()
    for item in quiz.versions[0].items:
        assert item.question.explanation in html
    assert "Answer key" in html and "Version A" in html


def test_script_json_cannot_end_the_script_element():
    value = {"text": "</script><!-- <script> & \u2028\u2029"}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value
