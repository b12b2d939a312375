"""``quizgen build``: bank -> quiz -> rendered files -> output folder, in that order.

Everything is loaded and checked before anything is written (a bad bank or impossible options
change nothing on disk); files are then rendered and staged one at a time, and published
together with the manifest last.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .assemble import AssemblyOptions, assemble
from .bank import load_bank
from .model import Bank, Quiz
from .output import OutputWriter, file_entry
from .render import RenderOptions, get_renderer


@dataclass(frozen=True)
class BuildResult:
    quiz: Quiz
    manifest_path: Path
    files: tuple[str, ...]


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
        "files": files,
    }


class _Progress:
    """Progress on stderr once a build has taken more than a moment."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.start = self.last = time.monotonic()
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and now - self.start > 1.0 and now - self.last > 0.5:
            self.last = now
            print(f"quizgen: {self.done} files written ({label})", file=sys.stderr, flush=True)


def build(
    bank_path: Path,
    out_dir: Path,
    *,
    formats: tuple[str, ...],
    seed: int,
    assembly: AssemblyOptions,
    render: RenderOptions,
    progress: bool = False,
) -> BuildResult:
    bank = load_bank(bank_path)
    quiz = assemble(bank, seed, assembly)
    renderers = [(name, get_renderer(name)) for name in formats]
    steps = _Progress(len(quiz.versions) * len(formats), progress)
    with OutputWriter(out_dir) as writer:
        for _name, renderer in renderers:
            for file in renderer.render(quiz, render):
                writer.add(file)
                steps.step(file.path)
        files = [file_entry(e) for e in writer.entries]
        path = writer.commit(manifest(quiz, files, formats))
    return BuildResult(quiz, path, tuple(f["path"] for f in files))
