"""The corpus of broken banks: each gives its exact messages, exit 1 and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen import cli
from quizgen.bank import load_bank
from quizgen.errors import BankError
from quizgen.yamlsafe import MAX_BYTES

BROKEN = Path(__file__).parent / "broken"
EXPECTED = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))


def test_corpus_is_complete():
    files = sorted(p.name for p in BROKEN.glob("*.yaml"))
    assert files == sorted(EXPECTED)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_loader_reports_exact_messages(name):
    path = BROKEN / name
    with pytest.raises(BankError) as info:
        load_bank(path)
    got = [str(p).replace(str(path), "{file}") for p in info.value.problems]
    assert got == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_validate_and_build_fail_cleanly(name, tmp_path, capsys):
    path = BROKEN / name
    assert cli.main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [m.replace("{file}", str(path)) for m in EXPECTED[name]]
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("precious")
    assert cli.main(["build", str(path), "--seed", "1", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-len(EXPECTED[name]) :] == [
        m.replace("{file}", str(path)) for m in EXPECTED[name]
    ]
    # A failed build changes nothing that was there before and leaves nothing behind.
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_object_constructing_tag_is_never_run(tmp_path, monkeypatch):
    marker = tmp_path / "pwned"
    bank = tmp_path / "evil.yaml"
    bank.write_text(f"id: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(BankError, match="YAML tag '!!python/object/apply:os.system'"):
        load_bank(bank)
    assert not marker.exists()


def test_oversized_bank_is_refused_before_parsing(tmp_path):
    bank = tmp_path / "big.yaml"
    bank.write_bytes(b"id: x\n#" + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(BankError) as info:
        load_bank(bank)
    assert str(info.value) == (f"{bank}: file too large (the limit is {MAX_BYTES} bytes)")


def test_alias_bomb_is_refused_with_bounded_work():
    # Nine levels of ten aliases each would expand to a billion nodes; the walk stops at the
    # node limit instead (the count is what bounds memory and time, not a clock).
    with pytest.raises(BankError, match="too many YAML nodes"):
        load_bank(BROKEN / "alias-bomb.yaml")


def test_missing_bank_file(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert (
        capsys.readouterr().err
        == f"{tmp_path / 'nope.yaml'}: cannot read: No such file or directory\n"
    )


def test_bank_that_is_a_folder(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"{tmp_path}: is a folder, not a bank file\n"
