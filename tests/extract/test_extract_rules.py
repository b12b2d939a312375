"""The rules one at a time: sentences, quotation marks, dates, figures, speakers, questions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import ROOT

from quizgen.extract import extract, extract_facts
from quizgen.extract.clean import quote_spans, segment
from quizgen.extract.questions import slugify
from quizgen.text import normalize_answer, normalize_space


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They spoke.", ["Mr. Smith met Dr. Jones.", "They spoke."]),
        ("The U.S. team won. It was 2.5 points.", ["The U.S. team won.", "It was 2.5 points."]),
        ('"One. Two," he said. Then he left.', ['"One. Two," he said.', "Then he left."]),
        ("They are in their 80s. Most live alone.", ["They are in their 80s.", "Most live alone."]),
        ("J. K. Rowling wrote it. Fans queued.", ["J. K. Rowling wrote it.", "Fans queued."]),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_hard_wrapped_lines_join_into_one_paragraph():
    text = "The council met on Monday and\nvoted to build a library.\n\nIt opens soon."
    doc = segment(text)
    assert len(doc.paragraphs) == 2
    assert normalize_space(doc.sentences[0].text) == (
        "The council met on Monday and voted to build a library."
    )


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "yes, of course" and left.', ["yes, of course"]),
        ("He said “yes, of course” and left.", ["yes, of course"]),
        ("The heroes’ cemetery and ‘a fine day’ it’s been.", ["a fine day"]),
        ('"Open at the end', ["Open at the end"]),
    ],
)
def test_quote_spans(text, quoted):
    assert [text[o + 1 : c] for o, c in quote_spans(text)] == quoted


def dates(text: str, today: str | None = "2020-06-25") -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in extract_facts(text, today).dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It began on June 25, 1950.", [("June 25, 1950", "1950-06-25")]),
        ("It began on 25 June 1950.", [("25 June 1950", "1950-06-25")]),
        ("It began on Sunday, 25 June 1950.", [("Sunday, 25 June 1950", "1950-06-25")]),
        ("It began on Sept. 3, 1939.", [("Sept. 3, 1939", "1939-09-03")]),
        ("It was signed 1953-07-27.", [("1953-07-27", "1953-07-27")]),
        ("A photo from June 1951.", [("June 1951", "1951-06")]),
        ("The 1950-53 war.", [("1950-53", "1950/1953")]),
        ("The 1998–2002 boom.", [("1998–2002", "1998/2002")]),
        ("Held from 2001 to 2004.", [("2001 to 2004", "2001/2004")]),
        ("Talks in 2018 failed.", [("2018", "2018")]),
        ("He hired 1500 workers.", []),
        ("It cost $2020 dollars.", []),
        ("They met on Thursday.", [("Thursday", "2020-06-25")]),
        ("They met last Thursday.", [("last Thursday", "2020-06-18")]),
        ("They will meet on Friday.", [("Friday", "2020-06-26")]),
        ("They met on Wednesday.", [("Wednesday", "2020-06-24")]),
        ("It rained yesterday.", [("yesterday", "2020-06-24")]),
        ("It happened last week.", [("last week", "2020-W25")]),
        ("It happened last month.", [("last month", "2020-05")]),
        ("It happened last year.", [("last year", "2019")]),
        ("It opened 70 years ago.", [("70 years ago", "1950")]),
        ("It opened two weeks ago.", [("two weeks ago", "2020-06-11")]),
        (
            "War began in 1950 and ended three years later.",
            [("1950", "1950"), ("three years later", "1953")],
        ),
        (
            "In May 2019, prices rose. In May they fell.",
            [("May 2019", "2019-05"), ("May", "2020-05")],
        ),
        ("You may go.", []),
    ],
)
def test_date_forms(text, expected):
    assert dates(text) == expected


def test_relative_dates_need_the_article_date():
    assert dates("They met on Thursday, a week after June 1, 2020.", None) == [
        ("Thursday", None),
        ("June 1, 2020", "2020-06-01"),
    ]


def figures(text: str) -> list[tuple[str, Decimal, str, str | None]]:
    return [(f.text, f.value, f.unit, f.qualifier) for f in extract_facts(text).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It killed 520,000 North Koreans.",
            [("520,000 North Koreans", 520000, "North Koreans", None)],
        ),
        ("It ran more than 10 stories.", [("more than 10 stories", 10, "stories", "more than")]),
        ("It held three summits.", [("three summits", 3, "summits", None)]),
        (
            "About 1,200 affiliate stations joined.",
            [("About 1,200 affiliate stations", 1200, "affiliate stations", "about")],
        ),
        ("It drew 7.2 million viewers.", [("7.2 million viewers", 7200000, "viewers", None)]),
        ("Forty-two boats sailed.", [("Forty-two boats", 42, "boats", None)]),
        ("A dozen eggs broke.", [("A dozen eggs", 12, "eggs", None)]),
        ("Prices rose 4.5%.", [("4.5%", Decimal("4.5"), "percent", None)]),
        ("Turnout was 60 per cent.", [("60 per cent", 60, "percent", None)]),
        ("It cost $3bn in all.", [("$3bn", 3000000000, "dollars", None)]),
        ("The 70th anniversary came.", [("70th anniversary", 70, "anniversary", None)]),
        ("A three-year war.", [("three-year", 3, "year", None)]),
        ("Nearly 70 years passed.", [("Nearly 70 years", 70, "years", "nearly")]),
        ("Some 300 troops wounded.", [("Some 300 troops", 300, "troops", "some")]),
        ("Two wounded soldiers left.", [("Two wounded soldiers", 2, "wounded soldiers", None)]),
        ("The two agreed to talk.", []),
        ("One of them left.", []),
        ("An M-26 tank, an F-35 jet and COVID-19 tests.", []),
        ("The 24th Infantry Regiment met at 10:30.", []),
    ],
)
def test_figure_forms(text, expected):
    assert figures(text) == [(t, Decimal(v), u, q) for t, v, u, q in expected]


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker.label if q.speaker else None) for q in extract_facts(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win this war," John Smith said.', [("We will win this war", "John Smith")]),
        ('"We will win this war," said John Smith.', [("We will win this war", "John Smith")]),
        ('John Smith said: "We will win this war."', [("We will win this war.", "John Smith")]),
        ('"We will win this war," said a spokesman.', [("We will win this war", "a spokesman")]),
        (
            'The Daily Planet ran a story.\n\n"Nobody saw it coming at all," it said.',
            [("Nobody saw it coming at all", "Daily Planet")],
        ),
        (
            'Mayor Ana Souza spoke. "We did our best here," she said.',
            [("We did our best here", "Ana Souza")],
        ),
        (
            '"Two sentences are here. And more words follow," the mayor, Ana Souza, said.',
            [("Two sentences are here. And more words follow", "Ana Souza")],
        ),
    ],
)
def test_attribution_forms(text, expected):
    assert speakers(text) == expected


def test_quotation_continued_in_the_next_paragraph_takes_the_later_speaker():
    text = (
        '"The first part of the quote runs here.\n\n'
        '"And the second part ends it," said Minister Jane Roe.'
    )
    assert speakers(text) == [
        ("The first part of the quote runs here.", "Jane Roe"),
        ("And the second part ends it", "Jane Roe"),
    ]


def test_scare_quotes_are_not_quotations():
    assert speakers('The so-called "peace" held, and the "hawks" lost.') == []


def test_slugify():
    assert slugify("520,000 North Koreans") == "520000-north-koreans"
    assert slugify("Moon Jae-in") == "moon-jae-in"
    assert slugify("Café “déjà vu”") == "cafe-deja-vu"
    assert len(slugify("word " * 30)) <= 40


@pytest.fixture(scope="module")
def korean_war_draft():
    text = (ROOT / "banks" / "korean_war_70th_anniversary.txt").read_text(encoding="utf-8")
    return text, extract(text, "2020-06-25")


def test_sources_are_verbatim_sentences(korean_war_draft):
    text, draft = korean_war_draft
    article = normalize_space(text)
    for q in draft.questions:
        assert q["source"] in article, q["id"]


def test_no_distractor_equals_its_answer(korean_war_draft):
    _, draft = korean_war_draft
    for q in draft.questions:
        if q["type"] == "multiple_choice":
            answer = normalize_answer(q["answer"])
            assert answer not in {normalize_answer(d) for d in q["distractors"]}, q["id"]
            assert len(set(map(normalize_answer, q["distractors"]))) == len(q["distractors"])


def test_false_statements_are_false(korean_war_draft):
    _, draft = korean_war_draft
    said = {}
    for quote in draft.facts.quotes:
        said.setdefault(quote.speaker.label, []).append(normalize_answer(quote.text))
    falses = [q for q in draft.questions if q["type"] == "true_false" and q["answer"] is False]
    assert falses
    for q in falses:
        words = normalize_answer(q["prompt"].split("“", 1)[1])
        named = q["prompt"].split("these words are ", 1)[1].split(":", 1)[0]
        label = named[:-2] if named.endswith("'s") else named.rstrip("'")
        assert not any(words in t or t in words for t in said.get(label, [])), q["id"]


def test_ids_are_unique_and_stable(korean_war_draft):
    text, draft = korean_war_draft
    ids = [q["id"] for q in draft.questions]
    assert len(ids) == len(set(ids))
    assert ids == [q["id"] for q in extract(text, "2020-06-25").questions]
    assert "quote-a-ceasefire-is-not-peace" in ids


def test_a_long_text_repeats_ids_with_suffixes():
    text = 'Mayor Ana Souza spoke. "We did our best here," she said.\n\n'
    ids = [q["id"] for q in extract(text * 3).questions]
    assert len(ids) == len(set(ids))
    assert any(i.endswith("-2") for i in ids) and any(i.endswith("-3") for i in ids)


def test_zero_figure_does_not_divide_by_zero():
    draft = extract("Of 0 cases, 7.2 million were counted.")
    assert draft.facts.figures[0].value == 0


def test_sentences_with_control_characters_are_left_out():
    facts = extract_facts("It began in 1950. Seoul\x1b fell in 1951. It ended in 1953.")
    assert [d.text for d in facts.dates] == ["1950", "1953"]
    assert [s.reason for s in facts.skipped] == ["control characters"]
