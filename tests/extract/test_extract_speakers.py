"""Who said it: every attribution form resolves to the person as first introduced, in full,
and an unclear speaker gets no question. Names here are made up for the tests."""

from __future__ import annotations

from quizgen.extract import extract, extract_facts


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [
        (q.text.split()[0], q.speaker.label if q.speaker else None)
        for q in extract_facts(text).quotes
    ]


def who_said(text: str) -> list[dict]:
    return [q for q in extract(text).questions if "quotes" in q["tags"]]


def test_said_before_and_after_the_name_and_according_to():
    assert speakers(
        'Mayor Ana Souza said: "Books are bridges to the world." '
        '"We will open in May," said Tom Baker, the chief engineer. '
        'The plan is "the best we have had in years," according to Lena Ortiz.'
    ) == [("Books", "Ana Souza"), ("We", "Tom Baker"), ("the", "Lena Ortiz")]


def test_told_reporters_and_he_said_after_the_name():
    text = (
        'Defense Secretary Lloyd J. Ranford III told reporters "our duty is to defend it." '
        'He spoke in Denver on Monday. "We are ready for the winter," he said.'
    )
    assert speakers(text) == [("our", "Lloyd J. Ranford III"), ("We", "Lloyd J. Ranford III")]


def test_the_secretary_is_the_person_introduced_with_that_title():
    text = (
        "Defense Secretary Lloyd J. Ranford III visited the base on Monday.\n\n"
        '"One of the reasons the country has excelled is its people," the secretary said.'
    )
    assert speakers(text) == [("One", "Lloyd J. Ranford III")]
    (q,) = who_said(text)
    assert q["answer"] in ("Defense Secretary Lloyd J. Ranford III", True)
    assert "review" in q  # read through a title: flagged for review


def test_a_short_title_is_found_by_its_full_word():
    text = (
        "Army Col. Ned Woolcott led the team on Monday.\n\n"
        '"It is important to help our neighbors," the colonel said.'
    )
    assert speakers(text) == [("It", "Ned Woolcott")]


def test_a_title_that_names_no_one_gives_no_speaker():
    text = 'The base opened on Monday. "It is important to help our neighbors," the official said.'
    assert speakers(text) == [("It", None)]
    assert who_said(text) == []


def test_a_quotation_over_two_paragraphs_and_a_speaker_named_after_it():
    text = (
        '"We came here in the spring of that year. We stayed for the harvest.\n\n'
        '"And we will come back next year," said Ana Souza, a farmer.'
    )
    assert speakers(text) == [("We", "Ana Souza"), ("And", "Ana Souza")]


def test_a_short_attributed_quotation_carries_its_speaker_to_the_next():
    text = (
        "Rick Laborde, the lead flight director, said it was going well.\n\n"
        '"It is beautiful," Laborde said. "Bright and shiny. Perfect shape."'
    )
    assert speakers(text) == [("It", "Rick Laborde"), ("Bright", "Rick Laborde")]


def test_an_epigraph_with_no_speaker_gets_no_question():
    text = (
        '"The news may be good. The news may be bad. We shall tell you the truth."\n\n'
        "Those words opened the first broadcast of the station in Germany in 1942."
    )
    assert speakers(text)[0][1] is None
    assert who_said(text) == []


def test_a_full_quotation_with_no_reporting_verb_has_no_speaker():
    text = (
        "The room grew quiet as Mission Control completed the countdown and then erupted "
        'into cheers - "We have lift off."'
    )
    assert speakers(text) == [("We", None)]


def test_a_partial_quotation_in_reported_speech_is_the_subjects():
    text = 'Ana Souza, a farmer, praised the "hard work of every volunteer" on Monday.'
    assert speakers(text) == [("hard", "Ana Souza")]


def test_a_place_is_never_the_answer():
    text = '"We will not accept this plan at all," Germany said on Monday.'
    assert who_said(text) == []


def test_initials_and_titles_make_one_name_and_the_key_names_them_in_full():
    text = (
        '"There are more than 25 million veterans in the land," said President George W. '
        "Hartley in his proclamation. "
        '"Through every battle they have remained dedicated," said Secretary of Defense '
        "Donald Rumsby in his message. "
        '"Like those before us, we serve in hard conditions," said Gen. Richard B. Meyer.'
    )
    assert [s for _, s in speakers(text)] == [
        "George W. Hartley",
        "Donald Rumsby",
        "Richard B. Meyer",
    ]
    keys = {q["answer"] for q in who_said(text) if q["type"] != "true_false"}
    assert keys <= {
        "President George W. Hartley",
        "Secretary of Defense Donald Rumsby",
        "Gen. Richard B. Meyer",
    }
    assert keys


def test_he_said_with_two_people_just_named_is_flagged_for_review():
    text = (
        'Vice President Richard B. Cheyne spoke first. "Five years ago the date changed," '
        "Cheyne said. Defense Secretary Donald H. Rumsby and Gen. Peter Pacey laid a wreath.\n\n"
        '"We remember all that we saw and heard," he said.'
    )
    flagged = [q for q in who_said(text) if "review" in q]
    assert flagged and "he" in flagged[0]["review"]
