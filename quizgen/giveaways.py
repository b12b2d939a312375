"""Giveaways: questions that show another question's answer, and header text that shows one.

A question *gives away* another when the other's answer (a multiple-choice or short answer,
a numeric value, a cloze blank, or a matching pair) can be read in its prompt, choices,
items or cloze text. Text is compared as words after normalisation: case, punctuation and
articles vanish, and numbers are read in every written form ("520,000", "520k", "520
thousand"; "three", "3"; "25th June", "June 25"; "1950-53", "1950 to 1953"). A matching pair
is given away when a text names its item and a word of its match that no other option has.

The search is an inverted index from words to the questions that show them: each answer is
looked up by its rarest word, then confirmed, so a bank of 20,000 questions takes seconds,
not the hours of comparing every pair.

``giveaways(bank)`` finds every pair; ``conflicts(bank)`` adds the bank's ``excludes`` and
gives, for each question, the ids it must never share a copy with; ``header_reveals`` says
which questions a title or header text answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .answer_forms import read_numbers
from .model import (
    Article,
    Bank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
)
from .text import format_number

IGNORED = frozenset(("a", "an", "the", "s"))
"""Words left out on both sides (articles, the possessive 's)."""
COMMON = frozenset(
    "of in on at to for and or by with from as is was be it its this that who what which "
    "their his her they he she we our".split()
)
"""Words too common to tell a matching option from the others."""

_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[, ]\d{3})+)(?![\d,])", re.ASCII)
_SUFFIX = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.ASCII)
_K = re.compile(r"(\d)k\b", re.ASCII)
_RANGE = re.compile(r"(\d) *- *(?=\d)", re.ASCII)
_GLUED = re.compile(r"(\d)(?=[^\W\d_])")
# A minus sign before a number (not a hyphen after a word) stays with it: "-2" is not "2".
_MARKS = re.compile(r"(?<!\d)[./]|[./](?!\d)|(?!(?<!\w)-(?=\d))[^\w./]|_")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as giveaways compare them (numbers in one written form)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DASHES.sub("-", text)
    text = _THOUSANDS.sub(lambda m: m.group(1) + re.sub("[, ]", "", m.group(2)), text)
    text = _SUFFIX.sub(r"\1", text)
    text = _K.sub(r"\1 thousand", text)
    text = _RANGE.sub(r"\1 to ", text)
    text = _GLUED.sub(r"\1 ", text)
    tokens = _MARKS.sub(" ", text).split()
    tokens = read_numbers(tokens)
    out: list[str] = []
    for token in tokens:
        if token in IGNORED:
            continue
        out.append(token)
        if "-" in token[1:] and token[0] != "-":
            out.extend(token.split("-"))  # a range shows both its ends
    return tuple(out)


@dataclass(frozen=True)
class Giveaway:
    """Question ``answered`` has ``what`` (its answer, a blank or a pair) shown in ``where``
    of question ``shown_by``."""

    answered: str
    what: str
    shown_by: str
    where: str

    def message(self) -> str:
        return f"{self.what} appears in the {self.where} of question '{self.shown_by}'"


def shown_texts(question: Question) -> list[tuple[str, str]]:
    """(label, text) of everything a copy prints of ``question`` before it is answered."""
    body = question.body
    texts = [("prompt", question.prompt)]
    if isinstance(body, MultipleChoice):
        texts += [("choices", c) for c in (body.answer, *body.distractors)]
    elif isinstance(body, Matching):
        texts += [("items", p.left) for p in body.pairs]
        texts += [("choices", c) for c in (*(p.right for p in body.pairs), *body.distractors)]
    elif isinstance(body, Ordering):
        texts += [("items", t) for t in body.items]
    elif isinstance(body, Cloze):
        texts += [("text", s) for s in body.segments if isinstance(s, str)]
    return texts


def answers(question: Question) -> list[tuple[str, str]]:
    """(description, text) of each answer a copy must not show elsewhere."""
    body = question.body
    if isinstance(body, (MultipleChoice, ShortAnswer)):
        return [(f"its answer '{body.answer}'", body.answer)]
    if isinstance(body, Numeric):
        return [(f"its answer '{format_number(body.answer)}'", format(body.answer, "f"))]
    if isinstance(body, Cloze):
        blanks = body.blanks
        return [
            (
                f"the answer '{b.answer}' of blank {n}"
                if len(blanks) > 1
                else f"its answer '{b.answer}'",
                b.answer,
            )
            for n, b in enumerate(blanks, start=1)
        ]
    return []


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    first = needle[0]
    return any(
        haystack[i] == first and haystack[i : i + n] == needle for i in range(len(haystack) - n + 1)
    )


def _distinctive(texts: list[str]) -> list[set[str]]:
    """For each text, its words that no other text of the list has (common words left out)."""
    sets = [set(words(t)) - COMMON for t in texts]
    counts: dict[str, int] = defaultdict(int)
    for s in sets:
        for w in s:
            counts[w] += 1
    return [{w for w in s if counts[w] == 1} for s in sets]


