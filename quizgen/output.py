"""Writing the output folder: every file complete or not at all, the manifest last.

Files are written into a hidden staging folder inside the output folder as renderers yield
them (so memory stays flat however many versions there are), by the process that rendered
them (``stage``: worker processes write their own files, so no file's bytes travel between
processes), then moved into place with ``os.replace`` once everything has rendered. A build
that fails leaves the folder as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from .errors import InputError, RenderError
from .render import OutputFile

MANIFEST = "manifest.json"


def _safe_relpath(path: str) -> PurePosixPath:
    rel = PurePosixPath(path)
    if rel.is_absolute() or not rel.parts or any(p in ("", ".", "..") for p in rel.parts):
        raise RenderError(f"refusing to write outside the output folder: {path!r}")
    return rel


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private (0600); give it the mode any new file gets.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    """Stage files, then publish them all with the manifest last.

    Use as a context manager: leaving it by an exception removes what was staged.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        if self.out_dir.exists() and not self.out_dir.is_dir():
            raise InputError(f"--out {self.out_dir}: exists and is not a folder")
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=".quizgen-staging-", dir=self.out_dir))
        except OSError as exc:
            raise InputError(f"--out {self.out_dir}: cannot write there: {exc.strerror}") from None
        self.entries: list[OutputFile] = []
        self._paths: set[str] = set()

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

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
        """Move every staged file into place, remove what the previous build made and this
        one did not, then write the manifest; return its path."""
        stale = previous_files(self.out_dir) - {e.path for e in self.entries}
        for entry in self.entries:
            rel = PurePosixPath(entry.path)
            target = self.out_dir.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.staging.joinpath(*rel.parts), target)
        for rel in sorted(stale):
            (self.out_dir / rel).unlink(missing_ok=True)
        path = self.out_dir / MANIFEST
        write_atomic(path, manifest_bytes(manifest))
        return path


def previous_files(out_dir: Path) -> set[str]:
    """Files the previous build listed in its manifest (so a rebuild with fewer versions
    leaves no old copy behind). Only files inside ``out_dir`` are ever named; files quizgen
    did not write are never touched."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        paths = [entry["path"] for entry in manifest["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    found = set()
    root = out_dir.resolve()
    for path in paths:
        try:
            rel = _safe_relpath(str(path))
        except RenderError:
            continue
        target = out_dir.joinpath(*rel.parts)
        if target.resolve().is_relative_to(root) and target.is_file():
            found.add(str(rel))
    return found


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def file_entry(entry: OutputFile) -> dict:
    out = {"path": entry.path, "format": entry.format, "role": entry.role}
    if entry.version is not None:
        out["version"] = entry.version
    return out
