"""The neutral content model: frozen dataclasses with no output format in them.

Text is stored as plain text exactly as the bank gives it; every renderer escapes for its own
target. Stages build new objects rather than filling fields in later:
``Bank`` (loaded and validated) -> ``Quiz`` of ``Version``s of ``Item``s (assembled).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .errors import Location
from .roster import Assignment

QUESTION_TYPES = (
    "multiple_choice",
    "true_false",
    "short_answer",
    "numeric",
    "cloze",
    "matching",
    "ordering",
)
"""Every question type, in the order handouts present their sections."""

TRUE_FALSE_CHOICES = ("True", "False")


@dataclass(frozen=True)
class Article:
    """The article a bank comes from: its text and what is known about it."""

    text: str
    path: Path | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


# Per-type parts of a question ------------------------------------------------------------


@dataclass(frozen=True)
class MultipleChoice:
    """One correct choice among distractors; choices are shuffled per version."""

    answer: str
    distractors: tuple[str, ...]


@dataclass(frozen=True)
class TrueFalse:
    """The prompt is a statement; ``answer`` tells whether it is true."""

    answer: bool


@dataclass(frozen=True)
class ShortAnswer:
    """A typed answer: ``answer`` is canonical, ``accept`` lists other right answers."""

    answer: str
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class Numeric:
    """A number; answers within ``answer ± tolerance`` are right."""

    answer: Decimal
    tolerance: Decimal = Decimal(0)
    unit: str | None = None
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class Blank:
    """One blank of a cloze sentence."""

    answer: str
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cloze:
    """A sentence with blanks: ``segments`` alternate text (str) and ``Blank``s."""

    segments: tuple[str | Blank, ...]

    @property
    def blanks(self) -> tuple[Blank, ...]:
        return tuple(s for s in self.segments if isinstance(s, Blank))

    def filled(self) -> str:
        """The sentence with each blank's canonical answer in place."""
        return "".join(s.answer if isinstance(s, Blank) else s for s in self.segments)


@dataclass(frozen=True)
class Pair:
    """A matching pair: ``left`` is the item, ``right`` its match."""

    left: str
    right: str


@dataclass(frozen=True)
class Matching:
    """Items to match to options; ``distractors`` are extra options that match nothing."""

    pairs: tuple[Pair, ...]
    distractors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ordering:
    """Items to put in order; ``items`` holds them in the correct order."""

    items: tuple[str, ...]


Body = MultipleChoice | TrueFalse | ShortAnswer | Numeric | Cloze | Matching | Ordering


@dataclass(frozen=True)
class Question:
    """One question of a bank."""

    id: str
    """Stable identifier, unique in its bank; every derived id (Anki GUID, LMS ids) uses it."""
    type: str
    """One of ``QUESTION_TYPES``."""
    prompt: str
    """What the student reads (for cloze: the instruction)."""
    body: Body
    """The type's own parts."""
    explanation: str
    """One or two sentences a student learns from."""
    source: str
    """The article's sentence the question comes from, verbatim."""
    tags: tuple[str, ...] = ()
    difficulty: int = 2
    """1 (easy) to 3 (hard)."""
    revised: str | None = None
    """ISO date of the last edit, if the bank gives one."""
    points: Decimal = Decimal(1)
    """What the question is worth when scored (a positive number; 1 unless the bank says)."""
    excludes: tuple[str, ...] = ()
    """Ids of questions that must never share a copy with this one."""
    location: Location | None = field(default=None, compare=False)
    """Where the question stands in its bank file (for messages only)."""


@dataclass(frozen=True)
class Bank:
    """A validated question bank."""

    id: str
    title: str
    article: Article
    questions: tuple[Question, ...]
    description: str | None = None
    language: str = "en"
    revised: str | None = None
    path: Path | None = None
    excludes: tuple[tuple[str, ...], ...] = ()
    """Bank-level ``excludes:``: groups of question ids of which no two share a copy."""


# Assembled quiz ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """A question as one version shows it.

    ``choices`` are in shown order: the choices of a multiple-choice or true/false question,
    the options of a matching question, the items of an ordering question (shuffled).
    For matching, ``lefts`` are the items in shown order.
    """

    number: int
    question: Question
    choices: tuple[str, ...] = ()
    lefts: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a quiz (A, B, ...). Student copy and key share it.

    A version is kept compact, so that thousands of them take little memory: its questions in
    shown order, and ``order``, the shown order of every question's parts as indices, one
    byte each, in question order (multiple choice: the answer then the distractors; matching:
    the left items, then the right-hand matches followed by the distractors; ordering: the
    items in their correct order). ``items`` makes the ``Item``s from them.
    """

    code: str
    questions: tuple[Question, ...]
    order: bytes = b""

    @property
    def items(self) -> tuple[Item, ...]:
        indices = iter(self.order)
        return tuple(
            _shown(number, question, indices)
            for number, question in enumerate(self.questions, start=1)
        )


def shuffled_parts(question: Question) -> tuple[tuple[str, ...], ...]:
    """The lists a version shows in its own order, for each question type (see ``Version``)."""
    body = question.body
    if isinstance(body, MultipleChoice):
        return ((body.answer, *body.distractors),)
    if isinstance(body, Matching):
        lefts = tuple(p.left for p in body.pairs)
        return (lefts, tuple(p.right for p in body.pairs) + body.distractors)
    if isinstance(body, Ordering):
        return (body.items,)
    return ()


def _shown(number: int, question: Question, indices) -> Item:
    parts = [tuple(values[next(indices)] for _ in values) for values in shuffled_parts(question)]
    if question.type == "true_false":
        return Item(number, question, TRUE_FALSE_CHOICES)
    if question.type == "matching":
        return Item(number, question, parts[1], parts[0])
    return Item(number, question, parts[0] if parts else ())


@dataclass(frozen=True)
class Quiz:
    """What a build renders: the bank, the seed and the versions drawn from them."""

    bank: Bank
    seed: int
    title: str
    versions: tuple[Version, ...]
    selection: tuple[Question, ...] = ()
    """What whole-bank exports (the LMS formats) hold, in bank order: every question that
    matches the filters, or, when a number of questions was asked for, those drawn into the
    versions. A learning management system shuffles for itself, so it gets questions, not
    versions."""
    assignments: tuple[Assignment, ...] = ()
    """With a roster: each student, in roster order, and the code of the version dealt to
    them (one copy each); empty without a roster."""

    def version(self, code: str) -> Version:
        """The version whose code is ``code``."""
        return next(v for v in self.versions if v.code == code)
