"""``json``: one file per version, ``quiz-X.json`` (role ``key``): questions and answers.

Field meanings are documented in docs/formats.md. Keys are written in a fixed order and
non-ASCII text as is, so a seed gives byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

from ..answers import correct_choice, numeric_text
from ..model import (
    Cloze,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Quiz,
    ShortAnswer,
    TrueFalse,
    Version,
)
from . import OutputFile, RenderOptions

BLANK = "_____"


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def item_dict(item: Item) -> dict:
    """The JSON object of one item (shared by other renderers that need the same data)."""
    q = item.question
    body = q.body
    out: dict = {"number": item.number, "id": q.id, "type": q.type, "prompt": q.prompt}
    if isinstance(body, (MultipleChoice, TrueFalse)):
        out["choices"] = list(item.choices)
        out["answer"] = correct_choice(item)
        out["accept"] = []
    elif isinstance(body, ShortAnswer):
        out["answer"] = body.answer
        out["accept"] = list(body.accept)
    elif isinstance(body, Numeric):
        out["answer"] = numeric_text(body)
        out["accept"] = list(body.accept)
        out["value"] = _number(body.answer)
        out["tolerance"] = _number(body.tolerance)
        out["unit"] = body.unit
    elif isinstance(body, Cloze):
        out["text"] = "".join(BLANK if not isinstance(s, str) else s for s in body.segments)
        out["segments"] = [
            s if n is None else {"blank": n} for n, s in enumerate_blanks(body.segments)
        ]
        out["blanks"] = [{"answer": b.answer, "accept": list(b.accept)} for b in body.blanks]
        out["answer"] = body.filled()
        out["accept"] = []
    elif isinstance(body, Matching):
        match = {p.left: p.right for p in body.pairs}
        out["items"] = list(item.lefts)
        out["choices"] = list(item.choices)
        out["answer"] = [match[left] for left in item.lefts]
        out["accept"] = []
    elif isinstance(body, Ordering):
        out["choices"] = list(item.choices)
        out["answer"] = list(body.items)
        out["accept"] = []
    out["explanation"] = q.explanation
    out["source"] = {"quote": q.source}
    out["tags"] = list(q.tags)
    out["difficulty"] = q.difficulty
    out["points"] = _number(q.points)
    return out


def enumerate_blanks(segments):
    """Pairs (blank number from 1, segment) for blanks, (None, text) for text."""
    n = 0
    for s in segments:
        if isinstance(s, str):
            yield None, s
        else:
            n += 1
            yield n, s


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    doc = {
        "bank": quiz.bank.id,
        "version": version.code,
        "seed": quiz.seed,
        "title": quiz.title,
        "questions": [item_dict(item) for item in version.items],
    }
    if options.sheet:
        from .sheet_layout import layout

        sheet = layout(quiz, version, options.page_size, options.student_digits)
        doc["sheet"] = sheet.as_json(f"sheet-{version.code}.pdf")
    data = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    yield OutputFile(f"quiz-{version.code}.json", "json", "key", data, version.code)


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    return iter(())
