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
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.exercise import Exercise, Step
from app.ui.style import theme
from app.ui.widgets.common import PRESS_KEYS, format_clock, is_held_press, show_if_room

Clock = Callable[[], float]

MARKER_DIAMETER = 28
MARKER_GAP = 14
MARKER_RING = 2.0


class ItemMarkers(QWidget):
    """A row of circles, one per item; ticked ones are filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._done = 0
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._refresh_colors()

    def set_count(self, done: int, total: int) -> None:
        if (done, total) == (self._done, self._total):
            return
        resized = total != self._total
        self._done, self._total = done, total
        self.setAccessibleName(self.tr("{done} of {total} ticked").format(done=done,
                                                                        total=total))
        if resized:
            self.updateGeometry()
        self.update()

    def ticked(self) -> int:
        return self._done

    def total(self) -> int:
        return self._total

    def sizeHint(self) -> QSize:
        n = self._total
        width = n * MARKER_DIAMETER + max(n - 1, 0) * MARKER_GAP + 4
        return QSize(width, MARKER_DIAMETER + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _refresh_colors(self) -> None:
        c = theme.colors()
        self._open_pen = QPen(QColor(c.muted), MARKER_RING)
        self._open_brush = QBrush(QColor(c.surface))
        self._done_pen = QPen(QColor(c.accent), MARKER_RING)
        self._done_brush = QBrush(QColor(c.accent))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._refresh_colors()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._total <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        width = self._total * MARKER_DIAMETER + (self._total - 1) * MARKER_GAP
        x = (self.width() - width) / 2.0
        y = (self.height() - MARKER_DIAMETER) / 2.0
        inset = MARKER_RING / 2.0
        size = MARKER_DIAMETER - MARKER_RING
        for i in range(self._total):
            if i < self._done:
                painter.setPen(self._done_pen)
                painter.setBrush(self._done_brush)
            else:
                painter.setPen(self._open_pen)
                painter.setBrush(self._open_brush)
            painter.drawEllipse(QRectF(x + inset, y + inset, size, size))
            x += MARKER_DIAMETER + MARKER_GAP
        painter.end()


class StepsPage(QWidget):
    """A step-by-step exercise.

    Signals:
        finished(practised_seconds): the person moved on from the last step.
        stopped(practised_seconds): the person stopped (Esc).
        stepChanged(index): a step opened (0-based).
        countdownDone(index): a timed step's time is up (the page stays on it).
    """

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
        self._countdown_from: float | None = None  # clock reading when the step opened
        self._countdown_done = False
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

        self.title_label = QLabel(self._exercise.title)
        self.title_label.setProperty("role", "title")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleDescription(self.tr("The exercise you are doing"))

        self.progress_label = QLabel()
        self.progress_label.setProperty("role", "muted")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_label.setAccessibleDescription(self.tr("Where you are in the exercise"))

        self.text_label = QLabel()
        self.text_label.setProperty("role", "huge")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAccessibleDescription(self.tr("This step"))
        self.text_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                      QSizePolicy.Policy.Minimum)

        self.markers = ItemMarkers()
        self.tally_label = QLabel()
        self.tally_label.setProperty("role", "title")
        self.tally_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tally_label.setAccessibleDescription(self.tr("Items ticked so far"))

        self.countdown_label = QLabel()
        self.countdown_label.setProperty("role", "title")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label.setWordWrap(True)
        self.countdown_label.setAccessibleDescription(self.tr("Time left for this step"))
        self.countdown_bar = QProgressBar()
        self.countdown_bar.setRange(0, 1000)
        self.countdown_bar.setTextVisible(False)
        self.countdown_bar.setMaximumWidth(420)
        self.countdown_bar.setAccessibleName(self.tr("Time left for this step"))
        self.countdown_bar.setAccessibleDescription(self.tr("Empties as the time passes"))

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAccessibleDescription(self.tr("Go back to the previous step"))
        self.tick_button = QPushButton(self.tr("Tick"))
        self.tick_button.setAccessibleName(self.tr("Tick"))
        self.tick_button.setAccessibleDescription(
            self.tr("Tick one item. Enter or Space also ticks."))
        self.untick_button = QPushButton(self.tr("Undo a tick"))
        self.untick_button.setAccessibleName(self.tr("Undo a tick"))
        self.untick_button.setAccessibleDescription(
            self.tr("Take back the last tick. Backspace does the same."))
        self.untick_button.setToolTip(self.tr("Take back the last tick (Backspace)"))
        self.untick_button.hide()
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop"))
        self.stop_button.setAccessibleDescription(
            self.tr("Stop the exercise now. Esc also stops, without asking."))
        self.stop_button.setToolTip(self.tr("Stop now (Esc)"))
        for button in (self.back_button, self.tick_button, self.next_button, self.stop_button,
                       self.untick_button):
            button.setAutoDefault(True)  # Enter presses the focused button
            button.installEventFilter(self)  # ... once per press, even when held down

        self.hint_label = QLabel()
        self.hint_label.setProperty("role", "small")
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setAccessibleDescription(self.tr("Keys you can use"))

        marker_row = QHBoxLayout()
        marker_row.addStretch(1)
        marker_row.addWidget(self.markers)
        marker_row.addStretch(1)
        bar_row = QHBoxLayout()
        bar_row.addStretch(1)
        bar_row.addWidget(self.countdown_bar, 4)
        bar_row.addStretch(1)

        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.tick_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(24)  # set apart: it ends the exercise
        buttons.addWidget(self.stop_button)

        # The step itself, centred in the room left; it scrolls only when even the
        # smaller type cannot fit (long text at a large text size).
        self.step_area = QScrollArea()
        self.step_area.setObjectName("stepArea")
        self.step_area.setWidgetResizable(True)
        self.step_area.setFrameShape(QFrame.Shape.NoFrame)
        self.step_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.step_area.viewport().installEventFilter(self)
        content = QWidget()
        content.setObjectName("stepContent")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        body.addStretch(1)
        body.addWidget(self.text_label)
        body.addSpacing(16)
        body.addLayout(marker_row)
        body.addWidget(self.tally_label)
        body.addWidget(self.untick_button, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self.countdown_label)
        body.addLayout(bar_row)
        body.addStretch(1)
        self.step_area.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.step_area, 1)
        layout.addLayout(buttons)
        layout.addSpacing(4)
        layout.addWidget(self.hint_label)

        self.stop_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        # Esc stops from anywhere in the window (the help button included), not only the page.
        self.stop_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.stop_shortcut.setAutoRepeat(False)
        self.setTabOrder(self.back_button, self.tick_button)
        self.setTabOrder(self.tick_button, self.next_button)
        self.setTabOrder(self.next_button, self.stop_button)

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.poll)
        self.back_button.clicked.connect(self.previous_step)
        self.untick_button.clicked.connect(self.untick)
        self.tick_button.clicked.connect(self.tick)
        self.next_button.clicked.connect(self.next_step)
        self.stop_button.clicked.connect(self.stop)
        self.stop_shortcut.activated.connect(self.stop)

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
        step = self.current_step()
        if step is None or not step.seconds or self._countdown_from is None:
            return None
        return max(0.0, step.seconds - (self._clock() - self._countdown_from))

    def is_countdown_done(self) -> bool:
        return self._countdown_done

    def practised_seconds(self) -> float:
        if self._started_at is None:
            return 0.0
        return max(0.0, self._clock() - self._started_at)

    def timer(self) -> QTimer:
        return self._timer

    # -- control --------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        """Open the first step and start counting practised time."""
        if self._started_at is not None or self._ended:
            return
        self._started_at = self._clock()
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
    def poll(self) -> None:
        """Read the clock and show the countdown; plan the next wake-up."""
        self._timer.stop()
        remaining = self.countdown_remaining()
        if self._ended or remaining is None:
            return
        step = self.current_step()
        total = float(step.seconds) if step is not None and step.seconds else 1.0
        self.countdown_bar.setValue(round(1000 * remaining / total))
        if remaining <= 0.0:
            if not self._countdown_done:
                self._countdown_done = True
                text = self.tr("That's the time. Move on when you're ready.")
                self.countdown_label.setText(text)
                self._announce(text)
                self.countdownDone.emit(self._index)
            return
        self.countdown_label.setText(
            self.tr("{time} left").format(time=format_clock(remaining)))
        # Wake when the shown second changes (and often enough for the bar).
        to_next_second = remaining - (math.ceil(remaining - 1e-6) - 1)
        self._timer.start(max(1, min(1000, math.ceil(to_next_second * 1000.0))))

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
        if watched is self.step_area.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_text()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace:
            self.untick()
            event.accept()
            return
        if event.key() in PRESS_KEYS:
            if not event.isAutoRepeat():
                self.activate()
            event.accept()
            return
        bar = self.step_area.verticalScrollBar()
        scroll = {
            Qt.Key.Key_Up: -bar.singleStep(), Qt.Key.Key_Down: bar.singleStep(),
            Qt.Key.Key_PageUp: -bar.pageStep(), Qt.Key.Key_PageDown: bar.pageStep(),
        }.get(Qt.Key(event.key()))
        if scroll is not None:  # long text: Page Up/Down (and the arrows on the page) scroll it
            bar.setValue(bar.value() + scroll)
            event.accept()
            return
        super().keyPressEvent(event)

    # -- fitting the text -----------------------------------------------------
    def text_role(self) -> str:
        """The type the step is shown in: "huge", or "title" when huge cannot fit."""
        return str(self.text_label.property("role"))

    def _set_text_role(self, role: str) -> None:
        if self.text_label.property("role") != role:
            self.text_label.setProperty("role", role)
            self.text_label.style().unpolish(self.text_label)
            self.text_label.style().polish(self.text_label)

    def _fit_text(self) -> None:
        """Huge type when the step fits in the room there is; else one size down."""
        viewport = self.step_area.viewport()
        width, height = viewport.width(), viewport.height()
        content = self.step_area.widget()
        if width <= 0 or height <= 0 or content is None:
            return
        for role in ("huge", "title"):
            self._set_text_role(role)
            if content.heightForWidth(width) <= height:
                break

    # -- internals ------------------------------------------------------------
    def _show_step(self, *, announce: bool) -> None:
        self._timer.stop()
        self._countdown_from = None
        self._countdown_done = False
        step = self.current_step()
        total = len(self._steps)
        if step is None:
            self.progress_label.setText("")
            self.text_label.setText("")
            for widget in (self.markers, self.tally_label, self.countdown_label,
                           self.countdown_bar, self.tick_button):
                widget.setVisible(False)
            self._update_buttons()
            return
        self.progress_label.setText(
            self.tr("Step {n} of {total}").format(n=self._index + 1, total=total))
        self.text_label.setText(step.text)
        self.step_area.verticalScrollBar().setValue(0)
        counted = bool(step.count)
        for widget in (self.markers, self.tally_label, self.tick_button):
            widget.setVisible(counted)
        timed = bool(step.seconds)
        self.countdown_label.setVisible(timed)
        self.countdown_bar.setVisible(timed)
        self._show_counts()
        if timed and self._started_at is not None:
            self._countdown_from = self._clock()
            self.poll()
        elif timed:  # not started yet: show the full time, still
            self.countdown_label.setText(
                self.tr("{time} left").format(time=format_clock(float(step.seconds or 0))))
            self.countdown_bar.setValue(1000)
        last = self._index == total - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.setAccessibleDescription(
            self.tr("End the exercise") if last else self.tr("Go on to the next step"))
        self._fit_text()
        self._update_buttons()
        if self._started_at is not None:
            self._main_button().setFocus(Qt.FocusReason.OtherFocusReason)
        if announce:
            self._announce(f"{self.progress_label.text()}. {step.text}")
        self.stepChanged.emit(self._index)

    def _show_counts(self) -> None:
        step = self.current_step()
        if step is None or not step.count or self.ticked() >= step.count:
            self.hint_label.setText(self.tr("Enter moves on · Esc stops"))
        else:
            self.hint_label.setText(self.tr("Enter or Space ticks one · Esc stops"))
        self.untick_button.setVisible(bool(step and step.count and self.ticked()))
        if step is None or not step.count:
            return
        done = self.ticked()
        self.markers.set_count(done, step.count)
        self.tally_label.setText(self.tr("{done} of {total}").format(done=done,
                                                                   total=step.count))

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
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.text_label, text))

    def _end(self, *, finished: bool) -> None:
        practised = self.practised_seconds()
        self._ended = True
        self._timer.stop()
        self._update_buttons()
        if finished:
            self.finished.emit(practised)
        else:
            self.stopped.emit(practised)
