"""Paths and helpers shared by the tests (importable as ``support`` from any test folder)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
BUNDLED_BANK = ROOT / "banks" / "korean-war-70th.yaml"
SMALL_BANK = TESTS / "banks" / "small.yaml"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m quizgen ARGS`` in a subprocess; capture text output."""
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def built(out: Path, name: str) -> Path:
    """The file named ``name`` (a base name, e.g. ``key-A.pdf``) of the build in ``out``, at
    the path its manifest gives (files with answers live in ``teacher/``)."""
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    paths = [e["path"] for e in manifest["files"] if e["path"].rsplit("/", 1)[-1] == name]
    assert len(paths) == 1, f"{name}: {paths} in the manifest of {out}"
    return out / paths[0]
