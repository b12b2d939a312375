"""Result codes: 30 test pages submitted in Chromium with known answers give codes (and QR
codes that decode to them) that read back into exactly the expected results.csv cells;
mistyped codes are refused with the reason."""

from __future__ import annotations

import csv
import io
import json

import pytest
from quizpage import Tab, load_key
from support import SMALL_BANK, run_cli

from quizgen.answers import LETTERS
from quizgen.bank import load_bank
from quizgen.codes import CodeError, decode

STUDENTS = 30
# Each question of each page is answered rightly, wrongly or not at all, by this pattern.
PLAN = ("right", "wrong", "blank", "right", "wrong", "right", "other")

SET_ANSWER = """([id, kind, value]) => {
    const box = document.querySelector(`[data-question-id="${id}"]`);
    const fire = el => el.dispatchEvent(new Event('change', {bubbles: true}));
    if (kind === 'radio') { const r = box.querySelectorAll('input[type=radio]')[value];
                            r.checked = true; fire(r); }
    if (kind === 'text') { box.querySelectorAll('input[type=text]').forEach((t, i) => {
                            t.value = value[i]; fire(t); }); }
    if (kind === 'select') { box.querySelectorAll('select').forEach((s, i) => {
                            s.selectedIndex = value[i]; fire(s); }); }
    if (kind === 'order') { const list = box.querySelector('ol.order');
        const items = [...list.children];
        value.forEach(i => list.appendChild(items[i]));
        box.setAttribute('data-touched', ''); fire(list); }
}"""


def plan(student: int, number: int) -> str:
    return PLAN[(student + number) % len(PLAN)]


def response(q: dict, how: str) -> tuple[tuple[str, object] | None, str, bool]:
    """What to put in question ``q`` for ``how``, its expected cell, and whether it is right."""
    kind = q["type"]
    if how == "blank":
        return None, "", False
    right = how == "right"
    if kind in ("multiple_choice", "true_false"):
        index = q["choices"].index(q["answer"])
        if not right:
            index = (index + (1 if how == "wrong" else len(q["choices"]) - 1)) % len(q["choices"])
        choice = q["choices"][index]
        cell = choice[0] if kind == "true_false" else LETTERS[index]
        return ("radio", index), cell, choice == q["answer"]
    if kind == "short_answer":
        text = q["answer"].upper() if right else "nobody at all"
        return ("text", [text]), "1" if right else "0", right
    if kind == "numeric":
        if right:
            return ("text", [f" {q['answer']} "]), q["answer"], True
        if how == "wrong":
            return ("text", ["-1,250.5"]), "-1250.5", False
        return ("text", ["many"]), "*", False
    if kind == "cloze":
        texts = [b["answer"] for b in q["blanks"]]
        if not right:
            texts[-1] = "nowhere"
        return ("text", texts), "1" if right else "0", right
    if kind == "matching":
        indexes = [q["choices"].index(a) for a in q["answer"]]
        if not right:
            indexes = indexes[1:] + indexes[:1]
        cell = ";".join(LETTERS[i] for i in indexes)
        return ("select", [i + 1 for i in indexes]), cell, right
    if kind == "ordering":
        order = [q["choices"].index(a) for a in q["answer"]]
        if not right:
            order = order[::-1]
        cell = ";".join(str(order.index(i) + 1) for i in range(len(order)))
        return ("order", order), cell, right
    raise AssertionError(kind)


def submit_page(tab, out, student: int) -> tuple[str, dict[str, str], int]:
    """Answer one page by the plan, submit it; return its code, expected cells and score."""
    version = "AB"[student % 2]
    questions = load_key(out, version)["questions"]
    tab.page.goto((out / f"quiz-{version}.html").as_uri())
    cells, right = {}, 0
    for q in questions:
        action, cell, ok = response(q, plan(student, q["number"]))
        if action is not None:
            tab.page.evaluate(SET_ANSWER, [q["id"], *action])
        cells[q["id"]] = cell
        right += ok
    tab.page.locator('[data-action="check"]').click()
    if tab.page.locator("dialog[open]").count():
        tab.page.locator('[data-action="submit"]').click()
    assert tab.page.locator("[data-score]").get_attribute("data-correct") == str(right)
    code = tab.page.get_attribute("[data-result-code]", "data-code")
    assert code.startswith(f"{version}-")
    return code, cells, right


