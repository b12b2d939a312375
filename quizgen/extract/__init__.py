"""``quizgen extract``: a plain-text news article -> a draft question bank to review.

The pipeline reads one way: clean (paragraphs and sentences, captions, credits, bylines and
datelines left out) -> times of day (set aside) -> dates -> figures -> people, places and
organisations -> quotations and speakers -> draft questions -> YAML, checked by the bank
loader and the lint checks, written atomically. Plain rules, standard
library only; the same input always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..bank import ID_RE
from ..errors import InputError, UsageError
from ..files import Unreadable, read_text
from ..gctools import gc_paused
from .clean import html_evidence, segment
from .dates import find_dates
from .facts import Facts, Person
from .figures import find_figures
from .names import find_names
from .questions import MAX_QUESTIONS, draft_questions, slugify
from .quotes import claim_attributions, find_quotes
from .scope import Scope
from .times import find_times
from .writer import dump, validated, write

__all__ = ["DraftBank", "extract", "extract_command", "extract_facts", "read_article"]

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class DraftBank:
    """A draft bank: the facts found and the questions written from them."""

    id: str
    title: str
    facts: Facts
    questions: tuple[dict, ...]
    date: str | None = None
    """The article's date (``--date``), ISO."""
    alternatives: dict = field(default_factory=dict, compare=False, repr=False)
    """Question id -> another form of the same question, used by ``writer.validated`` when
    the first form draws a lint warning."""

    @property
    def description(self) -> str:
        return (
            "DRAFT to review: questions written by quizgen extract "
            "from the article's dates, figures, quotations, people and places. Check every "
            "question against its source sentence, then edit or delete it before use."
        )

    def to_data(self, article_path: str) -> dict:
        """The bank as plain data, ready for YAML; ``article_path`` is relative to the bank."""
        article: dict = {"path": article_path}
        if self.facts.headline:
            article["title"] = self.facts.headline
        if self.date:
            article["date"] = self.date
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "language": "en",
            "article": article,
            "questions": list(self.questions),
        }

    def to_yaml(self, article_path: str, article_name: str | None = None) -> str:
        return dump(self.to_data(article_path), article_name or Path(article_path).name)


def _parse_date(date: str | dt.date | None) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError
        return dt.date.fromisoformat(date)
    except ValueError:
        raise UsageError(f"--date: expected a date YYYY-MM-DD, got '{date}'") from None


def extract_facts(text: str, date: str | dt.date | None = None) -> Facts:
    """Every date, figure, quotation, person and place of ``text``."""
    today = _parse_date(date)
    doc = segment(text)
    scope = Scope(text, doc.sentences)
    spans = [s for index in sorted(doc.quotes) for s in doc.quotes[index]]
    times = find_times(scope)
    dates = find_dates(scope, spans, today=today, times=times)
    taken = [(d.start, d.end) for d in dates] + times
    figures = find_figures(scope, taken)
    names = find_names(scope)
    quotes = find_quotes(doc, names)
    people = list(names.people)
    known = {p.name for p in people}
    for q in quotes:
        if q.speaker and q.speaker.kind == "person" and q.speaker.label not in known:
            known.add(q.speaker.label)
            start = text.find(q.speaker.label, q.sentence.start, q.sentence.end)
            people.append(
                Person(
                    q.speaker.label,
                    None,
                    q.sentence,
                    max(start, 0),
                    max(start, 0) + len(q.speaker.label),
                )
            )
    people.sort(key=lambda p: p.start)
    return Facts(
        sentences=doc.sentences,
        dates=tuple(dates),
        figures=tuple(figures),
        quotes=tuple(quotes),
        people=tuple(people),
        places=tuple(names.places),
        skipped=doc.skipped,
        headline=doc.headline,
        attributions=claim_attributions(doc, quotes),
    )


def extract(
    text: str,
    date: str | dt.date | None = None,
    *,
    bank_id: str = "draft",
    title: str | None = None,
) -> DraftBank:
    """Read ``text`` (a plain-text article) and write draft questions from its facts.

    ``date`` (``YYYY-MM-DD``) is the article's date, used to resolve relative dates.
    """
    today = _parse_date(date)
    with gc_paused():  # a long article makes many objects and no garbage
        facts = extract_facts(text, today)
        questions, alternatives = draft_questions(facts)
    title = title or facts.headline or "Draft question bank"
    return DraftBank(
        bank_id,
        title,
        facts,
        tuple(questions),
        today.isoformat() if today else None,
        alternatives,
    )


