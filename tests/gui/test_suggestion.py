"""Matched to where you start: the before rating's line and key, and the launcher's
order once a level is given. Keys are pressed on the real widgets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.session import SessionRecord
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.distress.launcher import LauncherPage
from app.ui.distress.rating import BeforePage
from app.ui.shell.window import MainWindow
from tests.gui.conftest import FakeClock, press, show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]

START = datetime(2026, 11, 1, 20, tzinfo=UTC)


def log(store: SqliteSessionStore, exercise_id: str, title: str,
        ratings: list[tuple[int | None, int | None]], *, numb: bool = False,
        numb_after: bool = False, day: int = 0) -> None:
    for i, (before, after) in enumerate(ratings):
        when = START + timedelta(days=day + i)
        store.save(SessionRecord(exercise_id, title, when, before=before, after=after,
                                 numb_before=numb, numb_after=numb_after, status="completed",
                                 ended_at=when + timedelta(minutes=3)))


@pytest.fixture
def seeded(store: SqliteSessionStore) -> SqliteSessionStore:
    """Cold temperature from 7-8 (6 sessions, 3 lower on average); Orienting from numb
    (5 sessions, the mark gone after each); box from 4-6 (4 sessions: too few)."""
    log(store, "cold-temperature", "Cold temperature",
        [(8, 5), (7, 4), (8, 5), (7, 4), (8, 5), (8, 5)])
    log(store, "orienting", "Orienting", [(3, 3)] * 5, numb=True, day=10)
    log(store, "box", "Box breathing", [(5, 1)] * 4, day=20)
    return store


def make_window(qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock,
                settings: Settings | None = None) -> MainWindow:
    window = MainWindow(library, store, settings or Settings(first_run_done=True), clock=clock)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


@pytest.fixture
def window(qtbot: QtBot, library: Library, seeded: SqliteSessionStore,
           clock: FakeClock) -> MainWindow:
    return make_window(qtbot, library, seeded, clock)


def before_page(qtbot: QtBot, window: MainWindow, exercise_id: str) -> BeforePage:
    assert window.start_exercise(exercise_id)
    page = window.before
    qtbot.waitUntil(page.scale.hasFocus)
    return page


def test_a_level_with_enough_history_gets_one_line_and_its_key(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    page = before_page(qtbot, window, "extended-exhale")
    assert not page.suggestion.isVisibleTo(page)  # nothing before a level is given
    press(qtbot, Qt.Key.Key_8)
    qtbot.waitUntil(lambda: page.suggestion.isVisibleTo(page))
    assert page.suggestion.text.text() == (
        "From 7 or 8, Cold temperature has lowered your rating by 3.0 points on average, "
        "over 6 sessions.")
    assert page.suggestion.switch_button.text() == "Try Cold temperature instead (T)"
    assert page.scale.hasFocus()  # the line takes nothing from the rating
    press(qtbot, Qt.Key.Key_T)
    assert window.current_exercise_id() == "cold-temperature"
    assert isinstance(window.current_page(), BeforePage)
    assert page.scale.value() == 8  # the rating given is kept
    assert not page.suggestion.isVisibleTo(page)  # what helped most is chosen now
    with qtbot.waitSignal(page.confirmed) as started:
        press(qtbot, Qt.Key.Key_Return)
    assert started.args[0] == 8
    assert window.exercise_page is not None and window.current_exercise_id() == \
        "cold-temperature"


def test_enter_still_starts_what_was_chosen(qtbot: QtBot, window: MainWindow) -> None:
    page = before_page(qtbot, window, "extended-exhale")
    press(qtbot, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: page.suggestion.isVisibleTo(page))
    with qtbot.waitSignal(page.confirmed) as started:
        press(qtbot, Qt.Key.Key_Return)
    assert started.args[0] == 7
    assert window.current_exercise_id() == "extended-exhale"
    assert window.exercise_page is not None


def test_too_little_history_says_nothing(qtbot: QtBot, window: MainWindow) -> None:
    page = before_page(qtbot, window, "extended-exhale")
    for key in (Qt.Key.Key_5, Qt.Key.Key_2):  # 4-6: box has 4 sessions; 0-3: none
        press(qtbot, key)
        assert not page.suggestion.isVisibleTo(page)
    press(qtbot, Qt.Key.Key_T)  # no line, no switch
    assert window.current_exercise_id() == "extended-exhale"


def test_numb_is_its_own_group(qtbot: QtBot, window: MainWindow) -> None:
    page = before_page(qtbot, window, "extended-exhale")
    page.numb.click()
    qtbot.waitUntil(lambda: page.suggestion.isVisibleTo(page))
    assert page.suggestion.text.text() == (
        "When you started out numb or far away, that feeling had eased after Orienting 5 "
        "times out of 5.")
    page.numb.click()
    assert not page.suggestion.isVisibleTo(page)


def test_nine_or_ten_offers_help_first(qtbot: QtBot, library: Library,
                                       seeded: SqliteSessionStore, clock: FakeClock) -> None:
    log(seeded, "cyclic-sigh", "Cyclic sigh", [(9, 6)] * 5, day=40)
    window = make_window(qtbot, library, seeded, clock)
    page = before_page(qtbot, window, "extended-exhale")
    press(qtbot, Qt.Key.Key_9)
    assert not page.suggestion.isVisibleTo(page)
    press(qtbot, Qt.Key.Key_Return)  # the offer of help comes first
    assert page.offer.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.suggestion.isVisibleTo(page))
    assert "From 9 or 10, Cyclic sigh" in page.suggestion.text.text()
    press(qtbot, Qt.Key.Key_T)
    assert window.current_exercise_id() == "cyclic-sigh"
    assert page.scale.value() == 9 and page.offer.isVisibleTo(page)  # offered already
    qtbot.waitUntil(lambda: not page.offer_guard.fresh())  # the offer read, not a reflex
    with qtbot.waitSignal(page.confirmed):
        press(qtbot, Qt.Key.Key_Return)  # "No, take me to the exercise"
    assert window.current_exercise_id() == "cyclic-sigh"


def test_never_an_exercise_the_health_settings_hide(qtbot: QtBot, library: Library,
                                                    seeded: SqliteSessionStore,
                                                    clock: FakeClock) -> None:
    window = make_window(qtbot, library, seeded, clock,
                         Settings(first_run_done=True, health=frozenset({"heart"})))
    page = before_page(qtbot, window, "extended-exhale")
    press(qtbot, Qt.Key.Key_8)
    assert not page.suggestion.isVisibleTo(page)


def test_back_with_a_high_level_lists_what_suits_it_first(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    window.launcher.start_now.click()  # opens the person's usual exercise
    page = window.before
    qtbot.waitUntil(page.scale.hasFocus)
    press(qtbot, Qt.Key.Key_8)
    press(qtbot, Qt.Key.Key_Escape)
    launcher = window.launcher
    assert isinstance(window.current_page(), LauncherPage) and launcher.state == "high"
    first_group = launcher.groups.itemAt(0).widget()
    assert first_group is not None and first_group.property("suits") == "high"
    first = [t.exercise.id for t in launcher.tiles if t.parentWidget() is first_group]
    assert first == [e.id for e in window.library.exercises.values() if "high" in e.suits]
    assert "box" not in first and "four-seven-eight" not in first
    assert len(launcher.tiles) == len(window.library.exercises)  # each once
    # A session started, the usual order is back.
    launcher.tile_for("orienting").click()  # type: ignore[union-attr]
    window.before.on_skip()
    assert launcher.state is None
    assert launcher.groups.itemAt(0).widget().property("kind") == "breathing"  # type: ignore[union-attr]


def test_back_numb_puts_orienting_and_the_senses_first(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    page = before_page(qtbot, window, "box")
    page.numb.click()
    page.back_button.click()
    launcher = window.launcher
    first_group = launcher.groups.itemAt(0).widget()
    assert first_group is not None and first_group.property("suits") == "numb"
    first = {t.exercise.id for t in launcher.tiles if t.parentWidget() is first_group}
    assert first == {"orienting", "sound-focus", "cold-temperature", "texture", "five-senses"}


def test_back_without_a_level_or_a_middling_one_changes_nothing(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    for keys in ([], [Qt.Key.Key_5]):
        before_page(qtbot, window, "box")
        for key in keys:
            press(qtbot, key)
        press(qtbot, Qt.Key.Key_Escape)
        assert window.launcher.state is None
        assert window.launcher.groups.itemAt(0).widget().property("kind") == "breathing"  # type: ignore[union-attr]


def test_the_line_is_brought_into_sight_at_large_text(qtbot: QtBot, library: Library,
                                                      seeded: SqliteSessionStore,
                                                      clock: FakeClock) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.style import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 2.0)  # at 200% the line starts below the fold
    try:
        window = make_window(qtbot, library, seeded, clock)
        page = before_page(qtbot, window, "extended-exhale")
        button = page.suggestion.switch_button
        press(qtbot, Qt.Key.Key_8)
        qtbot.waitUntil(lambda: page.suggestion.isVisibleTo(page))
        qtbot.waitUntil(lambda: button.visibleRegion().boundingRect().height()
                        == button.height())
        assert not page.scale.visibleRegion().isEmpty()  # the numbers still in sight
    finally:
        theme.apply(app, "light", 1.0)
