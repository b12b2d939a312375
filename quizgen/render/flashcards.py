"""Flashcards: one note per question, shared by the ``anki-csv``, ``apkg`` and ``quizlet`` formats.

Flashcards are not randomized into versions: a build's deck holds every question the quiz drew
from (the union of its versions, in bank order), once. This module turns each question into
plain-text parts (what the front asks, what the back answers, which note type); every renderer
escapes them for its own target.

Identity never comes from content: a note's GUID derives from the bank id and the question id,
so an edited question replaces its old note instead of adding a new one. Its modification
time comes from the bank, never from the clock: the day from the ``revised`` dates, the time
of day from the card's content.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from ..model import (
    Blank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Quiz,
    ShortAnswer,
    TrueFalse,
)
from ..text import format_number, normalize_space
from ..typography import curly

BASIC = "basic"
CLOZE = "cloze"

DEFAULT_REVISED = "2000-01-01"
"""The modification date of a question when neither it nor its bank gives a ``revised`` date."""

TAG_PREFIX = "quizgen"


@dataclass(frozen=True)
class Flashcard:
    """The content of one note, in plain text.

    A ``basic`` card asks ``front`` (followed by the list ``front_items``, if any) and answers
    ``back`` (followed by ``back_items``, numbered when ``back_numbered``). A ``cloze`` note
    shows ``front`` (the instruction) above the sentence ``cloze``, each ``Blank`` hidden on a
    card of its own; its ``back`` is the sentence filled in.
    """

    question_id: str
    guid: str
    """Stable across builds and edits: derived from the bank id and the question id."""
    kind: str
    """``basic`` or ``cloze``."""
    front: str
    back: str
    explanation: str
    source: str
    tags: tuple[str, ...]
    """Hierarchical Anki tags (``quizgen::dates``, ``quizgen::bank::<bank id>``)."""
    modified: int
    """Seconds since the epoch, within the question's (else the bank's) ``revised`` day (UTC);
    the time of day derives from the card's content (see ``modified_time``)."""
    front_items: tuple[str, ...] = ()
    back_items: tuple[str, ...] = ()
    back_numbered: bool = False
    cloze: tuple[str | Blank, ...] = ()


@dataclass(frozen=True)
class Deck:
    """Every flashcard of a build, with the deck's name and the bank's identity."""

    bank_id: str
    name: str
    cards: tuple[Flashcard, ...]
    description: str = ""
    """Where the questions come from, for the deck's overview screen (plain text)."""

    @property
    def modified(self) -> int:
        """The newest card's modification time (the package's own timestamp)."""
        return max(card.modified for card in self.cards)


def note_guid(bank_id: str, question_id: str) -> str:
    """A note's GUID: 16 URL-safe base64 characters of SHA-256 over (bank id, question id),
    a leading ``-`` written ``~``.

    Ids cannot contain a NUL, so the pair is unambiguous; the result has no character that
    needs quoting in CSV or escaping in HTML.
    """
    digest = hashlib.sha256(f"quizgen\0{bank_id}\0{question_id}".encode()).digest()
    guid = base64.urlsafe_b64encode(digest[:12]).decode("ascii")
    # A leading '-' would start a formula in a spreadsheet opening deck.csv; '~' is outside
    # base64's alphabet, so the changed GUID cannot be another note's.
    return "~" + guid[1:] if guid.startswith("-") else guid


def modified_time(card: Flashcard, revised: str) -> int:
    """When ``card`` was last modified, as Anki compares it: within the ``revised`` day.

    The day comes from the bank, so moving a question's ``revised`` date forward always gives
    a later time, whatever the content. The time of day is a hash of the card's content:
    an edit made without moving the date still changes the time (Anki's "update: always"
    takes a note only when its time differs), and an unchanged card keeps its time.
    """
    content = json.dumps(
        [
            card.kind,
            card.front,
            card.front_items,
            card.back,
            card.back_items,
            card.back_numbered,
            [s if isinstance(s, str) else [s.answer] for s in card.cloze],
            card.explanation,
            card.source,
            card.tags,
        ],
        ensure_ascii=False,
    )
    offset = int.from_bytes(hashlib.sha256(content.encode()).digest()[:8], "big") % 86400
    return timestamp(revised) + offset


