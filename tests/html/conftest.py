"""Browser fixtures for the HTML pages: one headless Chromium for the whole session.

The browser is Debian's Chromium (``/usr/bin/chromium``, or ``QUIZGEN_CHROMIUM``) driven by the
``playwright`` package; playwright's own browser downloads are never used. axe-core is read from
``QUIZGEN_AXE_JS``, else from ``node_modules/axe-core/axe.min.js`` under
``$QUIZGEN_TEST_CACHE`` (default ``~/.cache/quizgen-test``) or ``/opt/quizgen-test``; install it
with ``npm install --prefix ~/.cache/quizgen-test axe-core@4``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from quizpage import Tab, build_html

ROOT = Path(__file__).resolve().parents[2]
SMALL_BANK = ROOT / "tests" / "banks" / "small.yaml"
BUNDLED_BANK = ROOT / "banks" / "korean-war-70th.yaml"
CHROMIUM = Path(os.environ.get("QUIZGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def axe_source_path() -> Path | None:
    """Where axe.min.js is, or None."""
    if os.environ.get("QUIZGEN_AXE_JS"):
        return Path(os.environ["QUIZGEN_AXE_JS"])
    caches = [
        Path(os.environ.get("QUIZGEN_TEST_CACHE", Path.home() / ".cache" / "quizgen-test")),
        Path("/opt/quizgen-test"),
    ]
    for cache in caches:
        path = cache / "node_modules" / "axe-core" / "axe.min.js"
        if path.is_file():
            return path
    return None


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def tab(browser):
    """A fresh page at desktop width, light colour scheme."""
    t = Tab(browser)
    yield t
    t.close()


@pytest.fixture
def new_tab(browser):
    """A factory of pages with other context options (viewport, colour scheme)."""
    tabs: list[Tab] = []

    def make(**options) -> Tab:
        t = Tab(browser, **options)
        tabs.append(t)
        return t

    yield make
    for t in tabs:
        t.close()


@pytest.fixture(scope="session")
def html_build(tmp_path_factory) -> Path:
    """The small bank (every question type) as HTML and JSON: 2 versions, seed 3."""
    out = tmp_path_factory.mktemp("html-small")
    return build_html(SMALL_BANK, out, "--versions", "2", "--seed", "3")


@pytest.fixture(scope="session")
def bundled_html_build(tmp_path_factory) -> Path:
    """The bundled bank as HTML and JSON, one version (skipped while the bank is absent)."""
    if not BUNDLED_BANK.exists():
        pytest.skip("the bundled bank is not there yet")
    out = tmp_path_factory.mktemp("html-bundled")
    return build_html(BUNDLED_BANK, out, "--seed", "11")


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = axe_source_path()
    if path is None or not path.is_file():
        pytest.skip(
            "axe-core not found: set QUIZGEN_AXE_JS or run "
            "'npm install --prefix ~/.cache/quizgen-test axe-core@4'"
        )
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def test_mode_build(tmp_path_factory) -> Path:
    """The small bank in test mode (answers shown after submission): 2 versions, seed 3."""
    out = tmp_path_factory.mktemp("html-test-mode")
    return build_html(SMALL_BANK, out, "--versions", "2", "--seed", "3", "--html-mode", "test")


@pytest.fixture(scope="session")
def never_build(tmp_path_factory) -> Path:
    """The small bank in test mode with ``--reveal never``: 1 version, seed 3."""
    out = tmp_path_factory.mktemp("html-never")
    return build_html(SMALL_BANK, out, "--seed", "3", "--html-mode", "test", "--reveal", "never")
