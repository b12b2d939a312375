"""People with their roles, places and organisations, found from runs of capitalised words.

A person is a run of two to four name words with a role before it (``US Secretary of Defence
Mark Esper``, ``his South Korean counterpart Jeong Kyeong-doo``, ``the South's President Moon
Jae-in``), or a speaker named where a quotation is attributed. A place is a known country or
city, a name ending in a site word (``Demilitarized Zone``, ``Korean Peninsula``), or a name
right after ``in``/``at``/``near``. A name followed by ``newspaper``, ``agency``... or holding
a word like ``Daily``, ``Ministry`` is an organisation, never a person.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .facts import Person, Place, Sentence
from .lexicon import (
    CITIES,
    COUNTRIES,
    COUNTRY_ALIASES,
    EVENT_WORDS,
    MONTH_NAMES,
    ORG_NOUNS,
    ORG_WORDS,
    ROLE_NOUNS,
    SITE_WORDS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEEKDAYS,
)
from .scope import Scope

_TITLE_ABBREV = "|".join(sorted(w.capitalize() for w in TITLE_ABBREVIATIONS))
_TOKEN = (
    # a title written short, then an initial, only before a capitalised word: ``Gen.``,
    # ``Rear Adm.``, the ``W.`` of ``George W. Bush``
    rf"(?:(?:{_TITLE_ABBREV})\.(?=[ \t]+[A-Z])"
    r"|[A-Z]\.(?=[ \t]+(?!(?:The|A|An|In|On|At|But|And|He|She|It|They|We)\b)[A-Z][a-z])"
    r"|[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)*|'[A-Z][a-z]+|[A-Z]+(?:-[A-Z]{2,})*)"
    r"|[A-Z]\.(?:[A-Z]\.)+)"
)
CHAIN_RE = re.compile(
    rf"(?<![\w-]){_TOKEN}(?:(?:[ \t]+|[ \t]+of[ \t]+(?:the[ \t]+)?){_TOKEN})*"
    r"(?P<poss>['’]s\b|(?<=s)['’](?!\w))?"
)
_CAPITAL = re.compile("[A-Z]")
"""What every chain holds (see ``Scope.finditer``)."""
_SPACES_RE = re.compile(r"[ \t]+")
_SPACE_RE = re.compile(r"\s")
_WORD_CHAR_RE = re.compile(r"[\w'’-]")
"""A character of a word token (see ``_ROLE_TOKEN_RE``)."""
_NEXT_LOWER_RE = re.compile(r"[ \t]+([a-z]+)")
_ROLE_TOKEN_RE = re.compile(r"[\w'’-]+|[^\w\s]")
_LEADING = {
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "At",
    "In",
    "On",
    "For",
    "With",
    "From",
    "By",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Recent",
    "Then",
    "Meanwhile",
    "However",
    "Also",
    "Both",
    "Some",
}
_NOT_NAMES = {n.lower() for n in (*MONTH_NAMES, *WEEKDAYS)} | {"god", "i"}
_COMPASS = {
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Middle",
    "Central",
}
_PLACE_PREP_RE = re.compile(
    r"(?:\b(?:in|at|near|outside|from|to|of|across|around)[ \t]+"
    r"(?:the[ \t]+)?$)"
)
_SITE_LEAD_RE = re.compile(r"(?:^|\b(?:the|in|at|near|to|from|on|across|of|The))[ \t]*$")
"""What comes before a site's name (``the Demilitarized Zone``, ``at Cheorwon County``), so
that a company named ``Avanti West Coast`` is not a place."""
_ALL_PLACES = {**{c: c for c in COUNTRIES}, **{c: c for c in CITIES}, **COUNTRY_ALIASES}
_PLACE_KIND = {**{c: "country" for c in COUNTRIES}, **{c: "city" for c in CITIES}}
_MAX_PLACE_WORDS = max(len(p.split()) for p in _ALL_PLACES)


@dataclass(frozen=True, init=False)
class Chain:
    """A run of capitalised words within one sentence."""

    words: tuple[str, ...]
    start: int
    end: int
    possessive: bool
    sentence: Sentence

    def __init__(
        self, words: tuple[str, ...], start: int, end: int, possessive: bool, sentence: Sentence
    ) -> None:
        # as Sentence: one update of the fields, for the many names of a long text
        self.__dict__.update(
            words=words, start=start, end=end, possessive=possessive, sentence=sentence
        )

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class Names:
    """What the name rules found: people, places and organisations, with every mention."""

    people: list[Person] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    orgs: dict[str, int] = field(default_factory=dict)
    """Organisation name -> index of the sentence of its first mention."""
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(sentence index, offset, kind, label) of every mention, in order: kind is ``person``,
    ``org`` or ``place``."""

    index: dict[str, Person] = field(default_factory=dict)
    """Name or alias -> the first person known by it."""

    def add(self, person: Person) -> None:
        self.people.append(person)
        for key in (person.name, *person.aliases):
            self.index.setdefault(key, person)

    def person(self, name: str) -> Person | None:
        """The person ``name`` (or one of their aliases) stands for."""
        return self.index.get(name)


