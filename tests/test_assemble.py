"""Assembly: determinism, filters, draws, shuffles and version codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.answers import correct_index, matching_key, ordering_key
from quizgen.assemble import AssemblyOptions, assemble, version_code
from quizgen.bank import load_bank
from quizgen.errors import InputError
from quizgen.model import QUESTION_TYPES

SMALL = load_bank(Path(__file__).parent / "banks" / "small.yaml")


def test_version_codes():
    assert [version_code(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_same_seed_same_quiz_and_other_seed_other_quiz():
    options = AssemblyOptions(versions=4)
    assert assemble(SMALL, 7, options) == assemble(SMALL, 7, options)
    assert assemble(SMALL, 7, options) != assemble(SMALL, 8, options)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), versions=st.integers(1, 6))
def test_every_question_drawn_once_per_version_in_type_sections(seed, versions):
    quiz = assemble(SMALL, seed, AssemblyOptions(versions=versions))
    for version in quiz.versions:
        ids = [item.id for item in version.items]
        assert sorted(ids) == sorted(q.id for q in SMALL.questions)
        assert [item.number for item in version.items] == list(range(1, len(ids) + 1))
        order = [QUESTION_TYPES.index(item.type) for item in version.items]
        assert order == sorted(order)
        for item in version.items:
            body = item.question.body
            if item.type == "multiple_choice":
                assert sorted(item.choices) == sorted((body.answer, *body.distractors))
                assert 0 <= correct_index(item) < len(item.choices)
            if item.type == "matching":
                assert len(set(matching_key(item))) == len(body.pairs)
            if item.type == "ordering":
                assert sorted(ordering_key(item)) == list(range(1, len(body.items) + 1))
                assert item.choices != body.items  # never shown already in order


def test_versions_of_one_build_differ():
    quiz = assemble(SMALL, 1, AssemblyOptions(versions=8))
    signatures = {tuple((i.id, i.choices, i.lefts) for i in v.items) for v in quiz.versions}
    assert len(signatures) == 8
    assert [v.code for v in quiz.versions] == list("ABCDEFGH")


def test_answer_positions_vary_across_versions():
    quiz = assemble(SMALL, 5, AssemblyOptions(versions=12))
    positions = {
        correct_index(item)
        for v in quiz.versions
        for item in v.items
        if item.type == "multiple_choice"
    }
    assert len(positions) >= 3


def test_filters_by_type_and_tag():
    quiz = assemble(SMALL, 1, AssemblyOptions(types=("numeric", "cloze")))
    assert sorted(i.id for i in quiz.versions[0].items) == ["cost", "street"]
    quiz = assemble(SMALL, 1, AssemblyOptions(tags=("people", "places")))
    assert sorted(i.id for i in quiz.versions[0].items) == ["mayor-name", "street"]
    quiz = assemble(SMALL, 1, AssemblyOptions(tags=("dates",), types=("ordering",)))
    assert [i.id for i in quiz.versions[0].items] == ["timeline"]


def test_draws_k_questions_the_same_for_every_version():
    # Five of the seven types: at least one of them has choices or items to shuffle.
    quiz = assemble(SMALL, 3, AssemblyOptions(versions=5, questions=5))
    sets = [sorted(i.id for i in v.items) for v in quiz.versions]
    assert all(len(s) == 5 for s in sets)
    assert all(s == sets[0] for s in sets)
    orders = {tuple(i.id for i in v.items) for v in quiz.versions}
    choices = {tuple(i.choices for i in v.items) for v in quiz.versions}
    assert len(orders) > 1 or len(choices) > 1


def test_draw_per_version_gives_each_version_its_own_set():
    quiz = assemble(SMALL, 3, AssemblyOptions(versions=5, questions=3, draw_per_version=True))
    for version in quiz.versions:
        assert len(version.items) == 3
        assert len({i.id for i in version.items}) == 3
    assert len({i.id for v in quiz.versions for i in v.items}) > 3


@pytest.mark.parametrize(
    "options, message",
    [
        (
            AssemblyOptions(questions=8),
            "--questions 8 asks for more questions than the 7 of bank 'small-town' that match "
            "the filters",
        ),
        (
            AssemblyOptions(tags=("nothing",)),
            "no question of bank 'small-town' matches the filters --tags nothing",
        ),
        (
            AssemblyOptions(types=("essay",)),
            "unknown question type 'essay' in --types (valid: multiple_choice, true_false, "
            "short_answer, numeric, cloze, matching, ordering)",
        ),
    ],
)
def test_options_that_cannot_be_satisfied(options, message):
    with pytest.raises(InputError) as info:
        assemble(SMALL, 1, options)
    assert str(info.value) == message


def test_title_option():
    assert assemble(SMALL, 1, AssemblyOptions()).title == "Small town library"
    assert assemble(SMALL, 1, AssemblyOptions(title="Quiz 3")).title == "Quiz 3"
