"""Wrong choices of the same kind as the answer: taken from the same article first (other
speakers, other figures near in size, other dates), then near values, written the way the
answer is written. A distractor never equals the answer, in value or in words.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from ..text import format_number, normalize_answer
from .facts import DateFact, Figure, Place, Quote
from .lexicon import MONTH_NAMES, ORDINAL_WORDS, WORDS_FOR

ORDINAL_FOR = {v: k for k, v in ORDINAL_WORDS.items()}

WANTED = 3
"""Distractors per multiple-choice question."""
FROM_ARTICLE = 2
"""At most this many come from the article; near values fill the rest."""


NEIGHBOURS = 60
"""Distractors are drawn from at most this many facts of the kind on each side of the answer
(the whole article when it is shorter), so a long text costs no more per question."""


def nearby(items: Sequence, starts: Sequence[int], position: int) -> Sequence:
    """The ``items`` (in article order; ``starts`` their offsets) around ``position``."""
    if len(items) <= 2 * NEIGHBOURS:
        return items
    i = bisect.bisect_left(starts, position)
    return items[max(0, i - NEIGHBOURS) : i + NEIGHBOURS]


def _pick(
    answer: str,
    answer_key,
    article: Iterable[tuple[object, str]],
    near: Iterable[tuple[object, str]],
    *,
    wanted: int = WANTED,
    from_article: int = FROM_ARTICLE,
) -> list[str]:
    """Up to ``wanted`` distinct choices, article ones first, none equal to the answer.

    When every choice would be shorter than the answer, the last one gives way to the first
    remaining candidate at least as long as the answer: students learn to pick the longest
    option, so the answer should not stand out by its length.
    """
    seen_keys = {answer_key}
    seen_text = {normalize_answer(answer)}
    out: list[str] = []
    article, near = list(article), list(near)

    def fresh(pool):
        for key, text in pool:
            norm = normalize_answer(text)
            if key in seen_keys or norm in seen_text or not norm:
                continue
            yield key, text, norm

    def take(pool, limit):
        for key, text, norm in fresh(pool):
            if len(out) >= limit:
                return
            seen_keys.add(key)
            seen_text.add(norm)
            out.append(text)

    take(article, min(from_article, wanted))
    take(near, wanted)
    if out and all(len(o) < len(answer) for o in out):
        longer = next((t for _, t, _ in fresh(article + near) if len(t) >= len(answer)), None)
        if longer is not None:
            out[-1] = longer
    return out


def longer_last(answer: str, choices: list[str], pool: Sequence[str]) -> list[str]:
    """``choices``, with the last one swapped for the first of ``pool`` at least as long as
    ``answer`` when every choice is shorter than it."""
    if not choices or any(len(c) >= len(answer) for c in choices):
        return choices
    taken = {normalize_answer(c) for c in (answer, *choices)}
    for other in pool:
        if len(other) >= len(answer) and normalize_answer(other) not in taken:
            return [*choices[:-1], other]
    return choices


# Dates ---------------------------------------------------------------------------------------


def date_style(fact: DateFact) -> str:
    """How a date is written: ``mdy``, ``dmy``, ``dmy,``, ``my``, ``y``, ``range``, ``range2``."""
    text = fact.text
    if fact.precision == "range":
        second = re.split(r"\s*(?:-|–|—|/|to|and)\s*", text)[-1]
        return "range2" if len(second) == 2 else "range"
    if fact.precision == "decade":
        return "decade"
    if fact.precision == "month":
        return "my"
    if fact.precision == "year":
        return "y"
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z]", text):
        return "dmy," if re.search(r"[A-Za-z.],\s*\d{4}", text) else "dmy"
    return "mdy"


def format_date(value: str, style: str, *, sep: str = "-") -> str | None:
    """The ISO-like ``value`` written in ``style``; None when the value does not fit it."""
    if "/" in value:
        a, b = value.split("/")
        if style == "decade":
            return f"{a}s"
        if style == "range2" and a[:2] == b[:2]:
            return f"{a}{sep}{b[2:]}"
        return f"{a}{sep}{b}"
    parts = value.split("-")
    if len(parts) == 1 and parts[0].isdigit():
        return parts[0]
    if len(parts) == 2 and parts[0].isdigit():
        return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 3 and parts[0].isdigit():
        y, m, d = int(parts[0]), int(parts[1]), int(parts[2])
        month = MONTH_NAMES[m - 1]
        if style.startswith("dmy"):
            return f"{d} {month}{',' if style == 'dmy,' else ''} {y}"
        return f"{month} {d}, {y}"
    return None


def _near_dates(value: str) -> list[str]:
    if "/" in value:
        a, b = (int(x) for x in value.split("/"))
        pairs = [(a, b + 1), (a - 1, b), (a + 1, b + 2), (a, b + 3), (a - 2, b - 1)]
        return [f"{x}/{y}" for x, y in pairs if x < y]
    parts = value.split("-")
    if len(parts) == 1:
        y = int(parts[0])
        return [str(y + d) for d in (-1, 1, 2, -2, 3)]
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        cands = [(y, m % 12 + 1), (y + 1, m), (y, (m - 2) % 12 + 1), (y - 1, m)]
        return [f"{a:04d}-{b:02d}" for a, b in cands]
    y, m, d = (int(x) for x in parts)
    cands = [(y + 1, m, d), (y, m % 12 + 1, d), (y - 1, m, d), (y + 3, m, d)]
    return [
        f"{a:04d}-{b:02d}-{min(c, 28):02d}" if c > 28 else f"{a:04d}-{b:02d}-{c:02d}"
        for a, b, c in cands
    ]


def date_distractors(fact: DateFact, dates: Sequence[DateFact]) -> list[str]:
    """Other dates of the article with the same precision, then near ones, in the answer's
    style."""
    if fact.value is None or fact.value.startswith("--"):
        return []
    style = date_style(fact)
    sep = "-"
    m = re.search(r"\d\s*(-|–|—|/|to|and)\s*\d", fact.text)
    if m:
        sep = m.group(1) if m.group(1) in "-–—/" else f" {m.group(1)} "
    year = int(fact.value[:4])
    others = sorted(
        (
            d
            for d in dates
            if d.value
            and d.precision == fact.precision
            and d.form != "relative"
            and not d.value.startswith("--")
            and d.value != fact.value
        ),
        key=lambda d: (abs(int(d.value[:4]) - year), d.start),
    )
    article = [(d.value, format_date(d.value, style, sep=sep)) for d in others]
    near = [(v, format_date(v, style, sep=sep)) for v in _near_dates(fact.value)]
    return _pick(fact.text, fact.value, [a for a in article if a[1]], [n for n in near if n[1]])


# Figures -------------------------------------------------------------------------------------


def ordinal_number(n: int) -> str:
    """``5`` -> ``5th``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _round_sig(value: Decimal, digits: int = 2) -> Decimal:
    if value == 0:
        return value
    exp = math.floor(math.log10(abs(float(value)))) - digits + 1
    quantum = Decimal(1).scaleb(exp)
    return (value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum


def format_figure(value: Decimal, like: Figure) -> str | None:
    """``value`` written the way ``like``'s number is written (words, ordinal, scale...)."""
    if value <= 0:
        return None
    number = like.number
    if like.words:
        words = ORDINAL_FOR if like.ordinal else WORDS_FOR
        if value != value.to_integral_value() or int(value) not in words:
            return None
        word = words[int(value)]
        return word.capitalize() if number[:1].isupper() else word
    if like.ordinal:
        return ordinal_number(int(value)) if value == value.to_integral_value() else None
    prefix = number[0] if number[:1] in "$€£¥" else ""
    scale = re.search(r"\s*(hundred|thousand|million|billion|trillion|m|bn|k)$", number)
    if scale:
        base = like.value / Decimal(re.sub(r"[^\d.]", "", number.split()[0]) or 1)
        shown = (value / base).normalize()
        return f"{prefix}{format_number(shown)}{scale.group()}"
    text = format_number(value)
    if "," not in number:
        text = text.replace(",", "")
    return prefix + text


LOWER_BOUNDS = {"more than", "over", "at least", "just over", "well over"}
UPPER_BOUNDS = {"less than", "fewer than", "under", "up to", "at most", "just under"}


def _near_figures(fig: Figure) -> list[Decimal]:
    v = fig.value
    step = Decimal(10) ** (len(str(int(v))) - 1) if v >= 20 else Decimal(1)
    if fig.ordinal and v >= 20:
        steps = [v - 10, v + 10, v - 20, v + 5]
    elif v < 20 and v == v.to_integral_value():
        steps = [v + 1, v - 1, v + 2, v + 3, v + 5]
    elif v == v.to_integral_value() and v % step == 0:
        steps = [v - step, v + step, v - 2 * step, v + 2 * step]
    else:
        steps = [_round_sig(v * Decimal(f)) for f in ("0.5", "1.5", "2", "0.75")]
    return [s for s in steps if s > 0 and s != v]


def _fits_qualifier(fig: Figure, value: Decimal) -> bool:
    """A wrong figure must not make the article's statement still true ("more than 10"
    stories makes "more than 3" true), nor be so close that an estimate covers it."""
    q = fig.qualifier
    if not q:
        return True
    if q in LOWER_BOUNDS and value < fig.value or q in UPPER_BOUNDS and value > fig.value:
        return False
    return abs(value - fig.value) > fig.value * Decimal("0.15")


def figure_distractors(fig: Figure, figures: Sequence[Figure]) -> list[str]:
    """Other figures of the article near in size (same unit first), then near values, written
    like ``fig``."""

    def ratio(other: Figure) -> float:
        if other.value <= 0 or fig.value <= 0:
            return 99.0
        return abs(math.log(float(other.value) / float(fig.value)))

    unit = fig.unit.lower()
    others = sorted(
        (
            f
            for f in figures
            if f.value != fig.value
            and f.value > 0
            and f.ordinal == fig.ordinal
            and ratio(f) <= math.log(10)
            and _fits_qualifier(fig, f.value)
        ),
        key=lambda f: (f.unit.lower() != unit, ratio(f), f.start),
    )
    article = [(f.value, format_figure(f.value, fig)) for f in others]
    near = [(v, format_figure(v, fig)) for v in _near_figures(fig) if _fits_qualifier(fig, v)]
    return _pick(fig.number, fig.value, [a for a in article if a[1]], [n for n in near if n[1]])


# Speakers and places -------------------------------------------------------------------------


_LOWER_WORD_RE = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def _words(label: str) -> frozenset[str]:
    return frozenset(w for w in _LOWER_WORD_RE.findall(label.lower()) if len(w) > 2 and w != "the")


class Speakers:
    """The article's speakers, read once: what each said and where, for wrong choices."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.said: dict[str, list[str]] = {}
        self.starts: dict[str, list[int]] = {}
        self.kinds: dict[str, str] = {}
        self.at: list[int] = []
        self.order: list[tuple[int, str]] = []
        """(start, speaker) of every attributed quotation, in article order."""
        for q in quotes:
            if q.speaker is None:
                continue
            label = q.speaker.label
            self.order.append((q.start, label))
            self.at.append(q.start)
            self.said.setdefault(label, []).append(normalize_answer(q.text))
            self.starts.setdefault(label, []).append(q.start)
            self.kinds.setdefault(label, q.speaker.kind)

    def _distance(self, label: str, position: int) -> int:
        starts = self.starts[label]
        i = bisect.bisect_left(starts, position)
        return min(abs(starts[j] - position) for j in (i - 1, i) if 0 <= j < len(starts))

    def _said_it(self, label: str, words: str) -> bool:
        return any(t and (t in words or words in t) for t in self.said.get(label, ()))

    def distractors(
        self, quote: Quote, extra: Sequence[str] = (), *, exclude_kind: Callable | None = None
    ) -> list[str]:
        """Other speakers who did not say these words (those quoted nearest first), then
        ``extra`` names (people of the article who are not quoted)."""
        answer = quote.speaker.label
        words = normalize_answer(quote.text)

        def fits(label: str) -> bool:
            if label == answer or _words(label) & _words(answer):
                return False
            if exclude_kind and exclude_kind(self.kinds.get(label, "person")):
                return False
            return not self._said_it(label, words)

        around = dict.fromkeys(label for _, label in nearby(self.order, self.at, quote.start))
        labels = sorted(around, key=lambda k: (self._distance(k, quote.start), k))
        article = [(label, _cap(label)) for label in labels if fits(label)]
        near = list(itertools.islice(((x, _cap(x)) for x in extra if fits(x)), 2 * WANTED))
        return _pick(_cap(answer), answer, article, near, from_article=WANTED)


def place_distractors(place: Place, places: Sequence[Place]) -> list[str]:
    """Other places of the same kind, not named in the same sentence, not overlapping."""
    sentence = place.sentence.text
    others = sorted(
        (
            p
            for p in places
            if p.kind == place.kind
            and p.name != place.name
            and not (_words(p.name) & _words(place.name))
            and p.name not in sentence
            and p.text not in sentence
        ),
        key=lambda p: (abs(p.start - place.start), p.name),
    )
    return _pick(
        place.text, place.name, [(p.name, p.name) for p in others], [], from_article=WANTED
    )


def _cap(label: str) -> str:
    return label[:1].upper() + label[1:]
