"""Shared fixtures: bank paths, a CLI runner, and one build of the bundled bank per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def bundled_bank() -> Path:
    return BUNDLED_BANK


@pytest.fixture(scope="session")
def small_bank() -> Path:
    return SMALL_BANK


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory) -> Path:
    """The bundled bank built once in every format: 3 versions, seed 7, with the class pack."""
    out = tmp_path_factory.mktemp("bundled-build")
    result = run_cli(
        "build", "--formats", "all", "--versions", "3", "--seed", "7", "--pack", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def small_build(tmp_path_factory) -> Path:
    """The small test bank (every question type) built once in every format: 2 versions."""
    out = tmp_path_factory.mktemp("small-build")
    result = run_cli(
        "build",
        str(SMALL_BANK),
        "--formats",
        "all",
        "--versions",
        "2",
        "--seed",
        "3",
        "--pack",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    return out
