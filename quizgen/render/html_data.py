"""What the HTML templates and the page's script get for each item.

``item_view`` is the plain-data view of one item that the quiz and key templates render
(both from the same ``Item``, so they cannot disagree); ``grading_data`` is what the quiz
page's script grades with, with the answers hashed or obfuscated (see ``html_secret``).
"""

from __future__ import annotations

from itertools import groupby

from ..answers import answer_text, correct_choice, letter
from ..model import (
    Blank,
    Cloze,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    TrueFalse,
)
from ..sections import SECTION_NAMES
from ..text import normalize_answer
from . import html_secret

SECTIONS = {
    "multiple_choice": (SECTION_NAMES["multiple_choice"], "Choose one answer."),
    "true_false": (SECTION_NAMES["true_false"], "Decide whether each statement is true or false."),
    "short_answer": (SECTION_NAMES["short_answer"], "Type a word or a short phrase."),
    "numeric": (
        SECTION_NAMES["numeric"],
        "Type a number. Commas or spaces between thousands are fine.",
    ),
    "cloze": (SECTION_NAMES["cloze"], "Type the missing word or words in each blank."),
    "matching": (SECTION_NAMES["matching"], "For each item, choose the option that matches it."),
    "ordering": (
        SECTION_NAMES["ordering"],
        "Use the Up and Down buttons to put the items in order, the first at the top.",
    ),
}
"""Heading (the names every output shares) and instruction of each type's section, in the
student page and the key."""


def answer_view(item: Item) -> dict:
    """The right answer as the key and the graded page show it.

    ``lines`` are one or more lines of text, shown as a paragraph (``style`` ``text``) or a
    list (``ul``, ``ol``); ``also`` lists other accepted answers.
    """
    body = item.question.body
    if isinstance(body, MultipleChoice):
        right = correct_choice(item)
        return _answer([f"{letter(item.choices.index(right))}. {right}"])
    if isinstance(body, TrueFalse):
        return _answer([correct_choice(item)])
    if isinstance(body, ShortAnswer):
        return _answer([body.answer], also=list(body.accept))
    if isinstance(body, Numeric):
        return _answer([answer_text(item)], also=list(body.accept))
    if isinstance(body, Cloze):
        also = [
            f"{a} (blank {n})" for n, blank in enumerate(body.blanks, start=1) for a in blank.accept
        ]
        return _answer([body.filled()], also=also)
    if isinstance(body, Matching):
        match = {p.left: p.right for p in body.pairs}
        lines = [
            f"{left} → {letter(item.choices.index(match[left]))}. {match[left]}"
            for left in item.lefts
        ]
        return _answer(lines, style="ul")
    if isinstance(body, Ordering):
        return _answer(list(body.items), style="ol")
    raise TypeError(item.type)


def _answer(lines: list[str], *, style: str = "text", also: list[str] | None = None) -> dict:
    return {"lines": lines, "style": style, "also": also or []}


def item_view(item: Item) -> dict:
    """Everything the templates render of one item; element ids start with ``q<number>``."""
    q = item.question
    body = q.body
    dom = f"q{item.number}"
    view: dict = {
        "number": item.number,
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "dom": dom,
        "explanation": q.explanation,
        "source": q.source,
        "answer": answer_view(item),
        "choices": [],
        "segments": [],
        "lefts": [],
        "options": [],
        "order": [],
        "unit": None,
    }
    if isinstance(body, (MultipleChoice, TrueFalse)):
        right = correct_choice(item)
        view["choices"] = [
            {"letter": letter(i), "text": c, "id": f"{dom}-c{i + 1}", "correct": c == right}
            for i, c in enumerate(item.choices)
        ]
    elif isinstance(body, Numeric):
        view["unit"] = body.unit
    elif isinstance(body, Cloze):
        view["segments"] = _segments(body, dom)
    elif isinstance(body, Matching):
        match = {p.left: p.right for p in body.pairs}
        view["options"] = [{"letter": letter(i), "text": c} for i, c in enumerate(item.choices)]
        view["lefts"] = [
            {
                "text": left,
                "id": f"{dom}-m{n}",
                "answer": f"{letter(item.choices.index(match[left]))}. {match[left]}",
            }
            for n, left in enumerate(item.lefts, start=1)
        ]
    elif isinstance(body, Ordering):
        view["order"] = [{"text": t, "id": f"{dom}-o{n}"} for n, t in enumerate(item.choices, 1)]
    return view


def _segments(body: Cloze, dom: str) -> list[dict]:
    out: list[dict] = []
    count = len(body.blanks)
    n = 0
    for seg in body.segments:
        if isinstance(seg, Blank):
            n += 1
            label = "Blank" if count == 1 else f"Blank {n}"
            out.append({"blank": n, "id": f"{dom}-b{n}", "label": label, "answer": seg.answer})
        else:
            out.append({"blank": 0, "text": seg})
    return out


def sections(items: tuple[Item, ...]) -> list[dict]:
    """Consecutive items of one type as one section (the assembly sorts items by type)."""
    out = []
    for qtype, group in groupby(items, key=lambda i: i.type):
        heading, instruction = SECTIONS[qtype]
        out.append(
            {
                "type": qtype,
                "heading": heading,
                "instruction": instruction,
                "items": [item_view(i) for i in group],
            }
        )
    return out


def _exact_hash(salt: str, slot: int, text: str) -> str:
    # What the page reads back from a value attribute: HTML cannot hold U+0000, its parser
    # turns it into U+FFFD.
    return html_secret.slot_hash(salt, slot, text.replace("\0", "\ufffd"))


def _text_hashes(salt: str, slot: int, accepted: tuple[str, ...]) -> list[str]:
    # An accepted answer with no letter or digit can never be typed back: leave it out.
    normal = {normalize_answer(a) for a in accepted} - {""}
    return sorted(html_secret.slot_hash(salt, slot, a) for a in normal)


def grading_data(item: Item, bank_id: str, version: str) -> dict:
    """What the page grades one item with: salt, hashed slots and the obfuscated reveal.

    Choice, matching and ordering slots hash the exact text of the right choice; typed slots
    hash the normalised form (``normalize_answer``) of every accepted answer.
    """
    q = item.question
    body = q.body
    salt = html_secret.salt(bank_id, version, q.id)
    secret: dict = {
        "answer": answer_view(item),
        "explanation": q.explanation,
        "source": q.source,
    }
    if isinstance(body, (MultipleChoice, TrueFalse)):
        slots = [[_exact_hash(salt, 0, correct_choice(item))]]
    elif isinstance(body, ShortAnswer):
        slots = [_text_hashes(salt, 0, (body.answer, *body.accept))]
    elif isinstance(body, Numeric):
        slots = [_text_hashes(salt, 0, body.accept)]
        secret["value"] = format(body.answer, "f")
        secret["tolerance"] = format(body.tolerance, "f")
    elif isinstance(body, Cloze):
        slots = [_text_hashes(salt, n, (b.answer, *b.accept)) for n, b in enumerate(body.blanks)]
    elif isinstance(body, Matching):
        match = {p.left: p.right for p in body.pairs}
        slots = [[_exact_hash(salt, n, match[lf])] for n, lf in enumerate(item.lefts)]
    elif isinstance(body, Ordering):
        slots = [[_exact_hash(salt, n, t)] for n, t in enumerate(body.items)]
    else:
        raise TypeError(item.type)
    return {"salt": salt, "slots": slots, "secret": html_secret.obfuscate(salt, secret)}
