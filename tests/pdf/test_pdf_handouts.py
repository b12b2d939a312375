"""Student copies and answer keys, read back: what they show, what they hide, and how."""

from __future__ import annotations

import re

import pytest
from pdfread import (
    SMALL_BANK,
    build,
    fonts,
    manifest,
    needs_poppler,
    page_texts,
    questions,
    squash,
    text,
)
from pypdf import PdfReader
from support import built

from quizgen.sections import SECTION_NAMES

CODES = ("A", "B", "C")


def visible_texts(q: dict) -> list[str]:
    """What a student copy may print of a question."""
    shown = [q["prompt"], *q.get("choices", []), *q.get("items", [])]
    if q["type"] == "cloze":
        shown += [s for s in q["segments"] if isinstance(s, str)]
    if q["type"] == "numeric" and q["unit"]:
        shown.append(q["unit"])
    return shown


def hidden_answers(q: dict, shown: str) -> list[str]:
    """Answers a student copy must not print (those it does not show for another reason)."""
    if q["type"] in ("short_answer", "numeric"):
        answers = [q["answer"], *q["accept"]]
    elif q["type"] == "cloze":
        answers = [a for b in q["blanks"] for a in (b["answer"], *b["accept"])]
    else:
        return []
    return [a for a in answers if a not in shown]


def test_manifest_lists_student_copies_keys_and_pack(small_pdf):
    pdfs = [f for f in manifest(small_pdf)["files"] if f["format"] == "pdf"]
    expected = []
    for code in CODES:
        expected += [
            {"path": f"quiz-{code}.pdf", "format": "pdf", "role": "student", "version": code},
            {"path": f"teacher/key-{code}.pdf", "format": "pdf", "role": "key", "version": code},
            {
                "path": f"teacher/teacher-{code}.pdf",
                "format": "pdf",
                "role": "key",
                "version": code,
            },
        ]
    assert [{k: f.get(k) for k in ("path", "format", "role", "version")} for f in pdfs] == [
        *expected,
        {"path": "class-pack.pdf", "format": "pdf", "role": "pack", "version": None},
        {"path": "teacher/keys.pdf", "format": "pdf", "role": "key", "version": None},
    ]


@needs_poppler
@pytest.mark.parametrize("code", CODES)
def test_student_copy_has_every_prompt_in_order(small_pdf, code):
    body = text(small_pdf / f"quiz-{code}.pdf")
    position = 0
    for q in questions(small_pdf, code):
        found = body.find(f"{q['number']}. {squash(q['prompt'])}", position)
        assert found >= 0, f"question {q['number']} ({q['id']}) missing or out of order"
        position = found
        for shown in visible_texts(q)[1:]:
            assert squash(shown) in body, (q["id"], shown)


@needs_poppler
@pytest.mark.parametrize("code", CODES)
def test_student_copy_shows_no_answer_explanation_or_source(small_pdf, code):
    body = text(small_pdf / f"quiz-{code}.pdf")
    version = questions(small_pdf, code)
    shown = " ".join(t for q in version for t in visible_texts(q))
    checked = 0
    for q in version:
        assert squash(q["explanation"]) not in body, q["id"]
        assert squash(q["source"]["quote"]) not in body, q["id"]
        for answer in hidden_answers(q, shown):
            checked += 1
            assert answer not in body, (q["id"], answer)
    assert checked >= 4  # the check can fail: it looks for real answers
    for label in ("Answer:", "Why:", "Source:", "ANSWER KEY"):
        assert label not in body


@needs_poppler
@pytest.mark.parametrize("code", CODES)
def test_key_has_every_answer_explanation_and_source(small_pdf, code):
    body = text(built(small_pdf, f"key-{code}.pdf"))
    position = 0
    for q in questions(small_pdf, code):
        found = body.find(f"{q['number']}. {squash(q['prompt'])}", position)
        assert found >= 0, f"key: question {q['number']} ({q['id']}) missing or out of order"
        position = found
        answers = q["answer"] if isinstance(q["answer"], list) else [q["answer"]]
        if q["type"] == "cloze":
            answers = [b["answer"] for b in q["blanks"]]
        for answer in answers:
            assert squash(answer) in body, (q["id"], answer)
        for accepted in q["accept"]:
            assert squash(accepted) in body, (q["id"], accepted)
        assert squash(q["explanation"]) in body, q["id"]
        assert squash(q["source"]["quote"]) in body, q["id"]


