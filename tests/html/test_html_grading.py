"""The quiz page grades every question type: right, wrong, mixed, alternatives, try again."""

from __future__ import annotations

import json

import pytest
from quizpage import answer, build_html, check, container, load_key, results, score

from quizgen.typography import curly

VERSIONS = ("A", "B")


def open_quiz(tab, out, version):
    tab.page.goto((out / f"quiz-{version}.html").as_uri())
    return load_key(out, version)["questions"]


@pytest.mark.parametrize("version", VERSIONS)
def test_all_right_scores_full_marks(tab, html_build, version):
    questions = open_quiz(tab, html_build, version)
    for q in questions:
        answer(tab.page, q, right=True)
    check(tab.page)
    m = len(questions)
    assert score(tab.page) == (f"{m} / {m}", m, m)
    assert set(results(tab.page).values()) == {"correct"}
    assert tab.errors == []


@pytest.mark.parametrize("version", VERSIONS)
def test_all_wrong_scores_zero(tab, html_build, version):
    questions = open_quiz(tab, html_build, version)
    for q in questions:
        answer(tab.page, q, right=False)
    check(tab.page)
    m = len(questions)
    assert score(tab.page) == (f"0 / {m}", 0, m)
    assert set(results(tab.page).values()) == {"incorrect"}


def test_nothing_answered_scores_zero(tab, html_build):
    questions = open_quiz(tab, html_build, "A")
    check(tab.page)
    assert score(tab.page)[1:] == (0, len(questions))


@pytest.mark.parametrize(
    "qtype",
    ["multiple_choice", "true_false", "short_answer", "numeric", "cloze", "matching", "ordering"],
)
def test_each_type_alone_right_scores_one(tab, html_build, qtype):
    questions = open_quiz(tab, html_build, "B")
    assert any(q["type"] == qtype for q in questions)
    for q in questions:
        answer(tab.page, q, right=q["type"] == qtype)
    check(tab.page)
    expected = sum(q["type"] == qtype for q in questions)
    assert score(tab.page)[1] == expected
    for q in questions:
        assert results(tab.page)[q["id"]] == ("correct" if q["type"] == qtype else "incorrect")


def test_mixed_answers_give_the_exact_count(tab, html_build):
    questions = open_quiz(tab, html_build, "A")
    right = {q["id"] for n, q in enumerate(questions) if n % 2 == 0}
    for q in questions:
        answer(tab.page, q, right=q["id"] in right)
    check(tab.page)
    m = len(questions)
    assert score(tab.page) == (f"{len(right)} / {m}", len(right), m)
    assert {k for k, v in results(tab.page).items() if v == "correct"} == right


def test_one_wrong_blank_or_match_makes_the_question_wrong(tab, html_build):
    questions = {q["type"]: q for q in open_quiz(tab, html_build, "A")}
    cloze, matching = questions["cloze"], questions["matching"]
    answer(tab.page, cloze, right=True)
    container(tab.page, cloze["id"]).locator("input.blank").last.fill("nowhere")
    answer(tab.page, matching, right=True)
    first = container(tab.page, matching["id"]).locator("select").first
    first.select_option(value=next(c for c in matching["choices"] if c != matching["answer"][0]))
    check(tab.page)
    assert results(tab.page)[cloze["id"]] == "incorrect"
    assert results(tab.page)[matching["id"]] == "incorrect"
    marks = container(tab.page, cloze["id"]).locator("[data-mark]")
    assert "correct" in marks.first.text_content()
    assert "incorrect" in marks.last.text_content()


def test_text_answers_ignore_case_spacing_punctuation_and_accept_alternatives(tab, html_build):
    open_quiz(tab, html_build, "A")
    page = tab.page
    cases = [
        ("mayor-name", "  ANA   souza!! ", "correct"),
        ("mayor-name", "Mayor-Souza", "correct"),
        ("mayor-name", "Ana Sousa", "incorrect"),
        ("cost", "4.55", "correct"),
        ("cost", " 4.4 ", "correct"),
        ("cost", "4.7", "incorrect"),
        ("cost", "four", "incorrect"),
    ]
    for qid, typed, expected in cases:
        container(page, qid).locator("input").fill(typed)
        check(page)
        assert results(page)[qid] == expected, (qid, typed)
    street = container(page, "street").locator("input.blank")
    street.nth(0).fill("2027")
    street.nth(1).fill("harbour st.")
    check(page)
    assert results(page)["street"] == "correct"


def test_feedback_shows_answer_explanation_and_source(tab, html_build):
    questions = open_quiz(tab, html_build, "A")
    for q in questions:
        feedback = container(tab.page, q["id"]).locator("[data-feedback]")
        assert feedback.is_hidden()
        assert feedback.text_content() == ""
    # Regression: checking revealed every answer, unanswered questions included.
    check(tab.page)
    for q in questions:
        text = container(tab.page, q["id"]).locator("[data-feedback]").text_content()
        assert text == "–Not answered"
        answer(tab.page, q, right=False)
    check(tab.page)
    for q in questions:
        text = container(tab.page, q["id"]).locator("[data-feedback]").text_content()
        assert "Incorrect" in text
        assert q["explanation"] in text
        assert curly(q["source"]["quote"]) in text
        if q["type"] in ("short_answer", "cloze", "multiple_choice", "true_false"):
            assert q["answer"] in text
        elif q["type"] == "numeric":
            assert q["answer"] in text and q["unit"] in text
        else:
            assert all(a in text for a in q["answer"])


def test_choice_feedback_marks_the_right_choice(tab, html_build):
    q = next(q for q in open_quiz(tab, html_build, "A") if q["type"] == "multiple_choice")
    answer(tab.page, q, right=False)
    check(tab.page)
    box = container(tab.page, q["id"])
    assert box.locator(".is-answer input").get_attribute("value") == q["answer"]
    assert (
        box.locator(".is-chosen input").get_attribute("value")
        == q["choices"][q["choices"].index(next(c for c in q["choices"] if c != q["answer"]))]
    )