def timestamp(revised: str) -> int:
    """``YYYY-MM-DD`` -> seconds since the epoch at 00:00 UTC that day."""
    day = date.fromisoformat(revised)
    return int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())


def deck_name(quiz: Quiz, name: str | None = None) -> str:
    """The deck: ``name`` if given, else ``quizgen::<bank title>`` (``::`` nests decks)."""
    return (
        normalize_space(name)
        if name and name.strip()
        else f"quizgen::{normalize_space(quiz.bank.title)}"
    )


def questions(quiz: Quiz) -> tuple[Question, ...]:
    """The questions the quiz drew from: the union of its versions, in bank order."""
    drawn = {item.id for version in quiz.versions for item in version.items}
    return tuple(q for q in quiz.bank.questions if q.id in drawn)


def deck(quiz: Quiz, name: str | None = None) -> Deck:
    """The flashcards of ``quiz``: one per question, in bank order."""
    bank = quiz.bank
    default = bank.revised or DEFAULT_REVISED
    cards = tuple(
        flashcard(q, bank_id=bank.id, revised=q.revised or default) for q in questions(quiz)
    )
    return Deck(bank.id, deck_name(quiz, name), cards, description(quiz))


def description(quiz: Quiz) -> str:
    """``Questions on "<article title>" (<publisher>, <date>). <url>``, from what is known."""
    article = quiz.bank.article
    text = f"Questions on “{normalize_space(article.title or quiz.bank.title)}”"
    about = ", ".join(normalize_space(x) for x in (article.publisher, article.date) if x)
    if about:
        text += f" ({about})"
    text += "."
    if article.url:
        text += f" {normalize_space(article.url)}"
    return text


def flashcard(question: Question, *, bank_id: str, revised: str) -> Flashcard:
    """The card of one question."""
    q = question
    common = dict(
        question_id=q.id,
        guid=note_guid(bank_id, q.id),
        explanation=q.explanation,
        source=curly(q.source),
        tags=(*(f"{TAG_PREFIX}::{t}" for t in q.tags), f"{TAG_PREFIX}::bank::{bank_id}"),
        modified=0,
    )
    card = _card(q, common)
    return replace(card, modified=modified_time(card, revised))


def _card(q: Question, common: dict) -> Flashcard:
    """The card's content by question type."""
    body = q.body
    if isinstance(body, Cloze):
        return Flashcard(
            kind=CLOZE, front=q.prompt, back=body.filled(), cloze=body.segments, **common
        )
    if isinstance(body, Matching):
        # The extra options of a matching question only make sense on a worksheet.
        return Flashcard(
            kind=BASIC,
            front=q.prompt,
            back="",
            front_items=tuple(p.left for p in body.pairs),
            back_items=tuple(f"{p.left} → {p.right}" for p in body.pairs),
            **common,
        )
    if isinstance(body, Ordering):
        return Flashcard(
            kind=BASIC,
            front=q.prompt,
            back="",
            front_items=scrambled(body.items),
            back_items=body.items,
            back_numbered=True,
            **common,
        )
    if isinstance(body, TrueFalse):
        return Flashcard(
            kind=BASIC,
            front=f"True or false? {q.prompt}",
            back="True" if body.answer else "False",
            **common,
        )
    return Flashcard(kind=BASIC, front=q.prompt, back=answer(body), **common)


def answer(body: MultipleChoice | ShortAnswer | Numeric) -> str:
    """The answer of a question with one answer (the choices are not needed on a card)."""
    if isinstance(body, Numeric):
        number = format_number(body.answer)
        return f"{number} {body.unit}" if body.unit else number
    return body.answer


def scrambled(items: tuple[str, ...]) -> tuple[str, ...]:
    """Items of an ordering question in an order that gives nothing away, the same every build.

    Alphabetical; if that happens to be the correct order, the first item moves to the end.
    """
    shown = tuple(sorted(items, key=lambda s: (s.casefold(), s)))
    if shown == items:
        shown = shown[1:] + shown[:1]
    return shown


def cloze_blanks_text(card: Flashcard, blank: str = "_____") -> str:
    """A cloze card's sentence with every blank shown as ``blank``."""
    return "".join(s if isinstance(s, str) else blank for s in card.cloze)
