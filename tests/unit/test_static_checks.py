"""The whole of ``app`` passes ruff and strict mypy (the settings in pyproject.toml).

``make lint`` runs the same two tools; here they run with the suite, so CI holds them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300, check=False)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing(tmp_path: Path) -> None:
    result = run("mypy", "--cache-dir", str(tmp_path / "mypy-cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    # It checked every module of the app, not a part of it.
    found = re.search(r"no issues found in (\d+) source files", result.stdout)
    assert found, result.stdout
    assert int(found.group(1)) >= len(list((REPO / "app").rglob("*.py")))
