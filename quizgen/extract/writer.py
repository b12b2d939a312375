"""The draft bank as YAML: checked by the bank loader before it is written, written whole.

Text goes through ``yaml.safe_dump``, so any quotation, colon or ``#`` in an article is
quoted safely. Before anything is written the bank is loaded with ``quizgen.bank.load_bank``
(the loader ``quizgen validate`` uses); a question it rejects is dropped, so the draft always
validates. The file is written through a temporary file in the same folder, then renamed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import yaml

from ..bank import load_bank
from ..errors import BankError, InputError

HEADER = """\
# DRAFT question bank written by `quizgen extract` from {article}.
# Review every question against its source sentence before use: check the answer and the
# distractors, re-word or delete what is weak, then run `quizgen validate` and `quizgen build`.
"""


def dump(data: dict, article_name: str) -> str:
    """The bank as YAML text, with a header saying it is a draft."""
    body = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False
    )
    return HEADER.format(article=article_name) + body


def validated(data: dict, article: Path) -> tuple[dict, list[str]]:
    """``data`` with every question the loader rejects dropped, and the dropped ids.

    The check loads a copy whose ``article.path`` is absolute, from a temporary folder, so it
    needs no write access next to the article or the output.
    """
    dropped: list[str] = []
    for _ in range(5):
        check = {**data, "article": {**data["article"], "path": str(article.resolve())}}
        with tempfile.TemporaryDirectory(prefix="quizgen-extract-") as tmp:
            path = Path(tmp) / "draft.yaml"
            path.write_text(dump(check, article.name), encoding="utf-8")
            try:
                load_bank(path)
                return data, dropped
            except BankError as exc:
                bad = {p.question_id for p in exc.problems}
                if None in bad or not data["questions"]:
                    raise InputError(
                        "the draft bank does not validate:\n"
                        + "\n".join(str(p) for p in exc.problems)
                    ) from None
        ids = {q["id"] for q in data["questions"]}
        bad_ids = {b for b in bad if b in ids}
        if not bad_ids:
            raise InputError("the draft bank does not validate")
        dropped += sorted(bad_ids)
        data = {**data, "questions": [q for q in data["questions"] if q["id"] not in bad_ids]}
        if not data["questions"]:
            raise InputError("no draft question passed validation")
    raise InputError("the draft bank does not validate")


def write(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output when ``output`` is None."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"-o {output}: the folder {folder} does not exist")
    if output.is_dir():
        raise InputError(f"-o {output}: is a folder; give a file name such as draft.yaml")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"-o {output}: cannot write there: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"-o {output}: cannot write: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
