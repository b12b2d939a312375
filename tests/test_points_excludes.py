"""The optional ``points`` of a question and the ``excludes:`` lists of questions and banks."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from test_loader import copy_bank

from quizgen.bank import load_bank
from quizgen.errors import BankError

HEAD = """id: t
title: T
article: {path: article.txt}
"""


def question(qid: str, extra: str = "") -> str:
    return f"""  - id: {qid}
    type: true_false
    prompt: The council met on a Monday ({qid}).
    answer: true
    explanation: It met on Monday.
    source: The city council met on Monday
{extra}"""


def load_text(tmp_path, text: str):
    return load_bank(copy_bank(tmp_path, text))


def problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(BankError) as info:
        load_text(tmp_path, text)
    return [str(p).split("bank.yaml:", 1)[1] for p in info.value.problems]


def test_points_default_to_one_and_take_any_positive_number(tmp_path):
    bank = load_text(
        tmp_path,
        HEAD + "questions:\n" + question("a") + question("b", "    points: 2.5\n"),
    )
    assert [q.points for q in bank.questions] == [Decimal(1), Decimal("2.5")]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "points: must be more than 0, got 0"),
        ("-1", "points: must be more than 0, got -1"),
        ("lots", "points: expected a number, got 'lots'"),
        ("true", "points: expected a number, got a boolean"),
    ],
)
def test_points_that_are_not_positive_numbers_are_located_errors(tmp_path, value, message):
    text = HEAD + "questions:\n" + question("a", f"    points: {value}\n")
    assert problems(tmp_path, text) == [f"11:13: question 'a': {message}"]


def test_excludes_of_questions_and_bank_are_loaded(tmp_path):
    text = (
        HEAD
        + "excludes:\n  - [a, c]\nquestions:\n"
        + question("a", "    excludes: [b]\n")
        + question("b")
        + question("c")
    )
    bank = load_text(tmp_path, text)
    assert bank.questions[0].excludes == ("b",)
    assert bank.excludes == (("a", "c"),)


def test_unknown_or_self_excludes_are_located_errors(tmp_path):
    text = (
        HEAD
        + "excludes:\n  - [a, zz]\n  - [a]\nquestions:\n"
        + question("a", "    points: 0\n    excludes: [a, nope]\n")
    )
    assert problems(tmp_path, text) == [
        "5:9: excludes[1][2]: no question has the id 'zz'",
        "6:5: excludes[2]: expected a list of at least 2 question ids, got 1",
        "14:13: question 'a': points: must be more than 0, got 0",
        "15:16: question 'a': excludes: a question cannot exclude itself",
        "15:19: question 'a': excludes: no question has the id 'nope'",
    ]


def test_points_are_carried_into_each_version_json(tmp_path):
    from support import built, run_cli

    bank = copy_bank(
        tmp_path, HEAD + "questions:\n" + question("a", "    points: 3\n") + question("b")
    )
    out = tmp_path / "out"
    result = run_cli(
        "build",
        str(bank),
        "--formats",
        "json",
        "--seed",
        "1",
        "--questions",
        "2",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    questions = json.loads(built(out, "quiz-A.json").read_text())["questions"]
    assert {q["id"]: q["points"] for q in questions} == {"a": 3, "b": 1}
