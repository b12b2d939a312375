"""Questions that show their sentence with a blank: dates and figures (and their helpers).

One such question per sentence, so two questions never show the same sentence: a sentence with
one date or figure gets a multiple-choice, numeric or fill-in question about it (in turn); a
sentence with several gets one fill-in question with a blank for each.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..lint_text import unbalanced
from ..text import format_number, normalize_answer, normalize_space
from ..typography import curly, quoted
from .distractors import date_distractors, figure_distractors, format_date, ordinal_number
from .facts import DateFact, Figure, Sentence

BLANK = "____"


def blanked(sentence: Sentence, spans: list[tuple[int, int, str]]) -> str:
    """The sentence with each ``(start, end, replacement)`` span (article offsets) replaced."""
    out, pos = [], sentence.start
    for start, end, replacement in sorted(spans):
        out.append(sentence.text[pos - sentence.start : start - sentence.start])
        out.append(replacement)
        pos = end
    out.append(sentence.text[pos - sentence.start :])
    text = normalize_space("".join(out))
    before, after = sentence.cut
    if before or after:
        # An excerpt: its cut ends shown as an ellipsis, and quotation marks it cut in half
        # left out rather than printed unpaired.
        if unbalanced(curly(text)):
            text = normalize_space(_DOUBLE_QUOTES.sub("", text))
        text = ("… " if before else "") + text + (" …" if after else "")
    return text


_DOUBLE_QUOTES = re.compile('["“”]')


def blank_of(answers: list[str]) -> str | None:
    """A cloze blank ``{{answer|other|...}}``; None when an answer holds ``{``, ``}`` or ``|``."""
    answers = list(dict.fromkeys(normalize_space(a) for a in answers if a.strip()))
    if not answers or any(ch in a for a in answers for ch in "{}|"):
        return None
    return "{{" + "|".join(answers) + "}}"


def number_yaml(value: Decimal) -> int | float:
    """A number as YAML writes it: an int when whole, else a float with the same digits."""
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    return float(str(value))


def date_alternatives(d: DateFact) -> list[str]:
    """Other ways to write a date that a fill-in blank also accepts."""
    if not d.value or d.value.startswith("--") or d.form == "relative":
        return []
    out = [t for t in (format_date(d.value, "mdy"), format_date(d.value, "dmy")) if t]
    if d.precision == "range":
        a, b = d.value.split("/")
        out += [f"{a}-{b}", f"{a} to {b}"]
    if d.precision == "day":
        out.append(d.value)
    return [o for o in out if normalize_answer(o) != normalize_answer(d.text)]


def figure_alternatives(f: Figure) -> list[str]:
    """Other ways to write a figure's number that a blank also accepts (``three`` -> ``3``)."""
    if f.words and f.ordinal:
        out = [ordinal_number(int(f.value))]
    elif f.words:
        out = [str(int(f.value))]
    elif f.ordinal:
        out = []
    else:
        out = [format_number(f.value), format_number(f.value).replace(",", "")]
    return [o for o in dict.fromkeys(out) if o != f.number]


def in_quotes(sentence: str) -> str | None:
    """``sentence`` as a prompt quotes it: “…”, its own quotation marks made single; None
    when its marks do not pair up (a quotation cut by the sentence's end), which would print
    as stray marks."""
    if unbalanced(curly(sentence)):
        return None
    return quoted(sentence)


def date_blank(d: DateFact) -> tuple[int, int, list[str]]:
    """The span a date's blank covers and the answers it accepts."""
    start, end = d.blank or (d.start, d.end)
    answer = d.sentence.text[start - d.sentence.start : end - d.sentence.start]
    return start, end, [answer, *(date_alternatives(d) if answer == d.text else [])]


def figure_blank(f: Figure) -> tuple[int, int, list[str]]:
    """The span a figure's blank covers (its number) and the answers it accepts."""
    return f.number_start, f.number_end, [f.number, *figure_alternatives(f)]


def date_question(i: int, d: DateFact, dates: list[DateFact]) -> dict | None:
    """Which date completes the sentence (multiple choice), or a fill-in blank, in turn."""
    if d.form != "relative" and i % 2 == 0:
        distractors = date_distractors(d, dates)
        if len(distractors) >= 2:
            what = {"year": "year", "range": "years", "decade": "decade"}.get(d.precision, "date")
            verb = "complete" if what == "years" else "completes"
            shown = in_quotes(blanked(d.sentence, [(d.start, d.end, BLANK)]))
            if shown is None:
                return cloze([date_blank(d)], d.sentence, "Fill in the blank.")
            return {
                "type": "multiple_choice",
                "prompt": f"Which {what} {verb} this sentence from the article? {shown}",
                "answer": d.text,
                "distractors": distractors,
            }
    return cloze([date_blank(d)], d.sentence, "Fill in the blank.")


