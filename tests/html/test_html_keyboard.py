"""The quiz can be completed with the keyboard alone, and focus is always visible."""

from __future__ import annotations

import pytest
from quizpage import focus_with_tab, keyboard_answer, load_key, results, score


@pytest.mark.parametrize("version", ["A", "B"])
def test_keyboard_only_completion_scores_full_marks(tab, html_build, version):
    page = tab.page
    page.goto((html_build / f"quiz-{version}.html").as_uri())
    questions = load_key(html_build, version)["questions"]
    for q in questions:
        keyboard_answer(page, q)
    focus_with_tab(page, '[data-action="check"]')
    page.keyboard.press("Enter")
    m = len(questions)
    assert score(page) == (f"{m} / {m}", m, m)
    assert set(results(page).values()) == {"correct"}

    focus_with_tab(page, '[data-action="reset"]')
    page.keyboard.press("Space")
    assert page.locator("[data-score]").text_content() == ""
    assert set(results(page).values()) == {None}
    # Focus goes back to the first question, not lost on the hidden button.
    assert page.evaluate(
        "document.activeElement === document.querySelector('[data-question-id] input')"
    )
    assert tab.errors == []


def test_focus_is_visible_on_every_kind_of_control(tab, html_build):
    page = tab.page
    page.goto((html_build / "quiz-A.html").as_uri())
    selectors = [
        'input[type="radio"]',
        ".answer-input",
        "input.blank",
        "select",
        "[data-move]",
        '[data-action="check"]',
    ]
    for selector in selectors:
        focus_with_tab(page, selector)
        style = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert style[0] != "none" and style[1] >= 2, (selector, style)
