"""The sentences of an article, searched as one text.

A rule's pattern is run once over the whole article rather than once per sentence: a long
article of short sentences costs one search per pattern, not one per sentence and pattern.
The text searched is the article with every character outside a kept sentence replaced by
NUL, which no sentence holds (a sentence with control characters is left out), so a match
that stays inside one sentence is the match a search of that sentence alone finds.

That holds for patterns whose lookarounds at a sentence's edges cannot tell NUL from what a
search bounded by the sentence sees there: before a sentence, the space that separates it
(a lookbehind for a word character, a digit or punctuation sees neither in both); after it,
the end of the search (a lookahead fails on NUL as at the end, or a negative one holds). Every
pattern the rules search this way is checked against the per-sentence search in the tests.
A match that runs across a NUL, and a sentence not preceded by a space, are searched again
sentence by sentence, so the results are the same in every case.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from .facts import Sentence

_GAP = "\x00"
_MAX_GAP = 64
"""Sentences further apart are searched in separate runs, so long stretches of skipped text
(a run of dots, a long credit) are not searched at all."""
_AHEAD = 2048
"""With a trigger, the sentences starting this close after one it finds are searched with
it, unasked: text dense with triggers is read in a few long runs."""


class Scope:
    """``text`` and its ``sentences`` (spans in order, not overlapping)."""

    def __init__(self, text: str, sentences: Iterable[Sentence]) -> None:
        self.text = text
        self.sentences = tuple(sentences)
        self._starts = [s.start for s in self.sentences]
        self._ends = [s.end for s in self.sentences]
        self._run_cache: dict[re.Pattern | None, list[tuple[int, int]]] = {}
        self._alone: set[int] = set()
        """Sentences always searched alone: not preceded by a space (or the start)."""
        pieces: list[str] = []
        pos = 0
        ordered = True
        for k, s in enumerate(self.sentences):
            if s.start < pos or s.end < s.start:
                ordered = False
                break
            if s.start > 0 and not text[s.start - 1].isspace():
                self._alone.add(k)
            pieces.append(_GAP * (s.start - pos))
            pieces.append(text[s.start : s.end])
            pos = s.end
        pieces.append(_GAP * (len(text) - pos))
        self.masked: str | None = "".join(pieces) if ordered and _GAP not in text else None
        """The text searched, or None when it cannot be made (then every sentence is
        searched alone)."""
        self._trigger_text = self.masked
        """The text triggers are looked for in (see ``hiding``)."""

    def hiding(self, spans: Iterable[tuple[int, int]]) -> Scope:
        """This scope with triggers not looked for inside ``spans``: for a rule whose matches
        there do not count (a figure inside a date), a sentence whose only trigger lies in
        them is not searched."""
        other = copy.copy(self)
        other._run_cache = {}
        if self._trigger_text is not None:
            pieces, pos = [], 0
            for start, end in sorted(spans):
                start = max(start, pos)
                if end > start:
                    pieces += [self._trigger_text[pos:start], _GAP * (end - start)]
                    pos = end
            pieces.append(self._trigger_text[pos:])
            other._trigger_text = "".join(pieces)
        return other

    def finditer(
        self, pattern: re.Pattern, trigger: re.Pattern | None = None
    ) -> list[tuple[Sentence, re.Match]]:
        """``(sentence, match)`` for every match of ``pattern`` in each sentence, in order:
        what ``pattern.finditer(text, sentence.start, sentence.end)`` gives for each.

        ``trigger``: a quick pattern that every sentence with a match of ``pattern`` also
        matches (a digit, a key word): only those sentences are searched."""
        sentences = self.sentences
        if self.masked is None:
            return [(s, m) for s in sentences for m in pattern.finditer(self.text, s.start, s.end)]
        starts, ends = self._starts, self._ends
        n = len(sentences)
        found: list[tuple[Sentence, re.Match]] = []
        keys: list[int] = []  # the index of each found match's sentence
        alone = set(self._alone)
        for start, end in self._runs(trigger):
            for m in pattern.finditer(self.masked, start, end):
                a, b = m.span()
                k = bisect_left(ends, b)  # the first sentence ending at or after the match
                if k < n and starts[k] <= a < b:
                    found.append((sentences[k], m))
                    keys.append(k)
                    continue
                # Across a gap (or empty): every sentence the match touches is searched alone.
                j = bisect_left(ends, a)
                while j < n and starts[j] <= b:
                    alone.add(j)
                    j += 1
        if not alone:
            return found
        out: list[tuple[Sentence, re.Match]] = []
        i = 0
        for k in sorted(alone):
            while i < len(found) and keys[i] < k:
                out.append(found[i])
                i += 1
            while i < len(found) and keys[i] == k:
                i += 1
            s = sentences[k]
            out.extend((s, m) for m in pattern.finditer(self.text, s.start, s.end))
        out.extend(found[i:])
        return out

    def _runs(self, trigger: re.Pattern | None) -> list[tuple[int, int]]:
        """Stretches of the masked text to search: runs of sentences, a long gap between two
        sentences ending a run. With a ``trigger``, only the sentences it finds, each with
        those that start within ``_AHEAD`` characters after it (searching a sentence that
        holds no match is harmless, and text dense with triggers is read in few steps)."""
        if trigger in self._run_cache:
            return self._run_cache[trigger]
        sentences, starts, ends = self.sentences, self._starts, self._ends
        n = len(sentences)
        blocks: list[tuple[int, int]] = []  # (first, last) sentence indices
        if trigger is None:
            blocks = [(k, k) for k in range(n)]
        else:
            pos = 0
            search = trigger.search
            while m := search(self._trigger_text, pos):
                k = bisect_right(ends, m.start())  # the first sentence ending after it
                if k >= n or starts[k] > m.start():
                    pos = m.start() + 1  # in a gap: cannot be, as gaps are NUL
                    continue
                last = max(k, bisect_left(starts, ends[k] + _AHEAD) - 1)
                blocks.append((k, last))
                pos = ends[last]
        runs: list[tuple[int, int]] = []
        for first, last in blocks:
            if runs and starts[first] - runs[-1][1] <= _MAX_GAP:
                runs[-1] = (runs[-1][0], ends[last])  # what lies between is searched too
            else:
                runs.append((starts[first], ends[last]))
        self._run_cache[trigger] = runs
        return runs


_CASE_VARIANTS = "\u0130\u0131\u212a\u017f"
"""The characters besides a letter's two cases that match it when case is ignored (``İ``,
``ı``, the Kelvin sign, the long ``s``)."""


def _first_letters(word: str) -> str:
    letter = word[0]
    found = {letter.lower(), letter.upper()}
    found.update(c for c in _CASE_VARIANTS if re.fullmatch(re.escape(letter), c, re.IGNORECASE))
    return "".join(sorted(found))


def keywords(
    *words: str, digits: bool = False, tails: Iterable[tuple[str, str]] = ()
) -> re.Pattern:
    """A quick trigger for ``Scope.finditer``: finds any of ``words`` in any case (also
    inside a longer word), with ``digits`` any digit, and for each ``(characters, behind)``
    of ``tails`` one of ``characters`` where the fixed-width pattern ``behind`` ends
    (``("mM", "[aApP][mM]")`` finds ``am`` and ``PM``).

    It starts with the set of the words' first letters (and of the tails' characters), which
    the regular-expression engine skips to in one sweep, instead of trying a word list at
    every character."""
    firsts = {"\\d"} if digits else set()
    branches = [r"(?<=\d)"] if digits else []
    for characters, behind in tails:
        firsts.add(re.escape(characters))
        branches.append(f"(?<={behind})")
    for word in sorted(set(words)):
        letters = re.escape(_first_letters(word))
        firsts.add(letters)
        branches.append(rf"(?<=[{letters}])(?i:{re.escape(word[1:])})")
    return re.compile("[" + "".join(sorted(firsts)) + "](?:" + "|".join(branches) + ")")


DIGIT = re.compile(r"\d")
"""The trigger of patterns that match only with a digit."""
