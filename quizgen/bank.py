"""Loading a bank: YAML -> validated ``Bank``, reporting every problem with its location."""

from __future__ import annotations

import difflib
import functools
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .answer_forms import answer_forms
from .errors import BankError, Location, Problem
from .files import Unreadable, read_bytes, read_text
from .model import (
    QUESTION_TYPES,
    Article,
    Bank,
    Blank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Pair,
    Question,
    ShortAnswer,
    TrueFalse,
)
from .text import normalize_space
from .typography import curly, typeset
from .yamlsafe import MAX_BYTES, Map, Seq, read_yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
TAG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(::[a-z0-9][a-z0-9_-]*)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BLANK_RE = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)

MAX_CHOICES = 26
"""Most choices of a question or options of a matching question: they are lettered A to Z."""
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""Largest article file read (bytes)."""
MAX_NUMBER_DIGITS = 15
"""Numbers (numeric answers and tolerances) are below 10^15 in size, with at most 15
significant digits and 15 decimal places: every one is exact as a JavaScript number, and
prints in full on a page."""
MAX_ORDERING_ITEMS = 255
"""Most items of an ordering question (a version keeps each shown position in one byte)."""

BANK_KEYS = {
    "id",
    "title",
    "description",
    "language",
    "revised",
    "article",
    "questions",
    "excludes",
}
ARTICLE_KEYS = {"path", "title", "publisher", "date", "url"}
COMMON_KEYS = {
    "id",
    "type",
    "prompt",
    "explanation",
    "source",
    "tags",
    "difficulty",
    "revised",
    "points",
    "excludes",
    "review",
}
"""``review``: a note for whoever reviews the bank (why a drafted question is doubtful); it is
checked as text and never shown to students."""
TYPE_KEYS = {
    "multiple_choice": {"answer", "distractors"},
    "true_false": {"answer"},
    "short_answer": {"answer", "accept"},
    "numeric": {"answer", "tolerance", "unit", "accept"},
    "cloze": {"text"},
    "matching": {"pairs", "distractors"},
    "ordering": {"items"},
}
REQUIRED_TYPE_KEYS = {
    "multiple_choice": ("answer", "distractors"),
    "true_false": ("answer",),
    "short_answer": ("answer",),
    "numeric": ("answer",),
    "cloze": ("text",),
    "matching": ("pairs",),
    "ordering": ("items",),
}


class _Invalid(Exception):
    """A field's problem, raised inside a check and turned into a located ``Problem``."""

    def __init__(self, message: str, where: Location) -> None:
        super().__init__(message)
        self.where = where


def _type_name(value) -> str:
    if isinstance(value, Map):
        return "a mapping"
    if isinstance(value, Seq):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"


def _text(m: Map, key: str, *, required: bool = True, label: str | None = None) -> str | None:
    label = label or key
    if key not in m:
        if required:
            raise _Invalid(f"missing required field '{label}'", m.where)
        return None
    value = m[key]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key != "id":
        value = str(value)
    if not isinstance(value, str):
        raise _Invalid(f"{label}: expected text, got {_type_name(value)}", m.value_at(key))
    if not value.strip():
        raise _Invalid(f"{label}: must not be empty", m.value_at(key))
    return value.strip()


def _text_list(m: Map, key: str, *, minimum: int = 0, required: bool = False) -> tuple[str, ...]:
    if key not in m:
        if required:
            raise _Invalid(f"missing required field '{key}'", m.where)
        return ()
    value = m[key]
    if not isinstance(value, Seq):
        raise _Invalid(f"{key}: expected a list, got {_type_name(value)}", m.value_at(key))
    out = []
    for i, entry in enumerate(value):
        if isinstance(entry, (int, float)) and not isinstance(entry, bool):
            entry = str(entry)
        if not isinstance(entry, str) or not entry.strip():
            got = "empty text" if isinstance(entry, str) else _type_name(entry)
            raise _Invalid(f"{key}[{i + 1}]: expected text, got {got}", value.at(i))
        out.append(entry.strip())
    if len(out) < minimum:
        raise _Invalid(f"{key}: expected at least {minimum}, got {len(out)}", m.value_at(key))
    seen: dict[str, int] = {}
    for i, entry in enumerate(out):
        if entry in seen:
            raise _Invalid(f"{key}: '{entry}' appears twice", value.at(i))
        seen[entry] = i
    return tuple(out)


