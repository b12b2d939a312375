"""Where the bundled banks and templates are, installed or run from a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DEFAULT_BANK = "korean-war-70th.yaml"


def _data_dir(name: str) -> Path:
    # Installed wheels carry the folder inside the package (quizgen/banks); a source checkout
    # or an editable install has it beside the package, at the top of the repository.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"quizgen's {name}/ folder is missing from the installation")


def banks_dir() -> Path:
    return _data_dir("banks")


def templates_dir() -> Path:
    return _data_dir("templates")


def default_bank() -> Path:
    """The bundled bank of the Korean War article."""
    return banks_dir() / DEFAULT_BANK
