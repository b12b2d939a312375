"""The draft bank as YAML: checked by the bank loader before it is written, written whole.

Text goes through ``yaml.safe_dump``, so any quotation, colon or ``#`` in an article is
quoted safely. Before anything is written the bank is loaded with ``quizgen.bank.load_bank``
(the loader ``quizgen validate`` uses) and checked with ``quizgen.lint.lint``; a question
either rejects is dropped or given another form, so the draft passes
``quizgen validate --strict``. The file is written through a temporary file in the same
folder (created when missing), then renamed, with the permissions of a new file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..bank import load_bank
from ..errors import BankError, InputError
from ..giveaways import conflicts, giveaways
from ..lint import LONGEST_ANSWER_LIMIT, is_longest_answer, lint
from ..model import Bank, MultipleChoice
from ..output import current_umask

HEADER = """\
# DRAFT question bank written by `quizgen extract` from {article}.
# Review every question against its source sentence before use: check the answer and the
# distractors, re-word or delete what is weak, then run `quizgen validate` and `quizgen build`.
"""


def dump(data: dict, article_name: str, *, fast: bool = False) -> str:
    """The bank as YAML text, with a header saying it is a draft.

    ``fast``: written by libyaml when PyYAML has it (seven times faster), for the copy that
    is only checked: the same data, though not always the same bytes as the file written."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper) if fast else yaml.SafeDumper
    body = yaml.dump(
        data,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    return HEADER.format(article=article_name) + body


@dataclass
class Checked:
    """A draft after the loader and the lint checks: what is left, and what was changed."""

    data: dict
    invalid: list[str] = field(default_factory=list)
    """Ids of questions the loader rejected (left out)."""
    warned: list[str] = field(default_factory=list)
    """Ids of questions left out because they drew a lint warning."""
    rewritten: list[str] = field(default_factory=list)
    """Ids of questions replaced by another form of the same question."""
    """True once questions that give each other away are marked to never share a copy."""


def _load(data: dict, article: Path) -> Bank:
    """The bank loaded from a temporary copy whose ``article.path`` is absolute."""
    check = {**data, "article": {**data["article"], "path": str(article.resolve())}}
    with tempfile.TemporaryDirectory(prefix="quizgen-extract-") as tmp:
        path = Path(tmp) / "draft.yaml"
        path.write_text(dump(check, article.name, fast=True), encoding="utf-8")
        return load_bank(path, allow_outside_paths=True)  # the user named the article


def validated(data: dict, article: Path, alternatives: dict[str, dict] | None = None) -> Checked:
    """``data`` that loads and draws no lint warning, so it passes ``quizgen validate
    --strict``.

    A question the loader rejects is left out. A question that draws a lint warning (its
    answer in its own prompt, a prompt nearly the same as an earlier one, an option equal to
    another) is replaced by its alternative form from ``alternatives`` when it has one, else
    left out. When the correct answer is the longest choice in too many multiple-choice
    questions, the last such questions take their alternative form (or are left out) until
    the share is within the limit. The check loads a copy whose ``article.path`` is absolute,
    from a temporary folder, so it needs no write access next to the article or the output.
    """
    alternatives = dict(alternatives or {})
    result = Checked(data)
    for _ in range(20):
        questions = list(result.data["questions"])
        if not questions:
            raise InputError("no draft question passes the checks of quizgen validate --strict")
        try:
            bank = _load(result.data, article)
        except BankError as exc:
            bad = {p.question_id for p in exc.problems}
            ids = {q["id"] for q in questions}
            if None in bad or not bad <= ids:
                raise InputError(
                    "the draft bank does not validate:\n" + "\n".join(str(p) for p in exc.problems)
                ) from None
            result.invalid += sorted(bad)
            result.data = {**result.data, "questions": [q for q in questions if q["id"] not in bad]}
            continue
        declared = _declare_giveaways(questions, bank)
        if declared is not None:
            # lint reads the loaded bank with the new excludes (the next round loads them)
            result.data = {**result.data, "questions": declared}
            questions = list(declared)
            bank = _with_excludes(bank, declared)
        warnings = lint(bank)
        flagged = {w.question_id for w in warnings if w.question_id is not None}
        if flagged:
            replaced = []
            for i, q in enumerate(questions):
                if q["id"] not in flagged:
                    continue
                alt = alternatives.pop(q["id"], None)
                if alt is not None:
                    questions[i] = alt
                    result.rewritten.append(q["id"])
                    replaced.append(q["id"])
            gone = flagged - set(replaced)
            result.warned += [q["id"] for q in questions if q["id"] in gone]
            result.data = {
                **result.data,
                "questions": [q for q in questions if q["id"] not in gone],
            }
            continue
        if any(w.question_id is None for w in warnings):
            result.data = _shorten_longest(result, bank, alternatives)
            continue
        if declared is not None:
            continue  # what is returned has been loaded as it is written
        return result
    raise InputError("the draft bank does not pass the checks of quizgen validate --strict")


def _declare_giveaways(questions: list[dict], bank: Bank) -> list[dict] | None:
    """``questions`` with ``excludes`` added to the later question of every pair of which one
    shows the other's answer (as ``quizgen.giveaways`` finds them), so that no copy holds
    both and lint does not warn; None when every such pair is declared already. Both
    questions stay: each is worth asking."""
    apart = conflicts(bank, found=[])
    order = {q["id"]: i for i, q in enumerate(questions)}
    new: dict[str, set[str]] = {}
    for g in giveaways(bank):
        if g.shown_by in apart.get(g.answered, frozenset()):
            continue
        first, later = sorted((g.answered, g.shown_by), key=order.__getitem__)
        new.setdefault(later, set()).add(first)
    if not new:
        return None
    return [
        {**q, "excludes": sorted(set(q.get("excludes", [])) | new[q["id"]])}
        if q["id"] in new
        else q
        for q in questions
    ]


def _with_excludes(bank: Bank, questions: list[dict]) -> Bank:
    """``bank`` with each question's ``excludes`` as in ``questions``."""
    excludes = {q["id"]: tuple(q.get("excludes", ())) for q in questions}
    return replace(
        bank, questions=tuple(replace(q, excludes=excludes[q.id]) for q in bank.questions)
    )


def _shorten_longest(result: Checked, bank: Bank, alternatives: dict[str, dict]) -> dict:
    """The draft with enough multiple-choice questions whose answer is the longest choice
    turned into their alternative form (the last ones first), or left out, to bring their
    share within ``LONGEST_ANSWER_LIMIT``."""
    bodies = {q.id: q.body for q in bank.questions if isinstance(q.body, MultipleChoice)}
    longest = [qid for qid, body in bodies.items() if is_longest_answer(body)]
    top, bottom = LONGEST_ANSWER_LIMIT
    # Each change takes one question off both counts: (c - k) / (n - k) <= top / bottom.
    need = -(-(bottom * len(longest) - top * len(bodies)) // (bottom - top))
    order = [qid for qid in reversed(longest) if qid in alternatives]
    order += [qid for qid in reversed(longest) if qid not in alternatives]
    change = set(order[: max(need, 1)])
    questions = []
    for q in result.data["questions"]:
        if q["id"] not in change:
            questions.append(q)
        elif q["id"] in alternatives:
            questions.append(alternatives.pop(q["id"]))
            result.rewritten.append(q["id"])
        else:
            result.warned.append(q["id"])
    return {**result.data, "questions": questions}


def _make_folder(folder: Path, output: Path) -> list[Path]:
    """Create ``folder`` and any missing parents; the folders created, deepest first."""
    created: list[Path] = []
    missing = folder
    while not missing.exists() and missing != missing.parent:
        created.append(missing)
        missing = missing.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"-o {output}: cannot create the folder {folder}: {exc.strerror or exc}"
        ) from None
    return created


def write(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output when ``output`` is None.

    A missing folder of ``output`` is created (and removed again if the write fails). The
    file gets the usual permissions of a new file, 0666 minus the umask, also when it
    replaces an existing file.
    """
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if output.is_dir():
        raise InputError(f"-o {output}: is a folder; give a file name such as draft.yaml")
    folder = output.parent if str(output.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"-o {output}: {folder} is a file, not a folder")
    created = _make_folder(folder, output)
    tmp: str | None = None
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise InputError(f"-o {output}: cannot write there: {exc.strerror}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.chmod(tmp, 0o666 & ~current_umask())
            os.replace(tmp, output)
        except OSError as exc:
            raise InputError(f"-o {output}: cannot write: {exc.strerror}") from None
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        for path in created:
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
