"""Special files, extreme numbers and counts, hostile command-line text, article paths.

Each case gets its exact one-line message and exit status, and no traceback. Cases that would
hang if the guard regressed (a FIFO, /dev/zero) run in a subprocess with a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, SMALL_BANK

from quizgen import cli
from quizgen.bank import MAX_ARTICLE_BYTES
from quizgen.files import Unreadable, read_bytes

SMALL_TEXT = SMALL_BANK.read_text(encoding="utf-8")
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


def quizgen(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m quizgen ARGS``; a hang fails the test instead of stalling the run."""
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run(capsys, *args: str) -> tuple[int, str]:
    """``quizgen ARGS`` in-process: exit status and stderr (argparse exits are caught)."""
    try:
        code = cli.main(list(args))
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr().err


def bank_folder(tmp_path: Path, text: str = SMALL_TEXT) -> Path:
    """The small bank and its article copied into ``tmp_path``; returns the bank's path."""
    shutil.copy(SMALL_BANK.parent / "article.txt", tmp_path / "article.txt")
    bank = tmp_path / "bank.yaml"
    bank.write_text(text, encoding="utf-8")
    return bank


# Special files -------------------------------------------------------------------------------


@posix_only
def test_a_fifo_bank_is_refused_at_once_by_name(tmp_path):
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    result = quizgen("validate", str(fifo))
    assert (result.returncode, result.stderr) == (
        1,
        f"{fifo}: is a named pipe (FIFO), not a regular file\n",
    )


@posix_only
def test_a_fifo_article_is_refused_at_once_by_name(tmp_path):
    bank = bank_folder(tmp_path)
    (tmp_path / "article.txt").unlink()
    os.mkfifo(tmp_path / "article.txt")
    result = quizgen("build", str(bank), "--out", str(tmp_path / "out"), "--seed", "1")
    assert (result.returncode, result.stderr) == (
        1,
        f"{bank}:5:9: article.path: 'article.txt': is a named pipe (FIFO), not a regular file\n",
    )
    assert not (tmp_path / "out").exists()


@posix_only
def test_a_fifo_given_to_extract_is_refused_at_once(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = quizgen("extract", str(fifo))
    assert (result.returncode, result.stderr) == (
        1,
        f"quizgen: error: {fifo}: is a named pipe (FIFO), not a regular file\n",
    )


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_refused_as_bank_article_and_extract_input(tmp_path):
    result = quizgen("validate", "/dev/zero")
    assert (result.returncode, result.stderr) == (
        1,
        "/dev/zero: is a device, not a regular file\n",
    )
    bank = bank_folder(tmp_path, SMALL_TEXT.replace("path: article.txt", "path: /dev/zero"))
    result = quizgen("validate", "--allow-outside-paths", str(bank))
    assert (result.returncode, result.stderr) == (
        1,
        f"{bank}:5:9: article.path: '/dev/zero': is a device, not a regular file\n",
    )
    result = quizgen("extract", "/dev/zero")
    assert (result.returncode, result.stderr) == (
        1,
        "quizgen: error: /dev/zero: is a device, not a regular file\n",
    )


def test_an_article_path_that_is_a_folder(tmp_path, capsys):
    bank = bank_folder(tmp_path, SMALL_TEXT.replace("path: article.txt", "path: sub"))
    (tmp_path / "sub").mkdir()
    assert run(capsys, "validate", str(bank)) == (
        1,
        f"{bank}:5:9: article.path: 'sub': is a folder, not an article file\n",
    )


def test_the_size_limit_holds_while_reading(tmp_path, monkeypatch):
    # A file that grows after its size was looked at (or a size that lies, as in /proc) is
    # still cut off at the limit: at most limit + 1 bytes are ever read.
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 100)
    reads = []
    real_read = os.read

    def counting_read(fd, n):
        data = real_read(fd, n)
        reads.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(Unreadable, match=r"^file too large \(the limit is 10 bytes\)$"):
        read_bytes(path, limit=10)
    assert read_bytes(path, limit=100) == b"x" * 100


def test_an_article_over_the_limit(tmp_path, capsys):
    bank = bank_folder(tmp_path)
    (tmp_path / "article.txt").write_bytes(b"x" * (MAX_ARTICLE_BYTES + 1))
    assert run(capsys, "validate", str(bank)) == (
        1,
        f"{bank}:5:9: article.path: 'article.txt': file too large "
        f"(the limit is {MAX_ARTICLE_BYTES} bytes)\n",
    )


