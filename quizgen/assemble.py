"""Seeded assembly: filter the bank, draw questions, shuffle them and their choices.

All randomness flows from one ``random.Random(seed)``, drawn in a fixed order, so the same
bank, options and seed give the same versions on every machine. Student copies and keys are
rendered from the same ``Version`` objects, so they cannot disagree.
"""

from __future__ import annotations

import random
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from .errors import InputError
from .giveaways import answers, conflicts, header_reveals, header_texts, without
from .model import (
    QUESTION_TYPES,
    Bank,
    Question,
    Quiz,
    Version,
    shuffled_parts,
)

DEFAULT_QUESTIONS = 25
"""Questions a copy holds when ``--questions`` is not given (all, when fewer match)."""
ALL = "all"
"""``questions=ALL``: every question that matches the filters."""
_LOOK = 64
"""How many eligible candidates each balanced pick compares."""

_REDRAWS = 20
"""How often a version that repeats an earlier one (or an ordering shown already in order) is
drawn again before it is accepted as it is (tiny banks cannot always differ)."""


@dataclass(frozen=True)
class AssemblyOptions:
    """What to draw: how many versions and questions, and which tags and types."""

    versions: int = 1
    questions: int | str | None = None
    """How many questions a copy holds: a number, ``ALL`` (every question that matches, less
    one of each pair that would give the other away), or None for the default: 25, or all
    when fewer match."""
    tags: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    title: str | None = None
    draw_per_version: bool = False
    """Draw a separate set of questions for each version (default: every version has the
    same questions, in its own order)."""


