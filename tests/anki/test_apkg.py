"""apkg: imported by the real Anki backend; identity and modification times from the bank."""

from __future__ import annotations

import html
import re
import zipfile

from flashcard_support import (
    TRICKY,
    collection,
    edit_question,
    import_apkg,
    import_csv,
    note_decks,
    notes_by_guid,
    plain,
    render_files,
    tricky,
    write_bank,
)

from quizgen.render.apkg import BASIC_MODEL_ID, CLOZE_MODEL_ID
from quizgen.render.flashcards import note_guid, timestamp
from quizgen.typography import curly

QUESTIONS = {q["id"]: q for q in TRICKY["questions"]}
DECK = "quizgen::Tricky “bank”, <one> & two"
GUIDS = {qid: note_guid("tricky-bank", qid) for qid in QUESTIONS}


def build(tmp_path, name: str, data: dict | None = None, **options):
    bank = write_bank(tmp_path / name, data)
    return render_files(bank, ("apkg", "anki-csv"), tmp_path / f"{name}-out", **options)


def test_import_gives_one_note_per_question_in_quizgen_note_types(tmp_path):
    files = build(tmp_path, "bank")
    with collection(tmp_path / "col.anki2") as col:
        log = import_apkg(col, files["deck.apkg"])
        assert len(log.new) == len(QUESTIONS)
        assert col.note_count() == len(QUESTIONS)
        notes = notes_by_guid(col)
        assert set(notes) == set(GUIDS.values())
        for qid, q in QUESTIONS.items():
            note = notes[GUIDS[qid]]
            notetype = note.note_type()
            if q["type"] == "cloze":
                assert (notetype["id"], notetype["name"]) == (CLOZE_MODEL_ID, "quizgen Cloze")
                assert list(note.keys()) == ["Text", "Prompt", "Explanation", "Source"]
                assert plain(note["Prompt"]) == q["prompt"]
            else:
                assert (notetype["id"], notetype["name"]) == (BASIC_MODEL_ID, "quizgen")
                assert list(note.keys()) == ["Question", "Answer", "Explanation", "Source"]
            assert note_decks(col, note) == {DECK}
            expected_tags = {f"quizgen::{t}" for t in q.get("tags", ())}
            assert set(note.tags) == expected_tags | {"quizgen::bank::tricky-bank"}
            assert plain(note["Explanation"]) == curly(q["explanation"])
            assert plain(note["Source"]) == curly(q["source"])
        assert len(notes[GUIDS["cl"]].cards()) == 3


def test_fields_come_through_exactly(tmp_path):
    files = build(tmp_path, "bank")
    with collection(tmp_path / "col.anki2") as col:
        import_apkg(col, files["deck.apkg"])
        notes = notes_by_guid(col)
        for qid in ("mc", "sa"):
            assert plain(notes[GUIDS[qid]]["Question"]) == curly(QUESTIONS[qid]["prompt"])
            assert plain(notes[GUIDS[qid]]["Answer"]) == curly(QUESTIONS[qid]["answer"])
        assert plain(notes[GUIDS["num"]]["Answer"]) == "1,250 <units> & more"
        assert notes[GUIDS["tf"]]["Answer"] == "False"
        deletions = re.findall(r"\{\{c\d+::(.*?)\}\}", notes[GUIDS["cl"]]["Text"])
        assert [html.unescape(a) for a in deletions] == ["C++::STL", "2027", "x} y"]
        card = notes[GUIDS["sa"]].cards()[0]
        assert card.question_av_tags() == [] and card.answer_av_tags() == []
        back = plain(card.answer())
        for text in (QUESTIONS["sa"]["answer"], QUESTIONS["sa"]["explanation"]):
            assert text in back


def test_same_guids_deck_and_tags_as_the_csv(tmp_path):
    files = build(tmp_path, "bank")
    with collection(tmp_path / "a.anki2") as a, collection(tmp_path / "b.anki2") as b:
        import_apkg(a, files["deck.apkg"])
        import_csv(b, files["deck.csv"])
        from_apkg, from_csv = notes_by_guid(a), notes_by_guid(b)
        assert set(from_apkg) == set(from_csv)
        for guid, note in from_apkg.items():
            assert sorted(note.tags) == sorted(from_csv[guid].tags)
            assert note_decks(a, note) == note_decks(b, from_csv[guid])


def within_day(mod: int, revised: str) -> bool:
    return timestamp(revised) <= mod < timestamp(revised) + 86400


def test_note_modification_times_come_from_revised_dates(tmp_path):
    files = build(tmp_path, "bank")
    with collection(tmp_path / "col.anki2") as col:
        import_apkg(col, files["deck.apkg"])
        notes = notes_by_guid(col)
        assert within_day(notes[GUIDS["tf"]].mod, "2024-02-01")  # the question's own
        for qid in QUESTIONS.keys() - {"tf"}:
            assert within_day(notes[GUIDS[qid]].mod, "2024-01-15")  # the bank's
    undated = tricky()
    del undated["revised"]
    files = build(tmp_path, "undated", undated)
    with collection(tmp_path / "col2.anki2") as col:
        import_apkg(col, files["deck.apkg"])
        assert within_day(notes_by_guid(col)[GUIDS["mc"]].mod, "2000-01-01")


