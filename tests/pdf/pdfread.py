"""Reading the PDFs back: poppler's ``pdftotext`` and ``pdffonts``, and pypdf."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import built

ROOT = Path(__file__).resolve().parents[2]
SMALL_BANK = ROOT / "tests" / "banks" / "small.yaml"
BUNDLED_BANK = ROOT / "banks" / "korean-war-70th.yaml"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed",
)


def build(bank: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """``quizgen build BANK --formats pdf,json --out OUT EXTRA...``; asserts success."""
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "build", str(bank), "--formats", "pdf,json",
         "--out", str(out), "-q", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def squash(text: str) -> str:
    """Text with every run of whitespace made one space (line wrapping does not matter)."""
    return " ".join(text.split())


def pdftotext(path: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True,
                         check=True)  # fmt: skip
    return out.stdout


def text(path: Path) -> str:
    """The whole document's text, whitespace squashed (reading order of ``pdftotext -raw``)."""
    return squash(pdftotext(path, "-raw"))


def page_texts(path: Path) -> list[str]:
    """Each page's text (pypdf), whitespace squashed."""
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


def fonts(path: Path) -> list[dict[str, str]]:
    """``pdffonts`` rows: name, type, emb (``yes``/``no``)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "line": line})
    return rows


def questions(out: Path, code: str) -> list[dict]:
    """The questions of version ``code`` from its JSON file (same numbering as its PDFs)."""
    return json.loads(built(out, f"quiz-{code}.json").read_text(encoding="utf-8"))["questions"]


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))
