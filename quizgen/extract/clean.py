"""Article text -> paragraphs and sentences, leaving out what is not article text.

Skipped: a photo caption's repeated copy with its agency credit (``... AFP / STAFF``), credits
at the end of a caption line, bylines at the top (``By Jane Doe, Riverside Gazette, 3 March
2024``, ``Jane Doe, Reuters``) and sign-offs at the end (``Reporting by ...``), date and
update lines at the top, datelines (``SEOUL, June 25 (AFP) -``) and a headline line (kept as
the title). A caption itself is kept once, marked as a caption.
Every kept sentence is an exact span of the text, so questions can quote it verbatim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .bylines import (
    BY_RE,
    DATELINE_RE,
    TOP_BLOCKS,
    credit_start,
    is_byline,
    may_repeat,
    publication,
    repeat_tail,
    top_line_reason,
)
from .facts import Sentence, Skipped
from .lexicon import ABBREVIATIONS

_TERMINAL = tuple('.!?"”’):;…')
_BOUNDARY_RE = re.compile(r"(?<![.!?…])[.!?…]++[\"”’)\]]*+(?=\s++[\"“‘(\[]?[A-Z0-9])")
"""A sentence's end. It starts only at the first mark of a run and never backtracks, so a
long run of dots or spaces is read once."""
MAX_SENTENCE_CHARS = 2000
"""A longer 'sentence' (a run of dots, of spaces, of one phrase repeated) is not article
text: it is left out, which also bounds the cost of the rules that read one sentence."""
MAX_QUOTE_CHARS = 1000
"""A longer span between two quotation marks is taken for unbalanced marks, not a
quotation: it neither holds a sentence together nor becomes a question."""
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Characters a bank cannot hold (the loader refuses them): sentences with them are left out."""
_WORD_BEFORE_DOT_RE = re.compile(r"(?<!\w)([A-Za-z.]+)\.$")
_NEXT_WORD_RE = re.compile(r"\s+[\"“‘(]?([A-Z][a-z]*)\b")
_STARTERS = frozenset(
    "The A An It He She They We I You But And Yet So In On At By For After Before When While "
    "This That These Those There His Her Their Its Our My Some Many Most Police Officials".split()
)
"""Words that start a sentence after a time such as ``9 p.m.``."""
_QUOTE_MARK_RE = re.compile('["“”‘’]')
_SPLIT_HINT_RE = re.compile('[.!?…"“”‘’]')
"""What a paragraph holds when it may be more than one sentence."""


_HTML_START_RE = re.compile(r"\s*(?:<!DOCTYPE\s+html|<html[\s>]|<\?xml\b)", re.I)
_HTML_TAG_RE = re.compile(
    r"</?(?:html|head|body|script|style|div|span|p|a|br|table|tr|td|meta|link|img|ul|li|"
    r"h[1-6]|article|section|header|footer|nav|iframe|form|input)\b[^<>\n]{0,300}>",
    re.I,
)
_HTML_TAGS_NEEDED = 3
_HTML_LOOK = 65536


def html_evidence(text: str) -> str | None:
    """What shows that ``text`` is an HTML page rather than an article's text (its opening
    ``<!DOCTYPE html>`` or ``<html>``, or several tags such as ``<p>``), else None."""
    head = text[:_HTML_LOOK]
    m = _HTML_START_RE.match(head)
    if m:
        return m.group().strip()
    tags = _HTML_TAG_RE.findall(head, 0, _HTML_LOOK)
    if len(tags) >= _HTML_TAGS_NEEDED:
        return " ".join(dict.fromkeys(t[:20] for t in tags[:_HTML_TAGS_NEEDED]))
    return None


@dataclass(frozen=True, init=False)
class Paragraph:
    """A paragraph of kept text: ``text[start:end]`` of the article."""

    index: int
    start: int
    end: int
    caption: bool = False

    def __init__(self, index: int, start: int, end: int, caption: bool = False) -> None:
        # as Sentence: one update of the fields, for the many paragraphs of a long text
        self.__dict__.update(index=index, start=start, end=end, caption=caption)


