"""``html``: a self-grading page per version, a teacher's key per version, and an index.

Per version X: ``quiz-X.html`` (role ``student``) and ``key-X.html`` (role ``key``, placed in
``teacher/`` by the build, with ``noindex``); then ``index.html`` (role ``index``) linking the
quiz pages only. ``teacher_index`` makes ``teacher/index.html``, the list of the teacher's
files of every format. Each page is one self-contained file: CSS
and JavaScript are inlined from ``templates/``, and a Content-Security-Policy meta tag lets
only that exact inline code run (its SHA-256 hashes), so no text of the bank can run as code
and the page cannot load anything from anywhere. The script is ``grading.js`` (the answer
matching of docs/grading.md) followed by ``quiz.js`` (the page). Bank text is escaped by
Jinja2's autoescape; the grading data travels as JSON in a ``<script type="application/json">``
element.
See docs/html.md.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache

import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..model import Quiz, Version
from ..resources import templates_dir
from ..sections import display_date
from . import OutputFile, RenderOptions
from .html_data import grading_data, sections
from .html_lang import mark_page
from .html_secret import script_json


def _exact(text: str) -> Markup:
    """Text for an attribute whose value must come back exactly (radio and option values).

    An HTML parser turns a carriage return into a line feed; as a character reference it
    survives.
    """
    return Markup(str(escape(text)).replace("\r", "&#13;"))


class _Environment(jinja2.Environment):
    """Reads ``q.prompt`` of a plain dict as its key first. Jinja2 tries the attribute first,
    and the failed lookup costs an exception for every field of every question; the
    templates call no dict method, so the result is the same."""

    def getattr(self, obj: object, attribute: str) -> object:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["exact"] = _exact
    return env


@cache
def _asset(name: str) -> str:
    """A CSS or JS file of templates/, to inline as it is."""
    text = (templates_dir() / name).read_text(encoding="utf-8")
    # The text goes between <style> or <script> tags unescaped: it must not end them early.
    lowered = text.lower()
    if "</style" in lowered or "</script" in lowered or "<!--" in lowered:
        raise ValueError(f"templates/{name} must not contain '</style', '</script' or '<!--'")
    return text


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _csp(css: str, js: str | None) -> str:
    """A policy that allows exactly the page's inline style and script, and nothing else."""
    script = _csp_hash(js) if js is not None else "'none'"
    return (
        f"default-src 'none'; script-src {script}; style-src {_csp_hash(css)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _web_url(url: str | None) -> str | None:
    """The article's address if it is a web address (a link never runs code)."""
    if url and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return None


def _common(quiz: Quiz) -> dict:
    article = quiz.bank.article
    return {
        "lang": quiz.bank.language,
        "title": quiz.title,
        "bank_id": quiz.bank.id,
        "article": {
            "title": article.title,
            "publisher": article.publisher,
            "date": display_date(article.date),
            "url": _web_url(article.url),
        },
        "generator": f"quizgen {__version__}",
        "versions": [v.code for v in quiz.versions],
        "questions": len(quiz.versions[0].items),
    }


QUIZ_SCRIPTS = ("grading.js", "responses.js", "quiz.js")
"""The quiz page's script: the answer matching, then the page."""
TEST_SCRIPTS = ("grading.js", "responses.js", "qr.js", "resultcode.js", "quiz.js")
"""A test page's script: also the result code and its QR code."""


def _page(template: str, context: dict, *, scripts: tuple[str, ...] = ()) -> bytes:
    css = _asset("quiz.css")
    # The scripts run as one inline script, under one CSP hash.
    js = "\n".join(_asset(name) for name in scripts) if scripts else None
    html = (
        _environment()
        .get_template(template)
        .render(
            **context,
            csp=_csp(css, js),
            css=Markup(css),
            js=Markup(js) if js is not None else None,
        )
    )
    return mark_page(html, context["lang"]).encode("utf-8")


def _quiz_context(quiz: Quiz, version: Version, options: RenderOptions) -> dict:
    data = {
        "bank": quiz.bank.id,
        "version": version.code,
        "seed": quiz.seed,
        "mode": options.html_mode,
        "reveal": options.reveal,
        "total": len(version.items),
        "questions": {
            item.id: grading_data(item, quiz.bank.id, version.code) for item in version.items
        },
    }
    context = {
        **_common(quiz),
        "version": version.code,
        "mode": options.html_mode,
        "total": len(version.items),
        "sections": sections(version.items),
        "data": Markup(script_json(data)),
    }
    return context


def _quiz_page(quiz: Quiz, version: Version, options: RenderOptions) -> bytes:
    scripts = TEST_SCRIPTS if options.html_mode == "test" else QUIZ_SCRIPTS
    return _page("quiz.html.j2", _quiz_context(quiz, version, options), scripts=scripts)


def launch_page(quiz: Quiz, options: RenderOptions, *, edition: str) -> bytes:
    """The launch page of a SCORM package: every version's quiz (test mode) in a
    ``<template>``; scorm.js picks the learner's and talks to the LMS."""
    options = replace(options, html_mode="test")
    bodies = []
    for version in quiz.versions:
        context = {**_quiz_context(quiz, version, options), "fragment": True}
        body = _environment().get_template("quiz.html.j2").render(**context)
        bodies.append({"code": version.code, "body": Markup(body)})
    config = {
        "scorm": edition,
        "bank": quiz.bank.id,
        "versions": [v.code for v in quiz.versions],
        "passMark": options.pass_mark,
    }
    context = {**_common(quiz), "bodies": bodies, "config": Markup(script_json(config))}
    return _page("scorm.html.j2", context, scripts=("grading.js", "scorm.js", *TEST_SCRIPTS[1:]))


def _key_page(quiz: Quiz, version: Version) -> bytes:
    context = {
        **_common(quiz),
        "noindex": True,
        "version": version.code,
        "total": len(version.items),
        "sections": sections(version.items),
    }
    return _page("key.html.j2", context)


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    code = version.code
    yield OutputFile(
        f"quiz-{code}.html", "html", "student", _quiz_page(quiz, version, options), code
    )
    yield OutputFile(f"key-{code}.html", "html", "key", _key_page(quiz, version), code)


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    page = _page("index.html.j2", _common(quiz))
    yield OutputFile("index.html", "html", "index", page)


_ROLE_TEXT = {
    "student": "student copy",
    "key": "answers",
    "pack": "class pack of the student copies",
    "sheet": "answer sheet",
    "deck": "flash-card deck",
    "lms": "package for a learning management system (import it there)",
    "index": "index",
}


def teacher_index(quiz: Quiz, entries: Sequence[OutputFile]) -> OutputFile:
    """``teacher/index.html``: every file of the build, the teacher's ones by version."""
    from ..teacher import TEACHER_DIR, is_teacher_file

    def link(entry: OutputFile) -> dict:
        return {
            "href": posixpath.relpath(entry.path, TEACHER_DIR),
            "name": posixpath.basename(entry.path),
            "what": f"{_ROLE_TEXT.get(entry.role, entry.role)} ({entry.format})",
            "publish": "No, it holds answers" if is_teacher_file(entry.path) else "Yes",
        }

    by_version = []
    for version in quiz.versions:
        mine = [e for e in entries if e.version == version.code]
        by_version.append(
            {
                "version": version.code,
                "student": [link(e) for e in mine if not is_teacher_file(e.path)],
                "teacher": [link(e) for e in mine if is_teacher_file(e.path)],
            }
        )
    shared = [link(e) for e in entries if e.version is None]
    context = {**_common(quiz), "noindex": True, "by_version": by_version, "shared": shared}
    page = _page("teacher.html.j2", context)
    return OutputFile(f"{TEACHER_DIR}/index.html", "html", "index", page)
