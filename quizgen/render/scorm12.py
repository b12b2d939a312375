"""``scorm12``: ``scorm12.zip``, the quiz as a SCORM 1.2 package (see ``scorm.py``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Quiz, Version
from . import OutputFile, RenderOptions
from .scorm import render_file


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    yield render_file(quiz, options, edition="1.2")
