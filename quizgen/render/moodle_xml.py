"""``moodle-xml``: ``moodle.xml`` (role ``lms``), Moodle's XML question format.

One category for the bank, then every question with its own Moodle type: ``multichoice``
(one right answer, shuffled), ``truefalse``, ``shortanswer`` (every accepted answer at 100%),
``numerical`` (tolerance and unit), ``cloze`` (Moodle's embedded answers, one
``SHORTANSWER`` per blank), ``matching`` and ``ordering`` (Moodle's Ordering type). Each
question carries a stable ``idnumber``, its tags, its points as the default mark, and the
explanation and source as general feedback.

Text that Moodle shows as HTML is HTML escaped from plain text, inside CDATA (a ``]]>`` is
split across two sections, although escaped HTML never holds one); what Moodle keeps as
plain text (short answers, matching options, units) is XML-escaped.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from xml.sax.saxutils import escape

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
from .lms import category_path, feedback_html, html_text, idnumber, number, questions, tags

PENALTY = "0.3333333"
"""The share of the mark lost per wrong try in interactive modes (Moodle's default)."""


def cdata(text: str) -> str:
    """``text`` as CDATA; a ``]]>`` inside is split between two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def html_field(tag: str, html: str, indent: str = "    ") -> str:
    """``<tag format="html"><text>CDATA</text></tag>``."""
    return f'{indent}<{tag} format="html"><text>{cdata(html)}</text></{tag}>\n'


def plain(text: str) -> str:
    """Plain text as XML character data (no line break or tab is lost)."""
    return escape(text, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def shortanswer_text(text: str) -> str:
    """A short answer as Moodle compares it: ``*`` is a wildcard there unless escaped."""
    return text.replace("*", "\\*")


def _answer(fraction: str, inner: str, fmt: str = "moodle_auto_format", extra: str = "") -> str:
    return (
        f'    <answer fraction="{fraction}" format="{fmt}">{inner}'
        f'<feedback format="html"><text></text></feedback>{extra}</answer>\n'
    )


def _grade(points: Decimal) -> str:
    return number(points)


def _head(q: Question, bank_id: str, qtype: str, text_html: str) -> str:
    return (
        f'  <question type="{qtype}">\n'
        f"    <name><text>{plain(q.id)}</text></name>\n"
        + html_field("questiontext", text_html)
        + html_field("generalfeedback", feedback_html(q))
        + f"    <defaultgrade>{_grade(q.points)}</defaultgrade>\n"
        f"    <penalty>{PENALTY}</penalty>\n"
        "    <hidden>0</hidden>\n"
        f"    <idnumber>{plain(idnumber(bank_id, q.id))}</idnumber>\n"
    )


def _tail(q: Question) -> str:
    entries = "".join(f"<tag><text>{plain(t)}</text></tag>" for t in tags(q))
    return f"    <tags>{entries}</tags>\n  </question>\n"


def question_xml(q: Question, bank_id: str) -> str:
    """The ``<question>`` element of one question."""
    body = q.body
    prompt = f"<p>{html_text(q.prompt)}</p>"
    if isinstance(body, MultipleChoice):
        inner = "    <single>true</single>\n    <shuffleanswers>true</shuffleanswers>\n"
        inner += "    <answernumbering>abc</answernumbering>\n"
        inner += _answer("100", f"<text>{cdata(html_text(body.answer))}</text>", "html")
        for d in body.distractors:
            inner += _answer("0", f"<text>{cdata(html_text(d))}</text>", "html")
        return _head(q, bank_id, "multichoice", prompt) + inner + _tail(q)
    if isinstance(body, TrueFalse):
        right, wrong = ("true", "false") if body.answer else ("false", "true")
        inner = _answer("100", f"<text>{right}</text>") + _answer("0", f"<text>{wrong}</text>")
        return _head(q, bank_id, "truefalse", prompt) + inner + _tail(q)
    if isinstance(body, ShortAnswer):
        inner = "    <usecase>0</usecase>\n"
        for a in (body.answer, *body.accept):
            inner += _answer("100", f"<text>{plain(shortanswer_text(a))}</text>")
        return _head(q, bank_id, "shortanswer", prompt) + inner + _tail(q)
    if isinstance(body, Numeric):
        return _head(q, bank_id, "numerical", prompt) + _numerical(body) + _tail(q)
    if isinstance(body, Cloze):
        return _head(q, bank_id, "cloze", prompt + cloze_html(body)) + _tail(q)
    if isinstance(body, Matching):
        inner = "    <shuffleanswers>true</shuffleanswers>\n"
        options = [(html_text(p.left), p.right) for p in body.pairs]
        options += [("", d) for d in body.distractors]
        for left, right in options:
            inner += (
                f'    <subquestion format="html"><text>{cdata(left)}</text>'
                f"<answer><text>{plain(right)}</text></answer></subquestion>\n"
            )
        return _head(q, bank_id, "matching", prompt) + inner + _tail(q)
    if isinstance(body, Ordering):
        inner = (
            "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n"
            f"    <selectcount>{len(body.items)}</selectcount>\n"
            "    <gradingtype>ABSOLUTE_POSITION</gradingtype>\n"
            "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n"
        )
        # The items in their correct order: Moodle numbers them in the order given.
        for position, item in enumerate(body.items, start=1):
            inner += _answer(f"{position}", f"<text>{cdata(html_text(item))}</text>", "html")
        return _head(q, bank_id, "ordering", prompt) + inner + _tail(q)
    raise TypeError(q.type)


def _numerical(body: Numeric) -> str:
    tolerance = f"<tolerance>{number(body.tolerance)}</tolerance>"
    out = _answer("100", f"<text>{number(body.answer)}</text>", extra=tolerance)
    if body.unit:
        out += (
            "    <units><unit><multiplier>1</multiplier>"
            f"<unit_name>{plain(normalize_space(body.unit))}</unit_name></unit></units>\n"
        )
    # Units optional (a bare number is right too), typed in the answer box.
    out += "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0</unitpenalty>\n"
    out += "    <showunits>0</showunits>\n    <unitsleft>0</unitsleft>\n"
    return out


# In an embedded answer, Moodle decodes HTML entities and then turns '\}' into '}' and '\#'
# into '#'; '~', '#' and '}' not preceded by '&' end an answer. Those characters are written
# as entities (their '#' follows '&'), and a backslash before '}' or '#' is doubled.
_CLOZE_ENTITIES = {"#": "&#35;", "~": "&#126;", "=": "&#61;", "%": "&#37;"}


def cloze_answer(text: str) -> str:
    """One accepted answer of a blank, as written inside ``{1:SHORTANSWER:...}``."""
    stored = shortanswer_text(text).replace("\\}", "\\\\}").replace("\\#", "\\\\#")
    return "".join(_CLOZE_ENTITIES.get(c) or html_text(c) for c in stored)


def cloze_html(body: Cloze) -> str:
    """The sentence as a paragraph, each blank a ``SHORTANSWER`` embedded answer."""
    parts = []
    for segment in body.segments:
        if isinstance(segment, Blank):
            answers = "~".join(f"={cloze_answer(a)}" for a in (segment.answer, *segment.accept))
            parts.append(f"{{1:SHORTANSWER:{answers}}}")
        else:
            parts.append(html_text(segment))
    return "<p>" + "".join(parts) + "</p>"


def category_xml(quiz: Quiz) -> str:
    bank = quiz.bank
    info = f"<p>{html_text(normalize_space(bank.title))}</p>"
    return (
        '  <question type="category">\n'
        f"    <category><text>{plain(category_path(bank.id))}</text></category>\n"
        + html_field("info", info)
        + f"    <idnumber>quizgen-{plain(bank.id)}</idnumber>\n  </question>\n"
    )


def render_version(quiz: Quiz, version: Version, options: RenderOptions) -> Iterator[OutputFile]:
    """Nothing per version: an LMS shuffles questions and choices itself."""
    return iter(())


def render_shared(quiz: Quiz, options: RenderOptions) -> Iterator[OutputFile]:
    bank_id = quiz.bank.id
    body = "".join(question_xml(q, bank_id) for q in questions(quiz))
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{category_xml(quiz)}{body}</quiz>\n'
    yield OutputFile("moodle.xml", "moodle-xml", "lms", text.encode("utf-8"))
