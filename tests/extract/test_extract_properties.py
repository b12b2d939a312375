"""Any text: extraction never fails, and what it drafts always validates and is repeatable."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizgen.extract import extract
from quizgen.extract.writer import validated
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
    "Ünïcödé ✓ ",
    "日本語 ",
    "\t",
    "  ",
]


@st.composite
def articles(draw) -> str:
    fragment = st.sampled_from(FRAGMENTS)
    parts = draw(st.lists(fragment | fragment | st.text(max_size=8), min_size=3, max_size=40))
    return "".join(parts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles(), date=st.sampled_from([None, "2020-06-25"]))
def test_any_text_drafts_a_valid_bank(text, date):
    assume("\x00" not in text)  # the command refuses such a file before extracting
    draft = extract(text, date)
    assert draft == extract(text, date)
    if not draft.questions or not text.strip():
        return
    article_text = normalize_space(text)
    for q in draft.questions:
        assert q["source"] in article_text
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(text, encoding="utf-8", newline="")
        data, dropped = validated(draft.to_data("article.txt"), article)
        assert dropped == [], dropped
