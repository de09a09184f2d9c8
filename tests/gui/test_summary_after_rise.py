"""After a rise to 8 or more: the offer of support comes first, with the focus, and the
Enter that brought the summary never dismisses it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.distress.launcher import ExerciseTile
from app.ui.shell.window import MainWindow
from tests.gui.conftest import FakeClock, show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore,
           clock: FakeClock) -> Iterator[MainWindow]:
    win = MainWindow(library, store, Settings(first_run_done=True), clock=clock)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    yield win


def to_the_after_rating(window: MainWindow, before: int) -> None:
    assert window.start_exercise("five-senses")
    window.before.confirmed.emit(before, False, None, None)
    page = window.exercise_page
    assert page is not None
    page.stop()


def rate_after_with_enter(qtbot: QtBot, window: MainWindow, after: int) -> None:
    to_the_after_rating(window, 5)
    for digit in str(after):
        qtbot.keyClick(window.after.scale, Qt.Key(Qt.Key.Key_0 + int(digit)))
    qtbot.keyClick(window.after.scale, Qt.Key.Key_Return)
    assert window.current_page() is window.summary


def test_after_a_rise_to_nine_the_offer_is_first_with_the_focus(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    rate_after_with_enter(qtbot, window, 9)
    summary = window.summary
    assert summary.offer.isVisible() and summary.offer_button.isVisible()
    qtbot.waitUntil(summary.offer_button.hasFocus)
    top = summary.offer.mapTo(summary, QPoint(0, 0)).y()
    for other in (summary.heading, summary.line, summary.detail):
        assert other.mapTo(summary, QPoint(0, 0)).y() > top  # the offer comes first
    # stopped part way (to_the_after_rating): not "you stayed with it" beside "You stopped"
    assert summary.heading.text() == "That was a hard one, and you gave it a try."
    assert "You stopped" in summary.detail.text()
    assert "went up by 4 points" in summary.line.text()


def test_a_doubled_or_held_enter_never_dismisses_it(qtbot: QtBot, window: MainWindow,
                                                    clock: FakeClock) -> None:
    rate_after_with_enter(qtbot, window, 8)
    summary = window.summary
    qtbot.waitUntil(summary.offer_button.hasFocus)
    with qtbot.assertNotEmitted(summary.helpRequested):
        qtbot.keyClick(summary.offer_button, Qt.Key.Key_Return)  # the reflexive second one
    held = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                     "\r", True)  # autorepeat: a key still held down
    clock.advance(2.0)
    with qtbot.assertNotEmitted(summary.helpRequested):
        QApplication.sendEvent(summary.offer_button, held)
    assert window.current_page() is summary and summary.offer.isVisible()
    with qtbot.waitSignal(summary.helpRequested):  # a moment later, a real press
        qtbot.keyClick(summary.offer_button, Qt.Key.Key_Return)
    if window.help_dialog is not None:
        window.help_dialog.close()


def test_try_a_different_exercise_goes_to_the_exercises(qtbot: QtBot, window: MainWindow,
                                                        clock: FakeClock) -> None:
    rate_after_with_enter(qtbot, window, 9)
    summary = window.summary
    clock.advance(1.0)
    assert summary.other_button.isVisible()
    summary.other_button.click()
    assert window.current_page() is window.launcher
    focus = window.launcher.focusWidget()
    assert isinstance(focus, ExerciseTile)
    assert focus.exercise.id != window.settings.default_exercise


def test_without_a_rise_it_is_the_quiet_summary(qtbot: QtBot, window: MainWindow) -> None:
    rate_after_with_enter(qtbot, window, 3)
    summary = window.summary
    assert summary.offer.isHidden()
    assert summary.heading.text() == "Thank you for taking this time."
    qtbot.waitUntil(summary.home_button.hasFocus)


def test_back_from_help_enter_goes_home_not_round_to_help(qtbot: QtBot, window: MainWindow,
                                                           clock: FakeClock) -> None:
    """Enter on the offer opens help once. Back from it, the focus is on "Back to the
    start", which now says Enter, and Enter goes home: no loop back into help."""
    rate_after_with_enter(qtbot, window, 9)
    summary = window.summary
    qtbot.waitUntil(summary.offer_button.hasFocus)
    assert summary.home_button.text() == "Back to the start"  # Enter opens help here
    clock.advance(2.0)
    with qtbot.waitSignal(summary.helpRequested):
        qtbot.keyClick(summary.offer_button, Qt.Key.Key_Return)
    assert window.help_dialog is not None
    window.help_dialog.close()
    qtbot.waitUntil(summary.home_button.hasFocus)
    assert summary.home_button.text() == "Back to the start (Enter)"
    with qtbot.waitSignal(summary.home):
        qtbot.keyClick(summary.home_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)


def test_a_different_exercise_is_not_the_one_just_done(qtbot: QtBot, window: MainWindow,
                                                       clock: FakeClock) -> None:
    """Done with the first exercise the focus would land on: it lands on the next one."""
    tiles = window.launcher.visible_tiles()
    first = next(t.exercise.id for t in tiles
                 if t.exercise.id != window.settings.default_exercise)
    assert window.start_exercise(first)
    window.before.confirmed.emit(5, False, None, None)
    page = window.exercise_page
    assert page is not None
    page.stop()
    window.after.confirmed.emit(6, False, "", ())
    qtbot.waitUntil(lambda: window.current_page() is window.summary)
    clock.advance(1.0)
    window.summary.other_button.click()
    focus = window.launcher.focusWidget()
    assert isinstance(focus, ExerciseTile)
    assert focus.exercise.id not in (first, window.settings.default_exercise)


@pytest.mark.parametrize(("status", "heading"), [
    ("completed", "That was a hard one, and you stayed with it."),
    ("stopped", "That was a hard one, and you gave it a try."),
])
def test_the_heading_after_a_rise_says_what_happened(qtbot: QtBot, status: str,
                                                     heading: str) -> None:
    from datetime import UTC, datetime

    from app.domain.session import SessionRecord
    from app.ui.distress.summary import SummaryPage

    page = SummaryPage()
    qtbot.addWidget(page)
    record = SessionRecord("box", "Box breathing", datetime(2026, 12, 5, tzinfo=UTC),
                           status=status, before=5, after=9,  # type: ignore[arg-type]
                           planned_seconds=300.0, practised_seconds=2.0)
    page.show_record(record, saved=True)
    assert page.heading.text() == heading


def test_a_screen_reader_reads_the_summary_line_itself(qtbot: QtBot,
                                                      window: MainWindow) -> None:
    """The one kind line is what is read out, not a name standing in for it."""
    from PySide6.QtGui import QAccessible

    rate_after_with_enter(qtbot, window, 3)
    line = window.summary.line
    reader = QAccessible.queryAccessibleInterface(line)
    assert reader is not None
    assert reader.text(QAccessible.Text.Name) == line.text()
    assert "went down" in line.text()
