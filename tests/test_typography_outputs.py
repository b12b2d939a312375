"""The bundled bank's outputs print curly quotation marks, balanced, never doubled: PDF (as
pdftotext reads it), HTML (the text a reader sees), Anki CSV and JSON."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from support import run_cli

DOUBLED = re.compile(r"[“”\"]\s?[“”\"]")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def problems(name: str, text: str) -> list[str]:
    found = []
    if '"' in text:
        found.append(
            f"{name}: a straight double quote near {text[text.index(chr(34)) - 30 :][:60]!r}"
        )
    if text.count("“") != text.count("”"):
        found.append(f"{name}: {text.count('“')} “ but {text.count('”')} ”")
    for match in DOUBLED.finditer(text):
        found.append(
            f"{name}: doubled quotation marks {text[match.start() - 20 : match.end() + 20]!r}"
        )
    return found


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("typography")
    result = run_cli(
        "build",
        "--questions",
        "all",
        "--formats",
        "pdf,html,anki-csv,json",
        "--seed",
        "5",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    return out


def _one(out, name):
    return next(out.rglob(name))


def test_json_display_texts(outputs):
    doc = json.loads(_one(outputs, "quiz-A.json").read_text(encoding="utf-8"))
    found = []
    for q in doc["questions"]:
        answer = q["answer"] if isinstance(q["answer"], list) else [q["answer"]]
        # source.quote is the article's sentence verbatim (CONTRACTS), not display text.
        texts = [q["prompt"], q["explanation"], *answer]
        texts += q.get("choices", []) + q.get("items", []) + q.get("accept", [])
        for text in texts:
            found += problems(q["id"], text)
    assert found == []


@pytest.mark.parametrize("name", ["quiz-A.html", "key-A.html"])
def test_html_text(outputs, name):
    parser = _Text()
    parser.feed(_one(outputs, name).read_text(encoding="utf-8"))
    assert problems(name, "".join(parser.parts)) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("name", ["quiz-A.pdf", "key-A.pdf"])
def test_pdf_text(outputs, name):
    text = subprocess.run(
        ["pdftotext", "-layout", str(_one(outputs, name)), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert problems(name, text) == []


def test_anki_csv_fields(outputs):
    rows = list(csv.reader(io.StringIO(_one(outputs, "deck.csv").read_text(encoding="utf-8"))))
    found = []
    for row in rows:
        if row and row[0].startswith("#"):
            continue
        for field in row:
            found += problems(row[-1] if row else "", html.unescape(re.sub(r"<[^>]+>", "", field)))
    assert found == []
