"""Smaller things seen on the way: news shown where the person is looking, a tick
taken back, the two ways to change one of Steady's exercises told apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.exercise import Exercise, Step
from app.domain.loader import Library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.exercise.steps import StepsPage
from app.ui.shell.window import MainWindow
from tests.gui.conftest import FakeClock, show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore,
           tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(library, store, Settings(first_run_done=True), data_dir=tmp_path / "d")
    qtbot.addWidget(win)
    show_active(qtbot, win)
    yield win


def test_a_tick_can_be_taken_back(qtbot: QtBot) -> None:
    exercise = Exercise(id="look", title="Look around", kind="grounding",
                        steps=(Step("Name three things you see.", count=3),))
    page = StepsPage(exercise, clock=FakeClock())
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.start()
    assert page.untick_button.isHidden()  # nothing to take back yet
    page.tick()
    page.tick()
    assert page.ticked() == 2 and page.untick_button.isVisibleTo(page)
    qtbot.keyClick(page, Qt.Key.Key_Backspace)
    assert page.ticked() == 1
    page.untick_button.click()
    assert page.ticked() == 0 and page.untick_button.isHidden()
    page.untick()  # nothing left to take back: nothing happens
    assert page.ticked() == 0


def test_after_the_editor_saved_shows_at_the_top_of_the_window(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    own = window.own_exercises
    assert own is not None
    box = window.library.get("box")
    assert box is not None
    own.on_editor_saved(box)  # what the editor's Save leads to
    assert window.status_line.isVisible()
    assert window.status_line.text() == "Saved “Box breathing”."
    assert own.actions.status.isHidden()
    window.show_settings()  # the next page: the news is gone
    assert window.status_line.isHidden()


def test_news_from_the_own_exercise_buttons_shows_under_them(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.editor import own_exercises

    own = window.own_exercises
    assert own is not None
    monkeypatch.setattr(own_exercises, "open_url", lambda url: False)
    own.actions.folder_button.click()  # no file manager here: said under the button
    assert own.actions.status.isVisible() and window.status_line.isHidden()


def test_edit_a_copy_and_duplicate_say_how_they_differ(window: MainWindow) -> None:
    own = window.own_exercises
    assert own is not None
    tile = window.launcher.tile_for("box")
    assert tile is not None
    menu = own.actions.menu_for(tile)
    actions = {action.objectName(): action for action in menu.actions()}
    assert "in its place" in actions["edit"].text()
    assert "new exercise" in actions["duplicate"].text()
    assert "takes the place" in actions["edit"].toolTip()
    assert "stays as it is" in actions["duplicate"].toolTip()
    assert menu.toolTipsVisible()
    menu.deleteLater()
    QApplication.processEvents()
