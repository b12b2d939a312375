"""Command line: ``quizgen build | validate | extract | formats``.

Exit status: 0 success; 1 bad input (a ``QuizgenError``: one clean message, no traceback);
2 usage errors. Heavy libraries are imported only by the commands that use them.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .errors import BankError, QuizgenError, UsageError
from .render import DEFAULT_FORMATS
from .text import FORMULA_START, bad_character

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _csv(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


MAX_VERSIONS = 5000
"""Most versions of one build (2,000 in every format take about 30 s on 2 cores)."""
MAX_QUESTIONS = 1000
"""Most questions drawn per version."""
MAX_JOBS = 64
"""Most worker processes."""
MAX_TEXT = 500
"""Longest --title or --deck, in characters."""


def _count(limit: int, what: str) -> Callable[[str], int]:
    """An argument type: a whole number from 1 to ``limit`` (a usage error beyond)."""

    def parse(text: str) -> int:
        value = _positive(text)
        if value > limit:
            raise argparse.ArgumentTypeError(f"at most {limit:,} {what}, got {value:,}")
        return value

    return parse


def _text(text: str) -> str:
    """An argument type for text that lands in outputs: checked like a bank's text."""
    bad = bad_character(text)
    if bad:
        raise argparse.ArgumentTypeError(bad)
    if len(text) > MAX_TEXT:
        raise argparse.ArgumentTypeError(f"at most {MAX_TEXT} characters, got {len(text):,}")
    return text


def _deck(text: str) -> str:
    text = _text(text)
    if text[:1] in FORMULA_START:
        raise argparse.ArgumentTypeError(
            f"must not start with '{text[0]}': a spreadsheet opening deck.csv would read "
            "the deck column as a formula"
        )
    return text


def _student_digits(text: str) -> int:
    value = _positive(text)
    if value > 12:
        raise argparse.ArgumentTypeError(f"must be at most 12, got {value}")
    return value


def _questions(text: str) -> int | str:
    if text.strip().lower() == "all":
        return "all"
    return _count(MAX_QUESTIONS, "questions")(text)


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _percentage(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 100, got '{text}'") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be from 0 to 100, got {text}")
    return value


