"""Dates: absolute (``June 25, 1950``, ``25 June 1950``, ``June 1951``, ``2018``), ranges
(``1950-1953``, ``1950-53``) and relative ones (``on Thursday``, ``last week``,
``three years later``, ``70 years ago``), resolved against the article's date when given.

A relative date that counts from another date (``three years later``) is resolved against the
last absolute date before it in the same paragraph, with or without the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from operator import itemgetter

from .clean import SpanIndex
from .facts import DateFact, Sentence
from .figures import STOP_WORDS
from .lexicon import MONTH_NAMES, MONTHS, NUMBER_WORDS, WEEKDAYS
from .scope import DIGIT, Scope, keywords

_FULL_MONTH = "|".join(MONTH_NAMES)
_ANY_MONTH = _FULL_MONTH + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>1[1-9]\d\d|20\d\d)"
_WEEKDAY = "|".join(WEEKDAYS)
_NUM = r"(?P<n>\d{1,4}|a|an|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(p, re.IGNORECASE if name.startswith("rel") else 0))
    for name, p in (
        ("mdy", rf"\b(?:(?:{_WEEKDAY}),?\s+)?(?P<m>{_ANY_MONTH})\s+{_DAY}(?:,\s*|\s+){_YEAR}\b"),
        ("dmy", rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_DAY}\s+(?:of\s+)?(?P<m>{_ANY_MONTH}),?\s+{_YEAR}\b"),
        ("iso", r"\b(?P<y>\d{4})-(?P<mm>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("md", rf"\b(?:(?:{_WEEKDAY}),?\s+)?(?P<m>{_ANY_MONTH})\s+{_DAY}\b(?!\s*[,:]?\s*\d)"),
        ("dm", rf"\b(?:(?:{_WEEKDAY}),?\s+)?{_DAY}\s+(?:of\s+)?(?P<m>{_ANY_MONTH})\b"),
        (
            "my",
            rf"\b(?P<m>{_FULL_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
            rf",?\s+(?:of\s+)?{_YEAR}\b",
        ),
        ("between", r"\b[Bb]etween\s+(?P<y>1[1-9]\d\d|20\d\d)\s+and\s+(?P<y2>1[1-9]\d\d|20\d\d)\b"),
        (
            "range",
            r"(?<![\d,.])\b(?P<y>1[1-9]\d\d|20\d\d)\s*(?:-|–|—|/|\bto\b)\s*"
            r"(?P<y2>1[1-9]\d\d|20\d\d|\d\d)\b(?![\d,.]\d)",
        ),
        ("decade", r"\b(?P<core>(?P<y>1[1-9]\d0|20\d0)s)\b"),
        (
            "month",
            rf"\b(?:[Ii]n|of|[Bb]y|[Uu]ntil|[Ss]ince|early|late|during|[Ff]rom)\s+"
            rf"(?P<core>(?P<m>{_FULL_MONTH}))\b(?!\s+\d)",
        ),
        ("year", r"(?<![\d,.$€£¥-])\b(?P<y>1[1-9]\d\d|20\d\d)\b(?![\d%]|,\d|\.\d)"),
        (
            "rel_weekday",
            rf"\b(?:(?P<mod>last|next|this)\s+)?(?P<wd>{_WEEKDAY})"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b",
        ),
        ("rel_day", r"\b(?P<word>yesterday|today|tomorrow|tonight)\b"),
        (
            "rel_period",
            r"\b(?:(?P<early>earlier|later)\s+)?(?P<mod>last|next|this)\s+"
            r"(?P<unit>week|month|year|weekend)\b",
        ),
        (
            "rel_count",
            rf"\b{_NUM}\s+(?P<unit>day|week|month|year|decade)s?\s+"
            r"(?P<dir>ago|later|earlier|(?:before|after)(?!\s+(?:(?:the|a|an|his|her|its|their)\b"
            r"|(?-i:[A-Z0-9]))))\b",
        ),
        (
            "rel_following",
            r"\bthe\s+(?P<dir>following|next|previous)\s+"
            r"(?P<unit>day|week|month|year)\b",
        ),
    )
]
_MONTH_TRIGGER = keywords(*(m[:3] for m in MONTH_NAMES))
"""A month's name or its abbreviation (``Sept.`` starts with ``Sep``)."""
_TRIGGERS = {
    **{name: DIGIT for name, _ in _PATTERNS},  # the absolute dates hold a day or a year
    # each starts with a character the engine skips to: "-", a digit, "s"
    "iso": re.compile(r"-(?<=\d{4}-)[01]\d-"),
    "between": keywords("between"),
    "range": re.compile(r"\d\s*(?:[-–—/]|to\b)"),
    "decade": re.compile(r"s(?<=\d0s)"),
    "month": keywords(*MONTH_NAMES),
    **{name: _MONTH_TRIGGER for name in ("mdy", "dmy", "md", "dm", "my")},
    "rel_weekday": keywords("day"),  # Monday ... Sunday
    "rel_day": keywords("day", "tomorrow", "tonight"),
    "rel_period": keywords("week", "month", "year"),
    "rel_count": keywords("ago", "later", "earlier", "before", "after"),
    "rel_following": keywords("following", "next", "previous"),
}
"""What every sentence holding a match of each pattern also holds (see ``Scope.finditer``)."""
_FUTURE = re.compile(r"\b(?:will|shall|is due to|are due to|plans? to|is set to|are set to)\b")


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _count(word: str) -> int:
    word = word.lower()
    if word in ("a", "an"):
        return 1
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _candidates(scope: Scope) -> list[tuple[Sentence, str, re.Match]]:
    """``(sentence, pattern name, match)`` of every date, in order; of overlapping matches
    the one that starts first, then the longest, then the first pattern's."""
    found = []
    for priority, (name, pattern) in enumerate(_PATTERNS):
        for sentence, m in scope.finditer(pattern, _TRIGGERS[name]):
            a, b = m.span()
            found.append((a, a - b, priority, name, m, sentence))
    found.sort(key=itemgetter(0, 1, 2))  # sentences never overlap: one order for all
    out = []
    last_end = -1
    for a, negative_length, _priority, name, m, sentence in found:
        if a >= last_end:
            out.append((sentence, name, m))
            last_end = a - negative_length
    return out


