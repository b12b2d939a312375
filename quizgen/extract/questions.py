"""Draft questions from the facts: one question per fact, of a type that suits it.

Quotations: who said this (multiple choice) or true/false (every third, alternately true and
false: a false one names another speaker who did not say those words). Dates: which date
completes the sentence (multiple choice) or fill in the blank (cloze). Figures: which figure
(multiple choice), how many (numeric, tolerance 0) or fill in the figure (cloze). People: who
is the <role> (short answer) or what is X's role (multiple choice). Places: which place
completes the sentence (multiple choice). Every question quotes its sentence verbatim as its
``source``; claims the article attributes stay attributed in prompts and explanations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from ..text import format_number, normalize_answer, normalize_space
from .distractors import (
    date_distractors,
    figure_distractors,
    place_distractors,
    speaker_distractors,
)
from .facts import DateFact, Facts, Figure, Person, Place, Quote, Sentence

BLANK = "____"
_PRONOUN_RULE = "pronoun"


def slugify(text: str, *, limit: int = 40) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary after ``limit`` chars."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"(?<=\d),(?=\d)", "", text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > 0 else limit]
    return slug


class _Ids:
    """Stable ids: kind + a slug of the fact; ``-2``, ``-3``... on clashes."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, kind: str, text: str) -> str:
        base = f"{kind}-{slugify(text) or 'fact'}"
        qid, n = base, 1
        while qid in self.used:
            n += 1
            qid = f"{base}-{n}"
        self.used.add(qid)
        return qid


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _blanked(sentence: Sentence, start: int, end: int, mark: str = BLANK) -> str:
    local_start, local_end = start - sentence.start, end - sentence.start
    return normalize_space(sentence.text[:local_start] + mark + sentence.text[local_end:])


def _cloze_text(sentence: Sentence, start: int, end: int, answers: list[str]) -> str | None:
    answers = list(dict.fromkeys(normalize_space(a) for a in answers if a))
    if (
        any(ch in a for a in answers for ch in "{}|")
        or "{{" in sentence.text
        or "}}" in sentence.text
    ):
        return None
    return _blanked(sentence, start, end, "{{" + "|".join(answers) + "}}")


def _number_yaml(value: Decimal):
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    return float(str(value))


