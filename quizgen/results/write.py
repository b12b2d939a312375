"""Writing a results folder: ``results.csv``, ``responses.json`` and ``report.html``, each
complete or not at all (written through temporary files, then renamed)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..output import write_atomic
from . import ABSENT, Reading
from .analysis import Scored, item_stats, passages, scored
from .score import Build, load_build, number_text

HEADER = ("student", "version", "score", "max")


def _safe_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading ``= + - @`` (a formula) is quoted with
    an apostrophe, except for plain numbers such as ``-12.5``."""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _plain_number(text):
        return "'" + text
    return text


def _plain_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return text == ABSENT
    return True


def results_csv(build: Build, results: Sequence[Scored]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*HEADER, *build.question_ids])
    for s in results:
        r = s.reading
        on_version = {q["id"] for q in build.versions[r.version]["questions"]}
        cells = [r.cells.get(q, "") if q in on_version else ABSENT for q in build.question_ids]
        row = [r.student, r.version, number_text(s.score), number_text(s.max), *cells]
        writer.writerow([_safe_cell(c) for c in row])
    return out.getvalue().encode("utf-8")


def _page(page) -> dict:
    return page.as_json() if hasattr(page, "as_json") else dict(page)


def responses_json(
    build: Build, results: Sequence[Scored], problems: Sequence[str]
) -> Iterator[str]:
    """``responses.json`` in pieces, one student at a time: a class's thousand pages of box
    readings are never all expanded in memory at once."""

    def dump(value, indent: str = "") -> str:
        text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)
        return text.replace("\n", "\n" + indent)

    yield "{\n"
    yield f'  "bank": {dump(build.manifest.get("bank", {}).get("id"))},\n'
    yield f'  "problems": {dump(list(problems), "  ")},\n'
    yield f'  "seed": {dump(build.manifest.get("seed"))},\n'
    yield '  "students": ['
    for n, s in enumerate(results):
        entry = {
            "student": s.reading.student,
            "version": s.reading.version,
            "origin": s.reading.origin,
            "score": float(s.score),
            "max": float(s.max),
            "cells": dict(s.reading.cells),
            "needs_review": list(s.pending),
            "pages": [_page(p) for p in s.reading.pages],
        }
        yield ("," if n else "") + "\n    " + dump(entry, "    ")
    yield "\n  ]\n}\n" if results else "]\n}\n"


def _write_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Write text pieces to ``path`` through a temporary file, then rename (atomic)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(
    build_dir: Path, readings: Sequence[Reading], out_dir: Path, *, problems: Sequence[str]
) -> None:
    from .report import report_html

    build = load_build(build_dir)
    for r in readings:
        if r.version not in build.versions:
            raise InputError(f"{r.origin}: version {r.version!r} is not in the build {build_dir}")
    results = scored(build, readings)
    stats = item_stats(build, results)
    files = {
        "results.csv": results_csv(build, results),
        "report.html": report_html(build, results, stats, passages(stats), problems),
    }
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _write_chunks(out_dir / "responses.json", responses_json(build, results, problems))
        for name, data in files.items():
            write_atomic(out_dir / name, data)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot write the results: {exc.strerror or exc}") from None
