"""What every output calls things: section names by question type, and article dates.

The PDF handouts and the HTML pages of one version show the same section names and the same
date, so a student holding one and looking at the other finds their way. Each renderer words
its own instructions (a pen on paper, a keyboard on screen).
"""

from __future__ import annotations

import datetime

SECTION_NAMES = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "short_answer": "Short answer",
    "numeric": "Numbers",
    "cloze": "Fill in the blanks",
    "matching": "Matching",
    "ordering": "Put in order",
}
"""The heading of each question type's section (versions group their questions by type)."""

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names, whatever the machine's locale."""


def display_date(text: str | None) -> str | None:
    """An ISO date (``2020-06-25``) as printed everywhere: ``25 June 2020``; other text as it
    is."""
    try:
        d = datetime.date.fromisoformat(str(text))
    except ValueError:
        return text
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
