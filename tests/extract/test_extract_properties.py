"""Any text: extraction never fails, and what it drafts always passes `quizgen validate
--strict` (loader and lint) and is repeatable."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from quizgen.bank import load_bank
from quizgen.extract import extract
from quizgen.extract.writer import dump, validated
from quizgen.lint import lint
from quizgen.text import normalize_space

FRAGMENTS = [
    "On June 25, 1950, ",
    "in 2018",
    " last week",
    " 70 years ago",
    " three years later",
    "more than 10 stories",
    "about 1,200 affiliate stations",
    " 7.2 million",
    "three summits",
    '"We will win this war," ',
    "“Curly words here,” ",
    "it said. ",
    "he said. ",
    " said Mayor Ana Souza",
    "The Daily Planet newspaper",
    " the statement read. ",
    "North Korean leader Kim Jong Un",
    " in Seoul",
    " near the Demilitarized Zone",
    "AFP / STAFF",
    "By Jane Doe",
    "SEOUL (AFP) - ",
    "{{",
    "}}",
    "|",
    "#",
    ": ",
    "- ",
    "\n",
    "\n\n",
    ". ",
    ", ",
    '"',
    "'",
    "’",
    "—",
    "1950-53",
    "M-26",
    "24th",
    "10:30",
    "at 10 a.m. ",
    " 9 p.m.",
    " until 9pm",
    " at noon",
    " midnight",
    "6.30pm",
    "By Jane Doe, Riverside Gazette, 3 March 2024\n\n",
    "Jane Doe, Reuters\n",
    "SEOUL, June 25 (AFP) - ",
    "farmer Lina Moreno",
    "Mayor Ana Souza",
    "US Private First Class Edward Wilson",
    " said Prime Minister Lena Park and President Omar Haddad in a joint statement. ",
    "three bridges",
    " 3 U.S. soldiers",
    "Ünïcödé ✓ ",
    "日本語 ",
    "\t",
    "  ",
]


def cut_mid_token(text: str, end: int) -> bool:
    """True when ``text[:end]`` stops inside a token (the ``p`` of ``9 p.m.``)."""
    after = text[end : end + 2]
    return bool(after) and (after[0].isalnum() or (after[0] == "." and after[1:].isalnum()))


@st.composite
def articles(draw) -> str:
    fragment = st.sampled_from(FRAGMENTS)
    parts = draw(st.lists(fragment | fragment | st.text(max_size=8), min_size=3, max_size=40))
    return "".join(parts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles(), date=st.sampled_from([None, "2020-06-25"]))
@example(text=" three years later\n", date=None)  # a blank opening a sentence in lower case
def test_any_text_drafts_a_valid_bank(text, date):
    assume("\x00" not in text)  # the command refuses such a file before extracting
    draft = extract(text, date)
    assert draft == extract(text, date)
    if not draft.questions or not text.strip():
        return
    article_text = normalize_space(text)
    for q in draft.questions:
        assert q["source"] in article_text
    for f in draft.facts.figures:
        assert not cut_mid_token(text, f.end), (f.text, text[f.end : f.end + 3])
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(text, encoding="utf-8", newline="")
        checked = validated(draft.to_data("article.txt"), article, draft.alternatives)
        assert checked.invalid == [], checked.invalid
        bank_path = Path(tmp) / "bank.yaml"
        bank_path.write_text(dump(checked.data, "article.txt"), encoding="utf-8")
        assert lint(load_bank(bank_path)) == []  # passes quizgen validate --strict