def chains(text: str, sentence: Sentence) -> list[Chain]:
    """Runs of capitalised words in ``sentence``; leading function words are dropped."""
    found = (
        _chain(text, m, sentence) for m in CHAIN_RE.finditer(text, sentence.start, sentence.end)
    )
    return [c for c in found if c is not None]


def _chain(text: str, m: re.Match, sentence: Sentence) -> Chain | None:
    """The chain a match of ``CHAIN_RE`` makes, without its leading function words."""
    raw = m.group()
    poss = m.group("poss")
    if poss:
        raw = raw[: -len(poss)]
    words = _SPACES_RE.split(raw)
    start = m.start()
    while words and words[0] in _LEADING:
        start += len(words[0])
        start = _skip_space(text, start)
        words = words[1:]
    if not words or words[0] in ("of", "the"):
        return None
    return Chain(tuple(words), start, m.start() + len(raw), bool(poss), sentence)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_LOWER_RE.match(text, pos, pos + 40)
    return m.group(1) if m else ""


@functools.lru_cache(maxsize=4096)
def place_in(words: tuple[str, ...]) -> tuple[int, int, str] | None:
    """(first, last, canonical name) of the longest known place among ``words``."""
    best = None
    for i in range(len(words)):
        for j in range(min(len(words), i + _MAX_PLACE_WORDS), i, -1):
            name = " ".join(words[i:j])
            if name in _ALL_PLACES and (best is None or j - i > best[1] - best[0]):
                best = (i, j, _ALL_PLACES[name])
                break
    return best


_INITIAL_RE = re.compile(r"[A-Z]\.")
_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


@functools.lru_cache(maxsize=4096)
def _title(word: str) -> bool:
    return word.lower().rstrip(".") in TITLE_WORDS


def _capitals(word: str) -> bool:
    """A word in capitals (an acronym), not an initial (``W.``) or a suffix (``III``)."""
    return word.isupper() and not _INITIAL_RE.fullmatch(word) and word not in _SUFFIXES


def _is_org(chain: Chain, next_word: str) -> bool:
    """Whether a chain names an organisation; ``next_word``: the lowercase word after it."""
    words = chain.words
    # a title then a name is a person, whatever the title holds: ``Army Col. Ned Woolfolk``,
    # ``Pentagon Press Secretary Navy Rear Adm. John Kirby``
    last_title = -1
    for i, w in enumerate(words):
        if _title(w):
            last_title = i
    if (
        0 <= last_title < len(words) - 1
        and not {w.lower() for w in words[last_title + 1 :]} & ORG_WORDS
    ):
        return False
    return not ORG_WORDS.isdisjoint(w.lower() for w in words) or next_word in ORG_NOUNS


