"""Bank lint: warnings about question quality that do not make a bank invalid.

``quizgen validate`` prints them and fails on them only with ``--strict``. Checks:

- the correct answer is the longest choice in more than 40% of multiple-choice questions
  (students learn to pick the longest option);
- two questions with the same or nearly the same prompt (near repeats found through an index
  of word pairs, so the work grows with the number of questions, not its square);
- a distractor equal to the answer (or to another option) once case, spacing and punctuation
  are normalised, as graders compare;
- a question whose answer appears, as whole words, in its own prompt;
- a prompt that says roughly, about, approximately or around with a tolerance under 3%
  (``lint_text``);
- a question whose answer another question shows (its prompt, choices, items or text), unless
  the bank's ``excludes`` declares the pair (``giveaways``, through
  ``lint_text.bank_giveaways``; answers the header shows are taken out of each copy's header
  by the assembler instead).

Pure: takes a loaded ``Bank``, returns warnings, does no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from .errors import Location
from .lint_text import bank_giveaways, cloze_sentence, estimate_tolerance, quote_marks
from .model import (
    Bank,
    Blank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
)
from .text import format_number, normalize_answer

LONGEST_ANSWER_LIMIT = (2, 5)
"""The share of multiple-choice questions (as a fraction, 2/5 = 40%) whose correct answer
may be the longest choice before the bank is warned about it."""

NEAR_DUPLICATE_RATIO = 0.9
"""Prompts at least this similar (``difflib.SequenceMatcher`` ratio) are near-duplicates."""

_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class LintWarning:
    """One lint finding: where it is, which question (None for the whole bank) and what."""

    location: Location | None
    question_id: str | None
    message: str

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        if self.question_id is not None:
            prefix += f"question '{self.question_id}': "
        return f"{prefix}warning: {self.message}"


def lint(bank: Bank) -> list[LintWarning]:
    """Every lint warning for ``bank``: the bank-wide one first, then question by question."""
    warnings: list[LintWarning] = []
    longest = _longest_answer_share(bank.questions)
    if longest is not None:
        warnings.append(LintWarning(None, None, longest))
    duplicates = _duplicate_prompts(bank.questions)
    # Header words that answer a question are taken out of each copy's header when it is
    # assembled, so only question-to-question giveaways are warnings here.
    given_away = bank_giveaways(bank, header=False)
    for index, question in enumerate(bank.questions):
        messages = _option_clashes(question) + _answer_in_prompt(question)
        messages += duplicates.get(index, [])
        messages += estimate_tolerance(question) + quote_marks(question)
        messages += cloze_sentence(question) + given_away.get(question.id, [])
        warnings.extend(LintWarning(question.location, question.id, m) for m in messages)
    return warnings


def _words(text: str) -> str:
    """Lower-case words of ``text`` joined by single spaces: punctuation and spacing vanish."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD_RE.findall(text))


def _percent(count: int, total: int) -> str:
    value = f"{100 * count / total:.1f}"
    return value[:-2] if value.endswith(".0") else value


# The longest choice ------------------------------------------------------------------------


def is_longest_answer(body: MultipleChoice) -> bool:
    """True when the answer is strictly longer than every distractor (a tie gives nothing away)."""
    return all(len(body.answer) > len(d) for d in body.distractors)


def _longest_answer_share(questions: tuple[Question, ...]) -> str | None:
    bodies = [q.body for q in questions if isinstance(q.body, MultipleChoice)]
    count = sum(is_longest_answer(b) for b in bodies)
    top, bottom = LONGEST_ANSWER_LIMIT
    if not bodies or count * bottom <= len(bodies) * top:
        return None
    return (
        f"the correct answer is the longest choice in {count} of {len(bodies)} multiple-choice "
        f"questions ({_percent(count, len(bodies))}%, more than {_percent(top, bottom)}%)"
    )


# Duplicate prompts -------------------------------------------------------------------------


def _compared_text(question: Question) -> str:
    """What two questions are compared by: the prompt, plus what the prompt only introduces."""
    body = question.body
    parts = [question.prompt]
    if isinstance(body, Cloze):
        parts.append("".join(s if isinstance(s, str) else "___" for s in body.segments))
    elif isinstance(body, Matching):
        parts.extend(p.left for p in body.pairs)
    elif isinstance(body, Ordering):
        parts.extend(sorted(body.items))
    return _words(" ".join(parts))


POSTING_RECENT = 16
"""How many of the latest prompts holding a word pair are looked up through it."""
CANDIDATES = 8
"""How many of the prompts sharing the most word pairs with a prompt are compared with it."""


