"""Draft questions from the facts, sentence by sentence, in the order of the article.

- Quotations: who said this (multiple choice), or every third one true/false, alternately
  true and false; a false statement names another speaker of the article who did not say
  those words.
- People with a role: who is the <role> (short answer; "who does the article describe as a
  <role>" for a role many people hold, and none when two people of the article share it) or
  how does the article describe X (multiple choice), in turn.
- Dates and figures: one question that shows the sentence with blanks (see ``fill``).
- Places: which place completes the sentence, for a sentence with no date or figure.

Every question quotes its sentence verbatim as ``source``; what the article attributes to
someone stays attributed in prompts and explanations. Ids are the fact's kind and a slug of
the fact (``quote-a-ceasefire-is-not-peace``), with ``-2``, ``-3`` on clashes.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher

from ..lint import NEAR_DUPLICATE_RATIO
from ..text import normalize_answer, normalize_space
from .distractors import Speakers, longer_last, nearby, place_distractors
from .facts import DateFact, Facts, Figure, Person, Place, Quote, Sentence
from .fill import BLANK, cloze, date_blank, date_question, figure_blank, figure_question, in_quotes
from .lexicon import DOCUMENTS, TITLE_WORDS


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


_WORD_RE = re.compile(r"[^\W_]+")


def words(text: str) -> str:
    """Lower-case words of ``text`` joined by single spaces, as ``quizgen.lint`` compares."""
    return " ".join(_WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold()))


def shows(text: str, answer: str) -> bool:
    """True when ``answer`` appears, as whole words, in ``text``."""
    needle = words(answer)
    return bool(needle) and f" {needle} " in f" {words(text)} "


def compared_text(question: dict) -> str:
    """What ``quizgen.lint`` compares two questions by: the prompt, and a cloze's text with
    its blanks left out."""
    cloze = re.sub(r"\{\{.*?\}\}", " ___ ", question.get("text", ""))
    return words(f"{question['prompt']} {cloze}")


_UNIQUE_ROLE_WORDS = frozenset(
    """
president prime minister leader mayor governor secretary secretary-general chancellor king
queen pope premier chief ceo chairman chairwoman chair director head counterpart speaker
founder owner emperor empress prince princess dictator commander ambassador envoy
""".split()
)
"""A role with one of these words names one person (``the Mayor``); others are kinds of
people (``a farmer``, ``a US Private First Class``)."""
_PLAIN_STARTS = frozenset(
    """
a an the some many most several few all both officials critics experts residents witnesses
analysts observers protesters police authorities organisers organizers sources villagers
survivors doctors rescuers volunteers relatives families neighbours neighbors activists
""".split()
)


def _article_for(role: str) -> str:
    """``a`` or ``an`` before ``role`` (``an engineer``, ``a US soldier``, ``an FBI agent``)."""
    first = role.split()[0]
    if first.isupper() and len(first) <= 3:
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    low = first.lower()
    if low[:1] in "aeio" or (low[:1] == "u" and not low.startswith(("uni", "use", "usu", "ur"))):
        return "an" if not first.isupper() else "a"
    return "a"


def role_phrase(role: str) -> tuple[str, bool]:
    """How a sentence names the role, and whether it names one person: ``the US Secretary of
    Defence`` (True), ``the South's President`` (True), ``a US Private First Class`` (False)."""
    if role.lower().startswith("the ") or re.search(r"['’]s ", role):
        return role, True
    if {w.lower() for w in re.split(r"[\s]+", role)} & _UNIQUE_ROLE_WORDS:
        return f"the {role}", True
    return f"{_article_for(role)} {role}", False


def _bare_role(role: str) -> bool:
    """True for a role of one word (``leader``, ``President``): it says of what only with the
    rest of the sentence."""
    return len(re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I).split()) < 2


def in_sentence(label: str) -> str:
    """A speaker's label as it reads inside a sentence: ``a veteran``, ``critics``, but
    ``Rodong Sinmun`` (the article capitalised the common words only to start its sentence)."""
    first = label.split(" ", 1)[0]
    low = first.lower()
    if low == "the" or low in _PLAIN_STARTS or low in TITLE_WORDS or low.rstrip("s") in TITLE_WORDS:
        return low + label[len(first) :]
    return label


