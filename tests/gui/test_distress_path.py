"""The distress path end to end, in a real window, by keys alone, on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.bootstrap import build_window
from app.domain.loader import load_library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.distress.help import HelpDialog
from app.ui.exercise.breathing import BreathingPage
from app.ui.exercise.steps import StepsPage
from app.ui.shell.application import open_first_page
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from app.ui.widgets.common import FRESH_PAGE_GRACE
from tests.gui.conftest import FakeClock, show_active

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock, store: SqliteSessionStore) -> MainWindow:
    library = load_library(paths.bundled_exercises_dir())
    win = MainWindow(library, store, Settings(lead_in=False), clock=clock)  # the count: own tests
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def key(qtbot: QtBot, window: MainWindow, keys: str | Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Type into whatever has the keyboard focus, as a person would."""
    if isinstance(keys, str):
        for char in keys:
            qtbot.keyClicks(window.focusWidget() or window.current_page(), char)
    else:
        qtbot.keyClick(window.focusWidget() or window.current_page(), keys, modifier)


def advance(page: BreathingPage, clock: FakeClock, seconds: float) -> None:
    """Let ``seconds`` pass in frames (one big jump would look like the computer slept)."""
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.now = min(end, clock.now + 0.25)
        page.driver.poll()


def run_breathing_to_end(page: BreathingPage, clock: FakeClock) -> None:
    """Advance the fake clock to the end, a frame at a time around each phase change."""
    while page.driver.is_active():
        clock.now += 0.5
        page.driver.poll()


def test_whole_session_by_keys(qtbot: QtBot, window: MainWindow, clock: FakeClock,
                               store: SqliteSessionStore) -> None:
    # Launcher: typing filters the tiles; Enter starts the first match.
    key(qtbot, window, "box")
    assert [t.exercise.id for t in window.launcher.visible_tiles()] == ["box"]
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.before
    # Before rating: 7, Enter.
    key(qtbot, window, "7")
    assert window.before.scale.value() == 7
    key(qtbot, window, Qt.Key.Key_Return)
    page = window.exercise_page
    assert isinstance(page, BreathingPage)
    assert window.current_page() is page
    running = store.sessions()
    assert [(r.status, r.before) for r in running] == [("running", 7)]
    # The pacer runs to the end on the fake clock.
    with qtbot.waitSignal(page.finished, timeout=2000):
        run_breathing_to_end(page, clock)
    assert window.current_page() is window.after
    # After rating: 3, a note, Ctrl+Enter saves.
    key(qtbot, window, "3")
    window.after.note.setFocus()
    key(qtbot, window, "Breathing out slowly helped.")
    key(qtbot, window, Qt.Key.Key_Tab)
    key(qtbot, window, "work, noise")
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.summary
    assert "down by 4 points, from 7 to 3" in window.summary.line.text()
    assert "noticeable" in window.summary.line.text()
    [record] = store.sessions()
    assert (record.status, record.before, record.after) == ("completed", 7, 3)
    assert record.note == "Breathing out slowly helped."
    assert record.tags == ("work", "noise")
    assert record.practised_seconds == pytest.approx(record.planned_seconds, abs=0.5)
    # An Enter straight after the one that brought the summary is taken as that one
    # (a doubled press); a moment later, Enter goes home.
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.summary
    clock.advance(1.0)
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.launcher


@pytest.mark.parametrize("exercise_id", ["box", "five-senses"])
def test_escape_stops_even_with_the_focus_on_get_help_now(
        qtbot: QtBot, window: MainWindow, exercise_id: str) -> None:
    assert window.start_exercise(exercise_id)
    key(qtbot, window, "s")
    page = window.exercise_page
    assert page is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.help_button.setFocus(Qt.FocusReason.TabFocusReason)  # a Tab away from the page
    assert window.focusWidget() is window.help_button
    with qtbot.waitSignal(page.stopped, timeout=1000):
        key(qtbot, window, Qt.Key.Key_Escape)
    assert window.current_page() is window.after


