"""Practice reminders in a real window, on a fake wall clock: one notification, once, that
starts the exercise; nothing during a session; the window's own line without a tray."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import paths
from app.bootstrap import build_window
from app.domain.loader import load_library
from app.domain.reminders import Reminders, next_reminder
from app.domain.session import utc_now
from app.domain.settings import Settings
from app.services import handover
from app.services.local_time import local_zone
from app.services.single_instance import SingleInstance
from app.storage.sessions import SqliteSessionStore
from app.ui.shell import application
from app.ui.shell.reminders import PracticeReminders
from app.ui.shell.tray import SteadyTray
from app.ui.shell.window import MainWindow

pytestmark = pytest.mark.gui
#: Offscreen, Qt's tray icon looks for a signal the platform lacks, and says so.
OFFSCREEN_TRAY = pytest.mark.qt_log_ignore(r"No such signal .*systemTrayWindowChanged")

BERLIN = ZoneInfo("Europe/Berlin")
AT_NINE = Reminders(enabled=True, times=(time(9, 0),), exercise="box")


class WallClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def berlin(day: int, hour: int, minute: int = 0, second: int = 0, ms: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, ms * 1000, tzinfo=BERLIN)


@pytest.fixture
def wall() -> WallClock:
    return WallClock(berlin(2, 8, 59, 59, 950))  # 50 ms before nine


def make_window(qtbot: QtBot, store: SqliteSessionStore, settings: Settings) -> MainWindow:
    win = MainWindow(load_library(paths.bundled_exercises_dir()), store, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def reminders_for(window: MainWindow, wall: WallClock) -> PracticeReminders:
    return PracticeReminders(window, wall_clock=wall, zone=lambda: BERLIN, watch=None)


class Messages:
    """Stands in for the system's notifications: records each one shown."""

    def __init__(self, tray: SteadyTray) -> None:
        self.shown: list[tuple[str, str]] = []
        tray.icon.showMessage = self.show  # type: ignore[method-assign]

    def show(self, title: str, text: str, *_args: object) -> None:
        self.shown.append((title, text))


@OFFSCREEN_TRAY
def test_a_reminder_fires_once_and_clicking_it_starts_the_exercise(
        qtbot: QtBot, store: SqliteSessionStore, wall: WallClock) -> None:
    window = make_window(qtbot, store, Settings(reminders=AT_NINE))
    tray = SteadyTray.create(window, available=True)
    assert tray is not None
    messages = Messages(tray)
    reminders = reminders_for(window, wall)
    reminders.set_tray(tray)
    timer = reminders.clock.timer()
    assert timer is not None and timer.interval() == 50
    wall.now = berlin(2, 9)  # nine o'clock when the timer fires
    with qtbot.waitSignal(reminders.shown, timeout=5000) as offered:
        pass
    assert offered.args == ["tray"]
    assert messages.shown == [(
        "A minute to practise while calm?",
        "Click here to start Box breathing. Not now? Let this pass; nothing else will ask.")]
    # once: the timer now waits for tomorrow, and looking again shows nothing more
    assert timer.isActive() and timer.interval() == 24 * 60 * 60 * 1000
    reminders.clock.recompute()
    assert len(messages.shown) == 1
    # clicking the message is "Start": the first rating of the exercise, in front
    window.go_home()
    tray.icon.messageClicked.emit()
    assert window.current_page() is window.before
    assert window.current_exercise_id() == "box"
    assert window.isVisible()
    tray.icon.hide()


@OFFSCREEN_TRAY
def test_nothing_while_a_session_is_under_way(qtbot: QtBot, store: SqliteSessionStore,
                                              wall: WallClock) -> None:
    window = make_window(qtbot, store, Settings(reminders=AT_NINE))
    tray = SteadyTray.create(window, available=True)
    assert tray is not None
    messages = Messages(tray)
    reminders = reminders_for(window, wall)
    reminders.set_tray(tray)
    assert window.start_exercise("five-senses")
    window.before.confirmed.emit(5, False, None, None)  # the exercise runs
    wall.now = berlin(2, 9)
    reminders.clock.on_timeout()
    assert messages.shown == [] and reminders.pending == ""
    assert reminders.banner is None
    # nothing kept for later: after the session, a click on an old message starts nothing
    window.go_home()
    tray.icon.messageClicked.emit()
    assert window.current_page() is window.launcher
    tray.icon.hide()


