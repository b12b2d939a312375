"""Recall and precision of ``quizgen extract`` on articles with hand-made fact files.

Usage: python benchmarks/bench_extract.py [FOLDER ...] [--verbose] [--timing]

Each FOLDER holds articles (``NAME.txt``) beside their fact files (``NAME.facts.yaml``; see
``benchmarks/articles/README.md`` for the format). The default folders are the development set
(``../shared/articles/devset`` from the repository root, when present) and the held-out
articles of ``benchmarks/articles``. For every article the finished draft is made as
``quizgen extract`` makes it (checked with the bank loader and the lint checks), then:

- dates and figures: recall, the share of listed facts that a question asks (a blank, a
  choice or a number whose answer is that date or figure, from the sentence that holds it);
- quotations: recall, the share of listed quotations with a speaker that a question asks
  with the right speaker ("Who said this?" keyed to the speaker, or a true statement naming
  them);
- speaker keys: precision, the share of speaker questions whose key names the right
  speaker in full (the speaker as listed, or their full name without the title; an alias
  alone such as a surname is not in full; a false statement must name someone else). A
  question about a quotation the fact file does not list, or lists without a speaker,
  counts as wrong.

Per article and in total; ``--verbose`` lists every miss and every wrong key. ``--timing``
prints the time of ``extract()`` and of the whole command on the Korean War article and on it
repeated 100 times (the earlier content of this script).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's quizgen, not an installed one

from quizgen.extract import extract, read_article  # noqa: E402
from quizgen.extract.lexicon import NUMBER_WORDS, SCALES  # noqa: E402
from quizgen.extract.writer import validated  # noqa: E402

DEVSET = next(
    (
        folder / "shared" / "articles" / "devset"
        for folder in (ROOT.parent, ROOT.parent.parent)
        if (folder / "shared" / "articles" / "devset").is_dir()
    ),
    ROOT.parent / "shared" / "articles" / "devset",
)
"""``../shared/articles/devset`` from the repository root (or from its parent folder, for a
checkout one level deeper)."""
HELD_OUT = ROOT / "benchmarks" / "articles"
ARTICLE = ROOT / "banks" / "korean_war_70th_anniversary.txt"
KINDS = ("dates", "figures", "quotes", "keys")


@dataclass
class Tally:
    found: int = 0
    total: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, ok: bool, note: str) -> None:
        self.total += 1
        self.found += ok
        if not ok:
            self.notes.append(note)

    def cell(self) -> str:
        if not self.total:
            return f"{'-':>13}"
        return f"{self.found:>3}/{self.total:<3} {100 * self.found / self.total:>5.1f}%"


def _norm(text: str) -> str:
    """Lower case, words only: quotation marks, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", str(text).lower().replace("’", "'")).split())


def _number(text: str) -> Decimal | None:
    """The value of an answer such as ``2,000``, ``six``, ``25 million``, ``$10.5 billion``."""
    words = _norm(text.replace(",", "")).replace("$", "").split()
    value, seen = Decimal(0), False
    for w in words:
        if w in SCALES and seen:
            value *= SCALES[w]
        elif w in NUMBER_WORDS:
            value, seen = value + NUMBER_WORDS[w], True
        else:
            w = re.sub(r"(?:st|nd|rd|th|%)$", "", w)
            try:
                value, seen = value + Decimal(w), True
            except InvalidOperation:
                continue
    return value if seen else None


def _answers(q: dict) -> list[str]:
    """Every answer a question accepts: its key, accepted forms and cloze blanks."""
    out = [str(q["answer"])] if "answer" in q and q["type"] != "true_false" else []
    out += [str(a) for a in q.get("accept", [])]
    for blank in re.findall(r"\{\{(.*?)\}\}", q.get("text", "")):
        out += blank.split("|")
    return out


def _quoted(prompt: str) -> str:
    m = re.search(r"[“\"](.+)[”\"]", prompt)
    return _norm(m.group(1)) if m else ""


def _speaker_key(q: dict) -> tuple[str, bool] | None:
    """(speaker named, whether the question says they said it) for a speaker question."""
    if "quotes" not in q.get("tags", []):
        return None
    if q["type"] == "true_false":
        m = re.match(r"According to the article, these words come from (.+?): [“\"]", q["prompt"])
        return (m.group(1), bool(q["answer"])) if m else None
    return str(q["answer"]), True


def _same_quote(listed: str, asked: str) -> bool:
    a, b = _norm(listed), asked
    return bool(a and b) and (a in b or b in a)


def _in_full(key: str, speaker: str, aliases: list[str]) -> bool:
    key_n, speaker_n = _norm(key), _norm(speaker)
    if key_n == speaker_n:
        return True
    words = key_n.split()
    if len(words) < 2 or key_n in {_norm(a) for a in aliases}:
        return False
    # the full name without its title, or with a title the file does not give
    return speaker_n.endswith(" " + key_n) or key_n.endswith(" " + speaker_n)


def _right_person(key: str, speaker: str, aliases: list[str]) -> bool:
    key_n = _norm(key)
    return _in_full(key, speaker, aliases) or key_n in {_norm(a) for a in aliases}


