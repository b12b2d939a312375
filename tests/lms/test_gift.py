"""GIFT read back by gift-pegjs, the parser GIFT editors use: every question of the bank is
there, with its type, text, answers, feedback and tolerance."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lms_support import (
    LMS,
    assert_inert,
    built_bank,
    html_plain,
    lms_file,
    paragraphs,
    wildcard_free,
)

from quizgen.model import (
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    ShortAnswer,
    TrueFalse,
)

# gift-pegjs keeps escaped characters of a matching answer as its own internal markers.
_PEGJS_MARKERS = {
    "&&092;": "\\",
    "&&058;": ":",
    "&&035;": "#",
    "&&061;": "=",
    "&&123;": "{",
    "&&125;": "}",
    "&&126;": "~",
    "&&010": "\n",
}


def gift_pegjs_dir() -> Path:
    caches = [
        Path(os.environ.get("QUIZGEN_TEST_CACHE", Path.home() / ".cache" / "quizgen-test")),
        Path("/opt/quizgen-test"),
    ]
    for cache in caches:
        if (cache / "node_modules" / "gift-pegjs" / "package.json").is_file():
            return cache / "node_modules"
    pytest.fail(
        "gift-pegjs not found: run 'npm install --prefix ~/.cache/quizgen-test gift-pegjs@1'"
    )


def parse_gift(path: Path) -> list[dict]:
    node = shutil.which("node")
    assert node, "node is needed to run gift-pegjs"
    result = subprocess.run(
        [node, str(LMS / "gift_parse.js"), str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": str(gift_pegjs_dir())},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def parsed(request):
    cache: dict[Path, list[dict]] = {}

    def parse(out: Path) -> list[dict]:
        path = lms_file(out, "gift")
        if path not in cache:
            cache[path] = parse_gift(path)
        return cache[path]

    return parse


def plain_answer(text: str) -> str:
    for marker, char in _PEGJS_MARKERS.items():
        text = text.replace(marker, char)
    return text


def typed(choice: dict) -> str:
    return wildcard_free(choice["text"]["text"])


def check_question(q: Question, found: list[dict], bank_id: str) -> None:
    """``found``: the parsed GIFT questions of ``q`` (one, or one per blank of a cloze)."""
    body = q.body
    for g in found:
        assert g["stem"]["format"] == "html"
        assert_inert(g["stem"]["text"])
        assert paragraphs(g["stem"]["text"])[0] == q.prompt
        assert paragraphs(g["globalFeedback"]["text"]) == [q.explanation, f"Source: “{q.source}”"]
        assert_inert(g["globalFeedback"]["text"])
        assert g["tags"] == [*q.tags, f"difficulty-{q.difficulty}"]
    if isinstance(body, Cloze):
        blanks = body.blanks
        suffixes = [f"/{n}" for n in range(1, len(blanks) + 1)] if len(blanks) > 1 else [""]
        assert [g["id"] for g in found] == [f"{bank_id}/{q.id}{s}" for s in suffixes]
        for index, (g, blank) in enumerate(zip(found, blanks, strict=True)):
            assert g["type"] == "Short"
            assert [typed(c) for c in g["choices"]] == [blank.answer, *blank.accept]
            # The sentence, this blank shown as _____, the others filled in (gift-pegjs puts
            # spaces of its own around the blank: compare without any).
            shown = html_plain(g["stem"]["text"].split("</p>", 1)[1])
            parts = [
                s if isinstance(s, str) else ("_____" if i == index else s.answer)
                for i, s in zip(_blank_numbers(body.segments), body.segments, strict=True)
            ]
            assert "".join(shown.split()) == "".join("".join(parts).split())
        return
    (g,) = found
    assert g["id"] == f"{bank_id}/{q.id}"
    assert g["title"] == q.id
    if isinstance(body, MultipleChoice):
        assert g["type"] == "MC"
        right = [html_plain(c["text"]["text"]) for c in g["choices"] if c["isCorrect"]]
        wrong = [html_plain(c["text"]["text"]) for c in g["choices"] if not c["isCorrect"]]
        assert right == [body.answer] and wrong == list(body.distractors)
        for choice in g["choices"]:
            assert_inert(choice["text"]["text"])
    elif isinstance(body, TrueFalse):
        assert g["type"] == "TF" and g["isTrue"] is body.answer
    elif isinstance(body, ShortAnswer):
        assert g["type"] == "Short"
        assert [typed(c) for c in g["choices"]] == [body.answer, *body.accept]
    elif isinstance(body, Numeric):
        assert g["type"] == "Numerical"
        assert g["choices"] == {
            "type": "range",
            "number": float(body.answer),
            "range": float(body.tolerance),
        }
    elif isinstance(body, Matching):
        assert g["type"] == "Matching"
        for m in g["matchPairs"]:
            assert_inert(m["subquestion"]["text"])
        pairs = [
            (html_plain(m["subquestion"]["text"]), plain_answer(m["subanswer"]))
            for m in g["matchPairs"]
        ]
        expected = [(p.left, p.right) for p in body.pairs] + [("", d) for d in body.distractors]
        assert pairs == expected
    elif isinstance(body, Ordering):
        assert g["type"] == "Matching"
        assert paragraphs(g["stem"]["text"])[1].startswith("Match each item to its position")
        pairs = [(html_plain(m["subquestion"]["text"]), m["subanswer"]) for m in g["matchPairs"]]
        assert pairs == [(item, str(n)) for n, item in enumerate(body.items, start=1)]
    else:
        raise AssertionError(q.type)


def _blank_numbers(segments):
    n = -1
    for s in segments:
        if not isinstance(s, str):
            n += 1
            yield n
        else:
            yield None


def check_build(out: Path, parsed_questions: list[dict]) -> None:
    bank = built_bank(out)
    category, *rest = parsed_questions
    assert category == {"type": "Category", "title": f"$course$/top/quizgen-{bank.id}"}
    by_question: dict[str, list[dict]] = {}
    for g in rest:
        qid = g["id"].split("/")[1]
        by_question.setdefault(qid, []).append(g)
    assert list(by_question) == [q.id for q in bank.questions]
    for q in bank.questions:
        check_question(q, by_question[q.id], bank.id)


def test_every_question_of_the_small_bank_parses_with_its_answers(lms_small, parsed):
    check_build(lms_small, parsed(lms_small))


def test_hostile_text_round_trips_and_stays_inert(lms_hostile, parsed):
    check_build(lms_hostile, parsed(lms_hostile))


def test_the_bundled_bank_parses_with_every_question(lms_bundled, parsed):
    check_build(lms_bundled, parsed(lms_bundled))
