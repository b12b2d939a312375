"""The class report (``report.html`` of ``quizgen scan``): opens from disk with no request to
any other file or host, passes axe (WCAG 2.1 A/AA), escapes what students and banks wrote."""

from __future__ import annotations

import pytest
from support import SMALL_BANK, run_cli
from test_html_a11y import axe_tab, run_axe

from quizgen.results import Reading, write_results
from quizgen.results.score import load_build, right_cell


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report-build")
    args = ["build", str(SMALL_BANK), "--formats", "json", "--versions", "2", "--seed", "4"]
    result = run_cli(*args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    build = load_build(out)
    readings = []
    for n in range(8):
        code = "AB"[n % 2]
        questions = build.versions[code]["questions"]
        cells = {q["id"]: right_cell(q) if (n + i) % 3 else "" for i, q in enumerate(questions)}
        readings.append(Reading(f"<b>{n}</b>", code, cells, f"scan page {n}"))
    write_results(out, readings, out / "results")
    return out / "results" / "report.html"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_report_has_no_violations_and_makes_no_request(new_tab, axe_source, report, scheme):
    tab = axe_tab(new_tab, axe_source, scheme=scheme)
    tab.page.goto(report.as_uri())
    assert run_axe(tab.page) == []
    assert [u for u in tab.requests if u != report.as_uri()] == []
    assert tab.errors == []
    assert tab.page.locator("svg[role=img] title").count() >= 3
    assert "<b>0</b>" in tab.page.locator("table").first.inner_text()
