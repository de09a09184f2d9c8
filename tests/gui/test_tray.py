"""The tray: its menu (built where no tray exists), what helped most, the commands,
closing to the tray, and bringing the window forward.

Offscreen there is no system tray, so the menu builder is tested directly, and
the tray object is created with ``available=True``. Qt's offscreen platform then
logs one warning about a tray signal it does not have; the tests that create a
tray ignore exactly that message (``OFFSCREEN_TRAY``).

``STEADY_UPDATE_SCREENSHOTS=1`` makes the screenshot test write
``docs/screenshots/tray-menu.png``; otherwise it renders into a temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from app import paths
from app.domain.loader import Library, load_library
from app.domain.session import HELPED_MIN_SESSIONS, ExerciseStats, SessionRecord
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore, memory_store
from app.ui.exercise.breathing import BreathingPage
from app.ui.shell.application import answer_request
from app.ui.shell.tray import (
    SteadyTray,
    TrayEntries,
    bring_forward,
    build_tray_menu,
    helped_most,
    tray_entries,
)
from app.ui.shell.window import MainWindow
from app.ui.style import theme

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
OFFSCREEN_TRAY = pytest.mark.qt_log_ignore(r"No such signal .*systemTrayWindowChanged")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(paths.bundled_exercises_dir())


@pytest.fixture
def store() -> Iterator[SqliteSessionStore]:
    with memory_store() as s:
        yield s


@pytest.fixture
def window(qtbot, library: Library, store: SqliteSessionStore) -> MainWindow:
    win = MainWindow(library, store, Settings(lead_in=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _commands(menu: QMenu) -> list[str]:
    return [str(a.data()) for a in menu.actions() if a.data()]


def _texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.text()]


def _row(key: str, rated: int, change: float | None) -> ExerciseStats:
    return ExerciseStats(key=key, title=key, sessions=rated, rated=rated, mean_before=6.0,
                         mean_after=None if change is None else 6.0 + change,
                         mean_change=change, noticeable_share=None)


def _rate(store: SqliteSessionStore, exercise_id: str, title: str, before: int, after: int,
          times: int) -> None:
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for i in range(times):
        at = start + timedelta(hours=len(store.sessions()) + i)
        store.save(SessionRecord(exercise_id=exercise_id, exercise_title=title, started_at=at,
                                 ended_at=at + timedelta(minutes=5), status="completed",
                                 before=before, after=after))


# --------------------------------------------------------------------------- the menu


def test_the_menu_offers_the_default_the_helpful_and_the_way_out(qapp) -> None:
    entries = TrayEntries(default=("extended-exhale", "Extended exhale"),
                          helped=(("box", "Box breathing"), ("five-senses", "5-4-3-2-1")))
    menu = build_tray_menu(entries)
    assert _commands(menu) == ["start:extended-exhale", "start:box", "start:five-senses",
                               "show", "history", "help", "quit"]
    texts = _texts(menu)
    assert texts[0] == "Start now: Extended exhale"
    assert "What has helped you" in texts
    assert texts[-4:] == ["Open Steady", "History", "Get help now", "Quit Steady"]
    assert all(a.toolTip() for a in menu.actions() if a.data())
    menu.deleteLater()


def test_a_new_log_shows_no_helpful_section_and_rebuilding_replaces(qapp) -> None:
    menu = build_tray_menu(TrayEntries(default=("box", "Box breathing"),
                                       helped=(("calm", "Calm"),)))
    build_tray_menu(TrayEntries(default=("box", "Box breathing")), menu)
    assert _commands(menu) == ["start:box", "show", "history", "help", "quit"]
    assert "What has helped you" not in _texts(menu)
    build_tray_menu(TrayEntries(), menu)
    assert _commands(menu) == ["show", "history", "help", "quit"]
    menu.deleteLater()


def test_helped_most_picks_real_drops_with_enough_ratings(library: Library) -> None:
    stats = [
        _row("box", HELPED_MIN_SESSIONS + 2, -1.0),
        _row("five-senses", HELPED_MIN_SESSIONS + 1, -2.5),
        _row("orienting", HELPED_MIN_SESSIONS - 1, -4.0),   # too few rated sessions
        _row("texture", 9, 0.5),                          # went up: not "helped"
        _row("gone-away", 9, -3.0),                       # no longer in the library
        _row("cold-temperature", 9, -3.5),                # hidden by a health setting
        _row("extended-exhale", 9, -3.2),                 # the default: already at the top
        _row("categories", HELPED_MIN_SESSIONS, -1.0),
        _row("sound-focus", HELPED_MIN_SESSIONS, None),
    ]
    chosen = helped_most(stats, library, hidden_tags=frozenset({"cold"}),
                         exclude="extended-exhale")
    assert [ex_id for ex_id, _title in chosen] == ["five-senses", "box", "categories"]
    assert chosen[0][1] == library.get("five-senses").title
    assert helped_most(stats, library, limit=1, exclude="extended-exhale")[0][0] \
        == "cold-temperature"


def test_entries_from_the_log_and_the_settings(library: Library,
                                               store: SqliteSessionStore) -> None:
    assert tray_entries(library, Settings(), store) == TrayEntries(
        default=("extended-exhale", library.get("extended-exhale").title))
    _rate(store, "box", "Box breathing", 7, 4, times=HELPED_MIN_SESSIONS)
    _rate(store, "five-senses", "5-4-3-2-1", 6, 5, times=HELPED_MIN_SESSIONS)
    _rate(store, "orienting", "Orienting", 6, 2, times=HELPED_MIN_SESSIONS - 1)
    entries = tray_entries(library, Settings(default_exercise="box"), store)
    assert entries.default == ("box", library.get("box").title)
    assert [ex_id for ex_id, _ in entries.helped] == ["five-senses"]
    # Box holds the breath: a heart condition hides it, from the top of the menu too.
    hidden = tray_entries(library, Settings(default_exercise="box",
                                            health=frozenset({"heart"})), store)
    assert hidden.default is not None and hidden.default[0] != "box"
    assert "box" not in [ex_id for ex_id, _ in hidden.helped]


def test_a_failing_log_leaves_the_menu_without_the_helpful(library: Library) -> None:
    class Broken:
        def stats(self, *_args: object) -> list[ExerciseStats]:
            raise OSError("disk gone")

    entries = tray_entries(library, Settings(), Broken())  # type: ignore[arg-type]
    assert entries.helped == () and entries.default is not None


def test_screenshot_of_the_tray_menu(qapp, tmp_path: Path) -> None:
    theme.apply(qapp, "light", 1.0)
    entries = TrayEntries(default=("extended-exhale", "Extended exhale"),
                          helped=(("box", "Box breathing"), ("five-senses", "5-4-3-2-1"),
                                  ("orienting", "Orienting to the room")))
    menu = build_tray_menu(entries)
    menu.adjustSize()
    image = menu.grab()
    assert image.width() > 150 and image.height() > 150
    out = REPO / "docs" / "screenshots" if os.environ.get("STEADY_UPDATE_SCREENSHOTS") \
        else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    assert image.save(str(out / "tray-menu.png"))
    menu.deleteLater()


# --------------------------------------------------------------------------- the tray


def test_no_tray_no_tray_object(window: MainWindow) -> None:
    assert SteadyTray.create(window, available=False) is None


@OFFSCREEN_TRAY
def test_menu_commands_reach_the_window(qtbot, window: MainWindow) -> None:
    tray = SteadyTray.create(window, available=True)
    assert tray is not None and tray.icon.isVisible()
    assert not tray.icon.icon().isNull()
    window.showMinimized()

    with qtbot.waitSignal(tray.commandRun, timeout=1000):
        tray.action("start:extended-exhale").trigger()
    assert window.current_page() is window.before
    assert not window.isMinimized() and window.isVisible()

    with qtbot.waitSignal(window.historyRequested, timeout=1000):
        tray.run("history")
    with qtbot.waitSignal(window.helpShown, timeout=1000):
        tray.run("help")
    window.help_dialog.close()
    with qtbot.waitSignal(tray.commandRun, timeout=1000) as blocker:
        tray.run("show")
    assert blocker.args == ["show"]
    tray.icon.hide()


@OFFSCREEN_TRAY
def test_the_menu_follows_the_log(qtbot, window: MainWindow,
                                  store: SqliteSessionStore) -> None:
    tray = SteadyTray.create(window, available=True)
    assert "start:box" not in _commands(tray.menu)
    _rate(store, "box", "Box breathing", 8, 5, times=HELPED_MIN_SESSIONS)
    tray.menu.aboutToShow.emit()  # the menu is read afresh each time it opens
    assert "start:box" in _commands(tray.menu)
    tray.icon.hide()


@OFFSCREEN_TRAY
def test_closing_quits_unless_kept_in_the_tray(qtbot, window: MainWindow) -> None:
    tray = SteadyTray.create(window, available=True)
    assert not tray.keeps_window()
    assert window.close()  # the default: closing is closing (and the app then quits)
    assert not window.isVisible()

    window.show()
    qtbot.waitExposed(window)
    window.settings = Settings(keep_in_tray=True)
    assert tray.keeps_window()
    assert window.start_exercise("box")
    window.steps.on_before_confirmed(5, False, None, None)
    page = window.exercise_page
    assert isinstance(page, BreathingPage)
    assert window.close() is False  # hidden instead
    assert not window.isVisible()
    assert page.is_paused() and window.exercise_page is page  # waiting, not ended

    tray.run("show")
    assert window.isVisible()
    page.stop()
    tray.icon.hide()


@OFFSCREEN_TRAY
def test_quit_from_the_tray_quits_even_when_kept(qtbot, window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window.settings = Settings(keep_in_tray=True)
    tray = SteadyTray.create(window, available=True)
    tray.run("quit")
    assert quits == [True]
    assert not tray.keeps_window() and not tray.icon.isVisible()
    assert window.close()  # what quitting does to the window: it really closes


def test_no_tray_keeps_nothing_even_when_asked(qtbot, window: MainWindow) -> None:
    window.settings = Settings(keep_in_tray=True)
    assert SteadyTray.create(window, available=False) is None
    assert window.close()


# --------------------------------------------------------------------------- forward


def test_bring_forward_restores_a_minimised_window(qtbot, window: MainWindow) -> None:
    window.showMaximized()
    window.showMinimized()
    bring_forward(window)
    assert window.isVisible() and not window.isMinimized()
    assert window.windowState() & Qt.WindowState.WindowMaximized  # kept as it was


def test_a_forwarded_start_opens_the_exercise(window: MainWindow) -> None:
    window.hide()
    assert answer_request(window, {"cmd": "start", "id": "box"}) == {
        "ok": True, "started": True, "waiting": False}
    assert window.isVisible() and window.current_page() is window.before
    assert answer_request(window, {"cmd": "start", "id": "nope"})["started"] is False
    assert answer_request(window, {"cmd": "show"}) == {"ok": True}
