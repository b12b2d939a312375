"""Flashcards: which questions, identity, dates, and byte-identical files across processes."""

from __future__ import annotations

import os
import time

from flashcard_support import TRICKY, render_files, run_build, tricky, write_bank

from quizgen.assemble import AssemblyOptions, assemble
from quizgen.bank import load_bank
from quizgen.render.flashcards import deck, note_guid, questions, scrambled, timestamp

BANK_ORDER = [q["id"] for q in TRICKY["questions"]]


def test_guid_depends_on_bank_and_question_only():
    assert note_guid("bank", "q1") == note_guid("bank", "q1")
    assert len({note_guid("bank", "q1"), note_guid("bank", "q2"), note_guid("bank2", "q1")}) == 3
    assert note_guid("a-b", "c") != note_guid("a", "b-c")
    assert len(note_guid("bank", "q1")) == 16


def test_deck_is_the_union_of_the_versions_in_bank_order(tmp_path):
    bank = load_bank(write_bank(tmp_path))
    quiz = assemble(bank, 4, AssemblyOptions(versions=3, questions=2, draw_per_version=True))
    drawn = {item.id for version in quiz.versions for item in version.items}
    assert [q.id for q in questions(quiz)] == [qid for qid in BANK_ORDER if qid in drawn]
    assert len(drawn) > 2  # the versions differ, and every question they drew is in the deck
    cards = deck(quiz).cards
    assert [c.question_id for c in cards] == [qid for qid in BANK_ORDER if qid in drawn]


def test_each_file_is_yielded_once_per_build_whatever_the_versions(tmp_path):
    files = render_files(
        write_bank(tmp_path / "bank"),
        ("anki-csv", "apkg", "quizlet"),
        tmp_path / "out",
        assembly=AssemblyOptions(versions=5),
    )
    assert sorted(files) == ["deck.apkg", "deck.csv", "quizlet.tsv"]


def test_deck_name_defaults_to_the_bank_title(tmp_path):
    bank = load_bank(write_bank(tmp_path, tricky(title="  Spaced\n  title ")))
    quiz = assemble(bank, 1, AssemblyOptions())
    assert deck(quiz).name == "quizgen::Spaced title"
    assert deck(quiz, "Mine::Sub").name == "Mine::Sub"


def test_revised_day_is_utc_midnight():
    assert timestamp("2000-01-01") == 946684800
    assert timestamp("2024-02-01") - timestamp("2024-01-31") == 86400


def test_ordering_items_are_never_shown_in_the_right_order():
    assert scrambled(("a", "b", "c")) == ("b", "c", "a")
    assert scrambled(("c", "b", "a")) == ("a", "b", "c")
    assert scrambled(("B", "a", "C")) == ("a", "B", "C")


def test_same_bank_gives_byte_identical_files_in_separate_processes(tmp_path):
    bank = write_bank(tmp_path / "bank")
    formats = "anki-csv,apkg,quizlet"
    run_build(bank, tmp_path / "one", formats)
    time.sleep(2)  # a clock-based timestamp would now differ
    env = {**os.environ, "TZ": "Pacific/Kiritimati", "LC_ALL": "C"}
    run_build(bank, tmp_path / "two", formats, env=env)
    for name in ("deck.csv", "deck.apkg", "quizlet.tsv"):
        one = (tmp_path / "one" / name).read_bytes()
        assert one == (tmp_path / "two" / name).read_bytes(), name


def test_the_seed_does_not_change_the_deck(tmp_path):
    bank = write_bank(tmp_path / "bank")
    formats = ("anki-csv", "apkg", "quizlet")
    one = render_files(bank, formats, tmp_path / "one", seed=1)
    two = render_files(bank, formats, tmp_path / "two", seed=2)
    for name, path in one.items():
        assert path.read_bytes() == two[name].read_bytes(), name