def test_without_a_tray_the_window_offers_start_and_not_now(
        qtbot: QtBot, store: SqliteSessionStore, wall: WallClock) -> None:
    window = make_window(qtbot, store, Settings(reminders=AT_NINE))
    reminders = reminders_for(window, wall)  # no tray
    wall.now = berlin(2, 9)
    with qtbot.waitSignal(reminders.shown, timeout=5000) as offered:
        pass
    assert offered.args == ["window"]
    banner = reminders.banner
    assert banner is not None and banner.isVisible()
    assert banner.text.text() == "A minute to practise while calm?"
    assert banner.start_button.text() == "Start: Box breathing"
    banner.not_now_button.click()
    assert not banner.isVisible() and window.current_page() is window.launcher
    # the next day's: Start opens the exercise
    wall.now = berlin(3, 9)
    reminders.clock.on_timeout()
    assert banner.isVisible()
    banner.start_button.click()
    assert not banner.isVisible()
    assert window.current_page() is window.before and window.current_exercise_id() == "box"


def test_reminders_follow_the_settings_and_none_set_means_no_timer(
        qtbot: QtBot, store: SqliteSessionStore, wall: WallClock) -> None:
    window = make_window(qtbot, store, Settings())
    reminders = reminders_for(window, wall)
    assert reminders.clock.timer() is None  # off until chosen
    window.apply_settings(Settings(reminders=AT_NINE))
    timer = reminders.clock.timer()
    assert timer is not None and timer.isActive()
    window.apply_settings(Settings(reminders=AT_NINE, sound=True))  # something else changed
    assert reminders.clock.timer() is timer and timer.interval() == 50
    window.apply_settings(Settings())
    assert reminders.clock.timer() is None


@pytest.mark.parametrize(("chosen", "default", "health", "expected"), [
    ("box", "extended-exhale", frozenset(), "box"),
    ("", "box", frozenset(), "box"),
    ("no-such-exercise", "orienting", frozenset(), "orienting"),
    ("box", "extended-exhale", frozenset({"heart"}), "extended-exhale"),  # box holds breath
])
def test_the_exercise_offered(qtbot: QtBot, store: SqliteSessionStore, wall: WallClock,
                              chosen: str, default: str, health: frozenset[str],
                              expected: str) -> None:
    window = make_window(qtbot, store, Settings(default_exercise=default, health=health))
    found = reminders_for(window, wall).exercise_for(chosen)
    assert found is not None and found[0] == expected


@OFFSCREEN_TRAY
def test_the_tray_start_offers_reminders_through_the_tray(
        qtbot: QtBot, qapp: QApplication, tmp_path: Path, wall: WallClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``steady --tray`` (the start at login) gives the window its reminders, through the
    tray, as the settings say; the one a fake clock brings is shown there."""
    made: list[PracticeReminders] = []
    real = application.start_reminders

    def on_a_fake_clock(window: MainWindow, tray: SteadyTray | None) -> PracticeReminders:
        made.append(real(window, tray, wall_clock=wall, zone=lambda: BERLIN, watch=None))
        return made[-1]

    monkeypatch.setattr(application, "start_reminders", on_a_fake_clock)
    monkeypatch.setattr(application, "quit_on_signals", lambda *_args: None)
    data = tmp_path / "data"
    data.mkdir()
    window = build_window(data, Settings(first_run_done=True, reminders=AT_NINE))
    qtbot.addWidget(window)
    instance = SingleInstance(handover.server_address(data))
    try:
        application.wait_in_tray(qapp, window, instance, tray_available=True)
        [reminders] = made
        assert window.practice is reminders and reminders.tray is window.tray
        assert reminders.tray is not None
        messages = Messages(reminders.tray)
        wall.now = berlin(2, 9)
        with qtbot.waitSignal(reminders.shown, timeout=5000) as offered:
            pass
        assert offered.args == ["tray"] and len(messages.shown) == 1
    finally:
        if window.tray is not None:
            window.tray.icon.hide()  # type: ignore[attr-defined]
        instance.close()


def test_the_window_start_makes_reminders_that_follow_settings(
        qtbot: QtBot, qapp: QApplication, store: SqliteSessionStore) -> None:
    """After the first frame the window has its reminders: none set, no timer; chosen
    in Settings, one timer to the next; turned off again, none."""
    window = make_window(qtbot, store, Settings())
    application.finish_desktop(qapp, window)
    reminders = window.practice
    assert isinstance(reminders, PracticeReminders)
    if window.tray is not None:
        window.tray.icon.hide()  # type: ignore[attr-defined]
    assert reminders.clock.timer() is None, "off until chosen: nothing wakes Steady"
    window.apply_settings(Settings(reminders=AT_NINE))
    timer = reminders.clock.timer()
    assert timer is not None and timer.isActive()
    assert reminders.clock.next_at() == next_reminder(AT_NINE, utc_now(), local_zone())
    window.apply_settings(Settings())
    assert reminders.clock.timer() is None
