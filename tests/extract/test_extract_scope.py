"""``Scope``: every pattern the rules search over the whole article finds, sentence by
sentence, exactly what a search of each sentence alone finds, and the quick triggers never
skip a sentence that holds a match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.extract.clean import SpanIndex, segment
from quizgen.extract.dates import _PATTERNS, _TRIGGERS, find_dates
from quizgen.extract.facts import Sentence
from quizgen.extract.figures import (
    _FIGURE_TRIGGER,
    _ORDINAL_TRIGGER,
    _ORDINAL_WORD_RE,
    FIGURE_RE,
    find_figures,
)
from quizgen.extract.names import _CAPITAL, CHAIN_RE, find_names
from quizgen.extract.scope import _CASE_VARIANTS, Scope, keywords
from quizgen.extract.times import _TRIGGER as _TIME_TRIGGER
from quizgen.extract.times import TIME_RE, find_times

ROOT = Path(__file__).resolve().parents[2]
SEARCHED = [(f"date {name}", p, _TRIGGERS[name]) for name, p in _PATTERNS] + [
    ("time", TIME_RE, _TIME_TRIGGER),
    ("figure", FIGURE_RE, _FIGURE_TRIGGER),
    ("ordinal word", _ORDINAL_WORD_RE, _ORDINAL_TRIGGER),
    ("name chain", CHAIN_RE, _CAPITAL),
]
"""Every (name, pattern, trigger) the rules search with ``Scope.finditer``."""

TOKENS = [
    *"June 25, 1950|May|3 May|1953|1950-53|the 1990s|between 1950 and 1953|0900 GMT".split("|"),
    *"\" “ ” ‘ ’ ' . ! ? … , ; : ( ) - – — $ € % _".split(),
    *["\n", "\n\n", " ", "  ", "\t", ". ", "\u00a0"],
    *"said told Mr. Dr. Gen. U.S. A. B. Kim Seoul The He She at by in of the a an".split(),
    *"AFP / STAFF|Photo: Jane Doe|By John Smith|(AP)|SEOUL —|President Moon Jae-in".split("|"),
    *"10 a.m.|9pm|10:30|noon|MIDNIGHT|half past nine|Quarter to ten|twelve o’clock".split("|"),
    *"three|twenty-five|70th|the seventh|SEVENTH|$5 million|40%|about 1,200|a dozen".split("|"),
    *"last week|three years later|two weeks ago|on Thursday|MONDAY|yesterday|TOMORROW".split("|"),
    *"the following year|the next day|in June|M26|US$5|2.5|v.2|often|someone".split("|"),
    *"2020-06-25|1950 to 1953|1950–53|1950/51|1950 - 1953|the 1950s|1990s|Between".split("|"),
    *"at 9 in the morning|3 p. m.|0600 hours|by 10 at night|9 P.M.|1500 UTC|at 8 tonight".split(
        "|"
    ),
    # what matches a letter when case is ignored, and digits of other scripts
    *_CASE_VARIANTS,
    *"ſix|fiſteen|tonıght|weeK|İn|٣|３|x\x01y".split("|"),
]


def _per_sentence(text, sentences, pattern):
    return [
        (s.index, m.span(), m.groups())
        for s in sentences
        for m in pattern.finditer(text, s.start, s.end)
    ]


def _scoped(scope, pattern, trigger):
    return [(s.index, m.span(), m.groups()) for s, m in scope.finditer(pattern, trigger)]


def _check(text: str) -> None:
    sentences = segment(text).sentences
    scope = Scope(text, sentences)
    for name, pattern, trigger in SEARCHED:
        want = _per_sentence(text, sentences, pattern)
        assert _scoped(scope, pattern, trigger) == want, (name, text)
        assert _scoped(scope, pattern, None) == want, (name, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=80), st.randoms(use_true_random=False))
def test_the_whole_article_searched_at_once_finds_what_each_sentence_finds(tokens, rnd):
    _check("".join(t + (" " if rnd.random() < 0.5 else "") for t in tokens))


def test_the_articles_searched_at_once_find_what_each_sentence_finds():
    articles = sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))
    articles.append(ROOT / "banks" / "korean_war_70th_anniversary.txt")
    assert len(articles) >= 3
    for path in articles:
        _check(path.read_text(encoding="utf-8"))


def test_a_match_across_two_sentences_sends_them_to_a_search_alone():
    # "[^!]*" runs over the NULs between the two sentences: both are searched alone.
    text = "Alpha beta.  Gamma delta."
    sentences = segment(text).sentences
    assert len(sentences) == 2
    across = re.compile(r"a[^!]*")
    scope = Scope(text, sentences)
    assert "\x00" in across.search(scope.masked).group()
    want = _per_sentence(text, sentences, across)
    assert [k for k, _, _ in want] == [0, 1]
    assert _scoped(scope, across, None) == want


def test_sentences_not_separated_by_a_space_are_searched_alone():
    text = "one.two"
    sentences = [Sentence(0, "one.", 0, 4, 0), Sentence(1, "two", 4, 7, 0)]
    # a lookbehind sees the "." before "two" in the text, a NUL in the searched text
    pattern = re.compile(r"(?<=\.)two")
    assert _scoped(Scope(text, sentences), pattern, None) == [(1, (4, 7), ())]


def test_text_holding_nul_is_searched_sentence_by_sentence():
    text = "A\x00 B"
    sentences = [Sentence(0, "A", 0, 1, 0), Sentence(1, "B", 3, 4, 0)]
    scope = Scope(text, sentences)
    assert scope.masked is None
    assert _scoped(scope, re.compile("[AB]"), None) == [(0, (0, 1), ()), (1, (3, 4), ())]


@pytest.mark.parametrize("word", ["ago", "skip", "island", "kelvin", "DAY"])
def test_a_keyword_trigger_finds_the_word_in_every_case_the_engine_matches(word):
    trigger = keywords(word)
    ignore = re.compile(re.escape(word), re.IGNORECASE)
    # every way of writing the word's first letter that matches it when case is ignored
    firsts = [chr(c) for c in range(0x250) if ignore.fullmatch(chr(c) + word[1:])]
    firsts += [c for c in _CASE_VARIANTS if ignore.fullmatch(c + word[1:])]
    for first in firsts:
        assert trigger.search("x " + first + word[1:].upper() + " y"), first
    assert not trigger.search("nothing here 123")
    assert keywords(word, digits=True).search("nothing here 123")


def test_the_case_variants_listed_are_all_there_are():
    letters = "".join(chr(c) for c in range(ord("a"), ord("z") + 1))
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    found = set(re.findall(f"[{letters}]", everything, re.IGNORECASE))
    extras = {c for c in found if not c.isascii()}
    assert extras == set(_CASE_VARIANTS)


@st.composite
def _spans(draw) -> list[tuple[int, int]]:
    """Sorted spans that do not overlap (they may touch), shuffled."""
    spans, pos = [], 0
    for _ in range(draw(st.integers(0, 6))):
        start = pos + draw(st.integers(0, 3))
        end = start + draw(st.integers(1, 4))
        spans.append((start, end))
        pos = end + draw(st.integers(0, 2))
    return draw(st.permutations(spans))


@settings(max_examples=300, deadline=None)
@given(_spans())
def test_span_lookups_by_one_bisection_agree_with_the_spans(spans):
    index = SpanIndex(spans)
    for lo in range(-1, 30):
        assert index.holds(lo) == any(s < lo <= e for s, e in spans)
        assert index.covers(lo) == any(s < lo < e for s, e in spans)
        for hi in range(lo + 1, lo + 5):
            assert index.overlaps(lo, hi) == any(s < hi and e > lo for s, e in spans)
            assert index.overlaps(lo, hi) == bool(index.within(lo, hi))


def _plain(scope: Scope) -> Scope:
    """The same scope searched sentence by sentence, with no trigger or hidden span."""
    scope.masked = scope._trigger_text = None
    return scope


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=80), st.randoms(use_true_random=False))
def test_the_rules_find_the_same_facts_as_a_search_of_each_sentence(tokens, rnd):
    text = "".join(t + (" " if rnd.random() < 0.5 else "") for t in tokens)
    sentences = segment(text).sentences
    found = []
    for scope in (Scope(text, sentences), _plain(Scope(text, sentences))):
        times = find_times(scope)
        dates = find_dates(scope, [], times=times)
        figures = find_figures(scope, [(d.start, d.end) for d in dates] + times)
        names = find_names(scope)
        found.append((times, dates, figures, names.people, names.places, names.mentions))
    assert found[0] == found[1]
