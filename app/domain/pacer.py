"""The breathing pacer: where a session is in its pattern, read from a clock.

Time always comes from the injected clock (active elapsed = clock - start -
paused), never from counting ticks, so a late or irregular timer cannot make the
pacer drift. Phase boundaries follow a closed-form schedule and each one is
reported exactly once, in order, however late the next update comes.

Ease-in and the number of whole cycles come from :mod:`app.domain.timeline`.
Stdlib only.
"""

from __future__ import annotations

import math
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from app.domain.exercise import Action, Phase
from app.domain.timeline import (
    EPS,
    clamp_ease,
    cycle_count,
    pattern_time,
    planned_duration,
    real_time,
)

Clock = Callable[[], float]
Status = Literal["idle", "running", "paused", "finished", "stopped"]

@dataclass(frozen=True, slots=True)
class PhaseStarted:
    phase_index: int
    action: Action
    cycle: int
    at: float  # scheduled active elapsed time of the boundary
    seconds: float  # real length of this phase occurrence


@dataclass(frozen=True, slots=True)
class CycleCompleted:
    cycle: int
    at: float


@dataclass(frozen=True, slots=True)
class Finished:
    at: float


PacerEvent = PhaseStarted | CycleCompleted | Finished


@dataclass(frozen=True, slots=True)
class PacerState:
    """A snapshot for drawing: where the session is at one active elapsed time."""

    status: Status
    elapsed: float
    total: float
    remaining: float
    cycle: int
    phase_index: int
    action: Action
    phase_progress: float
    phase_remaining: float
    phase_seconds: float