def _number(m: Map, key: str) -> Decimal:
    value = m[key]
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _Invalid(f"{key}: expected a number, got {_type_name(value)}", m.value_at(key))
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        got = _shown(value)
        raise _Invalid(f"{key}: expected a number, got '{got}'", m.value_at(key)) from None
    if not number.is_finite():
        raise _Invalid(f"{key}: expected a finite number, got '{_shown(value)}'", m.value_at(key))
    # From the digits themselves: normalize() would apply the context's exponent limits.
    _, digits, exponent = number.as_tuple()
    significant = "".join(map(str, digits)).lstrip("0")
    trailing = len(significant) - len(significant.rstrip("0"))
    if significant and (
        number.adjusted() >= MAX_NUMBER_DIGITS or exponent + trailing < -MAX_NUMBER_DIGITS
    ):
        raise _Invalid(
            f"{key}: '{_shown(value)}' is out of range (numbers must be less than "
            f"10^{MAX_NUMBER_DIGITS} in size, with at most {MAX_NUMBER_DIGITS} decimal places)",
            m.value_at(key),
        )
    if len(significant) - trailing > MAX_NUMBER_DIGITS:
        raise _Invalid(
            f"{key}: '{_shown(value)}' has more than {MAX_NUMBER_DIGITS} significant digits",
            m.value_at(key),
        )
    return number