class _Writer:
    """Collects the questions of one article, each with the position it sorts by."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.ids = _Ids()
        self.items: list[tuple[int, int, dict]] = []

    def add(
        self,
        position: int,
        kind: str,
        slug: str,
        qtype: str,
        prompt: str,
        body: dict,
        explanation: str,
        sentence: Sentence,
        tags: list[str],
        difficulty: int,
    ) -> None:
        if sentence.caption:
            tags = [*tags, "caption"]
        question = {
            "id": self.ids.make(kind, slug),
            "type": qtype,
            "prompt": prompt,
            **body,
            "explanation": explanation,
            "source": normalize_space(sentence.text),
            "tags": tags,
            "difficulty": difficulty,
        }
        self.items.append((position, len(self.items), question))

    def attribution(self, sentence: Sentence) -> str:
        who = self.facts.attributions.get(sentence.index)
        return f", according to {who}" if who else ""

    # Quotations ------------------------------------------------------------------------

    def quote(self, i: int, q: Quote, extra_names: list[str]) -> None:
        label = q.speaker.label
        words = f"“{q.text}”"
        why = f"The article attributes these words to {label}."
        phrase = normalize_space(q.speaker.phrase)
        if not all(normalize_answer(n) in normalize_answer(phrase) for n in label.split(" and ")):
            why += f" The article introduces them with “{phrase}”, which refers to {label}."
        slug = " ".join(q.text.split()[:6])
        tags = ["quotes"] + (["people"] if q.speaker.kind in ("person", "people") else [])
        if i % 3 == 2:
            wrong = speaker_distractors(q, self.facts.quotes, exclude_kind=lambda k: k == "place")
            if i % 6 == 5 and wrong:
                prompt = (
                    f"According to the article, these words are {_possessive(wrong[0])}: {words}"
                )
                self.add(
                    q.start,
                    "quote",
                    slug,
                    "true_false",
                    prompt,
                    {"answer": False},
                    f"False: the article attributes these words to {label}, not to {wrong[0]}.",
                    q.sentence,
                    tags,
                    1,
                )
                return
            prompt = f"According to the article, these words are {_possessive(label)}: {words}"
            self.add(
                q.start,
                "quote",
                slug,
                "true_false",
                prompt,
                {"answer": True},
                why,
                q.sentence,
                tags,
                1,
            )
            return
        prompt = (
            f"Who is quoted in the article with the words {words}?"
            if q.partial
            else f"Who said this, according to the article? {words}"
        )
        distractors = speaker_distractors(q, self.facts.quotes, extra_names)
        if len(distractors) >= 2:
            body = {"answer": _cap(label), "distractors": distractors}
            self.add(
                q.start, "quote", slug, "multiple_choice", prompt, body, why, q.sentence, tags, 2
            )
        else:
            self.add(
                q.start,
                "quote",
                slug,
                "short_answer",
                prompt,
                {"answer": _cap(label)},
                why,
                q.sentence,
                tags,
                3,
            )

    # Dates -----------------------------------------------------------------------------

    def date(self, i: int, d: DateFact) -> None:
        explanation = f"The article says “{d.text}”{self.attribution(d.sentence)}."
        if d.note:
            explanation += f" That is {d.note}."
        tags = ["dates"]
        if d.form != "relative" and i % 2 == 0:
            distractors = date_distractors(d, self.facts.dates)
            if len(distractors) >= 2:
                what = {"year": "year", "range": "years", "decade": "decade"}.get(
                    d.precision, "date"
                )
                verb = "complete" if what == "years" else "completes"
                prompt = (
                    f"Which {what} {verb} this sentence from the article? "
                    f"“{_blanked(d.sentence, d.start, d.end)}”"
                )
                body = {"answer": d.text, "distractors": distractors}
                self.add(
                    d.start,
                    "date",
                    d.text,
                    "multiple_choice",
                    prompt,
                    body,
                    explanation,
                    d.sentence,
                    tags,
                    2,
                )
                return
        start, end = d.blank or (d.start, d.end)
        answer = d.sentence.text[start - d.sentence.start : end - d.sentence.start]
        text = _cloze_text(d.sentence, start, end, [answer, *_date_alternatives(d, answer)])
        if text:
            self.add(
                d.start,
                "date",
                d.text,
                "cloze",
                "Fill in the blank.",
                {"text": text},
                explanation,
                d.sentence,
                tags,
                2,
            )

    # Figures ---------------------------------------------------------------------------

    def figure(self, i: int, f: Figure) -> None:
        explanation = f"The article says “{f.text}”{self.attribution(f.sentence)}."
        tags = ["figures"]
        slug = f.text
        blanked = _blanked(f.sentence, f.number_start, f.number_end)
        kind = i % 3
        if kind == 1 and f.ordinal:
            kind = 0
        if kind == 0:
            distractors = figure_distractors(f, self.facts.figures)
            if len(distractors) >= 2:
                prompt = f"Which figure completes this sentence from the article? “{blanked}”"
                self.add(
                    f.start,
                    "figure",
                    slug,
                    "multiple_choice",
                    prompt,
                    {"answer": f.number, "distractors": distractors},
                    explanation,
                    f.sentence,
                    tags,
                    2,
                )
                return
            kind = 2
        alternatives = _figure_alternatives(f)
        if kind == 1:
            unit = _unit_plural(f.unit) if f.unit else ""
            lead = f"How many {unit}? Give" if unit else "Give"
            prompt = (
                f"{lead} the number that fills the blank in this sentence from the "
                f"article: “{blanked}”"
            )
            body: dict = {"answer": _number_yaml(f.value), "tolerance": 0}
            if unit:
                body["unit"] = unit
            accept = [
                a
                for a in [f.number, *alternatives]
                if normalize_answer(a) != normalize_answer(str(_number_yaml(f.value)))
            ]
            if accept:
                body["accept"] = list(dict.fromkeys(accept))
            self.add(
                f.start, "figure", slug, "numeric", prompt, body, explanation, f.sentence, tags, 2
            )
            return
        text = _cloze_text(f.sentence, f.number_start, f.number_end, [f.number, *alternatives])
        if text:
            self.add(
                f.start,
                "figure",
                slug,
                "cloze",
                "Fill in the figure.",
                {"text": text},
                explanation,
                f.sentence,
                tags,
                2,
            )

    # People and places -----------------------------------------------------------------

    def person(self, i: int, p: Person, roles: list[str]) -> None:
        phrase = (
            p.role
            if p.role.startswith("the ") or "'s " in p.role or "’s " in p.role
            else f"the {p.role}"
        )
        explanation = f"The article calls {p.name} {phrase}."
        tags = ["people"]
        if i % 2 == 1:
            others = [_cap(r) for r in roles if normalize_answer(r) != normalize_answer(p.role)]
            others = list(dict.fromkeys(others))[:3]
            if len(others) >= 2:
                prompt = f"What is {_possessive(p.name)} role, according to the article?"
                self.add(
                    p.start,
                    "person",
                    p.name,
                    "multiple_choice",
                    prompt,
                    {"answer": _cap(p.role), "distractors": others},
                    explanation,
                    p.sentence,
                    tags,
                    2,
                )
                return
        prompt = f"Who is {phrase}, according to the article?"
        self.add(
            p.start,
            "person",
            p.name,
            "short_answer",
            prompt,
            {"answer": p.name},
            explanation,
            p.sentence,
            tags,
            3,
        )

    def place(self, p: Place) -> None:
        distractors = place_distractors(p, self.facts.places)
        if len(distractors) < 2:
            return
        prompt = (
            f"Which place completes this sentence from the article? "
            f"“{_blanked(p.sentence, p.start, p.end)}”"
        )
        self.add(
            p.start,
            "place",
            p.name,
            "multiple_choice",
            prompt,
            {"answer": p.text, "distractors": distractors},
            f"The sentence names {p.name}.",
            p.sentence,
            ["places"],
            2,
        )


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _unit_plural(unit: str) -> str:
    if " " in unit or unit.endswith("s"):
        return unit
    return unit + "s"


def _date_alternatives(d: DateFact, answer: str) -> list[str]:
    from .distractors import format_date

    if answer != d.text or not d.value or d.value.startswith("--") or d.form == "relative":
        return []
    out = []
    for style in ("mdy", "dmy"):
        text = format_date(d.value, style)
        if text:
            out.append(text)
    if d.precision == "range":
        a, b = d.value.split("/")
        out += [f"{a}-{b}", f"{a}–{b}", f"{a} to {b}"]
    if d.precision == "day":
        out.append(d.value)
    return [o for o in out if normalize_answer(o) != normalize_answer(answer)] or []


def _figure_alternatives(f: Figure) -> list[str]:
    out = []
    if f.words:
        out.append(str(int(f.value)))
    elif not f.ordinal:
        out.append(format_number(f.value))
        out.append(format_number(f.value).replace(",", ""))
    return [o for o in dict.fromkeys(out) if o != f.number]


def _first_of_each(facts, key: Callable) -> list:
    """The first fact for each key, body text preferred over captions, in article order."""
    chosen: dict = {}
    for fact in sorted(facts, key=lambda f: (f.sentence.caption, f.start)):
        chosen.setdefault(key(fact), fact)
    return sorted(chosen.values(), key=lambda f: f.start)


def write_questions(facts: Facts) -> list[dict]:
    """Draft questions for ``facts``, in the order of the article."""
    w = _Writer(facts)
    speakers = {q.speaker.label for q in facts.quotes if q.speaker}
    extra = [p.name for p in facts.people if p.name not in speakers]
    for i, q in enumerate(q for q in facts.quotes if q.speaker):
        w.quote(i, q, extra)
    dates = _first_of_each(
        facts.dates, lambda d: (d.value or d.text.lower(), d.form == "relative" and d.text.lower())
    )
    for i, d in enumerate(dates):
        w.date(i, d)
    figures = _first_of_each(
        facts.figures, lambda f: (f.value, f.qualifier, f.ordinal, f.unit.split(" ")[0].lower())
    )
    for i, f in enumerate(figures):
        w.figure(i, f)
    with_roles = [p for p in facts.people if p.role]
    roles = [p.role for p in with_roles]
    for i, p in enumerate(with_roles):
        w.person(i, p, roles)
    for p in facts.places:
        w.place(p)
    w.items.sort(key=lambda item: (item[0], item[1]))
    return [q for _, _, q in w.items]
