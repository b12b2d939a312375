"""``gift``: ``gift.txt`` (role ``lms``), Moodle's GIFT text format.

One ``$CATEGORY`` for the bank, then one question per block, each preceded by a comment with
its stable ``[id:...]`` (Moodle's ``idnumber``) and its ``[tag:...]``s. Question text,
choices, matching items and feedback are HTML (``[html]``), escaped from plain text; short
answers and matching options are plain text, as Moodle stores them. Every GIFT control
character (``~ = # { } :`` and ``\\``) is escaped with a backslash, and line breaks as ``\\n``.

What GIFT cannot express is written in the nearest form it can, and the build says so:
ordering becomes matching of each item to its position; a cloze sentence with several blanks
becomes one missing-word question per blank (the other blanks filled in). A numeric
question's unit and its accepted spellings in words have no place in GIFT and are left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import (
    Blank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Quiz,
    ShortAnswer,
    TrueFalse,
    Version,
)
from . import OutputFile, RenderOptions
from .lms import (
    ORDERING_HINT,
    category_path,
    cloze_blanks,
    feedback_html,
    html_text,
    idnumber,
    number,
    ordering_note,
    positions,
    questions,
    tags,
)

_GIFT_ESCAPES = str.maketrans(
    {c: "\\" + c for c in "\\~=#{}:"} | {"\n": "\\n", "\r": "", "\t": " "}
)


def escape(text: str) -> str:
    """Text with GIFT's control characters escaped; a line break becomes ``\\n``."""
    return text.translate(_GIFT_ESCAPES)


def short_answer(text: str) -> str:
    """An accepted answer: GIFT-escaped, and ``*`` (a wildcard in Moodle's short answers)
    as ``\\*``, which matches a star."""
    return escape(text).replace("*", "\\*")


def html(text: str) -> str:
    """Plain text as GIFT-escaped HTML."""
    return escape(html_text(text))


def category(quiz: Quiz) -> str:
    """The bank's category, named after the bank id (a slug: nothing to escape)."""
    return f"$CATEGORY: {category_path(quiz.bank.id)}"


def _header(bank_id: str, question: Question, suffix: str = "") -> str:
    # Ids and tags are lowercase letters, digits, '-', '_', '/' and ':' only (checked on load).
    ident = idnumber(bank_id, question.id) + suffix
    return " ".join([f"// [id:{ident}]", *(f"[tag:{t}]" for t in tags(question))])


def _answers(lines: list[str], question: Question) -> str:
    return "{\n" + "".join(f"\t{line}\n" for line in lines) + f"\t####{html_feedback(question)}\n}}"


def html_feedback(question: Question) -> str:
    return escape(feedback_html(question))


def question_blocks(bank_id: str, q: Question) -> list[str]:
    """The GIFT blocks of one question (several for a cloze sentence with several blanks)."""
    body = q.body
    title = f"::{escape(q.id)}::"
    stem = f"[html]<p>{html(q.prompt)}</p>"
    if isinstance(body, Cloze):
        return _cloze_blocks(bank_id, q, body)
    if isinstance(body, MultipleChoice):
        lines = [f"={html(body.answer)}", *(f"~{html(d)}" for d in body.distractors)]
        return [f"{_header(bank_id, q)}\n{title}{stem}{_answers(lines, q)}"]
    if isinstance(body, TrueFalse):
        answer = "TRUE" if body.answer else "FALSE"
        return [f"{_header(bank_id, q)}\n{title}{stem}{{{answer}\n\t####{html_feedback(q)}\n}}"]
    if isinstance(body, ShortAnswer):
        lines = [f"={short_answer(a)}" for a in (body.answer, *body.accept)]
        return [f"{_header(bank_id, q)}\n{title}{stem}{_answers(lines, q)}"]
    if isinstance(body, Numeric):
        value = f"{number(body.answer)}:{number(body.tolerance)}"
        return [f"{_header(bank_id, q)}\n{title}{stem}{{#{value}\n\t####{html_feedback(q)}\n}}"]
    if isinstance(body, Matching):
        lines = [f"={html(p.left)} -> {escape(p.right)}" for p in body.pairs]
        lines += [f"= -> {escape(d)}" for d in body.distractors]
        return [f"{_header(bank_id, q)}\n{title}{stem}{_answers(lines, q)}"]
    if isinstance(body, Ordering):
        stem += f"<p>{html(ORDERING_HINT)}</p>"
        lines = [
            f"={html(item)} -> {pos}" for item, pos in zip(body.items, positions(q), strict=True)
        ]
        return [f"{_header(bank_id, q)}\n{title}{stem}{_answers(lines, q)}"]
    raise TypeError(q.type)


def _cloze_blocks(bank_id: str, q: Question, body: Cloze) -> list[str]:
    """One missing-word question per blank: ``text {=answer =other} text``."""
    blanks = body.blanks
    blocks = []
    for index, blank in enumerate(blanks):
        before, after = _split(body.segments, index)
        several = len(blanks) > 1
        suffix, name = (
            (f"/{index + 1}", f"{q.id} ({index + 1}/{len(blanks)})") if several else ("", q.id)
        )
        lines = [f"={short_answer(a)}" for a in (blank.answer, *blank.accept)]
        blocks.append(
            f"{_header(bank_id, q, suffix)}\n::{escape(name)}::"
            f"[html]<p>{html(q.prompt)}</p><p>{html(before)}"
            f"{_answers(lines, q)}{html(after)}</p>"
        )
    return blocks


def _split(segments: tuple[str | Blank, ...], index: int) -> tuple[str, str]:
    """The sentence before and after blank number ``index``, the other blanks filled in."""
    parts: list[list[str]] = [[], []]
    seen = 0
    for segment in segments:
        if isinstance(segment, str):
            parts[seen > index].append(segment)
        else:
            if seen != index:
                parts[seen > index].append(segment.answer)
            seen += 1
    return "".join(parts[0]), "".join(parts[1])


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """Nothing per version: an LMS shuffles questions and choices itself."""
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    bank_id = quiz.bank.id
    chosen = questions(quiz)
    blocks = [f"// quizgen: bank {bank_id}, {len(chosen)} questions\n{category(quiz)}"]
    for q in chosen:
        blocks.extend(question_blocks(bank_id, q))
    notes = ordering_note("gift", sum(isinstance(q.body, Ordering) for q in chosen))
    several = sum(cloze_blanks(q) > 1 for q in chosen)
    if several:
        notes += (
            f"gift: {several} cloze question(s) with several blanks written as one "
            f"question per blank (GIFT has one blank per question)",
        )
    data = ("\n\n".join(blocks) + "\n").encode("utf-8")
    yield OutputFile("gift.txt", "gift", "lms", data, notes=notes)
