"""A class roster (``--roster CLASS.csv``): the students, in seating order, and the version
dealt to each.

The file is CSV with a header row naming the columns ``id`` and ``name`` (in any order, any
case; other columns are ignored), UTF-8 with or without a byte-order mark, names in any
script. Commas separate the columns; a file whose header has no comma but semicolons or tabs
(as some spreadsheets export) is read with those. Every bad row is reported with its line.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, Location, Problem
from .files import Unreadable, read_text

MAX_BYTES = 1024 * 1024
"""A roster file larger than this is refused before it is read in full."""
MAX_STUDENTS = 5000
MAX_ID = 40
MAX_NAME = 120


@dataclass(frozen=True)
class Student:
    """One student of the roster."""

    id: str
    """The student's id as the roster gives it (unique in the roster)."""
    name: str
    """The name printed on the student's copy and answer sheet."""


@dataclass(frozen=True)
class Assignment:
    """A student and the code of the version dealt to them."""

    student: Student
    version: str


def deal(students: Sequence[Student], codes: Sequence[str]) -> tuple[Assignment, ...]:
    """Versions dealt in roster order, A, B, C, ... then A again: with two or more versions,
    students next to each other in the roster never have the same one."""
    return tuple(Assignment(s, codes[i % len(codes)]) for i, s in enumerate(students))


def read_roster(path: Path) -> tuple[Student, ...]:
    """The students of the roster at ``path``, in its order; ``InputError`` naming the file
    and line of every bad row."""
    name = str(path)
    try:
        text = read_text(path, limit=MAX_BYTES, what="a roster file")
    except Unreadable as exc:
        if exc.line is not None:
            raise InputError(f"{Location(name, exc.line, exc.column)}: roster: {exc}") from None
        raise InputError(f"{name}: cannot read the roster: {exc}") from None
    return parse_roster(text, name)


def _dialect(first_line: str) -> str:
    if "," not in first_line:
        for delimiter in (";", "\t"):
            if delimiter in first_line:
                return delimiter
    return ","


def parse_roster(text: str, file: str) -> tuple[Student, ...]:
    """The students of roster ``text`` (read from ``file``, for messages)."""
    lines = text.split("\n")
    reader = csv.reader(io.StringIO(text), delimiter=_dialect(lines[0]), strict=True)
    problems: list[Problem] = []
    students: list[Student] = []
    seen: dict[str, int] = {}
    columns: tuple[int, int] | None = None
    line = 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                columns = _header(row, Location(file, start))
                continue
            student, problem = _student(row, columns)
            where = Location(file, start)
            if problem is None and student.id in seen:
                problem = f"id '{student.id}' is already used on line {seen[student.id]}"
            if problem is not None:
                problems.append(Problem(problem, where))
                continue
            seen[student.id] = start
            students.append(student)
            if len(students) > MAX_STUDENTS:
                raise InputError(f"{where}: roster: more than {MAX_STUDENTS} students")
    except csv.Error as exc:
        raise InputError(f"{Location(file, line)}: roster: bad CSV ({exc})") from None
    if columns is None:
        raise InputError(f"{file}: roster: empty (expected a header row with id and name)")
    if problems:
        raise InputError(
            "\n".join(f"{p.location}: roster: {p.message}" for p in problems), tuple(problems)
        )
    if not students:
        raise InputError(f"{file}: roster: no students after the header row")
    return tuple(students)


def _header(row: list[str], where: Location) -> tuple[int, int]:
    names = [cell.strip().lower() for cell in row]
    missing = [c for c in ("id", "name") if c not in names]
    if missing:
        found = ", ".join(repr(cell.strip()) for cell in row)
        raise InputError(
            f"{where}: roster: the header row needs the columns id and name "
            f"(missing {' and '.join(missing)}; found {found})"
        )
    return names.index("id"), names.index("name")


def _student(row: list[str], columns: tuple[int, int]) -> tuple[Student, str | None]:
    values = []
    for column, label, limit in zip(columns, ("id", "name"), (MAX_ID, MAX_NAME), strict=True):
        value = " ".join(row[column].split()) if column < len(row) else ""
        if not value:
            return Student("", ""), f"{label} is empty"
        if len(value) > limit:
            return Student("", ""), f"{label} is longer than {limit} characters"
        bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cs", "Co")), None)
        if bad is not None:
            return Student("", ""), f"{label} holds the control character U+{ord(bad):04X}"
        values.append(value)
    return Student(*values), None
