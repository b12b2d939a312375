"""The class pack: every student copy, each from a new page (odd with duplex); keys.pdf apart."""

from __future__ import annotations

import re

from pdfread import SMALL_BANK, build, manifest, page_texts
from pypdf import PdfReader
from support import built

START = re.compile(r"Page 1 of \d+")


def copies(pages: list[str]) -> list[tuple[int, str, str]]:
    """(page number, version code, role) of the first page of every copy in a pack."""
    found = []
    for n, page in enumerate(pages, start=1):
        if START.search(page):
            code = re.search(r"Version ([A-Z]+)", page).group(1)
            found.append((n, code, "key" if "Answer key" in page else "student"))
    return found


def test_pack_is_every_student_copy_and_no_key(small_pdf):
    pack = page_texts(small_pdf / "class-pack.pdf")
    expected: list[str] = []
    for name in ("quiz-A", "quiz-B", "quiz-C"):
        expected += page_texts(built(small_pdf, f"{name}.pdf"))
    assert pack == expected
    order = [(code, role) for _, code, role in copies(pack)]
    assert order == [("A", "student"), ("B", "student"), ("C", "student")]
    assert not any("Answer key" in page or "ANSWER KEY" in page for page in pack)


def test_keys_file_holds_every_key(small_pdf):
    entries = {f["path"]: f for f in manifest(small_pdf)["files"]}
    path = next(p for p in entries if p.endswith("keys.pdf"))
    assert entries[path]["role"] == "key" and entries[path].get("version") is None
    keys = page_texts(small_pdf / path)
    expected: list[str] = []
    for name in ("key-A", "key-B", "key-C"):
        expected += page_texts(built(small_pdf, f"{name}.pdf"))
    assert keys == expected
    assert [(code, role) for _, code, role in copies(keys)] == [
        ("A", "key"), ("B", "key"), ("C", "key")
    ]  # fmt: skip


def test_pack_in_manifest(small_pdf):
    entries = [f for f in manifest(small_pdf)["files"] if f["path"] == "class-pack.pdf"]
    assert len(entries) == 1
    assert entries[0]["role"] == "pack" and entries[0]["format"] == "pdf"


def test_no_pack_without_the_option(tmp_path):
    build(SMALL_BANK, tmp_path, "--versions", "2", "--seed", "1")
    assert not (tmp_path / "class-pack.pdf").exists()
    assert all(f["role"] != "pack" for f in manifest(tmp_path)["files"])


def test_duplex_pack_starts_every_copy_on_an_odd_page(tmp_path):
    # Three questions make one-page copies, so every copy needs a blank back.
    build(SMALL_BANK, tmp_path, "--versions", "3", "--questions", "3", "--seed", "2",
          "--pack", "--duplex")  # fmt: skip
    pack = page_texts(tmp_path / "class-pack.pdf")
    starts = copies(pack)
    assert [(code, role) for _, code, role in starts] == [
        ("A", "student"), ("B", "student"), ("C", "student"),
    ]  # fmt: skip
    assert all(n % 2 == 1 for n, _, _ in starts), starts
    blanks = [n for n, page in enumerate(pack, start=1) if "This page is left blank" in page]
    assert blanks, "one-page copies need blank backs"
    for n in blanks:
        assert re.search(r"Version [A-Z]+", pack[n - 1]), f"blank page {n} has no version"
    for n, page in enumerate(pack, start=1):
        assert "Version " in page, n
    prefs = PdfReader(tmp_path / "class-pack.pdf").trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/Duplex"] == "/DuplexFlipLongEdge"


def test_pack_without_duplex_has_no_blank_pages(tmp_path):
    build(SMALL_BANK, tmp_path, "--versions", "3", "--questions", "3", "--seed", "2", "--pack")
    pack = page_texts(tmp_path / "class-pack.pdf")
    assert len(pack) == len(copies(pack)) == 3
    assert not any("left blank" in page for page in pack)


def test_page_labels_bookmarks_and_print_scaling(small_pdf):
    quiz = PdfReader(small_pdf / "quiz-A.pdf")
    assert quiz.page_labels == [f"A-{n}" for n in range(1, len(quiz.pages) + 1)]
    keys = PdfReader(built(small_pdf, "keys.pdf"))
    texts = [" ".join(page.extract_text().split()) for page in keys.pages]
    tops = [(e.title, keys.get_destination_page_number(e)) for e in keys.outline
            if not isinstance(e, list)]  # fmt: skip
    assert [title for title, _ in tops] == [f"Version {c} · Answer key" for c in "ABC"]
    for (_, page), code in zip(tops, "ABC", strict=True):
        assert keys.page_labels[page] == f"Key {code}-1"
        assert f"Version {code}" in texts[page] and "Page 1 of" in texts[page]
    sections = [e.title for e in keys.outline[1]]
    assert sections[:2] == ["Marking grid", "Multiple choice"]
    for name in ("quiz-A.pdf", "class-pack.pdf"):
        prefs = PdfReader(small_pdf / name).trailer["/Root"]["/ViewerPreferences"]
        assert prefs["/PrintScaling"] == "/None"
