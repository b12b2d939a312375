"""Shared fixtures: bank paths and one build of each test bank per session.

Helpers live in ``support.py`` (``from support import run_cli``): a module named ``conftest``
cannot be imported reliably when several folders have one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import BUNDLED_BANK, SMALL_BANK, run_cli


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
