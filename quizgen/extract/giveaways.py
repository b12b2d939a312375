"""Pairs of drafted questions of which one shows the other's answer, kept apart on copies.

A figure asked in a fill-in blank is printed in full by the question about the quotation that
holds it; a person question names the role another question asks for. The draft keeps both
questions (each is worth asking) and marks the later one with ``excludes`` so that no copy
holds the two together.
"""

from __future__ import annotations

import re

from .questions import shows

_BLANK_RE = re.compile(r"\{\{(.*?)\}\}")
_MIN_ANSWER = 3
"""Shorter answers (``2``, ``US``) match too much ordinary text to count as given away."""


def _answers(q: dict) -> list[str]:
    """What a question's key accepts, as text a student could read elsewhere."""
    if q["type"] in ("multiple_choice", "short_answer", "numeric"):
        out = [str(q["answer"]), *map(str, q.get("accept", []))]
    elif q["type"] == "cloze":
        out = [blank.split("|")[0] for blank in _BLANK_RE.findall(q["text"])]
    else:
        out = []
    return [a for a in out if len(a.strip()) >= _MIN_ANSWER]


def _shown(q: dict) -> str:
    """What a student reads in a question, blanks left empty."""
    return q["prompt"] + " " + _BLANK_RE.sub(" ", q.get("text", ""))


def exclude_giveaways(questions: list[dict]) -> list[dict]:
    """``questions`` with ``excludes`` added to the later question of every pair of which
    one shows an answer of the other."""
    out = []
    answers = [_answers(q) for q in questions]
    shown = [_shown(q) for q in questions]
    for j, q in enumerate(questions):
        pair = [
            questions[i]["id"]
            for i in range(j)
            if any(shows(shown[j], a) for a in answers[i])
            or any(shows(shown[i], a) for a in answers[j])
        ]
        if pair:
            q = {**q, "excludes": sorted(set(q.get("excludes", [])) | set(pair))}
        out.append(q)
    return out
