"""What is right for an assembled item, derived the same way for every renderer."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .answer_forms import answer_forms, form_number
from .model import Cloze, Item, Matching, MultipleChoice, Numeric, Ordering, ShortAnswer, TrueFalse
from .text import format_number

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(index: int) -> str:
    """0 -> A, 1 -> B, ... (choices and matching options never reach 26)."""
    return LETTERS[index]


def correct_choice(item: Item) -> str:
    """The right choice's text, for multiple-choice and true/false items."""
    body = item.question.body
    if isinstance(body, MultipleChoice):
        return body.answer
    if isinstance(body, TrueFalse):
        return "True" if body.answer else "False"
    raise TypeError(f"{item.type} has no single correct choice")


def correct_index(item: Item) -> int:
    """Index in ``item.choices`` of the right choice."""
    return item.choices.index(correct_choice(item))


def matching_key(item: Item) -> tuple[int, ...]:
    """For each left item in shown order, the index of its match in ``item.choices``."""
    body = item.question.body
    assert isinstance(body, Matching)
    match = {p.left: p.right for p in body.pairs}
    return tuple(item.choices.index(match[left]) for left in item.lefts)


def ordering_key(item: Item) -> tuple[int, ...]:
    """For each item in shown order, its position (1-based) in the correct order."""
    body = item.question.body
    assert isinstance(body, Ordering)
    return tuple(body.items.index(shown) + 1 for shown in item.choices)


def numeric_text(body: Numeric) -> str:
    return format_number(body.answer)


def answer_text(item: Item) -> str:
    """The right answer as one line of plain text, as a key shows it."""
    body = item.question.body
    if isinstance(body, (MultipleChoice, TrueFalse)):
        return correct_choice(item)
    if isinstance(body, ShortAnswer):
        return body.answer
    if isinstance(body, Numeric):
        text = numeric_text(body)
        if body.tolerance:
            text += f" (± {format_number(body.tolerance)})"
        return f"{text} {body.unit}" if body.unit else text
    if isinstance(body, Cloze):
        return "; ".join(b.answer for b in body.blanks)
    if isinstance(body, Matching):
        return ", ".join(f"{n}–{letter(i)}" for n, i in enumerate(matching_key(item), start=1))
    if isinstance(body, Ordering):
        return " → ".join(body.items)
    raise TypeError(item.type)


def accepted_forms(item: Item, blank: int = 0) -> frozenset[str]:
    """The canonical forms of every accepted answer of a typed slot (see ``answer_forms``).

    Numeric: the accepted strings' forms (the value itself is matched by tolerance).
    """
    body = item.question.body
    if isinstance(body, Numeric):
        texts: tuple[str, ...] = body.accept
    elif isinstance(body, ShortAnswer):
        texts = (body.answer, *body.accept)
    elif isinstance(body, Cloze):
        b = body.blanks[blank]
        texts = (b.answer, *b.accept)
    else:
        raise TypeError(f"{item.type} is not typed")
    unit = slot_unit(item)
    return frozenset(f for text in texts for f in answer_forms(text, unit))


def slot_unit(item: Item) -> str | None:
    """The words a typed answer may add that the matching ignores: a numeric question's unit."""
    body = item.question.body
    return body.unit if isinstance(body, Numeric) else None


def parse_number(text: str) -> Decimal | None:
    """A number as digits (a scanned digit grid): thousands separators (',', spaces) allowed;
    None if not a number."""
    cleaned = "".join(text.split()).replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def grade_text(item: Item, response: str, blank: int = 0) -> bool:
    """Whether a typed ``response`` is right (short answer, numeric, or one cloze blank)."""
    forms = answer_forms(response, slot_unit(item))
    if not accepted_forms(item, blank).isdisjoint(forms):
        return True
    body = item.question.body
    if isinstance(body, Numeric):
        for form in forms:
            value = form_number(form)
            if value is not None and abs(value - body.answer) <= body.tolerance:
                return True
    return False
