"""``quizgen build``: bank -> quiz -> rendered files -> output folder, in that order.

Everything is loaded and checked before anything is written (a bad bank or impossible options
change nothing on disk); files are then rendered and staged one at a time, and published
together with the manifest last.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .assemble import AssemblyOptions, assemble
from .bank import load_bank
from .model import Bank, Quiz
from .output import OutputWriter, file_entry, stage
from .publish import PublishError, forget_locks
from .render import OutputFile, RenderOptions, get_renderer, render
from .roster import deal, read_roster
from .teacher import is_teacher_file, place


@dataclass(frozen=True)
class BuildResult:
    quiz: Quiz
    manifest_path: Path
    files: tuple[str, ...]
    notes: tuple[str, ...] = ()
    """Notes of the files written (``OutputFile.notes``), each once, in file order."""


def manifest(quiz: Quiz, files: list[dict], formats: tuple[str, ...]) -> dict:
    bank: Bank = quiz.bank
    article = bank.article
    return {
        "generator": f"quizgen {__version__}",
        "bank": {
            "id": bank.id,
            "title": bank.title,
            "path": str(bank.path),
            "article": {
                "title": article.title,
                "publisher": article.publisher,
                "date": article.date,
                "url": article.url,
            },
        },
        "seed": quiz.seed,
        "title": quiz.title,
        "formats": list(formats),
        "questions": len(quiz.versions[0].items),
        "versions": [v.code for v in quiz.versions],
        **(
            {
                "students": [
                    {"id": a.student.id, "name": a.student.name, "version": a.version}
                    for a in quiz.assignments
                ]
            }
            if quiz.assignments
            else {}
        ),
        "files": files,
    }


class _Progress:
    """Progress on stderr once a build has taken more than a moment."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and now - self.start > 1.0 and now - self.last > 0.5:
            self.last = now
            print(f"quizgen: {self.done} files written ({label})", file=sys.stderr, flush=True)


# Worker processes get the quiz once, when they start (inherited through fork), not per task;
# they write their files into the staging folder themselves and send back only the entries.
_WORKER: dict = {}


def _worker_init(quiz: Quiz, options: RenderOptions, staging: Path) -> None:
    # Ctrl-C reaches the whole process group: the main process handles it (and ends the
    # workers); a worker must neither print a traceback for it nor hold back SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    forget_locks()
    _WORKER.update(quiz=quiz, options=options, staging=staging)


def _worker_render(task: tuple[str, int]) -> list[OutputFile]:
    name, index = task
    quiz, staging = _WORKER["quiz"], _WORKER["staging"]
    files = get_renderer(name).render_version(quiz, quiz.versions[index], _WORKER["options"])
    return [stage(staging, place(file)) for file in files]


SETTLE_AFTER = 16
"""Builds of more versions than this settle the garbage collector after their first one."""


@contextmanager
def _settled(count: int) -> Iterator[Callable[[], None]]:
    """A function that, called once the first version is rendered, collects its garbage and
    exempts everything alive then (modules, fonts, caches, the quiz) from later collections,
    until the build ends.

    A PDF is a web of reference cycles that only the cyclic collector frees, and a full
    collection comes ever more rarely as the caches grow: without this, the garbage of many
    versions piles up and memory grows with the number of versions. Frozen before the
    workers fork, the objects are also not copied into each of them by the collector.
    """
    frozen = False

    def settle() -> None:
        nonlocal frozen
        if count > SETTLE_AFTER and not frozen:
            gc.collect()
            gc.freeze()
            frozen = True

    try:
        yield settle
    finally:
        if frozen:
            gc.unfreeze()


def write_files(
    quiz: Quiz, formats: tuple[str, ...], options: RenderOptions, jobs: int, writer: OutputWriter
) -> Iterator[OutputFile]:
    """Render and stage every output file; yields their entries in a fixed order (format by
    format: versions, then shared files).

    With ``jobs`` > 1, versions are rendered and written in that many worker processes; the
    files, their bytes and their order are the same as with one.
    """
    count = len(quiz.versions)
    with _settled(count) as settle:
        if jobs <= 1 or count < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for name in formats:
                for file in render(name, quiz, options):
                    yield writer.add(place(file))
                    if file.version != quiz.versions[0].code:
                        settle()
        else:
            yield from _write_in_workers(quiz, formats, options, jobs, writer, settle)


def _write_in_workers(
    quiz: Quiz,
    formats: tuple[str, ...],
    options: RenderOptions,
    jobs: int,
    writer: OutputWriter,
    settle: Callable[[], None],
) -> Iterator[OutputFile]:
    count = len(quiz.versions)
    # The first version of every format is rendered here, before the workers start: they
    # inherit its imports, fonts and caches instead of each warming up on its own.
    _WORKER.update(quiz=quiz, options=options, staging=writer.staging)
    try:
        first = {name: _worker_render((name, 0)) for name in formats}
    finally:
        _WORKER.clear()
    settle()
    context = multiprocessing.get_context("fork")
    tasks = [(name, index) for name in formats for index in range(1, count)]
    chunk = max(1, min(8, count // (jobs * 4)))
    init = (quiz, options, writer.staging)
    with context.Pool(min(jobs, count - 1), _worker_init, init) as pool:
        results = pool.imap(_worker_render, tasks, chunksize=chunk)
        for name in formats:
            for entry in first[name]:
                yield writer.record(entry)
            for _ in range(1, count):
                for entry in next(results):
                    yield writer.record(entry)
            for file in get_renderer(name).render_shared(quiz, options):
                yield writer.add(place(file))
        # Let the workers finish and exit on their own: terminating idle workers (what
        # leaving the block does) can wait for ever on the task queue's lock.
        pool.close()
        pool.join()


def _note(message: str) -> None:
    print(f"quizgen: {message}", file=sys.stderr)


def build(
    bank_path: Path,
    out_dir: Path,
    *,
    formats: tuple[str, ...],
    seed: int,
    assembly: AssemblyOptions,
    options: RenderOptions,
    jobs: int = 1,
    progress: bool = False,
    roster: Path | None = None,
    allow_outside_paths: bool = False,
) -> BuildResult:
    """Load, check, assemble, render and write; return what was built. With ``roster``, the
    versions are dealt to its students in its order (``Quiz.assignments``)."""
    bank = load_bank(bank_path, allow_outside_paths=allow_outside_paths)
    students = read_roster(roster) if roster is not None else ()
    quiz = assemble(bank, seed, assembly, note=_note)
    if students:
        codes = [v.code for v in quiz.versions]
        quiz = dataclasses.replace(quiz, assignments=deal(students, codes))
    steps = _Progress(progress)
    try:
        with OutputWriter(out_dir) as writer:
            for entry in write_files(quiz, formats, options, jobs, writer):
                steps.step(entry.path)
            if any(is_teacher_file(e.path) for e in writer.entries):
                from .render.html import teacher_index

                writer.add(teacher_index(quiz, tuple(writer.entries)))
            files = [file_entry(e) for e in writer.entries]
            path = writer.commit(manifest(quiz, files, formats))
    except OSError as exc:  # disk full, permissions, ... while staging: nothing was published
        what = f"{Path(exc.filename).name}: " if exc.filename else "the build's files: "
        raise PublishError(
            f"--out {out_dir}: cannot write {what}{exc.strerror or exc}; "
            "the folder was left as it was"
        ) from None
    notes = dict.fromkeys(note for e in writer.entries for note in e.notes)
    return BuildResult(quiz, path, tuple(f["path"] for f in files), tuple(notes))
