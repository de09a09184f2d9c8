"""A copy of Steady that finds no exercise says so, and where it looked, instead of
showing an empty launcher (the window's side of ``steady list`` exiting 1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.loader import Library, display_path, load_library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.shell.window import MainWindow
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


def test_no_exercise_found_is_said_with_the_folders(qtbot: QtBot, tmp_path: Path,
                                                    store: SqliteSessionStore) -> None:
    data = tmp_path / "data"
    data.mkdir()
    own = paths.user_exercises_dir(data)
    found: list[Library] = [Library()]
    window = MainWindow(Library(), store, Settings(first_run_done=True), data_dir=data)
    window.library_service._load = lambda: found[0]  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.resize(900, 720)
    show_active(qtbot, window)
    launcher = window.launcher
    qtbot.waitUntil(launcher.nothing_found.isVisible)
    text = launcher.nothing_found.text()
    assert text.startswith("Steady found no exercises. It looked in:")
    assert f"{display_path(paths.bundled_exercises_dir())} (Steady's own exercises)" in text
    assert f"{display_path(own)} (your own exercises; this folder does not exist)" in text
    assert not launcher.start_now.isVisible() and not launcher.filter.isVisible()
    assert window.help_button.isVisible(), "Get help now still there"

    found[0] = load_library(paths.bundled_exercises_dir())
    window.library_service.reload()
    qtbot.waitUntil(lambda: not launcher.nothing_found.isVisible())
    assert launcher.start_now.isVisible() and launcher.tiles
