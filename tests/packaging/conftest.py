"""Packaging tests: the bundle and the .deb are built once per test session.

Tools these tests need from the system (PyInstaller in the venv, ``dpkg-deb``,
``objdump`` from binutils, ``desktop-file-validate``, ``appstreamcli``) are
installed by ``.ci/run``, which sets ``STEADY_PACKAGING_TOOLS=required`` so a
missing tool fails there. On a developer's machine a missing tool skips the test
that needs it and says what to install.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "resources" / "scripts"


@functools.cache
def load_script(name: str) -> ModuleType:
    """A helper script in resources/scripts/, imported as a module (once)."""
    module_name = f"steady_scripts_{name}"
    spec = importlib.util.spec_from_file_location(module_name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def missing(what: str, install: str) -> None:
    """Fail (in CI) or skip (elsewhere) because ``what`` is not available."""
    message = f"{what} is not available: {install}"
    if os.environ.get("STEADY_PACKAGING_TOOLS") == "required":
        pytest.fail(message)
    pytest.skip(message)


def require_tool(name: str, debian_package: str) -> str:
    found = shutil.which(name)
    if found is None:
        missing(name, f"apt-get install {debian_package}")
    assert found is not None
    return found


def quiet_env(home: Path) -> dict[str, str]:
    """An environment for running Steady: offscreen, and a home where nothing real lives."""
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "STEADY_DATA_DIR"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_RUNTIME_DIR"] = str(home / "runtime")
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


@dataclass(frozen=True)
class Packaged:
    bundle: Path
    executable: Path
    deb: Path | None
    output: str


@pytest.fixture(scope="session")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> Packaged:
    """``package.py`` run once: the bundle (self-tested by the script) and, on Linux, the .deb."""
    if importlib.util.find_spec("PyInstaller") is None:
        missing("PyInstaller", "pip install -e '.[package]'")
    if sys.platform.startswith("linux"):
        require_tool("objdump", "binutils")
    root = tmp_path_factory.mktemp("package")
    dist, work = root / "dist", root / "work"
    cmd = [sys.executable, str(SCRIPTS / "package.py"), "--dist", str(dist), "--work", str(work),
           "--fast"]
    with_deb = sys.platform.startswith("linux") and shutil.which("dpkg-deb") is not None
    if not with_deb:
        cmd.append("--no-installer")
    env = quiet_env(root / "home")
    result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=env, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"package.py failed:\n{output[-6000:]}"
    package = load_script("package")
    bundle = package.bundle_dir(dist)
    debs = sorted(dist.glob("steady_*.deb"))
    return Packaged(bundle, package.bundle_executable(bundle), debs[0] if debs else None, output)