class _Index:
    """Words -> the questions (by position) whose shown texts hold them."""

    def __init__(self, questions: tuple[Question, ...]) -> None:
        self.texts: list[list[tuple[str, tuple[str, ...]]]] = []
        self.postings: dict[str, set[int]] = defaultdict(set)
        # The same without the choices: a multiple-choice answer is looked up only there, so
        # a bank whose questions share their choices costs no more than one that does not.
        self.outside_choices: dict[str, set[int]] = defaultdict(set)
        for index, question in enumerate(questions):
            texts = [(label, words(text)) for label, text in shown_texts(question)]
            self.texts.append(texts)
            for label, tokens in texts:
                for token in tokens:
                    self.postings[token].add(index)
                    if label != "choices":
                        self.outside_choices[token].add(index)

    def showing(
        self, needle: tuple[str, ...], *, choices: bool = True
    ) -> Iterable[tuple[int, str]]:
        """(question, label) of each shown text that holds the words ``needle`` in order;
        without ``choices``, only texts that are not choices."""
        postings = self.postings if choices else self.outside_choices
        rarest = min(needle, key=lambda w: len(postings.get(w, ())))
        for index in sorted(postings.get(rarest, ())):
            for label, tokens in self.texts[index]:
                if (choices or label != "choices") and _contains(tokens, needle):
                    yield index, label

    def naming(self, left: set[str], right: set[str]) -> Iterable[int]:
        """Questions whose shown texts hold a word of ``left`` and enough words of ``right``:
        one of up to three, else two (so one shared word such as "Korean" is not enough)."""
        need = 1 if len(right) <= 3 else 2
        ones = set().union(*(self.postings.get(w, set()) for w in left))
        counts: dict[int, int] = defaultdict(int)
        for w in right:
            for index in self.postings.get(w, ()):
                if index in ones:
                    counts[index] += 1
        return sorted(i for i, n in counts.items() if n >= need)


def giveaways(bank: Bank) -> list[Giveaway]:
    """Every (answered, shown by) pair of questions of ``bank``, in bank order."""
    questions = bank.questions
    index = _Index(questions)
    found: dict[tuple[str, str], Giveaway] = {}
    for position, question in enumerate(questions):
        mc = isinstance(question.body, MultipleChoice)
        for what, text in answers(question):
            needle = words(text)
            if not needle:
                continue
            # A choice shows a multiple-choice answer as its own choices do: no giveaway.
            for other, label in index.showing(needle, choices=not mc):
                if other == position:
                    continue
                key = (question.id, questions[other].id)
                found.setdefault(key, Giveaway(question.id, what, key[1], label))
        body = question.body
        if isinstance(body, Matching):
            lefts = _distinctive([p.left for p in body.pairs])
            options = [p.right for p in body.pairs] + list(body.distractors)
            rights = _distinctive(options)
            for pair, left, right in zip(body.pairs, lefts, rights, strict=False):
                if not left or not right:
                    continue
                for other in index.naming(left, right):
                    if other != position:
                        key = (question.id, questions[other].id)
                        what = f"its pair '{pair.left}' – '{pair.right}'"
                        found.setdefault(key, Giveaway(question.id, what, key[1], "text"))
    return list(found.values())


def conflicts(bank: Bank, found: list[Giveaway] | None = None) -> dict[str, frozenset[str]]:
    """For each question id, the ids it must never share a copy with: giveaway pairs (both
    ways) and the bank's ``excludes`` (of questions and of the bank)."""
    pairs: dict[str, set[str]] = defaultdict(set)

    def link(a: str, b: str) -> None:
        pairs[a].add(b)
        pairs[b].add(a)

    for g in giveaways(bank) if found is None else found:
        link(g.answered, g.shown_by)
    for question in bank.questions:
        for other in question.excludes:
            link(question.id, other)
    for group in bank.excludes:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                link(a, b)
    return {qid: frozenset(others) for qid, others in pairs.items()}


_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


def header_texts(title: str, article: Article) -> list[str]:
    """What a copy's header prints: the title and the article's title, publisher and date
    (an ISO date also as "25 June 2020", the way it may be printed)."""
    texts = [title, article.title or "", article.publisher or ""]
    date = article.date or ""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if match and 1 <= int(match.group(2)) <= 12:
        year, month, day = match.groups()
        date = f"{int(day)} {_MONTH_NAMES[int(month) - 1]} {year}"
    return [t for t in (*texts, date) if t]


def header_reveals(texts: Iterable[str], questions: Iterable[Question]) -> dict[str, str]:
    """For each question that one of the header ``texts`` answers, what it shows."""
    shown = [words(t) for t in texts if t]
    out: dict[str, str] = {}
    for question in questions:
        for what, text in answers(question):
            needle = words(text)
            if needle and any(_contains(tokens, needle) for tokens in shown):
                out.setdefault(question.id, what)
    return out


def without(text: str, hidden: Iterable[str]) -> str:
    """``text`` with every word that reads as one of the ``hidden`` answers taken out, and
    a dangling word at its end ("at", "of") dropped: "The Korean War at 70" -> "The Korean
    War"."""
    needles = [set(words(h)) for h in hidden]
    kept = [
        w for w in text.split() if not any(set(words(w)) and set(words(w)) <= n for n in needles)
    ]
    while kept and words(kept[-1]) and set(words(kept[-1])) <= COMMON | {"-", "–", "—"}:
        kept.pop()
    while kept and kept[-1] in {"-", "–", "—", ":", ","}:
        kept.pop()
    return " ".join(kept).rstrip(",:;–—- ")
