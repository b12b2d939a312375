"""Embedding a TrueType font subset once per process instead of once per document.

Every document of a quiz numbers its characters alike (see ``ink``), so every document
embeds the same subsets of each font. ``SubsetCachingFont`` writes the same PDF objects as
reportlab's ``TTFont`` (a font dictionary per subset, its widths, ToUnicode map, descriptor
and font file), but builds, formats and compresses the subset's streams once and reuses the
bytes: cutting a subset out of the font file and compressing it cost more than laying out a
page.
"""

from __future__ import annotations

import functools

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)


class _Formatted(pdfdoc.PDFObject):
    """A PDF object whose bytes were formatted before (it refers to no other object)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return self.data


class _FormattedStream(_Formatted):
    """A stream formatted before: like every stream, an object of its own."""

    __RefOnly__ = 1


class _Bare:
    """What ``PDFStream.format`` needs of a document: no encryption."""

    class encrypt:  # noqa: N801 - the attribute name reportlab reads
        @staticmethod
        def encode(data: bytes) -> bytes:
            return data


def _stream(content: bytes | str, compress: bool, **entries: object) -> bytes:
    stream = pdfdoc.PDFStream(content=content)
    for key, value in entries.items():
        stream.dictionary[key] = value
    if compress:
        stream.filters = [pdfdoc.PDFZCompress]
    return stream.format(_Bare())


class SubsetCachingFont(TTFont):
    """A ``TTFont`` whose subsets' font files, maps and widths are made once per process."""

    @functools.lru_cache(maxsize=64)  # noqa: B019 - fonts live as long as the process
    def _subset_objects(
        self, n: int, subset: tuple[int, ...], compress: bool
    ) -> tuple[str, bytes, bytes, bytes]:
        face = self.face
        base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
        widths = pdfdoc.PDFArray([face.getCharWidth(c) for c in subset]).format(_Bare())
        cmap = _stream(makeToUnicodeCMap(base, subset), compress)
        data = face.makeSubset(subset)
        font_file = _stream(data, compress, Length1=len(data))
        return base, widths, cmap, font_file

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 - reportlab's name
        """The objects of every subset this document used (as ``TTFont.addObjects``)."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal = self.getSubsetInternalName(n, doc)[1:]
            base, widths, cmap, font_file = self._subset_objects(
                n, tuple(subset), bool(doc.compression)
            )
            cmap_ref = doc.Reference(_FormattedStream(cmap), "toUnicodeCMap:" + base)
            file_ref = doc.Reference(
                _FormattedStream(font_file), f"fontFile:{face.filename}({base})"
            )
            descriptor = pdfdoc.PDFDictionary(
                {
                    "Type": "/FontDescriptor",
                    "Ascent": face.ascent,
                    "CapHeight": face.capHeight,
                    "Descent": face.descent,
                    "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                    "FontBBox": pdfdoc.PDFArray(face.bbox),
                    "FontName": pdfdoc.PDFName(base),
                    "ItalicAngle": face.italicAngle,
                    "StemV": face.stemV,
                    "FontFile2": file_ref,
                    "MissingWidth": face.defaultWidth,
                }
            )
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal
            font.BaseFont = base
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _Formatted(widths)
            font.ToUnicode = cmap_ref
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base)
            doc.Reference(font, internal)
            doc.idToObject["BasicFonts"].dict[internal] = font
        del self.state[doc]
