"""The teacher copy of one version: the student's pages, page for page, with every answer
written in place (the right choice ringed and filled, blanks and lines filled in, matching
letters and order numbers in their boxes) and the points of every question, to lay beside a
student's paper when marking."""

from __future__ import annotations

from ...model import Quiz, Version
from . import student


def story(quiz: Quiz, version: Version, width: float, mark: object) -> list:
    """The flowables of one teacher copy."""
    return student.story(quiz, version, width, mark, answers=True)
