"""Layout at a phone's width: long words and addresses wrap instead of widening the page."""

from __future__ import annotations

import json

import pytest
from quizpage import build_html, check

LONG_URL = "https://www.example.org/" + "very-long-path-segment/" * 8 + "index.html"
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2


@pytest.fixture(scope="module")
def long_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    sentence = f"The report is at {LONG_URL} and names {LONG_WORD}."
    (folder / "article.txt").write_text(sentence + "\n", encoding="utf-8")
    bank = {
        "id": "long", "title": "Long words", "article": {"path": "article.txt"},
        "questions": [
            {"id": "url", "type": "multiple_choice", "prompt": f"Where is it? {LONG_URL}",
             "answer": LONG_WORD, "distractors": ["A", "B"], "explanation": LONG_URL,
             "source": sentence},
            {"id": "word", "type": "short_answer", "prompt": f"Spell {LONG_WORD}.",
             "answer": LONG_WORD, "explanation": "As written.", "source": sentence},
        ],
    }  # fmt: skip
    (folder / "bank.yaml").write_text(json.dumps(bank), encoding="utf-8")
    return build_html(folder / "bank.yaml", folder / "out", "--seed", "1")


@pytest.mark.parametrize("page", ["quiz-A.html", "teacher/key-A.html"])
def test_no_sideways_scrolling_at_phone_width(new_tab, long_build, page):
    # Regression: a long address in a prompt made the page wider than a 390 px screen.
    tab = new_tab(viewport={"width": 390, "height": 800})
    tab.page.goto((long_build / page).as_uri())
    if page.startswith("quiz"):
        check(tab.page)
    width = tab.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
