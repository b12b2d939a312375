"""Loading valid banks: every field lands in the model; encodings and line endings accepted."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from quizgen.bank import load_bank
from quizgen.errors import BankError
from quizgen.model import Blank, Cloze, Matching, MultipleChoice, Numeric, Ordering, Pair, TrueFalse

SMALL = Path(__file__).parent / "banks" / "small.yaml"


def copy_bank(tmp_path: Path, text: str | None = None) -> Path:
    shutil.copy(SMALL.parent / "article.txt", tmp_path / "article.txt")
    bank = tmp_path / "bank.yaml"
    bank.write_text(text if text is not None else SMALL.read_text(encoding="utf-8"), "utf-8")
    return bank


def test_small_bank_loads_into_the_model():
    bank = load_bank(SMALL)
    assert bank.id == "small-town"
    assert bank.revised == "2025-03-10"
    assert bank.article.publisher == "Town Gazette"
    assert bank.article.date == "2025-03-04"
    assert bank.article.text.startswith("The city council met")
    by_id = {q.id: q for q in bank.questions}
    assert by_id["vote-count"].body == MultipleChoice("7 to 2", ("6 to 3", "5 to 4", "9 to 0"))
    assert by_id["vote-count"].difficulty == 1
    assert by_id["meeting-day"].body == TrueFalse(True)
    assert by_id["meeting-day"].difficulty == 2
    assert by_id["mayor-name"].body.accept == ("Souza", "Mayor Souza")
    assert by_id["cost"].body == Numeric(Decimal("4.5"), Decimal("0.1"), "million euros", ())
    assert by_id["street"].body == Cloze(
        (
            "The library will open in ",
            Blank("2027"),
            " on ",
            Blank("Harbour Street", ("Harbour St",)),
            ".",
        )
    )
    assert by_id["match-facts"].body == Matching(
        (
            Pair("7", "votes for the library"),
            Pair("2", "votes against the library"),
            Pair("4.5 million", "euros the library costs"),
        ),
        ("seats on the council",),
    )
    assert by_id["timeline"].body == Ordering(
        ("The council meets", "The council votes", "The mayor speaks", "The library opens")
    )
    assert by_id["street"].location.line == 44


def test_byte_order_mark_and_windows_line_endings_are_accepted(tmp_path):
    text = SMALL.read_text(encoding="utf-8").replace("\n", "\r\n")
    bank = copy_bank(tmp_path)
    bank.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    loaded, reference = load_bank(bank), load_bank(SMALL)
    assert loaded.questions == reference.questions
    assert loaded.title == reference.title


def test_source_quote_may_differ_in_whitespace(tmp_path):
    text = SMALL.read_text(encoding="utf-8").replace(
        'source: "The library will cost 4.5 million euros and open in 2027 on Harbour Street."',
        'source: "The library   will cost 4.5 million\\neuros and open in 2027 on Harbour Street."',
    )
    assert "library   will" in text
    bank = load_bank(copy_bank(tmp_path, text))
    assert any("library   will" in q.source for q in bank.questions)


def test_source_quote_must_be_verbatim(tmp_path):
    text = SMALL.read_text(encoding="utf-8").replace(
        'source: "The library will cost 4.5 million euros and open in 2027 on Harbour Street."',
        'source: "The library will cost 4.6 million euros and open in 2027 on Harbour Street."',
        1,
    )
    with pytest.raises(BankError) as info:
        load_bank(copy_bank(tmp_path, text))
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path / 'bank.yaml'}:41:13: question 'cost': "
        "source: quote not found in the article text"
    ]


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    text = (
        SMALL.read_text(encoding="utf-8")
        .replace('answer: "7 to 2"', 'answer: "6 to 3"')
        .replace("answer: true", "answer: maybe")
        .replace("tolerance: 0.1", "tolerance: -0.1")
    )
    with pytest.raises(BankError) as info:
        load_bank(copy_bank(tmp_path, text))
    messages = [f"{p.location.line}: {p.question_id}: {p.message}" for p in info.value.problems]
    assert messages == [
        "14: vote-count: distractors: '6 to 3' is also the answer",
        "22: meeting-day: answer: expected true or false, got text",
        "38: cost: tolerance: must be 0 or more, got -0.1",
    ]


def test_article_that_is_not_utf8(tmp_path):
    bank = copy_bank(tmp_path)
    (tmp_path / "article.txt").write_bytes(b"caf\xe9\n")
    with pytest.raises(BankError) as info:
        load_bank(bank)
    assert str(info.value) == (
        f"{bank}:5:9: article.path: 'article.txt' (line 1): not valid UTF-8 (byte 0xe9)"
    )


def test_empty_article(tmp_path):
    bank = copy_bank(tmp_path)
    (tmp_path / "article.txt").write_text("  \n\n")
    with pytest.raises(BankError) as info:
        load_bank(bank)
    assert str(info.value) == f"{bank}:5:9: article.path: 'article.txt' is empty"
