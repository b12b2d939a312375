"""How the HTML page keeps answers out of its source: salted hashes and an obfuscated reveal.

The page grades without holding the answers in plain text: for every response slot (a radio
group, a text input, a cloze blank, a matching select, an ordering position) it holds the
truncated SHA-256 of ``salt + "\\n" + slot + "\\n" + accepted response``, and compares the
hash of what the student gave. What the page shows after grading (the correct answer, the
explanation, the source sentence, and a numeric answer's value and tolerance) is XOR-ed with a
SHA-256 key stream and base64-encoded, and decoded only when the student checks.

This deters peeking at the page source; it is not security: the salt and the key stream are
in the page, so anyone who runs the page's code can recover everything. The page's script
implements the same functions (``slotHash`` in grading.js, ``reveal`` in quiz.js); the browser
tests hold both to the same results.

Salts derive from the bank id, the version and the question id, so a seed gives
byte-identical pages.
"""

from __future__ import annotations

import base64
import hashlib
import json

HASH_CHARS = 32
"""Hex digits kept of each hash (128 bits)."""


def salt(bank_id: str, version: str, question_id: str) -> str:
    """The salt of one question of one version (16 hex digits)."""
    text = f"quizgen\n{bank_id}\n{version}\n{question_id}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def slot_hash(question_salt: str, slot: int, response: str) -> str:
    """The hash the page compares a response of slot ``slot`` against."""
    text = f"{question_salt}\n{slot}\n{response}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def _key_stream(question_salt: str, length: int) -> bytes:
    key = hashlib.sha256(f"{question_salt}\nreveal".encode()).digest()
    blocks = []
    for counter in range((length + 31) // 32):
        blocks.append(hashlib.sha256(key + counter.to_bytes(4, "big")).digest())
    return b"".join(blocks)[:length]


def _xor(raw: bytes, question_salt: str) -> bytes:
    stream = _key_stream(question_salt, len(raw))
    # Byte by byte, as one big number: the same bytes, without a Python step per byte.
    mixed = int.from_bytes(raw, "big") ^ int.from_bytes(stream, "big")
    return mixed.to_bytes(len(raw), "big")


def obfuscate(question_salt: str, value: object) -> str:
    """``value`` as JSON, XOR-ed with the question's key stream, base64-encoded."""
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return base64.b64encode(_xor(data.encode("utf-8"), question_salt)).decode("ascii")


def reveal(question_salt: str, encoded: str) -> object:
    """The inverse of ``obfuscate`` (what the page does on grading; used by the tests)."""
    return json.loads(_xor(base64.b64decode(encoded), question_salt).decode("utf-8"))


def script_json(value: object) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``-style escapes, so no text of the bank
    can close the script element or open a comment; U+2028 and U+2029 likewise.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text
