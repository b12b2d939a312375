"""Layout: a question never splits across pages; the bundled bank builds into clean handouts."""

from __future__ import annotations

import re

import pytest
from pdfread import BUNDLED_BANK, build, page_texts, questions, squash
from support import built

from quizgen.render.pdf.flow import Block
from quizgen.typography import nested


def shown_texts(q: dict) -> list[str]:
    texts = [f"{q['number']}. {q['prompt']}", *q.get("choices", []), *q.get("items", [])]
    if q["type"] == "cloze":
        texts += [s for s in q["segments"] if isinstance(s, str) and s.strip()]
    return [squash(t) for t in texts]


def assert_questions_whole(pdf, version_questions, *, key: bool = False) -> None:
    pages = page_texts(pdf)
    for q in version_questions:
        texts = shown_texts(q)[:1] if key else shown_texts(q)
        if key:
            texts += [squash(q["explanation"]), squash(nested(q["source"]["quote"]))]
        homes = [n for n, page in enumerate(pages) if texts[0] in page]
        assert homes, f"{pdf.name}: question {q['number']} not found"
        page = pages[homes[0]]
        for t in texts:
            assert t in page, f"{pdf.name}: question {q['number']} split across pages at {t!r}"


@pytest.mark.parametrize("code", ["A", "B", "C"])
def test_small_bank_questions_never_split(small_pdf, code):
    qs = questions(small_pdf, code)
    assert_questions_whole(small_pdf / f"quiz-{code}.pdf", qs)
    assert_questions_whole(built(small_pdf, f"key-{code}.pdf"), qs, key=True)


@pytest.fixture(scope="module")
def bundled(request):
    if not BUNDLED_BANK.exists():
        pytest.skip("the bundled bank is not there yet")
    return request.getfixturevalue("bundled_build")


@pytest.mark.parametrize("code", ["A", "B", "C"])
def test_bundled_bank_handouts(bundled, code):
    qs = questions(bundled, code)
    student, key = bundled / f"quiz-{code}.pdf", built(bundled, f"key-{code}.pdf")
    assert_questions_whole(student, qs)
    assert_questions_whole(key, qs, key=True)
    for pdf in (student, key):
        pages = page_texts(pdf)
        assert len(pages) > 1
        for n, page in enumerate(pages, start=1):
            assert f"Version {code}" in page and f"Page {n} of {len(pages)}" in page


def test_bundled_bank_pack_and_keys_have_every_version(bundled):
    pages = page_texts(bundled / "class-pack.pdf")
    keys = page_texts(built(bundled, "keys.pdf"))
    for code in ("A", "B", "C"):
        count = len(page_texts(bundled / f"quiz-{code}.pdf"))
        sheet = bundled / f"sheet-{code}.pdf"  # each copy is followed by its answer sheet
        count += len(page_texts(sheet)) if sheet.exists() else 0
        assert sum(f"Version {code}" in p for p in pages) == count
        count = len(page_texts(built(bundled, f"key-{code}.pdf")))
        assert sum(f"Version {code}" in p for p in keys) == count
    assert all("Version " in p for p in pages + keys)


LONG_PROMPT = " ".join(f"Clause {n} of a very long question." for n in range(1, 400)) + " How many?"


def test_a_question_taller_than_a_page_still_builds(tmp_path):
    items = [f"Event number {n} of the long day" for n in range(1, 61)]
    article = "A long day with sixty events in a row.\n"
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    lines = "\n".join(f'      - "{i}"' for i in items)
    (tmp_path / "bank.yaml").write_text(
        f"""\
id: long
title: Long
article: {{path: article.txt}}
questions:
  - id: sixty
    type: ordering
    prompt: "Put the events in order."
    items:
{lines}
    explanation: "They happened in this order."
    source: "A long day with sixty events in a row."
  - id: wordy
    type: short_answer
    prompt: "{LONG_PROMPT}"
    answer: "plenty"
    explanation: "There were sixty."
    source: "A long day with sixty events in a row."
""",
        encoding="utf-8",
    )
    build(tmp_path / "bank.yaml", tmp_path / "out", "--seed", "1")
    pages = page_texts(tmp_path / "out" / "quiz-A.pdf")
    assert len(pages) >= 2
    everything = " ".join(pages)
    for item in items:
        assert item in everything
    # One paragraph longer than a page, split across pages: no clause lost.
    assert {int(n) for n in re.findall(r"Clause (\d+) of", everything)} == set(range(1, 400))


def test_block_splits_only_when_taller_than_a_page():
    block = Block(100)
    for row in range(10):
        block.line(0, 100, row * 50 + 40)
        block.grow(row * 50 + 50)
    block.max_height = 1000
    assert block.split(100, 120) == []
    block.max_height = 300
    first, rest = block.split(100, 120)
    assert first.height == 100 and rest.height == 400
    assert [op[1] for op in rest.ops] == [b - 100 for b in range(140, 500, 50)]


def test_a_section_continued_on_a_new_page_repeats_its_heading(tmp_path):
    article = "The town has forty statements, each one true.\n"
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    questions_yaml = "".join(
        f"""\
  - id: tf-{n}
    type: true_false
    prompt: "Statement number {n} of the town is one that the article makes."
    answer: true
    explanation: "The article says so."
    source: "The town has forty statements, each one true."
"""
        for n in range(1, 41)
    )
    (tmp_path / "bank.yaml").write_text(
        f"id: forty\ntitle: Forty\narticle: {{path: article.txt}}\nquestions:\n{questions_yaml}",
        encoding="utf-8",
    )
    build(tmp_path / "bank.yaml", tmp_path / "out", "--seed", "1", "--questions", "40")
    pages = page_texts(tmp_path / "out" / "quiz-A.pdf")
    assert len(pages) >= 2
    assert "True or false (continued)" not in pages[0]
    for page in pages[1:]:
        assert page.startswith("True or false (continued)"), page[:80]
    key_pages = page_texts(built(tmp_path / "out", "key-A.pdf"))
    assert any(p.startswith("True or false (continued)") for p in key_pages[1:])
