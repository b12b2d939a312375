"""QTI 1.2 (``qti.zip``, Canvas's dialect) validated against the IMS QTI ASI 1.2 and IMS CP
1.1 schemas, then read back item by item and compared with the bank."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lms_support import assert_inert, built_bank, html_plain, lms_file, paragraphs
from qti_support import CP_NS, assert_valid, package, parse, schema

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

NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
CANVAS_TYPES = {
    MultipleChoice: "multiple_choice_question",
    TrueFalse: "true_false_question",
    ShortAnswer: "short_answer_question",
    Numeric: "numerical_question",
    Cloze: "fill_in_multiple_blanks_question",
    Matching: "matching_question",
    Ordering: "matching_question",
}


def metadata(item) -> dict[str, str]:
    fields = item.findall("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", NS)
    return {f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
            for f in fields}  # fmt: skip


def html_text_of(element) -> str:
    mattext = element.find("q:material/q:mattext", NS)
    assert mattext.get("texttype") == "text/html"
    assert_inert(mattext.text)
    return mattext.text


def plain_text_of(element) -> str:
    mattext = element.find("q:material/q:mattext", NS)
    assert mattext.get("texttype") == "text/plain"
    return mattext.text


def labels(lid, html: bool) -> dict[str, str]:
    read = html_text_of if html else plain_text_of
    return {
        label.get("ident"): html_plain(read(label)) if html else read(label)
        for label in lid.findall("q:render_choice/q:response_label", NS)
    }


def scored(item, respident: str) -> list[tuple[str, str, Decimal]]:
    """(tag, value, score) of every response test on ``respident`` that sets or adds score."""
    out = []
    for cond in item.findall("q:resprocessing/q:respcondition", NS):
        setvar = cond.find("q:setvar", NS)
        if setvar is None:
            continue
        for test in cond.find("q:conditionvar", NS).iter():
            if test.get("respident") == respident:
                out.append((etree_name(test), test.text, Decimal(setvar.text)))
    return out


def etree_name(element) -> str:
    return element.tag.split("}")[1]


def check_item(item, q: Question) -> None:
    body = q.body
    meta = metadata(item)
    assert meta["question_type"] == CANVAS_TYPES[type(body)]
    assert Decimal(meta["points_possible"]) == q.points
    assert item.get("title") == q.id
    presentation = item.find("q:presentation", NS)
    prompt = html_text_of(presentation)
    assert paragraphs(prompt)[0] == q.prompt
    feedback = item.find("q:itemfeedback[@ident='general_fb']/q:flow_mat", NS)
    assert paragraphs(html_text_of(feedback)) == [q.explanation, f"Source: “{q.source}”"]
    if isinstance(body, (MultipleChoice, TrueFalse)):
        (lid,) = presentation.findall("q:response_lid", NS)
        shown = labels(lid, html=True)
        right = [shown[value] for _, value, score in scored(item, lid.get("ident")) if score == 100]
        if isinstance(body, MultipleChoice):
            assert sorted(shown.values()) == sorted([body.answer, *body.distractors])
            assert right == [body.answer]
        else:
            assert list(shown.values()) == ["True", "False"]
            assert right == ["True" if body.answer else "False"]
    elif isinstance(body, ShortAnswer):
        tests = scored(item, "response1")
        assert {s for _, _, s in tests} == {Decimal(100)}
        assert [v for _, v, _ in tests] == [body.answer, *body.accept]
    elif isinstance(body, Numeric):
        tests = {tag: Decimal(value) for tag, value, _ in scored(item, "response1")}
        assert tests == {
            "varequal": body.answer,
            "vargte": body.answer - body.tolerance,
            "varlte": body.answer + body.tolerance,
        }
    elif isinstance(body, Cloze):
        lids = presentation.findall("q:response_lid", NS)
        names = [plain_text_of(lid) for lid in lids]
        sentence = html_plain(prompt.split("</p>", 1)[1])
        expected = "".join(s if isinstance(s, str) else f"[{names.pop(0)}]" for s in body.segments)
        assert sentence == expected and not names
        total = Decimal(0)
        for lid, blank in zip(lids, body.blanks, strict=True):
            shown = labels(lid, html=False)
            tests = scored(item, lid.get("ident"))
            assert [shown[v] for _, v, _ in tests] == [blank.answer, *blank.accept]
            total += tests[0][2]
        assert abs(total - 100) < Decimal("0.01")
    else:
        if isinstance(body, Ordering):
            pairs = [(item_text, str(n)) for n, item_text in enumerate(body.items, start=1)]
            options = [str(n) for n in range(1, len(body.items) + 1)]
            assert paragraphs(prompt)[1].startswith("Match each item to its position")
        else:
            pairs = [(p.left, p.right) for p in body.pairs]
            options = [p.right for p in body.pairs] + list(body.distractors)
        found, total = [], Decimal(0)
        for lid in presentation.findall("q:response_lid", NS):
            shown = labels(lid, html=False)
            assert list(shown.values()) == options
            ((_, value, share),) = scored(item, lid.get("ident"))
            found.append((plain_text_of(lid), shown[value]))
            total += share
        assert found == pairs
        assert abs(total - 100) < Decimal("0.01")


def check_build(out: Path) -> None:
    bank = built_bank(out)
    files = package(lms_file(out, "qti"))
    (name,) = [n for n in files if n.endswith(".xml") and "/" in n and "meta" not in n]
    document = parse(files[name])
    assert_valid(document, "qtiv1p2/ims_qtiasiv1p2.xsd", name)
    items = document.getroot().findall("q:assessment/q:section/q:item", NS)
    assert [i.get("title") for i in items] == [q.id for q in bank.questions]
    assert len({i.get("ident") for i in items}) == len(items)
    for item, q in zip(items, bank.questions, strict=True):
        check_item(item, q)


def test_every_question_of_the_small_bank_validates_and_reads_back(lms_small):
    check_build(lms_small)


def test_hostile_text_round_trips_and_stays_inert(lms_hostile):
    check_build(lms_hostile)


def test_the_bundled_bank_validates_with_every_question(lms_bundled):
    check_build(lms_bundled)


def test_the_schemas_reject_what_they_should():
    """The vendored schemas really constrain: an item without its ident, a manifest without
    its resources, are refused."""
    item = b'<questestinterop xmlns="%s"><item title="x"/></questestinterop>' % NS["q"].encode()
    assert not schema("qtiv1p2/ims_qtiasiv1p2.xsd").validate(parse(item))
    manifest = b'<manifest xmlns="%s" identifier="m"><organizations/></manifest>' % CP_NS.encode()
    assert not schema("imscp_v1p1.xsd").validate(parse(manifest))
