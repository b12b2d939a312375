"""Lint checks on how questions read: tolerance against the prompt's words, quotation marks,
cloze sentences, and giveaways (see ``giveaways``). Pure: ``Bank`` in, messages out."""

from __future__ import annotations

import re
from decimal import Decimal

from .giveaways import conflicts, giveaways, header_reveals, header_texts
from .model import Bank, Cloze, Matching, MultipleChoice, Numeric, Ordering, Question

ESTIMATE_WORDS = ("roughly", "about", "approximately", "around")
"""Words with which a prompt asks for an estimate."""
ESTIMATE_TOLERANCE = Decimal("0.03")
"""The least tolerance, as a share of the answer, for a prompt that asks for an estimate."""

_ESTIMATE_RE = re.compile(r"\b(" + "|".join(ESTIMATE_WORDS) + r")\b", re.IGNORECASE)


def estimate_tolerance(question: Question) -> list[str]:
    """A prompt that says "roughly" (or about, approximately, around) with a tolerance too
    small for a student who rounds."""
    body = question.body
    if not isinstance(body, Numeric):
        return []
    match = _ESTIMATE_RE.search(question.prompt)
    if not match or body.answer == 0:
        return []
    least = abs(body.answer) * ESTIMATE_TOLERANCE
    if body.tolerance >= least:
        return []
    return [
        f"the prompt says '{match.group(1).lower()}' but the tolerance is {body.tolerance}, "
        f"under {int(ESTIMATE_TOLERANCE * 100)}% of the answer (at least {least.normalize():f})"
    ]


def texts_of(question: Question) -> list[tuple[str, str]]:
    """(field, text) of every text of a question a student or teacher reads."""
    body = question.body
    out = [("prompt", question.prompt), ("explanation", question.explanation)]
    if isinstance(body, MultipleChoice):
        out += [("answer", body.answer)] + [("distractors", d) for d in body.distractors]
    elif isinstance(body, Matching):
        out += [("pairs", p.left) for p in body.pairs] + [("pairs", p.right) for p in body.pairs]
        out += [("distractors", d) for d in body.distractors]
    elif isinstance(body, Ordering):
        out += [("items", i) for i in body.items]
    elif isinstance(body, Cloze):
        out.append(("text", body.filled()))
    return out


def unbalanced(text: str) -> str | None:
    """What is wrong with the quotation marks of ``text``, or None.

    Straight double quotes must pair up; curly ones must open before they close. An
    apostrophe (’ or ' between letters, or after an s) is not a quotation mark.
    """
    if text.count('"') % 2:
        return "an odd number of '\"'"
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return "a closing '”' with no opening '“'"
    if depth:
        return "an opening '“' that is never closed"
    return None


def quote_marks(question: Question) -> list[str]:
    messages = []
    for field, text in texts_of(question):
        problem = unbalanced(text)
        if problem:
            messages.append(f"{field}: unbalanced quotation marks ({problem}) in '{text}'")
    return messages


def cloze_sentence(question: Question) -> list[str]:
    """A cloze text that is not a readable sentence: it must start with a capital letter (or
    an opening quotation mark and one) and end with '.', '?', '!' (a closing quotation mark
    may follow); an excerpt starts or ends with '…' where words are left out."""
    body = question.body
    if not isinstance(body, Cloze):
        return []
    text = body.filled().strip()
    first = text.lstrip("\"“‘'(")[:1]
    starts = first.isupper() or first.isdigit() or first == "…"  # "…" opens an excerpt
    ends = re.search(r"[.?!…][\"”’')]*$", text) is not None
    if starts and ends:
        return []
    why = "does not start with a capital letter" if not starts else "does not end a sentence"
    return [f"text: the cloze text {why}; write a whole sentence the student can read"]


def bank_giveaways(bank: Bank, *, header: bool = True) -> dict[str, list[str]]:
    """For each question id, the giveaway messages: answers shown by other questions (unless
    the bank's ``excludes`` declares the pair), and, with ``header``, answers shown by the
    header a copy prints (which the assembler takes out of each copy's header)."""
    out: dict[str, list[str]] = {}
    declared = conflicts(bank, found=[])
    for g in giveaways(bank):
        # A pair the bank declares in ``excludes`` is known and kept apart: no warning.
        if g.shown_by not in declared.get(g.answered, frozenset()):
            out.setdefault(g.answered, []).append(g.message())
    if not header:
        return out
    shown = header_reveals(header_texts(bank.title, bank.article), bank.questions)
    for qid, what in shown.items():
        out.setdefault(qid, []).append(
            f"{what} appears in the title or header a copy prints (the title, or the "
            "article's title, publisher or date)"
        )
    return out


def header_notes(bank: Bank) -> list[tuple[Question, str]]:
    """(question, note) for each question whose answer the title or header would show. Not a
    warning: the assembler leaves such words out of the header of every copy that holds the
    question; ``quizgen validate`` prints them as notes so the author can reword the title."""
    shown = header_reveals(header_texts(bank.title, bank.article), bank.questions)
    return [
        (
            q,
            f"{shown[q.id]} appears in the title or header; copies holding this question "
            "leave it out of their header",
        )
        for q in bank.questions
        if q.id in shown
    ]
