"""The page base (app.ui.widgets.page): Esc the same way on every page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.exercise.steps import StepsPage
from app.ui.history.page import HistoryPage
from app.ui.settings.page import SettingsPage
from app.ui.widgets.page import Page
from tests.gui.conftest import press, show_active

pytestmark = pytest.mark.gui


class KeepsEsc(QLineEdit):
    """A control that uses Esc itself (as an open list or a calendar does)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


class Plain(Page):
    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("Something")
        self.keeps_esc = KeepsEsc()
        layout = QVBoxLayout(self)
        layout.addWidget(self.button)
        layout.addWidget(self.keeps_esc)


class Stops(Plain):
    ESC_ANYWHERE = True

    def __init__(self) -> None:
        super().__init__()
        self.stops = 0

    def on_escape(self) -> None:
        self.stops += 1


def in_window(qtbot: QtBot, page: Page) -> tuple[QWidget, QPushButton]:
    """``page`` in a window with a button of the window's own beside it."""
    window = QWidget()
    outside = QPushButton("Get help now")
    layout = QVBoxLayout(window)
    layout.addWidget(outside)
    layout.addWidget(page)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window, outside


def test_esc_leaves_a_page_by_default(qtbot: QtBot) -> None:
    page = Plain()
    _window, _outside = in_window(qtbot, page)  # held: the window owns the page
    page.button.setFocus()
    qtbot.waitUntil(page.button.hasFocus)
    with qtbot.waitSignal(page.closed):
        press(qtbot, Qt.Key.Key_Escape)


def test_a_control_that_uses_esc_keeps_it(qtbot: QtBot) -> None:
    page = Plain()
    _window, _outside = in_window(qtbot, page)  # held: the window owns the page
    page.keeps_esc.setFocus()
    qtbot.waitUntil(page.keeps_esc.hasFocus)
    with qtbot.assertNotEmitted(page.closed):
        press(qtbot, Qt.Key.Key_Escape)


def test_a_page_says_what_esc_means_and_it_works_from_anywhere(qtbot: QtBot) -> None:
    page = Stops()
    _window, outside = in_window(qtbot, page)
    outside.setFocus()  # the focus outside the page, on the window's own button
    qtbot.waitUntil(outside.hasFocus)
    with qtbot.assertNotEmitted(page.closed):
        press(qtbot, Qt.Key.Key_Escape)
    assert page.stops == 1
    page.keeps_esc.setFocus()
    qtbot.waitUntil(page.keeps_esc.hasFocus)
    press(qtbot, Qt.Key.Key_Escape)  # caught before any control: stopping comes first
    assert page.stops == 2


def test_a_held_esc_counts_once(qtbot: QtBot) -> None:
    page = Stops()
    _window, _outside = in_window(qtbot, page)  # held: the window owns the page
    page.button.setFocus()
    qtbot.waitUntil(page.button.hasFocus)
    press(qtbot, Qt.Key.Key_Escape)
    for _ in range(5):  # the key stays down: the system repeats it
        held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                         Qt.KeyboardModifier.NoModifier, "\x1b", True)
        QApplication.sendEvent(page.button, held)
    assert page.stops == 1


def test_the_pages_moved_so_far_stand_on_it() -> None:
    for page in (HistoryPage, SettingsPage, StepsPage):
        assert issubclass(page, Page), page.__name__
    assert StepsPage.ESC_ANYWHERE and not HistoryPage.ESC_ANYWHERE
