"""Practice while calm, counted on the summary and in History: this week's sessions
begun at 0 to 3, a plain count; nothing at all after a session begun stirred up or numb."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.loader import load_library
from app.domain.session import SessionRecord
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.history.page import HistoryPage
from app.ui.shell.window import MainWindow
from tests.gui.conftest import FakeClock, shown_history

pytestmark = pytest.mark.gui

NOW = datetime(2026, 3, 12, 12, tzinfo=UTC)  # a Thursday


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock, store: SqliteSessionStore) -> MainWindow:
    win = MainWindow(load_library(paths.bundled_exercises_dir()), store, Settings(),
                     clock=clock, wall_clock=lambda: NOW)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def earlier(store: SqliteSessionStore) -> None:
    """Two calm sessions earlier this week, one stirred up, one calm last week."""
    def one(days_ago: float, before: int) -> SessionRecord:
        when = NOW - timedelta(days=days_ago)
        return SessionRecord("box", "Box breathing", when, before=before, after=before,
                             status="completed", ended_at=when + timedelta(minutes=5),
                             practised_seconds=300.0)

    store.merge([one(1, 2), one(2, 3), one(2.5, 6), one(8, 1)])


def session(window: MainWindow, clock: FakeClock, before: int, *, numb: bool = False,
            practised: float = 60.0) -> None:
    assert window.start_exercise("five-senses")
    window.before.confirmed.emit(before, numb, None, None)
    page = window.exercise_page
    assert page is not None
    clock.advance(practised)
    page.stop()
    window.after.confirmed.emit(1, False, "", ())
    assert window.current_page() is window.summary


def test_begun_calm_the_summary_counts_this_weeks_practice(
        window: MainWindow, clock: FakeClock, store: SqliteSessionStore) -> None:
    earlier(store)
    session(window, clock, 2)
    note = window.summary.practice_note
    assert not note.isHidden()
    assert note.text().startswith("You've practised while calm 3 times this week.")


def test_stopped_before_any_practice_it_is_not_counted(window: MainWindow, clock: FakeClock,
                                                       store: SqliteSessionStore) -> None:
    """Begun calm but stopped at once: not practice, so no count, and it does not add
    to the next one either."""
    earlier(store)
    session(window, clock, 1, practised=0.0)
    assert window.summary.practice_note.isHidden()
    session(window, clock, 2)
    assert window.summary.practice_note.text().startswith(
        "You've practised while calm 3 times this week.")


def test_the_first_calm_practice_of_the_week_is_once(window: MainWindow,
                                                     clock: FakeClock) -> None:
    session(window, clock, 0)
    assert window.summary.practice_note.text().startswith(
        "You've practised while calm 1 time this week.")


@pytest.mark.parametrize(("before", "numb"), [(4, False), (9, False), (2, True)])
def test_begun_stirred_up_or_numb_nothing_is_counted(window: MainWindow, clock: FakeClock,
                                                    store: SqliteSessionStore,
                                                    before: int, numb: bool) -> None:
    earlier(store)
    session(window, clock, before, numb=numb)
    assert window.summary.practice_note.isHidden()
    assert window.summary.practice_note.text() == ""


def test_no_streak_no_loss_in_the_words(window: MainWindow) -> None:
    for count in (1, 2, 7):
        text = window.summary.practice_text(count).lower()
        for word in ("streak", "in a row", "missed", "lost", "don't break", "keep it up"):
            assert word not in text
    assert window.summary.practice_text(0) == ""
    assert window.summary.practice_text(None) == ""


def history_page(qtbot: QtBot, store: SqliteSessionStore) -> HistoryPage:
    return shown_history(qtbot, store, NOW)


def test_history_says_this_weeks_practice_while_calm(qtbot: QtBot,
                                                     store: SqliteSessionStore) -> None:
    earlier(store)  # two calm this week, one stirred up, one calm last week
    page = history_page(qtbot, store)
    assert page.practice.isVisible()
    assert page.practice.text() == "You've practised while calm 2 times this week."
    page.filters.set_period("7")  # the period chosen does not change a week's count
    assert page.practice.text() == "You've practised while calm 2 times this week."


def test_history_says_nothing_without_practice_this_week(qtbot: QtBot,
                                                         store: SqliteSessionStore) -> None:
    when = NOW - timedelta(days=9)
    store.merge([SessionRecord("box", "Box breathing", when, before=1, after=1,
                               status="completed", ended_at=when + timedelta(minutes=5)),
                 SessionRecord("box", "Box breathing", NOW - timedelta(days=1), before=7,
                               after=5, status="completed",
                               ended_at=NOW - timedelta(days=1) + timedelta(minutes=5))])
    page = history_page(qtbot, store)
    assert not page.is_empty_state()
    assert page.practice.isHidden() and page.practice.text() == ""
