"""Operators made once per quiz (the ink module) write exactly what drawing each time writes."""

from __future__ import annotations

import re

import pytest
from pdfread import SMALL_BANK

from quizgen.assemble import AssemblyOptions, assemble
from quizgen.bank import load_bank
from quizgen.render import RenderOptions
from quizgen.render import pdf as pdf_renderer
from quizgen.render.pdf.flow import wrapped
from quizgen.render.pdf.fonts import SANS, main_fonts, markup
from quizgen.render.pdf.ink import Ink, plan


def every_pdf(quiz, options) -> dict[str, bytes]:
    return {f.path: f.data for f in pdf_renderer.render(quiz, options)}


@pytest.mark.parametrize("bank_name", ["small", "unicode"])
def test_made_once_or_drawn_each_time_the_bytes_are_the_same(bank_name, unicode_bank, monkeypatch):
    bank = load_bank(SMALL_BANK if bank_name == "small" else unicode_bank)
    quiz = assemble(bank, 3, AssemblyOptions(versions=3))
    options = RenderOptions(pack=True, duplex=True)
    cached = every_pdf(quiz, options)
    # Drawn each time by reportlab's own canvas and paragraph code, nothing reused.
    monkeypatch.setattr(Ink, "paragraph", lambda self, p: None)
    monkeypatch.setattr(Ink, "text", lambda self, font, size, s: None)
    drawn = every_pdf(quiz, options)
    assert list(cached) == list(drawn)
    for name in cached:
        assert cached[name] == drawn[name], name


def test_a_character_the_quiz_does_not_have_is_drawn_the_ordinary_way():
    main_fonts()
    ink = Ink(plan("é"))
    assert ink.paragraph(wrapped(markup("café", SANS)[0], "prompt", 200)) is not None
    assert ink.paragraph(wrapped(markup("naïve", SANS)[0], "prompt", 200)) is None
    assert ink.text(SANS, 10, "naïve") is None
    # The scratch canvas is fresh again: text of the quiz is still made once.
    again = ink.paragraph(wrapped(markup("café au lait", SANS)[0], "prompt", 200))
    assert again is not None and ink.text(SANS, 10, "café") is not None


def test_every_copy_of_a_quiz_embeds_the_same_font_subsets(unicode_bank):
    # Characters are numbered alike in every copy, so every copy embeds the same subset of
    # each face (built once). Copies with other questions would otherwise number them in an
    # order of their own, and each embed a subset of its own.
    options = AssemblyOptions(versions=4, questions=3, draw_per_version=True)
    quiz = assemble(load_bank(unicode_bank), 3, options)
    files = every_pdf(quiz, RenderOptions())
    for role in ("quiz-", "key-"):
        fonts = [font_files(data) for name, data in files.items() if name.startswith(role)]
        assert len(fonts) == 4 and len(fonts[0]) >= 2
        assert all(f == fonts[0] for f in fonts), role


def font_files(data: bytes) -> set[bytes]:
    """The embedded font programs of a PDF (streams with a /Length1), as stored."""
    return set(re.findall(rb"/Length1 \d+[^>]*>>\s*stream\r?\n(.*?)endstream", data, re.S))
