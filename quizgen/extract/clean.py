"""Article text -> paragraphs and sentences, leaving out what is not article text.

Skipped: a photo caption's repeated copy with its agency credit (``... AFP / STAFF``), credits
at the end of a caption line, bylines (``By Jane Doe``), datelines (``SEOUL (AFP) -``) and a
headline line (kept as the title). A caption itself is kept once, marked as a caption.
Every kept sentence is an exact span of the text, so questions can quote it verbatim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .facts import Sentence, Skipped
from .lexicon import ABBREVIATIONS

_TERMINAL = tuple('.!?"”’):;…')
_AGENCY = r"[A-Z][A-Z0-9&.'-]+(?:\s+[A-Z][A-Z0-9&.'-]+){0,3}"
_AGENCY_LOOSE = r"[A-Z][A-Za-z0-9&.'-]+(?:\s+[A-Z][A-Za-z0-9&.'-]+){0,3}"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
CREDIT_RE = re.compile(rf"\s+({_AGENCY}\s*/\s*{_NAME})\s*$")
"""An agency credit ending a caption line: ``AFP / Jung Yeon-je``, ``NATIONAL ARCHIVES /
Handout``."""
_LOOSE_CREDIT_RE = re.compile(
    rf"^(?:{_AGENCY_LOOSE}\s*/\s*{_NAME}|(?:Photo|Photograph|Picture|"
    rf"Image|Credit|Source)s?\s*:\s*.{{1,80}}|\(?{_AGENCY}\)?)$"
)
_LABEL_CREDIT_RE = re.compile(
    r"\s*[(\[]?(?:Photo|Photograph|Picture|Image|Credit)s?\s*:\s*"
    r"[^.()\[\]]{1,80}[)\]]?\s*$"
)
_BYLINE_RE = re.compile(
    r"^\s*(?:By|BY|Written by|Reporting by)\s+[A-Z][\w.'’-]*"
    r"(?:[\s,]+(?:and\s+)?[A-Z][\w.'’/-]*){0,8}\s*$"
)
_META_RE = re.compile(r"^\s*(?:Published|Updated|Posted|Last updated)\b.{0,80}$", re.I)
_DATELINE_RE = re.compile(
    r"\s*(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,3}\s*\([A-Za-z][\w .&-]{0,30}\)\s*[-–—:]+"
    r"|[A-Z][A-Z.'-]{2,}(?:[ ,]+[A-Z][A-Z.'-]+){0,2}\s*[-–—]+)\s+"
)
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Characters a bank cannot hold (the loader refuses them): sentences with them are left out."""
_WORD_BEFORE_DOT_RE = re.compile(r"(?<!\w)([A-Za-z.]+)\.$")
_QUOTE_MARK_RE = re.compile('["“”‘’]')


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of kept text: ``text[start:end]`` of the article."""

    index: int
    start: int
    end: int
    caption: bool = False


@dataclass(frozen=True)
class Document:
    """The article cut into kept paragraphs and sentences, and what was left out."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    skipped: tuple[Skipped, ...]
    headline: str | None


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotations in ``text[start:end]``.

    ``close`` is the offset of the closing mark, or ``end`` when the quotation is still open
    at the end (it runs on into the next paragraph). Straight and curly double quotes pair up;
    a curly single quote opens a quotation only after a space and closes only before a
    non-letter, so apostrophes (``heroes’``, ``it’s``) are left alone.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single = False
    for m in _QUOTE_MARK_RE.finditer(text, start, end):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in "‘’":
            if open_at is None and ch == "‘" and not before.isalnum():
                open_at, single = i, True
            elif single and ch == "’" and not after.isalpha():
                spans.append((open_at, i))
                open_at, single = None, False
            continue
        if single:
            continue
        if open_at is None:
            if ch != "”":
                open_at = i
        elif ch != "“":
            spans.append((open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _repeat_tail(first: str, second: str) -> str | None:
    """The credit that ``second`` adds to ``first``, when ``second`` repeats it (else None)."""
    a, b = first.strip(), second.strip()
    if not a or not b.startswith(a):
        return None
    tail = b[len(a) :].strip()
    if not tail:
        return ""
    if len(tail.split()) <= 8 and _LOOSE_CREDIT_RE.match(tail):
        return tail
    return None


def _credit_start(text: str, start: int, end: int) -> int | None:
    """Where a credit ending the line ``text[start:end]`` begins, if it ends with one."""
    line = text[start:end]
    m = CREDIT_RE.search(line) or _LABEL_CREDIT_RE.search(line)
    if m and m.start() > 0:
        return start + m.start()
    return None


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    blocks: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        s, e = _strip_span(text, start, end)
        if s == e:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((s, e))
    return [b for b in blocks if b]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[start:end]``; never splits inside a quotation."""
    spans = quote_spans(text, start, end)
    out, pos = [], start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        cut = m.end()
        if any(o < cut <= c for o, c in spans):
            continue
        before = text[max(start, m.start() - 12) : m.start() + 1]
        word = _WORD_BEFORE_DOT_RE.search(before)
        if word and m.group().startswith(".") and not m.group().startswith(".."):
            token = word.group(1).lower().rstrip(".")
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        s, e = _strip_span(text, pos, cut)
        if s < e:
            out.append((s, e))
        pos = cut
    s, e = _strip_span(text, pos, end)
    if s < e:
        out.append((s, e))
    return out


def segment(text: str) -> Document:
    """Cut ``text`` into kept paragraphs and sentences; note every skipped span and why."""
    skipped: list[Skipped] = []
    kept: list[tuple[int, int, bool]] = []
    headline = None
    blocks = _blocks(text)

    def skip(s: int, e: int, reason: str) -> None:
        skipped.append(Skipped(text[s:e], s, e, reason))

    for bi, block in enumerate(blocks):
        i = 0
        while i < len(block):
            s, e = block[i]
            line = text[s:e]
            if bi < 3 and (_BYLINE_RE.match(line) or _META_RE.match(line)):
                skip(s, e, "byline" if _BYLINE_RE.match(line) else "dateline")
                i += 1
                continue
            if (
                bi == 0
                and not _CONTROL_RE.search(line)
                and len(block) == 1
                and len(blocks) > 1
                and headline is None
                and not line.endswith(_TERMINAL)
                and len(line.split()) <= 20
            ):
                headline = line
                skip(s, e, "headline")
                i += 1
                continue
            if i + 1 < len(block):
                tail = _repeat_tail(line, text[block[i + 1][0] : block[i + 1][1]])
                if tail is not None:
                    kept.append((s, e, bool(tail)))
                    skip(
                        *block[i + 1],
                        "repeated caption" + (f" with credit '{tail}'" if tail else ""),
                    )
                    i += 2
                    continue
            credit = _credit_start(text, s, e)
            if credit is not None:
                skip(*_strip_span(text, credit, e), "credit")
                kept.append((s, _strip_span(text, s, credit)[1], True))
                i += 1
                continue
            # Body lines: a line that does not end a sentence runs on (hard-wrapped text).
            j = i
            while (
                j + 1 < len(block)
                and not text[block[j][0] : block[j][1]].endswith(_TERMINAL)
                and _repeat_tail(
                    text[block[j + 1][0] : block[j + 1][1]],
                    text[block[j + 2][0] : block[j + 2][1]] if j + 2 < len(block) else "",
                )
                is None
            ):
                j += 1
            kept.append((s, block[j][1], False))
            i = j + 1

    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for s, e, caption in kept:
        if not paragraphs:
            m = _DATELINE_RE.match(text, s, e)
            if m and not caption and m.end() < e:
                skip(s, m.end(), "dateline")
                s = m.end()
        index = len(paragraphs)
        paragraphs.append(Paragraph(index, s, e, caption))
        for ss, se in split_sentences(text, s, e):
            if _CONTROL_RE.search(text, ss, se):
                skip(ss, se, "control characters")
                continue
            sentences.append(Sentence(len(sentences), text[ss:se], ss, se, index, caption))
    skipped.sort(key=lambda k: k.start)
    return Document(text, tuple(paragraphs), tuple(sentences), tuple(skipped), headline)


class SpanIndex:
    """Sorted, non-overlapping spans (quotations, dates), looked up by range in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans that overlap ``[lo, hi)``."""
        i = max(bisect.bisect_left(self.starts, lo) - 1, 0)
        j = bisect.bisect_left(self.starts, hi)
        return [(s, e) for s, e in self.spans[i:j] if e > lo]

    def covers(self, pos: int) -> bool:
        """True when ``pos`` lies strictly inside a span."""
        return any(s < pos < e for s, e in self.within(pos, pos + 1))