_VERBS = "|".join(SPEECH_VERBS)
_SPEAKS_RE = re.compile(
    rf"(?:,[^.;:\"“”]{{1,80}}?,)?[ \t]+(?:has[ \t]+|had[ \t]+|also[ \t]+)?(?:{_VERBS})\b"
)
_SAID_BEFORE_RE = re.compile(rf"\b(?:{_VERBS})[ \t]+(?:[a-z]+[ \t]+){{0,3}}$")
_APPOSITIVE_RE = re.compile(
    r",[ \t]+(?:the|a|an)[ \t]+(?P<role>[^,.;:\"“”()]{2,60}?)[ \t]*(?=[,.;:]|$)"
)
_OWNERS = ("his", "her", "their")


_ROLE_WINDOW = 160
_ROLE_PEEK = 40
"""How far before a name its role is looked for (in characters): a role is a few words, and a
bounded look keeps a long sentence linear."""


def _left_start(text: str, chain: Chain, window: int) -> int:
    """Where ``_left`` starts: the sentence's start, or the first word's start within
    ``window`` characters before ``chain``."""
    start = chain.sentence.start
    if chain.start - start > window:
        space = _SPACE_RE.search(text, chain.start - window - 1, chain.start - 1)
        start = space.end() if space else chain.start
    return start


def _left(text: str, chain: Chain, window: int) -> str:
    """The sentence's text before ``chain``, at most ``window`` characters, from a word's
    start."""
    return text[_left_start(text, chain, window) : chain.start]


def _role_before(text: str, chain: Chain, name_first: int) -> tuple[str | None, str]:
    """The role written before a name (title words in the chain, then words to the left),
    and the word the role stopped at (``his`` in ``his South Korean counterpart``)."""
    start = _left_start(text, chain, _ROLE_WINDOW)
    before = _mark_before(text, chain, start)
    if before is not None:
        # nothing before the name, or a mark (",", ":", "("): no role words before it
        role_words = list(chain.words[:name_first])
        stop = text[before].lower() if before >= start else ""
        parts: tuple[str, ...] = ()
    else:
        left = text[start : chain.start]
        # Most names have no role: the words just before the name are read first, and the
        # whole window only when the role may run on past them.
        parts = (left[-_ROLE_PEEK:], left)
    for part in parts:
        role_words = list(chain.words[:name_first])
        tokens = _ROLE_TOKEN_RE.findall(part)
        stop, at = "", -1
        for at in range(len(tokens) - 1, -1, -1):
            tok = tokens[at]
            low = tok.lower()
            if low in ROLE_NOUNS or (tok[:1].isupper() and low not in ("the", "a", "an")):
                role_words.insert(0, tok)
                continue
            if low == "the" and role_words and role_words[0].endswith(("'s", "’s")):
                role_words.insert(0, tok)
            stop = low
            break
        else:
            at = -1
        if at >= 1 or len(part) == len(left):  # stopped at a whole word, or read it all
            break
    while role_words and role_words[-1] == "of":
        role_words.pop()
    if not _has_role_noun(role_words):
        return None, stop
    return " ".join(role_words), stop


def _has_role_noun(words: Iterable[str]) -> bool:
    return any(part in ROLE_NOUNS for w in words for part in w.lower().rstrip(".").split("-"))


_ROLE_APART_RE = re.compile(
    r"(?:^|[,;:(])[ \t]*(?:[Tt]he[ \t]+)?(?P<role>[^,;:()\"“”]{2,60}?),[ \t]*$"
)


def _role_apart(text: str, chain: Chain) -> str | None:
    """A role set off by commas before the name: ``The UN Secretary-General, Antonio
    Guterres, said``."""
    if text[chain.end : chain.end + 1] != ",":
        return None
    before = _ROLE_APART_RE.search(_left(text, chain, _ROLE_WINDOW))
    if before and _has_role_noun(before.group("role").split()):
        return before.group("role")
    return None


def _role_after(text: str, chain: Chain) -> str | None:
    """A role given after the name between commas: ``Tom Baker, the chief engineer, said``."""
    m = _APPOSITIVE_RE.match(text, chain.end, chain.sentence.end)
    if m and _has_role_noun(m.group("role").split()):
        return m.group("role")
    return None


