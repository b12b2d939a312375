"""The command line: exit codes, messages, the output folder and determinism."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, SMALL_BANK, built, run_cli


def digest_tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "quizgen 0.1.0"


def test_formats_lists_every_registered_format():
    result = run_cli("formats")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names[:4] == ["pdf", "html", "anki-csv", "json"]
    assert {"apkg", "quizlet"} <= set(names)


HEAVY = ("reportlab", "jinja2", "genanki", "cv2", "numpy", "zxingcpp", "pypdfium2")


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys, contextlib, io\n"
        "from quizgen import cli\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main(['--help'])\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr


def test_validate_does_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "from quizgen import cli\n"
        f"cli.main(['validate', {str(SMALL_BANK)!r}])\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["build", "--formats", "pdf,docx"],
            "quizgen: error: unknown format 'docx' (valid: pdf, html, anki-csv, json, sheet, apkg, "
            "quizlet, scorm12, scorm2004, gift, moodle-xml, qti, qti21, or all)",
        ),
        (["build", "--versions", "0"], "argument --versions: must be at least 1, got 0"),
        (["build", "--seed", "abc"], "argument --seed: expected a whole number, got 'abc'"),
        (["build", "--page-size", "a3"], "argument --page-size: invalid choice: 'a3'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["build", "--duplex"], "quizgen: error: --duplex lays out the class pack: add --pack"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_options_that_cannot_be_satisfied_exit_1(tmp_path):
    result = run_cli("build", str(SMALL_BANK), "--questions", "50", "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "quizgen: error: --questions 50 asks for more questions than the 7 of bank "
        "'small-town' that match the filters"
    )
    assert list(tmp_path.iterdir()) == []


def test_out_that_is_a_file_exit_1(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    result = run_cli(
        "build", str(SMALL_BANK), "--formats", "json", "--seed", "1", "--out", str(target)
    )
    assert result.returncode == 1
    assert result.stderr == f"quizgen: error: --out {target}: exists and is not a folder\n"
    assert target.read_text() == "x"


def test_unwritable_out_under_a_file_exit_1(tmp_path):
    (tmp_path / "file").write_text("x")
    target = tmp_path / "file" / "sub"
    result = run_cli("build", str(SMALL_BANK), "--formats", "json", "--out", str(target))
    assert result.returncode == 1
    assert result.stderr.endswith(f"--out {target}: cannot write there: Not a directory\n")


def test_seed_is_chosen_printed_and_recorded_when_absent(tmp_path):
    result = run_cli("build", str(SMALL_BANK), "--formats", "json", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    printed = int(result.stderr.split("using seed ")[1].split()[0])
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["seed"] == printed
    version = json.loads(built(tmp_path, "quiz-A.json").read_text())
    assert version["seed"] == printed


def test_manifest_lists_every_file_and_is_written_last(small_build):
    manifest = json.loads((small_build / "manifest.json").read_text())
    assert manifest["generator"] == "quizgen 0.1.0"
    assert manifest["bank"]["id"] == "small-town"
    assert manifest["bank"]["path"] == str(SMALL_BANK.resolve())
    assert manifest["bank"]["article"] == {
        "title": "Council votes for a new library",
        "publisher": "Town Gazette",
        "date": "2025-03-04",
        "url": None,
    }
    assert manifest["seed"] == 3
    assert manifest["versions"] == ["A", "B"]
    on_disk = {str(p.relative_to(small_build)) for p in small_build.rglob("*") if p.is_file()}
    listed = {f["path"] for f in manifest["files"]}
    assert on_disk == listed | {"manifest.json"}
    newest = max(small_build.rglob("*"), key=lambda p: p.stat().st_mtime_ns)
    assert newest.name == "manifest.json"
    for entry in manifest["files"]:
        assert entry["role"] in {"student", "key", "deck", "index", "pack", "lms", "sheet"}
        assert entry["format"] in manifest["formats"]
    roles = {(f["format"], f["role"], f.get("version")) for f in manifest["files"]}
    for code in ("A", "B"):
        assert ("pdf", "student", code) in roles
        assert ("pdf", "key", code) in roles
        assert ("html", "student", code) in roles
        assert ("json", "key", code) in roles
    assert ("anki-csv", "deck", None) in roles
    assert ("pdf", "pack", None) in roles


def test_same_seed_gives_byte_identical_files(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        result = run_cli(
            "build",
            str(SMALL_BANK),
            "--formats",
            "all",
            "--versions",
            "3",
            "--seed",
            "7",
            "--pack",
            "--out",
            str(out),
        )
        assert result.returncode == 0, result.stderr
    assert digest_tree(first) == digest_tree(second)
    third = tmp_path / "three"
    run_cli(
        "build",
        str(SMALL_BANK),
        "--formats",
        "json",
        "--versions",
        "3",
        "--seed",
        "8",
        "--out",
        str(third),
    )
    assert built(third, "quiz-A.json").read_bytes() != built(first, "quiz-A.json").read_bytes()


def test_rebuild_replaces_files_and_leaves_no_staging(tmp_path):
    for seed in ("1", "2"):
        result = run_cli(
            "build", str(SMALL_BANK), "--formats", "json", "--seed", seed, "--out", str(tmp_path)
        )
        assert result.returncode == 0
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["manifest.json", "teacher/index.html", "teacher/quiz-A.json"]
    assert json.loads(built(tmp_path, "quiz-A.json").read_text())["seed"] == 2


def test_build_from_any_folder_defaults_to_bundled_bank_and_output(tmp_path):
    result = run_cli("build", "--formats", "json", "--seed", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "output" / "manifest.json").read_text())
    assert manifest["bank"]["id"] == "korean-war-70th"


def test_jobs_do_not_change_a_single_byte(tmp_path):
    trees = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"jobs{jobs}"
        result = run_cli(
            "build",
            str(SMALL_BANK),
            "--formats",
            "all",
            "--versions",
            "5",
            "--seed",
            "11",
            "--pack",
            "--jobs",
            jobs,
            "--out",
            str(out),
        )
        assert result.returncode == 0, result.stderr
        trees.append(digest_tree(out))
    assert trees[0] == trees[1] == trees[2]
    assert len(trees[0]) > 20


def test_quiet_prints_nothing_on_success(tmp_path):
    result = run_cli(
        "build", str(SMALL_BANK), "--formats", "json", "--quiet", "--out", str(tmp_path)
    )
    assert result.returncode == 0
    assert (result.stdout, result.stderr) == ("", "")
    assert json.loads((tmp_path / "manifest.json").read_text())["seed"] >= 0
