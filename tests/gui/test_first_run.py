"""First run: a short welcome, skippable by one key, never shown again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import build_window
from app.domain.loader import Library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.storage.settings import load_settings, save_settings
from app.ui.distress.welcome import WelcomePage
from app.ui.shell.application import open_first_page
from app.ui.shell.window import MainWindow
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


def new_window(qtbot: QtBot, library: Library, store: SqliteSessionStore, data_dir: Path,
               settings: Settings) -> MainWindow:
    window = MainWindow(library, store, settings)
    window.settings_writer = lambda new: save_settings(data_dir, new)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def welcome_of(window: MainWindow) -> WelcomePage:
    page = window.current_page()
    assert isinstance(page, WelcomePage)
    return page


def test_first_start_shows_the_welcome(qtbot: QtBot, library: Library,
                                       store: SqliteSessionStore, data_dir: Path) -> None:
    window = new_window(qtbot, library, store, data_dir, Settings())
    open_first_page(window)
    page = welcome_of(window)
    words = " ".join(label.text() for label in (page.what, page.not_care, page.private,
                                                   page.invite))
    for phrase in ("not a diagnosis", "not a replacement for care", "stays on this computer",
                   "no account", "sends nothing", "add a friend"):
        assert phrase in words, phrase
    assert page.skip_button.hasFocus()
    assert window.help_button.isVisible(), "Get help now stays one click away"


def test_escape_skips_and_it_is_never_shown_again(qtbot: QtBot, library: Library,
                                                  store: SqliteSessionStore, data_dir: Path
                                                  ) -> None:
    window = new_window(qtbot, library, store, data_dir, Settings())
    open_first_page(window)
    qtbot.keyClick(welcome_of(window).skip_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    assert window.welcome_page is None
    saved, notice = load_settings(data_dir)
    assert notice is None and saved.first_run_done
    again = new_window(qtbot, library, store, data_dir, saved)
    open_first_page(again)
    assert again.current_page() is again.launcher


def test_enter_goes_to_the_exercises(qtbot: QtBot, library: Library,
                                     store: SqliteSessionStore, data_dir: Path) -> None:
    window = new_window(qtbot, library, store, data_dir, Settings())
    open_first_page(window)
    qtbot.keyClick(welcome_of(window).skip_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    assert window.launcher.start_now.hasFocus(), "one more key starts an exercise"
    assert load_settings(data_dir)[0].first_run_done


def test_add_contacts_opens_settings_there_and_back_goes_home(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, data_dir: Path) -> None:
    window = new_window(qtbot, library, store, data_dir, Settings())
    open_first_page(window)
    page = welcome_of(window)
    page.add_button.setFocus()
    qtbot.keyClick(page.add_button, Qt.Key.Key_Return)
    settings_page = window.settings_page
    assert settings_page is not None
    qtbot.waitUntil(lambda: window.current_page() is settings_page)
    assert settings_page.add_contact.hasFocus()
    assert load_settings(data_dir)[0].first_run_done
    assert settings_page.current().first_run_done, "saving settings keeps it done"
    qtbot.keyClick(settings_page.add_contact, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)


def test_starting_an_exercise_directly_skips_the_welcome_this_time(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, data_dir: Path) -> None:
    window = new_window(qtbot, library, store, data_dir, Settings())
    open_first_page(window, "box")
    assert window.current_page() is window.before
    assert not load_settings(data_dir)[0].first_run_done, "the welcome waits for next time"


def test_help_works_on_the_welcome(qtbot: QtBot, library: Library, store: SqliteSessionStore,
                                   data_dir: Path) -> None:
    window = new_window(qtbot, library, store, data_dir, Settings())
    open_first_page(window)
    with qtbot.waitSignal(window.helpShown):
        qtbot.keyClick(welcome_of(window), Qt.Key.Key_F1)


def test_the_app_window_saves_settings_in_its_data_folder(
        qtbot: QtBot, data_dir: Path) -> None:
    window = build_window(data_dir, Settings())
    qtbot.addWidget(window)
    window.show()
    open_first_page(window)
    welcome_of(window).skip_button.click()
    assert (data_dir / "settings.json").exists()
    assert load_settings(data_dir)[0].first_run_done
