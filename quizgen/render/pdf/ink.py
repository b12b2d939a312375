"""Text drawn once per quiz, then copied: the PDF operators of every paragraph and label.

reportlab embeds a TrueType font as subsets of up to 256 characters and numbers characters in
the order a document first uses them, so the bytes that draw a text normally depend on
everything drawn before it in that document. Here every document of a quiz first numbers
every character the quiz can print, in code-point order (``Ink.prime``): a text then encodes
to the same bytes in every copy of the quiz, so the operators of a wrapped paragraph are made
once (on a scratch canvas) and only copied into each page after that, and every copy embeds
the same font subsets, which ``fonts`` builds and compresses once.

The output depends only on the quiz (which questions are drawn), never on what the process
drew before, so worker processes write the same bytes as one process. A character outside
that set (there is none when the set is right) is numbered as reportlab always did, and a
text that holds it is drawn the ordinary way.
"""

from __future__ import annotations

import functools
import io
import re
import weakref
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from ...model import Quiz
from .fonts import fallback_fonts, main_fonts

RENDERER_TEXT = "·–—→“”‘’±…"
"""Characters outside ASCII that the handouts print themselves (dashes, arrows, quotes)."""

_SENTINEL = re.compile(r"/\x01(\d+)\+(\d+)")
# A font's name on the scratch canvas: "/\x01<font index>+<subset>". Text strings never hold
# a raw control character (reportlab escapes them), so the pattern only finds font names.

Pieces = tuple
"""Operators with font names left open: strings at even places, (font index, subset) at odd."""


def quiz_chars(quiz: Quiz) -> str:
    """Every character the handouts of ``quiz`` can print, in code-point order."""
    from .glyphs import texts
    from .header import byline

    drawn = {item.id for version in quiz.versions for item in version.items}
    chars = set(quiz.title) | set(byline(quiz)) | set(RENDERER_TEXT)
    for assignment in quiz.assignments:
        chars.update(assignment.student.name + assignment.student.id)
    for question in quiz.bank.questions:
        if question.id in drawn:
            for text, _face in texts(question):
                chars.update(text)
    return "".join(sorted(ch for ch in chars if ord(ch) >= 128))


def plan(chars: str) -> tuple[tuple[str, str], ...]:
    """(font name, characters to number) for every font that can draw some of ``chars``."""
    mains = main_fonts()
    out = [(f.name, "".join(ch for ch in chars if ord(ch) in f.cover)) for f in mains]
    everywhere = frozenset.intersection(*(f.cover for f in mains))
    others = [ch for ch in chars if ord(ch) not in everywhere]
    if others:  # the fallback fonts draw what some main face lacks
        for pair in fallback_fonts():
            for font in pair:
                out.append((font.name, "".join(ch for ch in others if ord(ch) in font.cover)))
    return tuple(out)


_BY_QUIZ: dict[int, tuple[weakref.ref, Ink]] = {}


def ink_for(quiz: Quiz) -> Ink:
    """The ``Ink`` of a quiz (found again by identity: hashing a large quiz is not cheap)."""
    entry = _BY_QUIZ.get(id(quiz))
    if entry is not None and entry[0]() is quiz:
        return entry[1]
    ink = _ink(plan(quiz_chars(quiz)))
    if len(_BY_QUIZ) >= 8:
        _BY_QUIZ.clear()
    _BY_QUIZ[id(quiz)] = (weakref.ref(quiz), ink)
    return ink


@functools.lru_cache(maxsize=8)
def _ink(fonts: tuple[tuple[str, str], ...]) -> Ink:
    return Ink(fonts)


class Ink:
    """Numbers characters alike in every document, and remembers drawn operators."""

    def __init__(self, fonts: tuple[tuple[str, str], ...]) -> None:
        main_fonts()
        self.fonts = fonts
        self.index = {name: i for i, (name, _) in enumerate(fonts)}
        self._texts: dict[tuple[str, float, str], Pieces | None] = {}
        self._new_scratch()

    def prime(self, doc: Any) -> None:
        """Number the quiz's characters in ``doc`` before anything is drawn in it."""
        for name, chars in self.fonts:
            getFont(name).splitString(chars, doc)

    def _new_scratch(self) -> None:
        canvas = Canvas(io.BytesIO(), invariant=1, initialFontName=self.fonts[0][0])
        doc = canvas._doc
        self.prime(doc)
        self._next = []
        for i, (name, _) in enumerate(self.fonts):
            state = getFont(name).state[doc]
            state.internalName = f"\x01{i}"  # named, so never registered in the document
            self._next.append(state.nextCode)
        self._mapped = len(doc.fontMapping)
        self._scratch = canvas

    def _clean(self) -> bool:
        """Whether the scratch canvas still numbers exactly as a fresh document does; if
        not (a character outside the set, or another font), start a new one."""
        doc = self._scratch._doc
        ok = len(doc.fontMapping) == self._mapped and all(
            getFont(name).state[doc].nextCode == n
            for (name, _), n in zip(self.fonts, self._next, strict=True)
        )
        if not ok:
            self._new_scratch()
        return ok

    def _pieces(self, code: str) -> Pieces:
        parts = _SENTINEL.split(code)
        out: list = []
        for i in range(0, len(parts) - 1, 3):
            out += [parts[i], (int(parts[i + 1]), int(parts[i + 2]))]
        out.append(parts[-1])
        return tuple(out)

    def paragraph(self, p: Any) -> Pieces | None:
        """The operators that draw paragraph ``p`` at the origin (None: draw it as usual).

        Kept on the paragraph, which the paragraph cache shares between versions."""
        kept = getattr(p, "_qg_ink", None)
        if kept is not None and kept[0] is self:
            return kept[1]
        canvas = self._scratch
        code = canvas._code
        start = len(code)
        p.canv = canvas
        try:
            p.draw()
        finally:
            del p.canv
        text = "\n".join(code[start:])
        del code[start:]
        pieces = self._pieces(text) if self._clean() else None
        p._qg_ink = (self, pieces)
        return pieces

    def text(self, font: str, size: float, s: str) -> Pieces | None:
        """Font selection and string of a one-line label (None: draw it as usual)."""
        key = (font, size, s)
        if key in self._texts:
            return self._texts[key]
        pieces: Pieces | None = None
        index = self.index.get(font)
        if index is not None:
            chunks = getFont(font).splitString(s, self._scratch._doc)
            if self._clean():
                tf = f" {fp_str(size)} Tf {fp_str(size * 1.2)} TL"
                out: list = [""]
                for subset, data in chunks:  # as reportlab's text object writes them
                    out += [(index, subset), f"{tf} ({escapePDF(data)}) Tj "]
                out[-1] = out[-1][:-1]
                pieces = tuple(out)
        if len(self._texts) < 4096:  # labels of one version only (its code) stop here
            self._texts[key] = pieces
        return pieces

    def resolve(self, pieces: Pieces, canvas: Any) -> str:
        """``pieces`` with the font names of ``canvas``'s document filled in."""
        if len(pieces) == 1:
            return pieces[0]
        names = canvas.qg_names
        out = list(pieces)
        for i in range(1, len(out), 2):
            key = out[i]
            name = names.get(key)
            if name is None:
                font = getFont(self.fonts[key[0]][0])
                name = names[key] = font.getSubsetInternalName(key[1], canvas._doc)
            out[i] = name
        return "".join(out)
