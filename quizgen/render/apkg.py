"""``apkg``: ``deck.apkg`` (role ``deck``), an Anki package built with genanki.

The same notes, GUIDs, deck and tags as ``anki-csv``, in quizgen's own note types: ``quizgen``
(Question, Answer, Explanation, Source) and ``quizgen Cloze`` (Text, Prompt, Explanation,
Source), with their own card templates and CSS (``templates/anki-*``).

Nothing in the file comes from the clock, so an unchanged bank gives a byte-identical file:

- note type ids are constants; the deck id derives from the bank id and the deck name;
- each note's modification time is its question's ``revised`` date (else the bank's, else
  2000-01-01): Anki updates an existing note on re-import only when the package's note is
  newer, so moving a question's ``revised`` date forward is what makes an edit reach students;
- the package's own timestamp (note type modification time, first note id) is the newest of
  those dates;
- the zip is written here, not by genanki, with fixed entry dates and attributes.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import genanki

from ..model import Quiz, Version
from ..resources import templates_dir
from . import OutputFile, RenderOptions
from .anki_csv import answer_html, cloze_text, field_text, front_html
from .flashcards import BASIC, Deck, Flashcard, deck

# Fixed for good: Anki recognises a note type by its id. A change to the fields of a note type
# needs a new id (and name), or existing collections would not take the new notes.
BASIC_MODEL_ID = 1175066453
CLOZE_MODEL_ID = 1908795472
BASIC_MODEL_NAME = "quizgen"
CLOZE_MODEL_NAME = "quizgen Cloze"

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class _DatedNote(genanki.Note):
    """A note whose modification time is its own, not the package's."""

    def __init__(self, *, modified: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.modified = modified

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


def _template(name: str) -> str:
    return (templates_dir() / name).read_text(encoding="utf-8")


def note_types() -> tuple[genanki.Model, genanki.Model]:
    """quizgen's two note types (new objects every call: genanki fills them in as it writes)."""
    css = _template("anki-note.css")
    basic = genanki.Model(
        BASIC_MODEL_ID,
        BASIC_MODEL_NAME,
        fields=[
            {"name": "Question"},
            {"name": "Answer"},
            {"name": "Explanation"},
            {"name": "Source"},
        ],
        templates=[
            {
                "name": "Card 1",
                "qfmt": _template("anki-basic-front.html"),
                "afmt": _template("anki-basic-back.html"),
            }
        ],
        css=css,
    )
    cloze = genanki.Model(
        CLOZE_MODEL_ID,
        CLOZE_MODEL_NAME,
        fields=[
            {"name": "Text"},
            {"name": "Prompt"},
            {"name": "Explanation"},
            {"name": "Source"},
        ],
        templates=[
            {
                "name": "Cloze",
                "qfmt": _template("anki-cloze-front.html"),
                "afmt": _template("anki-cloze-back.html"),
            }
        ],
        css=css,
        model_type=genanki.Model.CLOZE,
    )
    return basic, cloze


def deck_id(bank_id: str, name: str) -> int:
    """A deck id in genanki's recommended range, derived from the bank id and deck name."""
    digest = hashlib.sha256(f"quizgen\0{bank_id}\0{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def _note(card: Flashcard, basic: genanki.Model, cloze: genanki.Model) -> genanki.Note:
    if card.kind == BASIC:
        model = basic
        fields = [
            front_html(card),
            answer_html(card),
            field_text(card.explanation),
            field_text(card.source),
        ]
    else:
        model = cloze
        fields = [
            cloze_text(card),
            field_text(card.front),
            field_text(card.explanation),
            field_text(card.source),
        ]
    return _DatedNote(
        model=model, fields=fields, tags=list(card.tags), guid=card.guid, modified=card.modified
    )


def _collection(cards: Deck) -> bytes:
    """The package's ``collection.anki2`` (SQLite) as bytes."""
    basic, cloze = note_types()
    target = genanki.Deck(
        deck_id(cards.bank_id, cards.name), cards.name, description=field_text(cards.description)
    )
    for card in cards.cards:
        target.add_note(_note(card, basic, cloze))
    with tempfile.TemporaryDirectory(prefix="quizgen-apkg-") as tmp:
        path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(path)
        try:
            ids = itertools.count(cards.modified * 1000)
            genanki.Package(target).write_to_db(conn.cursor(), cards.modified, ids)
            conn.commit()
        finally:
            conn.close()
        return path.read_bytes()


def _zip(entries: dict[str, bytes]) -> bytes:
    # Stored, not deflated: compressed bytes depend on the zlib build (zlib-ng differs), and
    # the package must not.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, data)
    return out.getvalue()


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """Nothing per version: flashcards are not randomized into versions."""
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    cards = deck(quiz, options.deck)
    data = _zip({"collection.anki2": _collection(cards), "media": b"{}"})
    yield OutputFile("deck.apkg", "apkg", "deck", data)
