"""A class pack made from a roster: one copy per student, in roster order, with their name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pdfread import SMALL_BANK, build, page_texts, squash
from pypdf import PdfReader

NAMES = (
    "Alice Martin", "Bruno Costa", "Chloé Dubois", "Dmitri Volkov", "Emma Schmidt",
    "Farid Haddad", "Grace O'Neill", "Hugo Lefèvre", "Ines García", "Jonas Berg",
    "김민준", "이서연", "박지호", "최수아", "정도윤",
    "강하은", "조예준", "윤지우", "장서준", "임하윤",
    "Анна Петрова", "Борис Смирнов", "Вера Кузнецова", "Глеб Соколов", "Дарья Попова",
    "Егор Лебедев", "Жанна Козлова", "Захар Новиков", "Ирина Морозова", "Кирилл Волков",
)  # fmt: skip


@pytest.fixture(scope="session")
def roster_pack(tmp_path_factory) -> Path:
    """The small bank built for a roster of 30 students (Latin, Hangul, Cyrillic names)."""
    folder = tmp_path_factory.mktemp("roster-pack")
    roster = folder / "class.csv"
    rows = "".join(f'{2001 + n},"{name}"\n' for n, name in enumerate(NAMES))
    roster.write_bytes(b"\xef\xbb\xbfid,name\n" + rows.encode())
    out = folder / "out"
    build(SMALL_BANK, out, "--seed", "4", "--questions", "3", "--roster", str(roster),
          "--duplex")  # fmt: skip
    return out


def copies(pages: list[str]) -> list[list[str]]:
    """The pack's pages grouped into copies (a copy starts at its "Page 1 of N")."""
    groups: list[list[str]] = []
    for page in pages:
        if re.search(r"Page 1 of \d+", page):
            groups.append([])
        groups[-1].append(page)
    return groups


def test_every_copy_carries_its_students_name_in_roster_order(roster_pack):
    students = json.loads((roster_pack / "manifest.json").read_text("utf-8"))["students"]
    assert [s["name"] for s in students] == list(NAMES)
    found = copies(page_texts(roster_pack / "class-pack.pdf"))
    assert len(found) == len(NAMES)
    for student, pages in zip(students, found, strict=True):
        assert student["name"] in squash(pages[0]), student
        assert f"ID {student['id']}" in squash(pages[0])
        for page in pages:  # every page, the blank back too, says whose and which it is
            assert f"Version {student['version']} · {student['name']} ({student['id']})" in page


def test_neighbours_get_different_versions(roster_pack):
    students = json.loads((roster_pack / "manifest.json").read_text("utf-8"))["students"]
    versions = [s["version"] for s in students]
    assert all(a != b for a, b in zip(versions, versions[1:], strict=False)), versions
    assert set(versions) == {"A", "B", "C", "D"}


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(entries: list, level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                found.append((level, entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline, 0)
    return found


def test_bookmarks_open_each_students_pages(roster_pack):
    students = json.loads((roster_pack / "manifest.json").read_text("utf-8"))["students"]
    reader = PdfReader(roster_pack / "class-pack.pdf")
    pages = [squash(page.extract_text()) for page in reader.pages]
    tops = [(title, page) for level, title, page in outline(reader) if level == 0]
    assert [title for title, _ in tops] == [
        f"{s['name']} ({s['id']}) · Version {s['version']}" for s in students
    ]
    for (_, page), student in zip(tops, students, strict=True):
        assert re.search(r"Page 1 of \d+", pages[page])
        assert f"{student['name']} ({student['id']})" in pages[page]
        assert page % 2 == 0  # duplex: every copy on a front
    sections = [(title, page) for level, title, page in outline(reader) if level == 1]
    assert sections and all(title in pages[page] for title, page in sections)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_page_labels_and_print_scaling(roster_pack):
    students = json.loads((roster_pack / "manifest.json").read_text("utf-8"))["students"]
    reader = PdfReader(roster_pack / "class-pack.pdf")
    first = students[0]
    assert reader.page_labels[0] == f"{first['id']} {first['version']}-1"
    prefs = reader.trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None"
    assert prefs["/Duplex"] == "/DuplexFlipLongEdge"
    labels = reader.page_labels
    assert len(set(labels)) == len(labels)
