"""Seeded assembly: filter the bank, draw questions, shuffle them and their choices.

All randomness flows from one ``random.Random(seed)``, drawn in a fixed order, so the same
bank, options and seed give the same versions on every machine. Student copies and keys are
rendered from the same ``Version`` objects, so they cannot disagree.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, replace

from .errors import InputError
from .model import (
    QUESTION_TYPES,
    Bank,
    Question,
    Quiz,
    Version,
    shuffled_parts,
)

_REDRAWS = 20
"""How often a version that repeats an earlier one (or an ordering shown already in order) is
drawn again before it is accepted as it is (tiny banks cannot always differ)."""


@dataclass(frozen=True)
class AssemblyOptions:
    """What to draw: how many versions and questions, and which tags and types."""

    versions: int = 1
    questions: int | None = None
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


def assemble(bank: Bank, seed: int, options: AssemblyOptions) -> Quiz:
    """Draw ``options.versions`` versions from ``bank`` with ``random.Random(seed)``."""
    if options.versions < 1:
        raise InputError(f"--versions must be at least 1, got {options.versions}")
    matching = pool = select(bank, options)
    count = len(pool) if options.questions is None else options.questions
    if count < 1:
        raise InputError(f"--questions must be at least 1, got {count}")
    if count > len(pool):
        raise InputError(
            f"--questions {count} asks for more questions than the {len(pool)} "
            f"of bank '{bank.id}' that match the filters"
        )
    rng = random.Random(seed)
    if not options.draw_per_version:
        # One draw for the whole build; each version then shuffles that same set.
        pool = tuple(rng.sample(pool, count))
    versions = []
    seen: set[tuple] = set()
    for index in range(options.versions):
        version = _draw(rng, pool, count)
        for _ in range(_REDRAWS):
            if (version.questions, version.order) not in seen:
                break
            version = _draw(rng, pool, count)
        seen.add((version.questions, version.order))
        versions.append(replace(version, code=version_code(index)))
    # Whole-bank exports hold every matching question unless a number was asked for (the
    # default draw, and "all", leave them whole).
    if not isinstance(options.questions, int):
        selection = matching
    else:
        drawn = {q.id for version in versions for q in version.questions}
        selection = tuple(q for q in matching if q.id in drawn)
    return Quiz(bank, seed, options.title or bank.title, tuple(versions), selection=selection)
