"""Pages open where a person expects, in a small window with large text: at the top,
or with what has the focus and its heading both in view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore,
           tmp_path: Path) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 2.0)
    win = MainWindow(library, store, Settings(first_run_done=True), data_dir=tmp_path / "d")
    qtbot.addWidget(win)
    win.resize(640, 480)
    show_active(qtbot, win)
    yield win
    theme.apply(app, "light", 1.0)


def in_view(widget: QWidget, area: QScrollArea) -> bool:
    """Whether ``widget`` is whole inside the visible part of ``area``."""
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= area.viewport().height()


def area_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert isinstance(parent, QScrollArea)
    return parent


def test_settings_open_at_the_top(qtbot: QtBot, window: MainWindow) -> None:
    window.show_settings()
    page = window.settings_page
    assert page is not None
    QApplication.processEvents()
    assert page.scroll_area.verticalScrollBar().value() == 0


@pytest.mark.parametrize(("size", "scale"), [((640, 480), 1.0), ((900, 720), 2.0)])
def test_add_contacts_lands_on_the_contacts_with_their_heading(
        qtbot: QtBot, window: MainWindow, size: tuple[int, int], scale: float) -> None:
    """Where heading, words and button fit in the window together. (At 640x480 with
    text at 200% they cannot: the button is shown whole, with what fits above it.)"""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", scale)
    window.resize(*size)
    window.show_welcome()
    assert window.welcome_page is not None
    window.welcome_page.add_button.click()
    page = window.settings_page
    assert page is not None and window.current_page() is page
    QApplication.processEvents()
    focus = page.focusWidget()
    assert focus is page.add_contact  # no contacts yet: adding one is first
    assert in_view(page.headings["contacts"], page.scroll_area)
    assert in_view(focus, page.scroll_area)


def test_the_launcher_opens_with_its_first_line_whole(window: MainWindow) -> None:
    launcher = window.launcher
    QApplication.processEvents()
    assert in_view(launcher.greeting, area_of(launcher.greeting))
    assert in_view(launcher.start_now, area_of(launcher.start_now))


def test_an_editor_problem_shows_its_field_and_its_note(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    own = window.own_exercises
    assert own is not None
    editor = own.new_exercise()
    assert editor is not None
    editor.fields.title_edit.setText("")  # a title is needed
    assert not editor.save()
    QApplication.processEvents()
    area = editor.scroll_area
    assert editor.focusWidget() is editor.fields.title_edit
    assert in_view(editor.fields.title_edit, area)
    assert in_view(editor.field_errors["title"], area)
