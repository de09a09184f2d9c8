"""A gentle "get ready" before a breathing exercise: 3, 2, 1, naming the first breath.

So that the first breath is not a surprise, the breathing page can count down
for :data:`LEAD_IN_SECONDS` before the pacer starts (a setting, on unless the
person turns it off). The seconds come from the injected clock, read by one
parented single-shot timer that wakes once a second; none of it counts as
practice.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

#: How long the count before a breathing exercise lasts (seconds).
LEAD_IN_SECONDS = 3


class LeadIn(QObject):
    """Counts down; ``counted(n)`` with each whole second left, then ``done()``."""

    counted = Signal(int)  # whole seconds left: 3, 2, 1
    done = Signal()

    def __init__(self, *, seconds: int = LEAD_IN_SECONDS,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seconds = seconds
        self._clock = clock
        self._ends_at: float | None = None
        self._shown = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)

    def running(self) -> bool:
        return self._ends_at is not None

    def start(self) -> None:
        self._ends_at = self._clock() + self._seconds
        self._shown = -1
        self.poll()

    def finish_now(self) -> None:
        """Skip the rest of the count (Space: start now)."""
        if self._ends_at is not None:
            self._end()

    def cancel(self) -> None:
        """Stop counting, with no ``done`` (the exercise was stopped)."""
        self._timer.stop()
        self._ends_at = None

    @Slot()
    def poll(self) -> None:
        """Read the clock: say the seconds left, or end; then sleep till the next second."""
        if self._ends_at is None:
            return
        left = self._ends_at - self._clock()
        if left <= 0:
            self._end()
            return
        whole = math.ceil(left - 1e-6)
        if whole != self._shown:
            self._shown = whole
            self.counted.emit(whole)
        self._timer.start(max(1, round((left - (whole - 1)) * 1000)))

    def _end(self) -> None:
        self._timer.stop()
        self._ends_at = None
        self.done.emit()