# Encodings -----------------------------------------------------------------------------------

SAVE_AS = "text, not UTF-8: save the file as UTF-8"


@pytest.mark.parametrize(
    "encoding, name",
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_utf16_and_utf32_banks_say_to_save_as_utf8(tmp_path, capsys, encoding, name):
    bank = tmp_path / "bank.yaml"
    bank.write_bytes(SMALL_TEXT.encode(encoding))
    assert run(capsys, "validate", str(bank)) == (1, f"{bank}:1: {name} {SAVE_AS}\n")


def test_a_utf16_article_says_to_save_as_utf8(tmp_path, capsys):
    bank = bank_folder(tmp_path)
    article = tmp_path / "article.txt"
    article.write_bytes(article.read_text(encoding="utf-8").encode("utf-16"))
    assert run(capsys, "validate", str(bank)) == (
        1,
        f"{bank}:5:9: article.path: 'article.txt' (line 1): UTF-16 {SAVE_AS}\n",
    )


def test_binary_data_is_still_called_binary(tmp_path, capsys):
    bank = tmp_path / "bank.yaml"
    bank.write_bytes(b"id: x\n\x89PNG\x00\x00\x00\rIHDR")
    assert run(capsys, "validate", str(bank)) == (
        1,
        f"{bank}:2: binary data (NUL byte), not a text file\n",
    )


# Numbers -------------------------------------------------------------------------------------

RANGE = "is out of range (numbers must be less than 10^15 in size, with at most 15 decimal places)"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("answer", "1e999999", f"answer: '1e999999' {RANGE}"),
        ("answer", "1e-999999", f"answer: '1e-999999' {RANGE}"),
        ("answer", "'-1e999999'", f"answer: '-1e999999' {RANGE}"),
        ("answer", "1000000000000000", f"answer: '1000000000000000' {RANGE}"),
        ("answer", "0.0000000000000001", f"answer: '1e-16' {RANGE}"),
        ("answer", "1.0e+999999", "answer: expected a finite number, got 'inf'"),
        ("answer", "1234567890.1234567", "answer: '1234567890.1234567' has more than 15 "
         "significant digits"),
        ("answer", "9" * 5000, "bad int value: 5,000 characters is too long for a number"),
        ("answer", "'" + "9" * 5000 + "'", f"answer: '{'9' * 20}...{'9' * 10} (5000 characters)' "
         f"{RANGE}"),
        ("tolerance", "1e999999", f"tolerance: '1e999999' {RANGE}"),
        ("tolerance", "1e-999999", f"tolerance: '1e-999999' {RANGE}"),
    ],
    ids=lambda value: value[:20] if isinstance(value, str) else None,
)  # fmt: skip
def test_numbers_out_of_range_are_named_with_their_question(tmp_path, capsys, field, value,
                                                             message):  # fmt: skip
    old = "answer: 4.5" if field == "answer" else "tolerance: 0.1"
    bank = bank_folder(tmp_path, SMALL_TEXT.replace(old, f"{field}: {value}"))
    line = 37 if field == "answer" else 38
    column = len(field) + 7
    code, err = run(capsys, "validate", str(bank))
    where = f"{bank}:{line}:{column}: "
    if message.startswith("bad int"):
        assert (code, err) == (1, f"{where}{message}\n")
    else:
        assert (code, err) == (1, f"{where}question 'cost': {message}\n")


def test_numbers_at_the_edge_of_the_range_pass(tmp_path, capsys):
    for value in ("999999999999999", "-999999999999999", "0.000000000000001", "0", "-4.5"):
        bank = bank_folder(tmp_path, SMALL_TEXT.replace("answer: 4.5", f"answer: {value}"))
        code, err = run(capsys, "validate", str(bank))
        assert code == 0, (value, err)


