"""Publishing is all or nothing: one build at a time, and whatever stops a build at whatever
step (an error, SIGINT, SIGTERM, SIGKILL), the folder then holds exactly the old build or
exactly the new one, with a manifest that matches its files and no working folder.

Each case compares the whole folder, byte for byte, with the old and the new build made
apart. A folder interrupted by SIGKILL is set right by the next build (it holds the lock,
reads the journal and rolls back); the others at once.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, SMALL_BANK

from quizgen import build as build_module
from quizgen import cli, publish
from quizgen.publish import JOURNAL, LOCK, PublishError, locked, recover
from quizgen.results.score import load_build

FORMATS = "json,anki-csv"
OLD = ("--seed", "1", "--versions", "3")
NEW = ("--seed", "2", "--versions", "2")


def build_args(out: Path, options: tuple[str, ...], jobs: str = "1") -> list[str]:
    """Arguments of a build. In this process, one job: forking worker processes from a test
    run that has threads of its own could deadlock the worker, whatever quizgen does. Builds
    in a process of their own (``jobs="2"``) use workers."""
    return [
        "build", str(SMALL_BANK), "--out", str(out), "--formats", FORMATS, "-q",
        "--jobs", jobs, *options,
    ]  # fmt: skip


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file and folder under ``folder``, hidden ones included (folders map to b"/")."""
    return {
        str(p.relative_to(folder)): b"/" if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The old and the new build, each made on its own, beside a file of the teacher's."""
    found = {}
    for name, options in (("old", OLD), ("new", NEW)):
        out = tmp_path_factory.mktemp(name)
        (out / "notes.txt").write_text("the teacher's own file")
        assert cli.main(build_args(out, options)) == 0
        found[name] = snapshot(out)
    assert "teacher/quiz-C.json" in found["old"] and "teacher/quiz-C.json" not in found["new"]
    return found


@pytest.fixture
def out(tmp_path, builds) -> Path:
    """A folder holding the old build."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("the teacher's own file")
    assert cli.main(build_args(folder, OLD)) == 0
    assert snapshot(folder) == builds["old"]
    return folder


def which(folder: Path, builds) -> str:
    now = snapshot(folder)
    for name, files in builds.items():
        if now == files:
            return name
    raise AssertionError(f"neither build: {sorted(now)}")


def count_moves(out: Path, monkeypatch) -> int:
    """How many renames publishing the new build over the old one takes (journal included)."""
    calls = []
    real = os.replace
    monkeypatch.setattr(publish.os, "replace", lambda a, b: (calls.append(a), real(a, b))[1])
    assert cli.main(build_args(out, NEW)) == 0
    monkeypatch.setattr(publish.os, "replace", real)
    assert cli.main(build_args(out, OLD)) == 0
    return len(calls)


# Errors and catchable signals at every step, in this process -------------------------------


def test_a_failure_at_every_publishing_step_leaves_the_old_build(out, builds, monkeypatch, capsys):
    steps = count_moves(out, monkeypatch)
    assert steps > 10
    real = os.replace
    for failing in range(steps):
        calls = []

        def replace(a, b, calls=calls, failing=failing):
            calls.append(a)
            if len(calls) - 1 == failing:
                raise OSError(errno.EIO, "Input/output error", str(b))
            return real(a, b)

        monkeypatch.setattr(publish.os, "replace", replace)
        code = cli.main(build_args(out, NEW))
        err = capsys.readouterr().err
        monkeypatch.setattr(publish.os, "replace", real)
        assert code == 1, failing
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert err.startswith(f"quizgen: error: --out {out}: ")
        assert which(out, builds) == "old", failing


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_at_every_publishing_step_leaves_a_whole_build(
    out, builds, monkeypatch, capsys, signum
):
    steps = count_moves(out, monkeypatch)
    real = os.replace
    for at in range(steps):
        calls = []

        def replace(a, b, calls=calls, at=at):
            calls.append(a)
            if len(calls) - 1 == at:
                os.kill(os.getpid(), signum)
            return real(a, b)

        monkeypatch.setattr(publish.os, "replace", replace)
        code = cli.main(build_args(out, NEW))
        err = capsys.readouterr().err
        monkeypatch.setattr(publish.os, "replace", real)
        # Signals are held back while files move: the build completes, then stops.
        assert code == 128 + signum, at
        assert err == (
            "quizgen: interrupted once the new build was complete in the output folder\n"
        )
        assert which(out, builds) == "new", at
        assert cli.main(build_args(out, OLD)) == 0


def test_a_failure_while_rendering_changes_nothing(out, builds, monkeypatch, capsys):
    from quizgen import output

    real = output.stage

    def full(staging, file):
        if file.path.endswith("quiz-B.json"):
            raise OSError(errno.ENOSPC, "No space left on device", str(staging / file.path))
        return real(staging, file)

    monkeypatch.setattr(output, "stage", full)
    monkeypatch.setattr(build_module, "stage", full)  # in worker processes
    assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: cannot write quiz-B.json: No space left on device; "
        "the folder was left as it was\n"
    )
    assert which(out, builds) == "old"


def test_disk_full_at_the_manifest_publishes_nothing(out, builds, monkeypatch, capsys):
    from quizgen import output

    def full(data):
        raise OSError(errno.ENOSPC, "No space left on device", "manifest.json")

    monkeypatch.setattr(output, "manifest_bytes", lambda manifest: full(manifest))
    assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: cannot write manifest.json: No space left on device; "
        "the folder was left as it was\n"
    )
    assert which(out, builds) == "old"


def test_permission_denied_is_one_line(out, builds, monkeypatch, capsys):
    real = publish.tempfile.mkstemp

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(out / JOURNAL))

    monkeypatch.setattr(publish.tempfile, "mkstemp", denied)
    assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: cannot write .quizgen-journal.json: Permission denied; "
        "the folder was left as it was\n"
    )
    monkeypatch.setattr(publish.tempfile, "mkstemp", real)
    assert which(out, builds) == "old"


# SIGKILL at every step: the next build sets the folder right ---------------------------------

KILLER = """
import os, signal, sys
from quizgen import build as build_module
from quizgen import cli, publish
at, calls, real = int(sys.argv[1]), [], os.replace
def replace(a, b):
    calls.append(a)
    if len(calls) - 1 == at:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(a, b)
publish.os.replace = replace
sys.exit(cli.main(sys.argv[2:]))
"""


def test_sigkill_at_every_publishing_step_is_rolled_back_by_the_next_build(
    out, builds, monkeypatch
):
    steps = count_moves(out, monkeypatch)
    for at in range(steps):
        killed = subprocess.run(
            [sys.executable, "-c", KILLER, str(at), *build_args(out, NEW, jobs="2")],
            cwd=ROOT,
            capture_output=True,
            timeout=120,
        )
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        if at > 0:  # the journal was written: files may be half moved until the next build
            assert (out / JOURNAL).exists()
        with locked(out):  # what the next build does first, under the lock
            recover(out)
        assert which(out, builds) == "old", at


def kill_halfway(out: Path, monkeypatch) -> None:
    """Publish the new build over the old one in a process killed halfway through."""
    steps = count_moves(out, monkeypatch)
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(steps // 2), *build_args(out, NEW)],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL


def test_a_build_after_a_kill_publishes_normally(out, builds, monkeypatch):
    kill_halfway(out, monkeypatch)
    assert (out / JOURNAL).exists()
    assert cli.main(build_args(out, NEW)) == 0
    assert which(out, builds) == "new"


def test_reading_a_build_a_kill_interrupted_sets_it_right_first(out, builds, monkeypatch):
    # what scan and results --build read: the old build, whole, never half of each
    kill_halfway(out, monkeypatch)
    assert (out / JOURNAL).exists()
    build = load_build(out)
    assert which(out, builds) == "old"
    assert sorted(build.versions) == ["A", "B", "C"]


def test_reading_a_build_while_another_publishes_there_is_refused(out, builds, monkeypatch):
    kill_halfway(out, monkeypatch)
    with locked(out):  # a build holds the folder
        with pytest.raises(PublishError, match="another quizgen build is writing there"):
            load_build(out)
    load_build(out)
    assert which(out, builds) == "old"


# Real signals against a running build --------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_real_signal_while_rendering(out, builds, signum):
    # Enough versions that the build is still rendering when the signal comes.
    args = build_args(out, ("--seed", "5", "--versions", "400", "--formats", "pdf,json"), "2")
    process = subprocess.Popen(
        [sys.executable, "-m", "quizgen", *args],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while not any(p.name.startswith(".quizgen-staging-") for p in out.iterdir()):
            assert process.poll() is None, process.stderr.read()
        os.kill(process.pid, signum)
        _, err = process.communicate(timeout=120)
    finally:
        process.kill()
    if signum == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
        assert cli.main(build_args(out, OLD)) == 0  # removes the staging folder left behind
    else:
        assert process.returncode == 128 + signum
        assert err == "quizgen: interrupted; the output folder was left as it was\n"
    assert which(out, builds) == "old"


# One build at a time -------------------------------------------------------------------------


def test_a_second_build_exits_at_once_naming_the_lock(out, builds, capsys):
    with locked(out):
        assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: another quizgen build is writing there (it holds the "
        f"lock {out / LOCK}); wait for it to finish, or build into another folder\n"
    )
    assert which(out, builds) == "old"  # and the lock file is gone once the build ends


CONCURRENT_RUNS = 20


def test_concurrent_builds_never_mix(out, builds):
    for _ in range(CONCURRENT_RUNS):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "quizgen", *build_args(out, options, jobs="2")],
                cwd=ROOT,
                stderr=subprocess.PIPE,
                text=True,
            )
            for options in (OLD, NEW)
        ]
        results = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
        for p in runs:
            p.stderr.close()
        assert any(code == 0 for code, _ in results), results
        for code, err in results:
            assert code == 0 or (code == 1 and "another quizgen build is writing there" in err)
        assert which(out, builds) in ("old", "new")


# The folder as found -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["deck.csv", "teacher/quiz-B.json", "manifest.json"])
def test_a_folder_where_a_file_should_go(out, capsys, path):
    (out / path).unlink()
    (out / path).mkdir()
    before = snapshot(out)
    assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: '{path}' is a folder where a file should go; "
        "remove or rename it\n"
    )
    assert snapshot(out) == before


def test_a_file_where_a_folder_should_go(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "teacher").write_text("not a folder")
    assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: 'teacher' is a file or a link where a folder should go; "
        "remove or rename it\n"
    )
    assert sorted(p.name for p in out.iterdir()) == ["teacher"]


@pytest.mark.parametrize(
    "content, why",
    [
        ('{"files": [{"path": "a\\u0000b"}]}', "the path of file 1 holds a NUL character"),
        (json.dumps({"files": [{"path": "x" * 5000}]}),
         "the path of file 1 is 5,000 characters long"),
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
        ('{"files": ', "not JSON: Expecting value: line 1 column 11 (char 10)"),
        ('{"files": 3}', "no list of files"),
        ('{"files": [{"path": 7}]}', "file 1 has no path"),
        (b"\xff\xfe{\x00".decode("latin-1"),
         "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
    ],
    ids=["nul", "long", "deep", "truncated", "no-list", "no-path", "binary"],
)  # fmt: skip
def test_a_corrupt_manifest_is_one_line_and_changes_nothing(out, capsys, content, why):
    (out / "manifest.json").write_bytes(content.encode("latin-1"))
    before = snapshot(out)
    assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: manifest.json is not a quizgen manifest ({why}); "
        "remove it, or build into another folder\n"
    )
    assert snapshot(out) == before


def test_stale_working_folders_are_removed_and_nothing_else(out, builds):
    for name in (".quizgen-staging-abc123", ".quizgen-backup-x_9"):
        (out / name / "teacher").mkdir(parents=True)
        (out / name / "teacher" / "key-A.pdf").write_bytes(b"x" * 1000)
    (out / ".quizgen-journal.json.tmp1").write_text("{")
    (out / ".quizgen-notes").write_text("not ours")
    assert cli.main(build_args(out, NEW)) == 0
    left = {p.name for p in out.iterdir() if p.name.startswith(".")}
    assert left == {".quizgen-notes"}
    (out / ".quizgen-notes").unlink()
    assert which(out, builds) == "new"


def test_a_damaged_journal_is_refused(out, capsys):
    (out / JOURNAL).write_text('{"staging": "../../etc", "backup": "x"}')
    assert cli.main(build_args(out, NEW)) == 1
    assert capsys.readouterr().err == (
        f"quizgen: error: --out {out}: {JOURNAL} is damaged; remove it (and any .quizgen-* "
        "folder)\n"
    )


def test_a_real_write_limit_is_one_line(out, builds):
    resource = pytest.importorskip("resource")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    result = subprocess.run(
        [sys.executable, "-m", "quizgen", *build_args(out, NEW, jobs="2")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"quizgen: error: --out {out}: cannot write the build's files: File too large; "
        "the folder was left as it was\n"
    )
    assert which(out, builds) == "old"