def score(article: Path, facts: dict) -> dict[str, Tally]:
    text = read_article(article)
    draft = extract(text, facts.get("date"), bank_id="bench")
    with tempfile.TemporaryDirectory() as tmp:
        data = validated(draft.to_data(str(article)), article, draft.alternatives).data
    del tmp
    questions = data["questions"]
    tallies = {kind: Tally() for kind in KINDS}
    for d in facts.get("dates") or []:
        hit = any(
            _norm(d["text"]) in _norm(q["source"])
            and any(_norm(a) and (_norm(a) in _norm(d["text"])) for a in _answers(q))
            for q in questions
        )
        tallies["dates"].add(hit, f"date {d['text']!r}")
    for f in facts.get("figures") or []:
        value = Decimal(str(f["value"]))
        hit = any(
            _norm(f["text"]) in _norm(q["source"]) and any(_number(a) == value for a in _answers(q))
            for q in questions
        )
        tallies["figures"].add(hit, f"figure {f['text']!r}")
    listed = facts.get("quotes") or []
    for item in listed:
        if not item.get("speaker"):
            continue
        aliases = item.get("speaker_aliases") or []
        hit = False
        for q in questions:
            key = _speaker_key(q)
            if key and key[1] and _same_quote(item["quote"], _quoted(q["prompt"])):
                hit = hit or _right_person(key[0], item["speaker"], aliases)
        tallies["quotes"].add(hit, f"quotation {item['quote'][:50]!r} ({item['speaker']})")
    for q in questions:
        key = _speaker_key(q)
        if key is None:
            continue
        asked = _quoted(q["prompt"])
        match = next((i for i in listed if _same_quote(i["quote"], asked)), None)
        if match is None or not match.get("speaker"):
            tallies["keys"].add(False, f"key {key[0]!r} for an unlisted quotation {asked[:50]!r}")
            continue
        aliases = match.get("speaker_aliases") or []
        if key[1]:
            ok = _in_full(key[0], match["speaker"], aliases)
        else:
            ok = not _right_person(key[0], match["speaker"], aliases)
        tallies["keys"].add(
            ok, f"key {key[0]!r} ({'true' if key[1] else 'false'}) for {match['speaker']!r}"
        )
    return tallies


def folder_articles(folder: Path) -> list[tuple[Path, Path]]:
    return [
        (facts.with_name(facts.name.removesuffix(".facts.yaml") + ".txt"), facts)
        for facts in sorted(folder.glob("*.facts.yaml"))
    ]


def report(folders: list[Path], verbose: bool) -> None:
    header = f"{'article':<46} " + " ".join(
        f"{k:>13}" for k in ("dates rec.", "figures rec.", "quotes rec.", "keys prec.")
    )
    grand = {kind: Tally() for kind in KINDS}
    for folder in folders:
        pairs = folder_articles(folder)
        print(f"\n{folder} ({len(pairs)} articles)\n{header}")
        total = {kind: Tally() for kind in KINDS}
        for article, facts_file in pairs:
            facts = yaml.safe_load(facts_file.read_text(encoding="utf-8")) or {}
            tallies = score(article, facts)
            print(f"{article.stem[:46]:<46} " + " ".join(tallies[k].cell() for k in KINDS))
            for kind in KINDS:
                for t in (total[kind], grand[kind]):
                    t.found += tallies[kind].found
                    t.total += tallies[kind].total
                if verbose:
                    for note in tallies[kind].notes:
                        print(f"    {'missed' if kind != 'keys' else 'wrong'}: {note}")
        print(f"{'total':<46} " + " ".join(total[k].cell() for k in KINDS))
    if len(folders) > 1:
        print(f"\n{'all folders':<46} " + " ".join(grand[k].cell() for k in KINDS))


def timing() -> None:
    import argparse as _argparse
    import contextlib
    import io

    from quizgen.extract import extract_command

    text = ARTICLE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for label, body in (("article", text), ("article x 100", "\n\n".join([text] * 100))):
            source = Path(tmp) / "article.txt"
            source.write_text(body, encoding="utf-8")
            start = time.perf_counter()
            extract(body, "2020-06-25")
            alone = time.perf_counter() - start
            args = _argparse.Namespace(
                article=str(source), output=str(Path(tmp) / "d.yaml"), date="2020-06-25"
            )
            start = time.perf_counter()
            with contextlib.redirect_stderr(io.StringIO()):
                extract_command(args)
            whole = time.perf_counter() - start
            print(
                f"{label:<16} {len(body):>9,} chars  extract() {alone * 1000:>7.1f} ms  "
                f"command {whole * 1000:>7.1f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list misses and wrong keys")
    parser.add_argument("--timing", action="store_true", help="time the Korean War article")
    options = parser.parse_args()
    if options.timing:
        timing()
        return
    folders = options.folders or [f for f in (DEVSET, HELD_OUT) if f.is_dir()]
    if not folders:
        sys.exit(f"no folder of articles given, and {DEVSET} is missing")
    report(folders, options.verbose)


if __name__ == "__main__":
    main()
