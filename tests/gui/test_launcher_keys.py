"""The launcher by keyboard: arrows move through the tiles as they sit on screen,
History and Settings have keys, and home again the search is empty."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.distress.launcher import HISTORY_KEYS, SETTINGS_KEYS, ExerciseTile
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 1.0)
    win = MainWindow(library, store, Settings(first_run_done=True))
    qtbot.addWidget(win)
    win.resize(900, 720)
    show_active(qtbot, win)
    yield win


def tile(window: MainWindow, exercise_id: str) -> ExerciseTile:
    found = window.launcher.tile_for(exercise_id)
    assert found is not None
    return found


def press_on_focus(qtbot: QtBot, key: Qt.Key) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)


def test_arrows_move_by_where_the_tiles_sit(qtbot: QtBot, window: MainWindow) -> None:
    launcher = window.launcher
    first = launcher.visible_tiles()[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    right = first.mapToGlobal(first.rect().center())
    press_on_focus(qtbot, Qt.Key.Key_Right)
    beside = QApplication.focusWidget()
    assert isinstance(beside, ExerciseTile) and beside is not first
    assert abs(beside.mapToGlobal(beside.rect().center()).y() - right.y()) < 5  # same row
    press_on_focus(qtbot, Qt.Key.Key_Down)
    below = QApplication.focusWidget()
    assert isinstance(below, ExerciseTile)
    assert below.mapToGlobal(below.rect().topLeft()).y() > beside.mapToGlobal(
        beside.rect().bottomLeft()).y()  # the next row
    assert abs(below.mapToGlobal(below.rect().center()).x()
               - beside.mapToGlobal(beside.rect().center()).x()) < 5  # the same column
    press_on_focus(qtbot, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is beside
    press_on_focus(qtbot, Qt.Key.Key_Left)
    assert QApplication.focusWidget() is first


def test_history_and_settings_have_keys_shown_in_their_tooltips(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    launcher = window.launcher
    assert HISTORY_KEYS in launcher.history_button.toolTip()
    assert SETTINGS_KEYS in launcher.settings_button.toolTip()
    launcher.start_now.setFocus()
    qtbot.keyClick(launcher.start_now, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.current_page() is window.history_page)
    window.go_home()
    qtbot.keyClick(window.launcher.start_now, Qt.Key.Key_Comma,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page() is window.settings_page)


def test_home_again_the_search_is_empty(qtbot: QtBot, window: MainWindow) -> None:
    launcher = window.launcher
    launcher.filter.setText("box")
    assert [t.exercise.id for t in launcher.visible_tiles()] == ["box"]
    window.start_exercise("box")
    window.before.cancelled.emit()  # Back from the first rating
    qtbot.waitUntil(lambda: window.current_page() is launcher)
    assert launcher.filter.text() == "" and len(launcher.visible_tiles()) > 1


def test_tiles_side_by_side_keep_their_titles_level(window: MainWindow) -> None:
    short, tall = tile(window, "box"), tile(window, "coherent")
    short.details.hide()  # like one's own exercise with no summary, beside one with
    QApplication.processEvents()
    assert short.heading.mapToGlobal(short.heading.rect().topLeft()).y() == \
        tall.heading.mapToGlobal(tall.heading.rect().topLeft()).y()
