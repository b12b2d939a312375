"""Draft questions from the facts, sentence by sentence, in the order of the article.

- Quotations: who said this (multiple choice), or every third one true/false, alternately
  true and false; a false statement names another speaker of the article who did not say
  those words.
- People with a role: who is the <role> (short answer) or what is X's role (multiple choice).
- Dates and figures: one question that shows the sentence with blanks (see ``fill``).
- Places: which place completes the sentence, for a sentence with no date or figure.

Every question quotes its sentence verbatim as ``source``; what the article attributes to
someone stays attributed in prompts and explanations. Ids are the fact's kind and a slug of
the fact (``quote-a-ceasefire-is-not-peace``), with ``-2``, ``-3`` on clashes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..text import normalize_answer, normalize_space
from .distractors import Speakers, place_distractors
from .facts import DateFact, Facts, Figure, Person, Place, Quote, Sentence
from .fill import cloze, date_blank, date_question, figure_blank, figure_question


def slugify(text: str, *, limit: int = 40) -> str:
    """Lowercase ASCII words joined by '-', cut at a word boundary after ``limit`` chars."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"(?<=\d),(?=\d)", "", text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > 0 else limit]
    return slug


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


class _Writer:
    """Collects the questions of one article with stable, unique ids."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.used: set[str] = set()
        self.questions: list[dict] = []
        self.turns = {"quote": 0, "person": 0, "date": 0, "figure": 0}
        self.speakers = Speakers(facts.quotes)

    def turn(self, kind: str) -> int:
        self.turns[kind] += 1
        return self.turns[kind] - 1

    def add(
        self,
        kind: str,
        slug: str,
        question: dict | None,
        *,
        explanation: str,
        sentence: Sentence,
        tags: list[str],
        difficulty: int = 2,
    ) -> None:
        if question is None:
            return
        base = f"{kind}-{slugify(slug) or 'fact'}"
        qid, n = base, 1
        while qid in self.used:
            n += 1
            qid = f"{base}-{n}"
        self.used.add(qid)
        if sentence.caption:
            tags = [*tags, "caption"]
        self.questions.append(
            {
                "id": qid,
                **question,
                "explanation": explanation,
                "source": normalize_space(sentence.text),
                "tags": tags,
                "difficulty": difficulty,
            }
        )

    def according_to(self, sentence: Sentence, position: int) -> str:
        """``, according to X`` when the words at ``position`` are attributed to X."""
        for q in self.facts.quotes:
            if q.speaker and q.sentence.index == sentence.index and q.start <= position <= q.end:
                return f", in words the article attributes to {q.speaker.label}"
        who = self.facts.attributions.get(sentence.index)
        return f", according to {who}" if who else ""

    # Quotations ------------------------------------------------------------------------

    def quote(self, q: Quote, extra_names: list[str]) -> None:
        i = self.turn("quote")
        label = q.speaker.label
        words = f"“{q.text}”"
        why = f"The article attributes these words to {label}."
        phrase = normalize_space(q.speaker.phrase)
        if not all(normalize_answer(n) in normalize_answer(phrase) for n in label.split(" and ")):
            why += f" The article introduces them with “{phrase}”, which refers to {label}."
        tags = ["quotes"] + (["people"] if q.speaker.kind in ("person", "people") else [])
        slug = " ".join(q.text.split()[:6])
        common = {"sentence": q.sentence, "tags": tags}
        if i % 3 == 2:
            wrong = self.speakers.distractors(q, exclude_kind=lambda k: k == "place")
            if i % 6 == 5 and wrong:
                prompt = f"According to the article, these words are {_possessive(wrong[0])}: "
                question = {"type": "true_false", "prompt": prompt + words, "answer": False}
                why = f"False: the article attributes these words to {label}, not to {wrong[0]}."
            else:
                prompt = f"According to the article, these words are {_possessive(label)}: "
                question = {"type": "true_false", "prompt": prompt + words, "answer": True}
            self.add("quote", slug, question, explanation=why, difficulty=1, **common)
            return
        prompt = (
            f"Who is quoted in the article with the words {words}?"
            if q.partial
            else f"Who said this, according to the article? {words}"
        )
        distractors = self.speakers.distractors(q, extra_names)
        if len(distractors) >= 2:
            question = {
                "type": "multiple_choice",
                "prompt": prompt,
                "answer": _cap(label),
                "distractors": distractors,
            }
            self.add("quote", slug, question, explanation=why, **common)
        else:
            question = {"type": "short_answer", "prompt": prompt, "answer": _cap(label)}
            self.add("quote", slug, question, explanation=why, difficulty=3, **common)

    # People and places -----------------------------------------------------------------

    def person(self, p: Person, roles: list[str]) -> None:
        i = self.turn("person")
        role = p.role
        phrase = role if role.startswith("the ") or re.search(r"['’]s ", role) else f"the {role}"
        common = {
            "explanation": f"The article calls {p.name} {phrase}.",
            "sentence": p.sentence,
            "tags": ["people"],
        }
        if i % 2 == 1:
            mine = normalize_answer(role)
            others = [
                _cap(r)
                for r in roles
                if normalize_answer(r) not in mine and mine not in normalize_answer(r)
            ]
            others = list(dict.fromkeys(others))[:3]
            if len(others) >= 2:
                question = {
                    "type": "multiple_choice",
                    "prompt": f"What is {_possessive(p.name)} role, according to the article?",
                    "answer": _cap(role),
                    "distractors": others,
                }
                self.add("person", p.name, question, **common)
                return
        question = {
            "type": "short_answer",
            "prompt": f"Who is {phrase}, according to the article?",
            "answer": p.name,
        }
        self.add("person", p.name, question, difficulty=3, **common)

    def place(self, p: Place) -> bool:
        distractors = place_distractors(p, self.facts.places)
        if len(distractors) < 2:
            return False
        local = p.start - p.sentence.start
        shown = normalize_space(
            p.sentence.text[:local] + "____" + p.sentence.text[local + len(p.text) :]
        )
        question = {
            "type": "multiple_choice",
            "prompt": f"Which place completes this sentence from the article? “{shown}”",
            "answer": p.text,
            "distractors": distractors,
        }
        self.add(
            "place",
            p.name,
            question,
            explanation=f"The sentence names {p.name}.",
            sentence=p.sentence,
            tags=["places"],
        )
        return True

    # Dates and figures -----------------------------------------------------------------

    def blanks(self, sentence: Sentence, facts: list[DateFact | Figure]) -> None:
        if len(facts) == 1:
            fact = facts[0]
            why = f"The article says “{fact.text}”{self.according_to(sentence, fact.start)}."
            if isinstance(fact, DateFact):
                if fact.note:
                    why += f" That is {fact.note}."
                question = date_question(self.turn("date"), fact, list(self.facts.dates))
                self.add(
                    "date", fact.text, question, explanation=why, sentence=sentence, tags=["dates"]
                )
            else:
                question = figure_question(self.turn("figure"), fact, list(self.facts.figures))
                self.add(
                    "figure",
                    fact.text,
                    question,
                    explanation=why,
                    sentence=sentence,
                    tags=["figures"],
                )
            return
        blanks = [date_blank(f) if isinstance(f, DateFact) else figure_blank(f) for f in facts]
        question = cloze(blanks, sentence, "Fill in the blanks.")
        said = ", ".join(f"“{f.text}”" for f in facts[:-1]) + f" and “{facts[-1].text}”"
        why = f"The article says {said}{self.according_to(sentence, facts[0].start)}."
        notes = [f"“{f.text}” is {f.note}" for f in facts if isinstance(f, DateFact) and f.note]
        if notes:
            why += " " + "; ".join(notes) + "."
        kinds = sorted({"dates" if isinstance(f, DateFact) else "figures" for f in facts})
        kind = {"dates": "dates", "figures": "figures"}.get("".join(kinds), "facts")
        self.add(
            kind,
            " ".join(f.text for f in facts),
            question,
            explanation=why,
            sentence=sentence,
            tags=kinds,
        )


def _first_of_each(facts, key: Callable) -> list:
    """The first fact for each key, body text preferred over captions, in article order."""
    chosen: dict = {}
    for fact in sorted(facts, key=lambda f: (f.sentence.caption, f.start)):
        chosen.setdefault(key(fact), fact)
    return sorted(chosen.values(), key=lambda f: f.start)


def write_questions(facts: Facts) -> list[dict]:
    """Draft questions for ``facts``, sentence by sentence, in the order of the article."""
    w = _Writer(facts)
    speakers = {q.speaker.label for q in facts.quotes if q.speaker}
    extra = [p.name for p in facts.people if p.name not in speakers]
    roles = [p.role for p in facts.people if p.role]
    dates = _first_of_each(
        facts.dates, lambda d: (d.value or d.text.lower(), d.form == "relative" and d.text.lower())
    )
    figures = _first_of_each(
        facts.figures, lambda f: (f.value, f.qualifier, f.ordinal, f.unit.split(" ")[0].lower())
    )
    by_sentence: dict[int, dict[str, list]] = {}
    for name, items in (
        ("quotes", [q for q in facts.quotes if q.speaker]),
        ("people", [p for p in facts.people if p.role]),
        ("blanks", dates + figures),
        ("places", list(facts.places)),
    ):
        for item in items:
            by_sentence.setdefault(item.sentence.index, {}).setdefault(name, []).append(item)
    for index in sorted(by_sentence):
        group = by_sentence[index]
        for q in group.get("quotes", []):
            w.quote(q, extra)
        for p in group.get("people", []):
            w.person(p, roles)
        blanks = sorted(group.get("blanks", []), key=lambda f: f.start)
        if blanks:
            w.blanks(blanks[0].sentence, blanks)
            continue
        for p in sorted(group.get("places", []), key=lambda p: p.start):
            if w.place(p):
                break
    return w.questions
