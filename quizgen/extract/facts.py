"""The facts an article yields, each tied to the sentence it was read from.

Offsets (``start``, ``end``) count characters of the article text as read (a byte-order mark
removed and line endings made ``\\n``), so every fact can be traced back to its words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, init=False)
class Sentence:
    """One sentence of article text: ``text`` is ``article[start:end]``, verbatim."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    """Index of the paragraph the sentence belongs to."""
    caption: bool = False
    """True when the sentence comes from a photo caption (kept once, without its credit)."""
    cut: tuple[bool, bool] = (False, False)
    """For an excerpt of a sentence: whether words were left out before and after it (shown
    as an ellipsis)."""

    def __init__(
        self,
        index: int,
        text: str,
        start: int,
        end: int,
        paragraph: int,
        caption: bool = False,
        cut: tuple[bool, bool] = (False, False),
    ) -> None:
        # One update of the instance's fields: a long text makes hundreds of thousands of
        # sentences, and a frozen dataclass's own __init__ sets each field apart (twice as slow).
        self.__dict__.update(
            index=index, text=text, start=start, end=end, paragraph=paragraph, caption=caption,
            cut=cut,
        )  # fmt: skip


@dataclass(frozen=True)
class Skipped:
    """A span that is not article text (a repeated caption, a credit, a byline...)."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True, init=False)
class DateFact:
    """A date as written, with what it means.

    ``value`` is ISO-like: ``1950-06-25``, ``1951-06``, ``2018``, ``--06-25`` (no year),
    ``1950/1953`` (a range), ``2020-W25`` (a week); ``None`` for a relative date that could not
    be resolved (no ``--date``).
    """

    text: str
    start: int
    end: int
    sentence: Sentence
    value: str | None
    form: str
    """``absolute``, ``range`` or ``relative``."""
    precision: str
    """``day``, ``month``, ``year``, ``week``, ``range``, ``decade`` or ``weekday``."""
    blank: tuple[int, int] | None = None
    """The span (article offsets) a fill-in question blanks out; default: the whole date."""
    note: str | None = None
    """How a relative date was resolved, in words."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        sentence: Sentence,
        value: str | None,
        form: str,
        precision: str,
        blank: tuple[int, int] | None = None,
        note: str | None = None,
    ) -> None:
        # as Sentence: one update of the fields, for the many dates of a long text
        self.__dict__.update(
            text=text, start=start, end=end, sentence=sentence, value=value, form=form,
            precision=precision, blank=blank, note=note,
        )  # fmt: skip


@dataclass(frozen=True)
class Figure:
    """A number with what it counts, e.g. ``more than 10 stories``."""

    text: str
    """The whole phrase: qualifier, number and what it counts."""
    start: int
    end: int
    sentence: Sentence
    number: str
    """The number as written (``520,000``, ``three``, ``7.2 million``, ``70th``)."""
    number_start: int
    number_end: int
    value: Decimal
    """The number's value (``7.2 million`` -> 7200000; ``70th`` -> 70)."""
    unit: str
    """What it counts (``North Koreans``), or ``""`` when nothing follows the number."""
    qualifier: str | None = None
    """``more than``, ``about``, ``nearly``... when the figure is approximate."""
    ordinal: bool = False
    words: bool = False
    """True when the number is written in words (``three``)."""


@dataclass(frozen=True)
class Speaker:
    """Who a quotation is attributed to.

    ``label`` is how questions name the speaker (``Mark Esper and Jeong Kyeong-doo``,
    ``Rodong Sinmun``, ``a veteran``); ``kind`` is ``person``, ``people``, ``org``,
    ``place`` or ``other``.
    """

    label: str
    kind: str
    phrase: str
    """The words of the article the speaker was read from (``it``, ``the statement``...)."""


@dataclass(frozen=True)
class Quote:
    """A quotation and its speaker."""

    text: str
    """The quoted words, without the quotation marks."""
    start: int
    end: int
    sentence: Sentence
    speaker: Speaker | None
    partial: bool
    """True for a phrase quoted inside reported speech rather than a full quotation."""
    rule: str
    """Which attribution rule found the speaker (for review and tests)."""
    continued: bool = False
    """True when the quotation runs on into the next paragraph."""
    doubt: str | None = None
    """Why the speaker may be wrong, when a reader could take someone else for them (for a
    ``review:`` note); None when the attribution is plain."""


@dataclass(frozen=True)
class Person:
    """A named person, with the role the article gives them (first mention)."""

    name: str
    role: str | None
    sentence: Sentence
    start: int
    end: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A named place, at its first mention."""

    name: str
    kind: str
    """``country``, ``city`` or ``site``."""
    text: str
    """The words as written at the first mention (``Seoul's``, ``US``)."""
    sentence: Sentence
    start: int
    end: int


@dataclass(frozen=True)
class Facts:
    """Everything extracted from one article."""

    sentences: tuple[Sentence, ...]
    dates: tuple[DateFact, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    people: tuple[Person, ...]
    places: tuple[Place, ...]
    skipped: tuple[Skipped, ...] = ()
    headline: str | None = None
    attributions: dict = field(default_factory=dict, compare=False)
    """Sentence index -> who the sentence's claim is attributed to (``Seoul's defence
    ministry``), for sentences that attribute their claim."""

    def count(self) -> int:
        return (
            len(self.dates)
            + len(self.figures)
            + len(self.quotes)
            + len(self.people)
            + len(self.places)
        )