class _Writer:
    """Collects the questions of one article with stable, unique ids."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.used: set[str] = set()
        self.questions: list[dict] = []
        self.alternatives: dict[str, dict] = {}
        self.turns = {"quote": 0, "person": 0, "date": 0, "figure": 0}
        self.speakers = Speakers(facts.quotes)
        self.seen: set[str] = set()
        self.short: list[str] = []
        self.matcher = SequenceMatcher(autojunk=False)
        self.quoted: dict[int, list[Quote]] = {}
        for q in facts.quotes:
            if q.speaker:
                self.quoted.setdefault(q.sentence.index, []).append(q)
        self.forms: dict[str, str] = {}
        self.accepted: dict[str, list[str]] = {}
        for p in facts.people:
            before = facts_text_before(p)
            if p.role and p.role[:1].isupper() and before.endswith(p.role):
                self.forms.setdefault(p.name, f"{p.role} {p.name}")
            names = [p.name, *p.aliases[1:]] if len(p.aliases) > 1 else [p.name]
            self.accepted.setdefault(p.name, list(dict.fromkeys(names)))
        self.starts = {
            kind: [f.start for f in getattr(facts, kind)] for kind in ("dates", "figures", "places")
        }

    def around(self, kind: str, position: int) -> list:
        """The article's facts of ``kind`` near ``position``, for wrong choices."""
        return list(nearby(getattr(self.facts, kind), self.starts[kind], position))

    def turn(self, kind: str) -> int:
        self.turns[kind] += 1
        return self.turns[kind] - 1

    def near_duplicate(self, prompt: str) -> bool:
        """True when a short prompt reads (nearly) like one already written."""
        text = words(prompt)
        self.matcher.set_seq2(text)
        for other in self.short:
            self.matcher.set_seq1(other)
            if (
                self.matcher.real_quick_ratio() >= NEAR_DUPLICATE_RATIO
                and self.matcher.quick_ratio() >= NEAR_DUPLICATE_RATIO
                and self.matcher.ratio() >= NEAR_DUPLICATE_RATIO
            ):
                return True
        return False

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
        alternative: dict | None = None,
        short: bool = False,
        review: str | None = None,
    ) -> bool:
        """Add a question (skipped when one with the same prompt is there already).

        ``alternative`` is another form of the same question (its own ``explanation`` and
        ``difficulty`` optional), used when the first form draws a lint warning.
        ``short`` prompts are remembered to keep later ones from reading nearly the same.
        """
        if question is None:
            return False
        key = compared_text(question)
        if key in self.seen:
            return False
        base = f"{kind}-{slugify(slug) or 'fact'}"
        qid, n = base, 1
        while qid in self.used:
            n += 1
            qid = f"{base}-{n}"
        self.used.add(qid)
        self.seen.add(key)
        if short:
            self.short.append(words(question["prompt"]))
        if sentence.caption:
            tags = [*tags, "caption"]

        def full(body: dict, why: str, level: int) -> dict:
            return {
                "id": qid,
                **body,
                "explanation": why,
                "source": normalize_space(sentence.text),
                "tags": tags,
                "difficulty": level,
                **({"review": review} if review else {}),
            }

        self.questions.append(full(question, explanation, difficulty))
        if alternative is not None:
            alt = dict(alternative)
            why = alt.pop("explanation", explanation)
            level = alt.pop("difficulty", difficulty)
            self.alternatives[qid] = full(alt, why, level)
        return True

    def according_to(self, sentence: Sentence, position: int) -> str:
        """``, according to X`` when the words at ``position`` are attributed to X."""
        for q in self.quoted.get(sentence.index, ()):
            if q.start <= position <= q.end:
                return f", in words the article attributes to {q.speaker.label}"
        who = self.facts.attributions.get(sentence.index)
        return f", according to {in_sentence(who)}" if who else ""

    # Quotations ------------------------------------------------------------------------

    def introduced(self, label: str) -> str:
        """How the article first introduces a speaker, in full: the title written before
        the name with the name (``Army Col. Ned Roe``), else the name as given."""
        return self.forms.get(label, label)

    def quote(self, q: Quote, extra_names: list[str]) -> None:
        i = self.turn("quote")
        key = q.speaker.label
        label = self.introduced(key)
        words_ = f"“{q.text}”"
        why = f"The article attributes these words to {in_sentence(label)}."
        phrase = normalize_space(q.speaker.phrase)
        if not all(normalize_answer(n) in normalize_answer(phrase) for n in label.split(" and ")):
            head = re.findall(r"[\w'’-]+", phrase.lower())[-1:]
            how = "issued by" if head and head[0] in DOCUMENTS else "which refers to"
            why += f" The article introduces them with “{phrase}”, {how} {in_sentence(label)}."
        tags = ["quotes"] + (["people"] if q.speaker.kind in ("person", "people") else [])
        slug = " ".join(q.text.split()[:6])
        common = {"sentence": q.sentence, "tags": tags, "short": True, "review": q.doubt}
        statement = "According to the article, these words come from {}: " + words_
        true = {
            "type": "true_false",
            "prompt": statement.format(in_sentence(label)),
            "answer": True,
            "difficulty": 1,
        }
        if i % 3 == 2:
            wrong = self.speakers.distractors(q, exclude_kind=lambda k: k == "place")
            if i % 6 == 5 and wrong:
                other = next(k for k in self.speakers.said if _cap(k) == wrong[0])
                other = self.introduced(other)
                question = {
                    "type": "true_false",
                    "prompt": statement.format(in_sentence(other)),
                    "answer": False,
                }
                why = (
                    f"False: the article attributes these words to {in_sentence(label)}, "
                    f"not to {in_sentence(other)}."
                )
            else:
                question = {k: v for k, v in true.items() if k != "difficulty"}
            self.add("quote", slug, question, explanation=why, difficulty=1, **common)
            return
        accept = [
            a for a in self.accepted.get(key, ()) if normalize_answer(a) != normalize_answer(label)
        ]
        prompt = (
            f"Who is quoted in the article with the words {words_}?"
            if q.partial
            else f"Who said this, according to the article? {words_}"
        )
        distractors = [_cap(self.introduced(d)) for d in self.speakers.distractors(q, extra_names)]
        if len(distractors) >= 2:
            question = {
                "type": "multiple_choice",
                "prompt": prompt,
                "answer": _cap(label),
                "distractors": distractors,
            }
            self.add("quote", slug, question, explanation=why, alternative=true, **common)
        else:
            question = {"type": "short_answer", "prompt": prompt, "answer": _cap(label)}
            if accept:
                question["accept"] = accept
            self.add(
                "quote", slug, question, explanation=why, difficulty=3, alternative=true, **common
            )

    # People and places -----------------------------------------------------------------

    def person(self, p: Person, roles: list[tuple[str, str]], shared: set[str]) -> None:
        """``roles``: every role of the article once, capitalised and normalised."""
        i = self.turn("person")
        role = p.role
        phrase, one = role_phrase(role)
        mine = normalize_answer(role)
        # read only as far as the choices need: an article of many people costs no more
        others = (cap for cap, norm in roles if norm not in mine and mine not in norm)
        choices = longer_last(_cap(role), list(itertools.islice(others, 3)), others)
        forms: list[dict] = []
        if len(choices) >= 2:
            forms.append(
                {
                    "type": "multiple_choice",
                    "prompt": f"How does the article describe {p.name}?",
                    "answer": _cap(role),
                    "distractors": choices,
                }
            )
        # "Who is the President?" has one answer only; and "Who is the leader?" (one word,
        # no "of what") has no answer a reader could check
        if mine not in shared and not _bare_role(role):
            forms.append(
                {
                    "type": "short_answer",
                    "prompt": (
                        f"Who is {phrase}, according to the article?"
                        if one
                        else f"Who does the article describe as {phrase}?"
                    ),
                    "answer": p.name,
                    "difficulty": 3,
                }
            )
        if i % 2 == 0:
            forms.reverse()
        forms = [f for f in forms if not self.near_duplicate(f["prompt"])]
        if not forms:
            return
        first = dict(forms[0])
        level = first.pop("difficulty", 2)
        self.add(
            "person",
            p.name,
            first,
            explanation=f"The article describes {p.name} as {phrase}.",
            sentence=p.sentence,
            tags=["people"],
            difficulty=level,
            alternative=forms[1] if len(forms) > 1 else None,
            short=True,
        )

    def place(self, p: Place) -> bool:
        distractors = place_distractors(p, self.around("places", p.start))
        if len(distractors) < 2:
            return False
        local = p.start - p.sentence.start
        text = p.sentence.text
        if shows(text[:local] + " " + text[local + len(p.text) :], p.text):
            return False
        shown = in_quotes(normalize_space(text[:local] + BLANK + text[local + len(p.text) :]))
        if shown is None:
            return False
        question = {
            "type": "multiple_choice",
            "prompt": f"Which place completes this sentence from the article? {shown}",
            "answer": p.text,
            "distractors": distractors,
        }
        the = "the " if re.search(r"\bthe\s+$", text[:local]) else ""
        return self.add(
            "place",
            p.name,
            question,
            explanation=f"The sentence names {the}{p.name}.",
            sentence=p.sentence,
            tags=["places"],
            alternative=cloze([(p.start, p.end, [p.text])], p.sentence, "Fill in the place."),
        )

    # Dates and figures -----------------------------------------------------------------

    def blanks(self, sentence: Sentence, facts: list[DateFact | Figure]) -> None:
        # A fact whose answer the rest of the sentence shows would give itself away.
        facts = [f for f in facts if not _shown_elsewhere(f)]
        if not facts:
            return
        if sentence.index in self.quoted:
            # The quotation's own question shows the sentence already: show only the words
            # around the blanks, so the two prompts do not read the same.
            part = _excerpt(sentence, facts[0].start, facts[-1].end)
            facts = [replace(f, sentence=part) for f in facts]
            shown = part
        else:
            shown = sentence
        if len(facts) == 1:
            fact = facts[0]
            why = f"The article says “{fact.text}”{self.according_to(sentence, fact.start)}."
            if isinstance(fact, DateFact):
                if fact.note:
                    why += f" That is {fact.note}."
                question = date_question(self.turn("date"), fact, self.around("dates", fact.start))
                alternative = (
                    cloze([date_blank(fact)], shown, "Fill in the blank.")
                    if question and question["type"] == "multiple_choice"
                    else None
                )
                self.add(
                    "date",
                    fact.text,
                    question,
                    explanation=why,
                    sentence=sentence,
                    tags=["dates"],
                    alternative=alternative,
                )
            else:
                turn = self.turn("figure")
                question = figure_question(turn, fact, self.around("figures", fact.start))
                alternative = None
                if question and question["type"] == "multiple_choice":
                    alternative = figure_question(2 if fact.ordinal else 1, fact, [])
                self.add(
                    "figure",
                    fact.text,
                    question,
                    explanation=why,
                    sentence=sentence,
                    tags=["figures"],
                    alternative=alternative,
                )
            return
        blanks = [date_blank(f) if isinstance(f, DateFact) else figure_blank(f) for f in facts]
        question = cloze(blanks, shown, "Fill in the blanks.")
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


