"""Show the precision/recall tables of the extraction tests in pytest's summary."""

from __future__ import annotations

from extract_scoring import RESULTS, table


def pytest_terminal_summary(terminalreporter) -> None:
    if not RESULTS:
        return
    terminalreporter.section("quizgen extract: precision and recall")
    for title, scores in RESULTS:
        terminalreporter.write_line(table(title, scores))
