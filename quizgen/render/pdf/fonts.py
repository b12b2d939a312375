"""Fonts for the PDF handouts: registration, per-character fallback and escaping.

The main family is DejaVu Sans when the system has it (Debian: fonts-dejavu-core), else the
Bitstream Vera fonts bundled with reportlab, so an install without DejaVu still works. Fonts
that cover other scripts (NanumGothic for Hangul, Debian: fonts-nanum) are loaded only when a
character needs them. Every font is a TrueType font that reportlab embeds (as a subset).

Fonts are registered once per process: registration parses the font files, which is too slow
to repeat per document. Everything else here is a pure function of its arguments.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SANS = "QGSans"
"""Name of the main family (regular); ``SANS-Bold``, ``SANS-Italic``, ``SANS-BoldItalic``."""
BOLD = SANS + "-Bold"
ITALIC = SANS + "-Italic"
FACES = (SANS, BOLD, ITALIC, SANS + "-BoldItalic")
"""Names of the main family's faces: regular, bold, italic, bold italic."""

_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/TTF",  # Arch
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
    "/Library/Fonts",
)
_DEJAVU = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)
_VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")

_FALLBACK_FAMILIES = (
    # (name, directories, regular file, bold file): fonts for scripts the main font lacks.
    (
        "QGHangul",
        (
            "/usr/share/fonts/truetype/nanum",
            "/usr/share/fonts/nanum",
            "/usr/share/fonts/naver-nanum",
            "/usr/share/fonts/TTF",
        ),
        "NanumGothic.ttf",
        "NanumGothicBold.ttf",
    ),
)


@dataclass(frozen=True)
class Font:
    """A registered face: its reportlab name, file and the code points it has glyphs for."""

    name: str
    path: str
    cover: frozenset[int]


def _find(dirs: tuple[str, ...], files: tuple[str, ...]) -> list[str] | None:
    for d in dirs:
        paths = [os.path.join(d, f) for f in files]
        if all(os.path.isfile(p) for p in paths):
            return paths
    return None


def _register(name: str, path: str) -> Font:
    from reportlab.pdfbase import pdfmetrics

    from .embed import SubsetCachingFont

    font = SubsetCachingFont(name, path)
    pdfmetrics.registerFont(font)
    return Font(name, path, frozenset(font.face.charToGlyph))


@functools.cache
def main_fonts() -> tuple[Font, Font, Font, Font]:
    """The main family (regular, bold, italic, bold italic), registered on first use."""
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    paths = _find(_FONT_DIRS, _DEJAVU)
    if paths is None:
        import reportlab

        vera_dir = str(Path(reportlab.__file__).parent / "fonts")
        paths = _find((vera_dir,), _VERA)
        if paths is None:  # pragma: no cover - reportlab always ships Vera
            raise RuntimeError("no TrueType font found: install fonts-dejavu-core")
    fonts = tuple(_register(n, p) for n, p in zip(FACES, paths, strict=True))
    registerFontFamily(SANS, normal=FACES[0], bold=FACES[1], italic=FACES[2], boldItalic=FACES[3])
    return fonts  # type: ignore[return-value]


@functools.cache
def fallback_fonts() -> tuple[tuple[Font, Font], ...]:
    """(regular, bold) of each fallback family the system has, registered on first use."""
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    out = []
    for name, dirs, regular, bold in _FALLBACK_FAMILIES:
        paths = _find(dirs, (regular, bold))
        if paths is None:
            continue
        fonts = (_register(name, paths[0]), _register(name + "-Bold", paths[1]))
        registerFontFamily(
            name,
            normal=fonts[0].name,
            bold=fonts[1].name,
            italic=fonts[0].name,
            boldItalic=fonts[1].name,
        )
        out.append(fonts)
    return tuple(out)


def fonts_in_use() -> list[str]:
    """File names of the regular face of every font in use (for messages)."""
    used = [main_fonts()[0].path] + [pair[0].path for pair in fallback_fonts()]
    return [os.path.basename(p) for p in used]


def symbol(preferred: str, plain: str) -> str:
    """``preferred`` (e.g. an arrow) if some font in use draws it, else ``plain``."""
    return plain if markup(preferred)[1] else preferred


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _ignorable(ch: str) -> bool:
    # Invisible format characters (zero-width space, joiners, BOM) print nothing anyway.
    return unicodedata.category(ch) == "Cf"


@functools.lru_cache(maxsize=16384)
def markup(text: str, face: str = SANS) -> tuple[str, tuple[str, ...]]:
    """Plain ``text`` as reportlab Paragraph markup, and the characters no font can draw.

    Markup characters are escaped, so bank text prints literally. Runs of characters that the
    main font's ``face`` lacks are wrapped in a ``<font>`` tag naming the first fallback font
    that has them. Characters that no font has stay in the main font (they print as a box) and are
    returned so the caller can warn about them.
    """
    index = FACES.index(face)
    main = main_fonts()[index].cover
    bold = index % 2 == 1
    out: list[str] = []
    missing: list[str] = []
    run_font: str | None = None
    for ch in text:
        code = ord(ch)
        font = None
        if code in main or ch in "\n\t\r ":
            pass
        elif code < 32 or code == 127:
            ch = " "
        else:
            font = _fallback_for(code, bold)
            if font is None:
                if _ignorable(ch):
                    continue
                if ch not in missing:
                    missing.append(ch)
        if font != run_font:
            if run_font is not None:
                out.append("</font>")
            if font is not None:
                out.append(f'<font name="{font}">')
            run_font = font
        out.append(_ESCAPES.get(ch, ch))
    if run_font is not None:
        out.append("</font>")
    return "".join(out), tuple(missing)


def _fallback_for(code: int, bold: bool) -> str | None:
    for pair in fallback_fonts():
        font = pair[1 if bold else 0]
        if code in font.cover:
            return font.name
    return None


def describe(ch: str) -> str:
    """``U+D55C HANGUL SYLLABLE HAN`` for warnings."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")
