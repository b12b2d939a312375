"""Writing a results folder: ``results.csv``, ``responses.json`` and ``report.html``, each
complete or not at all (written through temporary files, then renamed)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
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


def responses_json(build: Build, results: Sequence[Scored], problems: Sequence[str]) -> bytes:
    doc = {
        "bank": build.manifest.get("bank", {}).get("id"),
        "seed": build.manifest.get("seed"),
        "students": [
            {
                "student": s.reading.student,
                "version": s.reading.version,
                "origin": s.reading.origin,
                "score": float(s.score),
                "max": float(s.max),
                "cells": dict(s.reading.cells),
                "needs_review": list(s.pending),
                "pages": [dict(p) for p in s.reading.pages],
            }
            for s in results
        ],
        "problems": list(problems),
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode()


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
        "responses.json": responses_json(build, results, problems),
        "report.html": report_html(build, results, stats, passages(stats), problems),
    }
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            write_atomic(out_dir / name, data)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot write the results: {exc.strerror or exc}") from None
