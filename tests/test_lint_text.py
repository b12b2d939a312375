"""Lint on how questions read: estimates with too small a tolerance, quotation marks, cloze
sentences; and the curly quotation marks every output prints."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizgen.lint_text import cloze_sentence, estimate_tolerance, unbalanced
from quizgen.model import Blank, Cloze, Numeric, Question
from quizgen.typography import curly, quoted


def numeric(prompt: str, answer: str, tolerance: str) -> Question:
    body = Numeric(Decimal(answer), Decimal(tolerance))
    return Question("n", "numeric", prompt, body, "E.", "S.")


@pytest.mark.parametrize("word", ["Roughly", "about", "approximately", "around"])
def test_an_estimate_with_a_tolerance_under_three_percent_is_warned(word):
    question = numeric(f"{word} how many people died in total?", "694000", "6000")
    assert estimate_tolerance(question) == [
        f"the prompt says '{word.lower()}' but the tolerance is 6000, under 3% of the answer "
        "(at least 20820)"
    ]


def test_an_estimate_with_room_or_an_exact_prompt_is_not_warned():
    assert estimate_tolerance(numeric("Roughly how many?", "694000", "25000")) == []
    assert estimate_tolerance(numeric("How many exactly?", "694000", "0")) == []
    assert estimate_tolerance(numeric("Throughout the war, how many?", "694000", "0")) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('those who laid down their lives" South', "an odd number of '\"'"),
        ("a closing” first", "a closing '”' with no opening '“'"),
        ("an “opening never closed", "an opening '“' that is never closed"),
        ("“fine” and “fine”, Seoul's ministers' statement", None),
        ('"straight" pairs', None),
    ],
)
def test_unbalanced_quotation_marks(text, problem):
    assert unbalanced(text) == problem


def cloze(*segments) -> Question:
    return Question("c", "cloze", "Fill in the blank.", Cloze(segments), "E.", "S.")


def test_a_cloze_text_must_read_as_a_sentence():
    fragment = cloze("the alliance was born of ", Blank("necessity"))
    assert cloze_sentence(fragment) == [
        "text: the cloze text does not start with a capital letter; write a whole sentence the "
        "student can read"
    ]
    trailing = cloze("Kim on ", Blank("Wednesday"), " suspended plans")
    assert cloze_sentence(trailing) == [
        "text: the cloze text does not end a sentence; write a whole sentence the student can read"
    ]
    assert cloze_sentence(cloze("“A ceasefire is not ", Blank("peace"), ",” it said.")) == []
    # The sentence is read with its answers in place.
    assert cloze_sentence(cloze(Blank("Kim"), " spoke.")) == []


def test_curly_quotes_and_apostrophes():
    assert (
        curly('"It is our misfortune," a veteran said') == "“It is our misfortune,” a veteran said"
    )
    assert curly("Seoul's defence ministers' statement") == "Seoul’s defence ministers’ statement"
    assert curly("'single' (\"x\")") == "‘single’ (“x”)"
    assert curly("no quotes") == "no quotes"
    # a mark between punctuation and a word: open, unless a quotation is open
    assert curly('He said:"Go." Then,"Click" it.') == "He said:“Go.” Then,“Click” it."
    assert curly('"Hello,"she said.') == "“Hello,”she said."
    assert curly('=HYPERLINK("http://x/?"&A1,"Click")') == "=HYPERLINK(“http://x/?”&A1,“Click”)"


def test_a_quoted_source_is_not_wrapped_in_a_second_pair():
    assert quoted('"There is no free ride," the editorial read') == (
        "“‘There is no free ride,’ the editorial read”"
    )
