"""Practice and test mode in Chromium: one submission that nothing changes afterwards, one
score message, unanswered questions named before submitting, a reload that keeps the
submission; in practice mode checks of one question, answers on demand, marks that clear."""

from __future__ import annotations

import pytest
from quizpage import answer, check, container, load_key, results, score

RECORD_MESSAGES = "window.got = []; addEventListener('message', e => window.got.push(e.data))"
TYPES = ["multiple_choice", "true_false", "short_answer", "numeric", "cloze", "matching",
         "ordering"]  # fmt: skip


def open_page(tab, out, version="A"):
    tab.context.add_init_script(script=RECORD_MESSAGES)
    tab.page.goto((out / f"quiz-{version}.html").as_uri())
    return load_key(out, version)["questions"]


def messages(page) -> list[dict]:
    page.wait_for_timeout(50)  # postMessage is delivered asynchronously
    return page.evaluate("window.got")


def enabled_controls(page) -> int:
    return page.evaluate(
        "[...document.querySelectorAll('main input, main select, main button')]"
        ".filter(c => !c.closest('dialog'))"
        ".filter(c => !c.disabled).length"
    )


def test_test_mode_names_unanswered_questions_before_submitting(tab, test_mode_build):
    questions = open_page(tab, test_mode_build)
    page = tab.page
    assert page.get_attribute("html", "data-mode") == "test"
    for q in questions[:3]:
        answer(page, q, right=True)
    check(page)
    dialog = page.locator("dialog[data-confirm]")
    assert dialog.is_visible()
    listed = dialog.locator("[data-confirm-list] li").all_text_contents()
    assert listed == [f"Question {q['number']}" for q in questions[3:]]
    # Going back submits nothing.
    dialog.locator('[data-action="cancel"]').click()
    assert not dialog.is_visible()
    assert page.locator("[data-score]").text_content() == ""
    assert set(results(page).values()) == {None}
    assert messages(page) == []
    # A listed question's link leads to it.
    check(page)
    dialog.locator("[data-confirm-list] a").first.click()
    assert not dialog.is_visible()
    focused = "document.activeElement.closest('[data-question-id]').dataset.questionId"
    assert page.evaluate(focused) == questions[3]["id"]
    assert tab.dialogs == []  # an in-page dialog, never window.confirm


def test_after_submission_nothing_changes_the_score_and_one_message_is_posted(tab, test_mode_build):
    questions = open_page(tab, test_mode_build)
    page = tab.page
    for n, q in enumerate(questions):
        answer(page, q, right=n % 2 == 0)
    check(page)  # every question answered: submits at once
    right = sum(1 for n in range(len(questions)) if n % 2 == 0)
    expected = (f"{right} / {len(questions)}", right, len(questions))
    assert score(page) == expected
    assert page.locator("dialog[open]").count() == 0
    assert enabled_controls(page) == 0
    # Every control, clicked or changed by force, changes nothing.
    for q in questions:
        answer_forced(page, q)
    for button in page.locator("main button:visible").all():
        button.click(force=True)
    page.locator('[data-action="check"]').dispatch_event("click")
    assert score(page) == expected
    assert messages(page) == [
        {"type": "quizgen:score", "bank": "small-town", "version": "A",
         "correct": right, "total": len(questions)}
    ]  # fmt: skip
    # Answers and explanations show after submission (--reveal after, the default).
    for q in questions:
        assert q["explanation"] in container(page, q["id"]).locator("[data-feedback]").inner_text()
    # A reload is no fresh attempt: the submission, answers and score come back, and the score
    # is not posted again.
    page.reload()
    assert score(page) == expected
    assert enabled_controls(page) == 0
    assert page.get_attribute("html", "data-submitted") == ""
    assert messages(page) == []
    assert tab.errors == []


def answer_forced(page, q: dict) -> None:
    """Try to change an answer of a locked page by script, as a determined student might."""
    page.evaluate(
        """id => {
            const box = document.querySelector(`[data-question-id="${id}"]`);
            for (const r of box.querySelectorAll('input[type=radio]')) {
                r.checked = !r.checked; r.dispatchEvent(new Event('change', {bubbles: true}));
            }
            for (const t of box.querySelectorAll('input[type=text], select')) {
                t.value = ''; t.dispatchEvent(new Event('input', {bubbles: true}));
            }
        }""",
        q["id"],
    )


def test_reveal_never_shows_no_answer(tab, never_build):
    questions = open_page(tab, never_build)
    page = tab.page
    for q in questions:
        answer(page, q, right=False)
    check(page)
    assert score(page)[1:] == (0, len(questions))
    assert set(results(page).values()) == {"incorrect"}
    assert page.locator("[data-feedback]:visible").count() == 0
    assert page.locator(".tag-answer, .is-answer").count() == 0
    text = page.inner_text("body")
    for q in questions:
        assert q["explanation"] not in text
    assert len(messages(page)) == 1


def test_practice_check_one_and_show_answer_on_demand(tab, html_build):
    questions = open_page(tab, html_build)
    page = tab.page
    assert page.get_attribute("html", "data-mode") == "practice"
    mc = next(q for q in questions if q["type"] == "multiple_choice")
    box = container(page, mc["id"])
    answer(page, mc, right=True)
    box.locator('[data-action="check-one"]').click()
    assert box.get_attribute("data-result") == "correct"
    assert mc["explanation"] not in box.inner_text()  # checked, not revealed
    assert results(page) == {q["id"]: ("correct" if q is mc else None) for q in questions}
    box.locator('[data-action="show-answer"]').click()
    assert mc["explanation"] in box.inner_text()
    # An unanswered question is not revealed by checking everything.
    other = next(q for q in questions if q["type"] == "short_answer")
    check(page)
    assert "Not answered" in container(page, other["id"]).inner_text()
    assert other["explanation"] not in container(page, other["id"]).inner_text()
    container(page, other["id"]).locator('[data-action="show-answer"]').click()
    assert other["answer"] in container(page, other["id"]).inner_text()
    assert messages(page)[-1]["correct"] == 1


@pytest.mark.parametrize("qtype", TYPES)
def test_practice_marks_clear_when_the_answer_changes(tab, html_build, qtype):
    questions = open_page(tab, html_build)
    page = tab.page
    q = next(q for q in questions if q["type"] == qtype)
    box = container(page, q["id"])
    answer(page, q, right=False)
    check(page)
    assert box.get_attribute("data-result") == "incorrect"
    answer(page, q, right=True)
    assert box.get_attribute("data-result") is None
    assert box.locator(".tag, [aria-invalid], .mark:not(:empty)").count() == 0
    assert box.locator("[data-feedback]").is_hidden()
    assert page.locator("[data-score]").get_attribute("data-correct") is None
    check(page)
    assert box.get_attribute("data-result") == "correct"


def test_reveal_needs_test_mode_and_pass_mark_is_a_percentage(tmp_path):
    from support import SMALL_BANK, run_cli

    result = run_cli("build", str(SMALL_BANK), "--reveal", "never", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "--reveal applies to test pages: add --html-mode test" in result.stderr
    result = run_cli("build", str(SMALL_BANK), "--pass-mark", "101", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "--pass-mark: must be from 0 to 100, got 101" in result.stderr
    assert not any(tmp_path.iterdir())
