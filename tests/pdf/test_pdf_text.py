"""Text and fonts: every character of the bank prints, markup prints literally, fonts are
embedded, Hangul falls back to a font that has it, and a character no font has is reported."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfread import ROOT, SMALL_BANK, fonts, needs_poppler, questions, squash, text
from reportlab.platypus import Paragraph
from support import built

from quizgen.render.pdf.flow import styles
from quizgen.render.pdf.fonts import fallback_fonts, markup
from quizgen.typography import nested

HAS_HANGUL_FONT = any(ord("한") in pair[0].cover for pair in fallback_fonts())


def bank_texts(q: dict) -> tuple[list[str], list[str]]:
    """(texts the student copy prints, texts only the key prints) of one question."""
    student = [q["prompt"], *q.get("choices", []), *q.get("items", [])]
    key = [q["explanation"], nested(q["source"]["quote"]), *q["accept"]]
    if q["type"] == "cloze":
        student += [s for s in q["segments"] if isinstance(s, str)]
        key += [b["answer"] for b in q["blanks"]]
    elif q["type"] == "numeric":
        student += [q["unit"]]
    elif isinstance(q["answer"], str):
        key.append(q["answer"])
    return student, key


@needs_poppler
@pytest.mark.parametrize("code", ["A", "B"])
def test_every_character_of_a_unicode_rich_bank_prints(unicode_build, code):
    student = text(unicode_build / f"quiz-{code}.pdf")
    key = text(built(unicode_build, f"key-{code}.pdf"))
    # The article's title loses “평화”: a question on the copy has it as its answer.
    header = ["Ünïcödé “quiz” — 한국 <b>&amp;</b>", "Seoul’s statement",
              "Yonhap & AFP <font>"]  # fmt: skip
    for expected in header:
        assert expected in student and expected in key, expected
    for q in questions(unicode_build, code):
        on_student, on_key = bank_texts(q)
        for expected in on_student:
            assert squash(expected) in student, (q["id"], expected)
        for expected in on_key:
            assert squash(expected) in key, (q["id"], expected)


@needs_poppler
def test_markup_characters_print_literally(unicode_build):
    student = text(unicode_build / "quiz-A.pdf")
    for literal in ("<b>not bold</b> & <i>not italic</i>", "<font name=‘Courier’>통일</font>",
                    "A & B &amp; C", "Fill in the blank <u>here</u>.", "The sign read <b>",
                    '</b> & <font color=“red”>open soon</font>.'):  # fmt: skip
        assert literal in student, literal
    key = text(built(unicode_build, "key-A.pdf"))
    assert "It was titled “평화” — peace; see <br/> the café." in key


@needs_poppler
@pytest.mark.skipif(not HAS_HANGUL_FONT, reason="no font with Hangul (Debian: fonts-nanum)")
def test_hangul_uses_the_fallback_font_and_everything_is_embedded(unicode_build):
    for name in ("quiz-A.pdf", "key-A.pdf"):
        rows = fonts(built(unicode_build, name))
        assert any("Nanum" in row["name"] for row in rows), rows
        assert all(row["emb"] == "yes" for row in rows), rows
        assert not any("Helvetica" in row["name"] for row in rows), rows


@needs_poppler
def test_latin_only_handouts_embed_no_hangul_font(small_pdf):
    assert not any("Nanum" in row["name"] for row in fonts(small_pdf / "quiz-A.pdf"))


MISSING = next((ch for ch in ("ༀ", "🕊", "\U000f0000") if markup(ch)[1]), None)


@pytest.mark.skipif(MISSING is None, reason="every candidate character has a font here")
def test_a_character_without_any_glyph_is_reported_once_with_its_question(tmp_path):
    article = f"The monks chanted {MISSING} at dawn.\n\nThey chanted twice.\n"
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(
        f"""\
id: glyphs
title: Glyphs
article: {{path: article.txt}}
questions:
  - id: chant
    type: short_answer
    prompt: "What did the monks chant ({MISSING})?"
    answer: "{MISSING}"
    explanation: "They chanted {MISSING}."
    source: "The monks chanted {MISSING} at dawn."
  - id: twice
    type: true_false
    prompt: "They chanted the {MISSING}{MISSING} twice."
    answer: true
    explanation: "They chanted twice."
    source: "They chanted twice."
""",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "build", str(tmp_path / "bank.yaml"), "--formats",
         "pdf", "--versions", "3", "--seed", "1", "--pack", "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    code = f"U+{ord(MISSING):04X}"
    assert result.stderr.count(code) == 1, result.stderr
    line = next(line for line in result.stderr.splitlines() if code in line)
    assert "warning" in line and "questions 'chant', 'twice'" in line, line
    assert (tmp_path / "out" / "quiz-C.pdf").exists()


@needs_poppler
def test_vera_is_used_when_dejavu_is_missing(tmp_path):
    script = f"""
import sys
from pathlib import Path
import quizgen.render.pdf.fonts as fonts
fonts._FONT_DIRS = ()
from quizgen.assemble import AssemblyOptions, assemble
from quizgen.bank import load_bank
from quizgen.render import RenderOptions, render
from quizgen.typography import nested
quiz = assemble(load_bank({str(SMALL_BANK)!r}), 1, AssemblyOptions())
for f in render("pdf", quiz, RenderOptions()):
    Path({str(tmp_path)!r}, f.path).write_bytes(f.data)
print(fonts.main_fonts()[0].path)
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("Vera.ttf")
    rows = fonts(tmp_path / "key-A.pdf")
    assert rows and all("Vera" in r["name"] or "Nanum" in r["name"] for r in rows), rows
    assert all(r["emb"] == "yes" for r in rows), rows
    assert "How did the council vote?" in text(tmp_path / "quiz-A.pdf")


def test_markup_escapes_and_marks_fallback_runs():
    assert markup("<b>&</b> x")[0] == "&lt;b&gt;&amp;&lt;/b&gt; x"
    if HAS_HANGUL_FONT:
        assert markup("café 한국 ok")[0] == 'café <font name="QGHangul">한국</font> ok'


PLAIN = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn"))
    | st.sampled_from(list("<>&;'\"/=#평화한국전쟁 —“”’")),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_paragraph_text_is_exactly_the_bank_text(value):
    # Whatever the bank says (markup characters, entities, other scripts), the paragraph
    # reportlab builds holds exactly that text: nothing is parsed as markup, nothing dropped.
    p = Paragraph(markup(value)[0], styles()["prompt"])
    assert squash("".join(f.text for f in p.frags)) == squash(value)