def _shown(value) -> str:
    """A value for a message, cut short when it is long."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} characters)"


def _date(m: Map, key: str) -> str | None:
    if key not in m:
        return None
    value = m[key]
    if not isinstance(value, str) or not DATE_RE.match(value):
        raise _Invalid(f"{key}: expected a date YYYY-MM-DD, got '{value}'", m.value_at(key))
    return value


def _check_keys(m: Map, allowed: set[str], what: str) -> list[_Invalid]:
    problems = []
    for key in m:
        if key in allowed:
            continue
        close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.75)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(sorted(allowed))}"
        problems.append(_Invalid(f"unknown field '{key}' in {what} ({hint})", m.key_at(key)))
    return problems


# Per-type bodies ----------------------------------------------------------------------------


def _multiple_choice(q: Map) -> MultipleChoice:
    answer = _text(q, "answer")
    distractors = _text_list(q, "distractors", minimum=2, required=True)
    if answer in distractors:
        where = q["distractors"].at(distractors.index(answer))
        raise _Invalid(f"distractors: '{answer}' is also the answer", where)
    _at_most(MAX_CHOICES - 1, "distractors", len(distractors), q)
    return MultipleChoice(answer, distractors)


def _at_most(limit: int, key: str, count: int, q: Map) -> None:
    if count > limit:
        raise _Invalid(f"{key}: at most {limit}, got {count}", q.value_at(key))


def _true_false(q: Map) -> TrueFalse:
    if not isinstance(q["answer"], bool):
        raise _Invalid(
            f"answer: expected true or false, got {_type_name(q['answer'])}", q.value_at("answer")
        )
    return TrueFalse(q["answer"])


def _short_answer(q: Map) -> ShortAnswer:
    answer = _text(q, "answer")
    accept = _text_list(q, "accept")
    if answer in accept:
        raise _Invalid(f"accept: '{answer}' repeats the answer", q.value_at("accept"))
    _gradable("answer", (answer,), q.value_at("answer"))
    _gradable("accept", accept, q.value_at("accept"))
    return ShortAnswer(answer, accept)


def _gradable(field: str, answers: tuple[str, ...], where: Location) -> None:
    # Typed answers are compared by their letters and digits alone; an answer with none
    # would match an empty response.
    for answer in answers:
        if not answer_forms(answer):
            raise _Invalid(f"{field}: '{answer}' has no letter or digit to compare", where)


def _numeric(q: Map) -> Numeric:
    answer = _number(q, "answer")
    tolerance = _number(q, "tolerance") if "tolerance" in q else Decimal(0)
    if tolerance < 0:
        raise _Invalid(f"tolerance: must be 0 or more, got {tolerance}", q.value_at("tolerance"))
    unit = _text(q, "unit", required=False)
    return Numeric(answer, tolerance, unit, _text_list(q, "accept"))


def _cloze(q: Map) -> Cloze:
    text = _text(q, "text")
    where = q.value_at("text")
    segments: list = []
    pos = 0
    for match in BLANK_RE.finditer(text):
        segments.append(text[pos : match.start()])
        options = [o.strip() for o in match.group(1).split("|")]
        if not all(options):
            raise _Invalid(f"text: empty blank '{match.group(0)}'", where)
        if len(set(options)) != len(options):
            raise _Invalid(f"text: blank '{match.group(0)}' repeats an answer", where)
        _gradable("text", tuple(options), where)
        segments.append(Blank(options[0], tuple(options[1:])))
        pos = match.end()
    segments.append(text[pos:])
    if not any(isinstance(s, Blank) for s in segments):
        raise _Invalid("text: no blank; mark each blank as {{answer}}", where)
    for s in segments:
        if isinstance(s, str) and ("{{" in s or "}}" in s):
            raise _Invalid("text: unbalanced '{{' or '}}'", where)
    return Cloze(tuple(s for s in segments if s != ""))


def _matching(q: Map) -> Matching:
    value = q["pairs"]
    if not isinstance(value, Seq):
        raise _Invalid(f"pairs: expected a list, got {_type_name(value)}", q.value_at("pairs"))
    pairs = []
    for i, entry in enumerate(value):
        if not isinstance(entry, Map):
            got = _type_name(entry)
            raise _Invalid(
                f"pairs[{i + 1}]: expected a mapping with left and right, got {got}", value.at(i)
            )
        bad = _check_keys(entry, {"left", "right"}, f"pairs[{i + 1}]")
        if bad:
            raise bad[0]
        left = _text(entry, "left", label=f"pairs[{i + 1}].left")
        right = _text(entry, "right", label=f"pairs[{i + 1}].right")
        pairs.append(Pair(left, right))
    if len(pairs) < 3:
        raise _Invalid(f"pairs: expected at least 3, got {len(pairs)}", q.value_at("pairs"))
    for side in ("left", "right"):
        seen = set()
        for i, pair in enumerate(pairs):
            text = getattr(pair, side)
            if text in seen:
                raise _Invalid(f"pairs[{i + 1}].{side}: '{text}' appears twice", value.at(i))
            seen.add(text)
    distractors = _text_list(q, "distractors")
    rights = {p.right for p in pairs}
    for i, d in enumerate(distractors):
        if d in rights:
            raise _Invalid(f"distractors: '{d}' is also a right-hand match", q["distractors"].at(i))
    _at_most(MAX_CHOICES - len(pairs), "distractors", len(distractors), q)
    _at_most(MAX_CHOICES, "pairs", len(pairs), q)
    return Matching(tuple(pairs), distractors)


def _ordering(q: Map) -> Ordering:
    items = _text_list(q, "items", minimum=3, required=True)
    _at_most(MAX_ORDERING_ITEMS, "items", len(items), q)
    return Ordering(items)


_BODIES = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "numeric": _numeric,
    "cloze": _cloze,
    "matching": _matching,
    "ordering": _ordering,
}


# Questions and the bank ----------------------------------------------------------------------


def _question(q: Map, article_text: str | None) -> tuple[Question | None, list[_Invalid]]:
    """Validate one question; return it (None when invalid) and every problem found."""
    problems: list[_Invalid] = []

    def attempt(check):
        try:
            return check()
        except _Invalid as exc:
            problems.append(exc)
            return None

    qid = attempt(lambda: _text(q, "id"))
    if qid is not None and not ID_RE.match(qid):
        problems.append(
            _Invalid(f"id: '{qid}' must be lowercase letters, digits, '-' or '_'", q.value_at("id"))
        )
    qtype = attempt(lambda: _text(q, "type"))
    if qtype is not None and qtype not in QUESTION_TYPES:
        problems.append(
            _Invalid(
                f"type: unknown type '{qtype}' (valid: {', '.join(QUESTION_TYPES)})",
                q.value_at("type"),
            )
        )
        qtype = None
    allowed = COMMON_KEYS | (TYPE_KEYS[qtype] if qtype else set().union(*TYPE_KEYS.values()))
    problems.extend(_check_keys(q, allowed, f"a {qtype or 'question'} question"))
    prompt = attempt(lambda: _text(q, "prompt"))
    explanation = attempt(lambda: _text(q, "explanation"))
    source = attempt(lambda: _text(q, "source"))
    if source is not None and article_text is not None:
        if normalize_space(source) not in article_text:
            problems.append(_Invalid(_not_found(source, article_text), q.value_at("source")))
    tags = attempt(lambda: _text_list(q, "tags")) or ()
    for i, tag in enumerate(tags):
        if not TAG_RE.match(tag):
            problems.append(
                _Invalid(
                    f"tags[{i + 1}]: '{tag}' must be lowercase letters, digits, '-', '_' or '::'",
                    q["tags"].at(i),
                )
            )
    difficulty = q.get("difficulty", 2)
    if isinstance(difficulty, bool) or difficulty not in (1, 2, 3):
        problems.append(
            _Invalid(
                f"difficulty: expected 1, 2 or 3, got '{difficulty}'", q.value_at("difficulty")
            )
        )
    attempt(lambda: _text(q, "review", required=False))
    revised = attempt(lambda: _date(q, "revised"))
    points = attempt(lambda: _points(q)) if "points" in q else Decimal(1)
    excludes = attempt(lambda: _text_list(q, "excludes")) or ()
    body = None
    if qtype:
        missing = [k for k in REQUIRED_TYPE_KEYS[qtype] if k not in q]
        for key in missing:
            problems.append(_Invalid(f"missing required field '{key}' for type {qtype}", q.where))
        if not missing:
            body = attempt(lambda: _BODIES[qtype](q))
    if problems:
        return None, problems
    return typeset(
        Question(
            qid,
            qtype,
            prompt,
            body,
            explanation,
            source,
            tags,
            difficulty,
            revised,
            points,
            excludes,
            q.where,
        )
    ), []


def _points(q: Map) -> Decimal:
    points = _number(q, "points")
    if points <= 0:
        raise _Invalid(f"points: must be more than 0, got {q['points']}", q.value_at("points"))
    return points


def _excludes_problems(raw: Seq, top: Map) -> tuple[tuple[tuple[str, ...], ...], list[Problem]]:
    """Check every ``excludes:`` id (the questions' and the bank's); return the bank's groups."""
    problems: list[Problem] = []
    known = {q.get("id") for q in raw if isinstance(q, Map)}
    for q in raw:
        entries = q.get("excludes") if isinstance(q, Map) else None
        if not isinstance(entries, Seq) or not isinstance(q.get("id"), str):
            continue  # the question's own check reports a bad list
        for i, other in enumerate(entries):
            if other == q["id"]:
                message = "excludes: a question cannot exclude itself"
            elif other not in known:
                message = f"excludes: no question has the id '{other}'"
            else:
                continue
            problems.append(Problem(message, entries.at(i), q["id"]))
    groups: list[tuple[str, ...]] = []
    value = top.get("excludes")
    if value is None:
        return (), problems
    if not isinstance(value, Seq):
        where = top.value_at("excludes")
        problems.append(Problem(f"excludes: expected a list, got {_type_name(value)}", where))
        return (), problems
    for i, group in enumerate(value):
        label = f"excludes[{i + 1}]"
        if not isinstance(group, Seq) or len(group) < 2:
            got = str(len(group)) if isinstance(group, Seq) else _type_name(group)
            problems.append(
                Problem(
                    f"{label}: expected a list of at least 2 question ids, got {got}", value.at(i)
                )
            )
            continue
        ids = []
        for j, entry in enumerate(group):
            if not isinstance(entry, str) or entry not in known:
                shown = entry if isinstance(entry, str) else _type_name(entry)
                problems.append(
                    Problem(f"{label}[{j + 1}]: no question has the id '{shown}'", group.at(j))
                )
            else:
                ids.append(entry)
        if len(set(ids)) == len(group):
            groups.append(tuple(ids))
        elif len(ids) == len(group):
            problems.append(Problem(f"{label}: an id appears twice", value.at(i)))
    return tuple(groups), problems


