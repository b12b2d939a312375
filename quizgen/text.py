"""Plain-text helpers shared by the loader, the graders and the renderers."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_SPACE_RE = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE_RE.sub(" ", text).strip()


def normalize_answer(text: str) -> str:
    """The form answers are compared in: case-, spacing- and punctuation-insensitive.

    NFKC, then lower case, then only letters and digits of every script (Unicode categories
    L* and N*) are kept, so "Moon Jae-in", "moon jaein" and "MOON JAE IN" compare equal, and
    so do "520,000" and "520 000". The HTML page's script applies the same steps
    (``normalize('NFKC').toLowerCase()`` and ``[\\p{L}\\p{N}]``).
    """
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def format_number(value: Decimal) -> str:
    """A number as people write it: thousands separated by commas, no trailing zeros."""
    value = value.normalize()
    if value == value.to_integral_value():
        return f"{int(value):,}"
    sign, digits, exponent = value.as_tuple()
    places = -exponent
    return f"{value:,.{places}f}"