def test_escape_mid_exercise_stops_at_once_and_reaches_after_rating(
        qtbot: QtBot, window: MainWindow, clock: FakeClock, store: SqliteSessionStore) -> None:
    assert window.start_exercise("extended-exhale")
    key(qtbot, window, "6")
    key(qtbot, window, Qt.Key.Key_Return)
    page = window.exercise_page
    assert isinstance(page, BreathingPage)
    advance(page, clock, 12.0)
    with qtbot.waitSignal(page.stopped, timeout=1000) as blocker:
        key(qtbot, window, Qt.Key.Key_Escape)
    assert blocker.args == [pytest.approx(12.0, abs=0.1)]
    assert window.current_page() is window.after
    [record] = store.sessions()
    assert record.status == "stopped" and record.before == 6
    assert record.practised_seconds == pytest.approx(12.0, abs=0.1)
    key(qtbot, window, "s")
    # Without an after rating the line says how long; the detail does not say it again.
    said = window.summary.line.text() + " " + window.summary.detail.text()
    assert "You stopped when you needed to" in window.summary.detail.text()
    assert said.count("12 seconds") == 1


def test_pause_and_resume_keep_time(qtbot: QtBot, window: MainWindow,
                                    clock: FakeClock) -> None:
    window.start_exercise("box")
    key(qtbot, window, "s")
    page = window.exercise_page
    assert isinstance(page, BreathingPage)
    advance(page, clock, 3.0)
    key(qtbot, window, Qt.Key.Key_Space)
    assert page.is_paused()
    for _ in range(50):  # a long pause, noticed now and then
        clock.now += 1.0
        page.driver.poll()
    key(qtbot, window, Qt.Key.Key_Space)
    assert not page.is_paused()
    advance(page, clock, 2.0)
    state = page.driver.state()
    assert state.elapsed == pytest.approx(5.0)
    assert (state.action, state.phase_index) == ("hold", 1)


def test_both_ratings_skipped(qtbot: QtBot, window: MainWindow, clock: FakeClock,
                              store: SqliteSessionStore) -> None:
    window.start_exercise("box")
    key(qtbot, window, "s")
    page = window.exercise_page
    assert isinstance(page, BreathingPage)
    run_breathing_to_end(page, clock)
    qtbot.waitUntil(lambda: window.current_page() is window.after)
    key(qtbot, window, "s")
    [record] = store.sessions()
    assert (record.before, record.after, record.status) == (None, None, "completed")
    assert "You took" in window.summary.line.text()
    assert "minute" not in window.summary.detail.text()  # said once, in the line
    assert "Box breathing" in window.summary.detail.text()


def test_reduced_motion_reaches_the_breathing_view(qtbot: QtBot, clock: FakeClock,
                                                   store: SqliteSessionStore) -> None:
    library = load_library(paths.bundled_exercises_dir())
    win = MainWindow(library, store, Settings(reduced_motion=True, lead_in=False),
                     clock=clock)
    qtbot.addWidget(win)
    win.start_exercise("box")
    win.before.skip_button.click()
    page = win.exercise_page
    assert isinstance(page, BreathingPage)
    assert page.reduced_motion()
    radius = page.pacer_widget.radius()
    advance(page, clock, 3.5)
    assert page.pacer_widget.radius() == radius


def test_count_step_ticked_by_keys(qtbot: QtBot, window: MainWindow, clock: FakeClock,
                                   store: SqliteSessionStore) -> None:
    window.start_exercise("five-senses")
    key(qtbot, window, "5")
    key(qtbot, window, Qt.Key.Key_Return)
    page = window.exercise_page
    assert isinstance(page, StepsPage)
    key(qtbot, window, Qt.Key.Key_Return)  # the same Enter, pressed twice by reflex
    assert page.progress_label.text().startswith("Step 1 of") and page.ticked() == 0
    clock.advance(FRESH_PAGE_GRACE)  # the first step read: now each press counts
    exercise = window.library.get("five-senses")
    assert exercise is not None
    for step in exercise.steps:
        presses = (step.count or 0) + 1
        for _ in range(presses):
            key(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() is window.after)
    assert store.sessions()[0].status == "completed"