_QUOTE_MARKS = str.maketrans("“”„‟″«»‘’‚‛′", '"""""""\'\'\'\'\'')


@functools.lru_cache(maxsize=2)
def _spaced(article_text: str) -> str:
    """``normalize_space`` of an article, made once for banks that share their article (a
    draft is checked several times over)."""
    return normalize_space(article_text)


@functools.lru_cache(maxsize=2)
def _plain_marks(article_text: str) -> str:
    """The article with straight quotation marks, made once for all its questions."""
    return article_text.translate(_QUOTE_MARKS)


def _not_found(source: str, article_text: str) -> str:
    message = "source: quote not found in the article text"
    if normalize_space(source).translate(_QUOTE_MARKS) in _plain_marks(article_text):
        return (
            message + " (it differs only in quotation marks or apostrophes: "
            "copy them as the article has them)"
        )
    return message


def _article(top: Map, base: Path, *, allow_outside: bool) -> Article:
    a = top["article"]
    if not isinstance(a, Map):
        raise _Invalid(f"article: expected a mapping, got {_type_name(a)}", top.value_at("article"))
    bad = _check_keys(a, ARTICLE_KEYS, "article")
    if bad:
        raise bad[0]
    rel = _text(a, "path", label="article.path")
    path = (base / rel).resolve()
    if not allow_outside and not path.is_relative_to(base.resolve()):
        raise _Invalid(
            f"article.path: '{rel}' is outside the bank's folder; articles are read only from "
            "the bank's folder and its subfolders (--allow-outside-paths lifts this)",
            a.value_at("path"),
        )
    try:
        text = read_text(path, limit=MAX_ARTICLE_BYTES, what="an article file")
    except Unreadable as exc:
        message, where = str(exc), f" (line {exc.line})" if exc.line else ""
        if message.startswith("cannot read: "):
            message = f"cannot read '{rel}': {message.removeprefix('cannot read: ')}"
        else:
            message = f"'{rel}'{where}: {message}"
        raise _Invalid(f"article.path: {message}", a.value_at("path")) from None
    if not text.strip():
        raise _Invalid(f"article.path: '{rel}' is empty", a.value_at("path"))
    meta = {k: _text(a, k, required=False) for k in ("title", "publisher", "url")}
    date = a.get("date")
    if date is not None and not isinstance(date, str):
        raise _Invalid(f"article.date: expected a date, got {_type_name(date)}", a.value_at("date"))
    return Article(text=text, path=path, date=date, **meta)


