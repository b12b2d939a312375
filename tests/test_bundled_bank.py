"""The bundled Korean War bank: complete, true to its article, and consistent type by type.

Most checks read the YAML directly as well as through the loader, so that a loader bug cannot
hide a bad question.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from support import BUNDLED_BANK

from quizgen.bank import load_bank
from quizgen.model import QUESTION_TYPES, Cloze, MultipleChoice
from quizgen.text import format_number, normalize_answer

TAG_KINDS = ("dates", "figures", "people", "places", "quotes")
CREDIT_RE = re.compile(r"\S / \S")
"""Agency credits in the article's captions look like "AFP / STAFF" or "AFP / Ed JONES"."""


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def bank():
    return load_bank(BUNDLED_BANK)


@pytest.fixture(scope="module")
def raw() -> dict:
    """The bank as plain YAML, without the loader."""
    return yaml.safe_load(Path(BUNDLED_BANK).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article(raw) -> str:
    path = Path(BUNDLED_BANK).parent / raw["article"]["path"]
    return _space(path.read_text(encoding="utf-8"))


def _of_type(raw: dict, qtype: str) -> list[dict]:
    return [q for q in raw["questions"] if q["type"] == qtype]


# The bank as a whole -------------------------------------------------------------------------


def test_bank_identity_and_article(raw):
    assert raw["id"] == "korean-war-70th"
    assert raw["article"]["path"] == "korean_war_70th_anniversary.txt"
    assert raw["article"]["publisher"] == "AFP"
    assert str(raw["article"]["date"]) == "2020-06-25"


def test_at_least_60_questions(bank):
    assert len(bank.questions) >= 60


def test_every_question_type_is_used(bank):
    assert {q.type for q in bank.questions} == set(QUESTION_TYPES)


def test_every_tag_kind_is_used(bank):
    used = {tag for q in bank.questions for tag in q.tags}
    assert set(TAG_KINDS) <= used


def test_answer_is_the_longest_choice_in_at_most_40_percent_of_multiple_choice(raw):
    questions = _of_type(raw, "multiple_choice")
    longest = [
        q["id"]
        for q in questions
        if all(len(str(q["answer"])) > len(str(d)) for d in q["distractors"])
    ]
    assert len(longest) * 5 <= len(questions) * 2, longest


# Sources and quotations ----------------------------------------------------------------------


def test_every_source_is_verbatim_in_the_article(raw, article):
    missing = [q["id"] for q in raw["questions"] if _space(q["source"]) not in article]
    assert missing == []


def test_no_source_quotes_an_agency_credit(raw):
    credited = [q["id"] for q in raw["questions"] if CREDIT_RE.search(q["source"])]
    assert credited == []


def _quoted_spans(question: dict) -> list[str]:
    texts = [question["prompt"], question["explanation"], question.get("text", "")]
    texts += [str(question.get("answer", ""))] + [str(d) for d in question.get("distractors", [])]
    texts += [p["left"] for p in question.get("pairs", [])]
    return [span for text in texts for span in re.findall(r'"([^"]+)"', _space(text))]


def test_every_quotation_in_a_question_is_verbatim_in_the_article(raw, article):
    # Cloze texts quote the article with blanks in them; their filled text is checked below.
    wrong = [
        (q["id"], span)
        for q in raw["questions"]
        for span in _quoted_spans(q)
        if "{{" not in span and span not in article
    ]
    assert wrong == []


def test_every_cloze_sentence_filled_in_quotes_the_article_verbatim(bank, article):
    # A cloze is a whole sentence: the article's own sentence (its final full stop may be
    # added), or a sentence whose quotation, with the blanks in it, is the article's words.
    wrong = []
    for q in bank.questions:
        if not isinstance(q.body, Cloze):
            continue
        filled = _space(q.body.filled()).replace("“", '"').replace("”", '"').replace("’", "'")
        quotes = re.findall(r'"([^"]+)"', filled)
        blanks_quoted = all(any(b.answer in span for span in quotes) for b in q.body.blanks)
        verbatim = filled in article or filled.rstrip(".") in article
        if not verbatim and not (
            quotes and blanks_quoted and all(span.rstrip(",.") in article for span in quotes)
        ):
            wrong.append(q.id)
    assert wrong == []


def test_every_numeric_answer_is_written_in_its_source(bank):
    # A number that is not in its own source sentence is invented (or the source is wrong).
    # A question tagged "computed" derives its answer from the source; its explanation shows
    # the working, ending in the answer.
    wrong = []
    for q in bank.questions:
        if q.type != "numeric":
            continue
        if "computed" in q.tags:
            if f"= {format_number(q.body.answer)}" not in q.explanation:
                wrong.append(q.id)
            continue
        words = set(re.findall(r"[\w,.-]+", q.source))
        words |= {w.strip(",.") for w in words}
        spellings = {format_number(q.body.answer), *q.body.accept}
        if not spellings & words:
            wrong.append(q.id)
    assert wrong == []


# Each type's rules ---------------------------------------------------------------------------


def test_every_question_has_an_explanation_of_one_or_two_sentences(raw):
    wrong = []
    for q in raw["questions"]:
        text = _space(q.get("explanation", ""))
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
        if not text or len(sentences) > 2 or not text.endswith((".", '."', "!", "?")):
            wrong.append(q["id"])
    assert wrong == []


def test_every_question_sets_its_difficulty_from_1_to_3(raw):
    wrong = [q["id"] for q in raw["questions"] if q.get("difficulty") not in (1, 2, 3)]
    assert wrong == []


def test_multiple_choice_answers_are_not_among_their_distractors(raw):
    wrong = []
    for q in _of_type(raw, "multiple_choice"):
        options = [normalize_answer(str(o)) for o in [q["answer"], *q["distractors"]]]
        if len(q["distractors"]) < 2 or len(set(options)) != len(options):
            wrong.append(q["id"])
    assert wrong == []


def test_no_multiple_choice_uses_catch_all_options(bank):
    catch_all = {"alloftheabove", "noneoftheabove", "bothaandb"}
    wrong = [
        q.id
        for q in bank.questions
        if isinstance(q.body, MultipleChoice)
        and catch_all & {normalize_answer(o) for o in (q.body.answer, *q.body.distractors)}
    ]
    assert wrong == []


def test_true_false_answers_are_booleans(raw):
    wrong = [q["id"] for q in _of_type(raw, "true_false") if not isinstance(q["answer"], bool)]
    assert wrong == []


def test_true_false_statements_are_not_all_true_or_all_false(raw):
    answers = [q["answer"] for q in _of_type(raw, "true_false")]
    assert True in answers and False in answers


def test_true_false_answers_are_balanced(raw):
    # A student who answers every statement "False" (or every one "True") must not pass:
    # neither answer is right in more than two thirds of the true/false questions.
    answers = [q["answer"] for q in _of_type(raw, "true_false")]
    for value in (True, False):
        count = sum(1 for a in answers if a is value)
        assert count * 3 <= len(answers) * 2, f"{count} of {len(answers)} statements are {value}"


def test_numeric_answers_and_tolerances_are_numbers(raw):
    wrong = []
    for q in _of_type(raw, "numeric"):
        answer, tolerance = q["answer"], q.get("tolerance", 0)
        numbers = all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in (answer, tolerance)
        )
        if not numbers or tolerance < 0:
            wrong.append(q["id"])
    assert wrong == []