def test_help_offered_before_at_nine_with_the_exercise_one_key_away(
        qtbot: QtBot, window: MainWindow) -> None:
    window.start_exercise("extended-exhale")
    key(qtbot, window, Qt.Key.Key_Up)
    for _ in range(9):
        key(qtbot, window, Qt.Key.Key_Up)
    assert window.before.scale.value() == 10
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.before.offer.isVisible()
    assert window.current_page() is window.before
    qtbot.waitUntil(lambda: not window.before.offer_guard.fresh())  # read, then answered
    key(qtbot, window, Qt.Key.Key_Return)
    assert isinstance(window.exercise_page, BreathingPage)


def test_help_offer_leads_to_help(qtbot: QtBot, window: MainWindow) -> None:
    window.start_exercise("box")
    key(qtbot, window, "9")
    key(qtbot, window, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.helpShown, timeout=1000) as blocker:
        window.before.offer_help.click()
    assert isinstance(blocker.args[0], HelpDialog)


def test_no_offer_below_nine(qtbot: QtBot, window: MainWindow) -> None:
    window.start_exercise("box")
    key(qtbot, window, "8")
    key(qtbot, window, Qt.Key.Key_Return)
    assert isinstance(window.exercise_page, BreathingPage)


@pytest.mark.parametrize(("after", "offered"), [(8, True), (9, True), (7, False)])
def test_support_offered_once_after_eight_or_more(qtbot: QtBot, window: MainWindow,
                                                  after: int, offered: bool) -> None:
    window.start_exercise("box")
    key(qtbot, window, "5")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Escape)
    key(qtbot, window, str(after))
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.summary
    assert window.summary.offer.isVisibleTo(window.summary) is offered
    assert f"went up by {after - 5} points, from 5 to {after}" in window.summary.line.text()


