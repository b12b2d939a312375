"""Publishing a staged build into its output folder: one build at a time, all or nothing.

The output folder keeps its plain layout (``DIR/manifest.json``, ``DIR/quiz-A.pdf``,
``DIR/teacher/...``), so no single rename can swap a whole build. Instead:

1. One build at a time: an advisory lock on ``DIR/.quizgen.lock`` is held from before the
   staging folder is made until the build has finished; a second build exits at once.
2. The new files are complete in the staging folder, the new manifest among them.
3. A journal (``DIR/.quizgen-journal.json``, written atomically) names the staging folder,
   a backup folder, every new file, every old file that will be replaced or removed, and the
   folders to create.
4. The old files move into the backup folder, then the new ones into place, the manifest
   last: its rename is the commit point. Then the journal is removed, then the working
   folders.

Interrupted before the commit point (an error, Ctrl-C, SIGTERM, SIGKILL, a power cut after
the journal reached the disk), the build is rolled back: new files removed, old files moved
back from the backup. The same process does it at once for an error or a signal it can
catch (SIGINT, SIGTERM and SIGHUP are held back while files move, so they take effect at a
step boundary); otherwise the next build does it, under the lock, before anything else. It
also removes working folders that an earlier build left behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from .errors import InputError

LOCK = ".quizgen.lock"
JOURNAL = ".quizgen-journal.json"
STAGING_PREFIX = ".quizgen-staging-"
BACKUP_PREFIX = ".quizgen-backup-"
MANIFEST = "manifest.json"
_WORKING_RE = re.compile(
    r"^(\.quizgen-(staging|backup)-[A-Za-z0-9_]+|\.quizgen-journal\.json\..+)$"
)
_HELD_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(KeyboardInterrupt):
    """A signal that stopped the build (SIGINT, SIGTERM, SIGHUP); ``published`` says whether
    the new build was already complete in the output folder when it took effect."""

    def __init__(self, signum: int = signal.SIGINT, published: bool = False) -> None:
        super().__init__(signum)
        self.signum, self.published = signum, published


class PublishError(InputError):
    """The output folder cannot take the build (exit status 1); nothing in it changed."""


# The lock ------------------------------------------------------------------------------------


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold ``out_dir``'s build lock, or raise ``PublishError`` at once naming it.

    The lock file is removed when the build ends. A build that opened it just before is not
    fooled: after locking, each checks that the file it locked is still the one at that path.
    """
    path = out_dir / LOCK
    for _attempt in range(10):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as exc:
            raise PublishError(f"--out {out_dir}: cannot create {path}: {exc.strerror}") from None
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise PublishError(
                f"--out {out_dir}: another quizgen build is writing there (it holds the lock "
                f"{path}); wait for it to finish, or build into another folder"
            ) from None
        if _same_file(fd, path):
            break
        os.close(fd)  # the build that held it has ended and removed it: lock the new one
    else:
        raise PublishError(f"--out {out_dir}: cannot take the lock {path}")
    LOCK_FDS.add(fd)
    try:
        yield
    finally:
        LOCK_FDS.discard(fd)
        with suppress(OSError):
            path.unlink()
        os.close(fd)  # releases the lock


LOCK_FDS: set[int] = set()
"""Descriptors of the locks this process holds: a worker process forked during the build
closes its copies (``forget_locks``), so that it never holds a lock its build has let go of,
nor keeps one after its build was killed."""


def forget_locks() -> None:
    """In a forked worker: close the inherited lock descriptors (the lock stays with the
    build), and on Linux ask to be ended with the process that forked it."""
    for fd in LOCK_FDS:
        with suppress(OSError):
            os.close(fd)
    LOCK_FDS.clear()
    if sys.platform.startswith("linux"):
        with suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


# Signals -------------------------------------------------------------------------------------


@contextmanager
def signals_held(*, published: Sequence[bool] = (False,)) -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back while the block runs; one that came meanwhile
    raises ``Interrupted`` when it ends (``published[0]`` then says whether the build was
    published). Outside the main thread (where Python cannot handle signals) it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {}
    for signum in _HELD_SIGNALS:
        previous[signum] = signal.signal(signum, lambda n, frame: received.append(n))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        raise Interrupted(received[0], published=published[0])


