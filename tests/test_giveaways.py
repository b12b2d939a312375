"""Giveaways: lint finds them, the assembler keeps them apart on every copy and out of the
header, for every seed, with or without --draw-per-version."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from support import run_cli

from quizgen.assemble import ALL, AssemblyOptions, assemble
from quizgen.bank import load_bank
from quizgen.errors import InputError
from quizgen.giveaways import conflicts, giveaways, header_reveals, header_texts, without, words
from quizgen.lint import lint
from quizgen.lint_text import bank_giveaways

BANKS = Path(__file__).parent / "banks"
GIVEAWAYS = BANKS / "giveaways.yaml"
BUNDLED = Path(__file__).parents[1] / "banks" / "korean-war-70th.yaml"


@pytest.fixture(scope="module")
def bank():
    return load_bank(GIVEAWAYS)


def test_numbers_compare_in_every_written_form():
    assert words("520,000") == words("520k") == words("520 thousand") == words("520000")
    assert words("five hundred and twenty thousand") == words("520,000")
    assert words("three") == words("3")
    assert words("25th June") == words("June 25")
    assert words("1950-53")[0] == words("1950 to 1953")[0] == "1950-1953"
    assert "1953" in words("the 1950-1953 war")


def test_lint_finds_every_kind_of_giveaway(bank):
    found = {(g.answered, g.shown_by): g.message() for g in giveaways(bank)}
    assert found == {
        ("cost", "cost-shown"): "its answer '4,500,000' appears in the prompt of question "
        "'cost-shown'",
        ("year", "year-shown"): "its answer '2027' appears in the prompt of question 'year-shown'",
        ("mayor", "mayor-shown"): "its answer 'Ana Souza' appears in the items of question "
        "'mayor-shown'",
        ("votes", "votes-shown"): "its pair '7' – 'In favour' appears in the text of question "
        "'votes-shown'",
        ("quote", "mayor-said"): "its answer 'bridges' appears in the choices of question "
        "'mayor-said'",
    }
    # A multiple-choice answer among another question's choices shows nothing new.
    assert not any(g.answered == "day" for g in giveaways(bank))


def test_lint_reports_giveaways_and_the_header_with_locations(bank):
    messages = [str(w) for w in lint(bank)]
    assert bank_giveaways(bank)["meeting-year"] == [
        "its answer '2025' appears in the title or header a copy prints (the title, or the "
        "article's title, publisher or date)"
    ]
    assert any("giveaways.yaml:11:5: question 'cost': warning: its answer" in m for m in messages)


def test_conflicts_hold_giveaways_both_ways_and_the_excludes(bank):
    apart = conflicts(bank)
    assert "cost-shown" in apart["cost"] and "cost" in apart["cost-shown"]
    assert "mayor-said" in apart["quote"]
    assert "day" not in apart


def test_header_words_that_answer_are_left_out():
    assert without("The Korean War at 70", ["70"]) == "The Korean War"
    assert without("Korean War 70th anniversary (AFP report)", ["70"]) == (
        "Korean War anniversary (AFP report)"
    )


def copy_is_clean(quiz, apart) -> None:
    for version in quiz.versions:
        ids = {q.id for q in version.questions}
        for qid in ids:
            assert not apart.get(qid, frozenset()) & ids, (quiz.seed, version.code, qid)
        shown = header_texts(quiz.title, quiz.bank.article)
        assert header_reveals(shown, version.questions) == {}, (quiz.seed, version.code)


def test_no_copy_holds_a_giveaway_over_a_thousand_seeds(bank):
    apart = conflicts(bank)
    pick = random.Random(12)
    for seed in range(1000):
        options = AssemblyOptions(
            versions=pick.randint(1, 3),
            questions=pick.choice([None, 3, 6, ALL]),
            draw_per_version=pick.random() < 0.5,
        )
        copy_is_clean(assemble(bank, seed, options), apart)


def test_bundled_bank_copies_are_clean_over_a_thousand_seeds():
    bank = load_bank(BUNDLED)
    apart = conflicts(bank)
    for seed in range(1000):
        quiz = assemble(bank, seed, AssemblyOptions(draw_per_version=seed % 2 == 1, versions=2))
        copy_is_clean(quiz, apart)
        assert all(len(v.questions) == 25 for v in quiz.versions)


def test_the_header_loses_what_would_answer_a_question_on_the_copy(bank):
    quiz = assemble(bank, 1, AssemblyOptions(questions=ALL))
    assert "meeting-year" in {q.id for q in quiz.versions[0].questions}
    assert quiz.bank.article.date is None
    assert quiz.title == "Library vote"


def test_questions_all_leaves_one_of_each_pair_out_and_says_which(tmp_path):
    result = run_cli(
        "build",
        str(GIVEAWAYS),
        "--questions",
        "all",
        "--formats",
        "json",
        "--seed",
        "1",
        "--out",
        str(tmp_path / "out"),
    )
    assert result.returncode == 0, result.stderr
    assert (
        "quizgen: left out question 'cost-shown': on one copy with question 'cost', one "
        "would give the other's answer away (see quizgen validate)" in result.stderr
    )
    assert result.stderr.count("left out question") == 5


def test_too_many_questions_to_keep_apart_is_an_input_error(bank):
    with pytest.raises(InputError, match="can share a copy without one giving another"):
        assemble(bank, 1, AssemblyOptions(questions=14))


def test_default_build_draws_25_and_all_draws_every_question(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", "--formats", "json", "--seed", "3", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "of 25 questions" in result.stdout
    result = run_cli(
        "build", "--formats", "json", "--seed", "3", "--questions", "all", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert f"of {len(load_bank(BUNDLED).questions)} questions" in result.stdout
    assert result.stderr.count("left out") == 0


def test_validate_notes_header_reveals_without_failing_strict_on_them():
    result = run_cli("validate", "--strict", str(GIVEAWAYS))
    notes = [line for line in result.stderr.splitlines() if ": note: " in line]
    assert notes == [
        f"{GIVEAWAYS}:88:5: question 'meeting-year': note: its answer '2025' appears in the "
        "title or header; copies holding this question leave it out of their header"
    ]
    # The bank fails --strict for its giveaway pairs, never for a note.
    assert not [line for line in result.stderr.splitlines() if "meeting-year': warning" in line]
