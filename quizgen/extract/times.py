"""Times of day: ``10 a.m.``, ``9pm``, ``6.30pm``, ``10:30``, ``0900 GMT``, ``nine o'clock``,
``half past nine``, ``12 noon``, ``midnight``, ``9-11 a.m.``, ``at 9 in the morning``.

They are neither figures (the ``10`` of ``10 a.m.`` counts nothing) nor dates: the spans
found here are left out of both, so no question asks about them.
"""

from __future__ import annotations

import re

from .scope import Scope, keywords

_CLOCK_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HOUR = r"(?:[01]?\d|2[0-4])"
_MINUTES = r"(?:[:.][0-5]\d)"
_AMPM = r"(?:[aApP](?:\.[ \t]?)?[mM]\b\.?)"
"""``a.m.``, ``a.m``, ``am``, ``AM``, ``A.M.``, ``p. m.``"""
_ZONE = r"(?:[ \t]*(?:GMT|UTC|[A-Z]{1,4}T)\b)?"
_NOT_AFTER = r"(?<![\w.,:$€£¥])"

TIME_RE = re.compile(
    # Every form starts where a word does: said first, it spares the engine trying each form
    # inside every word (twice as fast).
    r"(?<!\w)(?:"
    + "|".join(
        (
            # 9-11 a.m., 9 to 11 p.m.: one span
            rf"{_NOT_AFTER}{_HOUR}{_MINUTES}?[ \t]*(?:-|–|—|to|and|until|till)[ \t]*"
            rf"{_HOUR}{_MINUTES}?[ \t]*{_AMPM}{_ZONE}",
            # 10 a.m., 9pm, 6.30pm, 10:30 am
            rf"{_NOT_AFTER}{_HOUR}{_MINUTES}?[ \t]*{_AMPM}{_ZONE}",
            # 10:30, 22:00:05, 10:30 GMT
            rf"{_NOT_AFTER}(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?![\d:]){_ZONE}",
            # 0900 GMT, 1500 UTC, 0600 hours
            rf"{_NOT_AFTER}(?:[01]\d|2[0-3])[0-5]\d[ \t]*(?:GMT|UTC)\b",
            rf"{_NOT_AFTER}0\d[0-5]\d[ \t]*(?:hours|hrs)\b",
            # nine o'clock, 9 o'clock
            rf"{_NOT_AFTER}(?:{_HOUR}|\b(?i:{_CLOCK_WORDS}))[ \t]+o['’]clock\b",
            # half past nine, a quarter to ten
            rf"\b(?i:half|(?:a[ \t]+)?quarter)[ \t]+(?:past|to)[ \t]+"
            rf"(?:{_HOUR}\b|(?i:{_CLOCK_WORDS})\b)",
            # 12 noon, twelve midnight, noon, midnight
            rf"(?:{_NOT_AFTER}(?:12|(?i:twelve))[ \t]+)?\b(?i:noon|midnight)\b",
            # at 9 in the morning, by 10 at night
            rf"(?<=\b(?:at|by) ){_HOUR}{_MINUTES}?[ \t]+(?:in[ \t]+the[ \t]+"
            r"(?:morning|afternoon|evening)|at[ \t]+night|tonight|this[ \t]+"
            r"(?:morning|afternoon|evening))\b",
        )
    )
    + ")"
)


_TRIGGER = keywords(
    *("clock", "half", "quarter", "noon", "midnight", "GMT", "UTC", "hours", "hrs"),
    *("morning", "afternoon", "evening", "night"),
    tails=[(":", ":"), ("mM", "[aApP][mM]"), ("mM", r"[aApP]\.[mM]"), ("mM", r"[aApP]\.[ \t][mM]")],
)
"""What every time of day holds: a word of the forms above, ``:`` or ``am``/``p.m.`` (a
number alone is not a time)."""


def find_times(scope: Scope) -> list[tuple[int, int]]:
    """``(start, end)`` of every time of day in the sentences of ``scope``."""
    return [m.span() for _, m in scope.finditer(TIME_RE, _TRIGGER)]
