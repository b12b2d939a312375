"""What comes back from students: readings of their answers -> scores, ``results.csv``,
``responses.json`` and the class report ``report.html``.

Readings come from scanned answer sheets (``quizgen scan``) or from result codes typed in by
the teacher (``quizgen results``); both are scored here, against the version JSON of the build
(``quiz-X.json``), so the same answers always earn the same score.

A reading's cells are the ``results.csv`` cells (see docs/scan.md): choices and true/false
as printed letters (``B``, several joined with ``;``), matching one letter per item and
ordering one position per item joined with ``;`` in item order, numeric the characters read
(``-12.5``), written answers the teacher's mark ``0``, ``0.5`` or ``1``; ``""`` blank, ``?``
waiting for review, ``-`` a question that is not on that version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REVIEW = "?"
"""The cell of a question some box of which needs review."""
ABSENT = "-"
"""The cell of a question that is not on the reading's version."""


@dataclass(frozen=True)
class Reading:
    """One student's answers to one version."""

    student: str
    """Student number read, or roster id."""
    version: str
    """Version code, e.g. ``A``."""
    cells: Mapping[str, str]
    """Question id -> ``results.csv`` cell."""
    origin: str
    """Where it came from: ``scans.pdf page 3``, ``codes.txt:4``."""
    pages: tuple[Mapping, ...] = field(default=())
    """Scans only: every page read for this reading (input, page, boxes with their state),
    written to ``responses.json`` as is."""


def write_results(
    build_dir: Path,
    readings: Sequence[Reading],
    out_dir: Path,
    *,
    problems: Sequence[str] = (),
) -> None:
    """Score every reading against the build's version JSON; write results.csv,
    responses.json and report.html into out_dir atomically. ``problems`` (pages that could
    not be read or placed, ...) are listed in responses.json and the report."""
    from .write import write_all

    write_all(Path(build_dir), readings, Path(out_dir), problems=problems)
