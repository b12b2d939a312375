"""The output folder: nothing outside --out, nothing half-written, nothing lost on failure."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from support import SMALL_BANK

from quizgen import build as build_module
from quizgen.assemble import AssemblyOptions
from quizgen.build import build
from quizgen.errors import RenderError
from quizgen.output import OutputWriter, stage
from quizgen.render import OutputFile, RenderOptions


def small_build_into(
    out: Path, formats: tuple[str, ...], *, seed: int, versions: int, **options
) -> None:
    """Build the small bank into ``out`` in-process."""
    build(
        SMALL_BANK,
        out,
        formats=formats,
        seed=seed,
        assembly=AssemblyOptions(versions=versions),
        options=RenderOptions(**options),
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_hostile_title_never_writes_outside_out(tmp_path):
    shutil.copy(SMALL_BANK.parent / "article.txt", tmp_path / "article.txt")
    text = SMALL_BANK.read_text(encoding="utf-8").replace(
        'title: "Small town library"', 'title: "../../escape/..\\\\x /etc/passwd <b>&"'
    )
    (tmp_path / "bank.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "deep" / "out"
    build(
        tmp_path / "bank.yaml",
        out,
        formats=("pdf", "html", "anki-csv", "json", "apkg", "quizlet"),
        seed=1,
        assembly=AssemblyOptions(versions=2),
        options=RenderOptions(pack=True),
    )
    outside = {p for p in tmp_path.rglob("*") if p.is_file()} - set(out.rglob("*"))
    assert {p.name for p in outside} == {"article.txt", "bank.yaml"}
    assert all(p.parent in (out, out / "teacher") for p in out.rglob("*"))


@pytest.mark.parametrize("path", ["../x.pdf", "/tmp/x.pdf", "a/../../x.pdf", "", "."])
def test_writer_refuses_paths_outside_the_folder(tmp_path, path):
    with OutputWriter(tmp_path / "out") as writer:
        with pytest.raises(RenderError, match="refusing to write outside the output folder"):
            writer.add(OutputFile(path, "pdf", "student", b"x", "A"))
    assert not (tmp_path / "x.pdf").exists()


def test_failure_mid_build_changes_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    small_build_into(out, ("json",), seed=1, versions=2)
    before = snapshot(out)

    real = build_module.render

    def failing(name, quiz, options):
        yield from real(name, quiz, options)
        raise RenderError("disk on fire")

    monkeypatch.setattr(build_module, "render", failing)
    with pytest.raises(RenderError, match="disk on fire"):
        small_build_into(out, ("json",), seed=99, versions=3)
    assert snapshot(out) == before  # no new quiz-C.json, no staging folder, old files intact


def test_interrupted_build_leaves_no_partial_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = build_module.render

    def interrupted(name, quiz, options):
        yield from real(name, quiz, options)
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "render", interrupted)
    with pytest.raises(KeyboardInterrupt):
        small_build_into(out, ("json",), seed=1, versions=2)
    assert list(out.iterdir()) == []


def test_failure_in_a_worker_process_changes_nothing(tmp_path, monkeypatch):
    # Worker processes write their own files into the staging folder: a failure in one
    # still publishes nothing and leaves no staging folder behind.
    out = tmp_path / "out"
    real = build_module.get_renderer

    class Failing:
        def render_version(self, quiz, version, options):
            if version.code == "C":
                raise RenderError("disk on fire")
            yield from real("json").render_version(quiz, version, options)

        def render_shared(self, quiz, options):
            yield from ()

    monkeypatch.setattr(build_module, "get_renderer", lambda name: Failing())
    with pytest.raises(RenderError, match="disk on fire"):
        build(
            SMALL_BANK,
            out,
            formats=("json",),
            seed=1,
            assembly=AssemblyOptions(versions=4),
            options=RenderOptions(),
            jobs=2,
        )
    assert list(out.iterdir()) == []


def test_a_file_staged_twice_is_refused_not_overwritten(tmp_path):
    with OutputWriter(tmp_path / "out") as writer:
        first = stage(writer.staging, OutputFile("quiz-A.json", "json", "key", b"1", "A"))
        writer.record(first)
        with pytest.raises(RenderError, match="two outputs would both be written to quiz-A"):
            stage(writer.staging, OutputFile("quiz-A.json", "json", "key", b"2", "A"))
        assert (writer.staging / "quiz-A.json").read_bytes() == b"1"
        with pytest.raises(RenderError, match="two outputs would both be written to quiz-A"):
            writer.record(first)


def test_two_outputs_with_one_path_are_refused(tmp_path):
    with OutputWriter(tmp_path) as writer:
        writer.add(OutputFile("quiz-A.json", "json", "key", b"1", "A"))
        with pytest.raises(RenderError, match="two outputs would both be written to quiz-A"):
            writer.add(OutputFile("quiz-A.json", "json", "key", b"2", "A"))


def test_rebuild_with_fewer_versions_removes_the_old_ones(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "out").mkdir()
    (out / "notes.txt").write_text("mine")
    small_build_into(out, ("json", "pdf"), seed=7, versions=3, pack=True)
    assert (out / "teacher" / "quiz-C.json").exists() and (out / "class-pack.pdf").exists()
    small_build_into(out, ("json",), seed=1, versions=1)
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == ["manifest.json", "notes.txt", "teacher/index.html", "teacher/quiz-A.json"]


def test_a_manifest_naming_files_outside_the_folder_deletes_nothing(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    files = [{"path": "../victim.txt"}, {"path": str(victim)}]
    (out / "manifest.json").write_text(json.dumps({"files": files}))
    small_build_into(out, ("json",), seed=1, versions=1)
    assert victim.read_text() == "keep"


def test_written_files_get_ordinary_permissions(tmp_path):
    out = tmp_path / "out"
    small_build_into(out, ("json",), seed=1, versions=1)
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.rglob("*") if p.is_file()}
    mask = os.umask(0)
    os.umask(mask)
    # Regression: the manifest was written through mkstemp and stayed private (0600).
    assert modes["manifest.json"] == modes["quiz-A.json"] == 0o666 & ~mask
