"""Characters that no font in use can draw: found before anyone prints a handout.

Such a character prints as an empty box, so it must never pass silently: ``warn_missing``
logs one warning per script (on stderr unless logging is set up otherwise), naming a few of
its characters, the questions that have them and the Debian package of a font for it when
one is known. It runs once per build, from ``render_shared``.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterator

from ...model import Cloze, Matching, MultipleChoice, Numeric, Ordering, Question, Quiz, ShortAnswer
from .fonts import BOLD, ITALIC, SANS, describe, fonts_in_use, markup
from .header import byline

log = logging.getLogger("quizgen.pdf")

MAX_IDS = 5


def texts(question: Question) -> Iterator[tuple[str, str]]:
    """Every text of a question the handouts print, with the face it is printed in."""
    body = question.body
    yield question.prompt, SANS
    yield question.explanation, SANS
    yield question.source, ITALIC
    if isinstance(body, MultipleChoice):
        for text in (body.answer, *body.distractors):
            yield text, SANS
            yield text, BOLD  # the key prints the right one in bold
    elif isinstance(body, ShortAnswer):
        for text in (body.answer, *body.accept):
            yield text, SANS
    elif isinstance(body, Numeric):
        for text in (body.unit or "", *body.accept):
            yield text, SANS
    elif isinstance(body, Cloze):
        for segment in body.segments:
            if isinstance(segment, str):
                yield segment, SANS
            else:
                yield segment.answer, BOLD
                for text in segment.accept:
                    yield text, SANS
    elif isinstance(body, Matching):
        for text in (*(p.left for p in body.pairs), *(p.right for p in body.pairs),
                     *body.distractors):  # fmt: skip
            yield text, SANS
    elif isinstance(body, Ordering):
        for text in body.items:
            yield text, SANS


def missing(quiz: Quiz) -> dict[str, list[str | None]]:
    """Each character no font can draw -> the ids of the questions (in bank order) that have
    it; ``None`` stands for the quiz title, the article line or the roster."""
    drawn = {item.id for version in quiz.versions for item in version.items}
    found: dict[str, list[str | None]] = {}
    sources = [(None, [(quiz.title, BOLD), (byline(quiz), SANS)])]
    sources += [(None, [(a.student.name, SANS) for a in quiz.assignments])]
    sources += [(q.id, list(texts(q))) for q in quiz.bank.questions if q.id in drawn]
    for qid, pairs in sources:
        for text, face in pairs:
            for ch in markup(text, face)[1]:
                ids = found.setdefault(ch, [])
                if qid not in ids:
                    ids.append(qid)
    return found


PACKAGES = {
    "Hangul": "fonts-nanum",
    "Latin": "fonts-dejavu-core",
    "Greek": "fonts-dejavu-core",
    "Cyrillic": "fonts-dejavu-core",
    "Armenian": "fonts-dejavu-core",
    "Georgian": "fonts-dejavu-core",
}
"""The Debian (and Ubuntu) package of a font the PDFs use for each script, when one is known:
NanumGothic for Hangul, DejaVu Sans for the alphabets it covers."""
MAX_CHARS = 3


def script(ch: str) -> str:
    """The script (or block) a character belongs to, from its Unicode name: ``Hangul``."""
    word = unicodedata.name(ch, "").split(" ", 1)[0]
    if not word:
        return "unnamed"
    return word if word == "CJK" else word.capitalize()


def warn_missing(quiz: Quiz) -> list[str]:
    """Log one warning per script that has characters no font can draw, naming some of them,
    the questions that have them and the package that provides a font; returns the
    messages."""
    by_script: dict[str, dict[str, list[str | None]]] = {}
    for ch, ids in missing(quiz).items():
        by_script.setdefault(script(ch), {})[ch] = ids
    messages = []
    for name, chars in by_script.items():
        shown = ", ".join(f"{describe(ch)} ({ch!r})" for ch in list(chars)[:MAX_CHARS])
        if len(chars) > MAX_CHARS:
            shown += f" and {len(chars) - MAX_CHARS} more"
        ids = list(dict.fromkeys(i for found in chars.values() for i in found))
        where = []
        names = [f"'{i}'" for i in ids if i is not None]
        if names:
            more = f" and {len(names) - MAX_IDS} more" if len(names) > MAX_IDS else ""
            label = "question" if len(names) == 1 else "questions"
            where.append(f"{label} {', '.join(names[:MAX_IDS])}{more}")
        if None in ids:
            where.append("the quiz title, article line or roster")
        package = PACKAGES.get(name)
        fix = (
            f"install the font: apt-get install {package} (Debian, Ubuntu), then rebuild"
            if package
            else "install a font that has them, or rewrite the text"
        )
        count = len(chars)
        messages.append(
            f"quizgen: warning: {count} {name} character{'s' if count > 1 else ''} in "
            f"{' and '.join(where)} print as empty boxes in the PDFs: {shown}; no font in use "
            f"has them (fonts in use: {', '.join(fonts_in_use())}); {fix}"
        )
    for message in messages:
        log.warning("%s", message)
    return messages
