"""The page is self-contained and safe: no request leaves it, bank text never runs, it works
from file://, from a web server and inside an iframe, and it posts the contract's message."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest
from quizpage import answer, build_html, check, container, load_key, score
from support import built

from quizgen.typography import curly

# A bank whose every text field holds markup; its source quotes are verbatim in its article.
HOSTILE_ARTICLE = """\
The mayor wrote <script>alert(1)</script> on the board.

A sign said <img src=x onerror=alert(2)> near the door, and the motto was "'>< for 2 days.
"""
S1 = "The mayor wrote <script>alert(1)</script> on the board."
S2 = "A sign said <img src=x onerror=alert(2)> near the door, and the motto was \"'>< for 2 days."
HOSTILE_BANK = {
    "id": "hostile",
    "title": "<script>alert('title')</script> Quiz \"'><",
    "article": {
        "path": "article.txt",
        "title": "<img src=x onerror=alert(3)>",
        "publisher": "\"'><",
        "url": "javascript:alert(4)",
    },
    "questions": [
        {"id": "mc", "type": "multiple_choice",
         "prompt": "What did the mayor write? <script>alert(5)</script>",
         "answer": "<script>alert(1)</script>",
         "distractors": ["<img src=x onerror=alert(6)>", "\"'><", "</textarea><b>bold</b>"],
         "explanation": "<img src=x onerror=alert(7)> \"'><", "source": S1},
        {"id": "tf", "type": "true_false", "prompt": "\"'>< was the motto.", "answer": True,
         "explanation": "<script>alert(8)</script>", "source": S2},
        {"id": "short", "type": "short_answer", "prompt": "<b>What</b> did the mayor write?",
         "answer": "<script>alert(1)</script>", "accept": ["\"'><b>x"],
         "explanation": "It was <script>alert(1)</script>.", "source": S1},
        {"id": "num", "type": "numeric", "prompt": "How many days? <img src=x onerror=alert(9)>",
         "answer": 2, "unit": "<script>alert(10)</script>", "explanation": "\"'><",
         "source": S2},
        {"id": "cloze", "type": "cloze", "prompt": "Fill in. <script>alert(11)</script>",
         "text": "The mayor wrote {{<script>alert(1)</script>}} on the \"'>< board.",
         "explanation": "<img src=x onerror=alert(12)>", "source": S1},
        {"id": "match", "type": "matching", "prompt": "Match <img src=x onerror=alert(13)>",
         "pairs": [
             {"left": "<script>alert(14)</script>", "right": "<img src=x onerror=alert(15)>"},
             {"left": "\"'><", "right": "</select><script>alert(16)</script>"},
             {"left": "plain", "right": "\"'>< right"},
         ],
         "distractors": ["</option><b>x</b>"], "explanation": "\"'><", "source": S1},
        {"id": "order", "type": "ordering", "prompt": "Order <script>alert(17)</script>",
         "items": ["<script>alert(18)</script>", "<img src=x onerror=alert(19)>", "\"'><"],
         "explanation": "</li></ol><script>alert(20)</script>", "source": S2},
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "article.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    # JSON is YAML: no quoting question about what the bank file holds.
    (folder / "bank.yaml").write_text(json.dumps(HOSTILE_BANK, indent=1), encoding="utf-8")
    return build_html(folder / "bank.yaml", folder / "out", "--seed", "5")


def element_counts(page) -> dict:
    return page.evaluate(
        "() => ({scripts: document.scripts.length,"
        " imgs: document.images.length,"
        " bolds: document.querySelectorAll('b').length,"
        " textareas: document.querySelectorAll('textarea').length})"
    )


def test_hostile_text_is_shown_literally_and_never_runs(tab, hostile_build):
    page = tab.page
    page.goto((hostile_build / "quiz-A.html").as_uri())
    questions = load_key(hostile_build, "A")["questions"]
    assert element_counts(page) == {"scripts": 2, "imgs": 0, "bolds": 0, "textareas": 0}
    # Quotation marks print curly (docs/bank-format.md); the text is otherwise literal.
    assert page.title() == f"{curly(HOSTILE_BANK['title'])} — Version A"
    assert page.locator("h1").text_content() == curly(HOSTILE_BANK["title"])
    assert page.locator("a").count() == 0  # a javascript: address is never a link
    for q in questions:
        box = container(page, q["id"])
        assert box.locator("legend .prompt").text_content() == q["prompt"]
        if q["type"] == "multiple_choice":
            labels = box.locator(".choice-text").all_text_contents()
            values = box.locator("input").evaluate_all("rs => rs.map(r => r.value)")
            assert labels == values == q["choices"]
        if q["type"] == "matching":
            assert box.locator("label").all_text_contents() == q["items"]
            options = box.locator("select").first.locator("option")
            assert options.evaluate_all("os => os.map(o => o.value)")[1:] == q["choices"]
        if q["type"] == "ordering":
            assert box.locator(".order-text").all_text_contents() == q["choices"]
    for q in questions:
        answer(page, q, right=True)
    check(page)
    m = len(questions)
    assert score(page) == (f"{m} / {m}", m, m)
    for q in questions:
        feedback = container(page, q["id"]).locator("[data-feedback]")
        assert q["explanation"] in feedback.locator(".explanation").text_content()
        assert feedback.locator("blockquote").text_content() == curly(q["source"]["quote"])
    assert element_counts(page) == {"scripts": 2, "imgs": 0, "bolds": 0, "textareas": 0}
    assert tab.dialogs == []
    assert tab.errors == []
    assert page.evaluate("typeof window.alert === 'function'")


@pytest.mark.parametrize("name", ["teacher/key-A.html", "index.html", "teacher/index.html"])
def test_hostile_text_in_key_and_index_is_literal(tab, hostile_build, name):
    page = tab.page
    page.goto((hostile_build / name).as_uri())
    assert element_counts(page) == {"scripts": 0, "imgs": 0, "bolds": 0, "textareas": 0}
    assert page.locator("h1").text_content() == curly(HOSTILE_BANK["title"])
    assert page.locator("a[href^=javascript]").count() == 0
    if name.startswith("key"):
        text = page.locator("main").text_content()
        for q in load_key(hostile_build, "A")["questions"]:
            assert q["prompt"] in text and q["explanation"] in text
    assert tab.dialogs == [] and tab.errors == []


def test_content_security_policy_blocks_injected_code(tab, html_build):
    page = tab.page
    page.goto((html_build / "quiz-A.html").as_uri())
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert csp.startswith("default-src 'none'; script-src 'sha256-")
    violations = page.evaluate(
        """() => new Promise(resolve => {
            const seen = [];
            document.addEventListener('securitypolicyviolation',
                e => seen.push(e.effectiveDirective));
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.appendChild(script);
            const img = document.createElement('img');
            img.src = 'https://example.invalid/x.png';
            document.body.appendChild(img);
            setTimeout(() => resolve(seen), 200);
        })"""
    )
    assert page.evaluate("window.injected") is None
    assert "script-src-elem" in violations and "img-src" in violations


def answer_everything(root, out: Path, version: str = "A") -> int:
    questions = load_key(out, version)["questions"]
    for q in questions:
        answer(root, q, right=True)
    check(root)
    return len(questions)


def test_no_request_leaves_the_page_from_file(tab, html_build):
    url = (html_build / "quiz-A.html").as_uri()
    tab.page.goto(url)
    m = answer_everything(tab.page, html_build)
    tab.page.locator('[data-action="reset"]').click()
    assert tab.page.locator("[data-score]").text_content() == ""
    assert tab.requests == [url]
    assert m > 0 and tab.errors == []


@pytest.mark.parametrize("name", ["teacher/key-A.html", "index.html", "teacher/index.html"])
def test_key_and_index_make_no_request(tab, html_build, name):
    url = (html_build / name).as_uri()
    tab.page.goto(url)
    assert tab.requests == [url]
    assert tab.errors == []


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def served(tmp_path, html_build):
    """The build, plus a parent page that embeds quiz-A.html, served on 127.0.0.1."""
    root = tmp_path / "site"
    shutil.copytree(html_build, root)
    (root / "parent.html").write_text(PARENT_PAGE, encoding="utf-8")
    seen: list[str] = []

    class Handler(_QuietHandler):
        def do_GET(self):
            seen.append(self.path)
            super().do_GET()

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(root))
    )
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root, seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


PARENT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Embedding page</title>
<link rel="icon" href="data:,"></head>
<body><h1>Course page</h1>
<iframe src="quiz-A.html" title="Quiz" width="800" height="600"></iframe>
<script>
window.received = [];
window.addEventListener("message", (event) => {
  if (event.data && event.data.type === "quizgen:score") window.received.push(event.data);
});
</script></body></html>
"""


