"""The class roster: reading CSV in any script, located errors, versions dealt in order."""

from __future__ import annotations

import json

import pytest
from support import SMALL_BANK, run_cli

from quizgen.errors import InputError
from quizgen.roster import Assignment, Student, deal, parse_roster, read_roster


def test_reads_id_and_name_in_any_order_and_script():
    text = "Name,Class,ID\nKim Min-jun,10B,7\n 김민준 ,10B, 8 \nДмитрий  Иванов,10B,9\n"
    assert parse_roster(text, "c.csv") == (
        Student("7", "Kim Min-jun"),
        Student("8", "김민준"),
        Student("9", "Дмитрий Иванов"),
    )


def test_byte_order_mark_quotes_and_blank_lines(tmp_path):
    path = tmp_path / "class.csv"
    data = 'id,name\r\n\r\n1,"O\'Brien, Seán"\r\n2,"Line ""two"""\r\n'
    path.write_bytes(b"\xef\xbb\xbf" + data.encode())
    assert read_roster(path) == (Student("1", "O'Brien, Seán"), Student("2", 'Line "two"'))


def test_semicolon_separated_export():
    assert parse_roster("id;name\n1;Ana\n", "c.csv") == (Student("1", "Ana"),)


def test_every_bad_row_is_reported_with_its_line():
    text = "id,name\n1,Ana\n,Ben\n3,\n1,Cleo\n4,Dan\x07\n"
    with pytest.raises(InputError) as caught:
        parse_roster(text, "class.csv")
    assert str(caught.value).splitlines() == [
        "class.csv:3: roster: id is empty",
        "class.csv:4: roster: name is empty",
        "class.csv:5: roster: id '1' is already used on line 2",
        "class.csv:6: roster: name holds the control character U+0007",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "c.csv: roster: empty (expected a header row with id and name)"),
        ("id,name\n", "c.csv: roster: no students after the header row"),
        (
            "student,name\n1,Ana\n",
            "c.csv:1: roster: the header row needs the columns id and name "
            "(missing id; found 'student', 'name')",
        ),
        ('id,name\n1,"Ana\n', "c.csv:2: roster: bad CSV (unexpected end of data)"),
    ],
)
def test_bad_files(text, message):
    with pytest.raises(InputError) as caught:
        parse_roster(text, "c.csv")
    assert str(caught.value) == message


def test_not_utf8_and_too_large(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,name\n1,Jos\xe9\n")
    with pytest.raises(InputError, match=r"c\.csv:2:6: roster: not valid UTF-8"):
        read_roster(path)
    path.write_bytes(b"id,name\n" + b"1,A\n" * 300_000)
    with pytest.raises(InputError, match="cannot read the roster: file too large"):
        read_roster(path)


def test_versions_are_dealt_in_roster_order():
    students = [Student(str(n), f"S{n}") for n in range(5)]
    dealt = deal(students, ["A", "B", "C"])
    assert [a.version for a in dealt] == ["A", "B", "C", "A", "B"]
    assert dealt[0] == Assignment(students[0], "A")


def test_bad_roster_exits_1_and_writes_nothing(tmp_path):
    roster = tmp_path / "class.csv"
    roster.write_text("id,name\n1,Ana\n2,\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(SMALL_BANK), "--out", str(out), "--roster", str(roster))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].endswith(f"{roster}:3: roster: name is empty")
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_missing_roster_file(tmp_path):
    result = run_cli("build", str(SMALL_BANK), "--out", str(tmp_path), "--roster", "nope.csv")
    assert result.returncode == 1
    assert "nope.csv: cannot read the roster" in result.stderr


def test_roster_in_manifest_and_four_versions_by_default(tmp_path):
    roster = tmp_path / "class.csv"
    roster.write_text("id,name\n" + "".join(f"{n},S{n}\n" for n in range(6)), encoding="utf-8")
    out = tmp_path / "out"
    args = ("build", str(SMALL_BANK), "--out", str(out), "--formats", "json", "--seed", "1")
    result = run_cli(*args, "--roster", str(roster), "-q")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["versions"] == ["A", "B", "C", "D"]
    assert manifest["students"] == [
        {"id": str(n), "name": f"S{n}", "version": "ABCDAB"[n]} for n in range(6)
    ]
