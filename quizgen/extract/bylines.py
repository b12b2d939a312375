"""Lines that are not article text: bylines and sign-offs, date and update lines, datelines,
photo credits and the repeated copy of a caption (``segment`` leaves them out)."""

from __future__ import annotations

import re

from .lexicon import (
    AGENCIES,
    BYLINE_ROLES,
    BYLINE_WORDS,
    MONTH_NAMES,
    PUBLICATION_WORDS,
    WEEKDAYS,
)

_AGENCY = r"[A-Z][A-Z0-9&.'-]+(?:\s+[A-Z][A-Z0-9&.'-]+){0,3}"
_AGENCY_LOOSE = r"[A-Z][A-Za-z0-9&.'-]+(?:\s+[A-Z][A-Za-z0-9&.'-]+){0,3}"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
CREDIT_RE = re.compile(rf"(?<!\s)\s+({_AGENCY}\s*/\s*{_NAME})\s*$")
"""An agency credit ending a caption line: ``AFP / Jung Yeon-je``, ``NATIONAL ARCHIVES /
Handout``."""
_LOOSE_CREDIT_RE = re.compile(
    rf"^(?:{_AGENCY_LOOSE}\s*/\s*{_NAME}|(?:Photo|Photograph|Picture|"
    rf"Image|Credit|Source)s?\s*:\s*.{{1,80}}|\(?{_AGENCY}\)?)$"
)
_LABEL_CREDIT_RE = re.compile(
    r"(?<!\s)\s*[(\[]?(?:Photo|Photograph|Picture|Image|Credit)s?\s*:\s*"
    r"[^.()\[\]]{1,80}[)\]]?\s*$"
)
_META_RE = re.compile(r"^\s*(?:Published|Updated|Posted|Last updated)\b.{0,80}$", re.I)
_MONTH = (
    r"(?:" + "|".join(MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
_DL_PLACE = r"[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]+){0,3}"
_DL_DATE = (
    rf"(?:{_WEEKDAY},?[ \t]+)?(?:{_MONTH}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?"
    rf"|\d{{1,2}}[ \t]+{_MONTH}(?:,?[ \t]+\d{{4}})?)"
)
_DL_AGENCY = r"\([A-Za-z][\w .&/'’-]{0,30}\)"
DATELINE_RE = re.compile(
    # SEOUL (AFP) -, HIROSHIMA, Japan (AP) —, Seoul, June 25 (Yonhap) --
    rf"\s*(?:{_DL_PLACE}(?:,[ \t]*{_DL_PLACE}){{0,2}}(?:,[ \t]*{_DL_DATE})?[ \t]*{_DL_AGENCY}"
    rf"[ \t]*[-–—:]+"
    # SEOUL, June 25 —
    rf"|{_DL_PLACE}(?:,[ \t]*{_DL_PLACE}){{0,2}},[ \t]*{_DL_DATE}[ \t]*[-–—]+"
    # SEOUL —, SEOUL, South Korea —
    rf"|[A-Z][A-Z.'’-]{{2,}}(?:[ \t]+[A-Z][A-Z.'’-]+){{0,2}}(?:,[ \t]*{_DL_PLACE}){{0,2}}"
    rf"[ \t]*[-–—]+)\s+"
)
"""A dateline opening the article's first paragraph: place in capitals, or a place with a
date or an agency in brackets, then a dash."""
BY_RE = re.compile(
    r"^(?:By|BY|Written by|Reporting by|Words by|Report by|Story by|Text by)(?:[ \t]*:)?"
    r"[ \t]+(?P<rest>\S.*)$"
)
_BYLINE_SPLIT_RE = re.compile(r"[ \t]*(?:[,|•·/;]|[ \t][-–—][ \t])[ \t]*")
_NAME_TOKEN_RE = re.compile(
    r"(?:[A-Z][\w.'’-]*|de|da|del|della|di|du|van|von|der|den|bin|bint|al|el|la|le|dos|das)$"
)
_BYLINE_TOKEN_RE = re.compile(
    rf"(?:[A-Z][\w.'’&-]*|\d[\d:.,]*(?:st|nd|rd|th|am|pm|GMT|BST)?|{_MONTH}|\(|\))$"
)
_NOT_NAMES = frozenset(MONTH_NAMES) | frozenset(WEEKDAYS) | {"The", "A", "An", "This", "That"}
_DATE_LINE_RE = re.compile(
    rf"^(?:{_WEEKDAY},?[ \t]+)?(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH},?(?:[ \t]+\d{{4}})?"
    rf"|\d{{4}}-\d\d-\d\d)"
    r"(?:[ \t,]+(?:at[ \t]+)?\d{1,2}(?:[:.]\d\d)?[ \t]*(?:[aApP]\.?[mM]\.?)?"
    r"(?:[ \t]+[A-Z]{2,4})?)?[ \t]*$"
)
"""A line that is only a date, with perhaps a time: ``3 March 2024``, ``Thursday, June 25,
2020 10:30 AM EST``."""


def _name(words: str, *, least: int = 1) -> bool:
    """True when ``words`` read as a person's name (or an agency): capitalised words."""
    tokens = words.split()
    if re.sub(r"^[Tt]he\s+", "", words) in AGENCIES or words in AGENCIES:
        return True
    return (
        least <= len(tokens) <= 5
        and tokens[0][:1].isupper()
        and tokens[0].rstrip(".,") not in _NOT_NAMES
        and all(_NAME_TOKEN_RE.match(t) for t in tokens)
    )


def _byline_part(part: str) -> bool:
    """True for what may follow the names of a byline: a publication, a place, a role
    (``staff writer``), a date or a time (``3 March 2024``, ``10:30 a.m. EST``)."""
    tokens = part.replace("(", " ( ").replace(")", " ) ").split()
    return 0 < len(tokens) <= 10 and all(
        _BYLINE_TOKEN_RE.match(t)
        or t.lower().rstrip(".") in BYLINE_WORDS
        or t.lower() in BYLINE_WORDS
        for t in tokens
    )


def publication(line: str) -> bool:
    """True for a line that names a publication or news service above a headline
    (``American Forces Press Service``, ``DoD News``): a few capitalised words, one of them a
    word such as ``Service``, ``Press`` or ``News``."""
    words = line.split()
    return (
        len(words) <= 6
        and all(w[:1].isupper() for w in words)
        and any(w.lower() in PUBLICATION_WORDS for w in words)
    )


def is_byline(line: str) -> bool:
    """True for a byline: ``By Jane Doe``, ``By Jane Doe and John Roe``, ``By Jane Doe,
    Riverside Gazette, 3 March 2024``, ``By Jane Doe for the Gazette``, and without ``By``
    a signature naming an agency or a reporter's job (``Jane Doe, Reuters``, ``Jane Doe and
    John Roe | AFP``, ``Jane Doe, Staff Writer``), or an agency alone (``Reuters``)."""
    line = line.strip().rstrip(".")
    if not line or len(line) > 160:
        return False
    if line in AGENCIES:
        return True
    m = BY_RE.match(line)
    rest = m.group("rest") if m else line
    parts = [p for p in _BYLINE_SPLIT_RE.split(rest) if p]
    if not parts:
        return False
    lead = re.split(r"[ \t]+(?:for|in|at|with)[ \t]+", parts[0], maxsplit=1)
    parts = lead[1:] + parts[1:]
    names = re.split(r"[ \t]+(?:and|&)[ \t]+", lead[0])
    if not all(_name(n, least=1 if m else 2) for n in names):
        return False
    if not all(_byline_part(p) for p in parts):
        return False
    if m:
        return True
    # No "By": the signature must name an agency or a reporter's job.
    return any(
        p.strip() in AGENCIES
        or p.strip().removeprefix("the ").removeprefix("The ") in AGENCIES
        or any(w.lower() in BYLINE_ROLES for w in p.split())
        for p in parts
    )


def top_line_reason(line: str) -> str | None:
    """Why a line near the top is not article text: a byline, or a date/update line."""
    if is_byline(line):
        return "byline"
    if _META_RE.match(line) or _DATE_LINE_RE.match(line.strip()):
        return "dateline"
    return None


TOP_BLOCKS = 4
"""Bylines and date lines are looked for in this many blocks (lines between blank lines) at
the top of the article: headline, standfirst, byline, date."""
_CREDIT_WINDOW = 200


def repeat_tail(first: str, second: str) -> str | None:
    """The credit that ``second`` adds to ``first``, when ``second`` repeats it (else None)."""
    a, b = first.strip(), second.strip()
    if not a or not b.startswith(a):
        return None
    tail = b[len(a) :].strip()
    if not tail:
        return ""
    if len(tail.split()) <= 8 and _LOOSE_CREDIT_RE.match(tail):
        return tail
    return None


def may_repeat(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether line ``b`` may repeat line ``a`` (a cheap test before ``repeat_tail``; both
    are stripped spans of ``text``)."""
    return a[1] - a[0] <= b[1] - b[0] and text.startswith(text[a[0] : a[1]], b[0])


def credit_start(text: str, start: int, end: int) -> int | None:
    """Where a credit ending the line ``text[start:end]`` begins, if it ends with one."""
    # A credit is short: only the line's last characters are searched, so a long line
    # costs no more than a short one.
    begin = max(start, end - _CREDIT_WINDOW)
    if text.find("/", begin, end) < 0 and text.find(":", begin, end) < 0:
        return None  # an agency credit holds "/", a labelled one ":"
    line = text[begin:end]
    m = CREDIT_RE.search(line) or _LABEL_CREDIT_RE.search(line)
    if m and begin + m.start() > start:
        return begin + m.start()
    return None
