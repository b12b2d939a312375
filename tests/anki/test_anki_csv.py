"""anki-csv: imported by the real Anki backend, with nothing chosen in a dialog."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from flashcard_support import (
    SOURCES,
    TRICKY,
    collection,
    edit_question,
    import_csv,
    note_decks,
    notes_by_guid,
    plain,
    render_files,
    tricky,
    write_bank,
)

from quizgen.assemble import AssemblyOptions
from quizgen.render.flashcards import note_guid
from quizgen.typography import curly, nested

QUESTIONS = {q["id"]: q for q in TRICKY["questions"]}
DECK = "quizgen::Tricky “bank”, <one> & two"
GUIDS = {qid: note_guid("tricky-bank", qid) for qid in QUESTIONS}


@pytest.fixture
def deck_csv(tmp_path):
    return render_files(write_bank(tmp_path / "bank"), ("anki-csv",), tmp_path / "out")["deck.csv"]


def test_file_starts_with_the_headers_anki_reads(deck_csv):
    lines = deck_csv.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == [
        "#separator:Comma",
        "#html:true",
        "#notetype column:1",
        "#deck column:2",
        "#tags column:5",
        "#guid column:6",
    ]


def test_rows_parse_with_csv_one_per_question(deck_csv):
    text = deck_csv.read_text(encoding="utf-8")
    body = "".join(line for line in io.StringIO(text) if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body)))
    assert [row[5] for row in rows] == [GUIDS[qid] for qid in QUESTIONS]
    assert {len(row) for row in rows} == {6}


def test_anki_reads_the_headers_as_settings(tmp_path, deck_csv):
    with collection(tmp_path / "col.anki2") as col:
        meta = col.get_csv_metadata(path=str(deck_csv), delimiter=None)
        assert (meta.notetype_column, meta.deck_column, meta.tags_column, meta.guid_column) == (
            1,
            2,
            5,
            6,
        )
        assert meta.is_html and meta.force_is_html and meta.force_delimiter
        assert meta.dupe_resolution == meta.UPDATE


def test_import_gives_one_note_per_question_with_types_deck_and_tags(tmp_path, deck_csv):
    with collection(tmp_path / "col.anki2") as col:
        log = import_csv(col, deck_csv)
        assert len(log.new) == len(QUESTIONS)
        assert col.note_count() == len(QUESTIONS)
        notes = notes_by_guid(col)
        assert set(notes) == set(GUIDS.values())
        for qid, q in QUESTIONS.items():
            note = notes[GUIDS[qid]]
            expected_type = "Cloze" if q["type"] == "cloze" else "Basic"
            assert note.note_type()["name"] == expected_type
            assert note_decks(col, note) == {DECK}
            expected_tags = {f"quizgen::{t}" for t in q.get("tags", ())}
            assert set(note.tags) == expected_tags | {"quizgen::bank::tricky-bank"}
        assert len(notes[GUIDS["cl"]].cards()) == 3  # one card per blank


def test_field_text_comes_through_exactly(tmp_path, deck_csv):
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, deck_csv)
        notes = notes_by_guid(col)
        for qid in ("mc", "sa", "num"):
            front, back = notes[GUIDS[qid]].fields
            assert plain(front) == curly(QUESTIONS[qid]["prompt"])
            for text in (curly(QUESTIONS[qid]["explanation"]), nested(QUESTIONS[qid]["source"])):
                assert text in plain(back)
        assert plain(notes[GUIDS["mc"]]["Back"]).startswith("“A < B & C”")
        assert plain(notes[GUIDS["num"]]["Back"]).startswith("1,250 <units> & more")
        tf = notes[GUIDS["tf"]]
        assert plain(tf["Front"]) == "True or false? " + curly(QUESTIONS["tf"]["prompt"])
        assert plain(tf["Back"]).startswith("False")
        # Escaped exactly once: the field is HTML that shows the text.
        assert tf["Front"] == "True or false? It’s true that 1 &lt; 2 &amp; “yes”."


def test_matching_and_ordering_make_cards_without_the_extra_options(tmp_path, deck_csv):
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, deck_csv)
        notes = notes_by_guid(col)
        ma = notes[GUIDS["ma"]]
        assert plain(ma["Front"]) == "Match, please: <left> & rightA < BC & DE\nF"
        assert "unused" not in ma["Back"]
        assert [plain(li) for li in re.findall(r"<li>(.*?)</li>", ma["Back"], re.S)] == [
            "A < B → “quoted”, yes",
            "C & D → it’s, fine",
            "E\nF → [sound:z.mp3]",
        ]
        order = notes[GUIDS["or"]]
        shown = [plain(li) for li in re.findall(r"<li>(.*?)</li>", order["Front"])]
        assert sorted(shown) == sorted(curly(i) for i in QUESTIONS["or"]["items"])
        assert shown != [curly(i) for i in QUESTIONS["or"]["items"]]
        assert "<ol" in order["Back"]
        answer = [plain(li) for li in re.findall(r"<li>(.*?)</li>", order["Back"])]
        assert answer == [curly(i) for i in QUESTIONS["or"]["items"]]


def test_cloze_blanks_are_deletions_and_their_text_is_not_anki_syntax(tmp_path, deck_csv):
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, deck_csv)
        note = notes_by_guid(col)[GUIDS["cl"]]
        deletions = re.findall(r"\{\{c(\d+)::(.*?)\}\}", note["Text"])
        assert [(n, html.unescape(a)) for n, a in deletions] == [
            ("1", "C++::STL"),
            ("2", "2027"),
            ("3", "x} y"),
        ]
        filled = re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", note["Text"])
        assert plain(filled) == (
            "Fill in the blanks.On {day one}, “A < D & C” met C++::STL in 2027, by x} y."
        )
        assert note["Text"].startswith("<i>Fill in the blanks.</i><br><br>On &#123;day one&#125;")
        cards = sorted(note.cards(), key=lambda c: c.ord)
        first = plain(cards[0].question())
        assert "[...]" in first and "STL" not in first and "2027" in first
        assert "C++::STL" in plain(cards[0].answer())  # '::' did not become a hint
        assert "x} y" in plain(cards[2].answer())
        assert SOURCES[2] in plain(note["Back Extra"])


def test_text_that_looks_like_anki_markup_stays_text(tmp_path, deck_csv):
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, deck_csv)
        note = notes_by_guid(col)[GUIDS["sa"]]
        card = note.cards()[0]
        assert card.question_av_tags() == [] and card.answer_av_tags() == []
        assert "[sound:y.mp3] \\(y\\) {{c1::not a cloze}}" in plain(card.question())


def test_importing_the_same_file_again_adds_nothing(tmp_path, deck_csv):
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, deck_csv)
        ids = {guid: note.id for guid, note in notes_by_guid(col).items()}
        log = import_csv(col, deck_csv)
        assert len(log.new) == 0
        assert col.note_count() == len(QUESTIONS)
        assert {guid: note.id for guid, note in notes_by_guid(col).items()} == ids


def test_an_edited_question_updates_its_note_in_place(tmp_path):
    before = render_files(write_bank(tmp_path / "v1"), ("anki-csv",), tmp_path / "o1")
    edited = edit_question(TRICKY, "sa", prompt='Which tag, now <edited> & "new"?')
    after = render_files(write_bank(tmp_path / "v2", edited), ("anki-csv",), tmp_path / "o2")
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, before["deck.csv"])
        old = notes_by_guid(col)
        log = import_csv(col, after["deck.csv"])
        assert len(log.new) == 0 and len(log.updated) == 1
        notes = notes_by_guid(col)
        assert col.note_count() == len(QUESTIONS)
        assert notes[GUIDS["sa"]].id == old[GUIDS["sa"]].id
        assert plain(notes[GUIDS["sa"]]["Front"]) == "Which tag, now <edited> & “new”?"
        assert notes[GUIDS["mc"]].fields == old[GUIDS["mc"]].fields


def test_deck_option_names_the_deck(tmp_path):
    files = render_files(
        write_bank(tmp_path / "bank"), ("anki-csv",), tmp_path / "out", deck="Class 7b::News"
    )
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, files["deck.csv"])
        for note in notes_by_guid(col).values():
            assert note_decks(col, note) == {"Class 7b::News"}


def test_deck_holds_the_questions_the_quiz_drew_from(tmp_path):
    bank = write_bank(tmp_path / "bank", tricky())
    files = render_files(
        bank,
        ("anki-csv",),
        tmp_path / "out",
        assembly=AssemblyOptions(versions=1, types=("cloze", "numeric")),
    )
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, files["deck.csv"])
        assert set(notes_by_guid(col)) == {GUIDS["num"], GUIDS["cl"]}
