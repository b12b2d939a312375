"""``quizgen extract`` on the command line: output, paths, determinism and bad articles."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from support import ROOT, run_cli

from quizgen.bank import load_bank
from quizgen.cli import main

ARTICLE = ROOT / "banks" / "korean_war_70th_anniversary.txt"
SHORT = """\
Council approves new library

The city council voted 7 to 2 on Monday to build a new library on Harbour Street.

"Books are bridges," said Mayor Ana Souza after the vote.

The library will cost 4.5 million euros and open in 2027.
"""


def extract(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["extract", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "articles" / "library_vote.txt"
    path.parent.mkdir()
    path.write_text(SHORT, encoding="utf-8")
    return path


def test_writes_a_bank_next_to_nothing_but_itself(capsys, article, tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    out = banks / "draft.yaml"
    code, stdout, err = extract(capsys, article, "-o", out, "--date", "2025-03-04")
    assert code == 0, err
    assert stdout == ""
    assert "review it before use" in err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["article"]["path"] == "../articles/library_vote.txt"
    assert data["id"] == "library-vote"
    assert data["title"] == "Council approves new library"
    assert data["article"]["date"] == "2025-03-04"
    assert "DRAFT" in data["description"]
    assert out.read_text(encoding="utf-8").startswith("# DRAFT question bank")
    bank = load_bank(out, allow_outside_paths=True)
    assert bank.article.path == article.resolve()
    assert [p.name for p in banks.iterdir()] == ["draft.yaml"]  # no temporary file left


def test_standard_output_paths_are_relative_to_the_current_folder(capsys, article, monkeypatch):
    monkeypatch.chdir(article.parent.parent)
    code, stdout, err = extract(capsys, article, "--id", "library", "--title", "Library vote")
    assert code == 0, err
    data = yaml.safe_load(stdout)
    assert data["article"]["path"] == "articles/library_vote.txt"
    assert (data["id"], data["title"]) == ("library", "Library vote")
    Path("draft.yaml").write_text(stdout, encoding="utf-8")
    assert load_bank("draft.yaml").questions


def test_same_article_same_bytes(article, tmp_path):
    first, second = tmp_path / "one.yaml", tmp_path / "two.yaml"
    for out in (first, second):
        result = run_cli("extract", str(ARTICLE), "-o", str(out), "--date", "2020-06-25")
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()


def test_title_from_the_file_name_when_there_is_no_headline(capsys, tmp_path):
    out = tmp_path / "kw.yaml"
    code, _, err = extract(capsys, ARTICLE, "-o", out)
    assert code == 0, err
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["title"] == "Korean War 70th Anniversary"
    assert data["id"] == "korean-war-70th-anniversary"
    assert "date" not in data["article"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the article is empty"),
        (b"  \n\n\t\n", "the article is empty"),
        (
            b"Seoul\x00\x01\x02 binary",
            "1: binary data (NUL byte), not a text file; save the article as plain UTF-8 text",
        ),
        (
            b"Caf\xe9 in 1950.",
            "1:4: not valid UTF-8 (byte 0xe9); save the article as plain UTF-8 text",
        ),
        (b"the cat sat on the mat.", "found no dates, figures, quotations, people or places"),
    ],
)
def test_bad_articles_exit_1_with_a_message_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = tmp_path / "out.yaml"
    result = run_cli("extract", str(path), "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.startswith(f"quizgen: error: {path}")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_missing_article_and_folder(capsys, tmp_path):
    code, _, err = extract(capsys, tmp_path / "nope.txt")
    assert code == 1 and f"{tmp_path / 'nope.txt'}: no such file" in err
    code, _, err = extract(capsys, tmp_path)
    assert code == 1 and "is a folder, not an article file" in err


def test_output_problems_exit_1_and_write_nothing(capsys, article, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    code, _, err = extract(capsys, article, "-o", blocker / "draft.yaml")
    assert code == 1 and "is a file, not a folder" in err
    code, _, err = extract(capsys, article, "-o", tmp_path)
    assert code == 1 and "is a folder; give a file name" in err
    code, _, err = extract(capsys, article, "-o", article)
    assert code == 1 and "is the article itself" in err
    assert article.read_text(encoding="utf-8") == SHORT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "25/06/2020"], "--date: expected a date YYYY-MM-DD, got '25/06/2020'"),
        (["--date", "2020-02-30"], "--date: expected a date YYYY-MM-DD, got '2020-02-30'"),
        (["--id", "Bad Id"], "--id: 'Bad Id' must be lowercase letters, digits, '-' or '_'"),
    ],
)
def test_bad_options_are_usage_errors(capsys, article, args, message):
    code, _, err = extract(capsys, article, *args)
    assert code == 2
    assert message in err


def test_an_existing_draft_is_replaced_whole(capsys, article, tmp_path):
    out = tmp_path / "draft.yaml"
    out.write_text("old", encoding="utf-8")
    code, _, err = extract(capsys, article, "-o", out)
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("# DRAFT")
    assert sorted(os.listdir(tmp_path)) == ["articles", "draft.yaml"]


def test_byte_order_mark_and_windows_line_endings(capsys, tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SHORT.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "draft.yaml"
    code, _, err = extract(capsys, path, "-o", out, "--title", "   ")
    assert code == 0, err
    bank = load_bank(out)
    assert bank.title == "Council approves new library"
    assert any(
        q.source == '"Books are bridges," said Mayor Ana Souza after the vote.'
        for q in bank.questions
    )


def test_a_missing_output_folder_is_created(capsys, article, tmp_path):
    out = tmp_path / "drafts" / "2025" / "library.yaml"
    code, _, err = extract(capsys, article, "-o", out)
    assert code == 0, err
    assert load_bank(out, allow_outside_paths=True).questions
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["article"]["path"] == (
        "../../articles/library_vote.txt"
    )


def test_a_failed_write_leaves_no_folder_behind(capsys, article, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("quizgen.extract.writer.os.replace", refuse)
    code, _, err = extract(capsys, article, "-o", tmp_path / "new" / "draft.yaml")
    assert code == 1 and "cannot write: Permission denied" in err
    assert not (tmp_path / "new").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_written_bank_has_the_permissions_of_a_new_file(capsys, article, tmp_path, umask):
    old = os.umask(umask)
    try:
        fresh = tmp_path / "fresh.yaml"
        code, _, err = extract(capsys, article, "-o", fresh)
        assert code == 0, err
        replaced = tmp_path / "replaced.yaml"
        replaced.write_text("old", encoding="utf-8")
        replaced.chmod(0o600)
        code, _, err = extract(capsys, article, "-o", replaced)
        assert code == 0, err
    finally:
        os.umask(old)
    for path in (fresh, replaced):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


DOCS = ROOT / "docs" / "extract.md"


def doc_commands() -> list[str]:
    """The `quizgen ...` command lines of docs/extract.md's examples."""
    blocks = re.findall(r"```\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("quizgen ") and "ARTICLE" not in line]


def test_every_command_in_the_docs_runs_as_written(tmp_path):
    (tmp_path / "banks").mkdir()
    shutil.copy(ARTICLE, tmp_path / "banks" / ARTICLE.name)
    commands = doc_commands()
    assert any(c.startswith("quizgen extract") and "-o drafts/" in c for c in commands)
    for command in commands:
        result = run_cli(*shlex.split(command)[1:], cwd=tmp_path)
        assert result.returncode == 0, (command, result.stderr)
    result = run_cli(
        "validate", "--strict", "--allow-outside-paths", "drafts/korean-war.yaml", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr


def test_the_python_example_in_the_docs_runs_as_written(tmp_path, monkeypatch, capsys):
    (tmp_path / "banks").mkdir()
    shutil.copy(ARTICLE, tmp_path / "banks" / ARTICLE.name)
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert blocks
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, str(DOCS), "exec"), {})
    assert "korean-war" in capsys.readouterr().out