_EXCERPT_MARGIN = 60


def _excerpt(sentence: Sentence, start: int, end: int) -> Sentence:
    """The words of ``sentence`` around ``start``..``end`` (about 60 characters each side,
    cut at spaces), as a sentence of its own with the same offsets."""
    text, at = sentence.text, sentence.start
    lo, hi = max(0, start - at - _EXCERPT_MARGIN), min(len(text), end - at + _EXCERPT_MARGIN)
    if lo > 0:
        space = text.find(" ", lo, start - at)
        lo = space + 1 if space >= 0 else start - at
    if hi < len(text):
        space = text.rfind(" ", end - at, hi)
        hi = space if space >= 0 else end - at
    cut = (lo > 0, hi < len(text))
    return replace(sentence, text=text[lo:hi], start=at + lo, end=at + hi, cut=cut)


def facts_text_before(p: Person) -> str:
    """The words of ``p``'s sentence before their name, trailing space removed."""
    return p.sentence.text[: max(0, p.start - p.sentence.start)].rstrip()


def _shown_elsewhere(fact: DateFact | Figure) -> bool:
    """True when the sentence, with the fact's blank left out, still shows one of the answers
    the blank would accept (``three`` twice in one sentence)."""
    start, end, answers = date_blank(fact) if isinstance(fact, DateFact) else figure_blank(fact)
    text, at = fact.sentence.text, fact.sentence.start
    rest = text[: start - at] + " " + text[end - at :]
    return any(shows(rest, a) for a in answers)


