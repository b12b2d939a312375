"""``qti``: ``qti.zip`` (role ``lms``), an IMS content package holding one QTI 1.2 assessment
in the dialect Canvas Classic Quizzes imports (the one text2qti writes), which Blackboard and
Brightspace import too.

Canvas reads each item's ``question_type`` and ``points_possible`` from its metadata:
``multiple_choice_question``, ``true_false_question``, ``short_answer_question`` (every
accepted answer), ``numerical_question`` (the answer and its margin),
``fill_in_multiple_blanks_question`` (a cloze sentence, ``[b1]``, ``[b2]``... for its
blanks) and ``matching_question``; ordering becomes matching of each item to its position.
Question text is HTML escaped from plain text, itself escaped as the XML text of ``mattext``.
The manifest follows IMS Content Packaging 1.1 (``imscp_v1p1``).
"""

from __future__ import annotations

import hashlib
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
from .lms import (
    ORDERING_HINT,
    feedback_html,
    html_text,
    number,
    ordering_note,
    positions,
    questions,
    tags,
    zip_bytes,
)

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

TYPES = {
    MultipleChoice: "multiple_choice_question",
    TrueFalse: "true_false_question",
    ShortAnswer: "short_answer_question",
    Numeric: "numerical_question",
    Cloze: "fill_in_multiple_blanks_question",
    Matching: "matching_question",
    Ordering: "matching_question",
}


def ident(*parts: str) -> str:
    """An identifier derived from ``parts`` (never from content), valid as an XML ID."""
    return "q" + hashlib.sha256("\0".join(("quizgen", *parts)).encode()).hexdigest()[:32]


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def material(parent: ET.Element, html: str | None = None, plain: str | None = None) -> None:
    """``<material><mattext>``: HTML (``text/html``) or plain text."""
    mat = sub(parent, "material")
    if html is not None:
        sub(mat, "mattext", html, texttype="text/html")
    else:
        sub(mat, "mattext", plain, texttype="text/plain")


