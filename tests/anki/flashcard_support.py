"""Shared by the flashcard tests: a bank full of awkward text, rendering, and the real Anki.

The ``anki`` package (Anki's own backend, from PyPI) is a test dependency only.
"""

from __future__ import annotations

import copy
import html
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import yaml

from quizgen.assemble import AssemblyOptions, assemble
from quizgen.bank import load_bank
from quizgen.render import RenderOptions, render

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """\
Officials said "A < B & C", then left, at 5 o'clock.

The fund's budget rose to 1,250 <units> & more; critics called it 'absurd', again.

On {day one}, the [sound:x.mp3] tag and \\(x\\) were shown in 한국 as well.
"""
SOURCES = (
    'Officials said "A < B & C", then left, at 5 o\'clock.',
    "The fund's budget rose to 1,250 <units> & more; critics called it 'absurd', again.",
    "On {day one}, the [sound:x.mp3] tag and \\(x\\) were shown in 한국 as well.",
)

TRICKY = {
    "id": "tricky-bank",
    "title": 'Tricky "bank", <one> & two',
    "revised": "2024-01-15",
    "article": {"path": "article.txt", "title": "Awkward text"},
    "questions": [
        {
            "id": "mc",
            "type": "multiple_choice",
            "prompt": 'What did officials say, "exactly"?\nLine two & <three>',
            "answer": '"A < B & C"',
            "distractors": ["A > B", "'C', & D"],
            "explanation": "First line, with a comma.\nSecond line\twith a tab & <tag>.",
            "source": SOURCES[0],
            "tags": ["quotes", "topic::markup"],
        },
        {
            "id": "tf",
            "type": "true_false",
            "prompt": 'It\'s true that 1 < 2 & "yes".',
            "answer": False,
            "explanation": "It <is> & it's not.",
            "source": SOURCES[0],
            "tags": ["figures"],
            "revised": "2024-02-01",
        },
        {
            "id": "sa",
            "type": "short_answer",
            "prompt": "Which tag appeared? [sound:y.mp3] \\(y\\) {{c1::not a cloze}}",
            "answer": "[sound:x.mp3]",
            "explanation": "Shown on {day one} in 한국.",
            "source": SOURCES[2],
        },
        {
            "id": "num",
            "type": "numeric",
            "prompt": "What did the budget rise to?",
            "answer": 1250,
            "unit": "<units> & more",
            "explanation": '1,250, "and" more.',
            "source": SOURCES[1],
            "tags": ["figures"],
        },
        {
            "id": "cl",
            "type": "cloze",
            "prompt": "Fill in the blanks.",
            "text": 'On {day one}, "A < D & C" met {{C++::STL|stl}} in {{2027}}, by {{x} y}}.',
            "explanation": "Braces, colons & <tags>.",
            "source": SOURCES[2],
            "tags": ["places"],
        },
        {
            "id": "ma",
            "type": "matching",
            "prompt": "Match, please: <left> & right",
            "pairs": [
                {"left": "A < B", "right": '"quoted", yes'},
                {"left": "C & D", "right": "it's, fine"},
                {"left": "E\nF", "right": "[sound:z.mp3]"},
            ],
            "distractors": ["unused"],
            "explanation": "Pairs & <pairs>.",
            "source": SOURCES[1],
        },
        {
            "id": "or",
            "type": "ordering",
            "prompt": 'Put in order, "first" to last.',
            "items": ["<b>bold</b>", "a, b", '"q"'],
            "explanation": "In order & done.",
            "source": SOURCES[0],
        },
    ],
}


def write_bank(folder: Path, data: dict | None = None, name: str = "bank.yaml") -> Path:
    """Write the tricky bank (or ``data``) and its article into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / name
    path.write_text(yaml.safe_dump(data or TRICKY, allow_unicode=True), encoding="utf-8")
    return path


def tricky(**changes) -> dict:
    """A deep copy of the tricky bank, with top-level keys replaced."""
    data = copy.deepcopy(TRICKY)
    data.update(changes)
    return data


def edit_question(data: dict, qid: str, **changes) -> dict:
    """A copy of bank ``data`` with question ``qid``'s fields changed."""
    data = copy.deepcopy(data)
    for q in data["questions"]:
        if q["id"] == qid:
            q.update(changes)
    return data


def render_files(
    bank: Path,
    formats: tuple[str, ...],
    out: Path,
    *,
    deck: str | None = None,
    assembly: AssemblyOptions | None = None,
    seed: int = 1,
) -> dict[str, Path]:
    """Render ``formats`` for ``bank`` into ``out``; the written files by name."""
    quiz = assemble(load_bank(bank), seed, assembly or AssemblyOptions(versions=2))
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in formats:
        for file in render(name, quiz, RenderOptions(deck=deck)):
            assert file.version is None, file
            assert file.role == "deck", file
            assert file.path not in written, f"{file.path} yielded twice"
            (out / file.path).write_bytes(file.data)
            written[file.path] = out / file.path
    return written


def run_build(bank: Path, out: Path, formats: str, env: dict | None = None) -> None:
    """``quizgen build`` in its own process."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizgen",
            "build",
            str(bank),
            "--formats",
            formats,
            "--versions",
            "2",
            "--seed",
            "5",
            "--out",
            str(out),
            "-q",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr


def plain(field: str) -> str:
    """A field's text as a reader sees it: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", field))


# The real Anki ------------------------------------------------------------------------------


@contextmanager
def collection(path: Path):
    """A fresh Anki collection, closed afterwards."""
    from anki.collection import Collection

    col = Collection(str(path))
    try:
        yield col
    finally:
        col.close()


def import_csv(col, path: Path):
    """Import a CSV the way Anki's dialog does with nothing changed: its detected settings."""
    from anki.collection import ImportCsvRequest

    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def import_apkg(col, path: Path, **options):
    """Import a package with Anki's default options (update notes if newer), or ``options``."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(
        package_path=str(path), options=ImportAnkiPackageOptions(**options)
    )
    return col.import_anki_package(request).log


def notes_by_guid(col) -> dict:
    """Every note of the collection by GUID."""
    notes = (col.get_note(nid) for nid in col.find_notes(""))
    return {note.guid: note for note in notes}


def note_decks(col, note) -> set[str]:
    return {col.decks.name(card.did) for card in note.cards()}
