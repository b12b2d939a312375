"""What every LMS export shares: which questions it holds, the build's notes, identical bytes
for the same bank and seed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lms_support import HOSTILE_BANK, LMS_FORMATS, lms_file
from support import SMALL_BANK, run_cli

from quizgen.assemble import AssemblyOptions, assemble
from quizgen.bank import load_bank


def gift_ids(out: Path) -> list[str]:
    text = lms_file(out, "gift").read_text(encoding="utf-8")
    ids = re.findall(r"^// \[id:([^\]]+)\]", text, re.MULTILINE)
    return list(dict.fromkeys(i.split("/")[1] for i in ids))  # a cloze may have several


def test_selection_is_every_matching_question_unless_a_number_is_asked():
    bank = load_bank(SMALL_BANK)
    every = assemble(bank, 1, AssemblyOptions(versions=2))
    assert every.selection == bank.questions
    typed = assemble(bank, 1, AssemblyOptions(types=("numeric", "cloze")))
    assert [q.id for q in typed.selection] == ["cost", "street"]
    drawn = assemble(bank, 1, AssemblyOptions(versions=3, questions=2, draw_per_version=True))
    ids = {q.id for v in drawn.versions for q in v.questions}
    assert [q.id for q in drawn.selection] == [q.id for q in bank.questions if q.id in ids]


def test_exports_follow_the_filters_and_an_explicit_question_count(tmp_path):
    out = tmp_path / "typed"
    result = run_cli(
        "build",
        str(SMALL_BANK),
        "--formats",
        "gift",
        "--types",
        "ordering,numeric",
        "--seed",
        "1",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert gift_ids(out) == ["cost", "timeline"]
    out = tmp_path / "three"
    result = run_cli(
        "build",
        str(SMALL_BANK),
        "--formats",
        "gift",
        "--questions",
        "3",
        "--versions",
        "2",
        "--seed",
        "1",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert len(gift_ids(out)) == 3


def test_the_build_says_once_how_ordering_is_written(tmp_path):
    result = run_cli(
        "build",
        str(SMALL_BANK),
        "--formats",
        "gift",
        "--versions",
        "3",
        "--seed",
        "1",
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "ordering" in line]
    assert notes == [
        "quizgen: note: gift: 1 ordering question(s) written as matching to positions "
        "(the format has no ordering type)"
    ]
    quiet = run_cli(
        "build",
        str(SMALL_BANK),
        "--formats",
        "gift",
        "--seed",
        "1",
        "--quiet",
        "--out",
        str(tmp_path),
    )
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_same_bank_and_seed_give_identical_bytes(tmp_path, lms_hostile):
    again = tmp_path / "again"
    result = run_cli(
        "build",
        str(HOSTILE_BANK),
        "--formats",
        ",".join(LMS_FORMATS),
        "--seed",
        "3",
        "--out",
        str(again),
    )
    assert result.returncode == 0, result.stderr
    for fmt in LMS_FORMATS:
        assert lms_file(again, fmt).read_bytes() == lms_file(lms_hostile, fmt).read_bytes(), fmt


def test_the_bundled_bank_gives_the_four_lms_files(lms_bundled):
    manifest = json.loads((lms_bundled / "manifest.json").read_text(encoding="utf-8"))
    names = {Path(f["path"]).name: f["format"] for f in manifest["files"] if f["role"] == "lms"}
    assert names == {
        "gift.txt": "gift",
        "moodle.xml": "moodle-xml",
        "qti.zip": "qti",
        "qti21.zip": "qti21",
    }
    for fmt in LMS_FORMATS:
        assert lms_file(lms_bundled, fmt).stat().st_size > 0
