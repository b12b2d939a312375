"""The Korean War article against its hand-made fact list, and its draft bank."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import korean_war_facts as kw
import pytest
from extract_scoring import report, score
from support import ROOT, built, run_cli

from quizgen.bank import load_bank
from quizgen.extract import extract, extract_facts
from quizgen.lint import is_longest_answer, lint
from quizgen.model import MultipleChoice
from quizgen.render import FORMATS

ARTICLE = ROOT / "banks" / "korean_war_70th_anniversary.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def facts():
    return extract_facts(TEXT, kw.ARTICLE_DATE)


@pytest.fixture(scope="module")
def scores(facts):
    result = score(kw.ALL, facts)
    report("Korean War article (hand-made fact list)", result)
    return result


@pytest.mark.parametrize("kind", ["date", "figure", "quote"])
def test_every_date_figure_and_quotation_is_found(scores, kind):
    """Recall 100%: quotations count only with the right speaker."""
    assert scores[kind].missed == [], scores[kind].missed


def test_people_and_places_are_found(scores):
    assert scores["person"].missed == []
    assert scores["place"].missed == []


def test_precision_overall_at_least_90_percent(scores):
    assert scores["all"].precision >= 0.9, scores["all"].extra


def test_captions_kept_once_and_credits_skipped(facts):
    skipped = " ".join(s.text for s in facts.skipped)
    for credit in kw.CREDITS:
        assert credit in skipped
    sources = " ".join(s.text for s in facts.sentences)
    for credit in kw.CREDITS:
        assert credit not in sources
    captions = [s.text for s in facts.sentences if s.caption]
    assert (
        "A young girl with her brother on her back walks past a stalled M-26 tank at "
        "Haengju, Korea in June 1951" in captions
    )
    assert len(captions) == len(set(captions))


def test_no_figure_from_a_model_name_or_a_unit_name(facts):
    numbers = {f.number for f in facts.figures}
    assert "26" not in numbers  # M-26 tank
    assert "24th" not in numbers  # 24th Infantry Regiment


def test_relative_dates_without_the_article_date_stay_unresolved():
    facts = extract_facts(TEXT)
    values = {d.text: d.value for d in facts.dates}
    assert values["Thursday"] is None
    assert values["last week"] is None
    assert values["70 years ago"] is None
    assert values["three years later"] == "1953"  # counted from 25 June, 1950 in its sentence


def test_extraction_is_fast():
    start = time.perf_counter()
    extract(TEXT, kw.ARTICLE_DATE)
    assert time.perf_counter() - start < 1.0


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("draft")
    out, article = folder / "draft.yaml", folder / ARTICLE.name
    shutil.copy(ARTICLE, article)  # beside the bank, where validate and build read articles
    result = run_cli("extract", str(article), "-o", str(out), "--date", kw.ARTICLE_DATE)
    assert result.returncode == 0, result.stderr
    return out


def test_draft_validates_with_every_kind_and_several_types(draft):
    bank = load_bank(draft)
    types = {q.type for q in bank.questions}
    assert {"multiple_choice", "true_false", "short_answer", "numeric", "cloze"} <= types
    tags = {t for q in bank.questions for t in q.tags}
    assert {"dates", "figures", "quotes", "people", "places"} <= tags
    assert bank.article.date == kw.ARTICLE_DATE
    result = run_cli("validate", "--strict", str(draft))
    assert result.returncode == 0, result.stderr


def test_draft_draws_no_lint_warning(draft):
    bank = load_bank(draft)
    assert lint(bank) == []
    choices = [q.body for q in bank.questions if isinstance(q.body, MultipleChoice)]
    assert sum(is_longest_answer(b) for b in choices) * 5 <= len(choices) * 2
    assert not any(q.prompt.startswith("Who is the US Private") for q in bank.questions)


def test_every_speaker_question_names_the_right_speaker(draft):
    bank = load_bank(draft)
    speakers = {normalize(e.text): e.value for e in kw.QUOTES}
    checked = 0
    for q in bank.questions:
        if "quotes" not in q.tags or q.type != "multiple_choice":
            continue
        words = q.prompt.split("“", 1)[1].rstrip("”?")
        expected = [v for k, v in speakers.items() if normalize(words).startswith(k)]
        assert expected and q.body.answer.lower() == expected[0].lower(), q.id
        assert all(d.lower() != expected[0].lower() for d in q.body.distractors)
        checked += 1
    assert checked >= 8


def normalize(text: str) -> str:
    return " ".join(text.lower().replace(",", "").split())


def test_draft_builds_into_every_format(draft, tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "build",
        str(draft),
        "--formats",
        "all",
        "--versions",
        "2",
        "--seed",
        "1",
        "--questions",
        "all",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert {f["format"] for f in manifest["files"]} == set(FORMATS)
    version = json.loads(built(out, "quiz-A.json").read_text())
    # Every question, less one of each pair that would give the other's answer away.
    left_out = result.stderr.count("quizgen: left out question")
    assert len(version["questions"]) == len(load_bank(draft).questions) - left_out
