"""``qti21``: ``qti21.zip`` (role ``lms``), QTI 2.1 items and an assessment test in an IMS
content package (Canvas New Quizzes, Moodle's QTI import, TAO, Inspera, Onyx).

One ``assessmentItem`` per question (``items/<id>.xml``) and one ``assessmentTest`` holding
them all (``test.xml``), listed in ``imsmanifest.xml`` (IMS Content Packaging 1.1) with each
item's tags and difficulty as LOM metadata. Interactions: ``choiceInteraction`` (multiple
choice, shuffled; true/false), ``textEntryInteraction`` (short answer with every accepted
answer mapped; numeric within the tolerance; one per blank of a cloze sentence),
``matchInteraction`` (matching, extra options included) and ``orderInteraction`` (ordering).
Every item scores its points in ``SCORE`` and shows the explanation and source as feedback.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal

from ..model import (
    Blank,
    Cloze,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Quiz,
    ShortAnswer,
    TrueFalse,
    Version,
)
from ..text import normalize_space
from . import OutputFile, RenderOptions
from .lms import number, questions, tags, zip_bytes
from .qti import CP_NS, CP_XSD, XSI, ident, sub

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
MD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
MD_XSD = "http://www.imsglobal.org/xsd/imsmd_v1p2p4.xsd"

DIFFICULTY = {1: "easy", 2: "medium", 3: "difficult"}
"""LOM's difficulty vocabulary for the bank's 1 to 3."""


def _root(tag: str, **attrs: str) -> ET.Element:
    return ET.Element(
        tag, {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NS} {XSD}", **attrs}
    )


def _value(parent: ET.Element, text: str) -> None:
    sub(parent, "value", text)


def _declare(item: ET.Element, identifier: str, cardinality: str, base: str, correct: list[str]):
    decl = sub(item, "responseDeclaration", identifier=identifier, cardinality=cardinality)
    decl.set("baseType", base)
    values = sub(decl, "correctResponse")
    for value in correct:
        _value(values, value)
    return decl


def _mapping(decl: ET.Element, entries: list[tuple[str, str]], upper: str | None = None):
    attrs = {"defaultValue": "0"} | ({"upperBound": upper} if upper else {})
    mapping = sub(decl, "mapping", **attrs)
    for key, value in entries:
        sub(mapping, "mapEntry", mapKey=key, mappedValue=value, caseSensitive="false")


def _outcomes(item: ET.Element, points: str) -> None:
    for identifier, base, default in (
        ("SCORE", "float", "0"),
        ("MAXSCORE", "float", points),
        ("FEEDBACK", "identifier", None),
    ):
        decl = sub(item, "outcomeDeclaration", identifier=identifier, cardinality="single")
        decl.set("baseType", base)
        if default is not None:
            _value(sub(decl, "defaultValue"), default)


def _set_score(parent: ET.Element, expression: ET.Element) -> None:
    sub(parent, "setOutcomeValue", identifier="SCORE").append(expression)


def _base(base: str, text: str) -> ET.Element:
    element = ET.Element("baseValue", {"baseType": base})
    element.text = text
    return element


def _if_correct(processing: ET.Element, test: ET.Element, points: str) -> None:
    condition = sub(sub(processing, "responseCondition"), "responseIf")
    condition.append(test)
    _set_score(condition, _base("float", points))


def _match(identifier: str) -> ET.Element:
    match = ET.Element("match")
    sub(match, "variable", identifier=identifier)
    sub(match, "correct", identifier=identifier)
    return match


def item_xml(q: Question, bank_id: str, key: str) -> bytes:
    """The ``assessmentItem`` of one question."""
    body = q.body
    points = number(q.points)
    item = _root("assessmentItem", identifier=key, title=q.id, adaptive="false")
    item.set("timeDependent", "false")
    item_body = ET.Element("itemBody")
    sub(item_body, "p", q.prompt)
    processing = ET.Element("responseProcessing")
    if isinstance(body, (MultipleChoice, TrueFalse)):
        if isinstance(body, MultipleChoice):
            texts, right, shuffle = [body.answer, *body.distractors], "C0", "true"
        else:
            texts, right, shuffle = ["True", "False"], "C0" if body.answer else "C1", "false"
        _declare(item, "RESPONSE", "single", "identifier", [right])
        interaction = sub(item_body, "choiceInteraction", responseIdentifier="RESPONSE")
        interaction.set("shuffle", shuffle)
        interaction.set("maxChoices", "1")
        for n, text in enumerate(texts):
            sub(interaction, "simpleChoice", text, identifier=f"C{n}")
        _if_correct(processing, _match("RESPONSE"), points)
    elif isinstance(body, ShortAnswer):
        decl = _declare(item, "RESPONSE", "single", "string", [body.answer])
        _mapping(decl, [(a, points) for a in dict.fromkeys((body.answer, *body.accept))])
        sub(sub(item_body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE")
        _set_score(processing, ET.Element("mapResponse", {"identifier": "RESPONSE"}))
    elif isinstance(body, Numeric):
        _declare(item, "RESPONSE", "single", "float", [number(body.answer)])
        sub(sub(item_body, "p"), "textEntryInteraction", responseIdentifier="RESPONSE")
        margin = number(body.tolerance)
        equal = ET.Element(
            "equal", {"toleranceMode": "absolute", "tolerance": f"{margin} {margin}"}
        )
        sub(equal, "variable", identifier="RESPONSE")
        sub(equal, "correct", identifier="RESPONSE")
        _if_correct(processing, equal, points)
    elif isinstance(body, Cloze):
        _cloze(item, item_body, processing, body, q.points)
    elif isinstance(body, Matching):
        _matching(item, item_body, processing, body, q.points)
    elif isinstance(body, Ordering):
        correct = [f"I{n}" for n in range(len(body.items))]
        _declare(item, "RESPONSE", "ordered", "identifier", correct)
        interaction = sub(item_body, "orderInteraction", responseIdentifier="RESPONSE")
        interaction.set("shuffle", "true")
        for n, text in enumerate(body.items):
            sub(interaction, "simpleChoice", text, identifier=f"I{n}")
        _if_correct(processing, _match("RESPONSE"), points)
    else:
        raise TypeError(q.type)
    feedback_rule = sub(processing, "setOutcomeValue", identifier="FEEDBACK")
    feedback_rule.append(_base("identifier", "general"))
    _outcomes(item, points)
    item.append(item_body)
    item.append(processing)
    feedback = sub(item, "modalFeedback", outcomeIdentifier="FEEDBACK", showHide="show")
    feedback.set("identifier", "general")
    sub(feedback, "p", q.explanation)
    sub(feedback, "p", f"Source: “{q.source}”")
    ET.indent(item, space="  ")
    if isinstance(body, Cloze):
        # Indenting rewrites whitespace-only text around the blanks: put the sentence back.
        _sentence(item_body.findall("p")[1], body)
    return _document(item, indent=False)


def _share(points: Decimal, count: int) -> str:
    return number((points / count).quantize(Decimal("0.0001")))


def _cloze(item, item_body, processing, body: Cloze, points: Decimal) -> None:
    share = _share(points, len(body.blanks))
    paragraph = sub(item_body, "p")
    total = ET.Element("sum")
    for index, blank in enumerate(body.blanks, start=1):
        identifier = f"RESPONSE_{index}"
        decl = _declare(item, identifier, "single", "string", [blank.answer])
        _mapping(decl, [(a, share) for a in dict.fromkeys((blank.answer, *blank.accept))])
        sub(paragraph, "textEntryInteraction", responseIdentifier=identifier)
        sub(total, "mapResponse", identifier=identifier)
    _sentence(paragraph, body)
    _set_score(processing, total)


def _sentence(paragraph: ET.Element, body: Cloze) -> None:
    """The text of the sentence around its blanks (the paragraph's interactions)."""
    slots = [paragraph, *paragraph]
    texts = [""]
    for segment in body.segments:
        if isinstance(segment, Blank):
            texts.append("")
        else:
            texts[-1] += segment
    paragraph.text = texts[0] or None
    for interaction, text in zip(slots[1:], texts[1:], strict=True):
        interaction.tail = text or None


def _matching(item, item_body, processing, body: Matching, points: Decimal) -> None:
    options = [p.right for p in body.pairs] + list(body.distractors)
    pairs = [f"L{n} R{options.index(p.right)}" for n, p in enumerate(body.pairs)]
    decl = _declare(item, "RESPONSE", "multiple", "directedPair", pairs)
    share = _share(points, len(pairs))
    _mapping(decl, [(pair, share) for pair in pairs])
    interaction = sub(item_body, "matchInteraction", responseIdentifier="RESPONSE")
    interaction.set("shuffle", "true")
    interaction.set("maxAssociations", str(len(pairs)))
    lefts = sub(interaction, "simpleMatchSet")
    for n, pair in enumerate(body.pairs):
        sub(lefts, "simpleAssociableChoice", pair.left, identifier=f"L{n}", matchMax="1")
    rights = sub(interaction, "simpleMatchSet")
    for n, text in enumerate(options):
        choice = sub(rights, "simpleAssociableChoice", text, identifier=f"R{n}")
        choice.set("matchMax", str(len(pairs)))
    _set_score(processing, ET.Element("mapResponse", {"identifier": "RESPONSE"}))


def test_xml(quiz: Quiz, keys: list[str]) -> bytes:
    test = _root("assessmentTest", identifier=ident("test", quiz.bank.id))
    test.set("title", normalize_space(quiz.title))
    score = sub(test, "outcomeDeclaration", identifier="SCORE", cardinality="single")
    score.set("baseType", "float")
    _value(sub(score, "defaultValue"), "0")
    part = sub(test, "testPart", identifier="part", navigationMode="nonlinear")
    part.set("submissionMode", "simultaneous")
    section = sub(part, "assessmentSection", identifier="questions", title="Questions")
    section.set("visible", "true")
    sub(section, "ordering", shuffle="true")
    for key in keys:
        sub(section, "assessmentItemRef", identifier=key, href=f"items/{key}.xml")
    total = sub(sub(test, "outcomeProcessing"), "setOutcomeValue", identifier="SCORE")
    sub(sub(total, "sum"), "testVariables", variableIdentifier="SCORE")
    return _document(test)


def _lom(resource: ET.Element, q: Question) -> None:
    lom = sub(sub(resource, "metadata"), "imsmd:lom")
    general = sub(lom, "imsmd:general")
    for tag in tags(q)[:-1]:
        sub(sub(general, "imsmd:keyword"), "imsmd:langstring", tag)
    difficulty = sub(sub(lom, "imsmd:educational"), "imsmd:difficulty")
    sub(sub(difficulty, "imsmd:source"), "imsmd:langstring", "LOMv1.0", **{"xml:lang": "x-none"})
    value = DIFFICULTY[q.difficulty]
    sub(sub(difficulty, "imsmd:value"), "imsmd:langstring", value, **{"xml:lang": "x-none"})


def manifest_xml(quiz: Quiz, chosen: tuple[Question, ...], keys: list[str]) -> bytes:
    root = ET.Element(
        "manifest",
        {
            "identifier": ident("manifest21", quiz.bank.id),
            "xmlns": CP_NS,
            "xmlns:imsmd": MD_NS,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{CP_NS} {CP_XSD} {MD_NS} {MD_XSD}",
        },
    )
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "QTIv2.1 Package")
    sub(metadata, "schemaversion", "1.0.0")
    sub(root, "organizations")
    resources = sub(root, "resources")
    test_id = ident("test", quiz.bank.id)
    test = sub(resources, "resource", identifier=f"{test_id}_r", type="imsqti_test_xmlv2p1")
    test.set("href", "test.xml")
    sub(test, "file", href="test.xml")
    for key in keys:
        sub(test, "dependency", identifierref=f"{key}_r")
    for q, key in zip(chosen, keys, strict=True):
        resource = sub(resources, "resource", identifier=f"{key}_r", type="imsqti_item_xmlv2p1")
        resource.set("href", f"items/{key}.xml")
        _lom(resource, q)
        sub(resource, "file", href=f"items/{key}.xml")
    return _document(root)


def _document(root: ET.Element, indent: bool = True) -> bytes:
    if indent:
        ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + text + b"\n"


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """Nothing per version: an LMS shuffles questions and choices itself."""
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    chosen = questions(quiz)
    bank_id = quiz.bank.id
    keys = [ident(bank_id, q.id) for q in chosen]
    entries = [
        ("imsmanifest.xml", manifest_xml(quiz, chosen, keys)),
        ("test.xml", test_xml(quiz, keys)),
    ]
    entries += [
        (f"items/{k}.xml", item_xml(q, bank_id, k)) for q, k in zip(chosen, keys, strict=True)
    ]
    yield OutputFile("qti21.zip", "qti21", "lms", zip_bytes(entries))
