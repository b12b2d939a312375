"""Figures: every number with what it counts, written in digits or words, with its qualifier.

``520,000 North Koreans``, ``more than 10 stories``, ``three summits``, ``about 1,200 affiliate
stations``, ``7.2 million``, ``the 70th anniversary``, ``a three-year war``. Numbers that are
part of a name or code (``M-26``, ``24th Infantry Regiment``, ``COVID-19``), times of day
(``10 a.m.``, ``9pm``, ``10:30``; see ``times``) and the numbers inside dates are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from .clean import SpanIndex
from .facts import Figure
from .lexicon import ORDINAL_WORDS, QUALIFIERS, SCALES, TENS, UNITS
from .scope import Scope, keywords

STOP_WORDS = frozenset(
    """
the a an and or but nor of in on at to for from by with without into onto over under about
after before since until during between among against per than as that which who whom whose
what when where while if because so then also still only just even yet already more most less
least very too not no is are was were be been being has have had do does did will would shall
should can could may might must it its they them their he him his she her we us our you your
i me my this these those there here each every all both either neither other another such same
some any many much few several own up down out off away back again ago later earlier now
across around through toward towards near via like said says say died killed paid met made took
gave went came left held told saw became began brought fought won lost led sent spent kept stood
ran got put set hit cut let remain remained agreed
""".split()
)
"""Words that end the phrase a number counts (a verb, preposition or pronoun follows)."""

_WORD_UNITS = "|".join(sorted(UNITS, key=len, reverse=True))
_WORD_TENS = "|".join(TENS)
_WORD_NUMBER = rf"(?:{_WORD_TENS})(?:-(?:{_WORD_UNITS}))?|a\s+dozen|(?:{_WORD_UNITS})"
_QUALIFIER = "|".join(q.replace(" ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True))
FIGURE_RE = re.compile(
    # A figure starts where a word does, or with a digit or a currency sign: said first, it
    # spares the engine trying every number word inside every word (twice as fast).
    r"(?:(?<!\w)(?=[\w$€£¥])|(?=[\d$€£¥]))"
    rf"(?:\b(?P<qual>{_QUALIFIER})\s+)?"
    r"(?P<num>(?P<cur>[$€£¥])?"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)|\b(?P<words>(?i:{_WORD_NUMBER})))"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion)\b|(?:m|bn|k)\b)?"
    r"(?P<ord>st|nd|rd|th)?\b"
    r"(?P<pct>\s*%|\s+per\s*cent\b|\s+percent\b)?)",
    re.IGNORECASE,
)
_FIGURE_TRIGGER = keywords(*UNITS, *TENS, "dozen", digits=True)
MAX_DIGITS = 18
"""A longer run of digits is not read as a figure."""
_HYPHEN_UNIT_RE = re.compile(r"-(?P<unit>[a-z]+)(?:-(?:old|long|strong|wide|high))?\b")
_NEXT_WORD_RE = re.compile(
    r"[ \t]+(?P<w>[A-Za-z]\.(?:[A-Za-z]\.)*[A-Za-z]\.(?![\w'’-])"
    r"|[A-Za-z][A-Za-z'’-]*(?![\w'’-]|\.[A-Za-z0-9]))"
)
"""A word after a number, whole: a dotted abbreviation (``U.S.``) or a word that ends where
the token ends (never the ``p`` of ``p.m.`` nor a word running into digits)."""
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_SCALE_ABBREV = {"m": "million", "bn": "billion", "k": "thousand"}
_PLURALS = {"people", "children", "men", "women", "police", "staff", "cattle", "sheep"}
_ONE_SKIP = {"of", "another", "day", "time", "way", "hand", "side", "thing", "point", "by"}


def word_value(words: str) -> Decimal:
    """``three`` -> 3, ``twenty-five`` -> 25, ``a dozen`` -> 12."""
    w = re.sub(r"\s+", " ", words.lower())
    if w == "a dozen":
        return Decimal(12)
    if "-" in w:
        tens, unit = w.split("-", 1)
        return Decimal(TENS[tens] + UNITS[unit])
    return Decimal(TENS.get(w, UNITS.get(w, 0)))


def _value(m: re.Match) -> Decimal:
    if m.group("digits"):
        value = Decimal(m.group("digits").replace(",", ""))
    else:
        value = word_value(m.group("words"))
    scale = (m.group("scale") or "").strip().lower()
    if scale:
        value *= SCALES[_SCALE_ABBREV.get(scale, scale)]
    return value


def _counted(text: str, pos: int, limit: int) -> tuple[str, int]:
    """The words after a number that say what it counts, and where they end."""
    words: list[re.Match] = []
    while len(words) < 3:
        m = _NEXT_WORD_RE.match(text, pos, limit)
        if not m:
            break
        w = m.group("w")
        low = w.lower()
        if low in STOP_WORDS or low.endswith("ly") or low.endswith(("'s", "’s")):
            break
        if words and w[:1].isupper() and not words[-1].group("w")[:1].isupper():
            break
        words.append(m)
        pos = m.end()
        if low in _PLURALS or (w.islower() and low.endswith("s") and not low.endswith("ss")):
            break  # a plural noun ends what is counted: "a dozen eggs broke"
    while words and words[-1].group("w").lower().endswith("ed") and len(words[-1].group("w")) > 3:
        words.pop()
    if not words:
        return "", pos
    return text[words[0].start("w") : words[-1].end()], words[-1].end()


_SPACED_AFTER_RE = re.compile(r"[ \u00a0\u202f\u2009]\d{3}(?!\d)")
_SPACED_BEFORE_RE = re.compile(r"(?<![\d,.])\d{1,3}[ \u00a0\u202f\u2009]$")
_CAPITAL_AFTER_RE = re.compile(r"\s+[A-Z]")


def _excluded(text: str, m: re.Match) -> bool:
    start, end = m.start("num"), m.end("num")
    before = text[start - 1] if start else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or (before in "-/" and before2.isalpha()) or before in "#№":
        return True
    if before in ":." and before2.isdigit():  # 10:30, version 2.1
        return True
    if after.isalpha() or (after in ":/" and text[end + 1 : end + 2].isdigit()):
        return True
    if after in "-.," and text[end + 1 : end + 2].isdigit():
        return True  # 1950-53, or a number the pattern cut short (6.30pm)
    if after == "." and text[end + 1 : end + 2].isalpha():
        return True  # part of a token such as 0.A or 2.x
    digits = m.group("digits")
    if digits and digits[0] == "0" and len(digits) > 1 and digits[1].isdecimal():
        return True  # 007, 000: a code or part of a number written with spaces
    if _SPACED_AFTER_RE.match(text[end : end + 5]) or (
        len(digits or "") == 3 and _SPACED_BEFORE_RE.search(text[max(0, start - 5) : start])
    ):
        return True  # 2 000 visitors: a number written with spaces is not read in parts
    if digits and m.group("ord") and _CAPITAL_AFTER_RE.match(text[end : end + 2]):
        return True  # 24th Infantry Regiment: part of a name
    return False


_ORDINAL_WORD_RE = re.compile(
    r"\b(?:the|its|his|her|their|our|this)\s+(?P<num>"
    + "|".join(w for w in ORDINAL_WORDS if w != "first")
    + r")\b(?![-'’])",
    re.IGNORECASE,
)
"""An ordinal word after a determiner: ``their fifth day``, ``the seventh of 10 launches``.
``first`` is left out: it mostly means "earliest", not a count."""
_ORDINAL_TRIGGER = keywords(*(w for w in ORDINAL_WORDS if w != "first"))
_OF_NUMBER_RE = re.compile(r"[ \t]+of[ \t]+(?P<n>\d[\d,]*|[a-z]+)\b")


def _ordinal_words(scope: Scope, taken: SpanIndex) -> list[Figure]:
    text = scope.text
    out = []
    for sentence, m in scope.finditer(_ORDINAL_WORD_RE, _ORDINAL_TRIGGER):
        start, end = m.span("num")
        if taken.overlaps(start, end):
            continue
        unit, pos = _counted(text, end, sentence.end)
        of = _OF_NUMBER_RE.match(text, end, sentence.end)
        if not unit and of:  # the seventh of 10 scheduled launches
            unit, pos = _counted(text, of.end(), sentence.end)
        if not unit or unit.split()[0].lower() in ("time", "times", "and", "or"):
            continue
        out.append(
            Figure(
                text=text[start:pos],
                start=start,
                end=pos,
                sentence=sentence,
                number=text[start:end],
                number_start=start,
                number_end=end,
                value=Decimal(ORDINAL_WORDS[m.group("num").lower()]),
                unit=unit,
                ordinal=True,
                words=True,
            )
        )
    return out


def find_figures(scope: Scope, taken: Iterable[tuple[int, int]]) -> list[Figure]:
    """Every figure in the sentences of ``scope`` outside the ``taken`` spans (dates), in
    order."""
    text = scope.text
    taken = SpanIndex(taken)
    # a number inside a date or a time is no figure: a sentence whose only numbers are
    # there is not searched
    scope = scope.hiding(taken.spans)
    out = _ordinal_words(scope, taken)  # first, as the first of two figures at one place
    for sentence, m in scope.finditer(FIGURE_RE, _FIGURE_TRIGGER):
        start, end = m.start("num"), m.end("num")
        if taken.overlaps(start, end) or _excluded(text, m):
            continue
        if len(m.group("digits") or "") > MAX_DIGITS:
            continue  # a code, an identifier or noise, not a quantity a quiz asks for
        words = m.group("words")
        ordinal = bool(m.group("ord"))
        if ordinal and not m.group("digits"):
            continue
        pos = end
        hyphen = _HYPHEN_UNIT_RE.match(text, end, sentence.end)
        if hyphen and not m.group("pct"):
            unit, pos = hyphen.group("unit"), hyphen.end()
        elif m.group("pct"):
            unit = "percent"
        else:
            unit, pos = _counted(text, end, sentence.end)
        if m.group("cur"):
            unit = (_CURRENCIES[m.group("cur")] + " " + unit).strip()
        if words and (
            not unit or (words.lower() == "one" and unit.split()[0].lower() in _ONE_SKIP)
        ):
            continue
        qual = re.sub(r"\s+", " ", m.group("qual")).lower() if m.group("qual") else None
        fstart = m.start("qual") if qual else start
        out.append(
            Figure(
                text=text[fstart : max(pos, end)],
                start=fstart,
                end=max(pos, end),
                sentence=sentence,
                number=text[start:end],
                number_start=start,
                number_end=end,
                value=_value(m),
                unit=unit,
                qualifier=qual,
                ordinal=ordinal,
                words=bool(words),
            )
        )
    return sorted(out, key=lambda f: f.start)
