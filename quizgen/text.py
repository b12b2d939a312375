"""Plain-text helpers shared by the loader, the graders and the renderers."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_SPACE_RE = re.compile(r"\s+")


class NotText(ValueError):
    """Bytes that are not UTF-8 text; ``line`` and ``column`` (from 1) say where."""

    def __init__(self, message: str, line: int, column: int | None = None) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def decode_text(data: bytes) -> str:
    """UTF-8 bytes to text: an optional byte-order mark is dropped, CRLF and CR become LF.

    Raises ``NotText`` for a NUL byte (binary data) or bytes that are not UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise NotText("binary data (NUL byte), not a text file", data[:nul].count(b"\n") + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise NotText(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line, column) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path, *, limit: int, what: str) -> str:
    """The text of a small input file (a roster, a codes file), read no further than
    ``limit`` bytes; ``InputError`` naming the file (and the line of bad bytes) otherwise."""
    from .errors import InputError, Location

    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read the {what}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"{name}: {what} too large (the limit is {limit} bytes)")
    try:
        return decode_text(data)
    except NotText as exc:
        raise InputError(f"{Location(name, exc.line, exc.column)}: {what}: {exc}") from None


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE_RE.sub(" ", text).strip()


def _is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


def normalize_answer(text: str) -> str:
    """The form answers are compared in: case-, spacing- and punctuation-insensitive.

    NFKC, then lower case; every dash (Unicode Pd, and U+2212 minus) becomes '-'. Then only
    letters and digits (Unicode L* and N*) are kept, and the marks that change a number:
    '.', '-' or '/' between two digits, and '-' or '.' starting a number ("-4.2", ".5").
    So "Moon Jae-in", "moon jaein" and "MOON JAE IN" compare equal, and so do "520,000" and
    "520 000"; "4.2" and "42", or "1/2" and "12", do not. The HTML page's script applies
    the same steps.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    chars = ["-" if ch == "\u2212" or unicodedata.category(ch) == "Pd" else ch for ch in text]
    out = []
    for i, ch in enumerate(chars):
        if unicodedata.category(ch)[0] in "LN":
            out.append(ch)
            continue
        if ch not in ".-/" or i + 1 == len(chars) or not _is_digit(chars[i + 1]):
            continue
        prev = chars[i - 1] if i else " "
        if _is_digit(prev) or (ch != "/" and unicodedata.category(prev)[0] not in "LN"):
            out.append(ch)
    return "".join(out)


def format_number(value: Decimal) -> str:
    """A number as people write it: thousands separated by commas, no trailing zeros."""
    value = value.normalize()
    if value == value.to_integral_value():
        return f"{int(value):,}"
    sign, digits, exponent = value.as_tuple()
    places = -exponent
    return f"{value:,.{places}f}"
