"""A timed step's countdown, read from the clock: "0:20 left" and a bar that empties."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.ui.widgets.common import format_clock, resized_inside

Clock = Callable[[], float]


class StepCountdown(QWidget):
    """The time left, from the clock (never from counting timer ticks). The timer only
    says when to look again; it is given by the page, which owns it, so it ends with the
    page. ``timeUp(text)`` once the time is up, with the words then shown: it waits for
    the person to move on."""

    timeUp = Signal(str)

    def __init__(self, timer: QTimer, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = timer
        self._clock = clock
        self._seconds = 0.0
        self._from: float | None = None  # clock reading when the count began
        self._done = False
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
        bar_row = QHBoxLayout()
        bar_row.addStretch(1)
        bar_row.addWidget(self.countdown_bar, 4)
        bar_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.countdown_label)
        layout.addLayout(bar_row)
        self._timer.timeout.connect(self.poll)

    def remaining(self) -> float | None:
        """Seconds left (None when not counting)."""
        if not self._seconds or self._from is None:
            return None
        return max(0.0, self._seconds - (self._clock() - self._from))

    def is_done(self) -> bool:
        return self._done

    def reset(self, seconds: float) -> None:
        """Not counting: ``seconds`` of time, none of it gone (0: no countdown)."""
        self._timer.stop()
        self._seconds = seconds
        self._from = None
        self._done = False
        if seconds:
            self._say(self.tr("{time} left").format(time=format_clock(seconds)))
            self.countdown_bar.setValue(1000)

    def begin(self) -> None:
        """Count from now."""
        self._from = self._clock()
        self.poll()

    def halt(self) -> None:
        """No more wake-ups (the exercise ended); what is shown stays."""
        self._timer.stop()

    @Slot()
    def poll(self) -> None:
        """Read the clock and show the time left; plan the next wake-up."""
        self._timer.stop()
        remaining = self.remaining()
        if remaining is None:
            return
        self.countdown_bar.setValue(round(1000 * remaining / self._seconds))
        if remaining <= 0.0:
            if not self._done:
                self._done = True
                text = self.tr("That's the time. Move on when you're ready.")
                self._say(text)
                self.timeUp.emit(text)
            return
        self._say(self.tr("{time} left").format(time=format_clock(remaining)))
        # Wake when the shown second changes (and often enough for the bar).
        to_next_second = remaining - (math.ceil(remaining - 1e-6) - 1)
        self._timer.start(max(1, min(1000, math.ceil(to_next_second * 1000.0))))

    def _say(self, text: str) -> None:
        if text != self.countdown_label.text():
            self.countdown_label.setText(text)
            resized_inside(self)