# Counts and command-line text ----------------------------------------------------------------


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--versions", "1000000000", "at most 5,000 versions, got 1,000,000,000"),
        ("--versions", "5001", "at most 5,000 versions, got 5,001"),
        ("--questions", "1001", "at most 1,000 questions, got 1,001"),
        ("--jobs", "65", "at most 64 processes, got 65"),
        ("--versions", "9" * 5000, f"expected a whole number, got '{'9' * 5000}'"),
        ("--title", "bell\x07", "text holds the control character U+0007"),
        ("--title", "\x1b[2J", "text holds the control character U+001B"),
        ("--title", "x" * 501, "at most 500 characters, got 501"),
        ("--title", "bad \udcff byte", "text holds a lone surrogate U+DCFF; write the character "
         "itself (or \\U0001F600-style escapes) instead of a surrogate pair"),
        ("--deck", "deck\x07", "text holds the control character U+0007"),
        ("--deck", "=HYPERLINK(\"http://x\")", "must not start with '=': a spreadsheet opening "
         "deck.csv would read the deck column as a formula"),
        ("--deck", "@SUM(1)", "must not start with '@': a spreadsheet opening deck.csv would "
         "read the deck column as a formula"),
    ],
)  # fmt: skip
def test_counts_and_text_options_are_usage_errors(tmp_path, capsys, option, value, message):
    out = tmp_path / "out"
    code, err = run(capsys, "build", str(SMALL_BANK), "--out", str(out), option, value)
    assert code == 2
    assert err.splitlines()[-1] == f"quizgen build: error: argument {option}: {message}"
    assert not out.exists()


def test_the_extract_title_is_checked_too(tmp_path, capsys):
    code, err = run(capsys, "extract", str(SMALL_BANK.parent / "article.txt"), "--title", "\x07")
    assert code == 2
    assert err.splitlines()[-1] == (
        "quizgen extract: error: argument --title: text holds the control character U+0007"
    )


def test_caps_leave_room_for_large_builds(capsys):
    parsed = cli.parser().parse_args(["build", "--versions", "5000", "--questions", "1000"])
    assert (parsed.versions, parsed.questions) == (5000, 1000)
    assert 1 <= parsed.jobs <= cli.MAX_JOBS


# Article paths ------------------------------------------------------------------------------

OUTSIDE = (
    "is outside the bank's folder; articles are read only from the bank's folder and its "
    "subfolders (--allow-outside-paths lifts this)"
)


@pytest.mark.parametrize("path", ["../secret.txt", "/etc/hostname", "sub/../../secret.txt"])
def test_article_paths_outside_the_banks_folder_are_refused(tmp_path, capsys, path):
    folder = tmp_path / "banks"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("The city council met on Monday.")
    bank = bank_folder(folder, SMALL_TEXT.replace("path: article.txt", f"path: {path}"))
    assert run(capsys, "validate", str(bank)) == (
        1,
        f"{bank}:5:9: article.path: '{path}' {OUTSIDE}\n",
    )
    out = tmp_path / "out"
    code, err = run(capsys, "build", str(bank), "--out", str(out), "--seed", "1")
    assert (code, err) == (1, f"{bank}:5:9: article.path: '{path}' {OUTSIDE}\n")
    assert not out.exists()


@posix_only
def test_a_link_in_the_banks_folder_to_a_file_outside_is_refused(tmp_path, capsys):
    folder = tmp_path / "banks"
    folder.mkdir()
    bank = bank_folder(folder)
    (tmp_path / "real.txt").write_text((folder / "article.txt").read_text())
    (folder / "article.txt").unlink()
    (folder / "article.txt").symlink_to(tmp_path / "real.txt")
    assert run(capsys, "validate", str(bank)) == (
        1,
        f"{bank}:5:9: article.path: 'article.txt' {OUTSIDE}\n",
    )
    assert run(capsys, "validate", "--allow-outside-paths", str(bank))[0] == 0


def test_allow_outside_paths_reads_an_article_elsewhere(tmp_path, capsys):
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(SMALL_BANK.parent / "article.txt", tmp_path / "article.txt")
    bank = folder / "bank.yaml"
    bank.write_text(SMALL_TEXT.replace("path: article.txt", "path: ../article.txt"))
    code, _ = run(capsys, "validate", "--allow-outside-paths", str(bank))
    assert code == 0
    out = tmp_path / "out"
    args = ("build", str(bank), "--out", str(out), "--seed", "1", "--formats", "json")
    assert run(capsys, *args, "--allow-outside-paths")[0] == 0
    assert (out / "manifest.json").exists()


def test_an_article_in_a_subfolder_is_inside(tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    bank = bank_folder(tmp_path, SMALL_TEXT.replace("path: article.txt", "path: articles/a.txt"))
    shutil.copy(SMALL_BANK.parent / "article.txt", tmp_path / "articles" / "a.txt")
    assert run(capsys, "validate", str(bank))[0] == 0
