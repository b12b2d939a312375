"""QTI 2.1 (``qti21.zip``) validated against the IMS QTI 2.1 and IMS CP 1.1 schemas, then read
back item by item (interactions, correct responses, mappings) and compared with the bank."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

from lms_support import built_bank, lms_file
from qti_support import CP_NS, assert_valid, package, parse

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

Q = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
MD = "{http://www.imsglobal.org/xsd/imsmd_v1p2}"
INTERACTIONS = {
    MultipleChoice: "choiceInteraction",
    TrueFalse: "choiceInteraction",
    ShortAnswer: "textEntryInteraction",
    Numeric: "textEntryInteraction",
    Cloze: "textEntryInteraction",
    Matching: "matchInteraction",
    Ordering: "orderInteraction",
}


def q(tag: str) -> str:
    return Q + tag


def correct(item, identifier: str = "RESPONSE") -> list[str]:
    for decl in item.iter(q("responseDeclaration")):
        if decl.get("identifier") == identifier:
            return [v.text for v in decl.iter(q("value"))]
    raise AssertionError(identifier)


def mapping(item, identifier: str = "RESPONSE") -> list[tuple[str, Decimal]]:
    for decl in item.iter(q("responseDeclaration")):
        if decl.get("identifier") == identifier:
            return [
                (e.get("mapKey"), Decimal(e.get("mappedValue"))) for e in decl.iter(q("mapEntry"))
            ]
    raise AssertionError(identifier)


def choices(interaction, tag: str = "simpleChoice") -> dict[str, str]:
    return {c.get("identifier"): c.text for c in interaction.iter(q(tag))}


def check_item(item, q_: Question) -> None:
    body = q_.body
    assert item.get("title") == q_.id
    item_body = item.find(q("itemBody"))
    paragraphs = item_body.findall(q("p"))
    assert paragraphs[0].text == q_.prompt
    feedback = item.find(q("modalFeedback"))
    assert [p.text for p in feedback.findall(q("p"))] == [
        q_.explanation,
        f"Source: “{q_.source}”",
    ]
    interactions = list(item_body.iter(q(INTERACTIONS[type(body)])))
    assert interactions
    maxscore = [d for d in item.iter(q("outcomeDeclaration")) if d.get("identifier") == "MAXSCORE"][
        0
    ]
    assert Decimal(maxscore.find(f"{Q}defaultValue/{Q}value").text) == q_.points
    if isinstance(body, MultipleChoice):
        (interaction,) = interactions
        shown = choices(interaction)
        assert interaction.get("shuffle") == "true" and interaction.get("maxChoices") == "1"
        assert sorted(shown.values()) == sorted([body.answer, *body.distractors])
        assert [shown[c] for c in correct(item)] == [body.answer]
    elif isinstance(body, TrueFalse):
        shown = choices(interactions[0])
        assert list(shown.values()) == ["True", "False"]
        assert [shown[c] for c in correct(item)] == ["True" if body.answer else "False"]
    elif isinstance(body, ShortAnswer):
        assert correct(item) == [body.answer]
        accepted = list(dict.fromkeys((body.answer, *body.accept)))
        assert mapping(item) == [(a, q_.points) for a in accepted]
    elif isinstance(body, Numeric):
        assert [Decimal(v) for v in correct(item)] == [body.answer]
        (equal,) = item.iter(q("equal"))
        assert equal.get("toleranceMode") == "absolute"
        assert [Decimal(t) for t in equal.get("tolerance").split()] == [body.tolerance] * 2
    elif isinstance(body, Cloze):
        sentence = paragraphs[1]
        texts = [sentence.text or ""] + [(i.tail or "") for i in interactions]
        expected = [""]
        for segment in body.segments:
            if isinstance(segment, str):
                expected[-1] += segment
            else:
                expected.append("")
        assert texts == expected
        total = Decimal(0)
        for interaction, blank in zip(interactions, body.blanks, strict=True):
            identifier = interaction.get("responseIdentifier")
            assert correct(item, identifier) == [blank.answer]
            entries = mapping(item, identifier)
            assert [k for k, _ in entries] == list(dict.fromkeys((blank.answer, *blank.accept)))
            total += entries[0][1]
        assert abs(total - q_.points) < Decimal("0.001")
    elif isinstance(body, Matching):
        (interaction,) = interactions
        lefts, rights = interaction.findall(q("simpleMatchSet"))
        left, right = (
            choices(lefts, "simpleAssociableChoice"),
            choices(rights, "simpleAssociableChoice"),
        )
        assert list(right.values()) == [p.right for p in body.pairs] + list(body.distractors)
        pairs = [tuple(v.split()) for v in correct(item)]
        assert [(left[a], right[b]) for a, b in pairs] == [(p.left, p.right) for p in body.pairs]
        assert abs(sum(v for _, v in mapping(item)) - q_.points) < Decimal("0.001")
    elif isinstance(body, Ordering):
        (interaction,) = interactions
        shown = choices(interaction)
        assert interaction.get("shuffle") == "true"
        assert [shown[c] for c in correct(item)] == list(body.items)
    else:
        raise AssertionError(q_.type)


def check_build(out: Path) -> None:
    bank = built_bank(out)
    files = package(lms_file(out, "qti21"))
    manifest = parse(files["imsmanifest.xml"]).getroot()
    resources = manifest.findall(f"{{{CP_NS}}}resources/{{{CP_NS}}}resource")
    test_resource, *item_resources = resources
    assert test_resource.get("type") == "imsqti_test_xmlv2p1"
    assert [r.get("type") for r in item_resources] == ["imsqti_item_xmlv2p1"] * len(bank.questions)
    test = parse(files[test_resource.get("href")])
    assert_valid(test, "qtiv2p1/imsqti_v2p1.xsd", "test.xml")
    refs = [r.get("href") for r in test.getroot().iter(q("assessmentItemRef"))]
    assert refs == [r.get("href") for r in item_resources]
    for resource, question in zip(item_resources, bank.questions, strict=True):
        document = parse(files[resource.get("href")])
        assert_valid(document, "qtiv2p1/imsqti_v2p1.xsd", resource.get("href"))
        check_item(document.getroot(), question)
        keywords = [k.text for k in resource.iter(f"{MD}langstring")]
        difficulty = {1: "easy", 2: "medium", 3: "difficult"}[question.difficulty]
        assert keywords == [*question.tags, "LOMv1.0", difficulty]


def test_every_question_of_the_small_bank_validates_and_reads_back(lms_small):
    check_build(lms_small)


def test_hostile_text_round_trips_and_stays_inert(lms_hostile):
    check_build(lms_hostile)
    with zipfile.ZipFile(lms_file(lms_hostile, "qti21")) as archive:
        for name in archive.namelist():
            assert b"<script" not in archive.read(name)


def test_the_bundled_bank_validates_with_every_question(lms_bundled):
    check_build(lms_bundled)
