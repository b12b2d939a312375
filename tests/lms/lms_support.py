"""Helpers of the LMS export tests (importable as ``lms_support``)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from quizgen.bank import load_bank
from quizgen.model import Bank

LMS = Path(__file__).resolve().parent
HOSTILE_BANK = LMS / "banks" / "hostile.yaml"
LMS_FORMATS = ("gift", "moodle-xml", "qti", "qti21")


def lms_file(out: Path, fmt: str) -> Path:
    """The one file of format ``fmt`` that the build in ``out`` lists, with role ``lms``."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    paths = [f["path"] for f in manifest["files"] if f["format"] == fmt]
    assert len(paths) == 1, paths
    entry = next(f for f in manifest["files"] if f["format"] == fmt)
    assert entry["role"] == "lms"
    return out / paths[0]


def built_bank(out: Path) -> Bank:
    """The bank the build in ``out`` was made from (its path is in the manifest)."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return load_bank(Path(manifest["bank"]["path"]))


_TAG = re.compile(r"<[^>]*>")


def html_plain(text: str) -> str:
    """What an HTML fragment shows, as text: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", text))


def paragraphs(text: str) -> list[str]:
    """The text of each ``<p>`` of an HTML fragment (the fragment may have only ``<p>``s)."""
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", text, re.DOTALL)]


def assert_inert(fragment: str) -> None:
    """An HTML fragment made from plain text holds no markup but its own ``<p>``, ``<br>``."""
    for tag in re.findall(r"<[^>]*>", fragment):
        assert tag in ("<p>", "</p>", "<br>"), tag


def wildcard_free(answer: str) -> str:
    """A Moodle short answer as a student types it: '*' is a wildcard there, '\\*' a star."""
    assert not re.search(r"(?<!\\)\*", answer), f"unescaped wildcard in {answer!r}"
    return answer.replace("\\*", "*")