def test_numeric_accepted_spellings_do_not_contradict_the_answer(bank):
    # An accepted spelling with digits must say the same number, e.g. "520k" for 520000.
    wrong = []
    for q in bank.questions:
        if q.type != "numeric":
            continue
        for spelling in q.body.accept:
            spelling = spelling.replace(" thousand", "k")
            digits = re.match(r"^(?:about )?(\d[\d,]*)(k|th)?$", spelling)
            if digits:
                value = Decimal(digits.group(1).replace(",", ""))
                value *= 1000 if digits.group(2) == "k" else 1
                if abs(value - q.body.answer) > q.body.tolerance:
                    wrong.append((q.id, spelling))
    assert wrong == []


def test_short_answers_accept_only_other_spellings(raw):
    wrong = []
    for q in _of_type(raw, "short_answer"):
        spellings = [normalize_answer(str(s)) for s in [q["answer"], *q.get("accept", [])]]
        if not all(spellings) or len(set(spellings)) != len(spellings):
            wrong.append(q["id"])
    assert wrong == []


def test_cloze_texts_have_blanks_and_an_instruction(raw):
    wrong = [
        q["id"]
        for q in _of_type(raw, "cloze")
        if not re.search(r"\{\{[^{}|]+(\|[^{}|]+)*\}\}", q["text"])
        or not q["prompt"].lower().startswith("fill in")
    ]
    assert wrong == []


def test_matching_questions_have_at_least_three_unambiguous_pairs(raw):
    wrong = []
    for q in _of_type(raw, "matching"):
        lefts = [normalize_answer(p["left"]) for p in q["pairs"]]
        options = [normalize_answer(p["right"]) for p in q["pairs"]]
        options += [normalize_answer(d) for d in q.get("distractors", [])]
        if len(lefts) < 3 or len(set(lefts)) != len(lefts) or len(set(options)) != len(options):
            wrong.append(q["id"])
    assert wrong == []


def test_ordering_questions_have_at_least_three_distinct_items(raw):
    wrong = [
        q["id"]
        for q in _of_type(raw, "ordering")
        if len(q["items"]) < 3 or len(set(q["items"])) != len(q["items"])
    ]
    assert wrong == []


# Facts the article attributes stay attributed -------------------------------------------------


def test_the_norths_claim_of_being_attacked_first_is_never_stated_as_true(raw):
    # The article reports that the North "insists that it was attacked first"; a true/false
    # statement may only say so as the North's claim.
    wrong = [
        q["id"]
        for q in _of_type(raw, "true_false")
        if q["answer"] is True
        and "attacked first" in q["prompt"]
        and "insist" not in q["prompt"]
        and "claim" not in q["prompt"]
    ]
    assert wrong == []


def test_fatality_figures_are_attributed_to_seouls_defence_ministry(raw):
    # The prompt says the figures are the article's report (or asks whose count they are)
    # without naming the ministry, which one question asks for; the explanation names it.
    figures = ("520,000", "137,000", "37,000", "520000")
    wrong = [
        q["id"]
        for q in raw["questions"]
        if "fatalities" in q.get("tags", [])
        and any(f in q["source"] for f in figures)
        and not (
            "defence ministry" in q["explanation"]
            and ("article reports" in q["prompt"] or "count" in q["prompt"])
        )
    ]
    assert wrong == []