# The journal ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What one publication does; the journal's content. Paths are relative to the output
    folder (``staging`` and ``backup`` are folder names in it)."""

    staging: str
    backup: str
    files: tuple[str, ...]
    """Every new file, the manifest last."""
    replaced: tuple[str, ...]
    """Every old file moved aside: replaced by a new one, or no longer part of the build."""
    created: tuple[str, ...]
    """Folders made for the new files, parents first."""


def _write_journal(out_dir: Path, plan: Plan) -> None:
    data = json.dumps(asdict(plan), indent=1).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f"{JOURNAL}.", dir=out_dir)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out_dir / JOURNAL)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(out_dir)


def _sync_folder(folder: Path) -> None:
    with suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _read_journal(out_dir: Path) -> Plan | None:
    from .files import Unreadable, read_bytes

    path = out_dir / JOURNAL
    if not os.path.lexists(path):
        return None
    problem = f"--out {out_dir}: {JOURNAL} is damaged; remove it (and any .quizgen-* folder)"
    try:
        data = json.loads(read_bytes(path, limit=256 * 1024 * 1024))
        plan = Plan(
            staging=data["staging"],
            backup=data["backup"],
            files=tuple(data["files"]),
            replaced=tuple(data["replaced"]),
            created=tuple(data["created"]),
        )
    except (Unreadable, ValueError, KeyError, TypeError, RecursionError):
        raise PublishError(problem) from None
    names = (plan.staging, plan.backup)
    if not all(isinstance(n, str) and _WORKING_RE.match(n) for n in names):
        raise PublishError(problem)
    for rel in (*plan.files, *plan.replaced, *plan.created):
        if not isinstance(rel, str) or safe_relpath(rel) is None:
            raise PublishError(problem)
    return plan


def safe_relpath(path: str) -> PurePosixPath | None:
    """``path`` as a relative path inside a folder, or None when it could lead elsewhere
    (absolute, empty, '.', '..') or cannot name a file (a NUL, over 4,096 characters, a part
    over 255)."""
    if not path or "\x00" in path or "\\" in path or len(path) > 4096:
        return None
    rel = PurePosixPath(path)
    if (
        rel.is_absolute()
        or not rel.parts
        or any(p in (".", "..") or len(p) > 255 for p in rel.parts)
    ):
        return None
    return rel


# Publishing ----------------------------------------------------------------------------------


def _target(out_dir: Path, rel: str) -> Path:
    return out_dir.joinpath(*PurePosixPath(rel).parts)


def _kind(path: Path) -> str | None:
    """'file', 'folder' or 'other' (a link counts as a file: it is replaced, not followed)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) or stat.S_ISLNK(mode) else "other"


def plan_publication(out_dir: Path, staging: Path, files: Sequence[str], stale: set[str]) -> Plan:
    """Check that every new file can go where it should, before anything moves; the plan."""
    created: list[str] = []
    for rel in files:
        parts = PurePosixPath(rel).parts
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            kind = _kind(_target(out_dir, folder))
            if kind is None:
                if folder not in created:
                    created.append(folder)
            elif kind != "folder" or os.path.islink(_target(out_dir, folder)):
                raise PublishError(
                    f"--out {out_dir}: '{folder}' is a file or a link where a folder should "
                    "go; remove or rename it"
                )
        kind = _kind(_target(out_dir, rel))
        if kind == "folder":
            raise PublishError(
                f"--out {out_dir}: '{rel}' is a folder where a file should go; remove or rename it"
            )
        if kind == "other":
            raise PublishError(
                f"--out {out_dir}: '{rel}' is a special file where a file should go; "
                "remove or rename it"
            )
    replaced = [rel for rel in files if _kind(_target(out_dir, rel)) is not None]
    replaced += sorted(stale - set(files))
    backup = tempfile.mkdtemp(prefix=BACKUP_PREFIX, dir=out_dir)
    names = (Path(staging).name, Path(backup).name)
    return Plan(*names, tuple(files), tuple(replaced), tuple(created))