_WORD_AFTER_RE = re.compile(r"\s+([a-z][a-z-]*)")
_YEAR_PREPOSITION_RE = re.compile(
    r"\b(?:in|In|since|Since|until|by|By|from|of|before|after|during|early|late|mid|the|"
    r"summer|spring|autumn|fall|winter)[ \t-]+$"
)


def _year_is_figure(text: str, m: re.Match) -> bool:
    """A four-digit number followed by what it counts (``1500 troops``) is not a year,
    unless a preposition shows it is one (``in 2018 failed``)."""
    after = _WORD_AFTER_RE.match(text, m.end(), m.end() + 30)
    if not after:
        return False
    word = after.group(1)
    if word in STOP_WORDS or word.endswith(("ly", "ed")):
        return False
    return not _YEAR_PREPOSITION_RE.search(text, max(0, m.start() - 12), m.start())


class _Resolver:
    """Turns one match into a ``DateFact``, with the article date and the running anchor."""

    def __init__(self, today: dt.date | None) -> None:
        self.today = today
        self.anchor: dt.date | None = None
        self.anchor_precision = "year"

    def absolute(self, name: str, m: re.Match) -> tuple[str, str, str]:
        g = m.groupdict()
        if name in ("mdy", "dmy", "iso"):
            y, d = int(g["y"]), int(g["d"])
            mo = int(g["mm"]) if name == "iso" else _month(g["m"])
            if not _valid(y, mo, d):
                raise ValueError
            self._set_anchor(dt.date(y, mo, d), "day")
            return f"{y:04d}-{mo:02d}-{d:02d}", "absolute", "day"
        if name == "my":
            y, mo = int(g["y"]), _month(g["m"])
            self._set_anchor(dt.date(y, mo, 1), "month")
            return f"{y:04d}-{mo:02d}", "absolute", "month"
        if name in ("between", "range"):
            y1, y2 = int(g["y"]), g["y2"]
            y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            if not y1 < y2 <= y1 + 200:
                raise ValueError
            self._set_anchor(dt.date(y1, 1, 1), "year")
            return f"{y1}/{y2}", "range", "range"
        if name == "decade":
            return f"{g['y']}/{int(g['y']) + 9}", "range", "decade"
        y = int(g["y"])
        self._set_anchor(dt.date(y, 1, 1), "year")
        return f"{y}", "absolute", "year"

    def anchor_on(self, value: str | None) -> None:
        """Count later relative dates (``three years later``) from a resolved one."""
        parts = value.split("-") if value and re.fullmatch(r"\d{4}(-\d\d){0,2}", value) else []
        if parts:
            numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
            self._set_anchor(dt.date(*numbers), ("year", "month", "day")[len(parts) - 1])

    def _set_anchor(self, day: dt.date, precision: str) -> None:
        self.anchor, self.anchor_precision = day, precision

    def partial(self, name: str, m: re.Match, quoted: bool) -> tuple[str, str, str, str | None]:
        g = m.groupdict()
        mo = _month(g["m"])
        if name == "month":
            if self.today and not quoted:
                return (
                    f"{self.today.year}-{mo:02d}",
                    "relative",
                    "month",
                    (f"{MONTH_NAMES[mo - 1]} of the article's year, {self.today.year}"),
                )
            return f"--{mo:02d}", "absolute", "month", None
        d = int(g["d"])
        if not _valid(2000, mo, d):
            raise ValueError
        if self.today and not quoted and _valid(self.today.year, mo, d):
            day = dt.date(self.today.year, mo, d)
            self._set_anchor(day, "day")
            return day.isoformat(), "relative", "day", (f"{_long(day)}, in the year of the article")
        return f"--{mo:02d}-{d:02d}", "absolute", "day", None

    def relative(
        self, name: str, m: re.Match, sentence_text: str
    ) -> tuple[str | None, str, str | None]:
        """(value, precision, note) of a relative date; value None when unresolvable."""
        g = {k: (v.lower() if v else v) for k, v in m.groupdict().items()}
        today = self.today
        if name == "rel_count" and g["dir"] in ("later", "after", "before", "earlier"):
            return self._from_anchor(_count(g["n"]), g["unit"], g["dir"], m.group("n"))
        if name == "rel_following":
            sign = -1 if g["dir"] == "previous" else 1
            return self._from_anchor(sign, g["unit"], "later", "one")
        if today is None:
            precision = "weekday" if name == "rel_weekday" else "day"
            return None, precision, None
        if name == "rel_weekday":
            target = WEEKDAYS.index(g["wd"].capitalize())
            back = (today.weekday() - target) % 7
            future = g["mod"] == "next" or (g["mod"] != "last" and _FUTURE.search(sentence_text))
            if g["mod"] == "last":
                day = today - dt.timedelta(days=back or 7)
            elif future and back:
                day = today + dt.timedelta(days=(target - today.weekday()) % 7)
            else:
                day = today - dt.timedelta(days=back)
            return day.isoformat(), "day", f"{_long(day)} (the article is dated {_long(today)})"
        if name == "rel_day":
            shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"]]
            day = today + dt.timedelta(days=shift)
            return day.isoformat(), "day", f"{_long(day)} (the article is dated {_long(today)})"
        if name == "rel_period":
            shift = {"last": -1, "this": 0, "next": 1}[g["mod"]]
            return _period(today, g["unit"], shift)
        n = _count(g["n"])
        return _period(today, g["unit"], -n, ago=True)

    def _from_anchor(
        self, n: int, unit: str, direction: str, written: str
    ) -> tuple[str | None, str, str | None]:
        if self.anchor is None:
            return None, "year", None
        sign = -1 if direction in ("before", "earlier") else 1
        if unit in ("year", "decade"):
            years = n * (10 if unit == "decade" else 1)
            y = self.anchor.year + sign * years
            unit_words = unit if abs(n) == 1 else unit + "s"
            relation = "before" if sign < 0 else "after"
            return (
                f"{y}",
                "year",
                (f"{y}, {written.lower()} {unit_words} {relation} {self.anchor.year}"),
            )
        if unit == "month" and self.anchor_precision in ("day", "month"):
            total = self.anchor.year * 12 + self.anchor.month - 1 + sign * n
            y, mo = divmod(total, 12)
            return f"{y:04d}-{mo + 1:02d}", "month", None
        if unit in ("day", "week") and self.anchor_precision == "day":
            day = self.anchor + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
            return day.isoformat(), "day", None
        return None, unit, None


