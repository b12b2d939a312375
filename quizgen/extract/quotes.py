"""Quotations and who said them.

Attribution forms: ``"...," X said`` and ``"...," said X``; ``X said in a joint statement``;
``X said: "..."``; a partial quotation inside reported speech (``relations "can turn into a
house of cards", the paper said``); ``it said`` / ``he said`` resolved to the most recent
fitting subject (``it``: an organisation, such as a newspaper named in the previous sentence);
``the statement read`` / ``the editorial read`` resolved to whoever issued that statement or
editorial; ``an editorial asserting ...`` and ``with the caption reading: ...`` to the
sentence's subject; ``adding: "..."`` to the clause's speaker; a second quotation with no
attribution to the quotation before it; a quotation continued in the next paragraph to the
same speaker. Quoted phrases of one or two words (scare quotes, titles) are not quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..text import normalize_space
from .clean import MAX_QUOTE_CHARS, Document
from .facts import Person, Quote, Sentence, Speaker
from .lexicon import DOCUMENTS, PARTICIPLE_VERBS, SPEECH_VERBS, TITLE_EXPANSIONS, TITLE_WORDS
from .names import Names, chains

_VERB_RE = re.compile(r"\b(?P<verb>" + "|".join(SPEECH_VERBS + PARTICIPLE_VERBS) + r")\b")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,.;:Q]{2,80})")
_DOC_AFTER_RE = re.compile(
    r"[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?:in|on)[ \t]+(?:a|an|the|its|his|her|"
    r"their)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?P<doc>" + "|".join(DOCUMENTS) + r")\b"
)
_NP_AFTER_RE = re.compile(
    r"[ \t]+(?P<np>(?:(?:the|a|an|his|her|its|their)[ \t]+)?(?:[a-z0-9][\w-]*[ \t]+){0,3}?"
    r"[A-Z][\w'’.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’.-]*)*"
    r"|(?:the|a|an|his|her|its|their)[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2}(?=[,.;:]|$))"
)
_LEAD_WORDS = re.compile(r"^(?:(?:and|but|including|with|while|as|in|which|who)\s+)+", re.I)
_PRONOUNS = {"it", "he", "she", "they", "we", "i"}
_MIN_WORDS = 3


@dataclass(frozen=True)
class _Clause:
    verb_start: int
    verb_end: int
    np: str
    np_start: int
    participle: bool
    doc: str | None


def _mask(text: str, sentence: Sentence, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text[sentence.start : sentence.end])
    for o, c in spans:
        for i in range(max(o, sentence.start), min(c + 1, sentence.end)):
            chars[i - sentence.start] = "Q"
    return "".join(chars)


_ASIDE_RE = re.compile(r"\s*(?:who|which|whose|aged?|now|then|\d[\d.]*\s*(?:,|$))", re.I)


_APPOSITION_RE = re.compile(r"\s*(?:a|an|the)\s+[a-z][\w'’ -]*$")
_NAME_RE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}")


def _np_before(left: str) -> tuple[str, int]:
    """The words before a reporting verb back to the clause's start, stepping back over
    asides between commas (``Keiko Ogura, 83, who was 8 at the time, said``)."""
    end = len(left)
    for _ in range(4):
        cut = max(left.rfind(ch, 0, end) for ch in ",;:(—Q")
        segment = left[cut + 1 : end]
        if segment.strip() and not _ASIDE_RE.match(segment):
            if cut > 0 and left[cut] == "," and _APPOSITION_RE.match(segment):
                # "Ana Souza, a farmer, said": the name, not its description
                before = max(left.rfind(ch, 0, cut) for ch in ",;:(—Q")
                name = left[before + 1 : cut]
                if _NAME_RE.fullmatch(name.strip()):
                    return name, before + 1
            return segment, cut + 1
        if cut < 0 or left[cut] != ",":
            break
        end = cut
    cut = max(left.rfind(ch) for ch in ",;:(—Q")
    return left[cut + 1 :], cut + 1


def _clauses(masked: str, base: int) -> list[_Clause]:
    out = []
    for m in _VERB_RE.finditer(masked):
        verb = m.group("verb")
        participle = verb in PARTICIPLE_VERBS
        left = masked[: m.start()]
        np, np_start = (
            _np_before(left)
            if not participle
            else (
                left[max(left.rfind(ch) for ch in ",;:(—Q") + 1 :],
                max(left.rfind(ch) for ch in ",;:(—Q") + 1,
            )
        )
        stripped = _LEAD_WORDS.sub("", np.strip())
        np_start += len(np) - len(np.lstrip()) + (len(np.strip()) - len(stripped))
        np = stripped.strip()
        if len(np.split()) > 16:
            continue
        doc = None
        if not participle:
            d = _DOC_AFTER_RE.match(masked, m.end())
            doc = d.group("doc") if d else None
            if not np:
                after = _NP_AFTER_RE.match(masked, m.end())
                if after:
                    np, np_start = after.group("np"), after.start("np")
        if not np and not participle:
            continue
        out.append(_Clause(base + m.start(), base + m.end(), np, base + np_start, participle, doc))
    for m in _ACCORDING_RE.finditer(masked):
        np = m.group("np").strip()
        out.append(
            _Clause(base + m.start(), base + m.start(), np, base + m.start("np"), False, None)
        )
    return out


@dataclass
class _Context:
    """What attribution remembers while it reads the article in order."""

    text: str
    names: Names
    history: list[tuple[int, Speaker]]
    docs: dict[str, Speaker]

    def __post_init__(self) -> None:
        self.place_starts = {m[1] for m in self.names.mentions if m[2] == "place"}
        self.org_heads: dict[str, str] = {}
        for org in self.names.orgs:
            self.org_heads.setdefault(org.rsplit(" ", 1)[0], org)
        # A sentence's subject is looked for once: a sentence of many quotations asks for it
        # once per quotation.
        self._subjects: dict[int, Speaker | None] = {}

    def _person_in(self, words: Sequence[str]) -> Person | None:
        """The person a run of name words ends with (``Secretary Mark Esper``), or stands
        for as a whole (an alias, ``Esper``)."""
        for k in range(len(words)):
            suffix = " ".join(words[k:])
            p = self.names.person(suffix)
            if p is not None and p.name == suffix:
                return p
        return self.names.person(" ".join(words))

    def pronoun(self, word: str, sentence: int) -> Speaker | None:
        kinds = {
            "it": ("org", "place"),
            "he": ("person",),
            "she": ("person",),
            "i": ("person",),
        }.get(word, ("people", "org", "other"))
        for kind in kinds:
            for i, speaker in reversed(self.history):
                if sentence - i > 5:
                    break
                if i < sentence and speaker.kind == kind:
                    return speaker
        return None

    def titled(self, head: str, sentence: int) -> Speaker | None:
        """The person last mentioned whose role holds ``head`` (``the secretary`` after
        ``Defense Secretary Ann Roe``; ``the colonel`` after ``Col. Ned Roe``)."""
        if head not in TITLE_WORDS:
            return None
        for i, speaker in reversed(self.history):
            if sentence - i > 30:
                break
            if speaker.kind != "person":
                continue
            person = self.names.person(speaker.label)
            if person is None or not person.role:
                continue
            words = re.findall(r"[\w.'’-]+", person.role)
            if any(_title_key(w) == head for w in words):
                return Speaker(person.name, "person", person.name)
        return None

    def named(self, start: int, end: int, sentence: Sentence) -> Speaker | None:
        """The speaker a stretch of article text names, if it names one."""
        phrase = self.text[start:end].strip()
        span = Sentence(sentence.index, phrase, start, end, sentence.paragraph)
        found = chains(self.text, span)
        people = []
        for chain in found:
            p = self._person_in(chain.words)
            if p is not None and p.name not in people:
                people.append(p.name)
        if people:
            kind = "person" if len(people) == 1 else "people"
            return Speaker(" and ".join(people), kind, phrase)
        for chain in found:
            if chain.text in self.names.orgs:
                return Speaker(chain.text, "org", phrase)
        for chain in found:
            org = self.org_heads.get(chain.text)
            if org is not None and not chain.possessive:
                return Speaker(org, "org", phrase)
        places = [c for c in found if any(p in self.place_starts for p in range(c.start, c.end))]
        if found and len(places) == len(found):
            label = re.sub(r"^[Tt]he\s+", "", phrase)
            return Speaker(label, "place", phrase)
        if len(found) == 1 and len(found[0].words) >= 2 and not found[0].possessive:
            return Speaker(found[0].text, "person", phrase)
        return None

    def subject(self, sentence: Sentence) -> Speaker | None:
        """Who a sentence is about: its leading names, else the first name in it."""
        if sentence.start not in self._subjects:
            self._subjects[sentence.start] = self._subject(sentence)
        return self._subjects[sentence.start]

    def _subject(self, sentence: Sentence) -> Speaker | None:
        found = chains(self.text, sentence)
        if not found:
            return None
        lead = re.match(
            r"\s*(?:(?:But|And|Yet|So|However|Meanwhile),?\s+)?(?:[Tt]he\s+)?", sentence.text
        ).end()
        start = sentence.start + lead
        if found[0].start == start:
            end = found[0].end
            for chain in found[1:]:
                if re.fullmatch(r"\s+and\s+(?:the\s+)?", self.text[end : chain.start]):
                    end = chain.end
                else:
                    break
            speaker = self.named(start, end, sentence)
            if speaker:
                return speaker
        for kind in ("org", "person", "place"):
            for chain in found:
                speaker = self.named(chain.start, chain.end, sentence)
                if speaker and speaker.kind.startswith(kind[:4]):
                    return speaker
        return None


_TITLE_NP_RE = re.compile(
    r"(?P<det>[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir)\s+(?:[a-z-]+\s+){0,3}(?P<head>[a-z-]+)"
)


def _title_key(word: str) -> str:
    low = word.lower().rstrip(".")
    return TITLE_EXPANSIONS.get(low, low)


def _resolve(clause: _Clause, sentence: Sentence, ctx: _Context) -> tuple[Speaker | None, str]:
    np = clause.np
    words = re.findall(r"[\w'’-]+", np)
    if not words:
        return None, "none"
    low = np.lower()
    if low in _PRONOUNS:
        found = ctx.pronoun(low, sentence.index)
        return (replace(found, phrase=np) if found else None), f"pronoun '{low}'"
    head = words[-1].lower()
    if head in DOCUMENTS:
        owner_end = clause.np_start + np.lower().rfind(head)
        owner = ctx.named(clause.np_start, owner_end, sentence)
        if owner is not None:
            return owner, f"the {head}'s owner"
        if words[0].lower() not in ("a", "an") and head in ctx.docs:
            return replace(ctx.docs[head], phrase=np), f"the {head} named before"
        subject = ctx.subject(sentence)
        if subject is not None:
            ctx.docs[head] = subject
            subject = replace(subject, phrase=np)
        return subject, f"the sentence's subject issued the {head}"
    title = _TITLE_NP_RE.fullmatch(np)
    if title and title.group("det").lower() in ("the", "our", "their"):
        found = ctx.titled(title.group("head").lower(), sentence.index)
        if found is None:
            return None, f"'{np}' names no one the article introduced with that title"
        return replace(found, phrase=np), f"'{np}' is the last person with that title"
    speaker = ctx.named(clause.np_start, clause.np_start + len(np), sentence)
    if speaker is None:
        label = re.sub(r"^(?:But|And)\s+", "", np)
        if re.fullmatch(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+[a-z][\w\s'’-]*", label):
            return None, f"'{np}' is not named"  # "the official": no one to name in full
        speaker = Speaker(label, "other", np)
    if clause.doc:
        ctx.docs[clause.doc] = speaker
    return speaker, "attributed in the sentence"


def _pick(clauses: list[_Clause], open_: int, close: int) -> _Clause | None:
    best, best_d = None, None
    for c in clauses:
        if c.verb_start >= close:
            d = min(c.np_start, c.verb_start) - close
        elif c.verb_end <= open_:
            d = open_ - c.verb_end
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best


def _clean_quote(text: str) -> str:
    return text.strip().rstrip(",").strip()


def _attributed(
    text: str, sentence: Sentence, spans: list[tuple[int, int]], ctx: _Context
) -> dict[int, tuple[Speaker | None, str]]:
    """Opening offset -> (speaker, rule) for the quotations the sentence attributes."""
    clauses = _clauses(_mask(text, sentence, spans), sentence.start)
    picked = {o: _pick(clauses, o, c) for o, c in spans}
    resolved: dict[int, tuple[Speaker | None, str]] = {}
    for o, clause in picked.items():
        if clause is not None and not (clause.participle and not clause.np):
            resolved[o] = _resolve(clause, sentence, ctx)
    for o, clause in picked.items():
        if clause is not None and clause.participle and not clause.np:
            # "..., adding: "..."": the speaker of the clause it continues
            others = [v for v in resolved.values() if v[0] is not None]
            resolved[o] = (others[-1][0], "continues the clause") if others else (None, "none")
    return resolved


def find_quotes(doc: Document, names: Names) -> list[Quote]:
    """Every quotation of ``doc`` with its speaker, in order of appearance."""
    text = doc.text
    ctx = _Context(text, names, [], {})
    mentions = sorted(names.mentions)
    mi = 0
    out: list[Quote] = []
    before: list[Quote] = []  # the previous paragraph's quotations
    by_paragraph: dict[int, list[Sentence]] = {}
    for s in doc.sentences:
        if s.paragraph in doc.quotes:
            by_paragraph.setdefault(s.paragraph, []).append(s)
    previous = None
    for index in sorted(doc.quotes):  # the paragraphs that hold a quotation mark
        para = doc.paragraphs[index]
        if previous is None or index != previous + 1:
            before = []  # the previous paragraph holds no quotation
        previous = index
        spans = sorted(doc.quotes[index])
        starts = [o for o, _ in spans]
        continuing = bool(before) and before[-1].continued
        quotes: list[Quote] = []
        for sentence in by_paragraph.get(para.index, []):
            while mi < len(mentions) and mentions[mi][0] < sentence.index:
                _, _, kind, label = mentions[mi]
                ctx.history.append((mentions[mi][0], Speaker(label, kind, label)))
                mi += 1
            # The spans that open in this sentence, found by bisection: a paragraph of many
            # sentences and quotations costs no more than reading each once.
            first = bisect_left(starts, sentence.start)
            last = bisect_left(starts, sentence.end, first)
            inside = [(o, c) for o, c in spans[first:last] if c - o <= MAX_QUOTE_CHARS]
            resolved = _attributed(text, sentence, inside, ctx) if inside else {}
            for o, c in inside:
                content = _clean_quote(text[o + 1 : c])
                # A quotation of one or two words is a title or scare quotes, unless it is a
                # whole clause a reporting verb attributes ("It's fine," she said).
                whole = o == sentence.start and text[c - 1 : c] in (",", "!", "?") and o in resolved
                if len(content.split()) < _MIN_WORDS and not whole:
                    continue
                intro = text[sentence.start : o].rstrip()[-1:]
                partial = o > sentence.start and intro != ":" and not content[:1].isupper()
                speaker, rule = resolved.get(o, (None, "none"))
                if speaker is None:
                    speaker, rule = _fallback(
                        o, sentence, quotes, before, continuing and o == para.start, ctx, partial
                    )
                doubt = _doubt(rule, speaker, sentence, ctx)
                closed = c < para.end
                quotes.append(
                    Quote(
                        content,
                        o + 1,
                        c if closed else para.end,
                        sentence,
                        speaker,
                        partial,
                        rule,
                        continued=not closed,
                        doubt=doubt,
                    )
                )
                if speaker is not None:
                    ctx.history.append((sentence.index, speaker))
        if quotes and continuing:
            _back_fill(out, before[-1], quotes[0])
        out.extend(quotes)
        before = quotes
    return out


def _fallback(
    open_: int,
    sentence: Sentence,
    para_quotes: list[Quote],
    prev_quotes: list[Quote],
    continuing: bool,
    ctx: _Context,
    partial: bool,
) -> tuple[Speaker | None, str]:
    if continuing and prev_quotes and prev_quotes[-1].speaker:
        return prev_quotes[-1].speaker, "continued from the previous paragraph"
    if para_quotes and para_quotes[-1].speaker:
        return para_quotes[-1].speaker, "same speaker as the quotation before"
    if open_ > sentence.start and partial:
        # a phrase quoted inside the sentence's own statement; a full quotation with no
        # reporting verb (a broadcast, a shout) has no stated speaker
        subject = ctx.subject(sentence)
        if subject is not None:
            return subject, "the sentence's subject"
    if prev_quotes and prev_quotes[-1].speaker and open_ == sentence.start:
        return prev_quotes[-1].speaker, "follows the previous paragraph's quotation"
    return None, "none"


def _doubt(rule: str, speaker: Speaker | None, sentence: Sentence, ctx: _Context) -> str | None:
    """Why a reader could take someone else for the speaker, or None."""
    if speaker is None:
        return None
    if rule.startswith("pronoun"):
        others = {
            s.label
            for i, s in ctx.history
            if sentence.index - i <= 2 and s.kind == speaker.kind and s.label != speaker.label
        }
        if others:
            names = " or ".join(sorted(others)[:2])
            return f"{rule}: read as {speaker.label}, but {names} is named just before"
        return None
    if rule in ("the sentence's subject", "follows the previous paragraph's quotation"):
        return f"no reporting verb: {speaker.label} is {rule}"
    if "is the last person with that title" in rule:
        return f"{rule}, {speaker.label}"
    return None


def _back_fill(out: list[Quote], before: Quote, after: Quote) -> None:
    """A quotation continued in the next paragraph: the later part's speaker names both."""
    if before.speaker is None and after.speaker is not None:
        for i in range(len(out) - 1, -1, -1):
            if out[i] is before:
                out[i] = replace(
                    before, speaker=after.speaker, rule="continued in the next paragraph"
                )
                break