def read_article(path: Path) -> str:
    """The article's text; ``InputError`` naming the file when it is not plain UTF-8 text
    (a folder, a FIFO or a device is refused before it is opened)."""
    if not os.path.lexists(path):
        raise InputError(f"{path}: no such file")
    try:
        text = read_text(path, limit=MAX_ARTICLE_BYTES, what="an article file")
    except Unreadable as exc:
        if exc.line is None:
            raise InputError(f"{path}: {exc}") from None
        where = f"{exc.line}:{exc.column}" if exc.column else f"{exc.line}"
        raise InputError(f"{path}:{where}: {exc}; save the article as plain UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{path}: the article is empty")
    evidence = html_evidence(text)
    if evidence:
        raise InputError(
            f"{path}: this is an HTML page ({evidence}), not an article's text; open it in a "
            "browser, copy the article's text into a .txt file and extract that"
        )
    return text


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n} {'people' if word == 'person' else word + 's'}"


def _title_from_name(stem: str) -> str:
    words = [w for w in re.split(r"[\s_\-]+", stem) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words) or "Draft question bank"


def _relative(article: Path, bank_folder: Path) -> str:
    try:
        rel = os.path.relpath(article.resolve(), bank_folder.resolve())
    except ValueError:  # another drive (Windows): only an absolute path works
        return article.resolve().as_posix()
    return Path(rel).as_posix()


def extract_command(args: argparse.Namespace) -> int:
    """``quizgen extract ARTICLE [-o BANK.yaml] [--date D] [--id ID] [--title T]``."""
    article = Path(args.article)
    text = read_article(article)
    bank_id = getattr(args, "id", None) or slugify(article.stem, limit=60) or "draft"
    if not ID_RE.match(bank_id):
        raise UsageError(f"--id: '{bank_id}' must be lowercase letters, digits, '-' or '_'")
    output = Path(args.output) if getattr(args, "output", None) else None
    if output is not None and output.exists() and output.resolve() == article.resolve():
        raise InputError(f"-o {output}: is the article itself; choose another file name")
    title = (getattr(args, "title", None) or "").strip() or None
    draft = extract(text, getattr(args, "date", None), bank_id=bank_id, title=title)
    if not draft.questions:
        raise InputError(
            f"{article}: found no dates, figures, quotations, people or places to "
            "write questions from"
        )
    if not title and not draft.facts.headline:
        draft = replace(draft, title=_title_from_name(article.stem))
    folder = output.parent if output is not None else Path.cwd()
    try:
        checked = validated(draft.to_data(_relative(article, folder)), article, draft.alternatives)
    except InputError as exc:
        raise InputError(f"{article}: {exc}") from None
    data = checked.data
    write(dump(data, article.name), output)
    f = draft.facts
    where = str(output) if output is not None else "standard output"
    found = ", ".join(
        _plural(n, word)
        for n, word in (
            (len(f.dates), "date"),
            (len(f.figures), "figure"),
            (len(f.quotes), "quotation"),
            (len(f.people), "person"),
            (len(f.places), "place"),
        )
    )
    unattributed = sum(q.speaker is None for q in f.quotes)
    if unattributed:
        found += f" ({unattributed} of the quotations without a speaker, so not asked about)"
    print(
        f"quizgen: wrote a draft of {_plural(len(data['questions']), 'question')} to {where} "
        f"from {found}; review it before use",
        file=sys.stderr,
    )
    if not article.resolve().is_relative_to(folder.resolve()):
        print(
            "quizgen: the article is outside the bank's folder: validate and build read it only "
            "with --allow-outside-paths (or move both files into one folder)",
            file=sys.stderr,
        )
    if len(draft.questions) >= MAX_QUESTIONS:
        print(
            f"quizgen: the draft stops at {MAX_QUESTIONS} questions; the rest of the article "
            "was not asked about (split it to draft more)",
            file=sys.stderr,
        )
    for ids, what in (
        (checked.invalid, "left out {} question(s) that did not validate"),
        (checked.warned, "left out {} question(s) that drew lint warnings"),
        (checked.rewritten, "gave {} question(s) another form to avoid lint warnings"),
    ):
        if ids:
            print(f"quizgen: {what.format(len(ids))}: {', '.join(ids)}", file=sys.stderr)
    return 0