_EVENT_OR_SITE = EVENT_WORDS | SITE_WORDS


def _person(text: str, chain: Chain, known: Names, *, speaker: Callable[[], bool]) -> Person | None:
    """The person a chain (not an organisation's name) names, if it names one.
    ``speaker()`` says whether the chain is the subject or object of a reporting verb (asked
    only when it matters: it costs a search)."""
    words = chain.words
    if len(words) == 1 and known.person(words[0]):
        return None
    tail = 0  # words after the name: "Mayor Tom Baker of Riverside"
    for k in range(1, len(words)):
        if words[k] == "of" and not _title(words[k - 1]):
            if any(_title(w) for w in words[:k]):
                tail, words = len(words) - k, words[:k]
                break
    first = len(words)
    while first > 0 and not _title(words[first - 1]):
        first -= 1
    name = words[first:]
    if not 1 <= len(name) <= 5 or chain.possessive and first == 0:
        return None
    if any(w.lower() in _NOT_NAMES or _capitals(w) for w in name) or place_in(name):
        return None
    role, stop = _role_before(text, chain, first)
    if role is None and any(w.lower() in _EVENT_OR_SITE for w in name):
        return None  # Central Park, Korean War; but Prime Minister Lena Park is a person
    if role is None and len(name) >= 2:
        role = _role_after(text, chain) or _role_apart(text, chain)
    if role is not None and stop in _OWNERS:
        last = known.people[-1] if known.people else None
        if last is not None and last.sentence.index == chain.sentence.index:
            role = f"{last.name}'s {role}"
    if role is None and (len(name) < 2 or not speaker()):
        return None
    full = " ".join(name)
    name_end = chain.end
    if tail:
        name_end = _word_spans(text, chain)[len(words) - tail - 1][1]
    name_start = name_end - len(full)
    core = [w for w in name if not _INITIAL_RE.fullmatch(w)]
    if len(core) > 1 and core[-1].rstrip(".") in _SUFFIXES:
        core.pop()
    short = " ".join(core[:1] + core[-1:]) if len(core) > 1 else ""
    aliases = tuple(dict.fromkeys(w for w in (core[0], core[-1], short) if w and w != full))
    return Person(full, role, chain.sentence, name_start, name_end, aliases)


def _word_spans(text: str, chain: Chain) -> list[tuple[int, int]]:
    """Where each word of a chain stands in the text."""
    spans, pos = [], chain.start
    for w in chain.words:
        start = text.find(w, pos, chain.end)
        spans.append((start, start + len(w)))
        pos = start + len(w)
    return spans


_NOT_PLACE_WORDS = _NOT_NAMES | EVENT_WORDS | TITLE_WORDS


def _place(text: str, chain: Chain, names: Names, nxt: str) -> list[tuple[str, str, int, int]]:
    """(name, kind, start, end) of the places a chain (not an organisation's name) names;
    ``nxt``: the lowercase word after it."""
    words = chain.words
    before = text[max(chain.sentence.start, chain.start - 16) : chain.start]
    if nxt in SITE_WORDS or (
        len(words) > 1
        and (words[-1].lower() in SITE_WORDS or (words[0].lower() in SITE_WORDS and "of" in words))
        and _SITE_LEAD_RE.search(before)
    ):
        return [(" ".join(words), "site", chain.start, chain.end)]
    if all(w in _COMPASS for w in words):
        return []
    found = []
    spans = None  # where each word stands, found when needed
    for i, w in enumerate(words):
        if "-" in w and w.split("-")[0].isupper():
            spans = spans or _word_spans(text, chain)
            offset = spans[i][0]
            for part in w.split("-"):
                if part in _ALL_PLACES:
                    found.append((_ALL_PLACES[part], "country", offset, offset + len(part)))
                offset += len(part) + 1
    hit = place_in(words)
    if hit:
        spans = spans or _word_spans(text, chain)
        first, last, canonical = hit
        kind = _PLACE_KIND.get(canonical, "country")
        found.append((canonical, kind, spans[first][0], spans[last - 1][1]))
        return found
    if found:
        return found
    if (
        _PLACE_PREP_RE.search(before)
        and not chain.possessive
        and len(words) <= 3
        and not names.person(words[0])
        and not any(w.lower() in _NOT_PLACE_WORDS for w in words)
        and not words[-1].endswith(("an", "ese", "ish"))
        and nxt not in ORG_NOUNS
        and (not nxt or nxt in SITE_WORDS or nxt in ("and", "or", "near", "on", "in"))
    ):
        return [(" ".join(words), "city", chain.start, chain.end)]
    return []


