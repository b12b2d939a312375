"""``anki-csv``: ``deck.csv`` (role ``deck``), a text file Anki 2.1.55+ imports with no choices.

The file headers name the separator, say the fields are HTML and which columns hold the note
type, deck, tags and GUID. Notes use Anki's built-in ``Basic`` (Front, Back) and ``Cloze``
(Text, Back Extra) types; each row's GUID derives from the bank id and the question id, so
importing a regenerated file updates the notes in place (Anki's default for existing notes).

The HTML helpers here are shared with ``apkg``: both targets are Anki fields.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator

from ..errors import RenderError
from ..model import Quiz, Version
from ..text import FORMULA_START
from ..typography import nested
from . import OutputFile, RenderOptions
from .flashcards import BASIC, Flashcard, deck

COLUMNS = ("Note type", "Deck", "Front / Text", "Back / Back Extra", "Tags", "GUID")
NOTE_TYPES = {BASIC: "Basic", "cloze": "Cloze"}

# Characters Anki itself would read as markup in a field, beyond HTML's own: '[' opens media
# and TTS tags ([sound:...], [anki:tts]), '\' opens MathJax (\( \[), '{' and '}' delimit
# cloze deletions. As numeric entities they render the same and are never interpreted.
_ANKI_SPECIAL = str.maketrans({"\\": "&#92;", "[": "&#91;", "{": "&#123;", "}": "&#125;"})
# Inside a cloze deletion '::' would start a hint.
_CLOZE_ANSWER = str.maketrans({":": "&#58;"})


def field_text(text: str, *, in_cloze: bool = False) -> str:
    """Plain text as Anki field HTML: ``html.unescape`` of the result gives ``text`` back.

    Line breaks stay as they are, inside a ``white-space: pre-line`` span that shows them
    (rather than ``<br>``, so that the field still holds the text exactly). ``in_cloze``:
    the text is a cloze deletion's answer, where ``::`` would start a hint.
    """
    escaped = html.escape(text, quote=True).translate(_ANKI_SPECIAL)
    if in_cloze:
        escaped = escaped.translate(_CLOZE_ANSWER)
    if "\n" in text or "\r" in text:
        return f'<span style="white-space: pre-line;">{escaped}</span>'
    return escaped


def field_list(items: tuple[str, ...], *, numbered: bool = False) -> str:
    tag = "ol" if numbered else "ul"
    entries = "".join(f"<li>{field_text(item)}</li>" for item in items)
    return f'<{tag} style="display: inline-block; text-align: left;">{entries}</{tag}>'


def cloze_text(card: Flashcard) -> str:
    """The sentence with each blank as its own deletion: ``{{c1::...}}``, ``{{c2::...}}``.

    One card per blank, each testing one fact, with the other blanks shown filled in.
    """
    parts, number = [], 0
    for segment in card.cloze:
        if isinstance(segment, str):
            parts.append(field_text(segment))
        else:
            number += 1
            answer = field_text(segment.answer, in_cloze=True)
            parts.append(f"{{{{c{number}::{answer}}}}}")
    return "".join(parts)


def front_html(card: Flashcard) -> str:
    """What a basic card asks."""
    out = field_text(card.front)
    if card.front_items:
        out += "<br>" + field_list(card.front_items)
    return out


def answer_html(card: Flashcard) -> str:
    """What a basic card answers (without the explanation and the source)."""
    if card.back_items:
        return field_list(card.back_items, numbered=card.back_numbered)
    return field_text(card.back)


def source_html(card: Flashcard) -> str:
    return f"“{field_text(nested(card.source))}”"


def extra_html(card: Flashcard) -> str:
    """The explanation and the source sentence, for the back of every card."""
    return f"{field_text(card.explanation)}<br><br><i>Source: {source_html(card)}</i>"


def inert_field(field: str) -> str:
    """Field HTML that a spreadsheet opening the file never reads as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (OWASP's list)
    gets that first character as a numeric character reference (``=`` becomes ``&#61;``):
    the cell then starts with ``&``, which no spreadsheet evaluates, and Anki, which reads the
    field as HTML, shows exactly the same text.
    """
    if field.startswith(FORMULA_START):
        return f"&#{ord(field[0])};{field[1:]}"
    return field


def _plain_cell(text: str, column: str) -> str:
    # The deck, note type, tags and GUID columns are not HTML: no reference would do. None of
    # them can start a formula (tags and GUIDs by construction; --deck is checked), so this
    # only guards against a renderer called with such a deck name.
    if text.startswith(FORMULA_START):
        raise RenderError(
            f"{column} '{text}' would start a spreadsheet formula in deck.csv "
            f"(it starts with {text[0]!r})"
        )
    return text


def row(card: Flashcard, deck_name: str) -> list[str]:
    """One CSV row: note type, deck, the two fields, tags, GUID; no cell starts a formula."""
    if card.kind == BASIC:
        answer = answer_html(card) if card.back_items else f"<b>{answer_html(card)}</b>"
        fields = [front_html(card), f"{answer}<br><br>{extra_html(card)}"]
    else:
        # Built-in Cloze shows only Text on the front: the instruction goes there, above.
        fields = [f"<i>{field_text(card.front)}</i><br><br>{cloze_text(card)}", extra_html(card)]
    return [
        NOTE_TYPES[card.kind],
        _plain_cell(deck_name, "deck name"),
        *(inert_field(f) for f in fields),
        _plain_cell(" ".join(card.tags), "tag"),
        _plain_cell(card.guid, "GUID"),
    ]


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """Nothing per version: flashcards are not randomized into versions."""
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    cards = deck(quiz, options.deck)
    out = io.StringIO()
    headers = (
        "#separator:Comma",
        "#html:true",
        f"#notetype column:{COLUMNS.index('Note type') + 1}",
        f"#deck column:{COLUMNS.index('Deck') + 1}",
        f"#tags column:{COLUMNS.index('Tags') + 1}",
        f"#guid column:{COLUMNS.index('GUID') + 1}",
        "#columns:" + ",".join(COLUMNS),
    )
    out.write("".join(h + "\n" for h in headers))
    writer = csv.writer(out, lineterminator="\n")
    for card in cards.cards:
        writer.writerow(row(card, cards.name))
    yield OutputFile("deck.csv", "anki-csv", "deck", out.getvalue().encode("utf-8"))
