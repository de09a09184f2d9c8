"""Drives the domain :class:`~app.domain.pacer.Pacer` from a parented QTimer.

The pacer reads time from its clock; the timer only decides *when* to look.
While animating it wakes about every frame (16 ms, a precise timer); in
reduced-motion mode it wakes less often. Either way the next wake-up is never
later than the next scheduled phase change (``time_to_next_event``), so a phase
is shown within one frame of its time. Paused, finished or stopped, the timer
is off: no idle wake-ups.

Tests inject a fake clock, advance it and call :meth:`PacerDriver.poll`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from app.domain.exercise import Exercise, Phase
from app.domain.pacer import (
    CycleCompleted,
    Finished,
    Pacer,
    PacerEvent,
    PacerState,
    PhaseStarted,
)

Clock = Callable[[], float]

#: One frame at 60 Hz, rounded down so a frame is never skipped.
FRAME_MS = 16
#: Reduced motion: the bar and the seconds still move, a few times a second.
REDUCED_MOTION_MS = 200


def length_for(exercise: Exercise, *, minutes: float | None = None,
               cycles: int | None = None) -> tuple[float | None, int | None]:
    """The (minutes, cycles) to run: an explicit choice wins over the file's default."""
    if cycles is not None:
        return None, cycles
    if minutes is not None:
        return minutes, None
    return exercise.length_minutes, exercise.cycles


class PacerDriver(QObject):
    """A QObject face for one breathing session.

    Signals:
        phaseStarted(phase_index, action, seconds): a phase begins (``seconds`` is
            its real length, shorter during the ease-in).
        cycleCompleted(cycle): a whole breath is done (0-based).
        tick(): once per wake-up while running, to repaint.
        finished(practised_seconds): the session ran to its end.
        pausedChanged(paused): paused by the person, or because the computer slept.
    """

    phaseStarted = Signal(int, str, float)
    cycleCompleted = Signal(int)
    tick = Signal()
    finished = Signal(float)
    pausedChanged = Signal(bool)

    def __init__(self, phases: Sequence[Phase], *, minutes: float | None = None,
                 cycles: int | None = None, ease_in_seconds: float = 0.0,
                 clock: Clock = time.monotonic, animate: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pacer = Pacer(phases, minutes=minutes, cycles=cycles,
                            ease_in_seconds=ease_in_seconds, clock=clock)
        self._phases = tuple(phases)
        self._animate = animate
        self._paused = False
        self._done = False  # finished or stopped: nothing more is emitted
        self._timer = QTimer(self)
        self._timer.setObjectName("pacerTimer")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)

    @classmethod
    def for_exercise(cls, exercise: Exercise, *, minutes: float | None = None,
                     cycles: int | None = None, clock: Clock = time.monotonic,
                     animate: bool = True, parent: QObject | None = None) -> PacerDriver:
        """A driver for a breathing exercise; ``minutes``/``cycles`` override its length."""
        run_minutes, run_cycles = length_for(exercise, minutes=minutes, cycles=cycles)
        return cls(exercise.phases, minutes=run_minutes, cycles=run_cycles,
                   ease_in_seconds=exercise.ease_in_seconds, clock=clock,
                   animate=animate, parent=parent)

    # -- reading --------------------------------------------------------------
    @property
    def phases(self) -> tuple[Phase, ...]:
        return self._phases

    @property
    def total(self) -> float:
        """Planned length in seconds (whole cycles, ease-in included)."""
        return self._pacer.total

    @property
    def status(self) -> str:
        return self._pacer.status

    def is_running(self) -> bool:
        return self._pacer.status == "running"

    def is_paused(self) -> bool:
        return self._paused

    def is_active(self) -> bool:
        """Started and neither finished nor stopped."""
        return self._pacer.status in ("running", "paused") and not self._done

    def state(self) -> PacerState:
        """The state at the last poll, so what is drawn agrees with the events emitted."""
        return self._pacer.last_state()

    def practised_seconds(self) -> float:
        """Active seconds so far (paused time not counted)."""
        if self._pacer.status == "idle":
            return 0.0
        return self._pacer.state().elapsed

    def timer(self) -> QTimer:
        """The wake-up timer (for tests and benchmarks)."""
        return self._timer

    @property
    def animate(self) -> bool:
        return self._animate

    def set_animate(self, animate: bool) -> None:
        """Frame-rate wake-ups (True) or the slower reduced-motion pace (False)."""
        if animate == self._animate:
            return
        self._animate = animate
        if self.is_running() and not self._done:
            self._schedule()

    # -- control --------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        if self._pacer.status != "idle":
            return
        self._emit_events(self._pacer.start())
        self._after_update()

    @Slot()
    def pause(self) -> None:
        if self._done or self._pacer.status != "running":
            return
        self._pacer.pause()
        self.poll()  # reports what happened up to the pause; stops the timer

    @Slot()
    def resume(self) -> None:
        if self._done or not self._paused:
            return
        self._pacer.resume()
        self._paused = False
        self.pausedChanged.emit(False)
        self.poll()

    @Slot()
    def toggle_pause(self) -> None:
        if self._paused:
            self.resume()
        else:
            self.pause()

    def stop(self) -> float:
        """End now, without a ``finished`` signal. Returns the practised seconds."""
        self._timer.stop()
        if self._done:
            return self.practised_seconds()
        self._pacer.stop()
        self._done = True
        return self.practised_seconds()

    @Slot()
    def poll(self) -> None:
        """Read the clock, emit what happened since the last poll, plan the next one."""
        if self._done or self._pacer.status in ("idle", "stopped"):
            self._timer.stop()
            return
        self._emit_events(self._pacer.update())
        self._after_update()

    # -- internals ------------------------------------------------------------
    def _emit_events(self, events: list[PacerEvent]) -> None:
        for event in events:
            if self._done:  # a slot stopped us mid-way
                return
            if isinstance(event, PhaseStarted):
                self.phaseStarted.emit(event.phase_index, event.action, event.seconds)
            elif isinstance(event, CycleCompleted):
                self.cycleCompleted.emit(event.cycle)
            elif isinstance(event, Finished):
                self._done = True
                self._timer.stop()
                self.tick.emit()  # the last frame: the shape at rest
                self.finished.emit(event.at)

    def _after_update(self) -> None:
        if self._done:
            self._timer.stop()
            return
        status = self._pacer.status
        if status == "paused":
            self._timer.stop()
            if not self._paused:  # paused by the person or by a detected sleep
                self._paused = True
                self.tick.emit()
                self.pausedChanged.emit(True)
            return
        if status != "running":
            return
        self.tick.emit()
        if not self._done and self.is_running():
            self._schedule()

    def _schedule(self) -> None:
        interval = FRAME_MS if self._animate else REDUCED_MOTION_MS
        wait = self._pacer.time_to_next_event()
        if wait is not None:
            interval = min(interval, max(1, math.ceil(wait * 1000.0)))
        self._timer.start(interval)
