"""Renderers: one module per format, found through ``FORMATS``.

Every renderer module has the same two entry points::

    render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]
    render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]

``render_version`` makes the files of one version (a student copy, a key, ...);
``render_shared`` the files of the whole build (an index, a deck, a class pack), after every
version. ``render`` runs both for one format. Keeping them apart lets the build render versions
in worker processes and write each file as soon as it is made.

Renderers are pure: they read the quiz and options, keep no state between calls and write
nothing themselves. Modules are imported only when their format is used, so start-up stays
fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from ..errors import UsageError
from ..model import Quiz, Version


@dataclass(frozen=True)
class RenderOptions:
    """Options that shape output files (not which questions are drawn)."""

    page_size: str = "a4"
    """``a4`` or ``letter`` (PDF)."""
    pack: bool = False
    """Also write ``class-pack.pdf``."""
    duplex: bool = False
    """In the class pack, start every copy on an odd page."""
    deck: str | None = None
    """Anki deck name; default ``quizgen::<bank title>``."""
    html_mode: str = "practice"
    """HTML quiz pages: ``practice`` (check, try again, show answers) or ``test`` (one
    submission, then every control is locked)."""
    reveal: str = "after"
    """Test mode: show answers and explanations ``after`` submission, or ``never``."""
    pass_mark: float = 60.0
    """SCORM: the percentage a learner needs to pass."""
    sheet: bool = False
    """Answer sheets are built: each version's JSON carries its sheet's layout."""
    student_digits: int = 6
    """Answer sheets: digits of the student-number grid."""


@dataclass(frozen=True)
class OutputFile:
    """One file a renderer produced; ``path`` is relative to the output folder."""

    path: str
    format: str
    role: str
    data: bytes
    version: str | None = None
    notes: tuple[str, ...] = ()
    """What the user should know about the file (said once by the build, on stderr): for
    example a question type the format cannot express and how it was written instead."""


class Renderer(Protocol):
    def render_version(
        self, quiz: Quiz, version: Version, options: RenderOptions
    ) -> Iterator[OutputFile]: ...

    def render_shared(self, quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]: ...


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "pdf", "pdf", "PDF handouts: per version a student copy, an answer key, a teacher copy"
        ),
        Format("html", "html", "self-grading HTML page per version, key pages and an index"),
        Format("anki-csv", "anki_csv", "Anki CSV deck (deck.csv), Basic and Cloze notes"),
        Format("json", "json", "one JSON file per version with questions and answers"),
        Format("sheet", "pdf.sheet", "answer sheet per version for quizgen scan (sheet-X.pdf)"),
        Format("apkg", "apkg", "Anki package (deck.apkg) with quizgen's own note types"),
        Format("quizlet", "quizlet", "tab-separated term and definition (quizlet.tsv)"),
        Format("scorm12", "scorm12", "SCORM 1.2 package of every version (scorm12.zip)"),
        Format("scorm2004", "scorm2004", "SCORM 2004 package of every version (scorm2004.zip)"),
        Format("gift", "gift", "Moodle GIFT text (gift.txt): every question, for an LMS"),
        Format("moodle-xml", "moodle_xml", "Moodle XML questions (moodle.xml), every type"),
        Format("qti", "qti", "QTI 1.2 package (qti.zip) for Canvas, Blackboard, Brightspace"),
        Format("qti21", "qti21", "QTI 2.1 items and test in a package (qti21.zip)"),
    )
}
"""Every format by name, in the order ``quizgen formats`` lists them."""

DEFAULT_FORMATS = ("pdf", "html", "anki-csv", "json")


def parse_formats(text: str) -> tuple[str, ...]:
    """``pdf,html`` or ``all`` -> format names; an unknown name lists the valid ones."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return tuple(FORMATS)
    if not names:
        raise UsageError("--formats: no format named")
    for name in names:
        if name not in FORMATS:
            raise UsageError(f"unknown format '{name}' (valid: {', '.join(FORMATS)}, or all)")
    return tuple(dict.fromkeys(names))


def get_renderer(name: str) -> Renderer:
    """The module that renders format ``name``."""
    return importlib.import_module(f"{__name__}.{FORMATS[name].module}")


def render(name: str, quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    """Every file of format ``name``: each version's, then the shared ones."""
    renderer = get_renderer(name)
    for version in quiz.versions:
        yield from renderer.render_version(quiz, version, options)
    yield from renderer.render_shared(quiz, options)
