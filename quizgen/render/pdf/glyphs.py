"""Characters that no font in use can draw: found before anyone prints a handout.

Such a character prints as an empty box, so it must never pass silently: ``warn_missing``
logs one warning per character (on stderr unless logging is set up otherwise), naming the
questions that have it. It runs once per build, from ``render_shared``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ...model import Cloze, Matching, MultipleChoice, Numeric, Ordering, Question, Quiz, ShortAnswer
from .fonts import BOLD, ITALIC, SANS, describe, fonts_in_use, markup
from .student import byline

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
    it; ``None`` stands for the quiz title or the article line."""
    drawn = {item.id for version in quiz.versions for item in version.items}
    found: dict[str, list[str | None]] = {}
    sources = [(None, [(quiz.title, BOLD), (byline(quiz), SANS)])]
    sources += [(q.id, list(texts(q))) for q in quiz.bank.questions if q.id in drawn]
    for qid, pairs in sources:
        for text, face in pairs:
            for ch in markup(text, face)[1]:
                ids = found.setdefault(ch, [])
                if qid not in ids:
                    ids.append(qid)
    return found


def warn_missing(quiz: Quiz) -> list[str]:
    """Log one warning per character no font can draw; returns the messages."""
    messages = []
    for ch, ids in missing(quiz).items():
        names = [f"'{i}'" for i in ids if i is not None]
        where = []
        if names:
            more = f" and {len(names) - MAX_IDS} more" if len(names) > MAX_IDS else ""
            label = "question" if len(names) == 1 else "questions"
            where.append(f"{label} {', '.join(names[:MAX_IDS])}{more}")
        if None in ids:
            where.append("the quiz title or article line")
        messages.append(
            f"quizgen: warning: {' and '.join(where)}: no font has a glyph for {describe(ch)} "
            f"({ch!r}); it prints as an empty box in the PDFs; install a font that has it "
            f"(fonts in use: {', '.join(fonts_in_use())})"
        )
    for message in messages:
        log.warning("%s", message)
    return messages
