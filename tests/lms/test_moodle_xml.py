"""Moodle XML read back by a parser written here from Moodle's format documentation
(docs.moodle.org: "Moodle XML format" and "Embedded Answers (Cloze) question type"), not from
the renderer: element names, fractions, tolerance and units, Cloze syntax."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

from lms_support import (
    assert_inert,
    built_bank,
    html_plain,
    lms_file,
    paragraphs,
    wildcard_free,
)
from lxml import etree

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

TYPES = {
    MultipleChoice: "multichoice",
    TrueFalse: "truefalse",
    ShortAnswer: "shortanswer",
    Numeric: "numerical",
    Cloze: "cloze",
    Matching: "matching",
    Ordering: "ordering",
}

# An embedded answer: {weight:TYPE:alternatives}; the closing brace is the first one not
# escaped with a backslash.
EMBEDDED = re.compile(r"\{(\d*):(SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC):(.*?)(?<!\\)\}", re.S)


def cloze_alternatives(spec: str) -> list[tuple[int, str]]:
    """(fraction, answer) of each alternative: '~' separates them, '=' or '%n%' gives the
    fraction, '#' starts feedback; '\\' or an entity's '&' before '~', '#', '}' keeps them."""
    alternatives = re.split(r"(?<!\\)(?<!&)(?<!&amp;)~", spec)
    out = []
    for alt in alternatives:
        match = re.fullmatch(r"(=|%(-?\d+)%)?(.+?)(?:(?<!\\)(?<!&)(?<!&amp;)#(.*))?", alt, re.S)
        assert match, alt
        fraction = 100 if match.group(1) == "=" else int(match.group(2) or 0)
        answer = html.unescape(match.group(3)).replace("\\}", "}").replace("\\#", "#")
        out.append((fraction, wildcard_free(answer)))
    return out


def text_of(element: etree._Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, path
    return found.text or ""


def html_field(question: etree._Element, name: str) -> str:
    field = question.find(name)
    assert field is not None and field.get("format") == "html", name
    fragment = text_of(field, "text")
    assert_inert(fragment)
    return fragment


def fractions(question: etree._Element) -> list[Decimal]:
    return [Decimal(a.get("fraction")) for a in question.findall("answer")]


def check_question(element: etree._Element, q: Question, bank_id: str) -> None:
    body = q.body
    assert element.get("type") == TYPES[type(body)]
    assert text_of(element, "name/text") == q.id
    assert text_of(element, "idnumber") == f"{bank_id}/{q.id}"
    assert Decimal(text_of(element, "defaultgrade")) == q.points
    assert [t.text for t in element.findall("tags/tag/text")] == [
        *q.tags,
        f"difficulty-{q.difficulty}",
    ]
    feedback = html_field(element, "generalfeedback")
    assert paragraphs(feedback) == [q.explanation, f"Source: “{q.source}”"]
    text = html_field(element, "questiontext")
    assert paragraphs(text)[0] == q.prompt
    answers = element.findall("answer")
    if isinstance(body, MultipleChoice):
        assert text_of(element, "single") == "true"
        assert text_of(element, "shuffleanswers") in ("true", "1")
        assert sorted(fractions(element)) == [0] * len(body.distractors) + [100]
        shown = {html_plain(text_of(a, "text")): Decimal(a.get("fraction")) for a in answers}
        assert shown == {body.answer: 100, **{d: 0 for d in body.distractors}}
        for a in answers:
            assert a.get("format") == "html"
            assert_inert(text_of(a, "text"))
    elif isinstance(body, TrueFalse):
        shown = {text_of(a, "text"): Decimal(a.get("fraction")) for a in answers}
        assert shown == {"true": 100 if body.answer else 0, "false": 0 if body.answer else 100}
    elif isinstance(body, ShortAnswer):
        assert fractions(element) == [100] * (1 + len(body.accept))
        assert [wildcard_free(text_of(a, "text")) for a in answers] == [body.answer, *body.accept]
    elif isinstance(body, Numeric):
        (answer,) = answers
        assert answer.get("fraction") == "100"
        assert Decimal(text_of(answer, "text")) == body.answer
        assert Decimal(text_of(answer, "tolerance")) == body.tolerance
        units = [(u.findtext("unit_name"), u.findtext("multiplier")) for u in element.iter("unit")]
        assert units == ([(" ".join(body.unit.split()), "1")] if body.unit else [])
        assert text_of(element, "unitgradingtype") == "0"  # a unit is optional
    elif isinstance(body, Cloze):
        sentence = text.split("</p>", 1)[1]
        found = EMBEDDED.findall(sentence)
        assert [[a for _, a in cloze_alternatives(spec)] for _, _, spec in found] == [
            [b.answer, *b.accept] for b in body.blanks
        ]
        for _, _, spec in found:
            assert {f for f, _ in cloze_alternatives(spec)} == {100}
        # The text around the blanks is the bank's, with nothing read as an embedded answer.
        pieces = EMBEDDED.split(sentence)[::4]
        assert [html_plain(p) for p in pieces] == ["".join(s) for s in _texts_between_blanks(body)]
    elif isinstance(body, Matching):
        for s in element.findall("subquestion"):
            assert_inert(text_of(s, "text"))
        pairs = [
            (html_plain(text_of(s, "text")), text_of(s, "answer/text"))
            for s in element.findall("subquestion")
        ]
        assert pairs == [(p.left, p.right) for p in body.pairs] + [
            ("", d) for d in body.distractors
        ]
    elif isinstance(body, Ordering):
        # Moodle's Ordering type: the items in their correct order.
        assert [html_plain(text_of(a, "text")) for a in answers] == list(body.items)
        assert text_of(element, "selecttype") == "ALL"
        assert text_of(element, "gradingtype") == "ABSOLUTE_POSITION"
    else:
        raise AssertionError(q.type)


def _texts_between_blanks(body: Cloze) -> list[list[str]]:
    runs: list[list[str]] = [[]]
    for segment in body.segments:
        if isinstance(segment, str):
            runs[-1].append(segment)
        else:
            runs.append([])
    return runs


def check_build(out: Path) -> None:
    bank = built_bank(out)
    data = lms_file(out, "moodle-xml").read_bytes()
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert text_of(category, "category/text") == f"$course$/top/quizgen-{bank.id}"
    assert html_plain(html_field(category, "info")) == " ".join(bank.title.split())
    assert [text_of(e, "name/text") for e in questions] == [q.id for q in bank.questions]
    for element, q in zip(questions, bank.questions, strict=True):
        check_question(element, q, bank.id)


def test_every_question_of_the_small_bank_reads_back(lms_small):
    check_build(lms_small)


def test_hostile_text_round_trips_and_stays_inert(lms_hostile):
    check_build(lms_hostile)
    text = lms_file(lms_hostile, "moodle-xml").read_text(encoding="utf-8")
    assert "<script" not in text and "]]>" not in text.replace("]]></text>", "")


def test_the_bundled_bank_reads_back_with_every_question(lms_bundled):
    check_build(lms_bundled)


def test_a_cdata_end_in_html_is_split_safely():
    from quizgen.render.moodle_xml import cdata

    wrapped = f"<t>{cdata('a ]]> b ]]]]> c')}</t>"
    assert etree.fromstring(wrapped).text == "a ]]> b ]]]]> c"
