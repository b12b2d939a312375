"""Result codes: what a submitted test page shows (templates/resultcode.js), read back into
``results.csv`` cells for ``quizgen results``.

A code is ``VERSION-BODY-CC``. BODY packs every response of the version into one number, in
question order, each in its own radix (the version's JSON says how many choices, options and
items there are), written in Crockford base32 in groups of four; the first digit is the
format (1). CC are two check characters: a Luhn mod 32 digit over BODY (every single wrong
character and most swapped neighbours are caught) and five bits of SHA-256 of the bank id,
the version and BODY (a code of another version or quiz is caught 31 times in 32).

The check characters catch typing mistakes. They are no protection against cheating: the
page that makes the code is in the student's hands, and anyone who reads its script can make
a code for any answers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .answers import LETTERS

BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD = {"O": "0", "I": "1", "L": "1"}
NUMBER_CHARS = "0123456789.-E"
NOT_A_NUMBER = 15
NOT_A_NUMBER_CELL = "*"
"""The cell of a numeric answer that was typed but is not a number (scored wrong)."""
FORMAT = 1
WRITTEN = ("short_answer", "cloze")


class CodeError(ValueError):
    """A code that cannot be read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    version: str
    cells: dict[str, str]
    """Question id -> ``results.csv`` cell, for every question of the version."""


def luhn32(body: str) -> str:
    factor, total = 2, 0
    for char in reversed(body):
        addend = factor * BASE32.index(char)
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return BASE32[(32 - total % 32) % 32]


def check_chars(bank: str, version: str, body: str) -> str:
    digest = hashlib.sha256(f"quizgen-code\n{bank}\n{version}\n{body}".encode()).digest()
    return luhn32(body) + BASE32[digest[0] >> 3]


def split(code: str) -> tuple[str, str, str]:
    """``code`` as typed -> (version, body, check), in canonical characters."""
    parts = [p for p in code.strip().upper().replace(" ", "-").split("-") if p]
    if len(parts) < 3:
        raise CodeError("not a result code (expected VERSION-XXXX-…-CC)")
    version, body, check = parts[0], "".join(parts[1:-1]), parts[-1]
    if not version.isalpha() or not version.isascii():
        raise CodeError(f"the version {parts[0]!r} is not a version code")
    canonical = "".join(_CROCKFORD.get(c, c) for c in body + check)
    wrong = sorted({c for c in canonical if c not in BASE32})
    if wrong:
        raise CodeError(f"characters that a code never has: {' '.join(wrong)}")
    if len(check) != 2:
        raise CodeError("the last group must be the two check characters")
    return version, canonical[: len(body)], canonical[len(body) :]


class _Unpacker:
    """Digits come out in the reverse order of packing: the last question first."""

    def __init__(self, value: int) -> None:
        self.value = value

    def pop(self, radix: int) -> int:
        self.value, digit = divmod(self.value, radix)
        return digit


def _cell(question: Mapping, unpack: _Unpacker) -> str:
    kind = question["type"]
    if kind == "multiple_choice":
        digit = unpack.pop(len(question["choices"]) + 1)
        return LETTERS[digit - 1] if digit else ""
    if kind == "true_false":
        return ("", "T", "F")[unpack.pop(3)]
    if kind == "matching":
        radix = len(question["choices"]) + 1
        digits = [unpack.pop(radix) for _ in question["items"]][::-1]
        return "" if not any(digits) else ";".join(LETTERS[d - 1] if d else "" for d in digits)
    if kind == "ordering":
        count = len(question["choices"])
        moved = unpack.pop(2)
        ranks = [unpack.pop(radix) for radix in range(1, count + 1)][::-1]
        left = list(range(count))
        order = [left.pop(rank) for rank in ranks]
        positions = [order.index(item) + 1 for item in range(count)]
        return ";".join(map(str, positions)) if moved else ""
    if kind == "numeric":
        length = unpack.pop(16)
        if length == NOT_A_NUMBER:
            return NOT_A_NUMBER_CELL
        chars = [NUMBER_CHARS[unpack.pop(13)] for _ in range(length)][::-1]
        return "".join(chars)
    if kind in WRITTEN:
        return ("", "0", "1")[unpack.pop(3)]
    raise CodeError(f"question {question['id']!r}: type {kind!r} cannot be in a code")


def decode(code: str, bank: str, versions: Mapping[str, Mapping]) -> Decoded:
    """Read ``code`` against the build's version JSON documents (version code -> document)."""
    version, body, check = split(code)
    if version not in versions:
        raise CodeError(f"version {version} is not in this build")
    if check != check_chars(bank, version, body):
        raise CodeError("the check characters do not match: a character is mistyped")
    unpack = _Unpacker(sum(BASE32.index(c) * 32**i for i, c in enumerate(reversed(body))))
    questions = versions[version]["questions"]
    cells = {q["id"]: _cell(q, unpack) for q in reversed(questions)}
    if unpack.value != FORMAT:
        raise CodeError(f"the code does not fit version {version} of this build")
    return Decoded(version, {q["id"]: cells[q["id"]] for q in questions})


def parse_line(text: str) -> tuple[str, str] | None:
    """A line of a codes file -> (student, code), or None for a blank or ``#`` line. The code
    is the last word; what comes before it (a name or number, with or without a comma or a
    tab) is the student."""
    text = text.strip()
    if not text or text.startswith("#"):
        return None
    words = text.replace("\t", " ").split()
    code = words[-1]
    student = " ".join(words[:-1]).strip().rstrip(",;").strip()
    return student, code


MAX_CODES_BYTES = 5 * 1024 * 1024


def _versions(build: Path) -> tuple[str, dict[str, Mapping]]:
    """The bank id and every version's JSON document of the build in ``build``."""
    import json

    from .errors import InputError

    def read(path: Path) -> Mapping:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise InputError(f"{path}: not a quizgen JSON file: {exc}") from None

    manifest = read(build / "manifest.json")
    root = build.resolve()
    versions = {}
    for entry in manifest.get("files", []):
        if entry.get("format") == "json" and entry.get("version"):
            path = (build / entry["path"]).resolve()
            if not path.is_relative_to(root):
                raise InputError(f"{build / 'manifest.json'}: a file outside the build: {path}")
            versions[entry["version"]] = read(path)
    if not versions:
        raise InputError(f"{build}: the build has no version JSON (build with the json format)")
    return manifest.get("bank", {}).get("id", ""), versions


def read_codes(path: Path) -> list[tuple[int, str, str]]:
    """Every (line number, student, code) of a codes file."""
    from .text import read_text_file

    text = read_text_file(path, limit=MAX_CODES_BYTES, what="codes file")
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        parsed = parse_line(line)
        if parsed is not None:
            found.append((number, *parsed))
    return found


def results_command(codes: Path, build: Path, out: Path) -> int:
    """``quizgen results``: decode every code, write the results; 1 if any line was bad."""
    import sys

    from .results import Reading, write_results

    bank, versions = _versions(build)
    readings, problems = [], []
    for number, student, code in read_codes(codes):
        origin = f"{codes.name}:{number}"
        try:
            decoded = decode(code, bank, versions)
        except CodeError as exc:
            problem = f"{codes}:{number}: {code!r}: {exc}"
            print(problem, file=sys.stderr)
            problems.append(problem)
            continue
        readings.append(Reading(student or origin, decoded.version, decoded.cells, origin))
    write_results(build, readings, out, problems=problems)
    print(
        f"quizgen: {len(readings)} code(s) read, {len(problems)} refused; results in {out}",
        file=sys.stderr,
    )
    return 1 if problems else 0