@dataclass(frozen=True)
class Document:
    """The article cut into kept paragraphs and sentences, and what was left out."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    skipped: tuple[Skipped, ...]
    headline: str | None
    quotes: dict[int, list[tuple[int, int]]] = field(default_factory=dict, compare=False)
    """Paragraph index -> its quotations (``quote_spans``), for the paragraphs that hold a
    quotation mark."""


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


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_LINE_RE = re.compile(r"\S(?:[^\n]*\S)?")
"""A line's text without the spaces around it (lines end at ``\n``)."""


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """The non-blank lines (stripped spans), grouped in blocks between blank lines."""
    blocks: list[list[tuple[int, int]]] = []
    block: list[tuple[int, int]] = []
    prev = 0
    count = text.count
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        if block and count("\n", prev, s) >= 2:
            blocks.append(block)
            block = []
        block.append((s, e))
        prev = e
    if block:
        blocks.append(block)
    return blocks


def split_sentences(
    text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[start:end]``; never splits inside a quotation.

    ``spans``: the paragraph's quotations (``quote_spans``) when they are already known."""
    if spans is None:
        spans = quote_spans(text, start, end)
    # An unclosed quotation (a stray mark, or one continued in the next paragraph) and a
    # span too long to be a quotation do not hold sentences together.
    held = SpanIndex((o, c) for o, c in spans if c < end and c - o <= MAX_QUOTE_CHARS)
    out, pos = [], start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        cut = m.end()
        if held.holds(cut):
            continue
        before = text[max(start, m.start() - 12) : m.start() + 1]
        word = _WORD_BEFORE_DOT_RE.search(before)
        if word and m.group().startswith(".") and not m.group().startswith(".."):
            token = word.group(1).lower().rstrip(".")
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                following = _NEXT_WORD_RE.match(text, cut, end)
                if not (token in ("a.m", "p.m") and following and following.group(1) in _STARTERS):
                    continue  # "9 p.m. The ..." ends a sentence; "Dr. Jones" does not
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
    kept, headline = _kept_lines(text, _blocks(text), skipped)
    paragraphs, sentences, quotes = _sentences(text, kept, skipped)
    skipped.sort(key=lambda k: k.start)
    return Document(text, tuple(paragraphs), tuple(sentences), tuple(skipped), headline, quotes)


def _skip(skipped: list[Skipped], text: str, s: int, e: int, reason: str) -> None:
    skipped.append(Skipped(text[s:e], s, e, reason))


def _kept_lines(
    text: str, blocks: list[list[tuple[int, int]]], skipped: list[Skipped]
) -> tuple[list[tuple[int, int, bool]], str | None]:
    """The paragraphs to keep, as ``(start, end, caption)``, and the headline; what is left
    out goes to ``skipped``."""
    kept: list[tuple[int, int, bool]] = []
    headline = None

    def reason(bi: int, line: str) -> str | None:
        """Why a line is left out as a byline or a date line (near the top, or a sign-off
        such as ``Reporting by ...; Editing by ...`` ending the article)."""
        if bi < TOP_BLOCKS:
            return top_line_reason(line)
        if bi == len(blocks) - 1 and BY_RE.match(line.strip()) and is_byline(line):
            return "byline"
        return None

    first = 0  # the block that may hold the headline
    for bi, block in enumerate(blocks):
        i = 0
        # Only the lines opening a block can be bylines or date lines, so a hard-wrapped
        # sentence that breaks before "June 25" stays whole.
        opening = True
        lines = len(block)
        while i < lines:
            s, e = block[i]
            line = text[s:e]
            why = reason(bi, line) if opening else None
            if why:
                _skip(skipped, text, s, e, why)
                i += 1
                continue
            if i == 0 and bi == first and headline is None:
                capitals = line.isupper() and len(line.split()) >= 2 and len(block) > 1
                if (
                    not _CONTROL_RE.search(line)
                    and (all(reason(bi, text[a:b]) for a, b in block[1:]) or capitals)
                    and (len(blocks) > 1 or capitals)
                    and not line.endswith(_TERMINAL)
                    and len(line.split()) <= 20
                ):
                    i += 1
                    if bi == 0 and len(block) == 1 and len(blocks) > 2 and publication(line):
                        # "American Forces Press Service" above the headline: it is next
                        _skip(skipped, text, s, e, "publication")
                        first = 1
                        continue
                    headline = line
                    _skip(skipped, text, s, e, "headline")
                    # an all-capitals headline may run straight into the text on the next line
                    opening = opening and not capitals
                    continue
            if i + 1 < lines and may_repeat(text, block[i], block[i + 1]):
                ns, ne = block[i + 1]
                if ne - ns == e - s and text.startswith(line, ns):
                    tail: str | None = ""  # the same line twice
                else:
                    tail = repeat_tail(line, text[ns:ne])
                if tail is not None:
                    kept.append((s, e, bool(tail)))
                    opening = False
                    why = "repeated caption" + (f" with credit '{tail}'" if tail else "")
                    _skip(skipped, text, ns, ne, why)
                    i += 2
                    continue
            credit = credit_start(text, s, e)
            if credit is not None:
                _skip(skipped, text, *_strip_span(text, credit, e), "credit")
                kept.append((s, _strip_span(text, s, credit)[1], True))
                opening = False
                i += 1
                continue
            j = _run_on(text, block, i) if i + 1 < lines else i
            kept.append((s, block[j][1], False))
            opening = False
            i = j + 1
    return kept, headline


def _run_on(text: str, block: list[tuple[int, int]], i: int) -> int:
    """The last line of the paragraph that line ``i`` opens: a body line that does not end
    a sentence runs on into the next (hard-wrapped text), unless a caption follows."""
    j = i
    while (
        j + 1 < len(block)
        and not text.endswith(_TERMINAL, *block[j])
        and not (
            j + 2 < len(block)
            and may_repeat(text, block[j + 1], block[j + 2])
            and repeat_tail(
                text[block[j + 1][0] : block[j + 1][1]],
                text[block[j + 2][0] : block[j + 2][1]],
            )
            is not None
        )
    ):
        j += 1
    return j


def _sentences(
    text: str, kept: list[tuple[int, int, bool]], skipped: list[Skipped]
) -> tuple[list[Paragraph], list[Sentence], dict[int, list[tuple[int, int]]]]:
    """The paragraphs, their sentences and the quotations of each paragraph that has one;
    a dateline opening the text, and sentences no bank can hold, go to ``skipped``."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    quotes: dict[int, list[tuple[int, int]]] = {}
    control = _CONTROL_RE.search(text) is not None
    only_captions = True  # so far: a dateline opens the first paragraph that is not one
    for s, e, caption in kept:
        if not caption and only_captions:
            m = DATELINE_RE.match(text, s, e)
            if m and m.end() < e:
                _skip(skipped, text, s, m.end(), "dateline")
                s = m.end()
        only_captions = only_captions and caption
        index = len(paragraphs)
        paragraphs.append(Paragraph(index, s, e, caption))
        hint = _SPLIT_HINT_RE.search(text, s, e)
        if hint and not (hint.start() == e - 1 and text[e - 1] in ".!?…"):
            spans = quote_spans(text, s, e) if _QUOTE_MARK_RE.search(text, s, e) else []
            if spans:
                quotes[index] = spans
            cuts = split_sentences(text, s, e, spans)
        elif text[s].isspace() or text[e - 1].isspace():  # one sentence, to strip
            ss, se = _strip_span(text, s, e)
            cuts = [(ss, se)] if ss < se else []
        else:  # no quotation mark, and no sentence end before the last character: one sentence
            cuts = [(s, e)]
        for ss, se in cuts:
            if control and _CONTROL_RE.search(text, ss, se):
                _skip(skipped, text, ss, se, "control characters")
                continue
            if se - ss > MAX_SENTENCE_CHARS:
                why = f"too long for a sentence (over {MAX_SENTENCE_CHARS:,} characters)"
                _skip(skipped, text, ss, se, why)
                continue
            sentences.append(Sentence(len(sentences), text[ss:se], ss, se, index, caption))
    return paragraphs, sentences, quotes


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

    def overlaps(self, lo: int, hi: int) -> bool:
        """True when a span overlaps ``[lo, hi)`` (``within`` is not empty)."""
        # Of the spans that start before ``hi``, the last ends last: they do not overlap.
        if not self.starts:
            return False
        j = bisect.bisect_left(self.starts, hi)
        return j > 0 and self.spans[j - 1][1] > lo

    def holds(self, pos: int) -> bool:
        """True when ``pos`` lies inside a span or on its closing mark."""
        j = bisect.bisect_left(self.starts, pos)
        return j > 0 and self.spans[j - 1][1] >= pos

    def covers(self, pos: int) -> bool:
        """True when ``pos`` lies strictly inside a span."""
        if not self.starts:
            return False
        j = bisect.bisect_left(self.starts, pos)
        return j > 0 and self.spans[j - 1][1] > pos
