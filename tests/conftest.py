"""Shared test set-up. Qt runs offscreen; nothing touches the real data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# Never read or write the person's real data folder from a test.
os.environ.pop("STEADY_DATA_DIR", None)

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder, also exported as STEADY_DATA_DIR."""
    folder = tmp_path / "data"
    monkeypatch.setenv("STEADY_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def repo_root() -> Path:
    return REPO
