"""The page grades typed answers exactly as quizgen's Python graders do.

``quizgen.answers.grade_text`` is the reference: every response below is typed into the page
and the page's verdict must equal Python's, across scripts, Unicode forms, case, punctuation,
thousands separators, exponents and tolerances. This also holds the page's SHA-256 and
normalisation to html_secret's and normalize_answer's.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from quizpage import build_html, check, container, load_key, results

from quizgen.answers import grade_text
from quizgen.model import Blank, Cloze, Item, Numeric, Question, ShortAnswer

SENTENCE = "President Moon Jae-in spoke in Seoul on June 25, 1950, about 520,000 troops."
SHORT = {
    "moon": ("Moon Jae-in", ["문재인", "President Moon"]),
    "strasse": ("Straße", []),
    "greek": ("ΟΔΟΣ", []),
    "istanbul": ("İstanbul", []),
    "width": ("Ｆｕｌｌ ｗｉｄｔｈ", []),
    "cafe": ("café", []),
    "html": ("<b>bold</b> & co.", []),
    "signed": ("-4.2", []),
    "fraction": ("1/2", ["one half"]),
    "range": ("1950-53", []),
}
NUMERIC = {
    "troops": ("520000", "0", ["520k"]),
    "rate": ("7.2", "0.05", []),
    "third": ("0.3", "0", []),
    "minus": ("-3", "0.5", []),
}
RESPONSES = {
    "moon": ["moon jae in", "MOON JAE-IN!", "문재인", " president   moon ", "Moon", "",
             "moon jae-in\u00a0", "Ｍｏｏｎ Ｊａｅ－ｉｎ"],
    "strasse": ["strasse", "STRASSE", "straße", "Straße.", "Strase"],
    "greek": ["οδος", "ΟΔΟΣ", "οδοσ", "odos"],
    "istanbul": ["istanbul", "İSTANBUL", "ıstanbul", "Istanbul"],
    "width": ["full width", "FULL-WIDTH", "fullwidth", "ｆｕｌｌ"],
    "cafe": ["cafe\u0301", "CAFÉ", "cafe", "Café!"],
    "html": ["bbold b co", "<B>BOLD</B> &amp; CO", "bold & co"],
    "signed": ["-4.2", "42", "4.2", "−4.2", "–4.2", "-4,2", " -4.2!", "x-4.2"],
    "fraction": ["1/2", "12", "1 / 2", "One half", "1/2.", "a/2"],
    "range": ["1950-53", "1950–53", "195053", "1950 53", "1950—53"],
    "troops": ["520000", "520,000", "520 000", "520k", "520K", "5.2e5", "+520000.00",
               "520001", "five hundred", "５２００００", "520_000"],
    "rate": ["7.2", "7.25", "7.15", "7.26", "7.149", "7,2", ".72e1", "72e-1", "7.2.1"],
    "third": ["0.3", ".3", "0.30", "3e-1", "0.1+0.2", "0.30000000000000004", "-0.3"],
    "minus": ["-3", "-2.5", "-3.5", "-3.6", "−3", "- 3", "3", "-2,5"],
    "blanks": [("1950", "Seoul"), ("1950.", "seoul!"), ("1,950", "서울"), ("1951", "Seoul"),
               ("1950", "Busan")],
}  # fmt: skip


@pytest.fixture(scope="module")
def typed_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("typed")
    (folder / "article.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    questions = []
    for qid, (answer, accept) in SHORT.items():
        questions.append({"id": qid, "type": "short_answer", "prompt": f"Type {qid}.",
                          "answer": answer, "accept": accept})  # fmt: skip
    for qid, (value, tolerance, accept) in NUMERIC.items():
        questions.append({"id": qid, "type": "numeric", "prompt": f"Number {qid}?",
                          "answer": float(value) if "." in value else int(value),
                          "tolerance": float(tolerance), "accept": accept})  # fmt: skip
    questions.append({"id": "blanks", "type": "cloze", "prompt": "Fill in the blanks.",
                      "text": "It began in {{1950}} near {{Seoul|서울}}."})  # fmt: skip
    for q in questions:
        q.update(explanation="From the article.", source=SENTENCE)
    bank = {"id": "typed", "title": "Typed answers", "article": {"path": "article.txt"},
            "questions": questions}  # fmt: skip
    (folder / "bank.yaml").write_text(json.dumps(bank, ensure_ascii=False), encoding="utf-8")
    return build_html(folder / "bank.yaml", folder / "out", "--seed", "1", "--questions", "all")


def reference_item(q: dict) -> Item:
    """The model item grade_text grades, rebuilt from the JSON key."""
    if q["type"] == "short_answer":
        body = ShortAnswer(q["answer"], tuple(q["accept"]))
    elif q["type"] == "numeric":
        body = Numeric(Decimal(str(q["value"])), Decimal(str(q["tolerance"])),
                       accept=tuple(q["accept"]))  # fmt: skip
    else:
        body = Cloze(
            tuple(
                s if isinstance(s, str) else Blank(**q["blanks"][s["blank"] - 1])
                for s in q["segments"]
            )
        )
    question = Question(q["id"], q["type"], q["prompt"], body, q["explanation"], "")
    return Item(q["number"], question)


def expected(item: Item, response) -> str:
    if isinstance(response, tuple):
        ok = all(grade_text(item, r, blank=n) for n, r in enumerate(response))
    else:
        ok = grade_text(item, response)
    return "correct" if ok else "incorrect"


def test_page_grades_typed_answers_like_python(tab, typed_build):
    page = tab.page
    page.goto((typed_build / "quiz-A.html").as_uri())
    items = {q["id"]: reference_item(q) for q in load_key(typed_build, "A")["questions"]}
    rounds = max(len(r) for r in RESPONSES.values())
    mismatches = []
    checked = 0
    for n in range(rounds):
        typed = {qid: r[n] for qid, r in RESPONSES.items() if n < len(r)}
        for qid, response in typed.items():
            box = container(page, qid)
            if isinstance(response, tuple):
                for i, text in enumerate(response):
                    box.locator("input.blank").nth(i).fill(text)
            else:
                box.locator("input").fill(response)
        check(page)
        got = results(page)
        for qid, response in typed.items():
            want = expected(items[qid], response)
            checked += 1
            if got[qid] != want:
                mismatches.append((qid, response, got[qid], want))
    assert mismatches == []
    assert checked == sum(len(r) for r in RESPONSES.values())
    assert tab.errors == []


def test_reference_accepts_what_the_bank_says(typed_build):
    """The cases above are not all one-sided: Python accepts some and refuses others."""
    items = {q["id"]: reference_item(q) for q in load_key(typed_build, "A")["questions"]}
    verdicts = {expected(items[qid], r) for qid, rs in RESPONSES.items() for r in rs}
    assert verdicts == {"correct", "incorrect"}
    assert expected(items["troops"], "520 000") == "correct"
    assert expected(items["moon"], "문재인") == "correct"
