"""A click lands where it was aimed: focus given by the mouse never scrolls the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.shell.window import MainWindow
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore) -> Iterator[MainWindow]:
    win = MainWindow(library, store, Settings(first_run_done=True))
    qtbot.addWidget(win)
    win.resize(900, 520)  # the list of exercises scrolls
    show_active(qtbot, win)
    yield win


def test_a_click_on_a_tile_of_a_scrolled_list_opens_it(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    """Pressed through the window system, as a real click: the press gives the tile the
    focus, and the list must not jump to its top under the pointer before the release."""
    launcher = window.launcher
    tile = launcher.tile_for("box")
    assert tile is not None
    area = tile.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    assert area is not None
    bar = area.verticalScrollBar()
    assert bar.maximum() > 60
    bar.setValue(40)  # one turn of the wheel down
    top_half = tile.mapTo(window, QPoint(tile.width() // 2, tile.height() // 4))
    assert window.childAt(top_half) is not None
    handle = window.windowHandle()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     top_half)
    qtbot.waitUntil(tile.hasFocus)
    assert bar.value() == 40  # the page stayed where the person aimed
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       top_half)
    qtbot.waitUntil(lambda: window.current_page() is window.before)
    assert window.current_exercise_id() == "box"


def test_focus_by_keys_still_scrolls_into_view(qtbot: QtBot, window: MainWindow) -> None:
    """Tab into a tile out of sight: the page scrolls to show it (the keyboard's way)."""
    launcher = window.launcher
    tiles = launcher.visible_tiles()
    last = tiles[-1]
    area = last.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    assert area is not None
    bar = area.verticalScrollBar()
    bar.setValue(0)
    last.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: bar.value() > 0)
