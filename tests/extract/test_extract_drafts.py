"""Drafts a teacher can use: a title from the article, ordinal figures, and questions that
give each other away kept off the same copy. Texts are made up for the tests."""

from __future__ import annotations

from pathlib import Path

from quizgen.extract import extract
from quizgen.extract.writer import validated


def test_a_news_service_line_above_the_headline_is_not_the_title():
    text = (
        "Riverside Press Service\n\nMayor Opens the New Library\n\nBy Jo Lane\n\n"
        "The library opened on Monday with 3,000 books, Mayor Ana Souza said."
    )
    assert extract(text).title == "Mayor Opens the New Library"


def test_a_headline_in_capitals_above_the_text_is_the_title():
    text = (
        "CITY OPENS NEW LIBRARY\nNovember 08, 2002\nThe city opened its library with "
        "3,000 books.\nIt cost $4 million."
    )
    draft = extract(text)
    assert draft.title == "CITY OPENS NEW LIBRARY"
    assert [d.text for d in draft.facts.dates] == ["November 08, 2002"]


def test_ordinal_words_are_figures():
    text = (
        "Crews were in their fifth day of work on Monday. It was the seventh of 10 "
        "scheduled launches. She was the first to arrive, for the second time."
    )
    figures = {f.text: f.value for f in extract(text).facts.figures}
    assert figures["fifth day"] == 5
    assert figures["seventh of 10 scheduled launches"] == 7
    assert not any(t.startswith(("first", "second")) for t in figures)


def test_every_drafted_giveaway_pair_is_declared(tmp_path):
    text = (
        "Library opens\n\n"
        '"We bought more than 3,000 books for the children," said Mayor Ana Souza on '
        "Monday.\n\nThe library cost $4 million, Souza said."
    )
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    draft = extract(text)
    data = validated(draft.to_data(str(Path(article))), article, draft.alternatives).data
    by_id = {q["id"]: q for q in data["questions"]}
    figure = next(q for q in data["questions"] if "figures" in q["tags"])
    quote = next(q for q in data["questions"] if "quotes" in q["tags"])
    pair = set(figure.get("excludes", [])) | set(quote.get("excludes", []))
    assert {figure["id"], quote["id"]} & pair, by_id


def test_a_one_word_role_is_not_asked_as_who_is_the_role():
    text = (
        "Leader Ana Souza opened the library on Monday.\n\n"
        "Mayor Tom Baker of Riverside cut the ribbon on Tuesday. Secretary of Education "
        "Lena Ortiz spoke."
    )
    prompts = [q["prompt"] for q in extract(text).questions]
    assert not any(p.startswith(("Who is the Leader", "Who is the Mayor")) for p in prompts)
    assert any(p.startswith("How does the article describe") for p in prompts), prompts
    people = {p.name: p.role for p in extract(text).facts.people}
    assert people["Tom Baker"] == "Mayor"  # not "Riverside", a mayor "Tom Baker"


def test_an_excerpt_shows_its_cuts_and_no_unpaired_quotation_mark():
    from quizgen.extract.facts import Sentence
    from quizgen.extract.fill import blanked

    text = '"We have close to 300 helicopters, about 75 aircraft, and more'
    part = Sentence(0, text, 10, 10 + len(text), 0, cut=(False, True))
    shown = blanked(part, [(28, 31, "{{300}}")])
    assert shown == "We have close to {{300}} helicopters, about 75 aircraft, and more …"
    whole = Sentence(0, '"It is fine," she said.', 0, 23, 0)
    assert blanked(whole, [(7, 11, "____")]) == '"It is ____," she said.'