def test_served_over_http_makes_no_other_request(tab, served):
    base, _root, seen = served
    url = f"{base}/quiz-A.html"
    tab.page.goto(url)
    answer_everything(tab.page, served[1])
    m = score(tab.page)[2]
    assert score(tab.page)[1] == m
    assert tab.requests == [url]
    assert seen == ["/quiz-A.html"]
    assert tab.errors == []


def expected_message(out: Path, version: str) -> dict:
    key = load_key(out, version)
    m = len(key["questions"])
    return {"type": "quizgen:score", "bank": key["bank"], "version": version,
            "correct": m, "total": m}  # fmt: skip


def grade_in_frame(tab, url: str, out: Path) -> list[dict]:
    tab.page.goto(url)
    frame = tab.page.locator("iframe").element_handle().content_frame()
    answer_everything(frame, out)
    tab.page.wait_for_function("window.received.length > 0", timeout=5000)
    return tab.page.evaluate("window.received")


def test_inside_an_iframe_over_http_posts_the_score(tab, served):
    base, root, seen = served
    received = grade_in_frame(tab, f"{base}/parent.html", root)
    assert received == [expected_message(root, "A")]
    assert seen == ["/parent.html", "/quiz-A.html"]
    assert tab.errors == []


@pytest.mark.parametrize("sandbox", ["", ' sandbox="allow-scripts"'])
def test_inside_an_iframe_from_file_posts_the_score(tab, tmp_path, html_build, sandbox):
    shutil.copy(html_build / "quiz-A.html", tmp_path / "quiz-A.html")
    (tmp_path / "teacher").mkdir()
    shutil.copy(built(html_build, "quiz-A.json"), tmp_path / "teacher" / "quiz-A.json")
    shutil.copy(html_build / "manifest.json", tmp_path / "manifest.json")
    parent = PARENT_PAGE.replace('<iframe src="quiz-A.html"', f'<iframe src="quiz-A.html"{sandbox}')
    (tmp_path / "parent.html").write_text(parent, encoding="utf-8")
    received = grade_in_frame(tab, (tmp_path / "parent.html").as_uri(), tmp_path)
    assert received == [expected_message(tmp_path, "A")]
    assert sorted(tab.requests) == sorted(
        [(tmp_path / "parent.html").as_uri(), (tmp_path / "quiz-A.html").as_uri()]
    )
    assert tab.errors == []


def test_top_level_page_posts_to_itself(tab, html_build):
    tab.page.goto((html_build / "quiz-B.html").as_uri())
    tab.page.evaluate(
        "window.got = []; window.addEventListener('message', e => window.got.push(e.data))"
    )
    tab.page.locator('[data-action="check"]').click()
    tab.page.wait_for_function("window.got.length > 0", timeout=5000)
    message = tab.page.evaluate("window.got[0]")
    assert message == {**expected_message(html_build, "B"), "correct": 0}