@needs_poppler
@pytest.mark.parametrize("code", CODES)
def test_key_grid_gives_the_letter_of_every_choice_question(small_pdf, code):
    first_page = page_texts(built(small_pdf, f"key-{code}.pdf"))[0]
    grid = first_page[first_page.index("Marking grid") :]
    for q in questions(small_pdf, code):
        if q["type"] == "multiple_choice":
            expected = "ABCDEFGH"[q["choices"].index(q["answer"])]
            assert re.search(rf"(?<!\d){q['number']} {expected}\b", grid), (q["id"], expected)
        elif q["type"] == "true_false":
            expected = "AB"[q["choices"].index(q["answer"])]
            assert re.search(rf"(?<!\d){q['number']} {expected} {q['answer']}\b", grid), q["id"]


@pytest.mark.parametrize(
    "name", [f"{r}-{c}.pdf" for r in ("quiz", "key", "teacher") for c in CODES]
)
def test_version_code_and_page_count_on_every_page(small_pdf, name):
    code = name[-5]
    pages = page_texts(built(small_pdf, name))
    for n, page in enumerate(pages, start=1):
        assert f"Version {code}" in page, (name, n)
        assert f"Page {n} of {len(pages)}" in page, (name, n)


def test_student_header_has_title_article_fields_and_version(small_pdf):
    first = page_texts(small_pdf / "quiz-A.pdf")[0]
    for expected in ("Small town library", "“Council votes for a new library”",
                     "Town Gazette", "4 March 2025", "Name", "Class", "Date", "VERSION",
                     "Score / 7"):  # fmt: skip
        assert expected in first, expected
    for section in SECTION_NAMES.values():  # the small bank has every type
        assert section in " ".join(page_texts(small_pdf / "quiz-A.pdf")), section


@pytest.mark.parametrize(("out", "size"), [("small_pdf", (595.28, 841.89)),
                                           ("small_pdf_letter", (612, 792))])  # fmt: skip
def test_page_size(request, out, size):
    folder = request.getfixturevalue(out)
    for name in ("quiz-A.pdf", "key-B.pdf", "class-pack.pdf"):
        for page in PdfReader(built(folder, name)).pages:
            box = page.mediabox
            assert (round(float(box.width), 2), round(float(box.height), 2)) == size


def test_same_seed_gives_byte_identical_pdfs(small_pdf, tmp_path):
    build(SMALL_BANK, tmp_path, "--versions", "3", "--seed", "11", "--pack")
    names = sorted(str(p.relative_to(small_pdf)) for p in small_pdf.rglob("*.pdf"))
    assert names == sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.pdf"))
    assert "teacher/key-A.pdf" in names
    for name in names:
        assert (tmp_path / name).read_bytes() == (small_pdf / name).read_bytes(), name


def test_another_seed_gives_another_student_copy(small_pdf, tmp_path):
    build(SMALL_BANK, tmp_path, "--versions", "1", "--seed", "12")
    assert (tmp_path / "quiz-A.pdf").read_bytes() != (small_pdf / "quiz-A.pdf").read_bytes()


def test_metadata_is_fixed(small_pdf):
    meta = PdfReader(small_pdf / "quiz-A.pdf").metadata
    assert meta.title == "Small town library"
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20000101000000+00'00'"


@needs_poppler
@pytest.mark.parametrize("name", ["quiz-A.pdf", "key-A.pdf", "class-pack.pdf"])
def test_every_font_is_embedded_and_none_is_helvetica(small_pdf, name):
    rows = fonts(built(small_pdf, name))
    assert rows
    for row in rows:
        assert row["emb"] == "yes", row["line"]
        assert "Helvetica" not in row["name"], row["line"]
