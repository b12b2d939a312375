"""``lang`` on runs of text in another script, so screen readers pick the right voice.

A page's ``<html lang>`` is the bank's ``language``; a run of Hangul inside it is marked
``<span lang="ko">``, and so are the other scripts that name their language reliably:
Japanese kana (``ja``), Thai (``th``), Georgian (``ka``) and Armenian (``hy``). Han characters
(Chinese, Japanese or Korean), Latin, Cyrillic, Arabic and Greek letters are shared by many
languages and are left alone.

The marking runs over the rendered page: only text between tags is touched (never an
attribute, and never the inside of ``script``, ``style``, ``title``, ``option`` or
``textarea``), and the text is already escaped, so no bank text can become markup here.
"""

from __future__ import annotations

import re

SCRIPTS = {
    "ko": "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff",
    "ja": "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff",
    "th": "\u0e00-\u0e7f",
    "ka": "\u10a0-\u10ff",
    "hy": "\u0530-\u058f",
}
_RUNS = {
    lang: re.compile(f"[{chars}]+(?:[ \u00a0\u00b7,.!?'\u2019-]+[{chars}]+)*")
    for lang, chars in SCRIPTS.items()
}
_ANY = re.compile("[" + "".join(SCRIPTS.values()) + "]")
_TAG = re.compile(r"(<[^>]*>)")
_RAW = ("script", "style", "title", "option", "textarea")


def mark_runs(text: str, page_lang: str) -> str:
    """Escaped ``text`` with each run of another script in a ``<span lang>``."""
    if not _ANY.search(text):
        return text
    base = page_lang.split("-")[0].lower()
    for lang, pattern in _RUNS.items():
        if lang != base:
            text = pattern.sub(lambda m, lang=lang: _span(lang, m.group(0)), text)
    return text


def _span(lang: str, run: str) -> str:
    return f'<span lang="{lang}">{run}</span>'


def mark_page(html: str, page_lang: str) -> str:
    """The rendered page with ``mark_runs`` applied to the text between its tags."""
    if not _ANY.search(html):
        return html
    parts = _TAG.split(html)
    raw = None
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            tag = name.group(1).lower() if name else ""
            if raw is None and tag in _RAW and not part.startswith("</"):
                raw = tag
            elif raw == tag and part.startswith("</"):
                raw = None
        elif raw is None and part:
            parts[i] = mark_runs(part, page_lang)
    return "".join(parts)
