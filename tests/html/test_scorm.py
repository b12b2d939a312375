"""SCORM 1.2 and 2004 packages: manifests valid against the SCORM schemas, byte-stable zips,
and the launch page run under a real SCORM runtime (scorm-again) in Chromium: the page is
served over http://127.0.0.1 in a frame below the LMS page, and the tests read back what the
runtime recorded: score, status, interactions, suspend data and resume, and each learner's
version."""

from __future__ import annotations

import functools
import hashlib
import http.server
import itertools
import json
import os
import threading
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from quizpage import answer, build_html, check, container, load_key
from scorm.xsd_check import errors
from support import SMALL_BANK

EDITIONS = {"1.2": "scorm12", "2004": "scorm2004"}
VERSIONS = ("A", "B", "C")
LAUNCHES = itertools.count()

LMS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="/runtime/scorm12.min.js"></script>
<script src="/runtime/scorm2004.min.js"></script>
<script>
const setup = JSON.parse(decodeURIComponent(location.hash.slice(1)));
const settings = {autocommit: false, logLevel: 5, lmsCommitUrl: false};
window.lms = setup.edition === "1.2" ? new Scorm12API(settings) : new Scorm2004API(settings);
window.lms.loadFromJSON(setup.cmi, "");
window[setup.edition === "1.2" ? "API" : "API_1484_11"] = window.lms;
window.recorded = () => JSON.parse(JSON.stringify(window.lms.cmi));
</script></head>
<body><iframe id="sco" title="quiz" width="1000" height="800"></iframe>
<script>
if (setup.frame !== false) document.getElementById("sco").src = "/" + setup.package + "/index.html";
</script>
</body></html>
"""


def scorm_again_dir() -> Path | None:
    if os.environ.get("QUIZGEN_SCORM_AGAIN"):
        return Path(os.environ["QUIZGEN_SCORM_AGAIN"])
    cache = Path(os.environ.get("QUIZGEN_TEST_CACHE", Path.home() / ".cache" / "quizgen-test"))
    for root in (cache, Path("/opt/quizgen-test")):
        path = root / "node_modules" / "scorm-again" / "dist"
        if (path / "scorm12.min.js").is_file():
            return path
    return None


@pytest.fixture(scope="module")
def scorm_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scorm")
    return build_html(
        SMALL_BANK, out, "--formats", "scorm12,scorm2004,json", "--versions", "3",
        "--seed", "3", "--pass-mark", "50",
    )  # fmt: skip


def package(out: Path, edition: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(out / "teacher" / f"{EDITIONS[edition]}.zip")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def lms_site(scorm_build, tmp_path_factory):
    """The packages unzipped, scorm-again and the LMS page, served on 127.0.0.1."""
    runtime = scorm_again_dir()
    if runtime is None:
        pytest.skip(
            "scorm-again not found: set QUIZGEN_SCORM_AGAIN or run "
            "'npm install --prefix ~/.cache/quizgen-test scorm-again@2'"
        )
    root = tmp_path_factory.mktemp("lms-site")
    for edition, name in EDITIONS.items():
        package(scorm_build, edition).extractall(root / name)
    (root / "runtime").mkdir()
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        (root / "runtime" / name).write_bytes((runtime / name).read_bytes())
    (root / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def expected_version(learner: str) -> str:
    digest = hashlib.sha256(f"small-town\n{learner}".encode()).digest()
    return VERSIONS[int.from_bytes(digest[:4], "big") % len(VERSIONS)]


def launch(tab, site: str, edition: str, cmi: dict):
    """Open the LMS page with the package in its frame; return the frame once it shows a
    version."""
    setup = {"edition": edition, "package": EDITIONS[edition], "cmi": cmi}
    # A new query each time: a change of the fragment alone would not load the page again.
    tab.page.goto(f"{site}/lms.html?launch={next(LAUNCHES)}#{quote(json.dumps(setup))}")
    frame = tab.page.frame_locator("#sco")
    frame.locator("html[data-version] [data-question-id]").first.wait_for()
    return tab.page.frames[1]


def learner(edition: str, learner_id: str, **more) -> dict:
    if edition == "1.2":
        return {"core": {"student_id": learner_id, **more.pop("core", {})}, **more}
    return {"learner_id": learner_id, **more}


def recorded(tab) -> dict:
    return tab.page.evaluate("window.recorded()")


@pytest.mark.parametrize("edition", EDITIONS)
def test_manifest_is_valid_against_the_scorm_schemas(scorm_build, edition):
    zip_file = package(scorm_build, edition)
    assert zip_file.namelist() == ["imsmanifest.xml", "index.html"]
    manifest = zip_file.read("imsmanifest.xml")
    assert errors(edition, manifest) == []
    # The check can fail: an element out of place is reported.
    broken = manifest.replace(b"<schema>", b"<schemas>").replace(b"</schema>", b"</schemas>")
    assert errors(edition, broken)


def test_packages_are_byte_identical_and_stand_alone(scorm_build, tmp_path, tab):
    again = build_html(
        SMALL_BANK, tmp_path, "--formats", "scorm12,scorm2004,json", "--versions", "3",
        "--seed", "3", "--pass-mark", "50",
    )  # fmt: skip
    for name in EDITIONS.values():
        first = (scorm_build / "teacher" / f"{name}.zip").read_bytes()
        assert (again / "teacher" / f"{name}.zip").read_bytes() == first
        for info in zipfile.ZipFile(again / "teacher" / f"{name}.zip").infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
    # Without an LMS the launch page is a working test page of the first version.
    package(scorm_build, "1.2").extractall(tmp_path / "alone")
    tab.page.goto((tmp_path / "alone" / "index.html").as_uri())
    assert tab.page.get_attribute("html", "data-version") == "A"
    questions = load_key(scorm_build, "A")["questions"]
    for q in questions:
        answer(tab.page, q, right=True)
    check(tab.page)
    total = str(len(questions))
    assert tab.page.locator("[data-score]").get_attribute("data-correct") == total
    assert tab.errors == []


SCORM_TYPES = {
    "multiple_choice": "choice", "true_false": "true-false", "short_answer": "fill-in",
    "numeric": "numeric", "cloze": "fill-in", "matching": "matching", "ordering": "sequencing",
}  # fmt: skip


@pytest.mark.parametrize("edition", EDITIONS)
def test_runtime_records_progress_resume_score_status_and_interactions(
    tab, scorm_build, lms_site, edition
):
    learner_id = "learner-0042"
    frame = launch(tab, lms_site, edition, learner(edition, learner_id))
    code = expected_version(learner_id)
    assert frame.get_attribute("html", "data-version") == code
    questions = load_key(scorm_build, code)["questions"]
    # The learner answers two questions, then leaves.
    answer(frame, questions[0], right=True)
    answer(frame, questions[1], right=False)
    tab.page.evaluate("document.getElementById('sco').remove()")
    state = recorded(tab)
    suspend = state["suspend_data"]
    assert json.loads(suspend)["submitted"] is False
    if edition == "1.2":
        assert state["core"]["lesson_status"] == "incomplete"
        assert state["core"]["exit"] == "suspend"
        assert state["core"]["session_time"].count(":") == 2
    else:
        assert state["completion_status"] == "incomplete"
        assert state["exit"] == "suspend"
        assert state["session_time"].startswith("PT")
    # Back again: the answers come back from the suspend data.
    resume = {"core": {"entry": "resume"}} if edition == "1.2" else {"entry": "resume"}
    frame = launch(tab, lms_site, edition, learner(edition, learner_id, suspend_data=suspend,
                                                    **resume))  # fmt: skip
    first = container(frame, questions[0]["id"])
    if questions[0]["type"] in ("multiple_choice", "true_false"):
        checked = first.locator("input:checked").get_attribute("value")
        assert checked == questions[0]["answer"]
    # The rest: right on even positions, wrong on odd ones, the last left unanswered.
    given = {questions[0]["id"]: True, questions[1]["id"]: False}
    for n, q in enumerate(questions[2:-1], start=2):
        answer(frame, q, right=n % 2 == 0)
        given[q["id"]] = n % 2 == 0
    check(frame)
    frame.locator('[data-action="submit"]').click()
    right = sum(given.values())
    percent = round(100 * right / len(questions), 2)
    state = recorded(tab)
    score = state["core"]["score"] if edition == "1.2" else state["score"]
    assert float(score["raw"]) == percent
    assert (float(score["min"]), float(score["max"])) == (0, 100)
    passed = "passed" if percent >= 50 else "failed"
    if edition == "1.2":
        assert state["core"]["lesson_status"] == passed
    else:
        assert float(score["scaled"]) == pytest.approx(right / len(questions))
        assert state["success_status"] == passed
        assert state["completion_status"] == "completed"
    interactions = [state["interactions"][str(n)] for n in range(len(state["interactions"]))]
    assert [i["id"] for i in interactions] == [q["id"] for q in questions]
    wrong = "wrong" if edition == "1.2" else "incorrect"
    response_key = "student_response" if edition == "1.2" else "learner_response"
    for q, item in zip(questions, interactions, strict=True):
        assert item["type"] == SCORM_TYPES[q["type"]], q["id"]
        assert item["result"] == ("correct" if given.get(q["id"]) else wrong), q["id"]
        pattern = item["correct_responses"]["0"]["pattern"]
        assert pattern, q["id"]
        if given.get(q["id"]):
            if q["type"] in ("multiple_choice", "true_false", "matching", "ordering"):
                assert item[response_key] == pattern, q["id"]
        if q["id"] not in given:
            assert item[response_key] == "", q["id"]  # unanswered: no response recorded
    assert json.loads(state["suspend_data"])["submitted"] is True
    assert tab.errors == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_learner_gets_a_stable_version_of_their_own(tab, lms_site, edition):
    seen = {}
    for n in range(4):
        learner_id = f"student-{n}"
        frame = launch(tab, lms_site, edition, learner(edition, learner_id))
        seen[learner_id] = frame.get_attribute("html", "data-version")
        assert seen[learner_id] == expected_version(learner_id)
        heading = frame.locator(".version").first.text_content()
        assert heading == f"Version {seen[learner_id]}"
    assert len(set(seen.values())) > 1
    for learner_id in ("student-0",):
        frame = launch(tab, lms_site, edition, learner(edition, learner_id))
        assert frame.get_attribute("html", "data-version") == seen[learner_id]


def test_api_is_found_through_the_opener(tab, lms_site):
    """An LMS that opens the course in a new window: the page finds the API in its opener."""
    setup = {"edition": "1.2", "frame": False, "cmi": learner("1.2", "student-1")}
    tab.page.goto(f"{lms_site}/lms.html?launch={next(LAUNCHES)}#{quote(json.dumps(setup))}")
    with tab.page.expect_popup() as opened:
        tab.page.evaluate("window.open('/scorm12/index.html', 'course')")
    popup = opened.value
    popup.locator("html[data-version] [data-question-id]").first.wait_for()
    assert popup.get_attribute("html", "data-version") == expected_version("student-1")
    assert tab.page.evaluate("window.lms.cmi.core.lesson_status") == "incomplete"
    popup.close()