def load_bank(path: str | Path, *, allow_outside_paths: bool = False) -> Bank:
    """Read, parse and validate the bank at ``path``.

    The article is read only from the bank's folder or below it, unless
    ``allow_outside_paths`` (a bank received from someone else cannot make quizgen read, and
    tell whether a sentence is in, any file of the machine).

    Raises ``BankError`` carrying every problem found, each as
    ``FILE:LINE:COL: question 'ID': message``.
    """
    path = Path(path)
    file = str(path)
    try:
        data = read_bytes(path, limit=MAX_BYTES, what="a bank file")
    except Unreadable as exc:
        raise BankError(problems=(Problem(str(exc), Location(file)),)) from None
    try:
        top = read_yaml(data, file)
    except RecursionError:
        raise BankError(problems=(Problem("YAML nested too deeply", Location(file)),)) from None
    if not isinstance(top, Map):
        where = getattr(top, "where", Location(file, 1, 1))
        raise BankError(
            problems=(
                Problem(
                    "expected a mapping with id, title, article and questions, "
                    f"got {_type_name(top)}",
                    where,
                ),
            )
        )
    return _validate(top, path, file, allow_outside=allow_outside_paths)


def _validate(top: Map, path: Path, file: str, *, allow_outside: bool) -> Bank:
    problems: list[Problem] = []

    def attempt(check, qid=None):
        try:
            return check()
        except _Invalid as exc:
            problems.append(Problem(str(exc), exc.where, qid))
            return None

    for exc in _check_keys(top, BANK_KEYS, "the bank"):
        problems.append(Problem(str(exc), exc.where))
    bank_id = attempt(lambda: _text(top, "id"))
    if bank_id is not None and not ID_RE.match(bank_id):
        problems.append(
            Problem(
                f"id: '{bank_id}' must be lowercase letters, digits, '-' or '_'", top.value_at("id")
            )
        )
    title = attempt(lambda: _text(top, "title"))
    title = curly(title) if title else title
    description = attempt(lambda: _text(top, "description", required=False))
    language = attempt(lambda: _text(top, "language", required=False)) or "en"
    revised = attempt(lambda: _date(top, "revised"))
    article = None
    if "article" not in top:
        problems.append(Problem("missing required field 'article'", top.where))
    else:
        article = attempt(lambda: _article(top, path.parent, allow_outside=allow_outside))
    article_text = _spaced(article.text) if article else None

    questions: list[Question] = []
    raw = top.get("questions")
    if raw is None:
        problems.append(Problem("missing required field 'questions'", top.where))
        raw = Seq()
    elif not isinstance(raw, Seq):
        problems.append(
            Problem(f"questions: expected a list, got {_type_name(raw)}", top.value_at("questions"))
        )
        raw = Seq()
    elif not raw:
        problems.append(Problem("questions: the list is empty", top.value_at("questions")))
    seen: dict[str, Location] = {}
    for i, q in enumerate(raw):
        if not isinstance(q, Map):
            problems.append(
                Problem(f"questions[{i + 1}]: expected a mapping, got {_type_name(q)}", raw.at(i))
            )
            continue
        qid = q.get("id") if isinstance(q.get("id"), str) else None
        label = qid if qid is not None else f"#{i + 1}"
        question, errors = _question(q, article_text)
        problems.extend(Problem(str(e), e.where, label) for e in errors)
        if qid is not None:
            if qid in seen:
                problems.append(
                    Problem(
                        f"id: duplicate id, first used at line {seen[qid].line}",
                        q.value_at("id"),
                        qid,
                    )
                )
            else:
                seen[qid] = q.value_at("id")
        if question is not None:
            questions.append(question)
    excludes, exclude_problems = _excludes_problems(raw, top)
    problems.extend(exclude_problems)
    if problems:
        problems.sort(key=lambda p: (p.location.line or 0) if p.location else 0)
        raise BankError(problems=tuple(problems))
    return Bank(
        bank_id,
        title,
        article,
        tuple(questions),
        description,
        language,
        revised,
        path.resolve(),
        excludes,
    )