def _metadata(item: ET.Element, q: Question, choice_ids: list[str], key: str) -> None:
    fields = [
        ("question_type", TYPES[type(q.body)]),
        ("points_possible", number(q.points)),
        ("original_answer_ids", ",".join(choice_ids)),
        ("assessment_question_identifierref", f"{key}_ref"),
        ("qmd_levelofdifficulty", str(q.difficulty)),
        ("qmd_topic", " ".join(tags(q))),
    ]
    meta = sub(sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields:
        field = sub(meta, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", entry)


def _choices(parent: ET.Element, respident: str, options: list[tuple[str, str]], html: bool):
    lid = sub(parent, "response_lid", ident=respident, rcardinality="Single")
    render = sub(lid, "render_choice")
    for choice_id, text in options:
        label = sub(render, "response_label", ident=choice_id)
        if html:
            material(label, html=html_text(text))
        else:
            material(label, plain=text)
    return lid


def _condition(proc: ET.Element, tests: list[ET.Element], score: str, action: str = "Set"):
    cond = sub(proc, "respcondition", **({"continue": "No"} if action == "Set" else {}))
    var = sub(cond, "conditionvar")
    for test in tests:
        var.append(test)
    sub(cond, "setvar", score, action=action, varname="SCORE")


def _test(tag: str, respident: str, value: str) -> ET.Element:
    element = ET.Element(tag, {"respident": respident})
    element.text = value
    return element


def item_xml(q: Question, bank_id: str) -> ET.Element:
    """The ``<item>`` of one question."""
    key = ident(bank_id, q.id)
    body = q.body
    item = ET.Element("item", {"ident": key, "title": q.id})
    prompt = f"<p>{html_text(q.prompt)}</p>"
    choice_ids: list[str] = []
    presentation = ET.Element("presentation")
    proc = ET.Element("resprocessing")
    outcomes = sub(proc, "outcomes")
    sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = sub(proc, "respcondition", **{"continue": "Yes"})
    sub(sub(general, "conditionvar"), "other")
    sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    if isinstance(body, (MultipleChoice, TrueFalse)):
        texts = [body.answer, *body.distractors] if isinstance(body, MultipleChoice) else None
        if texts is None:
            texts = ["True", "False"] if body.answer else ["False", "True"]
        choice_ids = [f"{key}_{n}" for n in range(len(texts))]
        if isinstance(body, TrueFalse):
            # Shown True then False, whichever is right.
            order = [0, 1] if body.answer else [1, 0]
            options = [(choice_ids[i], texts[i]) for i in order]
        else:
            options = list(zip(choice_ids, texts, strict=True))
        material(presentation, html=prompt)
        _choices(presentation, "response1", options, html=True)
        _condition(proc, [_test("varequal", "response1", choice_ids[0])], "100")
    elif isinstance(body, (ShortAnswer, Numeric)):
        material(presentation, html=prompt)
        fib = sub(
            sub(presentation, "response_str", ident="response1", rcardinality="Single"),
            "render_fib",
            **({"fibtype": "Decimal"} if isinstance(body, Numeric) else {}),
        )
        sub(fib, "response_label", ident="answer1", rshuffle="No")
        if isinstance(body, ShortAnswer):
            tests = [_test("varequal", "response1", a) for a in (body.answer, *body.accept)]
        else:
            low, high = body.answer - body.tolerance, body.answer + body.tolerance
            either = ET.Element("or")
            either.append(_test("varequal", "response1", number(body.answer)))
            both = sub(either, "and")
            both.append(_test("vargte", "response1", number(low)))
            both.append(_test("varlte", "response1", number(high)))
            tests = [either]
        _condition(proc, tests, "100")
    elif isinstance(body, Cloze):
        _cloze(presentation, proc, key, prompt, body, choice_ids)
    else:
        _matching(presentation, proc, key, q, prompt, choice_ids)
    _metadata(item, q, choice_ids, key)
    item.append(presentation)
    item.append(proc)
    feedback = sub(item, "itemfeedback", ident="general_fb")
    material(sub(feedback, "flow_mat"), html=feedback_html(q))
    return item


def blank_name(index: int) -> str:
    """The name of blank ``index`` (0-based) in a fill-in-multiple-blanks question: ``b1``..."""
    return f"b{index + 1}"


def _cloze(presentation, proc, key, prompt, body: Cloze, choice_ids: list[str]) -> None:
    parts, index = [], 0
    for segment in body.segments:
        if isinstance(segment, Blank):
            parts.append(f"[{blank_name(index)}]")
            index += 1
        else:
            parts.append(html_text(segment))
    material(presentation, html=prompt + "<p>" + "".join(parts) + "</p>")
    share = _share(len(body.blanks))
    for index, blank in enumerate(body.blanks):
        name = blank_name(index)
        respident = f"response_{name}"
        lid = sub(presentation, "response_lid", ident=respident)
        material(lid, plain=name)
        render = sub(lid, "render_choice")
        for n, text in enumerate((blank.answer, *blank.accept)):
            choice_id = f"{key}_{name}_{n}"
            choice_ids.append(choice_id)
            material(sub(render, "response_label", ident=choice_id), plain=text)
            cond = sub(proc, "respcondition")
            sub(sub(cond, "conditionvar"), "varequal", choice_id, respident=respident)
            sub(cond, "setvar", share, varname="SCORE", action="Add")


def _matching(presentation, proc, key, q: Question, prompt: str, choice_ids: list[str]) -> None:
    body = q.body
    if isinstance(body, Ordering):
        prompt += f"<p>{html_text(ORDERING_HINT)}</p>"
        pairs = list(zip(body.items, positions(q), strict=True))
        options = list(positions(q))
    else:
        assert isinstance(body, Matching)
        pairs = [(p.left, p.right) for p in body.pairs]
        options = [p.right for p in body.pairs] + list(body.distractors)
    material(presentation, html=prompt)
    option_ids = [f"{key}_o{n}" for n in range(len(options))]
    share = _share(len(pairs))
    for n, (left, right) in enumerate(pairs):
        respident = f"response_{key}_{n}"
        choice_ids.append(f"{key}_{n}")
        lid = sub(presentation, "response_lid", ident=respident)
        material(lid, plain=left)
        render = sub(lid, "render_choice")
        for option_id, text in zip(option_ids, options, strict=True):
            material(sub(render, "response_label", ident=option_id), plain=text)
        cond = sub(proc, "respcondition")
        right_id = option_ids[options.index(right)]
        sub(sub(cond, "conditionvar"), "varequal", right_id, respident=respident)
        sub(cond, "setvar", share, varname="SCORE", action="Add")


def _share(count: int) -> str:
    """Each of ``count`` parts' share of 100, so that the shares add up to 100."""
    return number((Decimal(100) / count).quantize(Decimal("0.0001")))


def assessment_xml(quiz: Quiz, chosen: tuple[Question, ...], key: str) -> bytes:
    root = ET.Element(
        "questestinterop",
        {"xmlns": QTI_NS, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}"},
    )
    assessment = sub(root, "assessment", ident=key, title=normalize_space(quiz.title))
    field = sub(sub(assessment, "qtimetadata"), "qtimetadatafield")
    sub(field, "fieldlabel", "cc_maxattempts")
    sub(field, "fieldentry", "1")
    section = sub(assessment, "section", ident="root_section")
    for q in chosen:
        section.append(item_xml(q, quiz.bank.id))
    return _document(root)


def meta_xml(quiz: Quiz, chosen: tuple[Question, ...], key: str) -> bytes:
    """Canvas's own quiz settings (``assessment_meta.xml``): title, shuffled answers, points."""
    root = ET.Element(
        "quiz",
        {
            "identifier": key,
            "xmlns": CANVAS_NS,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd",
        },
    )
    sub(root, "title", normalize_space(quiz.title))
    sub(root, "description", f"<p>{html_text(normalize_space(quiz.bank.title))}</p>")
    sub(root, "shuffle_answers", "true")
    sub(root, "scoring_policy", "keep_highest")
    sub(root, "quiz_type", "assignment")
    sub(root, "points_possible", number(sum((q.points for q in chosen), Decimal(0))))
    sub(root, "show_correct_answers", "true")
    sub(root, "allowed_attempts", "1")
    return _document(root)


def manifest_xml(quiz: Quiz, key: str) -> bytes:
    root = ET.Element(
        "manifest",
        {
            "identifier": ident("manifest", quiz.bank.id),
            "xmlns": CP_NS,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{CP_NS} {CP_XSD}",
        },
    )
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "IMS Content")
    sub(metadata, "schemaversion", "1.1.3")
    sub(root, "organizations")
    resources = sub(root, "resources")
    resource = sub(resources, "resource", identifier=key, type="imsqti_xmlv1p2")
    sub(resource, "file", href=f"{key}/{key}.xml")
    sub(resource, "dependency", identifierref=f"{key}_meta")
    meta = sub(
        resources,
        "resource",
        identifier=f"{key}_meta",
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{key}/assessment_meta.xml",
    )
    sub(meta, "file", href=f"{key}/assessment_meta.xml")
    return _document(root)


def _document(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(root, encoding="utf-8", xml_declaration=False)
        + b"\n"
    )


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """Nothing per version: an LMS shuffles questions and choices itself."""
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    chosen = questions(quiz)
    key = ident("assessment", quiz.bank.id)
    data = zip_bytes(
        [
            ("imsmanifest.xml", manifest_xml(quiz, key)),
            (f"{key}/{key}.xml", assessment_xml(quiz, chosen, key)),
            (f"{key}/assessment_meta.xml", meta_xml(quiz, chosen, key)),
        ]
    )
    notes = ordering_note("qti", sum(isinstance(q.body, Ordering) for q in chosen))
    yield OutputFile("qti.zip", "qti", "lms", data, notes=notes)