def _nameable(speaker, facts: Facts) -> bool:
    """True when a question can name the speaker in full: never a place, a pronoun, a
    title alone or one word that is only part of a person's name."""
    if speaker.kind == "place" or speaker.label.lower() in ("he", "she", "it", "they", "we"):
        return False
    if speaker.kind == "person" and len(speaker.label.split()) < 2:
        return False
    return not (speaker.kind == "other" and speaker.label.split()[0].lower() == "the")


def _first_of_each(facts, key: Callable) -> list:
    """The first fact for each key, body text preferred over captions, in article order."""
    chosen: dict = {}
    for fact in sorted(facts, key=lambda f: (f.sentence.caption, f.start)):
        chosen.setdefault(key(fact), fact)
    return sorted(chosen.values(), key=lambda f: f.start)


MAX_QUESTIONS = 400
"""A draft stops after the sentence that brings it to this many questions: more is no
longer a quiz to review, and the checks on a draft grow with the square of its size."""


def draft_questions(facts: Facts) -> tuple[list[dict], dict[str, dict]]:
    """Draft questions for ``facts`` in the order of the article, and for some of them (by
    id) another form of the same question to use when the first draws a lint warning."""
    w = _Writer(facts)
    speakers = {q.speaker.label for q in facts.quotes if q.speaker}
    extra = [p.name for p in facts.people if p.name not in speakers]
    roles: dict[str, str] = {}  # capitalised -> normalised, each role once, in order
    counts: dict[str, int] = {}
    for p in facts.people:
        if p.role:
            norm = normalize_answer(p.role)
            roles.setdefault(_cap(p.role), norm)
            counts[norm] = counts.get(norm, 0) + 1
    shared = {r for r, n in counts.items() if n > 1}
    role_forms = list(roles.items())
    dates = _first_of_each(
        facts.dates, lambda d: (d.value or d.text.lower(), d.form == "relative" and d.text.lower())
    )
    figures = _first_of_each(
        facts.figures, lambda f: (f.value, f.qualifier, f.ordinal, f.unit.split(" ")[0].lower())
    )
    quotes = _first_of_each(
        [q for q in facts.quotes if q.speaker and _nameable(q.speaker, facts)],
        lambda q: (normalize_answer(q.text), q.speaker.label),
    )
    by_sentence: dict[int, dict[str, list]] = {}
    for name, items in (
        ("quotes", quotes),
        ("people", [p for p in facts.people if p.role]),
        ("blanks", dates + figures),
        ("places", list(facts.places)),
    ):
        for item in items:
            by_sentence.setdefault(item.sentence.index, {}).setdefault(name, []).append(item)
    for index in sorted(by_sentence):
        if len(w.questions) >= MAX_QUESTIONS:
            break
        group = by_sentence[index]
        for q in group.get("quotes", []):
            w.quote(q, extra)
        for p in group.get("people", []):
            w.person(p, role_forms, shared)
        blanks = sorted(group.get("blanks", []), key=lambda f: f.start)
        if blanks:
            w.blanks(blanks[0].sentence, blanks)
            continue
        for p in sorted(group.get("places", []), key=lambda p: p.start):
            if w.place(p):
                break
    return w.questions, w.alternatives
