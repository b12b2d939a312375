"""Item analysis of a class's scored readings: scores, each question's difficulty and
discrimination, how often each choice was taken, and the article passages missed most."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from . import ABSENT, REVIEW, Reading
from .score import Build, choice_of, earned, points, score


@dataclass(frozen=True)
class Scored:
    reading: Reading
    score: Decimal
    max: Decimal
    pending: tuple[str, ...]
    """Ids of questions still marked ``?``."""


@dataclass(frozen=True)
class ItemStats:
    id: str
    number_text: str
    prompt: str
    answered: int
    """Readings whose version holds the question."""
    difficulty: float | None
    """Mean share of the points earned (1.0: everyone right), None with no answers."""
    discrimination: float | None
    """Correlation of the question's score with the rest of the score (None: undefined)."""
    choices: tuple[tuple[str, int, bool], ...]
    """Choice questions: (choice text, times chosen, whether right), then blank/several."""
    source: str


def scored(build: Build, readings: Sequence[Reading]) -> list[Scored]:
    out = []
    for r in readings:
        got, total = score(build, r.version, r.cells)
        pending = tuple(q for q, c in r.cells.items() if c == REVIEW)
        out.append(Scored(r, got, total, pending))
    return out


def _correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_stats(build: Build, results: Sequence[Scored]) -> list[ItemStats]:
    stats = []
    for qid in build.question_ids:
        question = build.questions[qid]
        shares, rests = [], []
        counts: dict[str, int] = {}
        for s in results:
            cell = s.reading.cells.get(qid, ABSENT)
            if cell == ABSENT or qid not in _ids(build, s.reading.version):
                continue
            q = _question(build, s.reading.version, qid)
            got = earned(q, cell)
            shares.append(float(got / points(q)) if points(q) else 0.0)
            rests.append(float(s.score - got))
            if q["type"] in ("multiple_choice", "true_false"):
                key = _choice_key(q, cell)
                counts[key] = counts.get(key, 0) + 1
        choices: list[tuple[str, int, bool]] = []
        if question["type"] in ("multiple_choice", "true_false"):
            for choice in question["choices"]:
                choices.append((choice, counts.pop(choice, 0), choice == question["answer"]))
            for label in ("(blank)", "(several)", "(needs review)"):
                if counts.get(label):
                    choices.append((label, counts[label], False))
        stats.append(
            ItemStats(
                qid,
                str(question.get("number", "")),
                question.get("prompt", ""),
                len(shares),
                sum(shares) / len(shares) if shares else None,
                _correlation(shares, rests),
                tuple(choices),
                question.get("source", {}).get("quote", ""),
            )
        )
    return stats


def _ids(build: Build, version: str) -> set[str]:
    return {q["id"] for q in build.versions[version]["questions"]}


def _question(build: Build, version: str, qid: str) -> Mapping:
    return next(q for q in build.versions[version]["questions"] if q["id"] == qid)


def _choice_key(question: Mapping, cell: str) -> str:
    if cell == "":
        return "(blank)"
    if cell == REVIEW:
        return "(needs review)"
    if ";" in cell:
        return "(several)"
    return choice_of(question, cell) or "(several)"


def passages(stats: Sequence[ItemStats], limit: int = 5) -> list[tuple[str, float, list[str]]]:
    """The article sentences the class missed most: (sentence, share missed, question ids),
    most missed first; sentences nobody missed are left out."""
    missed: dict[str, list[float]] = {}
    ids: dict[str, list[str]] = {}
    for s in stats:
        if s.difficulty is None or not s.source:
            continue
        missed.setdefault(s.source, []).append(1.0 - s.difficulty)
        ids.setdefault(s.source, []).append(s.id)
    ranked = sorted(
        ((src, sum(v) / len(v), ids[src]) for src, v in missed.items()),
        key=lambda t: (-t[1], t[0]),
    )
    return [r for r in ranked if r[1] > 0][:limit]
