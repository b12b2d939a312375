"""What the learning-management-system exports share (``moodle-xml``, ``gift``, ``qti``,
``qti21``): the questions they hold, their identities, their feedback and tags.

An LMS shuffles questions and choices itself, so these formats export questions, not versions:
``Quiz.selection``, in bank order. Identities derive from (bank id, question id), never from
content, so re-importing a regenerated file can be matched to the questions imported before.
"""

from __future__ import annotations

import hashlib
import html
import io
import zipfile
from collections.abc import Iterable
from decimal import Decimal

from ..model import Cloze, Ordering, Question, Quiz

IDNUMBER_MAX = 100
"""Moodle's limit on a question's ``idnumber``."""

ZIP_TIME = (2000, 1, 1, 0, 0, 0)
"""The timestamp of every zip entry, so that a seed gives byte-identical packages."""


def questions(quiz: Quiz) -> tuple[Question, ...]:
    """The questions an LMS export holds."""
    return quiz.selection


def question_key(bank_id: str, question_id: str) -> str:
    """32 hex digits of SHA-256 over (bank id, question id): stable, and valid in any XML
    identifier once prefixed with a letter."""
    return hashlib.sha256(f"quizgen\0{bank_id}\0{question_id}".encode()).hexdigest()[:32]


def idnumber(bank_id: str, question_id: str) -> str:
    """Moodle's ``idnumber``: ``bank/question`` when it fits, else a key derived from both."""
    readable = f"{bank_id}/{question_id}"
    if len(readable) <= IDNUMBER_MAX:
        return readable
    return f"quizgen-{question_key(bank_id, question_id)}"


def category_path(bank_id: str) -> str:
    """The question-bank category of a bank, under the course's top category. Named after
    the bank id, so that it stays the same when the title is edited."""
    return f"$course$/top/quizgen-{bank_id}"


def tags(question: Question) -> tuple[str, ...]:
    """The question's tags, then its difficulty as a tag (``difficulty-2``)."""
    return (*question.tags, f"difficulty-{question.difficulty}")


def number(value: Decimal) -> str:
    """A number as every LMS reads it: plain digits, a point, no exponent, no separators."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


_FILTER_SAFE = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})


def html_text(text: str) -> str:
    """Plain text as HTML that shows exactly ``text``: ``html.unescape`` gives it back.

    Beyond HTML's own characters, braces and brackets become numeric entities: Moodle's text
    filters (multi-language ``{mlang}``, format markers like ``[html]``) read them as syntax.
    Line breaks stay as they are (HTML shows them as spaces).
    """
    return html.escape(text, quote=True).translate(_FILTER_SAFE)


def feedback_html(question: Question) -> str:
    """General feedback: the explanation, then the article's sentence it comes from."""
    return f"<p>{html_text(question.explanation)}</p><p>Source: “{html_text(question.source)}”</p>"


def positions(question: Question) -> tuple[str, ...]:
    """For an ordering question written as matching: the positions ``1``, ``2``, ..."""
    assert isinstance(question.body, Ordering)
    return tuple(str(n) for n in range(1, len(question.body.items) + 1))


ORDERING_HINT = "Match each item to its position in the order (1 = first)."


def ordering_note(fmt: str, count: int) -> tuple[str, ...]:
    """The build's note when a format writes ordering questions as matching to positions."""
    if not count:
        return ()
    return (
        f"{fmt}: {count} ordering question(s) written as matching to positions "
        f"(the format has no ordering type)",
    )


def cloze_blanks(question: Question) -> int:
    return len(question.body.blanks) if isinstance(question.body, Cloze) else 0


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of ``entries`` in the order given, with fixed timestamps and permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return out.getvalue()
