"""Precision and recall of extraction against hand-made fact lists.

A hand-made fact is ``Expected(kind, text, value, near)``:

- ``date``: ``text`` as written (``June 25, 1950``, ``last week``), ``value`` the ISO-like
  value ``DateFact.value`` must have;
- ``figure``: the phrase as written (``more than 10 stories``), ``value`` the number;
- ``quote``: the first words of the quotation, ``value`` the speaker's label (a quotation
  found with another speaker counts as wrong: one false positive and one miss);
- ``person``: the name, ``value`` the role (or None when the article gives none);
- ``place``: the name.

``near`` (optional) is a few words of the fact's sentence, to tell apart facts written the
same way in several sentences (``Thursday``). Matching is one-to-one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from quizgen.extract.facts import Facts
from quizgen.text import normalize_answer, normalize_space

KINDS = ("date", "figure", "quote", "person", "place")

RESULTS: list[tuple[str, dict[str, Score]]] = []
"""Every table scored in this test run, shown in pytest's terminal summary."""


@dataclass(frozen=True)
class Expected:
    kind: str
    text: str
    value: object = None
    near: str | None = None


@dataclass(frozen=True)
class Found:
    kind: str
    text: str
    value: object
    sentence: str


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def found_facts(facts: Facts) -> list[Found]:
    """The extracted facts in the comparable form."""
    out = [Found("date", d.text, d.value, d.sentence.text) for d in facts.dates]
    out += [Found("figure", f.text, f.value, f.sentence.text) for f in facts.figures]
    out += [
        Found("quote", q.text, q.speaker.label if q.speaker else None, q.sentence.text)
        for q in facts.quotes
    ]
    out += [Found("person", p.name, p.role, p.sentence.text) for p in facts.people]
    out += [Found("place", p.name, None, p.sentence.text) for p in facts.places]
    return out


def _matches(e: Expected, f: Found) -> bool:
    if e.kind != f.kind:
        return False
    if e.near is not None and normalize_space(e.near) not in normalize_space(f.sentence):
        return False
    if e.kind == "quote":
        if not normalize_answer(f.text).startswith(normalize_answer(e.text)):
            return False
        return f.value is not None and normalize_answer(f.value) == normalize_answer(e.value)
    if normalize_space(e.text).lower() != normalize_space(f.text).lower():
        return False
    if e.kind == "figure":
        return Decimal(str(e.value)) == f.value
    if e.kind in ("date", "person"):
        return e.value == f.value
    return True


def score(expected: list[Expected], facts: Facts) -> dict[str, Score]:
    """Per-kind scores (and ``all``) of ``facts`` against ``expected``."""
    found = found_facts(facts)
    used = [False] * len(found)
    scores = {k: Score() for k in (*KINDS, "all")}
    for e in expected:
        for i, f in enumerate(found):
            if not used[i] and _matches(e, f):
                used[i] = True
                scores[e.kind].tp += 1
                break
        else:
            scores[e.kind].fn += 1
            scores[e.kind].missed.append(e)
    for i, f in enumerate(found):
        if not used[i]:
            scores[f.kind].fp += 1
            scores[f.kind].extra.append(f)
    total = scores["all"]
    for k in KINDS:
        total.tp += scores[k].tp
        total.fp += scores[k].fp
        total.fn += scores[k].fn
    return scores


def table(title: str, scores: dict[str, Score]) -> str:
    """A plain-text table of per-kind precision and recall."""
    lines = [
        title,
        f"  {'kind':<8} {'found':>5} {'right':>5} {'missed':>6} {'precision':>9} {'recall':>7}",
    ]
    for kind in (*KINDS, "all"):
        s = scores[kind]
        lines.append(
            f"  {kind:<8} {s.tp + s.fp:>5} {s.tp:>5} {s.fn:>6} {s.precision:>9.1%} {s.recall:>7.1%}"
        )
    return "\n".join(lines)


def report(title: str, scores: dict[str, Score]) -> str:
    """Print the table (``pytest -s`` shows it), keep it for the run's summary, return it."""
    text = table(title, scores)
    details = []
    for kind in KINDS:
        for e in scores[kind].missed:
            details.append(f"  missed {kind}: {e.text!r} ({e.value!r})")
        for f in scores[kind].extra:
            details.append(f"  extra  {kind}: {f.text!r} ({f.value!r})")
    text = "\n".join([text, *details])
    print("\n" + text)
    RESULTS.append((title, scores))
    return text
