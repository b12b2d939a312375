"""One table, two graders: every case of tests/grading_cases.txt gets the same verdict from
the Python grader (``quizgen.answers.grade_text``) and from the quiz page's own script in
Chromium (``quizgenGrading.gradeTyped`` on the page's hashed grading data), and that verdict
is the table's. The rules are docs/grading.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.answers import grade_text
from quizgen.bank import load_bank
from quizgen.model import Item, Quiz, Version
from quizgen.render import RenderOptions, render

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "grading_cases.txt"
BANK = ROOT / "banks" / "korean-war-70th.yaml"
TYPED = ("short_answer", "numeric", "cloze")


def read_cases() -> list[tuple[str, int, bool, str]]:
    """(question id, blank index, expected verdict, response) for every line of the table."""
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        target, verdict, response = (part.strip() for part in line.split("|", 2))
        qid, _, blank = target.partition("#")
        cases.append((qid, int(blank or 1) - 1, verdict == "+", response))
    return cases


CASES_READ = read_cases()


def test_the_table_is_large_and_has_right_and_wrong_answers():
    assert len(CASES_READ) >= 300
    assert sum(c[2] for c in CASES_READ) > 100 and sum(not c[2] for c in CASES_READ) > 100
    responses = {(c[0], c[3]) for c in CASES_READ}
    # The answers a class was marked wrong for, and wrong answers that must stay wrong.
    for must in [
        ("war-length", "3 years"),
        ("anniversary-number", "70 years"),
        ("summit-count", "3 summits"),
        ("war-length", "three years"),
        ("war-years", "1950 - 1953"),
        ("war-years", "1950 to 1953"),
        ("invasion-date", "June 25th"),
        ("invasion-date", "25th June"),
        ("fatalities-source", "ministry of defense"),
        ("invading-side", "North Koreans"),
        ("invading-side", "DPRK"),
        ("veteran-speaker", "a Korean War veteran"),
        ("north-name-for-war", "Fatherland Liberation War"),
        ("baengmagoji-place", "Chorwon"),
        ("caption-speaker", "Rodong Sinmun newspaper"),
        ("dividing-line", "Demilitarized Zone (DMZ)"),
        ("fatalities-total", "about 694,000"),
        ("fatalities-total", "700k"),
        ("fatalities-total", "680,000"),
        ("war-length", "4 years"),
        ("anniversary-number", "30"),
        ("invasion-date", "June 26"),
    ]:
        assert must in responses, must


@pytest.fixture(scope="module")
def items() -> dict[str, Item]:
    bank = load_bank(BANK)
    return {q.id: Item(1, q) for q in bank.questions if q.type in TYPED}


def test_python_grader_gives_every_verdict_of_the_table(items):
    wrong = [
        (qid, blank + 1, response, expected)
        for qid, blank, expected, response in CASES_READ
        if grade_text(items[qid], response, blank) != expected
    ]
    assert wrong == []


@pytest.fixture(scope="module")
def page_path(tmp_path_factory, items) -> Path:
    """The bundled bank's typed questions on one real quiz page."""
    bank = load_bank(BANK)
    questions = tuple(items[qid].question for qid in dict.fromkeys(c[0] for c in CASES_READ))
    quiz = Quiz(bank, 1, bank.title, (Version("A", questions, b""),))
    page = next(f for f in render("html", quiz, RenderOptions()) if f.role == "student")
    path = tmp_path_factory.mktemp("grading-table") / "quiz-A.html"
    path.write_bytes(page.data)
    return path


GRADE_ALL = """cases => {
  const data = JSON.parse(document.getElementById("quiz-data").textContent);
  const G = window.quizgenGrading;
  return cases.map(([id, blank, response]) => {
    const question = data.questions[id];
    const secret = G.reveal(question.salt, question.secret);
    return G.gradeTyped(question, blank, response, secret.value, secret.tolerance);
  });
}"""


def test_page_gives_every_verdict_of_the_table(tab, page_path):
    tab.page.goto(page_path.as_uri())
    verdicts = tab.page.evaluate(GRADE_ALL, [[c[0], c[1], c[3]] for c in CASES_READ])
    wrong = [
        (qid, blank + 1, response, expected)
        for (qid, blank, expected, response), got in zip(CASES_READ, verdicts, strict=True)
        if got != expected
    ]
    assert wrong == []
    assert tab.errors == []


def test_page_grades_typed_answers_through_its_form(tab, page_path):
    """The same grader behind the page's inputs: type, check, read data-result."""
    tab.page.goto(page_path.as_uri())
    typed = {"war-length": "3 years", "fatalities-total": "700k", "invading-side": "DPRK"}
    for qid, response in typed.items():
        tab.page.fill(f'[data-question-id="{qid}"] input', response)
    tab.page.fill('[data-question-id="summit-count"] input', "4 summits")
    tab.page.click('[data-action="check"]')
    results = tab.page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('[data-question-id]')]"
        ".map(e => [e.dataset.questionId, e.dataset.result]))"
    )
    assert {qid: results[qid] for qid in typed} == dict.fromkeys(typed, "correct")
    assert results["summit-count"] == "incorrect"
    assert json.loads(json.dumps(tab.errors)) == []


def test_page_and_python_make_the_same_forms(tab, page_path, items):
    """Stronger than equal verdicts: the same canonical forms for every response and unit."""
    from quizgen.answer_forms import answer_forms
    from quizgen.answers import slot_unit

    tab.page.goto(page_path.as_uri())
    cases = [(c[3], slot_unit(items[c[0]])) for c in CASES_READ]
    cases += [(text, None) for text in EXTRA_TEXTS]
    got = tab.page.evaluate(
        "cases => cases.map(([t, u]) => window.quizgenGrading.answerForms(t, u))", cases
    )
    assert [list(answer_forms(t, u)) for t, u in cases] == got


EXTRA_TEXTS = [
    "1,234,567.50",
    "-4.2",
    "−4.2 and -0",
    "1/2",
    "4.5.6",
    "Ａｂｃ １２３",
    "İstanbul",
    "ﬁve",
    "the (first) (second)",
    "((nested))",
    "3 hundred",
    "a hundred",
    "one hundred and five thousand",
    "1.5m",
    "between 5 and",
    "25 of",
    "Sept 3rd 1950",
    "1 234 567",
    "12 345",
    "7 to 2",
    "x\u00a0y\u2003z\tw",
    "",
    "   ",
    "!!!",
]
