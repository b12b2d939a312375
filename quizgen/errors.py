"""Errors: one root exception, with subclasses for bad input and for rendering.

Inner code raises messages without a location; the loader adds it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where something stands in a source file (line and column count from 1)."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One problem found in an input, with its location and question id when known."""

    message: str
    location: Location | None = None
    question_id: str | None = None

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        if self.question_id is not None:
            prefix += f"question '{self.question_id}': "
        return prefix + self.message


class QuizgenError(Exception):
    """Root of every error quizgen reports to its user."""


class InputError(QuizgenError):
    """Bad input: a bank, an article or options that cannot be satisfied (exit status 1)."""

    def __init__(self, message: str = "", problems: tuple[Problem, ...] = ()) -> None:
        self.problems = tuple(problems)
        if not message:
            message = "\n".join(str(p) for p in self.problems)
        super().__init__(message)


class BankError(InputError):
    """A bank that does not load or does not validate; carries every problem found."""


class UsageError(QuizgenError):
    """Options that do not parse (exit status 2)."""


class RenderError(QuizgenError):
    """A renderer could not produce its output."""