class Pacer:
    """Paces one breathing session. Drive it with :meth:`update`; draw :meth:`state`.

    Boundary ``k`` is the start of phase occurrence ``k`` (cycle ``k // n``, phase
    ``k % n``); boundary ``cycles * n`` is the end of the session.
    """

    def __init__(self, phases: Sequence[Phase], *, minutes: float | None = None,
                 cycles: int | None = None, ease_in_seconds: float = 0.0,
                 clock: Clock = time.monotonic, max_gap: float = 5.0) -> None:
        self._phases = tuple(phases)
        if not self._phases:
            raise ValueError("a breathing pattern needs at least one phase")
        if not all(math.isfinite(p.seconds) and p.seconds > 0 for p in self._phases):
            raise ValueError("every phase needs a positive, finite length in seconds")
        if not max_gap > 0:
            raise ValueError("max_gap must be positive")
        self._offsets = (0.0, *accumulate(p.seconds for p in self._phases))
        cycle = self._offsets[-1]
        self._ease = clamp_ease(ease_in_seconds)
        self._cycles = cycle_count(cycle, minutes, cycles, self._ease)
        self._last = self._cycles * len(self._phases)
        self._total = planned_duration(self._phases, minutes=minutes, cycles=cycles,
                                       ease_in_seconds=self._ease)
        self._clock = clock
        self._max_gap = max_gap
        self._status: Status = "idle"
        self._start = 0.0
        self._paused_total = 0.0
        self._last_reading = 0.0
        self._held = 0.0  # active elapsed at the last clock reading
        self._next = 0  # the next boundary to report

    @property
    def total(self) -> float:
        return self._total

    @property
    def status(self) -> Status:
        return self._status

    def start(self) -> list[PacerEvent]:
        """Start the clock; returns the first PhaseStarted (no-op unless idle)."""
        if self._status != "idle":
            return []
        self._start = self._last_reading = self._clock()
        self._status = "running"
        return self._collect(0.0)

    def pause(self) -> None:
        if self._status == "running":
            self._elapsed()  # fixes the held time (and may notice a sleep)
            if self._status == "running":
                self._status = "paused"

    def resume(self) -> None:
        if self._status != "paused":
            return
        now = self._clock()
        self._paused_total = (now - self._start) - self._held
        self._last_reading = now
        self._status = "running"

    def stop(self) -> None:
        """End early: status "stopped", no Finished event."""
        if self._status in ("idle", "running", "paused"):
            self._elapsed()
            self._status = "stopped"

    def update(self) -> list[PacerEvent]:
        """Every event scheduled since the last update, in order, each exactly once."""
        if self._status in ("idle", "stopped"):
            return []
        return self._collect(self._elapsed())

    def state(self) -> PacerState:
        """The state now (reads the clock, emits nothing)."""
        return self.state_at(self._elapsed() if self._status != "idle" else 0.0)

    def last_state(self) -> PacerState:
        """The state at the last clock reading: the moment the events so far describe.

        A frame drawn from this never shows a phase before its event is reported.
        """
        return self.state_at(self._held if self._status != "idle" else 0.0)

    def state_at(self, elapsed: float) -> PacerState:
        """The state at ``elapsed`` active seconds (clamped), with the current status."""
        t = min(max(elapsed, 0.0), self._total)
        k = self._boundary_index(t)
        start, end = self._at(k), self._at(k + 1)
        length = end - start
        cycle, index = divmod(k, len(self._phases))
        progress = min(max((t - start) / length, 0.0), 1.0) if length > 0 else 1.0
        return PacerState(status=self._status, elapsed=t, total=self._total,
                          remaining=self._total - t, cycle=cycle, phase_index=index,
                          action=self._phases[index].action, phase_progress=progress,
                          phase_remaining=max(end - t, 0.0), phase_seconds=length)

    def time_to_next_event(self) -> float | None:
        """Active seconds until the next unreported event; None when not running."""
        if self._status != "running":
            return None
        elapsed = self._elapsed()
        if self.status == "paused" or self._next > self._last:  # slept, or all reported
            return None
        return max(self._at(self._next) - elapsed, 0.0)

    def _elapsed(self) -> float:
        """Active seconds now, pausing on a sleep and never running backwards."""
        if self._status != "running":
            return self._held
        now = self._clock()
        gap = now - self._last_reading
        if gap > self._max_gap:  # the computer slept: pause where we last were
            self._status = "paused"
            return self._held
        self._last_reading = now
        if gap < 0:  # the clock went back: hold still rather than rewind
            self._paused_total += gap
        elapsed = min(max((now - self._start) - self._paused_total, self._held), self._total)
        if elapsed >= self._total - EPS:
            elapsed = self._total
            self._status = "finished"
        self._held = elapsed
        return elapsed

    def _at(self, k: int) -> float:
        """Scheduled active time of boundary ``k``."""
        if k >= self._last:
            return self._total
        cycle, index = divmod(k, len(self._phases))
        return real_time(cycle * self._offsets[-1] + self._offsets[index], self._ease)

    def _boundary_index(self, t: float) -> int:
        """The phase occurrence under way at ``t``: the last boundary at or before it."""
        n = len(self._phases)
        cycle, within = divmod(pattern_time(t, self._ease), self._offsets[-1])
        k = int(cycle) * n + min(bisect_right(self._offsets, within) - 1, n - 1)
        k = min(max(k, 0), max(self._last - 1, 0))
        while k + 1 < self._last and self._at(k + 1) <= t + EPS:
            k += 1
        while k > 0 and self._at(k) > t + EPS:
            k -= 1
        return k

    def _collect(self, elapsed: float) -> list[PacerEvent]:
        events: list[PacerEvent] = []
        while self._next <= self._last and self._at(self._next) <= elapsed + EPS:
            events.extend(self._events_at(self._next))
            self._next += 1
        return events

    def _events_at(self, k: int) -> list[PacerEvent]:
        at = self._at(k)
        cycle, index = divmod(k, len(self._phases))
        events: list[PacerEvent] = []
        if k > 0 and index == 0:
            events.append(CycleCompleted(cycle=cycle - 1, at=at))
        if k == self._last:
            events.append(Finished(at=at))
            self._status = "finished"
            self._held = self._total
        else:
            events.append(PhaseStarted(phase_index=index, action=self._phases[index].action,
                                       cycle=cycle, at=at, seconds=self._at(k + 1) - at))
        return events
