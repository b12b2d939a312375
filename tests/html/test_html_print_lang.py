"""The printed quiz page is as compact as the PDF handout; text in another script carries
its own ``lang`` (Hangul marked ``ko``), in the page and in what the page reveals."""

from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader
from quizpage import build_html, check, load_key
from support import BUNDLED_BANK, SMALL_BANK

from quizgen.render.html_lang import mark_page


@pytest.mark.parametrize(
    ("bank", "questions"), [(SMALL_BANK, "7"), (BUNDLED_BANK, "25")], ids=["small", "bundled"]
)
def test_printed_page_takes_no_more_paper_than_the_pdf(tab, tmp_path, bank, questions):
    out = build_html(
        bank, tmp_path, "--formats", "pdf,html", "--questions", questions, "--seed", "4"
    )
    tab.page.goto((out / "quiz-A.html").as_uri())
    printed = PdfReader(io.BytesIO(tab.page.pdf(format="A4", prefer_css_page_size=True)))
    handout = PdfReader(out / "quiz-A.pdf")
    assert len(printed.pages) <= len(handout.pages)
    text = "".join(p.extract_text() for p in printed.pages)
    assert "Check answers" not in text and "Show answer" not in text
    assert "Version A" in text


@pytest.fixture(scope="module")
def hangul_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hangul")
    shutil.copy(SMALL_BANK.parent / "article.txt", folder / "article.txt")
    text = SMALL_BANK.read_text(encoding="utf-8")
    text = text.replace('title: "Small town library"', 'title: "Small town library 도서관"')
    text = text.replace('"How did the council vote?"', '"How did the 시의회 (council) vote?"')
    text = text.replace('["6 to 3", "5 to 4", "9 to 0"]', '["6 대 3", "5 to 4", "9 to 0"]')
    text = text.replace('"The council voted 7 to 2 for the library."',
                        '"The council voted 7 to 2 for the 도서관 (library)."')  # fmt: skip
    (folder / "bank.yaml").write_text(text, encoding="utf-8")
    return build_html(folder / "bank.yaml", folder / "out", "--seed", "3")


def test_page_language_and_hangul_runs(tab, hangul_build):
    page = tab.page
    page.goto((hangul_build / "quiz-A.html").as_uri())
    assert page.get_attribute("html", "lang") == "en"
    spans = page.locator('span[lang="ko"]').all_text_contents()
    assert {"도서관", "시의회", "대"} <= set(spans)
    # Values stay exact: the choice is still graded by its text.
    assert page.locator('input[type="radio"][value="6 대 3"]').count() == 1
    assert page.evaluate("document.title") == "Small town library 도서관 — Version A"
    q = next(q for q in load_key(hangul_build, "A")["questions"] if q["id"] == "vote-count")
    page.locator(f'[data-question-id="{q["id"]}"] input[type="radio"]').first.check()
    check(page)
    feedback = page.locator(f'[data-question-id="{q["id"]}"] [data-feedback]')
    assert feedback.locator('span[lang="ko"]').all_text_contents() == ["도서관"]
    assert tab.errors == []


def test_marking_never_touches_attributes_or_raw_text():
    html = (
        '<html lang="en"><title>한국</title><p title="한국">한국 전쟁, 70년</p>'
        '<option value="한">한</option><script type="application/json">{"a":"한"}</script>'
        "<p>こんにちは and ภาษาไทย</p></html>"
    )
    assert mark_page(html, "en") == (
        '<html lang="en"><title>한국</title><p title="한국"><span lang="ko">한국 전쟁</span>, 70'
        '<span lang="ko">년</span></p><option value="한">한</option>'
        '<script type="application/json">{"a":"한"}</script>'
        '<p><span lang="ja">こんにちは</span> and <span lang="th">ภาษาไทย</span></p></html>'
    )
    assert mark_page("<p>한국</p>", "ko-KR") == "<p>한국</p>"
