"""``quizlet``: ``quizlet.tsv`` (role ``deck``), term and definition for Quizlet and similar apps.

One card a line: the term, a tab, the definition; no header and no quoting, which is what
Quizlet's "Import" box reads ("Between term and definition: Tab", "Between cards: New line").
Quizlet has no way to put a tab or a line break inside a card, so every run of whitespace in
the text (tabs and line breaks included) becomes one space. Text is plain, not HTML.

The cards are the flashcards of ``anki-csv``: the term is what the card asks (for a cloze
question, the instruction and the sentence with its blanks as ``_____``), the definition the
answer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..model import Quiz, Version
from ..text import FORMULA_START, normalize_space
from . import OutputFile, RenderOptions
from .flashcards import BASIC, Flashcard, cloze_blanks_text, deck


def _line(text: str) -> str:
    return normalize_space(text)


def inert_cell(text: str) -> str:
    """A cell that a spreadsheet opening the file never reads as a formula: one that would
    start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a single quote
    first, as OWASP recommends (spreadsheets read it as "text follows"). Quizlet shows the
    quote as typed."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def term(card: Flashcard) -> str:
    """What the card asks, on one line."""
    if card.kind != BASIC:
        return _line(f"{card.front} {cloze_blanks_text(card)}")
    if card.front_items:
        return _line(f"{card.front} ({'; '.join(card.front_items)})")
    return _line(card.front)


def definition(card: Flashcard) -> str:
    """The answer, on one line (an order is numbered: ``1. ...; 2. ...``)."""
    if card.kind != BASIC:
        return _line("; ".join(s.answer for s in card.cloze if not isinstance(s, str)))
    if card.back_items:
        items = card.back_items
        if card.back_numbered:
            items = tuple(f"{n}. {item}" for n, item in enumerate(items, start=1))
        return _line("; ".join(items))
    return _line(card.back)


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """Nothing per version: flashcards are not randomized into versions."""
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    out = io.StringIO()
    # No quoting: Quizlet would show the quotes. Nothing needs it, as no field holds a tab or
    # a line break any more.
    writer = csv.writer(
        out, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n"
    )
    for card in deck(quiz, options.deck).cards:
        writer.writerow([inert_cell(term(card)), inert_cell(definition(card))])
    yield OutputFile("quizlet.tsv", "quizlet", "deck", out.getvalue().encode("utf-8"))