_CLAIM_VERBS = (
    r"(?:puts|put|says|said|estimates|estimated|reports|reported|claims|claimed|"
    r"counts|counted|believes|told|tells|insists|insisted|warned|warns|added)"
)
_CLAIM_LEAD_RE = re.compile(
    r"\s*(?:According\s+to\s+(?P<acc>[^,;:\"“]{2,80}),"
    rf"|(?P<np>[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){{0,5}}?)[ \t]+{_CLAIM_VERBS}\b)"
)
_ACCORDING_TAIL_RE = re.compile(r",[ \t]+according[ \t]+to[ \t]+(?P<np>[^,;:\"“]{2,80}?)\.?$")
_CLAIM_TAIL_RE = re.compile(rf",[ \t]+(?P<np>[\w'’ -]{{2,60}}?)[ \t]+{_CLAIM_VERBS}\.?$")


def claim_attributions(doc: Document, quotes: Sequence[Quote]) -> dict[int, str]:
    """Sentence index -> who its claim is attributed to, for sentences that say so
    (``According to X, ...``, ``X puts/says/estimates ...``, ``..., X said.``)."""
    quoted = {q.sentence.index for q in quotes}
    out: dict[int, str] = {}
    for s in doc.sentences:
        if s.index in quoted:
            continue
        m = _CLAIM_LEAD_RE.match(s.text)
        if m:
            who = m.group("acc") or m.group("np")
        else:
            m = _ACCORDING_TAIL_RE.search(s.text) or _CLAIM_TAIL_RE.search(s.text)
            who = m.group("np") if m else None
        if who and who.lower() not in _PRONOUNS:
            out[s.index] = normalize_space(who)
    return out
