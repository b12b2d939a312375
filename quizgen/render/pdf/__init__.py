"""``pdf``: per version a student copy ``quiz-X.pdf``, an answer key ``key-X.pdf`` and a
teacher copy ``teacher-X.pdf``; with ``pack``, ``class-pack.pdf``: every student copy (one
per roster student, in roster order, with a roster), each on a new page (on an odd page with
``duplex``), and ``keys.pdf``: every key.

One module per part of a page or kind of page:

- ``fonts``: font registration, per-character fallback, escaping for reportlab markup;
- ``embed``: font subsets embedded once per process; ``ink``: text operators made once per
  quiz; ``glyphs``: characters no font can draw, reported before printing;
- ``flow``: styles, the paragraph cache and the ``Block`` every page part is drawn into;
- ``document``: page size, margins, footers and the canvas that numbers pages per copy,
  labels them and bookmarks copies and sections;
- ``header``: the top of a copy (title, version box, name fields, score box);
- ``student``: the student copy; ``teacher``: the teacher copy (the student copy with the
  answers in place); ``key``: the answer key, with its marking grid from ``grid``.

A new kind of page (an answer sheet in ``sheet.py``, say) follows ``student`` and ``key``:
a function ``story(quiz, version, width, copy) -> list`` of flowables for one copy, whose
first flowable carries ``copy`` (a ``document.Copy``) as its ``mark``;
``document.build(quiz, options, subject, parts)`` makes the PDF of one or more such copies
(``parts``: callables of ``(width, serial)``, see ``_student`` below). With a roster,
``quiz.assignments`` says which version each student was dealt, in roster order, as
``pack_copies`` below reads it for the class pack. Registered as a format of its own, the
module also has ``render_version`` and ``render_shared`` (``Format("sheet", "pdf.sheet",
...)`` in the registry).

Each file is rendered and yielded before the next one is started, so memory stays flat
however many versions there are; the class pack is its own document, built from the quiz
after the per-version files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...model import Quiz, Version
from ...roster import Student
from .. import OutputFile, RenderOptions
from . import glyphs
from . import key as key_copy
from . import student as student_copy
from . import teacher as teacher_copy
from .document import Copy, build


def _student(
    quiz: Quiz, version: Version, student: Student | None = None
) -> Callable[[float, int], list]:
    return lambda width, serial: student_copy.story(
        quiz, version, width, Copy(serial, version.code, "student", student), student
    )


def _key(quiz: Quiz, version: Version) -> Callable[[float, int], list]:
    return lambda width, serial: key_copy.story(
        quiz, version, width, Copy(serial, version.code, "key")
    )


def _teacher(quiz: Quiz, version: Version) -> Callable[[float, int], list]:
    return lambda width, serial: teacher_copy.story(
        quiz, version, width, Copy(serial, version.code, "teacher")
    )


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """``quiz-X.pdf`` (student copy), ``key-X.pdf`` (answer key) and ``teacher-X.pdf``
    (teacher copy: the student copy with the answers in place) of one version."""
    code = version.code
    data = build(quiz, options, f"Version {code}: student copy", [_student(quiz, version)])
    yield OutputFile(f"quiz-{code}.pdf", "pdf", "student", data, code)
    data = build(quiz, options, f"Version {code}: answer key", [_key(quiz, version)])
    yield OutputFile(f"key-{code}.pdf", "pdf", "key", data, code)
    data = build(quiz, options, f"Version {code}: teacher copy", [_teacher(quiz, version)])
    yield OutputFile(f"teacher-{code}.pdf", "pdf", "key", data, code)


def _with_sheet(
    quiz: Quiz, version: Version, options: RenderOptions, student: Student | None
) -> Callable[[float, int], list]:
    from .sheet import pack_pages

    copy = _student(quiz, version, student)
    return lambda width, serial: copy(width, serial) + pack_pages(quiz, version, options, student)


def pack_copies(quiz: Quiz, options: RenderOptions) -> list[Callable[[float, int], list]]:
    """The copies of the class pack: one per roster student in roster order (their version,
    their name), else one per version; each followed by its answer sheet when sheets are
    built."""
    if quiz.assignments:
        copies = [(quiz.version(a.version), a.student) for a in quiz.assignments]
    else:
        copies = [(v, None) for v in quiz.versions]
    if not options.sheet:
        return [_student(quiz, v, s) for v, s in copies]
    return [_with_sheet(quiz, v, options, s) for v, s in copies]


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    """With ``options.pack``, ``class-pack.pdf`` (the students' copies, no answers) and
    ``keys.pdf`` (every key); warns about characters no font can draw."""
    glyphs.warn_missing(quiz)
    if options.pack:
        subject = "Class pack: every student copy"
        data = build(quiz, options, subject, pack_copies(quiz, options), duplex=options.duplex)
        yield OutputFile("class-pack.pdf", "pdf", "pack", data, None)
        subject = "Every answer key"
        keys = [_key(quiz, v) for v in quiz.versions]
        data = build(quiz, options, subject, keys, duplex=options.duplex)
        yield OutputFile("keys.pdf", "pdf", "key", data, None)


def render(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    """Every PDF of the quiz: each version's student copy and key, then the class pack."""
    for version in quiz.versions:
        yield from render_version(quiz, version, options)
    yield from render_shared(quiz, options)
