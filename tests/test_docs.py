"""The examples in the documentation work as written."""

from __future__ import annotations

import shutil

import yaml
from support import ROOT

from quizgen.bank import load_bank


def yaml_blocks(text: str) -> list[str]:
    return [part.split("```")[0] for part in text.split("```yaml")[1:]]


def test_readme_bank_example_validates(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = yaml_blocks(readme.split("## The bank format in brief")[1])[0]
    shutil.copy(ROOT / "banks" / "korean_war_70th_anniversary.txt", tmp_path)
    (tmp_path / "bank.yaml").write_text(block, encoding="utf-8")
    bank = load_bank(tmp_path / "bank.yaml")
    assert [q.id for q in bank.questions] == ["invasion-date"]
    assert len(bank.questions[0].body.distractors) == 3


def test_bank_format_example_question_validates(tmp_path):
    doc = (ROOT / "docs" / "bank-format.md").read_text(encoding="utf-8")
    example = yaml_blocks(doc.split("## Example")[1])[0]
    questions = yaml.safe_load(example)
    shutil.copy(ROOT / "banks" / "korean_war_70th_anniversary.txt", tmp_path)
    bank = {"id": "doc", "title": "Doc", "questions": questions,
            "article": {"path": "korean_war_70th_anniversary.txt"}}  # fmt: skip
    (tmp_path / "bank.yaml").write_text(yaml.safe_dump(bank), encoding="utf-8")
    assert load_bank(tmp_path / "bank.yaml").questions[0].body.answer == "June 25, 1950"