def test_help_everywhere_by_f1_and_ctrl_h(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.helpShown, timeout=1000) as blocker:
        key(qtbot, window, Qt.Key.Key_F1)
    dialog = blocker.args[0]
    assert "findahelpline.com" in " ".join(
        w.text() for w in dialog.findChildren(type(window.summary.line)))
    dialog.close()
    qtbot.waitUntil(lambda: window.help_dialog is None)
    window.start_exercise("box")
    key(qtbot, window, "s")
    page = window.exercise_page
    assert isinstance(page, BreathingPage)
    with qtbot.waitSignal(window.helpShown, timeout=1000):
        key(qtbot, window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert page.is_paused()


def test_escape_on_before_rating_goes_home_and_writes_nothing(
        qtbot: QtBot, window: MainWindow, store: SqliteSessionStore) -> None:
    window.start_exercise("box")
    key(qtbot, window, "4")
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.current_page() is window.launcher
    assert store.sessions() == []


def test_rating_keys_reach_ten_and_zero(qtbot: QtBot, window: MainWindow) -> None:
    window.start_exercise("box")
    scale = window.before.scale
    key(qtbot, window, "9")
    key(qtbot, window, "+")
    assert scale.value() == 10
    key(qtbot, window, Qt.Key.Key_Up)
    assert scale.value() == 10
    key(qtbot, window, "0")
    key(qtbot, window, "-")
    assert scale.value() == 0
    key(qtbot, window, Qt.Key.Key_Down)
    assert scale.value() == 0


def test_start_id_opens_straight_into_the_before_rating(qtbot: QtBot, data_dir: Path) -> None:
    window = build_window(data_dir)
    qtbot.addWidget(window)
    open_first_page(window, "box")  # what `steady start box` does once the window exists
    assert window.current_page() is window.before
    assert window.before.title.text() == "Box breathing"
    assert window.before.scale.hasFocus() or window.before.isAncestorOf(window.focusWidget())


def test_the_look_follows_the_system_between_light_and_dark(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    assert window.settings.theme == "system"
    try:
        window.keeper.on_color_scheme_changed(Qt.ColorScheme.Dark)
        assert theme.colors() is theme.DARK
        window.keeper.on_color_scheme_changed(Qt.ColorScheme.Light)
        assert theme.colors() is theme.LIGHT
        window.settings = Settings(theme="high-contrast")
        window.keeper.on_color_scheme_changed(Qt.ColorScheme.Dark)
        assert theme.colors() is theme.LIGHT  # a chosen theme is kept
    finally:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app)


def focus_in(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_enter_presses_the_focused_start_now(qtbot: QtBot, window: MainWindow,
                                             store: SqliteSessionStore) -> None:
    focus_in(qtbot, window, window.launcher.start_now)
    offered = window.launcher.focused_exercise_id()
    assert offered
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.before
    assert window.current_exercise_id() == offered


def test_enter_on_the_keypad_presses_a_focused_tile(qtbot: QtBot, window: MainWindow) -> None:
    tile = next(t for t in window.launcher.visible_tiles() if t.exercise.id == "orienting")
    focus_in(qtbot, window, tile)
    key(qtbot, window, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert window.current_page() is window.before
    assert window.current_exercise_id() == "orienting"


def test_enter_held_down_presses_once_and_does_not_run_on(
        qtbot: QtBot, window: MainWindow, store: SqliteSessionStore) -> None:
    focus_in(qtbot, window, window.launcher.start_now)
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.before
    for _ in range(3):  # the key's repeats, as the system sends them while it is held
        target = window.focusWidget() or window.current_page()
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                                 Qt.KeyboardModifier.NoModifier, "\r",
                                                 True))
    assert window.current_page() is window.before  # not confirmed by a repeat
    assert not window.before.hint.isVisibleTo(window.before)  # nor told off for one
    assert store.sessions() == []


def test_enter_on_focused_skip_skips_and_on_get_help_now_opens_help(
        qtbot: QtBot, window: MainWindow, store: SqliteSessionStore) -> None:
    window.start_exercise("box")
    key(qtbot, window, "4")
    focus_in(qtbot, window, window.help_button)
    with qtbot.waitSignal(window.helpShown, timeout=1000) as blocker:
        key(qtbot, window, Qt.Key.Key_Return)
    blocker.args[0].close()
    qtbot.waitUntil(lambda: window.help_dialog is None)
    focus_in(qtbot, window, window.before.skip_button)
    # With 4 chosen the button reads "Clear rating": Enter clears the 4, and stays.
    assert window.before.skip_button.text() == "Clear rating"
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.before
    assert window.before.scale.value() is None
    assert window.before.skip_button.text() == "Skip rating (S)"
    focus_in(qtbot, window, window.before.skip_button)
    key(qtbot, window, Qt.Key.Key_Return)  # now it skips
    assert window.current_page() is window.exercise_page
    [record] = store.sessions()
    assert record.before is None


def test_escape_on_the_after_rating_leaves_keeping_the_rating_and_note(
        qtbot: QtBot, window: MainWindow, store: SqliteSessionStore) -> None:
    assert window.start_exercise("box")
    key(qtbot, window, "s")
    key(qtbot, window, Qt.Key.Key_Escape)  # stops the exercise
    assert window.current_page() is window.after
    key(qtbot, window, "2")
    window.after.note.setFocus()
    key(qtbot, window, "Quieter now.")
    key(qtbot, window, Qt.Key.Key_Escape)  # out of the note
    assert window.current_page() is window.after
    key(qtbot, window, Qt.Key.Key_Escape)  # and off the page
    assert window.current_page() is window.summary
    [record] = store.sessions()
    assert (record.after, record.note) == (2, "Quieter now.")


def test_the_search_is_cleared_on_the_way_back_and_once_an_exercise_starts(
        qtbot: QtBot, window: MainWindow) -> None:
    key(qtbot, window, "orient")
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_exercise_id() == "orienting"
    key(qtbot, window, Qt.Key.Key_Escape)  # back from the first rating: all in sight again
    assert window.current_page() is window.launcher
    assert window.launcher.filter.text() == ""
    assert len(window.launcher.visible_tiles()) == len(window.launcher.tiles)
    key(qtbot, window, "orient")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, "s")  # the exercise starts
    assert window.launcher.filter.text() == ""
    window.go_home()
    assert len(window.launcher.visible_tiles()) == len(window.launcher.tiles)


