"""Curly quotation marks for every output: the bank may type straight quotes; students read
“ ” and ‘ ’, and an apostrophe as ’.

``curly`` is applied once, by the loader, to every text a student or teacher reads (so the
PDF, HTML, Anki and JSON outputs all print the same marks); ``quoted`` wraps a text in
quotation marks, turning the quotation marks inside it into the nested kind (‘ ’).
"""

from __future__ import annotations

from dataclasses import replace

from .model import (
    Blank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    Question,
    ShortAnswer,
)

_OPENS_AFTER = " \t\n([{\u2014\u2013-/="
"""A quotation mark after one of these (or at the start) opens a quotation."""


def curly(text: str) -> str:
    """``text`` with straight quotes made curly: "a" -> “a”, 'a' -> ‘a’, it's -> it’s."""
    if '"' not in text and "'" not in text:
        return text
    out = []
    inside = False  # a double quotation mark opened and not yet closed
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        opens = prev in _OPENS_AFTER or prev in "“‘"
        if ch == '"':
            if not opens and not prev.isalnum() and nxt.isalnum():
                # between a mark and a word (:"Go", ,"Click", ."Next): opens unless a
                # quotation is open (,"she said closes "Hello,")
                opens = not inside
            mark = "“" if opens and not nxt.isspace() else "”"
            inside = mark == "“"
            out.append(mark)
        elif ch == "'":
            out.append("‘" if opens and nxt.isalnum() and not prev.isalnum() else "’")
        else:
            out.append(ch)
    return "".join(out)


def nested(text: str) -> str:
    """``text`` ready to go inside “ ”: its double quotation marks made single (‘ ’)."""
    return curly(text).replace("“", "‘").replace("”", "’")


def quoted(text: str) -> str:
    """“text”, with the double quotation marks inside it made single (‘ ’), so a source that
    is itself a quotation is not wrapped in a second pair of the same marks."""
    return f"“{nested(text)}”"


def typeset(question: Question) -> Question:
    """``question`` with curly quotation marks in every text it shows. ``source`` stays the
    article's words as they are; renderers print it through ``quoted`` or ``curly``."""
    body = question.body
    if isinstance(body, MultipleChoice):
        body = MultipleChoice(curly(body.answer), _all(body.distractors))
    elif isinstance(body, ShortAnswer):
        body = ShortAnswer(curly(body.answer), _all(body.accept))
    elif isinstance(body, Numeric):
        body = replace(body, unit=curly(body.unit) if body.unit else None)
    elif isinstance(body, Cloze):
        body = Cloze(_cloze_segments(body))
    elif isinstance(body, Matching):
        pairs = tuple(Pair(curly(p.left), curly(p.right)) for p in body.pairs)
        body = Matching(pairs, _all(body.distractors))
    elif isinstance(body, Ordering):
        body = Ordering(_all(body.items))
    return replace(
        question,
        prompt=curly(question.prompt),
        explanation=curly(question.explanation),
        body=body,
    )


def _all(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(curly(t) for t in texts)


def _cloze_segments(body: Cloze) -> tuple[str | Blank, ...]:
    # The marks of the text around the blanks are decided on the whole sentence: a quotation
    # mark right after a blank closes, one right before a blank opens.
    marker = "\x00"
    joined = "".join(marker if isinstance(s, Blank) else s for s in body.segments)
    texts = curly(joined).split(marker)
    blanks = iter(body.blanks)
    out: list[str | Blank] = []
    for i, text in enumerate(texts):
        if i:
            blank = next(blanks)
            out.append(Blank(curly(blank.answer), _all(blank.accept)))
        if text:
            out.append(text)
    return tuple(out)
