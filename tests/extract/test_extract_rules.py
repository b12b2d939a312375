"""The rules one at a time: sentences, quotation marks, dates, figures, speakers, questions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import ROOT

from quizgen.bank import load_bank
from quizgen.extract import extract, extract_facts
from quizgen.extract.clean import quote_spans, segment
from quizgen.extract.fill import figure_question
from quizgen.extract.questions import role_phrase, slugify
from quizgen.extract.writer import dump, validated
from quizgen.lint import lint
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
        label = q["prompt"].split("these words come from ", 1)[1].split(":", 1)[0]
        assert label in said, q["id"]
        assert not any(words in t or t in words for t in said[label]), q["id"]


def test_ids_are_unique_and_stable(korean_war_draft):
    text, draft = korean_war_draft
    ids = [q["id"] for q in draft.questions]
    assert len(ids) == len(set(ids))
    assert ids == [q["id"] for q in extract(text, "2020-06-25").questions]
    assert "quote-a-ceasefire-is-not-peace" in ids


def test_facts_that_read_the_same_get_numbered_ids():
    text = "".join(
        f'Mayor Ana Souza spoke. "We did our best here, in {town}," she said.\n\n'
        for town in ("Riverside", "Lakeside", "Hillside")
    )
    ids = [q["id"] for q in extract(text).questions]
    assert len(ids) == len(set(ids))
    assert any(i.endswith("-2") for i in ids) and any(i.endswith("-3") for i in ids)


def test_a_repeated_text_asks_each_question_once():
    text = 'Mayor Ana Souza spoke. "We did our best here," she said.\n\n'
    once = [q["prompt"] for q in extract(text).questions]
    assert [q["prompt"] for q in extract(text * 3).questions] == once


def test_zero_figure_does_not_divide_by_zero():
    draft = extract("Of 0 cases, 7.2 million were counted.")
    assert draft.facts.figures[0].value == 0


def test_sentences_with_control_characters_are_left_out():
    facts = extract_facts("It began in 1950. Seoul\x1b fell in 1951. It ended in 1953.")
    assert [d.text for d in facts.dates] == ["1950", "1953"]
    assert [s.reason for s in facts.skipped] == ["control characters"]


# Times of day are neither figures nor dates ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The fair opens at 10 a.m. and closes at 9 p.m.",
        "The fair opens at 10 A.M. and closes at 9pm.",
        "Doors open at 7 AM; the band plays at 6.30pm and again at 10:30.",
        "The shop shuts at 12 noon and the bar at midnight.",
        "The ferry left at 0900 GMT and returned at nine o'clock.",
        "The office is open 9-11 a.m. and from half past two.",
        "The meeting starts at 9 in the morning.",
    ],
)
def test_times_of_day_are_not_figures(text):
    facts = extract_facts(text, "2020-06-25")
    assert facts.figures == ()
    assert facts.dates == ()


def test_times_of_day_in_an_article_give_no_figure_question():
    text = (
        "The fair opened at 10 a.m. and closed at 9 p.m., when 8 stalls were still open.\n\n"
        "Organisers counted 2,000 visitors."
    )
    draft = extract(text, "2020-06-25")
    assert [(f.text, f.value) for f in draft.facts.figures] == [
        ("8 stalls", 8),
        ("2,000 visitors", 2000),
    ]
    for q in draft.questions:
        assert "“9 p”" not in q["explanation"] and "“10”" not in q["explanation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cost 3 U.S. soldiers their lives.", "3 U.S. soldiers"),
        ("He saw 40 p.c. of the votes.", "40 p.c."),
        ("They built 3 abc1 units.", "3"),
        ("About 12 000 people came.", None),
    ],
)
def test_figure_text_never_stops_inside_a_token(text, expected):
    figures = extract_facts(text).figures
    assert [f.text for f in figures] == ([expected] if expected else [])
    for f in figures:
        after = text[f.end : f.end + 2]
        assert not after[:1].isalnum() and not (after[:1] == "." and after[1:].isalnum())


# Bylines and datelines ----------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe",
        "By JANE DOE",
        "By Jane Doe, Riverside Gazette, 3 March 2024",
        "By Jane Doe and John Roe",
        "By Jane Doe for the Riverside Gazette",
        "By Jane Doe | Published 3 March 2024",
        "By the Associated Press",
        "Jane Doe, Reuters",
        "Jane Doe and John Roe | AFP",
        "Jane Doe, Staff Writer",
        "Reuters",
    ],
)
def test_bylines_at_the_top_are_left_out(byline):
    text = (
        f"Floods sweep through Seoul\n\n{byline}\n\nFloods hit Seoul on Monday, killing 12 people."
    )
    facts = extract_facts(text, "2024-03-05")
    assert ("byline", byline) in [(s.reason, s.text) for s in facts.skipped]
    assert [d.text for d in facts.dates] == ["Monday"]
    assert all(byline not in s.text for s in facts.sentences)
    assert facts.headline == "Floods sweep through Seoul"


def test_a_byline_under_the_headline_without_a_blank_line_is_left_out():
    text = "Floods sweep through Seoul\nBy Jane Doe, Riverside Gazette, 3 March 2024\n\nIt rained."
    facts = extract_facts(text)
    assert facts.headline == "Floods sweep through Seoul"
    assert [s.text for s in facts.sentences] == ["It rained."]
    assert facts.dates == ()


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the river had risen by 3 metres.",
        "By Christmas, most shops in Seoul had closed.",
        "Kim Jong Un, North Korea's leader, visited Wonsan in 2019.",
    ],
)
def test_sentences_that_start_like_bylines_are_kept(line):
    facts = extract_facts(f"Headline here\n\n{line}")
    assert [s.text for s in facts.sentences] == [line]


def test_a_sign_off_ending_the_article_is_left_out():
    text = "Floods hit Seoul on Monday.\n\nReporting by Jane Doe; Editing by John Roe"
    facts = extract_facts(text)
    assert [s.text for s in facts.sentences] == ["Floods hit Seoul on Monday."]


@pytest.mark.parametrize(
    "dateline",
    [
        "SEOUL (AFP) - ",
        "SEOUL (AFP) — ",
        "SEOUL, June 25 (AFP) - ",
        "Seoul, June 25 (Yonhap) -- ",
        "WASHINGTON, June 25, 2020 (Reuters) - ",
        "HIROSHIMA, Japan (AP) — ",
        "SEOUL, June 25 — ",
        "SEOUL — ",
    ],
)
def test_datelines_are_left_out(dateline):
    text = f"{dateline}Floods hit the capital on Monday, killing 12 people."
    facts = extract_facts(text, "2020-06-26")
    assert ("dateline", dateline) in [(s.reason, s.text) for s in facts.skipped]
    assert [(d.text, d.value) for d in facts.dates] == [("Monday", "2020-06-22")]
    assert facts.sentences[0].text.startswith("Floods hit")


# Prompts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "phrase"),
    [
        ("US Secretary of Defence", "the US Secretary of Defence"),
        ("US Private First Class", "a US Private First Class"),
        ("the South's President", "the South's President"),
        ("Mark Esper's South Korean counterpart", "Mark Esper's South Korean counterpart"),
        ("farmer", "a farmer"),
        ("engineer", "an engineer"),
        ("FBI agent", "an FBI agent"),
        ("chief engineer", "the chief engineer"),
        ("Mayor", "the Mayor"),
    ],
)
def test_role_prompts_use_the_right_article(role, phrase):
    assert role_phrase(role)[0] == phrase


def test_person_prompts_read_naturally(korean_war_draft):
    _, draft = korean_war_draft
    prompts = {q["id"]: q["prompt"] for q in draft.questions}
    assert prompts["person-edward-wilson"] == (
        "Who does the article describe as a US Private First Class?"
    )
    assert (
        prompts["person-mark-esper"]
        == "Who is the US Secretary of Defence, according to the article?"
    )
    assert prompts["person-kim-jong-un"] == "How does the article describe Kim Jong Un?"
    for q in draft.questions:
        assert "words are" not in q["prompt"]  # "these words are X and Y's"
        assert not q["prompt"].startswith("Who is the US Private")


def test_a_role_two_people_share_is_not_asked_as_who_is():
    text = (
        "President Moon Jae-in met President Donald Trump in Seoul.\n\n"
        '"We talked about peace," said Moon. "It went well," said Trump.'
    )
    prompts = [q["prompt"] for q in extract(text).questions]
    assert "Who is the President, according to the article?" not in prompts


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("The paper carried more than 10 stories.", "More than how many stories? Give"),
        ("Prices rose 4.5%.", "What percentage? Give"),
        ("It drew 7.2 million viewers.", "How many viewers? Give"),
        ("Keiko Ogura, 83, spoke.", "Give"),
    ],
)
def test_numeric_prompts_ask_with_the_qualifier_and_unit(text, opening):
    (figure,) = extract_facts(text).figures
    question = figure_question(1, figure, [figure])
    assert question["type"] == "numeric"
    assert question["prompt"].startswith(opening + " the number that fills the blank")


# Lint: the draft passes quizgen validate --strict ---------------------------------------


def test_distractors_are_not_all_shorter_than_the_answer():
    draft = extract("The storm destroyed three bridges.")
    (q,) = draft.questions
    assert q["answer"] == "three"
    assert any(len(d) >= len("three") for d in q["distractors"])


def test_near_duplicate_and_longest_answer_warnings_are_fixed_before_writing(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Mayor Ana Souza opened the bridge.", encoding="utf-8")
    source = "Mayor Ana Souza opened the bridge."

    def mc(qid, prompt, answer, distractors):
        return {
            "id": qid,
            "type": "multiple_choice",
            "prompt": prompt,
            "answer": answer,
            "distractors": distractors,
            "explanation": "The article says so.",
            "source": source,
        }

    data = {
        "id": "draft",
        "title": "Draft",
        "article": {"path": "article.txt"},
        "questions": [
            mc("a", "Who opened the bridge, according to the article?", "Ana Souza", ["Bo", "Al"]),
            mc("b", "Who opened the bridges, according to the article?", "Ana Souza", ["Bo", "Al"]),
            mc("c", "Which town is named in the article?", "Riverside", ["Lake", "Hill"]),
            mc("d", "Who is Ana Souza, according to the article?", "Ana Souza", ["Bo", "Al"]),
        ],
    }
    alternatives = {
        "c": {
            "id": "c",
            "type": "true_false",
            "prompt": "Is a town named in the article?",
            "answer": False,
            "explanation": "No town is named.",
            "source": source,
        },
    }
    checked = validated(data, article, alternatives)
    # b: nearly the same prompt as a; d: the answer is in its prompt. Then the answer is the
    # longest choice in both questions left: c takes its other form, a has none and goes.
    assert [q["id"] for q in checked.data["questions"]] == ["c"]
    assert checked.data["questions"][0]["type"] == "true_false"
    assert checked.warned == ["b", "d", "a"]
    assert checked.rewritten == ["c"]
    out = tmp_path / "draft.yaml"
    out.write_text(dump(checked.data, "article.txt"), encoding="utf-8")
    assert lint(load_bank(out)) == []
