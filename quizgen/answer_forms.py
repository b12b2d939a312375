"""Answer forms: how typed answers are compared (the rules of docs/grading.md).

A typed response is right when one of its canonical forms is a form of an accepted answer (or,
for a numeric question, when a form is a number within the tolerance). The HTML page's script
(``templates/grading.js``) implements the same steps, and the page compares salted hashes of
the forms; ``tests/test_grading_table.py`` holds both implementations to one table of cases.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_ONES = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
NUMBER_WORDS: dict[str, int] = {
    **{w: i for i, w in enumerate(_ONES)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
    **{w: i for i, w in enumerate(_ORDINAL_ONES)},
    **{w: 20 + 10 * i for i, w in enumerate(_ORDINAL_TENS.split())},
}
"""Number words up to ninety-nine (cardinal and ordinal); "hundred" multiplies."""
MULTIPLIERS = {"thousand": 3, "million": 6, "billion": 9}
"""Words that multiply the number before them (by a power of ten)."""
APPROXIMATE = frozenset(
    "about roughly approximately approx around nearly almost some circa".split()
)
"""Words dropped before a number."""
ARTICLES = frozenset(("a", "an", "the"))
LEADING = frozenset(("in", "on", "from", "since"))
"""Prepositions dropped at the start of an answer, before a number, a month or a weekday."""
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = {
    m: m
    for m in (
        "january february march april may june july august september october november december"
    ).split()
}
MONTHS.update({m[:3]: m for m in list(MONTHS)} | {"sept": "september"})
SPELLINGS = {
    "defense": "defence",
    "demilitarised": "demilitarized",
    "honor": "honour",
    "honors": "honours",
    "symbolized": "symbolised",
    "symbolize": "symbolise",
}
"""American and British spellings compared as one."""

# ASCII digits only, as in JavaScript (NFKC has made full-width digits ASCII).
_NUM_RE = re.compile(r"^-?\d+(\.\d+)?$", re.ASCII)
_THOUSANDS_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:[, ]\d{3})+(?![\d,])", re.ASCII)
_ORDINAL_RE = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.ASCII)
_K_RE = re.compile(r"(\d)k\b", re.ASCII)
_DASH_RE = re.compile(r"(\d) *- *(?=\d)", re.ASCII)
_DIGITS = "0123456789"


def _letter_or_digit(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


def _mark_up(text: str) -> str:
    """Rules 1 to 4: one spelling of characters, thousands joined, suffixes and marks spaced."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(
        "-"
        if c == "\u2212" or unicodedata.category(c) == "Pd"
        else c
        if _letter_or_digit(c) or c in ".,/"
        else " "
        for c in text
    )
    text = _THOUSANDS_RE.sub(lambda m: m.group(0).replace(",", "").replace(" ", ""), text)
    text = _ORDINAL_RE.sub(r"\1", text)
    text = _K_RE.sub(r"\1 thousand", text)
    text = _DASH_RE.sub(r"\1 to ", text)
    out = []
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if _letter_or_digit(ch):
            # A number glued to a word ("3years") is two tokens.
            glued = prev in _DIGITS and ch not in _DIGITS
            out.append(" " + ch if glued else ch)
        elif ch in "./" and prev in _DIGITS and nxt in _DIGITS:
            out.append(ch)
        elif ch == "-" and nxt in _DIGITS and not _letter_or_digit(prev):
            out.append(ch)
        else:
            out.append(" ")
    return "".join(out)


def _number(text: str) -> str:
    """A number's one spelling: no leading zeros, no trailing decimal zeros, no '-0'."""
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    value = whole + ("." + fraction if fraction else "")
    return sign + value if value != "0" else "0"


def _scale(number: str, power: int) -> str:
    """``number`` times 10**power, by moving the decimal point."""
    sign = "-" if number.startswith("-") else ""
    whole, _, fraction = number.lstrip("-").partition(".")
    fraction += "0" * power
    return _number(sign + whole + fraction[:power] + "." + fraction[power:])