def test_importing_the_same_package_again_adds_nothing(tmp_path):
    files = build(tmp_path, "bank")
    with collection(tmp_path / "col.anki2") as col:
        import_apkg(col, files["deck.apkg"])
        ids = {guid: note.id for guid, note in notes_by_guid(col).items()}
        log = import_apkg(col, files["deck.apkg"])
        assert len(log.new) == 0 and len(log.updated) == 0
        assert {guid: note.id for guid, note in notes_by_guid(col).items()} == ids
        decks = sorted(d.name for d in col.decks.all_names_and_ids())
        assert decks == ["Default", "quizgen", DECK]
        quizgen_types = [m.name for m in col.models.all_names_and_ids() if "quizgen" in m.name]
        assert sorted(quizgen_types) == ["quizgen", "quizgen Cloze"]


def test_an_edited_question_with_a_later_revised_date_updates_in_place(tmp_path):
    before = build(tmp_path, "v1")
    edited = edit_question(TRICKY, "mc", prompt='Edited, <now> & "new"', revised="2024-03-01")
    after = build(tmp_path, "v2", edited)
    with collection(tmp_path / "col.anki2") as col:
        import_apkg(col, before["deck.apkg"])
        old = notes_by_guid(col)
        cards_before = col.card_count()
        log = import_apkg(col, after["deck.apkg"])
        assert len(log.new) == 0 and len(log.updated) == 1
        notes = notes_by_guid(col)
        assert col.note_count() == len(QUESTIONS) and col.card_count() == cards_before
        assert notes[GUIDS["mc"]].id == old[GUIDS["mc"]].id
        assert plain(notes[GUIDS["mc"]]["Question"]) == "Edited, <now> & “new”"
        assert within_day(notes[GUIDS["mc"]].mod, "2024-03-01")
        assert notes[GUIDS["tf"]].fields == old[GUIDS["tf"]].fields


def test_an_edit_without_a_later_revised_date_is_taken_when_updating_always(tmp_path):
    # Documented in docs/anki.md: by default Anki takes a package's note only when it is newer,
    # which only a later revised date guarantees; "Always" takes any note whose time differs.
    from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS

    before = build(tmp_path, "v1")
    after = build(tmp_path, "v2", edit_question(TRICKY, "mc", prompt="Edited"))
    with collection(tmp_path / "col.anki2") as col:
        import_apkg(col, before["deck.apkg"])
        old = notes_by_guid(col)[GUIDS["mc"]]
        log = import_apkg(
            col, after["deck.apkg"], update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS
        )
        assert len(log.new) == 0 and len(log.updated) == 1
        note = notes_by_guid(col)[GUIDS["mc"]]
        assert (note.id, plain(note["Question"])) == (old.id, "Edited")
        assert within_day(note.mod, "2024-01-15")
        assert col.note_count() == len(QUESTIONS)


def test_an_unchanged_note_keeps_its_time_when_another_is_edited(tmp_path):
    before = build(tmp_path, "v1")
    after = build(tmp_path, "v2", edit_question(TRICKY, "mc", prompt="Edited"))
    with collection(tmp_path / "a.anki2") as a, collection(tmp_path / "b.anki2") as b:
        import_apkg(a, before["deck.apkg"])
        import_apkg(b, after["deck.apkg"])
        old, new = notes_by_guid(a), notes_by_guid(b)
        assert old[GUIDS["mc"]].mod != new[GUIDS["mc"]].mod
        for qid in QUESTIONS.keys() - {"mc"}:
            assert old[GUIDS[qid]].mod == new[GUIDS[qid]].mod


def test_two_banks_live_side_by_side(tmp_path):
    # Same dates, so the packages' note ids coincide; Anki must still keep both sets.
    first = build(tmp_path, "one")
    second = build(tmp_path, "two", tricky(id="other-bank", title="Other"))
    with collection(tmp_path / "col.anki2") as col:
        import_apkg(col, first["deck.apkg"])
        import_apkg(col, second["deck.apkg"])
        assert col.note_count() == 2 * len(QUESTIONS)
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert {DECK, "quizgen::Other"} <= names


def test_deck_description_names_the_article(tmp_path):
    article = {
        "path": "article.txt",
        "title": "Awk <ward>",
        "publisher": "P & Q",
        "date": "2024-01-01",
        "url": "https://x.example/a?b=1&c=2",
    }
    files = build(tmp_path, "bank", tricky(article=article))
    with collection(tmp_path / "col.anki2") as col:
        import_apkg(col, files["deck.apkg"])
        desc = col.decks.by_name(DECK)["desc"]
        assert plain(desc) == "Questions on “Awk <ward>” (P & Q, 2024-01-01). " + article["url"]


def test_mixing_csv_and_package_duplicates_nothing(tmp_path):
    # The same GUIDs in another note type: Anki reports them as conflicting and skips them.
    files = build(tmp_path, "bank")
    with collection(tmp_path / "col.anki2") as col:
        import_csv(col, files["deck.csv"])
        log = import_apkg(col, files["deck.apkg"])
        assert len(log.new) == 0 and len(log.conflicting) == len(QUESTIONS)
        assert col.note_count() == len(QUESTIONS)


def test_package_holds_only_the_collection_and_an_empty_media_list(tmp_path):
    files = build(tmp_path, "bank")
    with zipfile.ZipFile(files["deck.apkg"]) as z:
        assert z.namelist() == ["collection.anki2", "media"]
        assert z.read("media") == b"{}"
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