def version_code(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB, ... (like spreadsheet columns)."""
    letters = string.ascii_uppercase
    code = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        code = letters[rem] + code
    return code


def select(bank: Bank, options: AssemblyOptions) -> tuple[Question, ...]:
    """The questions that match the tag and type filters, in bank order."""
    unknown = [t for t in options.types if t not in QUESTION_TYPES]
    if unknown:
        raise InputError(
            f"unknown question type '{unknown[0]}' in --types (valid: {', '.join(QUESTION_TYPES)})"
        )
    pool = tuple(
        q
        for q in bank.questions
        if (not options.types or q.type in options.types)
        and (not options.tags or any(_has_tag(q, t) for t in options.tags))
    )
    if not pool:
        raise InputError(
            f"no question of bank '{bank.id}' matches the filters"
            + (f" --tags {','.join(options.tags)}" if options.tags else "")
            + (f" --types {','.join(options.types)}" if options.types else "")
        )
    return pool


def _has_tag(question: Question, tag: str) -> bool:
    # A filter tag also matches its hierarchical children: 'topic' matches 'topic::war'.
    return any(t == tag or t.startswith(tag + "::") for t in question.tags)


def _draw(rng: random.Random, pool: tuple[Question, ...], count: int) -> Version:
    """One version's questions and the shown order of their parts (see ``Version``)."""
    drawn = rng.sample(pool, count)
    # Sections by type (the order handouts present them), random order within each section;
    # every format numbers the questions the same way.
    drawn.sort(key=lambda q: QUESTION_TYPES.index(q.type))
    order = bytearray()
    for question in drawn:
        for values in shuffled_parts(question):
            shown = rng.sample(range(len(values)), len(values))
            if question.type == "ordering":
                # An ordering shown already in order would give itself away.
                for _ in range(_REDRAWS):
                    if shown != sorted(shown):
                        break
                    shown = rng.sample(range(len(values)), len(values))
            order += bytes(shown)
    return Version("", tuple(drawn), bytes(order))


def _score(question: Question, counts: Counter) -> tuple:
    """Lower is better: the pick that keeps types, sources, tags and difficulty balanced."""
    tags = question.tags or ("",)
    return (
        counts["type", question.type],
        counts["source", question.source],
        sum(counts["tag", t] for t in tags) / len(tags),
        counts["difficulty", question.difficulty],
    )


def _choose(
    rng: random.Random,
    pool: tuple[Question, ...],
    count: int,
    apart: dict[str, frozenset[str]],
) -> list[Question]:
    """Up to ``count`` questions of ``pool``, no two of which may not meet (``apart``), each
    pick the best balanced of a few candidates in a random order."""
    order = rng.sample(pool, len(pool))
    chosen: list[Question] = []
    blocked: set[str] = set()
    counts: Counter = Counter()
    while len(chosen) < count:
        best, best_score, looked = None, None, 0
        for question in order:
            if question.id in blocked:
                continue
            score = _score(question, counts)
            if best is None or score < best_score:
                best, best_score = question, score
            looked += 1
            if looked == _LOOK:
                break
        if best is None:
            break
        chosen.append(best)
        blocked |= apart.get(best.id, frozenset()) | {best.id}
        order = [q for q in order if q.id not in blocked] if len(order) > 4 * _LOOK else order
        tags = best.tags or ("",)
        counts.update(
            [("type", best.type), ("source", best.source), ("difficulty", best.difficulty)]
        )
        counts.update(("tag", t) for t in tags)
    return chosen


def _all_apart(
    pool: tuple[Question, ...], apart: dict[str, frozenset[str]]
) -> tuple[tuple[Question, ...], list[tuple[str, str]]]:
    """Every question of ``pool`` in bank order, less the later one of each pair that must not
    meet; and the (dropped, kept) pairs."""
    kept: list[Question] = []
    kept_ids: set[str] = set()
    dropped: list[tuple[str, str]] = []
    for question in pool:
        clash = sorted(apart.get(question.id, frozenset()) & kept_ids)
        if clash:
            dropped.append((question.id, clash[0]))
        else:
            kept.append(question)
            kept_ids.add(question.id)
    return tuple(kept), dropped


def _header(bank: Bank, title: str, questions: set[Question]) -> tuple[Bank, str]:
    """The bank and title a copy's header shows, less anything that answers one of its
    ``questions``: the words that would give an answer away are taken out, a date that would
    is left off."""
    article = bank.article
    revealed = header_reveals(header_texts(title, article), questions)
    if not revealed:
        return bank, title
    answers = [a for q in questions if q.id in revealed for a in _answer_texts(q)]
    date = article.date
    if date and header_reveals(
        header_texts("", replace(article, title=None, publisher=None)), questions
    ):
        date = None
    article = replace(
        article,
        title=without(article.title, answers) if article.title else None,
        publisher=without(article.publisher, answers) if article.publisher else None,
        date=date,
    )
    return replace(bank, article=article), without(title, answers) or bank.id


def _answer_texts(question: Question) -> list[str]:
    return [text for _, text in answers(question)]


def assemble(
    bank: Bank,
    seed: int,
    options: AssemblyOptions,
    *,
    note: Callable[[str], None] | None = None,
) -> Quiz:
    """Draw ``options.versions`` versions from ``bank`` with ``random.Random(seed)``.

    No copy holds two questions of which one shows the other's answer, or that the bank's
    ``excludes`` keep apart; no header shows an answer of its copy. ``note`` receives what
    the user should know (questions left out of ``--questions all``).
    """
    if options.versions < 1:
        raise InputError(f"--versions must be at least 1, got {options.versions}")
    matching = pool = select(bank, options)
    apart = conflicts(bank)
    wanted = options.questions
    if wanted == ALL:
        pool, dropped = _all_apart(pool, apart)
        for gone, kept in dropped:
            if note:
                note(
                    f"left out question '{gone}': on one copy with question '{kept}', one "
                    "would give the other's answer away (see quizgen validate)"
                )
        count, exact = len(pool), True
    elif wanted is None:
        count, exact = min(DEFAULT_QUESTIONS, len(pool)), False
    else:
        count, exact = int(wanted), True
    if count < 1:
        raise InputError(f"--questions must be at least 1, got {count}")
    if count > len(pool):
        raise InputError(
            f"--questions {count} asks for more questions than the {len(pool)} "
            f"of bank '{bank.id}' that match the filters"
        )
    rng = random.Random(seed)

    def choose() -> tuple[Question, ...]:
        nonlocal count, exact
        best: list[Question] = []
        for _ in range(_REDRAWS):
            chosen = _choose(rng, pool, count, apart)
            if len(chosen) > len(best):
                best = chosen
            if len(best) == count:
                break
        if len(best) < count and exact:
            raise InputError(
                f"--questions {count}: no more than {len(best)} questions of bank '{bank.id}' "
                "found that can share a copy without one giving another's answer away "
                "(see quizgen validate)"
            )
        # Every version holds as many questions as the first.
        count, exact = len(best), True
        return tuple(best)

    fixed = choose() if not options.draw_per_version else None
    versions = []
    seen: set[tuple] = set()
    for index in range(options.versions):
        version = _draw(rng, fixed or choose(), count)
        for _ in range(_REDRAWS):
            if (version.questions, version.order) not in seen:
                break
            version = _draw(rng, fixed or choose(), count)
        seen.add((version.questions, version.order))
        versions.append(replace(version, code=version_code(index)))
    # Whole-bank exports hold every matching question unless a number was asked for (the
    # default draw, and "all", leave them whole).
    if not isinstance(options.questions, int):
        selection = matching
    else:
        drawn = {q.id for version in versions for q in version.questions}
        selection = tuple(q for q in matching if q.id in drawn)
    on_copies = {q for v in versions for q in v.questions}
    shown_bank, title = _header(bank, options.title or bank.title, on_copies)
    return Quiz(shown_bank, seed, title, tuple(versions), selection=selection)