def test_try_again_resets_everything(tab, html_build):
    questions = open_quiz(tab, html_build, "A")
    page = tab.page
    ordering = next(q for q in questions if q["type"] == "ordering")
    shown = ordering["choices"]
    for q in questions:
        answer(page, q, right=True)
    check(page)
    reset = page.locator('[data-action="reset"]')
    assert reset.is_visible()
    reset.click()
    assert set(results(page).values()) == {None}
    assert page.locator("[data-score]").text_content() == ""
    assert page.locator("[data-score]").get_attribute("data-correct") is None
    assert page.locator("input:checked").count() == 0
    assert all(v == "" for v in page.locator('input[type="text"]').evaluate_all(
        "inputs => inputs.map(i => i.value)"))  # fmt: skip
    assert all(v == "" for v in page.locator("select").evaluate_all(
        "selects => selects.map(s => s.value)"))  # fmt: skip
    order = (
        container(page, ordering["id"])
        .locator(".order-item")
        .evaluate_all("items => items.map(i => i.getAttribute('data-value'))")
    )
    assert order == shown
    assert page.locator("[data-feedback]:visible").count() == 0
    assert page.locator(".tag, [aria-invalid]").count() == 0
    assert not reset.is_visible()
    # ... and grades afresh.
    check(page)
    assert score(page)[1] == 0


def test_checking_twice_regrades(tab, html_build):
    questions = open_quiz(tab, html_build, "A")
    check(tab.page)
    assert score(tab.page)[1] == 0
    for q in questions[:3]:
        answer(tab.page, q, right=True)
    check(tab.page)
    assert score(tab.page)[1] == 3
    assert tab.page.locator(".tag-answer").count() == sum(
        q["type"] in ("multiple_choice", "true_false") for q in questions
    )


def test_score_is_announced_in_a_live_region(tab, html_build):
    open_quiz(tab, html_build, "A")
    live = tab.page.locator("[aria-live]:has([data-score])")
    assert live.count() == 1
    check(tab.page)
    assert "Score" in live.text_content()


def test_ordering_moves_are_announced_and_stop_at_the_ends(tab, html_build):
    q = next(q for q in open_quiz(tab, html_build, "A") if q["type"] == "ordering")
    box = container(tab.page, q["id"])
    items = box.locator(".order-item")
    first_text = items.first.get_attribute("data-value")
    items.first.locator('[data-move="up"]').click()
    announcer = tab.page.locator("[data-announce]")
    assert "already first" in announcer.text_content()
    items.first.locator('[data-move="down"]').click()
    assert items.nth(1).get_attribute("data-value") == first_text
    assert f"{first_text}: position 2 of {len(q['choices'])}" in announcer.text_content()
    assert tab.page.evaluate("document.activeElement.getAttribute('data-move')") == "down"


def test_bundled_bank_all_right(tab, bundled_html_build):
    questions = open_quiz(tab, bundled_html_build, "A")
    for q in questions:
        answer(tab.page, q, right=True)
    check(tab.page)
    m = len(questions)
    assert score(tab.page) == (f"{m} / {m}", m, m)
    assert tab.errors == []


AWKWARD = ["line\r\nbreak", "carriage\rreturn", "tab\there", "zero\u200bwidth", "nb\u00a0space",
           "emoji 👩‍🏫", "עברית RTL", "e\u0301 combining"]  # fmt: skip


@pytest.fixture(scope="module")
def awkward_build(tmp_path_factory):
    """Choices, options and items with line breaks, tabs, invisible characters and other scripts."""
    folder = tmp_path_factory.mktemp("awkward")
    sentence = "A plain sentence of the article."
    (folder / "article.txt").write_text(sentence + "\n", encoding="utf-8")
    common = {"explanation": "Because.", "source": sentence}
    bank = {
        "id": "awkward", "title": "Awkward text", "article": {"path": "article.txt"},
        "questions": [
            {"id": "mc", "type": "multiple_choice", "prompt": "Pick.", "answer": AWKWARD[0],
             "distractors": AWKWARD[1:4], **common},
            {"id": "mc2", "type": "multiple_choice", "prompt": "Pick.", "answer": AWKWARD[3],
             "distractors": AWKWARD[4:], **common},
            {"id": "match", "type": "matching", "prompt": "Match.",
             "pairs": [{"left": AWKWARD[n], "right": AWKWARD[n + 4]} for n in range(4)],
             **common},
            {"id": "order", "type": "ordering", "prompt": "Order.", "items": AWKWARD, **common},
        ],
    }  # fmt: skip
    text = json.dumps(bank, ensure_ascii=False)
    (folder / "bank.yaml").write_text(text, encoding="utf-8")
    return build_html(folder / "bank.yaml", folder / "out", "--seed", "2")


def test_awkward_characters_grade_right(tab, awkward_build):
    questions = open_quiz(tab, awkward_build, "A")
    mc = container(tab.page, "mc").locator("input")
    # Radio values are the choice text exactly (a carriage return survives as &#13;).
    # Control characters other than line breaks and tabs never get this far: the loader
    # refuses them.
    expected = next(q for q in questions if q["id"] == "mc")["choices"]
    assert mc.evaluate_all("rs => rs.map(r => r.value)") == expected
    for q in questions:
        answer(tab.page, q, right=True)
    check(tab.page)
    m = len(questions)
    assert score(tab.page) == (f"{m} / {m}", m, m)
    for q in questions:
        answer(tab.page, q, right=False)
    check(tab.page)
    assert score(tab.page)[1] == 0