def test_a_sigh_reads_as_a_second_breath_in(qtbot: QtBot, window: MainWindow) -> None:
    assert window.start_exercise("cyclic-sigh")
    assert window.before.plan.text().startswith(
        "Each breath: breathe in 2 s, a little more in 1 s, breathe out 6 s.")


def test_both_ratings_skipped_at_once_thanks_only_once(qtbot: QtBot, window: MainWindow
                                                       ) -> None:
    assert window.start_exercise("box")
    key(qtbot, window, "s")
    key(qtbot, window, Qt.Key.Key_Escape)  # stop at once
    key(qtbot, window, "s")
    assert window.current_page() is window.summary
    shown = " ".join((window.summary.heading.text(), window.summary.line.text()))
    assert shown.count("Thank you") == 1, shown


def tab_walk(qtbot: QtBot, window: MainWindow, steps: int) -> list[QWidget | None]:
    seen = []
    for _ in range(steps):
        seen.append(QApplication.focusWidget())
        key(qtbot, window, Qt.Key.Key_Tab)
    return seen


def test_tab_reaches_every_button_of_the_summary_going_forward(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.start_exercise("box")
    key(qtbot, window, "s")
    key(qtbot, window, Qt.Key.Key_Escape)
    key(qtbot, window, "s")
    summary = window.summary
    assert window.current_page() is summary
    qtbot.waitUntil(summary.home_button.hasFocus)  # Enter goes home, as it says
    focus_in(qtbot, window, window.help_button)
    assert tab_walk(qtbot, window, 4) == [window.help_button, summary.other_button,
                                          summary.again_button, summary.home_button]


def test_tab_reaches_add_contacts_on_the_welcome_going_forward(
        qtbot: QtBot, window: MainWindow) -> None:
    window.show_welcome()
    page = window.welcome_page
    assert page is not None and window.current_page() is page
    qtbot.waitUntil(page.skip_button.hasFocus)
    focus_in(qtbot, window, window.help_button)
    assert tab_walk(qtbot, window, 3) == [window.help_button, page.add_button,
                                          page.skip_button]


def test_tab_on_the_launcher_goes_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    launcher = window.launcher
    expected = [launcher.start_now, launcher.filter, *launcher.visible_tiles(),
                *[b for b in launcher.own_buttons if b.isVisible()],
                launcher.plan_button, launcher.history_button, launcher.settings_button]
    assert len(launcher.visible_tiles()) > 10
    focus_in(qtbot, window, launcher.start_now)
    assert tab_walk(qtbot, window, len(expected)) == expected


def test_an_s_typed_on_the_numb_box_after_the_exercise_keeps_the_rating(
        qtbot: QtBot, window: MainWindow, store: SqliteSessionStore) -> None:
    assert window.start_exercise("box")
    key(qtbot, window, "s")
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.current_page() is window.after
    key(qtbot, window, "3")
    focus_in(qtbot, window, window.after.numb)  # one Tab past the scale
    key(qtbot, window, "so")  # the start of a word meant for the note
    assert window.current_page() is window.after
    assert window.after.scale.value() == 3
    window.after.scale.setFocus()
    key(qtbot, window, "s")  # with a number chosen, S never throws it away
    assert window.current_page() is window.after
    assert window.after.scale.value() == 3
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.current_page() is window.summary


def test_esc_during_the_count_says_no_time_and_no_zero_seconds(
        qtbot: QtBot, clock: FakeClock, store: SqliteSessionStore) -> None:
    library = load_library(paths.bundled_exercises_dir())
    window = MainWindow(library, store, Settings(lead_in=True), clock=clock)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.start_exercise("box")
    key(qtbot, window, "4")
    key(qtbot, window, Qt.Key.Key_Return)
    page = window.exercise_page
    assert isinstance(page, BreathingPage) and page.counting()
    key(qtbot, window, Qt.Key.Key_Escape)  # before the first breath
    qtbot.waitUntil(lambda: window.current_page() is window.after)
    key(qtbot, window, "s")
    detail = window.summary.detail.text()
    assert "You stopped when you needed to" in detail
    assert "0 seconds" not in detail + window.summary.line.text()
    [record] = store.sessions()
    assert record.practised_seconds == 0.0
