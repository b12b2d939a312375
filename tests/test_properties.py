"""Property tests: random valid banks, full of markup characters, quotes, newlines and
non-Latin scripts, always build in every format, and the text read back from each output
equals the bank's text (modulo whitespace)."""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import built

from quizgen.assemble import AssemblyOptions
from quizgen.bank import load_bank
from quizgen.build import build
from quizgen.giveaways import conflicts
from quizgen.render import FORMATS, RenderOptions
from quizgen.text import normalize_answer
from quizgen.typography import curly

ALPHABET = list("abcdefXYZ 0123456789<>&\"'/;=!?éüñçß—–“”‘’…·€한국전쟁Жжλ") + ["\n"]
WORD = st.text(alphabet=ALPHABET, min_size=1, max_size=24)


def readable(min_size: int = 1) -> st.SearchStrategy[str]:
    # At least one letter, so every text is gradable and visible once whitespace is folded.
    return st.builds(lambda a, b: f"{a}x{b}", WORD, WORD).map(lambda s: s.strip() or "x")


def squash(text: str) -> str:
    return "".join(text.split())


@st.composite
def banks(draw):
    texts = draw(st.lists(readable(), min_size=12, max_size=12, unique_by=normalize_answer))
    prompt, answer, d1, d2, expl, sa, left1, left2, left3, r1, r2, r3 = texts
    sources = draw(st.lists(readable(), min_size=3, max_size=3))
    sources = [s.replace("{", "(").replace("}", ")") for s in sources]
    questions = [
        {
            "id": "mc",
            "type": "multiple_choice",
            "prompt": prompt,
            "answer": answer,
            "distractors": [d1, d2],
            "explanation": expl,
            "source": sources[0],
        },
        {
            "id": "tf",
            "type": "true_false",
            "prompt": d1 + " " + prompt,
            "answer": True,
            "explanation": expl,
            "source": sources[1],
        },
        {
            "id": "sa",
            "type": "short_answer",
            "prompt": sa,
            "answer": answer,
            "accept": [d2],
            "explanation": expl,
            "source": sources[2],
        },
        {
            "id": "num",
            "type": "numeric",
            "prompt": prompt + " ?",
            "answer": 1234.5,
            "tolerance": 0.5,
            "unit": r1,
            "explanation": expl,
            "source": sources[0],
        },
        {
            "id": "cl",
            "type": "cloze",
            "prompt": "Fill in the blank.",
            "text": f"{left1} {{{{{squash(answer) or 'x'}}}}} {left2}",
            "explanation": expl,
            "source": sources[1],
        },
        {
            "id": "ma",
            "type": "matching",
            "prompt": sa + " ?",
            "pairs": [
                {"left": left1, "right": r1},
                {"left": left2, "right": r2},
                {"left": left3, "right": r3},
            ],
            "explanation": expl,
            "source": sources[2],
        },
        {
            "id": "or",
            "type": "ordering",
            "prompt": prompt + " !",
            "items": [d1, d2, answer],
            "explanation": expl,
            "source": sources[0],
        },
    ]
    for q in questions:
        if q["type"] == "cloze":
            q["text"] = q["text"].replace("|", "/")
    article = "\n\n".join(sources)
    title = draw(readable())
    return {
        "id": "random-bank",
        "title": title,
        "article": {"path": "article.txt"},
        "questions": questions,
    }, article


class TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.values: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if name == "value" and value is not None:
                self.values.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path: Path) -> tuple[str, list[str]]:
    parser = TextCollector()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts), parser.values


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(banks())
def test_random_banks_build_in_every_format_and_text_survives(case):
    data, article = case
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "article.txt").write_text(article, encoding="utf-8")
        bank_path = tmp / "bank.yaml"
        bank_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        out = tmp / "out"
        build(
            bank_path,
            out,
            formats=tuple(FORMATS),
            seed=1,
            assembly=AssemblyOptions(versions=1),
            options=RenderOptions(pack=True),
        )
        # JSON: exact. The bank shares texts between questions on purpose: a question left
        # off the copy is one that another question on it would give away.
        doc = json.loads(built(out, "quiz-A.json").read_text(encoding="utf-8"))
        by_id = {q["id"]: q for q in doc["questions"]}
        apart = conflicts(load_bank(bank_path))
        for q in data["questions"]:
            assert q["id"] in by_id or apart.get(q["id"], set()) & set(by_id)
        questions = {q["id"]: q for q in data["questions"] if q["id"] in by_id}
        texts = [curly(q["prompt"].strip()) for q in questions.values()]  # quotes print curly
        for qid, q in questions.items():
            assert by_id[qid]["prompt"] == curly(q["prompt"].strip())
            assert by_id[qid]["explanation"] == curly(q["explanation"].strip())
        mc = questions.get("mc")
        if mc:
            assert sorted(by_id["mc"]["choices"]) == sorted(
                [curly(mc["answer"].strip()), *(curly(d.strip()) for d in mc["distractors"])]
            )

        # HTML: the text shows as text (never markup); radio values are the choices exactly.
        shown, values = html_text(out / "quiz-A.html")
        for text in texts:
            assert squash(text) in squash(shown)
        for choice in by_id["mc"]["choices"] if mc else ():
            assert choice in values

        # PDF: every prompt on the student copy, every answer on the key.
        student = squash(pdf_text(out / "quiz-A.pdf"))
        for text in texts:
            assert squash(text) in student
        key = squash(pdf_text(built(out, "key-A.pdf")))
        for q in questions.values():
            assert squash(curly(q["explanation"].strip())) in key
        if mc:
            assert squash(curly(mc["answer"].strip())) in key

        # Anki CSV: fields are HTML; unescaped, they hold the text.
        rows = list(csv.reader(io.StringIO((out / "deck.csv").read_text(encoding="utf-8"))))
        while rows and rows[0] and rows[0][0].startswith("#"):
            rows.pop(0)  # the file headers
        fields = squash(html.unescape(" ".join(" ".join(r) for r in rows)))
        for text in texts:
            assert squash(text) in fields
        assert len(rows) == len(questions)

        # apkg: the notes' fields hold the text, HTML-escaped.
        with zipfile.ZipFile(out / "deck.apkg") as z:
            name = (
                "collection.anki21" if "collection.anki21" in z.namelist() else "collection.anki2"
            )
            db = tmp / "col.sqlite"
            db.write_bytes(z.read(name))
        with sqlite3.connect(db) as conn:
            flds = [row[0] for row in conn.execute("select flds from notes")]
        assert len(flds) == len(questions)
        notes = squash(html.unescape(" ".join(flds)))
        for text in texts:
            assert squash(text) in notes

        # Quizlet: one line per card; text with tabs and newlines folded to spaces.
        tsv = (out / "quizlet.tsv").read_text(encoding="utf-8")
        assert len(tsv.splitlines()) == len(questions)
        for text in texts:
            assert squash(text) in squash(tsv)