ALLOW_OUTSIDE_HELP = (
    "read the article even when it lies outside the bank's folder (by default only files in "
    "the bank's folder and below are read: a bank from someone else cannot read other files)"
)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quizgen",
        description="Turn a news article's question bank into randomized quizzes: "
        "PDF handouts, self-grading HTML pages, Anki decks and JSON.",
    )
    p.add_argument("--version", action="version", version=f"quizgen {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    b = sub.add_parser(
        "build",
        help="generate quizzes from a bank",
        description="Generate quiz versions from a bank into an output folder.",
    )
    b.add_argument(
        "bank", nargs="?", metavar="BANK", help="bank file (default: the bundled Korean War bank)"
    )
    b.add_argument(
        "--out", default="output", metavar="DIR", help="output folder (default: ./output)"
    )
    b.add_argument(
        "--formats",
        default=",".join(DEFAULT_FORMATS),
        metavar="LIST",
        help="comma list of formats, or 'all' (default: pdf,html,anki-csv,json); "
        "see 'quizgen formats'",
    )
    b.add_argument(
        "--versions",
        type=_count(MAX_VERSIONS, "versions"),
        default=None,
        metavar="N",
        help="number of versions, named A, B, C, ... (default: 1; with --roster, 4)",
    )
    b.add_argument(
        "--questions",
        type=_questions,
        default=None,
        metavar="K",
        help="questions per version, or 'all' (default: 25, or all when fewer match the "
        "filters); a copy never holds two questions of which one gives the other's answer away",
    )
    b.add_argument(
        "--draw-per-version",
        action="store_true",
        help="with --questions, draw a separate set of questions for each version "
        "(default: every version has the same questions in its own order)",
    )
    b.add_argument(
        "--seed",
        type=_seed,
        default=None,
        metavar="S",
        help="random seed; the same bank, options and seed give identical files",
    )
    b.add_argument(
        "--tags",
        type=_csv,
        default=(),
        metavar="T,...",
        help="only questions with any of these tags",
    )
    b.add_argument(
        "--types", type=_csv, default=(), metavar="T,...", help="only questions of these types"
    )
    b.add_argument(
        "--title", type=_text, default=None, metavar="TEXT", help="quiz title (default: the bank's)"
    )
    b.add_argument(
        "--page-size", choices=("a4", "letter"), default="a4", help="PDF page size (default: a4)"
    )
    b.add_argument(
        "--pack",
        action="store_true",
        help="also write class-pack.pdf: every student copy, then every key",
    )
    b.add_argument(
        "--duplex", action="store_true", help="in the class pack, start every copy on an odd page"
    )
    b.add_argument(
        "--roster",
        default=None,
        metavar="CLASS.csv",
        help="class roster (CSV with columns id and name): one copy per student in the class "
        "pack, with their name and id, versions dealt in roster order (implies --pack)",
    )
    b.add_argument(
        "--deck",
        type=_deck,
        default=None,
        metavar="NAME",
        help="Anki deck name (default: quizgen::<bank title>)",
    )
    b.add_argument(
        "--html-mode",
        choices=("practice", "test"),
        default="practice",
        help="HTML quiz pages: practice (check, try again, show answers; the default) or "
        "test (one submission, then every control is locked and the score is final)",
    )
    b.add_argument(
        "--reveal",
        choices=("after", "never"),
        default=None,
        help="with --html-mode test: show answers and explanations after submission "
        "(the default) or never",
    )
    b.add_argument(
        "--pass-mark",
        type=_percentage,
        default=60.0,
        metavar="PERCENT",
        help="SCORM packages: the score a learner needs to pass, 0 to 100 (default: 60)",
    )
    b.add_argument(
        "--student-digits",
        type=_student_digits,
        default=6,
        metavar="N",
        help="answer sheets: digits of the student-number grid, 1 to 12 (default: 6)",
    )
    b.add_argument(
        "--jobs",
        type=_count(MAX_JOBS, "processes"),
        default=min(os.cpu_count() or 1, MAX_JOBS),
        metavar="N",
        help="render versions in N processes (default: the number of cores); "
        "the files are the same for any N",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    b.add_argument("--allow-outside-paths", action="store_true", help=ALLOW_OUTSIDE_HELP)

    v = sub.add_parser(
        "validate",
        help="check banks and report every problem",
        description="Check banks: errors exit 1; lint warnings are printed too.",
    )
    v.add_argument("banks", nargs="+", metavar="BANK")
    v.add_argument("--strict", action="store_true", help="treat lint warnings as errors")
    v.add_argument("--allow-outside-paths", action="store_true", help=ALLOW_OUTSIDE_HELP)

    e = sub.add_parser(
        "extract",
        help="draft a bank from a plain-text article",
        description="Write a draft bank from a plain-text news article.",
    )
    e.add_argument("article", metavar="ARTICLE")
    e.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="BANK.yaml",
        help="where to write the bank (default: standard output)",
    )
    e.add_argument(
        "--date",
        default=None,
        metavar="YYYY-MM-DD",
        help="the article's date, to resolve relative dates",
    )
    e.add_argument("--id", default=None, help="bank id (default: from the file name)")
    e.add_argument("--title", type=_text, default=None, help="bank title")

    r = sub.add_parser(
        "results",
        help="turn result codes from test pages into results.csv and a report",
        description="Read the result codes students handed in (one per line, optionally after "
        "the student's name or number) and score them against the build in DIR.",
    )
    r.add_argument("codes", metavar="CODES.txt")
    r.add_argument("--build", required=True, metavar="DIR", help="the build the codes come from")
    r.add_argument(
        "--out",
        default=None,
        metavar="DIR",
        help="where to write the results (default: DIR/results)",
    )

    sub.add_parser("formats", help="list the output formats")

    s = sub.add_parser(
        "scan",
        help="read scanned answer sheets and write results",
        description="Read scanned answer sheets (PDF, PNG, JPEG, TIFF; any order, any "
        "version) of the build in --build; write results.csv, responses.json, report.html "
        "and review.csv.",
    )
    s.add_argument("inputs", nargs="+", metavar="INPUT", help="scanned PDFs or images")
    s.add_argument("--build", required=True, metavar="DIR", help="the build the sheets are from")
    s.add_argument(
        "--out", default=None, metavar="DIR", help="results folder (default: DIR/results)"
    )
    s.add_argument(
        "--review",
        default=None,
        metavar="DECISIONS.csv",
        help="review.csv with its decision column filled in: the teacher's readings",
    )
    return p


ROSTER_VERSIONS = 4
"""Versions dealt to a roster when ``--versions`` is not given: no two neighbours alike."""


