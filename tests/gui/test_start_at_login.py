"""Starting Steady at login, waiting in the tray: Settings' Starting section and the welcome.

Real widgets and a real file, in a home folder of the test's own (an
:class:`~app.services.autostart.Autostart` given a temporary home and
``XDG_CONFIG_HOME``, as the window is given one by the bootstrap).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import build_window
from app.domain.loader import Library
from app.domain.settings import Settings
from app.services.autostart import MARK, Autostart
from app.storage.sessions import SqliteSessionStore
from app.ui.distress.welcome import WelcomePage
from app.ui.settings.page import SettingsPage
from app.ui.shell.application import open_first_page
from app.ui.shell.window import MainWindow
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]

FOREIGN = b"[Desktop Entry]\nType=Application\nName=Mine\nExec=steady --my-own-way\n"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def autostart(home: Path) -> Autostart:
    return Autostart("linux", home, {"XDG_CONFIG_HOME": str(home / "config")},
                     ("steady", "--tray"))


def make_page(qtbot: QtBot, library: Library, autostart: Autostart | None) -> SettingsPage:
    page = SettingsPage(Settings(), library, tray_available=True, autostart=autostart)
    qtbot.addWidget(page)
    page.resize(900, 720)
    show_active(qtbot, page)
    return page


def press_space(qtbot: QtBot, page: SettingsPage) -> None:
    """Tick or untick "Start Steady when I log in" by keys, as a person would."""
    page.show_section("start")
    page.start_at_login.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.start_at_login.hasFocus)
    qtbot.keyClick(page.start_at_login, Qt.Key.Key_Space)


def save(qtbot: QtBot, page: SettingsPage) -> None:
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def test_it_is_off_at_first_and_on_writes_steadys_file(qtbot: QtBot, library: Library,
                                                       autostart: Autostart) -> None:
    page = make_page(qtbot, library, autostart)
    assert page.start_at_login.isVisible() and not page.start_at_login.isChecked()
    assert page.start_at_login.text() == "Start Steady when I log in, waiting in the tray"
    assert not autostart.path.exists()

    press_space(qtbot, page)
    assert page.start_at_login.isChecked() and not autostart.path.exists()  # not before Save
    assert page.is_dirty() and "Not saved yet" in page.status.text()
    save(qtbot, page)

    text = autostart.path.read_text(encoding="utf-8")
    assert "Exec=steady --tray\n" in text and f"{MARK}=true" in text
    assert autostart.state() == "on"
    assert page.start_at_login.isChecked() and not page.is_dirty()
    assert page.status.text() == "Saved on this computer."
    again = make_page(qtbot, library, autostart)  # shown afresh: what the file says
    assert again.start_at_login.isChecked()


def test_off_removes_exactly_steadys_file(qtbot: QtBot, library: Library,
                                          autostart: Autostart) -> None:
    autostart.turn_on()
    beside = autostart.path.parent / "someone-else.desktop"
    beside.write_bytes(FOREIGN)
    page = make_page(qtbot, library, autostart)
    assert page.start_at_login.isChecked()

    press_space(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # Back keeps (applies) what was changed

    assert not autostart.path.exists()
    assert beside.read_bytes() == FOREIGN
    assert not page.start_at_login.isChecked()


def test_a_file_someone_else_wrote_is_left_alone_and_said_so(
        qtbot: QtBot, library: Library, autostart: Autostart) -> None:
    autostart.path.parent.mkdir(parents=True)
    autostart.path.write_bytes(FOREIGN)
    page = make_page(qtbot, library, autostart)
    assert not page.start_at_login.isChecked()
    assert page.login_note.isVisible()
    assert "did not write" in page.login_note.text()
    assert "~/config/autostart/steady.desktop" in page.login_note.text()  # in their home

    press_space(qtbot, page)
    save(qtbot, page)

    assert autostart.path.read_bytes() == FOREIGN
    said = page.status.text()
    assert "did not write" in said and "left as it is" in said, said
    assert not page.start_at_login.isChecked()  # shows what is so: not Steady's own
    assert not page.is_dirty()

    press_space(qtbot, page)  # ticked again, then unticked: nothing to do, nothing removed
    press_space(qtbot, page)
    save(qtbot, page)
    assert autostart.path.read_bytes() == FOREIGN


def test_a_file_that_cannot_be_written_is_said_plainly(qtbot: QtBot, library: Library,
                                                       autostart: Autostart) -> None:
    autostart.path.parent.parent.mkdir(parents=True)
    autostart.path.parent.write_text("a file where the autostart folder would be")
    page = make_page(qtbot, library, autostart)
    press_space(qtbot, page)
    save(qtbot, page)
    said = page.status.text()
    assert said.startswith("Starting at login could not be changed: could not write "), said
    assert str(autostart.path) in said
    assert not page.start_at_login.isChecked()
    assert page.save_problem == said  # told again in the window's notice on Back


def test_not_offered_without_a_place_for_it(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library, None)
    assert not page.start_at_login.isVisible()
    assert not page.is_dirty()


# --------------------------------------------------------------------------- the welcome


def first_run(qtbot: QtBot, library: Library, store: SqliteSessionStore,
              autostart: Autostart | None) -> tuple[MainWindow, WelcomePage]:
    window = MainWindow(library, store, Settings())
    if autostart is not None:
        window.login_start = lambda: autostart
    qtbot.addWidget(window)
    show_active(qtbot, window)
    open_first_page(window)
    page = window.current_page()
    assert isinstance(page, WelcomePage)
    return window, page


def test_the_welcome_offers_it_once_never_ticked(qtbot: QtBot, library: Library,
                                                 store: SqliteSessionStore,
                                                 autostart: Autostart) -> None:
    window, page = first_run(qtbot, library, store, autostart)
    assert page.start_at_login.isVisible() and not page.start_at_login.isChecked()
    assert "Settings" in page.login_about.text()
    qtbot.keyClick(page.skip_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    assert not autostart.path.exists()  # left unticked: nothing written


def test_ticked_on_the_welcome_it_writes_the_file(qtbot: QtBot, library: Library,
                                                  store: SqliteSessionStore,
                                                  autostart: Autostart) -> None:
    window, page = first_run(qtbot, library, store, autostart)
    page.start_at_login.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.start_at_login.hasFocus)
    qtbot.keyClick(page.start_at_login, Qt.Key.Key_Space)
    assert page.start_at_login.isChecked()
    qtbot.keyClick(page, Qt.Key.Key_Return)  # Enter goes on to the exercises
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    assert autostart.state() == "on"
    assert "Exec=steady --tray\n" in autostart.path.read_text(encoding="utf-8")


def test_the_welcome_does_not_offer_what_is_already_there(
        qtbot: QtBot, library: Library, store: SqliteSessionStore,
        autostart: Autostart) -> None:
    autostart.path.parent.mkdir(parents=True)
    autostart.path.write_bytes(FOREIGN)
    _window, page = first_run(qtbot, library, store, autostart)
    assert not page.start_at_login.isVisible()
    _window, page = first_run(qtbot, library, store, None)
    assert not page.start_at_login.isVisible()


def test_the_window_is_given_this_homes_file(qtbot: QtBot, tmp_path: Path, home: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The bootstrap gives the window the file of this user's home and data folder."""
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    data = tmp_path / "data"
    data.mkdir()
    window = build_window(data)
    qtbot.addWidget(window)
    assert window.login_start is not None
    made = window.login_start()
    assert made.path == home / "config" / "autostart" / "steady.desktop"
    assert made.command[-3:] == ("--tray", "--data-dir", str(data))
