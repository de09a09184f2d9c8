"""Where Steady finds its own files: a checkout, an installed wheel, a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import paths

REPO = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_the_top_level_folders() -> None:
    assert paths.bundle_kind() == "source"
    assert paths.bundle_root() == REPO
    assert paths.bundled_exercises_dir() == REPO / "exercises"
    assert paths.resource("icons", "steady.svg") == REPO / "resources" / "icons" / "steady.svg"


def test_an_installed_wheel_uses_the_data_beside_the_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "site-packages" / "app" / paths.PACKAGED_DATA
    monkeypatch.setattr(paths, "_packaged_data", lambda: data)
    assert paths.bundle_kind() == "source"  # no exercises there (yet): still the checkout
    assert paths.bundle_root() == tmp_path / "site-packages"
    (data / "exercises").mkdir(parents=True)
    assert paths.bundle_kind() == "installed"
    assert paths.bundle_root() == data
    assert paths.resource("sounds") == data / "resources" / "sounds"


def test_a_pyinstaller_bundle_uses_its_own_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.bundle_kind() == "bundle"
    assert paths.bundled_exercises_dir() == tmp_path / "exercises"
