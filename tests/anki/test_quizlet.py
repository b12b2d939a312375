"""quizlet: one card a line, term and definition split by a tab, nothing quoted."""

from __future__ import annotations

import csv
import io

from flashcard_support import TRICKY, render_files, write_bank

QUESTIONS = {q["id"]: q for q in TRICKY["questions"]}


def rows(tmp_path) -> tuple[str, list[list[str]]]:
    files = render_files(write_bank(tmp_path / "bank"), ("quizlet",), tmp_path / "out")
    text = files["quizlet.tsv"].read_bytes().decode("utf-8")
    return text, list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_one_line_per_question_two_fields_each(tmp_path):
    text, parsed = rows(tmp_path)
    assert text.endswith("\n") and "\r" not in text
    assert len(text.splitlines()) == len(QUESTIONS)
    assert len(parsed) == len(QUESTIONS)
    assert all(len(row) == 2 and all(row) for row in parsed)


def test_tabs_and_line_breaks_become_spaces_and_quotes_are_curly(tmp_path):
    _, parsed = rows(tmp_path)
    by_term = dict(parsed)
    assert by_term["What did officials say, “exactly”? Line two & <three>"] == "“A < B & C”"
    assert by_term["True or false? It’s true that 1 < 2 & “yes”."] == "False"
    assert by_term["What did the budget rise to?"] == "1,250 <units> & more"


def test_cloze_matching_and_ordering_cards(tmp_path):
    _, parsed = rows(tmp_path)
    by_term = dict(parsed)
    cloze = "Fill in the blanks. On {day one}, “A < D & C” met _____ in _____, by _____."
    assert by_term[cloze] == "C++::STL; 2027; x} y"
    matching = "Match, please: <left> & right (A < B; C & D; E F)"
    assert by_term[matching] == "A < B → “quoted”, yes; C & D → it’s, fine; E F → [sound:z.mp3]"
    ordering = [term for term in by_term if term.startswith("Put in order")]
    assert len(ordering) == 1
    assert by_term[ordering[0]] == "1. <b>bold</b>; 2. a, b; 3. “q”"
