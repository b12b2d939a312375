"""Where each output file goes: files with answers for the teacher into ``teacher/``.

Decided here, once, from each file's role (renderers name files without folders): keys,
answer JSON and files for learning management systems hold answers, so they never sit beside
the students' copies. ``index.html`` at the top of the output folder links the students'
pages only; ``teacher/index.html`` lists every teacher file.
"""

from __future__ import annotations

from dataclasses import replace

from .render import OutputFile

TEACHER_DIR = "teacher"
"""The subfolder of the output folder that holds the teacher's files."""

TEACHER_ROLES = frozenset({"key", "lms"})
"""Roles of files that hold answers: keys (PDF, HTML, JSON, ``keys.pdf``) and LMS files."""


def place(file: OutputFile) -> OutputFile:
    """``file`` at its place in the output folder."""
    if file.role in TEACHER_ROLES and not file.path.startswith(f"{TEACHER_DIR}/"):
        return replace(file, path=f"{TEACHER_DIR}/{file.path}")
    return file


def is_teacher_file(path: str) -> bool:
    return path.startswith(f"{TEACHER_DIR}/")
