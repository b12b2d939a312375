"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation, before and after grading, in
light and dark colour schemes, at desktop and phone width; the page has the structure the
checks cannot see."""

from __future__ import annotations

import pytest
from quizpage import answer, check, load_key

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page) -> list[dict]:
    """axe-core's violations on the page (axe is injected by an init script, outside the
    page's Content-Security-Policy, so the page's own policy stays in force)."""
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                     resultTypes: ['violations']})""",
        AXE_TAGS,
    )
    return [
        {
            "id": v["id"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
            "summary": v["nodes"][0].get("failureSummary"),
        }
        for v in result["violations"]
    ]


def axe_tab(new_tab, axe_source, *, scheme: str, width: int = 1280):
    tab = new_tab(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab.context.add_init_script(script=axe_source)
    return tab


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_page_has_no_violations_before_and_after_grading(
    new_tab, axe_source, html_build, scheme
):
    tab = axe_tab(new_tab, axe_source, scheme=scheme)
    page = tab.page
    page.goto((html_build / "quiz-A.html").as_uri())
    assert run_axe(page) == []
    # Half right, half wrong: both kinds of feedback, marks and tags are on the page.
    for n, q in enumerate(load_key(html_build, "A")["questions"]):
        answer(page, q, right=n % 2 == 0)
    check(page)
    assert run_axe(page) == []
    assert tab.errors == []


def test_quiz_page_at_phone_width_has_no_violations(new_tab, axe_source, html_build):
    tab = axe_tab(new_tab, axe_source, scheme="dark", width=390)
    page = tab.page
    page.goto((html_build / "quiz-B.html").as_uri())
    check(page)
    assert run_axe(page) == []
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["teacher/key-A.html", "index.html", "teacher/index.html"])
def test_key_and_index_have_no_violations(new_tab, axe_source, html_build, scheme, name):
    tab = axe_tab(new_tab, axe_source, scheme=scheme)
    tab.page.goto((html_build / name).as_uri())
    assert run_axe(tab.page) == []


def test_bundled_bank_page_has_no_violations(new_tab, axe_source, bundled_html_build):
    tab = axe_tab(new_tab, axe_source, scheme="light")
    page = tab.page
    page.goto((bundled_html_build / "quiz-A.html").as_uri())
    check(page)
    assert run_axe(page) == []


def test_page_structure(tab, html_build):
    page = tab.page
    page.goto((html_build / "quiz-A.html").as_uri())
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").count() == 1
    for landmark in ("header", "main", "footer"):
        assert page.locator(f"body {landmark}").count() == 1
    questions = page.locator("[data-question-id]")
    assert questions.count() == len(load_key(html_build, "A")["questions"])
    for i in range(questions.count()):
        box = questions.nth(i)
        assert box.evaluate("b => b.tagName") == "FIELDSET"
        assert box.locator(":scope > legend").count() == 1
    # Every control has a <label> of its own (buttons have their own text).
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('input, select')]"
        ".filter(c => c.labels.length === 0).map(c => c.id)"
    )
    assert unlabelled == []
    # Choice questions: radios whose value is the choice text, each with a real label.
    for q in load_key(html_build, "A")["questions"]:
        if q["type"] in ("multiple_choice", "true_false"):
            radios = page.locator(f'[data-question-id="{q["id"]}"] input[type="radio"]')
            assert radios.evaluate_all("rs => rs.map(r => r.value)") == q["choices"]
        elif q["type"] in ("short_answer", "numeric"):
            assert page.locator(f'[data-question-id="{q["id"]}"] input').count() == 1
    assert page.locator('[data-action="check"]').count() == 1


def test_print_stylesheet_hides_the_controls(tab, html_build):
    page = tab.page
    page.goto((html_build / "quiz-A.html").as_uri())
    page.emulate_media(media="print")
    assert not page.locator('[data-action="check"]').is_visible()
    assert not page.locator("[data-move]").first.is_visible()
    assert page.locator("[data-question-id]").first.is_visible()


def test_axe_does_report_violations(new_tab, axe_source, tmp_path):
    """Guards the checks above: on a page with known faults axe reports them."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body>"
        '<p style="color:#ccc;background:#fff">faint</p><input type="text"></body></html>',
        encoding="utf-8",
    )
    tab = axe_tab(new_tab, axe_source, scheme="light")
    tab.page.goto(bad.as_uri())
    found = {v["id"] for v in run_axe(tab.page)}
    assert {"color-contrast", "label", "html-has-lang"} <= found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_test_mode_has_no_violations_before_during_and_after_submission(
    new_tab, axe_source, test_mode_build, never_build, scheme
):
    for out in (test_mode_build, never_build):
        tab = axe_tab(new_tab, axe_source, scheme=scheme)
        page = tab.page
        page.goto((out / "quiz-A.html").as_uri())
        assert run_axe(page) == []
        questions = load_key(out, "A")["questions"]
        for n, q in enumerate(questions[:-1]):
            answer(page, q, right=n % 2 == 0)
        check(page)  # the last question is unanswered: the confirmation opens
        assert page.locator("dialog[open]").count() == 1
        assert run_axe(page) == []
        page.locator('[data-action="submit"]').click()
        assert page.locator("[data-score]").get_attribute("data-total") == str(len(questions))
        assert run_axe(page) == []
        assert tab.errors == []


def test_practice_answers_shown_on_demand_have_no_violations(new_tab, axe_source, html_build):
    tab = axe_tab(new_tab, axe_source, scheme="light")
    page = tab.page
    page.goto((html_build / "quiz-A.html").as_uri())
    questions = load_key(html_build, "A")["questions"]
    answer(page, questions[0], right=True)
    page.locator('[data-action="check-one"]').first.click()
    for button in page.locator('[data-action="show-answer"]').all()[1:]:
        button.click()
    assert run_axe(page) == []