def publish(out_dir: Path, plan: Plan) -> None:
    """Carry out ``plan``: old files aside, new files in, the manifest last; roll back on any
    error. Signals are held back meanwhile (see ``signals_held``)."""
    published = [False]
    with signals_held(published=published):
        try:
            _write_journal(out_dir, plan)
        except BaseException:
            shutil.rmtree(out_dir / plan.backup, ignore_errors=True)
            raise
        try:
            _move_in(out_dir, plan)
        except BaseException as exc:
            try:
                roll_back(out_dir, plan)
            except OSError:
                raise PublishError(
                    f"--out {out_dir}: the build could not be published ({_why(exc)}) nor "
                    "rolled back; the next quizgen build into this folder restores the "
                    "previous build"
                ) from None
            if isinstance(exc, OSError):
                raise PublishError(
                    f"--out {out_dir}: cannot publish the build: {_why(exc)}; "
                    "the folder holds the previous build"
                ) from None
            raise
        published[0] = True
        with suppress(OSError):  # the manifest is also the newest file by its time
            os.utime(_target(out_dir, plan.files[-1]))
        (out_dir / JOURNAL).unlink()
        _remove_working(out_dir, plan)
        _remove_empty_parents(out_dir, set(plan.replaced) - set(plan.files))


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        name = f"{Path(exc.filename).name}: " if exc.filename else ""
        return f"{name}{exc.strerror}"
    return str(exc) or type(exc).__name__


def _move_in(out_dir: Path, plan: Plan) -> None:
    backup, staging = out_dir / plan.backup, out_dir / plan.staging
    for folder in plan.created:
        _target(out_dir, folder).mkdir(exist_ok=True)
    for rel in plan.replaced:
        aside = _target(backup, rel)
        aside.parent.mkdir(parents=True, exist_ok=True)
        os.replace(_target(out_dir, rel), aside)
    for rel in plan.files:
        os.replace(_target(staging, rel), _target(out_dir, rel))


def roll_back(out_dir: Path, plan: Plan) -> None:
    """Undo an unfinished ``plan``: the folder holds the previous build again. Safe to run
    again if it is itself interrupted."""
    backup, staging = out_dir / plan.backup, out_dir / plan.staging
    replaced = set(plan.replaced)
    for rel in reversed(plan.files):
        # A new file that replaced nothing is in place when it is no longer staged.
        if rel not in replaced and not os.path.lexists(_target(staging, rel)):
            _target(out_dir, rel).unlink(missing_ok=True)
    for rel in plan.replaced:
        aside = _target(backup, rel)
        if os.path.lexists(aside):
            os.replace(aside, _target(out_dir, rel))
    for folder in reversed(plan.created):
        with suppress(OSError):
            _target(out_dir, folder).rmdir()
    (out_dir / JOURNAL).unlink(missing_ok=True)
    _remove_working(out_dir, plan)


def _remove_working(out_dir: Path, plan: Plan) -> None:
    for name in (plan.backup, plan.staging):
        shutil.rmtree(out_dir / name, ignore_errors=True)


def _remove_empty_parents(out_dir: Path, removed: set[str]) -> None:
    folders = {p for rel in removed for p in PurePosixPath(rel).parents if str(p) != "."}
    for folder in sorted(folders, key=lambda p: -len(p.parts)):
        with suppress(OSError):
            _target(out_dir, str(folder)).rmdir()


def recover(out_dir: Path) -> None:
    """Finish or undo what an interrupted build left (call with the lock held), then remove
    every working folder and file a build may have left behind."""
    plan = _read_journal(out_dir)
    if plan is not None:
        staging = out_dir / plan.staging
        committed = (
            staging.is_dir()
            and not os.path.lexists(staging / MANIFEST)
            and os.path.lexists(out_dir / MANIFEST)
        )
        with signals_held():
            if committed:
                (out_dir / JOURNAL).unlink()
                _remove_empty_parents(out_dir, set(plan.replaced) - set(plan.files))
            else:
                roll_back(out_dir, plan)
    for entry in os.scandir(out_dir):
        if _WORKING_RE.match(entry.name):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with suppress(OSError):
                    os.unlink(entry.path)