def figure_question(i: int, f: Figure, figures: list[Figure]) -> dict | None:
    """Which figure completes the sentence (multiple choice), how many (numeric) or a fill-in
    blank, in turn."""
    shown = in_quotes(blanked(f.sentence, [(f.number_start, f.number_end, BLANK)]))
    turn = 0 if i % 3 == 1 and f.ordinal else i % 3
    if shown is None:
        turn = 2
    if turn == 0:
        distractors = figure_distractors(f, figures)
        if len(distractors) >= 2:
            return {
                "type": "multiple_choice",
                "prompt": f"Which figure completes this sentence from the article? {shown}",
                "answer": f.number,
                "distractors": distractors,
            }
        turn = 2
    if turn == 1:
        unit = f.unit if " " in f.unit else plural(f.unit)  # a three-year war: years
        answer = number_yaml(f.value)
        question: dict = {
            "type": "numeric",
            "prompt": f"{_how_many(f, unit)}Give the number that fills the blank in this "
            f"sentence from the article: {shown}",
            "answer": answer,
            "tolerance": 0,
        }
        if unit:
            question["unit"] = unit
        accept = [
            a
            for a in [f.number, *figure_alternatives(f)]
            if normalize_answer(a) != normalize_answer(str(answer))
        ]
        if accept:
            question["accept"] = list(dict.fromkeys(accept))
        return question
    return cloze([figure_blank(f)], f.sentence, "Fill in the figure.")


_IRREGULAR = {
    "foot": "feet",
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "people",
}


def plural(unit: str) -> str:
    """The plural of a one-word unit: ``year`` -> ``years``, ``inch`` -> ``inches``; plurals,
    ``percent`` and abbreviations (``mph``, ``km``) stay as they are."""
    low = unit.lower()
    if (
        not unit
        or low == "percent"
        or (low.endswith("s") and not low.endswith("ss"))
        or not re.search(r"[aeiouy]", low)
        or unit.isupper()
    ):
        return unit
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith(("ch", "sh", "ss", "x", "z")):
        return unit + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def _how_many(f: Figure, unit: str) -> str:
    """The question a numeric prompt opens with: ``How many stories?``, ``More than how many
    stories?``, ``What percentage?``; empty when the figure counts nothing."""
    if not unit:
        return ""
    if unit == "percent":
        ask = "what percentage?"  # "how many percent" reads badly
    elif unit.split()[0] in ("dollars", "euros", "pounds", "yen"):
        ask = f"how many {unit.split()[0]}?"
    else:
        ask = f"how many {unit}?"
    if f.qualifier:
        ask = f"{f.qualifier} {ask}"
    return ask[:1].upper() + ask[1:] + " "


def cloze(blanks: list[tuple[int, int, list[str]]], sentence: Sentence, prompt: str) -> dict | None:
    """A fill-in question on ``sentence`` with a blank per ``(start, end, answers)``."""
    if "{{" in sentence.text or "}}" in sentence.text:
        return None
    spans = []
    for start, end, answers in blanks:
        blank = blank_of(answers)
        if blank is None:
            return None
        spans.append((start, end, blank))
    text = blanked(sentence, spans)
    if unbalanced(curly(text)):
        return None  # stray quotation marks: not a sentence a student can read
    # A cloze is a sentence the student reads whole: a fragment (a sentence cut at a quotation,
    # one starting in lower case) is not asked this way; a last line without its full stop
    # gets one.
    lead = text.lstrip("\"“‘'(")
    if lead.startswith("{{"):  # what the student reads there: the blank's answer
        lead = lead[2:]
    first = lead[:1]
    if not (first.isupper() or first.isdigit() or first == "…"):
        return None  # "{{three}} years later": not a sentence either
    if not _SENTENCE_END.search(text):
        if not text.rstrip()[-1:].isalnum():
            return None
        text = text.rstrip() + "."
    return {"type": "cloze", "prompt": prompt, "text": text}


_SENTENCE_END = re.compile(r"[.?!…][\"”’')]*$")