@pytest.fixture(scope="module")
def submitted(browser, test_mode_build):
    tab = Tab(browser)
    tab.context.add_init_script(script="localStorage.clear()")  # every page a first attempt
    try:
        pages = [submit_page(tab, test_mode_build, n) for n in range(STUDENTS)]
        # The QR code of the last page reads as its code.
        zxingcpp = pytest.importorskip("zxingcpp")
        from PIL import Image

        png = tab.page.locator("[data-code-qr] svg").screenshot()
        read = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
        assert read == [pages[-1][0]]
        assert tab.errors == []
    finally:
        tab.close()
    return pages


def versions(out) -> dict:
    return {code: load_key(out, code) for code in "AB"}


def test_thirty_codes_read_back_into_the_expected_cells(submitted, test_mode_build):
    for code, cells, _ in submitted:
        decoded = decode(code, "small-town", versions(test_mode_build))
        assert decoded.version == code[0]
        assert decoded.cells == cells, code


def test_mistyped_codes_are_refused_with_the_reason(submitted, test_mode_build):
    good, second = submitted[0][0], submitted[1][0]
    body = good.split("-")
    start = len(body[0]) + 1  # two neighbours of the body swapped
    at = next(i for i in range(start, start + 3) if good[i] != good[i + 1])
    swapped = good[:at] + good[at + 1] + good[at] + good[at + 2 :]
    typo = good.replace(body[1], body[1][:-1] + ("2" if body[1][-1] != "2" else "3"), 1)
    docs = versions(test_mode_build)
    refused = {
        typo: "the check characters do not match: a character is mistyped",
        "not-a-code": "the last group must be the two check characters",
        "A-B": "not a result code",
        f"Z{good[1:]}": "version Z is not in this build",
        swapped: "the check characters do not match",
        good.replace("-", "-U", 1): "characters that a code never has: U",
    }
    for code, reason in refused.items():
        with pytest.raises(CodeError, match=reason):
            decode(code, "small-town", docs)
    # Read forgivingly: lower case, spaces for dashes, l for 1, O for 0.
    loose = second.lower().replace("-", " ").replace("1", "l").replace("0", "O")
    assert decode(loose, "small-town", docs) == decode(second, "small-town", docs)
    # A code of another quiz does not pass as this one's.
    with pytest.raises(CodeError):
        decode(good, "another-bank", docs)


def test_thirty_codes_round_trip_into_results_csv(submitted, test_mode_build, tmp_path):
    codes = tmp_path / "codes.txt"
    lines = ["# codes handed in on Monday"]
    lines += [f"S{n:02d}\t{code}" for n, (code, _, _) in enumerate(submitted)]
    codes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "results"
    result = run_cli("results", str(codes), "--build", str(test_mode_build), "--out", str(out))
    assert result.returncode == 0, result.stderr
    ids = [q.id for q in load_bank(SMALL_BANK).questions]
    rows = [["student", "version", "score", "max", *ids]]
    for n, (_, cells, right) in enumerate(submitted):
        rows.append([f"S{n:02d}", "AB"[n % 2], str(right), str(len(ids)), *(cells[i] for i in ids)])
    text = (out / "results.csv").read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(text))) == [
        [("'" + c if c.startswith("-") and not c[1:2].isdigit() else c) for c in row]
        for row in rows
    ]
    assert (out / "report.html").is_file()
    assert len(json.loads((out / "responses.json").read_text())["students"]) == STUDENTS


def test_mistyped_codes_are_named_and_the_others_still_read(submitted, test_mode_build, tmp_path):
    good, second = submitted[0][0], submitted[1][0]
    body = good.split("-")
    swapped = good[:-4] + good[-3] + good[-4] + good[-2:]  # two neighbours swapped
    typo = good.replace(body[1], body[1][:-1] + ("2" if body[1][-1] != "2" else "3"), 1)
    lines = [
        f"Ana {good}",
        f"Ben {typo}",
        "Cy not-a-code",
        f"Dee {second.lower().replace('1', 'l')}",  # lower case, l for 1: still read
        f"Eve Z{good[1:]}",
        f"Fay {swapped}",
    ]
    codes = tmp_path / "codes.txt"
    codes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("results", str(codes), "--build", str(test_mode_build), "--out", str(out))
    assert result.returncode == 1
    named = [line.split(": ")[0] for line in result.stderr.splitlines() if "codes.txt:" in line]
    assert named == [f"{codes}:{n}" for n in (2, 3, 5, 6)]
    assert f"{codes}:2: '{typo}': the check characters do not match" in result.stderr
    assert "version Z is not in this build" in result.stderr
    students = [row[0] for row in csv.reader(io.StringIO((out / "results.csv").read_text()))]
    assert students == ["student", "Ana", "Dee"]
