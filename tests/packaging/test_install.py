"""The sdist and the wheel are the whole app: each installed (not editable) into a fresh venv.

``python -m build`` makes both (the wheel from the sdist, as an installer would);
each is then installed into its own new virtual environment with pip and run
there, from a folder outside the checkout, so nothing can come from the source
tree. PySide6 comes from pip's cache (filled by ``make venv``), so no large
download happens twice.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import __version__
from tests.packaging.conftest import REPO, quiet_env

pytestmark = pytest.mark.slow

BUNDLED = sorted(p.name for p in (REPO / "exercises").glob("*.toml"))
PIP = ["-m", "pip", "--disable-pip-version-check", "--no-input"]


@dataclass(frozen=True)
class Dists:
    folder: Path
    sdist: Path
    wheel: Path


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Dists:
    folder = tmp_path_factory.mktemp("dists")
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(folder), str(REPO)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    sdists = list(folder.glob("steady-*.tar.gz"))
    wheels = list(folder.glob("steady-*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(p.name for p in folder.iterdir())
    return Dists(folder, sdists[0], wheels[0])


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_steady(venv: Path) -> Path:
    return venv / ("Scripts/steady.exe" if os.name == "nt" else "bin/steady")


def install(target: Path, dists: Dists, tmp_path: Path) -> Path:
    """A new venv with ``target`` installed as a person would; returns the venv."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(venv_python(venv)), *PIP, "install", "--quiet", "--find-links", str(dists.folder),
         str(target)],
        capture_output=True, text=True, timeout=900, cwd=tmp_path, env=env)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return venv


def run_installed(venv: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = quiet_env(home)
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(venv_steady(venv)), *args], capture_output=True, text=True,
                          env=env, cwd=home, timeout=300)


def check_installed(venv: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    tested = run_installed(venv, "--self-test", home=home)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    header = tested.stdout.splitlines()[0]
    assert header.startswith(f"Steady {__version__} self-test (installed: "), header
    assert str(venv) in header and str(REPO) not in header
    assert f"ok   exercises: {len(BUNDLED)} loaded" in tested.stdout
    assert "self-test passed: 4 checks" in tested.stdout

    listed = run_installed(venv, "--data-dir", str(tmp_path / "data"), "list", "--json",
                           home=home)
    assert listed.returncode == 0, listed.stderr
    payload = json.loads(listed.stdout)
    assert len(payload["exercises"]) == 14 == len(BUNDLED)
    assert payload["invalid"] == []
    files = [Path(e["file"]) for e in payload["exercises"]]
    assert sorted(f.name for f in files) == BUNDLED
    assert all(venv in f.parents and f.is_file() for f in files), files

    root = Path(header.split("installed: ", 1)[1].rstrip(")"))
    for part in ("icons/steady.svg", "exercise.schema.json", "exercises.compiled.json",
                 "translations/steady_en.ts",
                 *(f"sounds/{w.name}" for w in (REPO / "resources" / "sounds").glob("*.wav"))):
        assert (root / "resources" / part).is_file(), part
    if os.name != "nt":
        manpage = venv / "share" / "man" / "man1" / "steady.1"
        assert manpage.read_text(encoding="utf-8") == (
            REPO / "resources" / "man" / "steady.1").read_text(encoding="utf-8")


def test_sdist_holds_the_sources_and_the_data(dists: Dists) -> None:
    with tarfile.open(dists.sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {f"exercises/{name}" for name in BUNDLED} <= names
    for part in ("setup.py", "pyproject.toml", "README.md", "LICENSE", "app/paths.py",
                 "resources/man/steady.1", "resources/icons/steady.svg",
                 "resources/exercise.schema.json", "resources/translations/steady_en.ts"):
        assert part in names, part


def test_wheel_holds_the_app_data_and_no_build_helpers(dists: Dists) -> None:
    with zipfile.ZipFile(dists.wheel) as archive:
        names = set(archive.namelist())
    data = "app/bundled/"
    assert {f"{data}exercises/{name}" for name in BUNDLED} <= names
    assert f"{data}resources/icons/steady.svg" in names
    assert f"{data}resources/exercise.schema.json" in names
    assert f"{data}resources/exercises.compiled.json" in names  # read ahead at start
    assert f"steady-{__version__}.data/data/share/man/man1/steady.1" in names
    helpers = [n for n in names if "/scripts/" in n or "/windows/" in n or n.endswith(".iss")]
    assert helpers == []
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "exercises/"))]


def test_wheel_installed_in_a_fresh_venv_is_the_whole_app(dists: Dists, tmp_path: Path) -> None:
    check_installed(install(dists.wheel, dists, tmp_path), tmp_path)


def test_sdist_installed_in_a_fresh_venv_is_the_whole_app(dists: Dists, tmp_path: Path) -> None:
    check_installed(install(dists.sdist, dists, tmp_path), tmp_path)
