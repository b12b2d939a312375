"""Scoring a reading against its version: the build's version JSON says what is right.

Letters map to choices as printed on that version (``A`` is its first choice); numeric
answers use the project's number matching (``answers.parse_number``, tolerance, ``accept``);
written answers earn the teacher's mark. A question earns all of its points or none, except
written answers (the teacher's 0, ½ or 1 of its points), as on the quiz page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..answers import LETTERS, parse_number
from ..errors import InputError
from ..publish import JOURNAL, locked, recover
from ..text import normalize_answer
from . import ABSENT, REVIEW

WRITTEN = ("short_answer", "cloze")
TEACHER_MARKS = {"0": Decimal(0), "0.5": Decimal("0.5"), "1": Decimal(1)}


@dataclass(frozen=True)
class Build:
    """What scoring needs from a build folder: each version's JSON, the question ids in the
    bank's order, the bank's id, seed and article."""

    folder: Path
    manifest: Mapping
    versions: Mapping[str, Mapping]
    """Version code -> the version's JSON document."""
    question_ids: tuple[str, ...]
    questions: Mapping[str, Mapping]
    """Question id -> its JSON object (from the first version that has it)."""


def _read_json(path: Path) -> Mapping:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a quizgen JSON file: {exc}") from None


def load_build(folder: Path) -> Build:
    """The build in ``folder``: its manifest and the JSON of every version
    (a build made with the ``json`` format, which ``sheet`` brings along).

    A build that was killed while it published its files is first set right, under the
    folder's build lock, as the next build would (the old build comes back whole); while a
    build is publishing there, ``PublishError`` says so."""
    if (folder / JOURNAL).exists():
        with locked(folder):
            recover(folder)
    manifest = _read_json(folder / "manifest.json")
    versions: dict[str, Mapping] = {}
    for entry in manifest.get("files", []):
        if entry.get("format") == "json" and entry.get("version"):
            path = (folder / entry["path"]).resolve()
            if not path.is_relative_to(folder.resolve()):
                raise InputError(f"{folder / 'manifest.json'}: file outside the build: {path}")
            versions[entry["version"]] = _read_json(path)
    if not versions:
        raise InputError(
            f"{folder}: the build has no version JSON (build with --formats including json)"
        )
    questions: dict[str, Mapping] = {}
    for code in manifest.get("versions", sorted(versions)):
        for q in versions.get(code, {}).get("questions", []):
            questions.setdefault(q["id"], q)
    return Build(folder, manifest, versions, _bank_order(manifest, questions), questions)


def _bank_order(manifest: Mapping, questions: Mapping[str, Mapping]) -> tuple[str, ...]:
    """Question ids in the bank's order (the bank as the manifest names it); questions the
    bank no longer has, or every question when it cannot be read, follow in first-seen order."""
    order: list[str] = []
    path = manifest.get("bank", {}).get("path")
    if path:
        try:
            from ..bank import load_bank

            order = [q.id for q in load_bank(Path(path)).questions if q.id in questions]
        except Exception:  # noqa: BLE001 - the bank moved or changed: first-seen order
            order = []
    seen = set(order)
    return tuple(order) + tuple(q for q in questions if q not in seen)


def letter_of(question: Mapping, choice: str) -> str:
    """The letter printed for ``choice`` on this version's sheet."""
    if question["type"] == "true_false":
        return choice[0]
    return LETTERS[question["choices"].index(choice)]


def choice_of(question: Mapping, mark: str) -> str | None:
    """The choice a printed letter stands for on this version (None if no such letter)."""
    if question["type"] == "true_false":
        return {"T": "True", "F": "False"}.get(mark)
    index = LETTERS.find(mark) if len(mark) == 1 else -1
    choices = question.get("choices", [])
    return choices[index] if 0 <= index < len(choices) else None


def right_cell(question: Mapping) -> str:
    """The cell of a fully right answer (what the key would read as)."""
    kind = question["type"]
    if kind in ("multiple_choice", "true_false"):
        return letter_of(question, question["answer"])
    if kind == "matching":
        return ";".join(letter_of(question, a) for a in question["answer"])
    if kind == "ordering":
        return ";".join(str(question["answer"].index(c) + 1) for c in question["choices"])
    if kind == "numeric":
        return str(question["answer"])
    return "1"


def points(question: Mapping) -> Decimal:
    return Decimal(str(question.get("points", 1)))


def earned(question: Mapping, cell: str) -> Decimal:
    """The points ``cell`` earns on ``question`` (0 for blank, ``?`` and anything wrong)."""
    if cell in ("", REVIEW, ABSENT):
        return Decimal(0)
    kind = question["type"]
    if kind in WRITTEN:
        return TEACHER_MARKS.get(cell, Decimal(0)) * points(question)
    if kind == "numeric":
        return points(question) if _numeric_right(question, cell) else Decimal(0)
    return points(question) if cell == right_cell(question) else Decimal(0)


def _numeric_right(question: Mapping, cell: str) -> bool:
    value = parse_number(cell)
    if value is not None:
        target = Decimal(str(question.get("value", question["answer"])))
        if abs(value - target) <= Decimal(str(question.get("tolerance", 0))):
            return True
    return normalize_answer(cell) in {normalize_answer(a) for a in question.get("accept", [])}


def score(build: Build, version: str, cells: Mapping[str, str]) -> tuple[Decimal, Decimal]:
    """(points earned, points possible) of a reading of ``version``."""
    doc = build.versions[version]
    got = total = Decimal(0)
    for q in doc["questions"]:
        total += points(q)
        got += earned(q, cells.get(q["id"], ""))
    return got, total


def number_text(value: Decimal) -> str:
    """``3``, ``2.5``: a score as the CSV shows it."""
    text = format(value.normalize(), "f")
    return text
