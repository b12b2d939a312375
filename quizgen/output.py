"""Writing the output folder: every file complete or not at all, the manifest last.

Files are written into a hidden staging folder inside the output folder as renderers yield
them (so memory stays flat however many versions there are), by the process that rendered
them (``stage``: worker processes write their own files, so no file's bytes travel between
processes), then published together once everything has rendered (``publish``: one build
at a time per folder, all or nothing even when interrupted). A build that fails leaves the
folder as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from pathlib import Path, PurePosixPath

from .errors import InputError, RenderError
from .files import Unreadable, read_bytes
from .publish import (
    MANIFEST,
    STAGING_PREFIX,
    PublishError,
    locked,
    plan_publication,
    publish,
    recover,
    safe_relpath,
)
from .render import OutputFile


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename
    (for single files outside a build's publication, such as a results folder's files)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private (0600); give it the mode any new file gets.
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _safe_relpath(path: str) -> PurePosixPath:
    rel = safe_relpath(path)
    if rel is None:
        raise RenderError(f"refusing to write outside the output folder: {path!r}")
    return rel


def stage(staging: Path, file: OutputFile) -> OutputFile:
    """Write ``file`` into the staging folder ``staging``; return its entry (without bytes).

    Safe to call from several processes at once: each file is created, never overwritten.
    """
    rel = _safe_relpath(file.path)
    if str(rel) == MANIFEST:
        raise RenderError(f"two outputs would both be written to {rel}")
    target = staging.joinpath(*rel.parts)
    if len(rel.parts) > 1:  # the staging folder is new and only quizgen writes into it
        if not target.resolve().is_relative_to(staging.resolve()):
            raise RenderError(f"refusing to write outside the output folder: {file.path!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "xb") as handle:  # "x": never through a link, never twice
            handle.write(file.data)
    except FileExistsError:
        raise RenderError(f"two outputs would both be written to {rel}") from None
    return OutputFile(str(rel), file.format, file.role, b"", file.version, file.notes)


class OutputWriter:
    """Stage files, then publish them all with the manifest last (see ``publish``).

    Use as a context manager: it holds the output folder's build lock from the start (after
    finishing or undoing what an interrupted build left there), and leaving it by an
    exception removes what was staged.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        if self.out_dir.exists() and not self.out_dir.is_dir():
            raise InputError(f"--out {self.out_dir}: exists and is not a folder")
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"--out {self.out_dir}: cannot write there: {exc.strerror}") from None
        self._lock = locked(self.out_dir)
        self._lock.__enter__()
        try:
            recover(self.out_dir)
            self.previous = previous_files(self.out_dir)
            self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
        except OSError as exc:
            self._lock.__exit__(None, None, None)
            raise InputError(f"--out {self.out_dir}: cannot write there: {exc.strerror}") from None
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        self.entries: list[OutputFile] = []
        self._paths: set[str] = set()

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._lock.__exit__(None, None, None)

    def add(self, file: OutputFile) -> OutputFile:
        """Stage one file (its bytes are not kept in memory); returns its entry."""
        self._check(file.path)
        return self.record(stage(self.staging, file))

    def record(self, entry: OutputFile) -> OutputFile:
        """Take in a file that ``stage`` has written into this writer's staging folder."""
        rel = self._check(entry.path)
        self._paths.add(str(rel))
        self.entries.append(entry)
        return entry

    def _check(self, path: str) -> PurePosixPath:
        rel = _safe_relpath(path)
        if str(rel) in self._paths or str(rel) == MANIFEST:
            raise RenderError(f"two outputs would both be written to {rel}")
        return rel

    def commit(self, manifest: dict) -> Path:
        """Publish every staged file and the manifest: the folder then holds this build and
        nothing of the previous one (files it listed and this build does not make are
        removed); on any failure, it still holds the previous one. Returns the manifest's
        path."""
        with open(self.staging / MANIFEST, "xb") as handle:
            handle.write(manifest_bytes(manifest))
        files = [e.path for e in self.entries] + [MANIFEST]
        publish(self.out_dir, plan_publication(self.out_dir, self.staging, files, self.previous))
        return self.out_dir / MANIFEST


MAX_MANIFEST_BYTES = 256 * 1024 * 1024
"""Largest previous manifest read (a 5,000-version build in every format lists ~50,000 files
in about 5 MB)."""


def previous_files(out_dir: Path) -> set[str]:
    """Files the previous build listed in its manifest (so a rebuild with fewer versions
    leaves no old copy behind). Only regular files inside ``out_dir`` are ever named; files
    quizgen did not write are never touched. A manifest that is not quizgen's (damaged, nested
    absurdly deep, a path with a NUL or thousands of characters long) is refused with
    ``PublishError``: the build does not guess what to remove."""
    path = out_dir / MANIFEST
    if not os.path.lexists(path):
        return set()
    if os.path.isdir(path) and not os.path.islink(path):
        raise PublishError(
            f"--out {out_dir}: '{MANIFEST}' is a folder where a file should go; remove or rename it"
        )

    def damaged(why: str) -> PublishError:
        return PublishError(
            f"--out {out_dir}: {MANIFEST} is not a quizgen manifest ({why}); "
            "remove it, or build into another folder"
        )

    try:
        manifest = json.loads(read_bytes(path, limit=MAX_MANIFEST_BYTES, what="a manifest"))
    except Unreadable as exc:
        raise damaged(str(exc)) from None
    except RecursionError:
        raise damaged("nested too deeply") from None
    except ValueError as exc:
        raise damaged(f"not JSON: {str(exc).splitlines()[0][:80]}") from None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list) or not all(isinstance(e, dict) for e in files):
        raise damaged("no list of files")
    found = set()
    root = out_dir.resolve()
    for number, entry in enumerate(files, start=1):
        name = entry.get("path")
        if not isinstance(name, str):
            raise damaged(f"file {number} has no path")
        if "\x00" in name:
            raise damaged(f"the path of file {number} holds a NUL character")
        if len(name) > 4096 or any(len(part) > 255 for part in name.split("/")):
            raise damaged(f"the path of file {number} is {len(name):,} characters long")
        rel = safe_relpath(name)
        if rel is None:
            continue  # outside the folder: never quizgen's to remove
        target = out_dir.joinpath(*rel.parts)
        try:
            inside = target.parent.resolve().is_relative_to(root)
            regular = stat.S_ISREG(os.lstat(target).st_mode)
        except OSError:
            continue
        if inside and regular:
            found.add(str(rel))
    return found


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def file_entry(entry: OutputFile) -> dict:
    out = {"path": entry.path, "format": entry.format, "role": entry.role}
    if entry.version is not None:
        out["version"] = entry.version
    return out
