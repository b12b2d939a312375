"""Plain-text helpers shared by the loader, the graders and the renderers."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

_SPACE_RE = re.compile(r"\s+")


class NotText(ValueError):
    """Bytes that are not UTF-8 text; ``line`` and ``column`` (from 1) say where."""

    def __init__(self, message: str, line: int, column: int | None = None) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def _wide_encoding(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when ``data`` starts with their byte-order mark or, without one,
    shows their pattern of NUL bytes (most text is ASCII: one byte of each 2 or 4 is not NUL)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[: len(data[:512]) // 4 * 4]
    if not head or b"\x00" not in head:
        return None
    quarter = len(head) // 4
    nuls = [head[k::4].count(0) for k in range(4)]
    for text_at in (0, 3):  # little-endian: the ASCII byte first; big-endian: last
        others = sum(n for k, n in enumerate(nuls) if k != text_at)
        if others == 3 * quarter and nuls[text_at] * 2 < quarter:
            return "UTF-32"
    even, odd = nuls[0] + nuls[2], nuls[1] + nuls[3]
    if max(even, odd) * 4 >= 2 * quarter * 3 and min(even, odd) * 4 < quarter * 2:
        return "UTF-16"
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 bytes to text: an optional byte-order mark is dropped, CRLF and CR become LF.

    Raises ``NotText`` for UTF-16 or UTF-32 text (saying to save it as UTF-8), a NUL byte
    (binary data) or bytes that are not UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    wide = _wide_encoding(data)
    if wide:
        raise NotText(f"{wide} text, not UTF-8: save the file as UTF-8", 1)
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


# Control characters (other than tab and line breaks) and lone surrogates (which YAML's
# "\ud83d" escapes and undecodable command-line bytes produce) cannot be written to most
# outputs; they are refused wherever text comes in.
_BAD_CHAR_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def bad_character(text: str) -> str | None:
    """What is wrong with ``text`` when it holds a control character or a lone surrogate."""
    bad = _BAD_CHAR_RE.search(text)
    if bad is None:
        return None
    code = ord(bad.group())
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"text holds a lone surrogate U+{code:04X}; write the character itself "
            "(or \\U0001F600-style escapes) instead of a surrogate pair"
        )
    return f"text holds the control character U+{code:04X}"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP's list)."""


def read_text_file(path, *, limit: int, what: str) -> str:
    """The text of a small input file (a codes file, ...): a regular UTF-8 file read no
    further than ``limit`` bytes; ``InputError`` naming the file (and the line of bad bytes)."""
    from .errors import InputError, Location
    from .files import Unreadable, read_text

    name = str(path)
    try:
        return read_text(path, limit=limit, what=f"a {what}")
    except Unreadable as exc:
        if exc.line is not None:
            raise InputError(f"{Location(name, exc.line, exc.column)}: {what}: {exc}") from None
        raise InputError(f"{name}: cannot read the {what}: {exc}") from None


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return _SPACE_RE.sub(" ", text).strip()


def _is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


@functools.lru_cache(maxsize=16384)  # a draft compares the same quotations many times
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
