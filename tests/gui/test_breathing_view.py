"""The breathing page and its pacer driver, on a fake clock (no sleeping)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from app.domain.exercise import Exercise, Phase
from app.domain.pacer import planned_duration
from app.services.pacer_driver import FRAME_MS, REDUCED_MOTION_MS, PacerDriver
from app.ui.exercise.breathing import (
    BreathingPage,
    PacerWidget,
)
from app.ui.style import theme
from app.ui.widgets.common import FRESH_PAGE_GRACE, format_clock
from tests.gui.conftest import press, show_active

pytestmark = pytest.mark.gui

BOX_PHASES = (Phase("inhale", 4), Phase("hold", 4), Phase("exhale", 4), Phase("hold", 4))
BOX = Exercise(id="box", title="Box breathing", kind="breathing", minutes=5, phases=BOX_PHASES)
SIGH = Exercise(id="cyclic-sigh", title="Cyclic sigh", kind="breathing", minutes=5,
                phases=(Phase("inhale", 2), Phase("inhale", 1), Phase("exhale", 6)))


@pytest.fixture
def make_page(qtbot, clock):
    """A shown, active breathing page on the fake clock."""

    def make(exercise: Exercise = BOX, **kwargs) -> BreathingPage:
        page = BreathingPage(exercise, clock=clock, **kwargs)
        qtbot.addWidget(page)
        page.resize(800, 600)
        show_active(qtbot, page)
        return page

    return make


def run(page: BreathingPage, clock, seconds: float, step: float = 0.25) -> None:
    """Move the fake clock forward ``seconds``, polling the driver like its timer would."""
    steps = round(seconds / step)
    for _ in range(steps):
        clock.advance(step)
        page.driver.poll()


# -- the whole session ------------------------------------------------------------
def test_box_runs_to_the_end_and_finishes_with_the_planned_duration(qtbot, clock, make_page):
    page = make_page()
    planned = planned_duration(BOX_PHASES, minutes=5)
    assert planned == pytest.approx(304.0)  # 5 minutes rounded up to whole breaths
    stopped = []
    page.stopped.connect(stopped.append)
    page.start()
    assert page.remaining_label.text() == "5:04 left"
    with qtbot.waitSignal(page.finished, timeout=1000) as blocker:
        run(page, clock, planned + 1.0, step=0.5)
    assert blocker.args[0] == pytest.approx(planned)
    assert stopped == []
    assert page.phase_text() == "Done"
    assert not page.driver.timer().isActive()
    assert not page.pause_button.isEnabled() and not page.stop_button.isEnabled()
    # Nothing more after the end: no second signal, no wake-ups.
    with qtbot.assertNotEmitted(page.finished):
        run(page, clock, 5.0)
        page.stop()
    assert not page.driver.timer().isActive()


def test_minutes_and_cycles_override_the_exercise_length(qtbot, make_page):
    assert make_page(cycles=2).driver.total == pytest.approx(32.0)
    assert make_page(minutes=1).driver.total == pytest.approx(64.0)
    assert make_page().driver.total == pytest.approx(304.0)


def test_phase_words_follow_inhale_hold_exhale(qtbot, clock, make_page):
    page = make_page(cycles=2)
    phases = []
    page.driver.phaseStarted.connect(lambda i, action, secs: phases.append((i, action, secs)))
    assert page.phase_text() == "Breathe in"  # shown before the start, not announced
    page.start()
    assert phases == [(0, "inhale", 4.0)]
    seen = [page.phase_text()]
    seconds = [page.phase_seconds_label.text()]
    for _ in range(3):
        run(page, clock, 1.5)
        seconds.append(page.phase_seconds_label.text())
        run(page, clock, 2.5)
        seen.append(page.phase_text())
    assert seen == ["Breathe in", "Hold", "Breathe out", "Hold"]
    assert seconds == ["4", "3", "3", "3"]
    assert [p[1] for p in phases] == ["inhale", "hold", "exhale", "hold"]
    assert page.remaining_label.text() == "0:20 left"
    # Screen readers hear each phase change, and the label's name follows it.
    assert page.last_announcement == "Hold"
    assert page.phase_label.accessibleName() == "Hold"


def test_a_repeated_phase_word_is_announced_again(qtbot, clock, make_page):
    """Cyclic sigh: the top-up inhale follows the first; a screen reader hears both."""
    page = make_page(SIGH, cycles=1)
    heard = []
    page.start()
    heard.append(page.last_announcement)
    page.last_announcement = ""
    run(page, clock, 2.0)
    heard.append(page.last_announcement)
    run(page, clock, 1.0)
    heard.append(page.last_announcement)
    assert heard == ["Breathe in", "Breathe in", "Breathe out"]


def test_each_phase_is_announced_once_even_when_the_clock_runs_on_between_reads(
        qtbot, monkeypatch):
    """A real clock moves between the driver's reading and the frame drawn from it: the
    new phase must wait for its event, or a screen reader hears it twice."""
    ticking = {"now": 100.0}

    def clock() -> float:
        ticking["now"] += 0.02  # every reading is a little later than the one before
        return ticking["now"]

    page = BreathingPage(BOX, cycles=2, clock=clock)
    qtbot.addWidget(page)
    heard: list[str] = []
    monkeypatch.setattr(page, "_announce", heard.append)
    started: list[str] = []
    page.driver.phaseStarted.connect(lambda _i, action, _s: started.append(action))
    page.start()
    while page.driver.is_active():
        ticking["now"] += 0.01
        page.driver.poll()
    words = {"inhale": "Breathe in", "hold": "Hold", "exhale": "Breathe out"}
    assert heard[:-1] == [words[action] for action in started]
    assert len(started) == 8 and heard[-1] == "Done"


def test_phase_change_is_shown_on_time(qtbot, clock, make_page):
    """The next wake-up never lands later than the next phase change."""
    page = make_page(cycles=1)
    page.start()
    timer = page.driver.timer()
    clock.advance(3.5)
    page.driver.poll()
    assert timer.interval() == FRAME_MS
    clock.advance(0.4921875)  # 1/128 s before the hold: wake on it, not a frame later
    page.driver.poll()
    assert timer.interval() == 8
    page.set_reduced_motion(True)
    clock.advance(3.5078125)  # 0.5 s before the exhale
    page.driver.poll()
    assert timer.isActive() and timer.interval() == REDUCED_MOTION_MS
    clock.advance(0.4375)  # 1/16 s before the exhale
    page.driver.poll()
    assert timer.interval() == 63


def test_space_pauses_and_resumes_and_paused_time_is_not_counted(qtbot, clock, make_page):
    page = make_page(cycles=2)
    page.start()
    assert QApplication.focusWidget() is page.pause_button
    run(page, clock, 5.0)
    with qtbot.waitSignal(page.driver.pausedChanged) as blocker:
        press(qtbot, Qt.Key.Key_Space)
    assert blocker.args == [True]
    assert page.is_paused()
    assert page.phase_text() == "Paused"
    assert page.pause_button.text() == "Resume"
    assert page.pause_button.accessibleName() == "Resume"
    assert not page.driver.timer().isActive()  # no idle wake-ups
    remaining = page.remaining_label.text()
    run(page, clock, 30.0, step=1.0)  # a long pause, read by polls that change nothing
    assert page.remaining_label.text() == remaining
    assert page.driver.practised_seconds() == pytest.approx(5.0)

    # Space still pauses and resumes when a button other than Pause has the focus.
    page.stop_button.setFocus()
    with qtbot.waitSignal(page.driver.pausedChanged) as blocker:
        press(qtbot, Qt.Key.Key_Space)
    assert blocker.args == [False]
    assert not page.is_paused()
    assert page.phase_text() == "Hold"
    assert page.pause_button.text() == "Pause"
    assert page.driver.timer().isActive()

    with qtbot.waitSignal(page.finished, timeout=1000) as done:
        run(page, clock, 28.0)
    assert done.args[0] == pytest.approx(32.0)  # the 30-second pause is not counted


def test_a_held_key_pauses_once(qtbot, clock, make_page):
    page = make_page(cycles=2)
    page.start()
    assert not page.pause_shortcut.autoRepeat() and not page.stop_shortcut.autoRepeat()
    press(qtbot, Qt.Key.Key_Space)
    assert page.is_paused()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return):  # held down on the focused button
        held = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, " ", True)
        QApplication.sendEvent(page.pause_button, held)
    assert page.is_paused()


def test_pause_button_click_and_enter(qtbot, clock, make_page):
    page = make_page(cycles=2)
    page.start()
    run(page, clock, 1.0)
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert page.is_paused()
    press(qtbot, Qt.Key.Key_Return)  # Enter presses the focused button
    assert not page.is_paused()


def test_esc_stops_at_once_with_practised_seconds(qtbot, clock, make_page):
    page = make_page()
    page.start()
    run(page, clock, 6.0)
    with qtbot.assertNotEmitted(page.finished), \
            qtbot.waitSignal(page.stopped, timeout=1000) as blocker:
        press(qtbot, Qt.Key.Key_Escape)
    assert blocker.args[0] == pytest.approx(6.0)
    assert not page.driver.timer().isActive()
    assert page.phase_text() == "Stopped"
    with qtbot.assertNotEmitted(page.finished), qtbot.assertNotEmitted(page.stopped):
        run(page, clock, 400.0, step=2.0)
        page.stop()


def test_esc_while_paused_counts_only_active_time(qtbot, clock, make_page):
    page = make_page()
    page.start()
    run(page, clock, 3.0)
    page.toggle_pause()
    run(page, clock, 20.0, step=1.0)
    with qtbot.waitSignal(page.stopped) as blocker:
        press(qtbot, Qt.Key.Key_Escape)
    assert blocker.args[0] == pytest.approx(3.0)


def test_stop_button(qtbot, clock, make_page):
    page = make_page()
    page.start()
    run(page, clock, 9.5)
    with qtbot.waitSignal(page.stopped) as blocker:
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == pytest.approx(9.5)


def test_enter_on_the_focused_stop_button_stops(qtbot, clock, make_page):
    page = make_page()
    page.start()
    run(page, clock, 2.0)
    page.stop_button.setFocus()
    with qtbot.waitSignal(page.stopped) as blocker:
        press(qtbot, Qt.Key.Key_Return)
    assert blocker.args[0] == pytest.approx(2.0)


def test_a_sleeping_computer_pauses_the_session(qtbot, clock, make_page):
    page = make_page()
    page.start()
    run(page, clock, 2.0)
    clock.advance(600.0)  # the lid was closed; no timer ran meanwhile
    with qtbot.waitSignal(page.driver.pausedChanged) as blocker:
        page.driver.poll()
    assert blocker.args == [True]
    assert page.phase_text() == "Paused"
    assert page.driver.practised_seconds() == pytest.approx(2.0)


# -- the painted pacer ------------------------------------------------------------
def test_circle_grows_on_inhale_rests_on_hold_and_shrinks_on_exhale(qtbot, clock, make_page):
    page = make_page(cycles=1)
    widget = page.pacer_widget
    assert not widget.bar_visible()
    page.start()
    radii = [widget.radius()]
    for _ in range(16):
        run(page, clock, 1.0)
        radii.append(widget.radius())
    inhale, hold, exhale, rest = radii[0:5], radii[4:9], radii[8:13], radii[12:16]
    assert inhale == sorted(inhale) and inhale[0] < inhale[-1]
    assert max(hold) - min(hold) < 1e-6
    assert exhale == sorted(exhale, reverse=True) and exhale[0] > exhale[-1]
    assert max(rest) - min(rest) < 1e-6
    assert radii[0] == pytest.approx(rest[0])


def test_reduced_motion_shows_a_still_shape_and_a_filling_bar(qtbot, clock, make_page):
    page = make_page(cycles=1, reduced_motion=True)
    widget = page.pacer_widget
    assert widget.reduced_motion() and widget.bar_visible()
    assert not page.driver.animate
    page.start()
    assert page.driver.timer().interval() == REDUCED_MOTION_MS
    radii, bars, words = set(), [], []
    for _ in range(8):
        run(page, clock, 2.0)
        radii.add(round(widget.radius(), 6))
        bars.append(round(widget.bar_progress(), 3))
        words.append(page.phase_text())
    assert len(radii) == 1  # the shape never moves
    # The bar is as full as the breath: it fills breathing in, stays full on the hold,
    # empties breathing out and stays empty on the last hold (in and out differ).
    assert bars == [0.5, 1.0, 1.0, 1.0, 0.5, 0.0, 0.0, 0.0]
    assert "fills as you breathe in, empties as you breathe out" in \
        widget.accessibleDescription()
    assert words[:6] == ["Breathe in", "Hold", "Hold", "Breathe out", "Breathe out", "Hold"]


def test_reduced_motion_can_be_switched_during_a_session(qtbot, clock, make_page):
    page = make_page(cycles=1)
    page.start()
    assert page.driver.timer().interval() == FRAME_MS
    run(page, clock, 1.0)
    page.set_reduced_motion(True)
    assert page.reduced_motion() and page.pacer_widget.bar_visible()
    still = page.pacer_widget.radius()
    run(page, clock, 1.0)
    assert page.pacer_widget.radius() == still
    page.set_reduced_motion(False)
    run(page, clock, 1.0)
    assert page.driver.timer().interval() == FRAME_MS
    assert page.pacer_widget.radius() != still


def test_the_pacer_paints_without_warnings_in_both_modes(qtbot, clock):
    """Paint into an image: antialiased, themed, and the reduced bar is drawn."""
    driver = PacerDriver(BOX_PHASES, cycles=1, clock=clock)
    widget = PacerWidget(BOX_PHASES)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    driver.start()
    clock.advance(2.0)
    widget.set_state(driver.state())
    for reduced in (False, True):
        widget.set_reduced_motion(reduced)
        image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        widget.render(image, renderFlags=QWidget.RenderFlag.DrawChildren)
        centre = image.pixelColor(200, 150 if not reduced else 130)
        assert centre.alpha() == 255  # the circle is filled
    driver.stop()


# -- accessibility and keys -------------------------------------------------------
def test_every_control_has_an_accessible_name_and_description(qtbot, make_page):
    page = make_page()
    page.start()
    for button in page.findChildren(QPushButton):
        assert button.accessibleName(), button.text()
        assert button.accessibleDescription(), button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    for label in page.findChildren(QLabel):
        assert label.accessibleDescription(), label.text()
    assert page.pacer_widget.accessibleName()
    assert page.pacer_widget.accessibleDescription()


def test_tab_reaches_both_buttons(qtbot, make_page):
    page = make_page()
    page.start()
    assert QApplication.focusWidget() is page.pause_button
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.stop_button


def test_driver_timer_is_parented_and_idle_when_not_running(qtbot, clock):
    driver = PacerDriver(BOX_PHASES, cycles=1, clock=clock)
    timer = driver.timer()
    assert timer.parent() is driver
    assert not timer.isActive()
    driver.start()
    assert timer.isActive() and timer.timerType() == Qt.TimerType.PreciseTimer
    driver.pause()
    assert not timer.isActive()
    driver.resume()
    assert timer.isActive()
    clock.advance(3.0)
    assert driver.stop() == pytest.approx(3.0)
    assert not timer.isActive()
    assert not driver.is_active()


def test_driver_reports_cycles_and_finish_in_order(qtbot, clock):
    driver = PacerDriver(BOX_PHASES, cycles=2, clock=clock)
    log: list[tuple] = []
    driver.phaseStarted.connect(lambda i, a, s: log.append(("phase", i, a)))
    driver.cycleCompleted.connect(lambda c: log.append(("cycle", c)))
    driver.finished.connect(lambda t: log.append(("finished", t)))
    driver.start()
    for _ in range(8):  # late, irregular polls still report every event once
        clock.advance(4.0)
        driver.poll()
    assert log[-3:] == [("phase", 3, "hold"), ("cycle", 1), ("finished", 32.0)]
    assert [e for e in log if e[0] == "cycle"] == [("cycle", 0), ("cycle", 1)]
    assert len([e for e in log if e[0] == "phase"]) == 8


def test_driver_real_timer_runs_a_short_session(qtbot):
    """With the real clock and its own timer, a 1-second pattern finishes by itself."""
    driver = PacerDriver((Phase("inhale", 0.5), Phase("exhale", 0.5)), cycles=1)
    ticks = []
    driver.tick.connect(lambda: ticks.append(1))
    with qtbot.waitSignal(driver.finished, timeout=5000) as blocker:
        driver.start()
    assert blocker.args[0] == pytest.approx(1.0)
    assert len(ticks) > 5
    assert not driver.timer().isActive()


def test_format_clock():
    assert format_clock(200.0) == "3:20"
    assert format_clock(199.2) == "3:20"
    assert format_clock(0.0) == "0:00"
    assert format_clock(59.0) == "0:59"


def test_a_long_session_keeps_the_interpreter_healthy(qtbot, clock, make_page):
    """Thousands of frames must not drain the interpreter's shared objects.

    PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a
    void method and to ``True`` on every ``emit()``; at 60 frames a second the
    process aborts ("none_dealloc") within seconds. 6.11.3 does not. (On Python
    3.12 and later these objects are immortal and the counts do not move.)
    """
    page = make_page(cycles=3)
    page.start()
    before = sys.getrefcount(None), sys.getrefcount(True)
    run(page, clock, 4.0, step=1 / 64)  # 256 frames: enough to see a steady drain
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] >= before[0] - 50, f"None lost {before[0] - after[0]} references"
    assert after[1] >= before[1] - 50, f"True lost {before[1] - after[1]} references"


def test_stop_stays_where_it_is_when_pause_becomes_resume(qtbot, clock, make_page):
    theme.apply(QApplication.instance(), "light", 1.0)  # the look the app has: padded buttons
    page = make_page(cycles=2)
    page.start()
    qtbot.waitUntil(lambda: page.stop_button.isVisible())
    where = page.stop_button.mapTo(page, page.stop_button.rect().topLeft())
    with qtbot.waitSignal(page.driver.pausedChanged):
        press(qtbot, Qt.Key.Key_Space)
    assert page.pause_button.text() == "Resume"
    QApplication.processEvents()
    assert page.stop_button.mapTo(page, page.stop_button.rect().topLeft()) == where


def test_while_paused_the_hint_says_how_to_go_on(qtbot, clock, make_page):
    page = make_page(cycles=1)
    page.start()
    run(page, clock, 1.0)
    assert page.hint_label.text() == "Space pauses · Esc stops"
    page.toggle_pause()
    run(page, clock, 1.0)
    assert page.hint_label.text() == "Space resumes · Esc stops"
    page.toggle_pause()
    run(page, clock, 1.0)
    assert page.hint_label.text() == "Space pauses · Esc stops"


# -- a gentle "get ready" -----------------------------------------------------------


def test_the_count_names_the_first_breath_and_is_not_practice(qtbot, clock, make_page):
    page = make_page(cycles=1, lead_in=True)
    page.start()
    assert page.counting() and page.driver.status == "idle"
    assert page.phase_text() == "Get ready"
    assert page.phase_seconds_label.text() == "3"
    assert page.remaining_label.text() == "First: breathe in"
    assert "First, breathe in" in page.last_announcement
    assert page.pause_button.text() == "Start now"  # what the focused button does now
    clock.advance(1.0)
    page.lead_in.poll()
    assert page.phase_seconds_label.text() == "2"
    clock.advance(2.0)
    page.lead_in.poll()
    assert not page.counting() and page.driver.status == "running"
    assert page.phase_text() == "Breathe in"
    assert page.hint_label.text() == "Space pauses · Esc stops"
    assert page.pause_button.text() == page.pause_button.accessibleName() == "Pause"
    run(page, clock, 1.0)
    with qtbot.waitSignal(page.stopped) as stopped:
        page.stop()
    assert stopped.args == [pytest.approx(1.0, abs=0.3)]  # the 3 s count not counted


def test_space_during_the_count_starts_now_and_esc_stops(qtbot, clock, make_page):
    page = make_page(cycles=1, lead_in=True)
    page.start()
    page.toggle_pause()  # Space: start now
    assert not page.counting() and page.driver.status == "running"
    other = make_page(cycles=1, lead_in=True)
    other.start()
    with qtbot.waitSignal(other.stopped) as stopped:
        other.stop()  # Esc during the count
    assert stopped.args == [0.0] and not other.counting()


def test_a_reflexive_enter_as_the_page_opens_keeps_the_count(qtbot, clock, make_page):
    """The Enter that confirmed the rating, pressed twice, lands on the focused "Start
    now": it is held off until the page can have been seen; Esc never is."""
    page = make_page(cycles=1, lead_in=True)
    page.start()
    assert page.focusWidget() is page.pause_button
    qtbot.keyClick(page.pause_button, Qt.Key.Key_Return)
    assert page.counting() and page.driver.status == "idle"
    clock.advance(FRESH_PAGE_GRACE)
    page.lead_in.poll()
    qtbot.keyClick(page.pause_button, Qt.Key.Key_Return)  # now a choice: start now
    assert not page.counting() and page.driver.status == "running"
    other = make_page(cycles=1, lead_in=True)
    other.start()
    with qtbot.waitSignal(other.stopped):
        qtbot.keyClick(other.pause_button, Qt.Key.Key_Escape)  # at once, even now


def test_help_during_the_count_holds_on_the_first_breath(qtbot, clock, make_page):
    page = make_page(cycles=1, lead_in=True)
    page.start()
    page.pause()  # as Get help now does
    assert not page.counting() and page.is_paused()
    clock.advance(30.0)  # a long look at the help page
    page.driver.poll()
    page.toggle_pause()  # back: Resume
    run(page, clock, 1.0)
    assert page.phase_text() == "Breathe in" and page.driver.state().elapsed == \
        pytest.approx(1.0, abs=0.3)


def test_without_the_count_the_first_breath_starts_at_once(qtbot, clock, make_page):
    page = make_page(cycles=1)
    page.start()
    assert page.lead_in is None and page.driver.status == "running"
