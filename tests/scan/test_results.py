"""The shared results module: scoring against the version JSON, results.csv, responses.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from support import SMALL_BANK, run_cli

from quizgen.errors import InputError
from quizgen.results import Reading, write_results
from quizgen.results.score import load_build, right_cell


@pytest.fixture(scope="module")
def json_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("results-build")
    args = ["build", str(SMALL_BANK), "--formats", "json", "--versions", "2", "--questions", "5"]
    args.append("--draw-per-version")
    result = run_cli(*args, "--seed", "11", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _rows(folder: Path) -> list[list[str]]:
    with open(folder / "results.csv", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_results_csv_scores_and_cells(json_build, tmp_path):
    build = load_build(json_build)
    a = build.versions["A"]["questions"]
    right = {q["id"]: right_cell(q) for q in a}
    first = a[0]["id"]
    readings = [
        Reading("101", "A", right, "codes.txt:1"),
        Reading("102", "A", {**right, first: "?"}, "codes.txt:2"),
        Reading("=1+1", "B", {}, "codes.txt:3"),
    ]
    write_results(json_build, readings, tmp_path)
    rows = _rows(tmp_path)
    assert rows[0] == ["student", "version", "score", "max", *build.question_ids]
    assert rows[1][:4] == ["101", "A", "5", "5"]
    assert rows[2][:4] == ["102", "A", "4", "5"]
    assert rows[2][4 + build.question_ids.index(first)] == "?"
    # a question not on version B's copy is "-"; a formula-like student id stays text
    on_b = {q["id"] for q in build.versions["B"]["questions"]}
    for qid, cell in zip(build.question_ids, rows[3][4:], strict=True):
        assert cell == ("" if qid in on_b else "-")
    assert "-" in rows[3][4:]
    assert rows[3][0] == "'=1+1"
    doc = json.loads((tmp_path / "responses.json").read_text(encoding="utf-8"))
    assert doc["students"][1]["needs_review"] == [first]
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Re-read these passages" in page and "<svg" in page and "=1+1" in page


def test_written_answers_earn_the_teachers_mark(json_build, tmp_path):
    build = load_build(json_build)
    written = [
        q for v in build.versions.values() for q in v["questions"] if q["type"] == "short_answer"
    ]
    assert written, "seed 11 draws a short answer"
    q = written[0]
    code = next(c for c, v in build.versions.items() if q in v["questions"])
    write_results(json_build, [Reading("1", code, {q["id"]: "0.5"}, "x")], tmp_path)
    assert _rows(tmp_path)[1][2] == "0.5"


def test_unknown_version_is_reported(json_build, tmp_path):
    with pytest.raises(InputError, match="version 'Z' is not in the build"):
        write_results(json_build, [Reading("1", "Z", {}, "codes.txt:9")], tmp_path)
    assert not (tmp_path / "results.csv").exists()