def _pairs(text: str) -> set[str]:
    """The word pairs of ``text`` (its single word when it has one): what the index holds."""
    words = text.split()
    if len(words) < 2:
        return set(words)
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def _duplicate_prompts(questions: tuple[Question, ...]) -> dict[int, list[str]]:
    """Warnings for each question whose prompt repeats, or nearly repeats, an earlier one.

    Exact repeats are found through a dictionary. Near repeats are looked for through an
    index of word pairs, not among every pair of questions: a prompt is compared with the
    ``CANDIDATES`` earlier prompts that share the most word pairs with it (each pair looked
    up among the ``POSTING_RECENT`` latest prompts holding it), so the work grows with the
    number of questions, not its square. Prompts 90% alike share most of their word pairs.
    """
    texts = [_compared_text(q) for q in questions]
    found: dict[int, list[str]] = {}
    first_with: dict[str, int] = {}
    postings: dict[str, list[int]] = {}
    matcher = SequenceMatcher(autojunk=False)

    @lru_cache(maxsize=4 * CANDIDATES)
    def counts(index: int) -> Counter:
        return Counter(texts[index])

    for later, text in enumerate(texts):
        if text in first_with:
            other = questions[first_with[text]].id
            found.setdefault(later, []).append(f"prompt is the same as question '{other}'")
            continue
        first_with[text] = later
        pairs = _pairs(text)
        shared: Counter[int] = Counter()
        for pair in pairs:
            posting = postings.setdefault(pair, [])
            shared.update(posting[-POSTING_RECENT:])
            posting.append(later)
        if not text:
            continue
        indexed = False
        # Prompts 90% alike share most of their word pairs: a candidate sharing under a third
        # of them is not compared (most candidates of unrelated prompts share one or two).
        least = max(1, len(pairs) // 3)
        for earlier in sorted(e for e, n in shared.most_common(CANDIDATES) if n >= least):
            other_text = texts[earlier]
            bound = 2 * min(len(text), len(other_text)) / (len(text) + len(other_text))
            if not other_text or bound < NEAR_DUPLICATE_RATIO:
                continue
            # The same upper bound as SequenceMatcher.quick_ratio, from counts made once.
            same = sum((counts(later) & counts(earlier)).values())
            if 2 * same / (len(text) + len(other_text)) < NEAR_DUPLICATE_RATIO:
                continue
            if not indexed:  # seq2 is the one SequenceMatcher indexes: once per text
                matcher.set_seq2(text)
                indexed = True
            matcher.set_seq1(other_text)
            ratio = matcher.ratio()
            if ratio >= NEAR_DUPLICATE_RATIO:
                other = questions[earlier].id
                found.setdefault(later, []).append(
                    f"prompt is nearly the same as question '{other}' ({int(ratio * 100)}% similar)"
                )
                break  # one earlier near repeat is enough to name
    return found


# Distractors equal to the answer -----------------------------------------------------------

_SAME = "after normalising case, spacing and punctuation"


def _option_clashes(question: Question) -> list[str]:
    body = question.body
    if isinstance(body, MultipleChoice):
        options = [("answer", body.answer)] + [("distractor", d) for d in body.distractors]
    elif isinstance(body, Matching):
        options = [("right-hand match", p.right) for p in body.pairs]
        options += [("distractor", d) for d in body.distractors]
    else:
        return []
    messages = []
    seen: dict[str, tuple[str, str]] = {}
    for kind, text in options:
        key = normalize_answer(text)
        if key in seen:
            first_kind, first_text = seen[key]
            if first_kind == "answer":
                messages.append(f"distractor '{text}' is the answer '{first_text}' {_SAME}")
            else:
                messages.append(
                    f"{kind} '{text}' is the same as {first_kind} '{first_text}' {_SAME}"
                )
        else:
            seen[key] = (kind, text)
    return messages


# The answer given away by the prompt ---------------------------------------------------------


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def _answer_in_prompt(question: Question) -> list[str]:
    body = question.body
    prompt = _words(question.prompt)
    if isinstance(body, MultipleChoice):
        candidates = [("answer", body.answer)]
    elif isinstance(body, ShortAnswer):
        candidates = [("answer", body.answer)] + [("accepted answer", a) for a in body.accept]
    elif isinstance(body, Numeric):
        shown = format_number(body.answer)
        candidates = [("answer", shown)] + [("accepted answer", a) for a in body.accept]
        # "520000" and "520,000" are different words; look for both spellings.
        plain = format(body.answer.normalize(), "f")
        if _words(plain) != _words(shown):
            candidates.append(("answer", plain))
    elif isinstance(body, Cloze):
        return _cloze_answer_in_text(question, body)
    else:
        return []
    return [
        f"the {kind} '{text}' appears in the prompt"
        for kind, text in candidates
        if _contains(prompt, _words(text))
    ]


def _cloze_answer_in_text(question: Question, body: Cloze) -> list[str]:
    messages = []
    blanks = [s for s in body.segments if isinstance(s, Blank)]
    for number, blank in enumerate(blanks, start=1):
        # The rest of the sentence, with this blank left out and the other blanks filled in.
        rest = " ".join(
            ("" if s is blank else s.answer) if isinstance(s, Blank) else s for s in body.segments
        )
        context = _words(f"{question.prompt} {rest}")
        for text in (blank.answer, *blank.accept):
            if _contains(context, _words(text)):
                messages.append(
                    f"the answer '{text}' of blank {number} appears in the prompt or elsewhere "
                    "in the text"
                )
    return messages