def _mark_before(text: str, chain: Chain, start: int) -> int | None:
    """Where the last character before ``chain`` (from ``start``, spaces left aside) stands
    when it is a mark such as ``,``, ``(`` or ``:``, ``start - 1`` when there is none, and
    None when it belongs to a word (a role word may stand there)."""
    before = chain.start - 1
    while before >= start and text[before].isspace():
        before -= 1
    if before >= start and (_WORD_CHAR_RE.match(text, before) or text[before].isupper()):
        return None
    return before


def _no_word_before(text: str, chain: Chain) -> bool:
    """True when nothing but spaces and marks stands between the start of the chain's
    sentence, or its last word, and the chain."""
    return _mark_before(text, chain, chain.sentence.start) is not None


def find_names(scope: Scope) -> Names:
    """People, places and organisations of the sentences of ``scope``, with their mentions in
    order.

    A name of two words or more that says something (``Keiko Ogura, 83, said``) or is named
    after a reporting verb (``said Keiko Ogura``) is a person even without a role.
    """
    text = scope.text
    names = Names()
    seen_places: set[str] = set()
    for sentence, m in scope.finditer(CHAIN_RE, _CAPITAL):
        chain = _chain(text, m, sentence)
        if chain is None:
            continue
        nxt = _next_word(text, chain.end)
        label = chain.text
        if _is_org(chain, nxt):
            org = label
            if org.endswith(("an", "ese", "ish")) and nxt:
                org = f"{org} {nxt}"
            names.orgs.setdefault(org, sentence.index)
            names.mentions.append((sentence.index, chain.start, "org", org))
            continue
        if label in names.orgs:
            names.mentions.append((sentence.index, chain.start, "org", label))
            continue
        if (
            len(chain.words) == 1
            and nxt not in SITE_WORDS
            and "-" not in label
            and (label.lower() in _NOT_NAMES or _no_word_before(text, chain))
            and not place_in(chain.words)
        ):
            # One word that is a month or a weekday ("June 25"), or that opens its sentence
            # or follows a mark ("Kim said", "(Seoul)"), has no role before it, so it names
            # no one new and no place: what _person and _place would find, at a fraction of
            # the cost in a text of many short sentences.
            known = names.person(label)  # unless someone is known by that name
            if known is not None:
                person = names.person(known.name)
                names.mentions.append(
                    (sentence.index, chain.start, "person", person.name if person else known.name)
                )
            continue

        def in_speaker(chain: Chain = chain, sentence: Sentence = sentence) -> bool:
            return bool(
                _SPEAKS_RE.match(text, chain.end, min(sentence.end, chain.end + _ROLE_WINDOW))
                or _SAID_BEFORE_RE.search(
                    text, max(sentence.start, chain.start - _ROLE_WINDOW), chain.start
                )
            )

        person = _person(text, chain, names, speaker=in_speaker)
        if person is not None and names.person(person.name) is None:
            names.add(person)
        known = person or names.person(label)
        if known is not None:
            names.mentions.append(
                (
                    sentence.index,
                    chain.start,
                    "person",
                    names.person(known.name).name if names.person(known.name) else known.name,
                )
            )
            continue
        for name, kind, s, e in _place(text, chain, names, nxt):
            names.mentions.append((sentence.index, s, "place", name))
            if name not in seen_places:
                seen_places.add(name)
                names.places.append(Place(name, kind, text[s:e], sentence, s, e))
    return names
