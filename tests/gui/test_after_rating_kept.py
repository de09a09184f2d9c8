"""A rating once chosen is not thrown away by one key (the after page)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
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
    show_active(qtbot, win)
    assert win.start_exercise("five-senses")
    win.before.confirmed.emit(5, False, None, None)
    page = win.exercise_page
    assert page is not None
    page.stop()
    qtbot.waitUntil(lambda: win.current_page() is win.after)
    yield win


def tab_from(qtbot: QtBot, widget: object) -> object:
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_done_comes_before_skip_in_the_tab_order(qtbot: QtBot, window: MainWindow) -> None:
    after = window.after
    qtbot.keyClick(after.scale, Qt.Key.Key_4)  # Done can be used once a number is chosen
    after.tags.setFocus()
    qtbot.waitUntil(after.tags.hasFocus)
    assert tab_from(qtbot, after.tags) is after.go_button
    assert tab_from(qtbot, after.go_button) is after.skip_button


def test_enter_on_the_button_after_done_keeps_a_chosen_four(qtbot: QtBot, window: MainWindow,
                                                            store: SqliteSessionStore) -> None:
    after = window.after
    qtbot.keyClick(after.scale, Qt.Key.Key_4)
    after.skip_button.setFocus()
    qtbot.waitUntil(after.skip_button.hasFocus)
    assert after.skip_button.text() == "Clear rating"
    qtbot.keyClick(after.skip_button, Qt.Key.Key_Return)
    assert window.current_page() is after  # nothing left behind, nothing saved yet
    assert after.scale.value() is None  # cleared, on purpose, and in sight
    qtbot.keyClick(after.scale, Qt.Key.Key_4)
    qtbot.keyClick(after.scale, Qt.Key.Key_Return)
    [record] = store.sessions()
    assert record.after == 4


def test_skipped_the_summary_says_no_rating_was_kept(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.after.scale, Qt.Key.Key_S)
    assert window.current_page() is window.summary
    assert "No rating was kept" in window.summary.detail.text()


def test_a_note_longer_than_the_log_keeps_is_said_not_cut_silently(
        qtbot: QtBot, window: MainWindow, store: SqliteSessionStore) -> None:
    """Past 10,000 characters the page says only the first part is saved; the saved
    note is that part."""
    from app.domain.session import MAX_NOTE_CHARS

    after = window.after
    assert after.note_limit.isHidden()
    after.note.setPlainText("x" * MAX_NOTE_CHARS)
    assert after.note_limit.isHidden()  # exactly what the log keeps: nothing to say
    after.note.setPlainText("y" * (MAX_NOTE_CHARS + 50))
    assert after.note_limit.isVisible()
    assert QLocale().toString(MAX_NOTE_CHARS) in after.note_limit.text()
    after.note.setPlainText("short again")
    assert after.note_limit.isHidden()
    after.note.setPlainText("z" * (MAX_NOTE_CHARS + 1))
    qtbot.keyClick(after.scale, Qt.Key.Key_4)
    after.go_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.summary)
    [record] = store.sessions()
    assert record.note == "z" * MAX_NOTE_CHARS


def test_enter_in_tags_without_a_number_says_what_to_do(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    """Done is not there to press yet: Enter in the tags field says so, on the page and
    to a screen reader, and keeps what was typed."""
    after = window.after
    after.tags.setFocus()
    qtbot.keyClicks(after.tags, "work")
    qtbot.keyClick(after.tags, Qt.Key.Key_Return)
    assert window.current_page() is after
    assert after.hint.isVisible() and "Choose a number above" in after.hint.text()
    assert after.last_announcement == after.hint.text()
    assert after.tags.text() == "work"
