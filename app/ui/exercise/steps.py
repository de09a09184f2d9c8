"""The steps view (grounding, sensory, body): one step at a time, in large text.

A ``count`` step shows a row of markers and a Tick button; Enter or Space ticks
one item, and once all are ticked the next Enter moves on. A ``seconds`` step
shows a silent countdown read from the clock (never from counting timer ticks);
when the time is up it says so gently and waits for the person to move on.
A plain step moves on with Enter or Space. Back and Next are always there; Esc
stops at once.

Keys go to the focused control, as everywhere in Qt, and the focus is put on
the step's main action (Tick, or Next) each time a step opens, so Enter and
Space do the expected thing without a mouse. When the page itself holds the
focus, Enter and Space do the main action too.

Ticks are kept when the person goes back to a step; a countdown starts afresh
on each visit (it is a guide for the attempt under way, not a record).

The page holds the :mod:`~app.ui.exercise.step_card` (the step's words, its
:mod:`~app.ui.exercise.tick_list` and its :mod:`~app.ui.exercise.step_countdown`)
and the buttons, and moves from step to step.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain.exercise import Exercise, Step
from app.ui.exercise.step_card import StepCard
from app.ui.exercise.step_countdown import Clock
from app.ui.widgets.common import (
    PRESS_KEYS,
    EnterGuard,
    announce,
    centred_label,
    is_held_press,
    show_if_room,
)
from app.ui.widgets.page import Page


class StepsPage(Page):
    """A step-by-step exercise. Esc stops it at once, from anywhere in the window.

    Signals:
        finished(practised_seconds): the person moved on from the last step.
        stopped(practised_seconds): the person stopped (Esc).
        stepChanged(index): a step opened (0-based).
        countdownDone(index): a timed step's time is up (the page stays on it).
    """

    ESC_ANYWHERE = True  # the help button included, not only the page

    finished = Signal(float)
    stopped = Signal(float)
    stepChanged = Signal(int)
    countdownDone = Signal(int)

    def __init__(self, exercise: Exercise, *, clock: Clock = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exercise = exercise
        self._steps: tuple[Step, ...] = exercise.steps
        self._clock = clock
        self._index = 0
        self._ticks = [0] * len(self._steps)
        self._started_at: float | None = None
        self._ended = False
        self.last_announcement = ""
        self._timer = QTimer(self)
        self._timer.setObjectName("countdownTimer")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._build()
        self._connect_signals()
        self._show_step(announce=False)

    # -- building -------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("stepsPage")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName(self.tr("Exercise: {title}").format(title=self._exercise.title))
        self.title_label = centred_label(self._exercise.title, "title",
                                       self.tr("The exercise you are doing"))
        self.title_label.setWordWrap(True)
        self.progress_label = centred_label("", "muted", self.tr("Where you are in the exercise"))
        self.step_area = StepCard(self._timer, self._clock)
        card = self.step_area
        self.text_label, self.countdown = card.text_label, card.countdown
        self.markers, self.tally_label = card.ticks.markers, card.ticks.tally_label
        self.untick_button = card.ticks.untick_button
        self.countdown_label = card.countdown.countdown_label
        self.countdown_bar = card.countdown.countdown_bar
        self._build_buttons()
        self.hint_label = centred_label("", "small", self.tr("Keys you can use"))
        self._lay_out()

    def _build_buttons(self) -> None:
        self.back_button = self._button(self.tr("Back"), self.tr("Go back to the previous step"))
        self.tick_button = self._button(self.tr("Tick"),
                                        self.tr("Tick one item. Enter or Space also ticks."))
        self.next_button = self._button(self.tr("Next"), "")
        self.stop_button = self._button(
            self.tr("Stop"), self.tr("Stop the exercise now. Esc also stops, without asking."))
        self.stop_button.setToolTip(self.tr("Stop now (Esc)"))
        for button in (self.back_button, self.tick_button, self.next_button, self.stop_button,
                       self.untick_button):
            button.setAutoDefault(True)  # Enter presses the focused button
            button.installEventFilter(self)  # ... once per press, even when held down
        # The page opens under the Enter that confirmed the rating: a reflexive second
        # press must not tick or move past the first step before it is read.
        self.enter_guard = EnterGuard(self.back_button, self.tick_button, self.next_button,
                                      self.untick_button, clock=self._clock, parent=self)

    @staticmethod
    def _button(text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        if description:
            button.setAccessibleDescription(description)
        return button

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.tick_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(24)  # set apart: it ends the exercise
        buttons.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.step_area, 1)
        layout.addLayout(buttons)
        layout.addSpacing(4)
        layout.addWidget(self.hint_label)
        self.setTabOrder(self.back_button, self.tick_button)
        self.setTabOrder(self.tick_button, self.next_button)
        self.setTabOrder(self.next_button, self.stop_button)

    def _connect_signals(self) -> None:
        self.countdown.timeUp.connect(self.on_time_up)
        self.back_button.clicked.connect(self.previous_step)
        self.untick_button.clicked.connect(self.untick)
        self.tick_button.clicked.connect(self.tick)
        self.next_button.clicked.connect(self.next_step)
        self.stop_button.clicked.connect(self.stop)

    # -- reading --------------------------------------------------------------
    def index(self) -> int:
        return self._index

    def step_count(self) -> int:
        return len(self._steps)

    def current_step(self) -> Step | None:
        return self._steps[self._index] if self._steps else None

    def ticked(self) -> int:
        """Items ticked on the current step."""
        return self._ticks[self._index] if self._steps else 0

    def countdown_remaining(self) -> float | None:
        """Seconds left on the current step's countdown (None without one)."""
        return self.countdown.remaining()

    def is_countdown_done(self) -> bool:
        return self.countdown.is_done()

    def practised_seconds(self) -> float:
        if self._started_at is None:
            return 0.0
        return max(0.0, self._clock() - self._started_at)

    def timer(self) -> QTimer:
        return self._timer

    def text_role(self) -> str:
        """The type the step is shown in: "huge", or "title" when huge cannot fit."""
        return self.step_area.text_role()

    # -- control --------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        """Open the first step and start counting practised time."""
        if self._started_at is not None or self._ended:
            return
        self._started_at = self._clock()
        self.enter_guard.arm()
        self._index = 0
        self._show_step(announce=True)
        if not self._steps:  # nothing to do: a kind, immediate end
            self._end(finished=True)

    @Slot()
    def activate(self) -> None:
        """The main action: tick an item if any are left, else move on."""
        step = self.current_step()
        if step is not None and step.count and self.ticked() < step.count:
            self.tick()
        else:
            self.next_step()

    @Slot()
    def tick(self) -> None:
        step = self.current_step()
        if self._ended or step is None or not step.count or self.ticked() >= step.count:
            return
        self._ticks[self._index] += 1
        self._show_counts()
        done, total = self.ticked(), step.count
        if done >= total:
            self._announce(self.tr("All {total} ticked. Enter moves on.").format(total=total))
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._announce(self.tr("{done} of {total}").format(done=done, total=total))
        self._update_buttons()

    @Slot()
    def untick(self) -> None:
        """Take back the last tick of this step (a key pressed once too often)."""
        step = self.current_step()
        if self._ended or step is None or not step.count or self.ticked() == 0:
            return
        self._ticks[self._index] -= 1
        self._show_counts()
        self._announce(self.tr("{done} of {total}").format(done=self.ticked(), total=step.count))
        self._update_buttons()
        self._main_button().setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def next_step(self) -> None:
        if self._ended:
            return
        if self._index >= len(self._steps) - 1:
            self._end(finished=True)
            return
        self._index += 1
        self._show_step(announce=True)

    @Slot()
    def previous_step(self) -> None:
        if self._ended or self._index == 0:
            return
        self._index -= 1
        self._show_step(announce=True)

    @Slot()
    def stop(self) -> None:
        """Stop at once (no confirmation) and emit ``stopped``."""
        if not self._ended:
            self._end(finished=False)

    @Slot()
    def on_escape(self) -> None:
        """Esc stops the exercise at once."""
        self.stop()

    @Slot()
    def poll(self) -> None:
        """Read the clock and show the countdown; plan the next wake-up."""
        if self._ended:
            self._timer.stop()
            return
        self.countdown.poll()

    @Slot(str)
    def on_time_up(self, text: str) -> None:
        self._announce(text)
        self.countdownDone.emit(self._index)

    # -- keys -----------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        """Back on the page (after Get help now, say), the focus goes to the button the
        next Enter presses, where it can be seen, not to the page itself."""
        super().focusInEvent(event)
        main = self._main_button()
        if main.isEnabled():
            main.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """In a short window (large text, a small screen) the title and the key hint
        make way, so the step itself keeps room for two lines and nothing is cut."""
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        step_room = 2 * self.countdown_label.fontMetrics().lineSpacing()
        core = (margins.top() + margins.bottom() + 10 * 5 + 4 + step_room
                + self.progress_label.sizeHint().height() + self.next_button.sizeHint().height())
        show_if_room((self.title_label, self.hint_label), self.height(), core)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_held_press(event):  # a held key must not race through the steps
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace:
            self.untick()
            event.accept()
            return
        if event.key() in PRESS_KEYS:
            if not event.isAutoRepeat() and not self.enter_guard.fresh():
                self.activate()
            event.accept()
            return
        if self.step_area.scroll_by_key(event.key()):
            event.accept()  # long text: Page Up/Down (and the arrows on the page) scroll it
            return
        super().keyPressEvent(event)

    # -- internals ------------------------------------------------------------
    def _show_step(self, *, announce: bool) -> None:
        step = self.current_step()
        self.countdown.reset(float(step.seconds or 0) if step is not None else 0.0)
        if step is None:
            self.progress_label.setText("")
            self.text_label.setText("")
            for widget in (self.step_area.ticks, self.countdown, self.tick_button):
                widget.setVisible(False)
            self._update_buttons()
            return
        self.progress_label.setText(
            self.tr("Step {n} of {total}").format(n=self._index + 1, total=len(self._steps)))
        self.step_area.show_text(step.text)
        for widget in (self.step_area.ticks, self.tick_button):
            widget.setVisible(bool(step.count))
        self.countdown.setVisible(bool(step.seconds))
        self._show_counts()
        if step.seconds and self._started_at is not None:
            self.countdown.begin()
        self._show_next_button()
        self.step_area.fit_text()
        self._update_buttons()
        if self._started_at is not None:
            self._main_button().setFocus(Qt.FocusReason.OtherFocusReason)
        if announce:
            self._announce(f"{self.progress_label.text()}. {step.text}")
        self.stepChanged.emit(self._index)

    def _show_next_button(self) -> None:
        """Next, or Finish on the last step."""
        last = self._index == len(self._steps) - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.setAccessibleDescription(
            self.tr("End the exercise") if last else self.tr("Go on to the next step"))

    def _show_counts(self) -> None:
        step = self.current_step()
        if step is None or not step.count or self.ticked() >= step.count:
            self.hint_label.setText(self.tr("Enter moves on · Esc stops"))
        else:
            self.hint_label.setText(self.tr("Enter or Space ticks one · Esc stops"))
        if step is not None and step.count:
            self.step_area.ticks.show_count(self.ticked(), step.count)
        else:
            self.untick_button.hide()  # nothing here to take back

    def _main_button(self) -> QPushButton:
        step = self.current_step()
        if step is not None and step.count and self.ticked() < step.count:
            return self.tick_button
        return self.next_button

    def _update_buttons(self) -> None:
        main = self._main_button()
        self.back_button.setEnabled(not self._ended and self._index > 0)
        self.tick_button.setEnabled(not self._ended and main is self.tick_button)
        self.next_button.setEnabled(not self._ended and bool(self._steps))
        self.stop_button.setEnabled(not self._ended)
        for button in (self.tick_button, self.next_button):
            role = "primary" if button is main else ""
            if button.property("role") != role:
                button.setProperty("role", role)
                button.style().unpolish(button)
                button.style().polish(button)

    def _announce(self, text: str) -> None:
        """Tell a screen reader, politely, what changed."""
        self.last_announcement = text
        announce(self.text_label, text)

    def _end(self, *, finished: bool) -> None:
        practised = self.practised_seconds()
        self._ended = True
        self.countdown.halt()
        self._update_buttons()
        if finished:
            self.finished.emit(practised)
        else:
            self.stopped.emit(practised)
