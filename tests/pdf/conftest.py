"""PDF test fixtures: builds of the small bank and a Unicode-rich bank, made once a session."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pdfread import SMALL_BANK, build

SENTENCES = (
    "Seoul’s ministry — in a statement titled “평화” (peace) — said the café in Daejeon "
    "would reopen.",
    'The sign read <b>Closed</b> & <font color="red">open soon</font>; “It’s déjà vu,” said '
    "Zoë Ñúñez – a teacher from Kraków.",
    "The 한국전쟁 lasted 1950–1953 and cost 520,000 lives, the résumé says; 'quotes' & \"more\".",
)


def _question(qid: str, kind: str, prompt: str, source: int, explanation: str, **body) -> dict:
    return {"id": qid, "type": kind, "prompt": prompt, **body, "explanation": explanation,
            "source": SENTENCES[source]}  # fmt: skip


UNICODE_QUESTIONS = [
    _question("mc-hangul", "multiple_choice",
              "What was the statement titled? <b>not bold</b> & <i>not italic</i>", 0,
              "It was titled “평화” — peace; see <br/> the café.",
              answer="평화",
              distractors=["전쟁", "<font name='Courier'>통일</font>", "A & B &amp; C"]),
    _question("tf-cafe", "true_false", "The café in Daejeon would reopen — ‘soon’…", 0,
              "Zoë’s café: déjà vu & more.", answer=True),
    _question("sa-name", "short_answer", "Who said “It’s déjà vu”?", 1,
              "Zoë Ñúñez – a teacher from Kraków – said it.", answer="Zoë Ñúñez",
              accept=["Ñúñez"]),
    _question("num-lives", "numeric", "How many lives did the 한국전쟁 cost?", 2,
              "It cost 520,000 lives — by the résumé’s count.", answer=520000,
              unit="lives (인명)"),
    _question("cloze-sign", "cloze", "Fill in the blank <u>here</u>.", 1,
              "The sign used <b> & <font> literally.",
              text='The sign read <b>{{Closed}}</b> & <font color="red">open soon</font>.'),
    _question("match-words", "matching", "Match each word to its meaning.", 2,
              "평화 means peace; 전쟁 means war.",
              pairs=[{"left": "평화", "right": "peace — calm"},
                     {"left": "전쟁", "right": "war & conflict"},
                     {"left": "café", "right": "a coffee shop <b>"}]),
    _question("order-years", "ordering", "Put these in order.", 2, "1950–1953, then 2020.",
              items=["1950 — start", "1953 – end", "2020 “anniversary”"]),
]  # fmt: skip


@pytest.fixture(scope="session")
def unicode_bank(tmp_path_factory) -> Path:
    """A bank full of curly quotes, dashes, accents, Hangul and markup characters, with its
    article (made of the questions' source sentences, so every source is verbatim)."""
    folder = tmp_path_factory.mktemp("unicode-bank")
    (folder / "article.txt").write_text("\n\n".join(SENTENCES) + "\n", encoding="utf-8")
    bank = {
        "id": "unicode-rich",
        "title": "Ünïcödé “quiz” — 한국 <b>&amp;</b>",
        "article": {"path": "article.txt", "title": "Seoul’s “평화” statement",
                    "publisher": "Yonhap & AFP <font>", "date": "2020-06-25"},
        "questions": UNICODE_QUESTIONS,
    }  # fmt: skip
    path = folder / "bank.yaml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def unicode_build(tmp_path_factory, unicode_bank) -> Path:
    out = tmp_path_factory.mktemp("unicode-build")
    build(unicode_bank, out, "--versions", "2", "--seed", "5", "--questions", "all")
    return out


@pytest.fixture(scope="session")
def small_pdf(tmp_path_factory) -> Path:
    """The small bank (every question type): 3 versions on A4 with the class pack."""
    out = tmp_path_factory.mktemp("small-pdf")
    build(SMALL_BANK, out, "--versions", "3", "--seed", "11", "--pack")
    return out


@pytest.fixture(scope="session")
def small_pdf_letter(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small-pdf-letter")
    build(SMALL_BANK, out, "--versions", "3", "--seed", "11", "--pack", "--page-size", "letter")
    return out
