"""A plain (non-editable) install ships the bundled bank and templates and builds anywhere."""

from __future__ import annotations

import json
import subprocess
import venv

from support import ROOT


def test_non_editable_install_builds_from_any_folder(tmp_path):
    env_dir = tmp_path / "venv"
    # System site packages provide the dependencies, so the test needs no network; the
    # project itself is built into a wheel and installed for real (not editable).
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr
    where = subprocess.run(
        [str(python), "-c", "import quizgen, sys; print(quizgen.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert where.stdout.startswith(str(env_dir)), where.stdout  # not the source checkout
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = subprocess.run(
        [str(env_dir / "bin" / "quizgen"), "build", "--seed", "1"],
        capture_output=True,
        text=True,
        cwd=work,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((work / "output" / "manifest.json").read_text())
    assert manifest["bank"]["id"] == "korean-war-70th"
    assert manifest["bank"]["path"].startswith(str(env_dir))
    formats = {f["format"] for f in manifest["files"]}
    assert formats == {"pdf", "html", "anki-csv", "json"}
    for entry in manifest["files"]:
        assert (work / "output" / entry["path"]).stat().st_size > 0
    module = subprocess.run(
        [str(python), "-m", "quizgen", "--version"], capture_output=True, text=True, cwd=work
    )
    assert module.stdout.strip() == "quizgen 0.1.0"