def _long(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _period(today: dt.date, unit: str, shift: int, *, ago: bool = False):
    if unit in ("week", "weekend"):
        day = today + dt.timedelta(weeks=shift)
        monday = day - dt.timedelta(days=day.weekday())
        year, week, _ = monday.isocalendar()
        note = f"the week of {_long(monday)}"
        if ago:
            return day.isoformat(), "day", f"{_long(day)}, counted back from the article's date"
        return f"{year}-W{week:02d}", "week", note
    if unit == "month":
        total = today.year * 12 + today.month - 1 + shift
        y, mo = divmod(total, 12)
        return f"{y:04d}-{mo + 1:02d}", "month", f"{MONTH_NAMES[mo]} {y}"
    if unit == "day":
        day = today + dt.timedelta(days=shift)
        return day.isoformat(), "day", f"{_long(day)}, counted back from the article's date"
    years = shift * (10 if unit == "decade" else 1)
    y = today.year + years
    note = f"{y}, counted back from the article's year {today.year}" if ago else f"{y}"
    return f"{y}", "year", note


def find_dates(
    scope: Scope,
    quotes: Iterable[tuple[int, int]],
    *,
    today: dt.date | None = None,
    times: Iterable[tuple[int, int]] = (),
) -> list[DateFact]:
    """Every date in the sentences of ``scope``, in order of appearance; nothing inside the
    ``times`` spans (``0900 GMT`` is a time of day, not the year 900)."""
    text = scope.text
    quotes = SpanIndex(quotes)
    times = SpanIndex(times)
    out: list[DateFact] = []
    resolver = _Resolver(today)
    paragraph = None
    for sentence, name, m in _candidates(scope):
        if sentence.paragraph != paragraph:
            paragraph, resolver.anchor = sentence.paragraph, None
        if name == "year" and _year_is_figure(text, m):
            continue
        if times.overlaps(m.start(), m.end()):
            continue
        quoted = quotes.covers(m.start())
        try:
            fact = _fact(name, m, sentence, resolver, quoted)
        except ValueError:
            continue
        out.append(fact)
    return out


def _fact(
    name: str, m: re.Match, sentence: Sentence, resolver: _Resolver, quoted: bool
) -> DateFact:
    start, end = m.start(), m.end()
    note = None
    blank = None
    if name.startswith("rel"):
        value, precision, note = resolver.relative(name, m, sentence.text)
        resolver.anchor_on(value)
        form = "relative"
        if name == "rel_count":
            blank = (m.start("n"), m.end("n"))
        elif name == "rel_weekday":
            blank = (m.start("wd"), m.end("wd"))
    elif name in ("md", "dm", "month"):
        value, form, precision, note = resolver.partial(name, m, quoted)
    else:
        value, form, precision = resolver.absolute(name, m)
    if "core" in m.re.groupindex:
        start, end = m.start("core"), m.end("core")
    return DateFact(
        text=m.string[start:end],
        start=start,
        end=end,
        sentence=sentence,
        value=value,
        form=form,
        precision=precision,
        blank=blank,
        note=note,
    )
