"""Answering a quiz page from the JSON key of the same version, by mouse or by keyboard.

``root`` is a playwright ``Page`` or ``Frame``. Questions are found by the contract's
``data-question-id``; what to answer comes from ``quiz-X.json``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import built

ROOT = Path(__file__).resolve().parents[2]
WRONG_TEXT = "zzz wrong zzz"


def build_html(bank: Path, out: Path, *extra: str) -> Path:
    """Build ``bank`` in the html and json formats into ``out`` (the JSON tells the answers)."""
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", "build", str(bank), "--formats", "html,json",
         "--out", str(out), "-q", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def load_key(out: Path, version: str) -> dict:
    return json.loads(built(out, f"quiz-{version}.json").read_text(encoding="utf-8"))


def dom(text: str) -> str:
    """Text as the page's DOM holds it: HTML turns U+0000 into U+FFFD."""
    return text.replace("\0", "\ufffd")


def container(root, qid: str):
    return root.locator(f'[data-question-id="{qid}"]')


def wrong_choice(q: dict) -> str:
    return next(c for c in q["choices"] if c != q["answer"])


def wrong_matches(q: dict) -> list[str]:
    """For each item, an option that is not its match."""
    choices = q["choices"]
    return [next(c for c in choices if c != right) for right in q["answer"]]


def arrange(root, qid: str, target: list[str]) -> None:
    """Put an ordering question's items in ``target`` order with its move-up buttons."""
    box = container(root, qid)
    for position, text in enumerate(target):
        current = box.locator(".order-item").evaluate_all(
            "items => items.map(item => item.getAttribute('data-value'))"
        )
        index = current.index(dom(text))
        for step in range(index - position):
            item = box.locator(".order-item").nth(index - step)
            item.locator('[data-move="up"]').click()


def answer(root, q: dict, right: bool) -> None:
    """Answer question ``q`` (from the JSON key) rightly or wrongly, with the mouse."""
    box = container(root, q["id"])
    kind = q["type"]
    if kind in ("multiple_choice", "true_false"):
        value = q["answer"] if right else wrong_choice(q)
        box.locator('input[type="radio"]').nth(q["choices"].index(value)).check()
    elif kind == "short_answer":
        box.locator("input").fill(q["answer"] if right else WRONG_TEXT)
    elif kind == "numeric":
        box.locator("input").fill(q["answer"] if right else "987654321")
    elif kind == "cloze":
        for n, blank in enumerate(q["blanks"]):
            box.locator("input.blank").nth(n).fill(blank["answer"] if right else WRONG_TEXT)
    elif kind == "matching":
        values = q["answer"] if right else wrong_matches(q)
        for n, value in enumerate(values):
            box.locator("select").nth(n).select_option(value=dom(value))
    elif kind == "ordering":
        arrange(root, q["id"], q["answer"] if right else list(reversed(q["answer"])))
    else:
        raise AssertionError(f"unknown type {kind}")


def check(root) -> None:
    root.locator('[data-action="check"]').click()


def score(root) -> tuple[str, int, int]:
    """The score element's text and its data-correct and data-total."""
    element = root.locator("[data-score]")
    return (
        element.text_content(),
        int(element.get_attribute("data-correct")),
        int(element.get_attribute("data-total")),
    )


def results(root) -> dict[str, str | None]:
    """data-result of every question, by id."""
    return root.locator("[data-question-id]").evaluate_all(
        "boxes => Object.fromEntries(boxes.map("
        "b => [b.getAttribute('data-question-id'), b.getAttribute('data-result')]))"
    )


# Keyboard only -----------------------------------------------------------------------------


def focus_with_tab(page, selector: str, limit: int = 400) -> None:
    """Press Tab (or Shift+Tab, towards the target) until ``selector`` has the focus."""
    direction = page.evaluate(
        """sel => {
            const target = document.querySelector(sel);
            const active = document.activeElement;
            if (!active || active === document.body) return 'Tab';
            return active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING
                ? 'Shift+Tab' : 'Tab';
        }""",
        selector,
    )
    for _ in range(limit):
        if page.evaluate("sel => document.activeElement === document.querySelector(sel)", selector):
            return
        page.keyboard.press(direction)
    raise AssertionError(f"Tab never reached {selector}")


def keyboard_answer(page, q: dict) -> None:
    """Answer ``q`` rightly with the keyboard only: Tab, arrows, Space, Enter and typing."""
    qid = q["id"]
    base = f'[data-question-id="{qid}"]'
    kind = q["type"]
    if kind in ("multiple_choice", "true_false"):
        focus_with_tab(page, f'{base} input[type="radio"]')
        target = q["choices"].index(q["answer"])
        focused = page.evaluate(
            "sel => [...document.querySelectorAll(sel)].indexOf(document.activeElement)",
            f'{base} input[type="radio"]',
        )
        for _ in range(abs(target - focused)):
            page.keyboard.press("ArrowDown" if target > focused else "ArrowUp")
        page.keyboard.press("Space")
    elif kind in ("short_answer", "numeric"):
        focus_with_tab(page, f"{base} input")
        page.keyboard.type(q["answer"])
    elif kind == "cloze":
        for n, blank in enumerate(q["blanks"], start=1):
            focus_with_tab(page, f"{base} .blank-wrap:nth-of-type({n}) input")
            page.keyboard.type(blank["answer"])
    elif kind == "matching":
        for n, value in enumerate(q["answer"], start=1):
            selector = f"{base} .match-row:nth-child({n}) select"
            focus_with_tab(page, selector)
            target = q["choices"].index(value) + 1  # option 0 is "Choose…"
            current = page.evaluate("sel => document.querySelector(sel).selectedIndex", selector)
            for _ in range(abs(target - current)):
                page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
    elif kind == "ordering":
        for position, text in enumerate(q["answer"]):
            items = page.evaluate(
                "sel => [...document.querySelectorAll(sel)].map(i => i.getAttribute('data-value'))",
                f"{base} .order-item",
            )
            index = items.index(text)
            if index == position:
                continue
            focus_with_tab(page, f'{base} .order-item:nth-child({index + 1}) [data-move="up"]')
            for _ in range(index - position):
                page.keyboard.press("Enter")
    else:
        raise AssertionError(f"unknown type {kind}")


class Tab:
    """A page of its own browser context that records what the page does."""

    def __init__(self, browser, **context_options) -> None:
        context_options.setdefault("viewport", {"width": 1280, "height": 900})
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.messages: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)
        self.page.on("dialog", self._dialog)

    def _console(self, message) -> None:
        self.messages.append(f"{message.type}: {message.text}")
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()
