"""A class pack made from a roster: one copy per student, in roster order, with their name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pdfread import SMALL_BANK, build, page_texts, squash

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
