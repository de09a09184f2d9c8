"""The steps page (grounding, sensory, body), by keys and clicks, on a fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from app.domain.exercise import Exercise, Step
from app.ui.exercise.steps import StepsPage
from app.ui.widgets.common import FRESH_PAGE_GRACE, format_clock
from tests.gui.conftest import press, show_active

pytestmark = pytest.mark.gui

GROUNDING = Exercise(
    id="five-senses", title="5-4-3-2-1", kind="grounding",
    steps=(
        Step("Take three slow breaths, at your own pace."),
        Step("Name five things you can see.", count=5),
        Step("Hold something cold, or rest your hands on something cool.", seconds=30),
        Step("Notice your feet on the floor."),
    ),
)


@pytest.fixture
def make_page(qtbot, clock):
    """A shown, active steps page on the fake clock."""

    def make(exercise: Exercise = GROUNDING) -> StepsPage:
        page = StepsPage(exercise, clock=clock)
        # These tests press deliberately, at once on the fake clock; holding off a
        # reflexive press as the page opens has its own tests below.
        page.enter_guard.arm = lambda: None
        qtbot.addWidget(page)
        page.resize(800, 600)
        show_active(qtbot, page)
        return page

    return make


def test_one_step_at_a_time_and_enter_moves_on(qtbot, clock, make_page):
    page = make_page()
    page.start()
    assert page.progress_label.text() == "Step 1 of 4"
    assert page.text_label.text() == GROUNDING.steps[0].text
    assert not page.tick_button.isVisible() and not page.markers.isVisible()
    assert not page.countdown_label.isVisible()
    assert QApplication.focusWidget() is page.next_button
    with qtbot.waitSignal(page.stepChanged) as blocker:
        press(qtbot, Qt.Key.Key_Return)
    assert blocker.args == [1]
    assert page.progress_label.text() == "Step 2 of 4"


def test_ticking_a_count_step_with_enter(qtbot, clock, make_page):
    page = make_page()
    page.start()
    press(qtbot, Qt.Key.Key_Return)  # past the first step
    assert page.index() == 1
    assert page.tick_button.isVisible() and page.markers.isVisible()
    assert page.tally_label.text() == "0 of 5"
    assert page.hint_label.text() == "Enter or Space ticks one · Esc stops"
    assert QApplication.focusWidget() is page.tick_button
    assert page.tick_button.property("role") == "primary"
    tallies = []
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Return)
        tallies.append(page.tally_label.text())
        assert page.index() == 1  # ticking never moves on by itself
    assert tallies == ["1 of 5", "2 of 5", "3 of 5", "4 of 5", "5 of 5"]
    assert page.markers.ticked() == 5 and page.markers.total() == 5
    assert page.markers.accessibleName() == "5 of 5 ticked"
    assert not page.tick_button.isEnabled()
    assert QApplication.focusWidget() is page.next_button  # the next Enter moves on
    assert page.next_button.property("role") == "primary"
    assert page.last_announcement.startswith("All 5 ticked")
    assert page.hint_label.text() == "Enter moves on · Esc stops"  # nothing left to tick
    press(qtbot, Qt.Key.Key_Return)
    assert page.index() == 2


def test_space_and_clicks_tick_too(qtbot, clock, make_page):
    page = make_page()
    page.start()
    page.next_step()
    press(qtbot, Qt.Key.Key_Space)
    assert page.ticked() == 1
    qtbot.mouseClick(page.tick_button, Qt.MouseButton.LeftButton)
    assert page.ticked() == 2
    # With the focus on the page itself, Enter and Space still do the main action.
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.keyClick(page, Qt.Key.Key_Enter)
    assert page.ticked() == 4
    assert page.tally_label.text() == "4 of 5"


def test_a_count_step_may_be_left_early_with_next(qtbot, clock, make_page):
    page = make_page()
    page.start()
    page.next_step()
    page.tick()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.index() == 2


def test_seconds_step_counts_down_on_the_clock_and_waits(qtbot, clock, make_page):
    page = make_page()
    page.start()
    page.next_step()
    page.next_step()
    assert page.index() == 2
    assert page.countdown_label.isVisible() and page.countdown_bar.isVisible()
    assert page.countdown_label.text() == "0:30 left"
    timer = page.timer()
    assert timer.isActive() and timer.parent() is page
    assert 0 < timer.interval() <= 1000

    clock.advance(10.25)
    page.poll()  # what the timer does when it fires
    assert page.countdown_label.text() == "0:20 left"
    assert page.countdown_remaining() == pytest.approx(19.75)
    assert timer.interval() == 750  # wakes when the shown second changes
    assert page.countdown_bar.value() == round(1000 * 19.75 / 30)

    # Time comes from the clock: ten wake-ups with no time passing change nothing.
    for _ in range(10):
        page.poll()
    assert page.countdown_label.text() == "0:20 left"

    with qtbot.waitSignal(page.countdownDone) as done:
        clock.advance(20.0)
        page.poll()
    assert done.args == [2]
    assert page.is_countdown_done()
    assert "Move on when you're ready" in page.countdown_label.text()
    assert page.last_announcement == page.countdown_label.text()
    assert not timer.isActive()  # no wake-ups once it is done
    clock.advance(60.0)
    page.poll()
    assert page.index() == 2  # never moves on by itself
    press(qtbot, Qt.Key.Key_Return)
    assert page.index() == 3


def test_the_countdown_timer_fires_by_itself(qtbot, clock, make_page):
    """The parented timer really calls poll; the clock still decides what is shown."""
    page = make_page()
    page.start()
    page.next_step()
    page.next_step()
    clock.advance(30.0)
    with qtbot.waitSignal(page.countdownDone, timeout=3000):
        pass
    assert page.is_countdown_done()


def test_back_and_next_buttons(qtbot, clock, make_page):
    page = make_page()
    page.start()
    assert not page.back_button.isEnabled()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    page.tick()
    page.tick()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.index() == 2
    assert page.back_button.isEnabled()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.index() == 1
    assert page.tally_label.text() == "2 of 5"  # ticks are kept
    assert QApplication.focusWidget() is page.tick_button  # focus back on the main action
    page.previous_step()
    assert page.index() == 0
    page.previous_step()  # nothing before the first step
    assert page.index() == 0


def test_back_by_keyboard(qtbot, clock, make_page):
    page = make_page()
    page.start()
    page.next_step()
    page.back_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Enter presses the focused button, here Back
    assert page.index() == 0
    assert page.ticked() == 0


def test_returning_to_a_timed_step_starts_its_countdown_afresh(qtbot, clock, make_page):
    page = make_page()
    page.start()
    page.next_step()
    page.next_step()
    clock.advance(12.0)
    page.poll()
    page.next_step()
    assert not page.timer().isActive()
    page.previous_step()
    assert page.countdown_label.text() == "0:30 left"


def test_esc_stops_at_once(qtbot, clock, make_page):
    page = make_page()
    page.start()
    clock.advance(4.0)
    page.next_step()
    page.next_step()
    clock.advance(3.5)
    with qtbot.assertNotEmitted(page.finished), \
            qtbot.waitSignal(page.stopped, timeout=1000) as blocker:
        press(qtbot, Qt.Key.Key_Escape)
    assert blocker.args[0] == pytest.approx(7.5)
    assert not page.timer().isActive()
    for button in (page.back_button, page.tick_button, page.next_button, page.stop_button):
        assert not button.isEnabled()
    with qtbot.assertNotEmitted(page.stopped), qtbot.assertNotEmitted(page.finished):
        page.stop()
        page.next_step()


def test_the_stop_button_stops_at_once_for_a_mouse(qtbot, clock, make_page):
    page = make_page()
    page.start()
    clock.advance(2.0)
    assert page.stop_button.isEnabled() and page.stop_button.isVisible()
    with qtbot.assertNotEmitted(page.finished), \
            qtbot.waitSignal(page.stopped, timeout=1000) as blocker:
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == pytest.approx(2.0)


def test_finished_after_the_last_step(qtbot, clock, make_page):
    page = make_page()
    page.start()
    press(qtbot, Qt.Key.Key_Return)
    for _ in range(6):  # five ticks, then on
        press(qtbot, Qt.Key.Key_Return)
    clock.advance(5.0)
    press(qtbot, Qt.Key.Key_Return)  # the timed step can be left before its time is up
    assert page.index() == 3
    assert page.next_button.text() == "Finish"
    clock.advance(40.0)
    with qtbot.assertNotEmitted(page.stopped), \
            qtbot.waitSignal(page.finished, timeout=1000) as blocker:
        press(qtbot, Qt.Key.Key_Return)
    assert blocker.args[0] == pytest.approx(45.0)


def test_every_control_has_an_accessible_name_and_description(qtbot, make_page):
    page = make_page()
    page.start()
    page.next_step()
    for button in page.findChildren(QPushButton):
        assert button.accessibleName(), button.text()
        assert button.accessibleDescription(), button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    for label in page.findChildren(QLabel):
        assert label.accessibleDescription(), label.text()
    assert page.countdown_bar.accessibleName()
    assert page.last_announcement == "Step 2 of 4. Name five things you can see."


def test_tab_order_reaches_every_button(qtbot, make_page):
    page = make_page()
    page.start()
    page.next_step()
    seen = []
    for _ in range(4):
        seen.append(QApplication.focusWidget())
        press(qtbot, Qt.Key.Key_Tab)
    assert set(seen) == {page.back_button, page.tick_button, page.next_button,
                         page.stop_button}


def test_an_exercise_without_steps_ends_kindly(qtbot, clock):
    page = StepsPage(Exercise(id="empty", title="Empty", kind="body"), clock=clock)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished) as blocker:
        page.start()
    assert blocker.args == [0.0]


def test_format_clock():
    assert format_clock(30.0) == "0:30"
    assert format_clock(29.01) == "0:30"
    assert format_clock(0.0) == "0:00"
    assert format_clock(600.0) == "10:00"


def test_a_held_key_does_not_race_through_the_steps(qtbot, clock, make_page):
    page = make_page()
    page.start()
    page.next_step()
    assert QApplication.focusWidget() is page.tick_button
    press(qtbot, Qt.Key.Key_Return)
    for _ in range(20):  # the key stays down: the system repeats it
        held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                         "\r", True)
        QApplication.sendEvent(QApplication.focusWidget(), held)
    assert page.ticked() == 1 and page.index() == 1


def test_long_text_steps_down_a_size_and_scrolls_rather_than_clipping(qtbot, clock, make_page):
    long_text = " ".join(["Rest your hands on something steady and notice it."] * 6)
    exercise = Exercise(id="long", title="Long", kind="body",
                        steps=(Step("Notice your feet."), Step(long_text)))
    page = make_page(exercise)
    page.start()
    assert page.text_role() == "huge"
    font = page.font()
    font.setPointSize(20)  # large text, as a person may choose
    page.setFont(font)
    page.resize(420, 320)
    page.next_step()
    qtbot.waitUntil(lambda: page.text_role() == "title")
    area = page.step_area
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)  # the rest scrolls
    assert page.text_label.height() >= page.text_label.heightForWidth(page.text_label.width())
    assert QApplication.focusWidget() is page.next_button
    press(qtbot, Qt.Key.Key_PageDown)  # Page Down scrolls the text; the focus stays put
    assert area.verticalScrollBar().value() > 0
    assert QApplication.focusWidget() is page.next_button


def test_a_reflexive_enter_as_the_page_opens_does_not_move_on(qtbot, clock):
    """The Enter that confirmed the rating, pressed twice: the first step stays until
    it can have been read; a press after that moves on as always."""
    page = StepsPage(GROUNDING, clock=clock)
    qtbot.addWidget(page)
    page.resize(800, 600)
    show_active(qtbot, page)
    page.start()
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Return)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.progress_label.text() == "Step 1 of 4"
    clock.advance(FRESH_PAGE_GRACE)
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Return)
    assert page.progress_label.text() == "Step 2 of 4"