def cmd_build(args: argparse.Namespace) -> int:
    from .assemble import AssemblyOptions
    from .build import build
    from .render import RenderOptions, parse_formats
    from .resources import default_bank

    formats = parse_formats(args.formats)
    if "sheet" in formats and "json" not in formats:
        formats = (*formats, "json")  # the version JSON carries the sheet's layout for scan
    pack = args.pack or args.roster is not None
    if args.duplex and not pack:
        raise UsageError("--duplex lays out the class pack: add --pack")
    if args.reveal is not None and args.html_mode != "test":
        raise UsageError("--reveal applies to test pages: add --html-mode test")
    seed = args.seed
    if seed is None:
        seed = secrets.randbelow(1_000_000)
        if not args.quiet:
            print(f"quizgen: no --seed given; using seed {seed}", file=sys.stderr)
    bank = Path(args.bank) if args.bank else default_bank()
    result = build(
        bank,
        Path(args.out),
        formats=formats,
        seed=seed,
        assembly=AssemblyOptions(
            versions=args.versions or (ROSTER_VERSIONS if args.roster else 1),
            questions=args.questions,
            tags=args.tags,
            types=args.types,
            title=args.title,
            draw_per_version=args.draw_per_version,
        ),
        options=RenderOptions(
            page_size=args.page_size,
            pack=pack,
            duplex=args.duplex,
            deck=args.deck,
            html_mode=args.html_mode,
            reveal=args.reveal or "after",
            pass_mark=args.pass_mark,
            sheet="sheet" in formats,
            student_digits=args.student_digits,
        ),
        jobs=args.jobs,
        progress=not args.quiet,
        allow_outside_paths=args.allow_outside_paths,
        roster=Path(args.roster) if args.roster else None,
    )
    if not args.quiet:
        for note in result.notes:
            print(f"quizgen: note: {note}", file=sys.stderr)
        quiz = result.quiz
        print(
            f"quizgen: wrote {len(result.files)} files for {len(quiz.versions)} version(s) of "
            f"{len(quiz.versions[0].items)} questions to {result.manifest_path.parent} "
            f"(seed {quiz.seed})"
        )
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from .bank import load_bank
    from .lint import lint
    from .lint_text import header_notes

    failed = False
    for path in args.banks:
        try:
            bank = load_bank(path, allow_outside_paths=args.allow_outside_paths)
        except BankError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            failed = True
            continue
        warnings = lint(bank)
        for w in warnings:
            prefix = f"{w.location}: " if w.location else f"{path}: "
            qid = f"question '{w.question_id}': " if w.question_id else ""
            print(f"{prefix}{qid}warning: {w.message}", file=sys.stderr)
        for question, note in header_notes(bank):
            print(f"{question.location}: question '{question.id}': note: {note}", file=sys.stderr)
        if warnings and args.strict:
            failed = True
        else:
            print(
                f"{path}: ok, {len(bank.questions)} questions"
                + (f", {len(warnings)} warning(s)" if warnings else "")
            )
    return EXIT_INPUT if failed else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract_command

    return extract_command(args)


def cmd_formats(args: argparse.Namespace) -> int:
    from .render import FORMATS

    width = max(len(n) for n in FORMATS)
    for f in FORMATS.values():
        print(f"{f.name:<{width}}  {f.description}")
    return EXIT_OK


def cmd_results(args: argparse.Namespace) -> int:
    from .codes import results_command

    build = Path(args.build)
    out = Path(args.out) if args.out else build / "results"
    return results_command(Path(args.codes), build, out)


def cmd_scan(args: argparse.Namespace) -> int:
    from .scan import scan

    build = Path(args.build)
    out = Path(args.out) if args.out else build / "results"
    review = Path(args.review) if args.review else None
    return scan([Path(i) for i in args.inputs], build, out, review)


COMMANDS = {
    "scan": cmd_scan,
    "results": cmd_results,
    "build": cmd_build,
    "validate": cmd_validate,
    "extract": cmd_extract,
    "formats": cmd_formats,
}


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    with _stopped_cleanly():
        return _run(p, args)


@contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """SIGTERM (kill, a service manager) and SIGHUP (a closed terminal) stop a command as
    Ctrl-C does: by an exception, so a build leaves the output folder as it was."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                previous[name] = signal.signal(getattr(signal, name), _terminate)
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _terminate(signum: int, frame) -> None:
    from .publish import Interrupted

    raise Interrupted(signum)


def _run(p: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        p.print_usage(sys.stderr)
        print(f"quizgen: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BankError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_INPUT
    except QuizgenError as exc:
        print(f"quizgen: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        if getattr(exc, "published", False):
            message = "interrupted once the new build was complete in the output folder"
        elif args.command == "build":
            message = "interrupted; the output folder was left as it was"
        else:
            message = "interrupted; nothing was written"
        print(f"quizgen: {message}", file=sys.stderr)
        return 128 + signum