def _number_words(tokens: list[str]) -> list[str]:
    """Runs of number words ("twenty five", "one hundred and five", "seventieth") to digits."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] not in NUMBER_WORDS:
            out.append(tokens[i])
            i += 1
            continue
        value = 0
        while i < len(tokens):
            word = tokens[i]
            if word in NUMBER_WORDS:
                value += NUMBER_WORDS[word]
            elif word == "hundred":
                value = max(value, 1) * 100
            elif not (
                word == "and"
                and tokens[i - 1] == "hundred"
                and i + 1 < len(tokens)
                and tokens[i + 1] in NUMBER_WORDS
            ):
                break
            i += 1
        out.append(str(value))
    return out


def _is_number(token: str) -> bool:
    return bool(_NUM_RE.match(token))


def _drop_unit(tokens: list[str], unit: str | None) -> list[str]:
    """The question's unit, wherever it stands: the whole phrase (its last word in the singular
    or the plural), then that last word alone, then a multiplier the unit starts with
    ("million euros")."""
    if not unit:
        return tokens
    phrase = [t for t in _mark_up(unit).split(" ") if t]
    if not phrase:
        return tokens
    phrases = [phrase[:-1] + [last] for last in _singular_plural(phrase[-1])]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        match = next((p for p in phrases if tokens[i : i + len(p)] == p), None)
        if match:
            i += len(match)
        else:
            out.append(tokens[i])
            i += 1
    drop = set(_singular_plural(phrase[-1]))
    if phrase[0] in MULTIPLIERS or phrase[0] == "hundred":
        drop.add(phrase[0])
    return [t for t in out if t not in drop]


def _singular_plural(word: str) -> tuple[str, ...]:
    if word.endswith("ies"):
        return word, word[:-3] + "y"
    if word.endswith("es"):
        return word, word[:-2], word[:-1]
    if word.endswith("s"):
        return word, word[:-1]
    if word.endswith("y"):
        return word, word + "s", word[:-1] + "ies"
    return word, word + "s", word + "es"


def _multiply(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        power = 2 if token == "hundred" else MULTIPLIERS.get(token)
        if power is not None and out and _is_number(out[-1]):
            out[-1] = _scale(out[-1], power)
        else:
            out.append(_number(token) if _is_number(token) else token)
    return out


def _ranges(tokens: list[str]) -> list[str]:
    """ "N to M", "N-M" and "between N and M" as one token "N-M"; "1950-53" is 1950-1953."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        a = tokens[i]
        between = a == "between" and i + 3 < len(tokens) and tokens[i + 2] == "and"
        start = i + 1 if between else i
        link = "and" if between else "to"
        if (
            start + 2 < len(tokens)
            and _is_number(tokens[start])
            and tokens[start + 1] == link
            and _is_number(tokens[start + 2])
        ):
            low, high = tokens[start], tokens[start + 2]
            if _whole(high) and _whole(low) and len(high) < len(low):
                high = low[: len(low) - len(high)] + high
            out.append(f"{low}-{high}")
            i = start + 3
        else:
            out.append(a)
            i += 1
    return out


def _whole(token: str) -> bool:
    return bool(token) and all(c in _DIGITS for c in token)


def _day(token: str) -> bool:
    return _whole(token) and len(token) <= 2 and 1 <= int(token) <= 31


def _dates(tokens: list[str]) -> list[str]:
    """ "25 June", "25 of June" and "June 25" all become "june 25"."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        skip = 1 if i + 2 < len(tokens) and tokens[i + 1] == "of" else 0
        nxt = tokens[i + 1 + skip] if i + 1 + skip < len(tokens) else ""
        if _day(token) and nxt in MONTHS:
            out += [MONTHS[nxt], token]
            i += 2 + skip
        elif token in MONTHS and i + 1 < len(tokens) and _day(tokens[i + 1]):
            out.append(MONTHS[token])
            i += 1
        else:
            out.append(token)
            i += 1
    return out


def _trim(tokens: list[str]) -> list[str]:
    """Leading articles; a leading "in"/"on"/"from" before a number or a date; approximate
    words before a number."""
    tokens = [SPELLINGS.get(t, t) for t in tokens]
    while tokens and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] in LEADING and _when(tokens[1]):
        tokens = tokens[1:]
    return [
        t
        for i, t in enumerate(tokens)
        if not (t in APPROXIMATE and i + 1 < len(tokens) and _numeric(tokens[i + 1]))
    ]


def _when(token: str) -> bool:
    return _numeric(token) or token in MONTHS or token in WEEKDAYS


def _numeric(token: str) -> bool:
    """A number or a range (a token that starts with a digit or a sign)."""
    return token[:1] in "-0123456789"


def read_numbers(tokens: list[str]) -> list[str]:
    """Rules 7 to 10 on a list of words: number words, multipliers, ranges and dates."""
    return _dates(_ranges(_multiply(_number_words(tokens))))


def _form(text: str, unit: str | None) -> str:
    tokens = [t for t in _mark_up(text).split(" ") if t]
    tokens = _trim(read_numbers(_drop_unit(tokens, unit)))
    out = ""
    for i, token in enumerate(tokens):
        if i and _numeric(token) and _numeric(tokens[i - 1]):
            out += " "
        out += token
    return out


_PARENS_RE = re.compile(r"\(([^()]*)\)")


def answer_forms(text: str, unit: str | None = None) -> tuple[str, ...]:
    """Every canonical form of a typed answer (docs/grading.md); a response is right when one
    of its forms is a form of an accepted answer. ``unit`` is the question's unit, ignored.

    Text in parentheses gives three readings: without the parentheses, without what they
    hold, and what they hold alone ("Demilitarized Zone (DMZ)").
    """
    readings = [text]
    if _PARENS_RE.search(text):
        readings = [
            _PARENS_RE.sub(r" \1 ", text),
            _PARENS_RE.sub(" ", text),
            " ".join(_PARENS_RE.findall(text)),
        ]
    forms = (_form(r, unit) for r in readings)
    return tuple(f for f in dict.fromkeys(forms) if f)


def form_number(form: str) -> Decimal | None:
    """The number a form is, when it is one number and nothing else."""
    return Decimal(form) if _NUM_RE.match(form) else None
