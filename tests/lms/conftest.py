"""Builds shared by the LMS export tests: each test bank built once per session in every
LMS format. Tests find files through ``manifest.json`` (``lms_file``), never by a fixed path."""

from __future__ import annotations

from pathlib import Path

import pytest
from lms_support import HOSTILE_BANK, LMS_FORMATS
from support import BUNDLED_BANK, SMALL_BANK, run_cli


def _build(out: Path, bank: Path, *args: str) -> Path:
    result = run_cli(
        "build", str(bank), "--formats", ",".join(LMS_FORMATS), "--out", str(out), *args
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def lms_small(tmp_path_factory) -> Path:
    """The small bank (every question type), every LMS format."""
    return _build(tmp_path_factory.mktemp("lms-small"), SMALL_BANK, "--seed", "3")


@pytest.fixture(scope="session")
def lms_hostile(tmp_path_factory) -> Path:
    """A bank of hostile text (markup, CDATA ends, GIFT control characters, Hangul)."""
    return _build(tmp_path_factory.mktemp("lms-hostile"), HOSTILE_BANK, "--seed", "3")


@pytest.fixture(scope="session")
def lms_bundled(tmp_path_factory) -> Path:
    """The bundled bank, every LMS format, no --questions: every question."""
    return _build(tmp_path_factory.mktemp("lms-bundled"), BUNDLED_BANK, "--seed", "5")
