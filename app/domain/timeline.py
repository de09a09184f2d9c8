"""A breathing session's timeline: ease-in, whole cycles, and how long it runs.

Ease-in (docs/EXERCISES.md, "Breathing"): over the first ``E`` seconds the cycle stretches from 60%
of its length to 100%. With scale ``s(t) = 0.6 + 0.4 * min(t / E, 1)`` the
pattern advances at ``1 / s``, so pattern time is ``tau(t) = E / 0.4 *
ln(s(t) / 0.6)`` up to ``E`` and grows one to one afterwards; both directions
are closed forms.

The pacer (:mod:`app.domain.pacer`) runs on these; the launcher and the first
rating only need :func:`planned_duration`, and load this small module alone.
It knows phases only as things with ``seconds``, so it imports nothing of the
exercise model (which imports it). Stdlib only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

#: Breathing without ``minutes`` or ``cycles`` runs this long.
DEFAULT_BREATHING_MINUTES = 5

#: Float tolerance for "at or after a boundary".
EPS = 1e-9
EASE_START = 0.6  # the cycle starts at 60% of its length ...
EASE_GROWTH = 0.4  # ... and grows linearly to 100% over the ease-in
MAX_EASE_IN = 300.0


class Timed(Protocol):
    """One part of a breathing cycle, as the timeline sees it: how long it lasts."""

    @property
    def seconds(self) -> float: ...


def clamp_ease(seconds: float) -> float:
    if not math.isfinite(seconds):
        return 0.0
    return min(max(seconds, 0.0), MAX_EASE_IN)


def pattern_time(t: float, ease: float) -> float:
    """Pattern seconds covered after ``t`` real seconds (``tau(t)``)."""
    if ease <= 0.0:
        return t
    rate = EASE_GROWTH / ease
    if t <= ease:
        return math.log1p(rate * t / EASE_START) / rate
    return math.log1p(EASE_GROWTH / EASE_START) / rate + (t - ease)


def real_time(tau: float, ease: float) -> float:
    """Real seconds needed to cover ``tau`` pattern seconds (inverse of ``tau``)."""
    if ease <= 0.0:
        return tau
    rate = EASE_GROWTH / ease
    tau_ease = math.log1p(EASE_GROWTH / EASE_START) / rate
    if tau <= tau_ease:
        return EASE_START * math.expm1(rate * tau) / rate
    return ease + (tau - tau_ease)


def cycle_count(cycle: float, minutes: float | None, cycles: int | None, ease: float) -> int:
    """Complete cycles to run: ``cycles``, or enough to reach ``minutes`` (rounded up)."""
    if cycles is not None:
        return max(0, cycles)
    if minutes is None:
        minutes = DEFAULT_BREATHING_MINUTES
    if not math.isfinite(minutes):
        raise ValueError("minutes must be a finite number")
    target = max(0.0, minutes * 60.0)
    count = max(0, math.ceil(pattern_time(target, ease) / cycle))
    # An exact boundary (up to float error) must not add a cycle.
    while count > 0 and real_time((count - 1) * cycle, ease) >= target - EPS:
        count -= 1
    return count


def planned_duration(phases: Sequence[Timed], *, minutes: float | None = None,
                     cycles: int | None = None, ease_in_seconds: float = 0.0) -> float:
    """Total seconds a pacer with these settings runs (whole cycles, ease-in included).

    ``cycles`` wins over ``minutes``; with neither it runs 5 minutes.
    """
    cycle = sum(p.seconds for p in phases)
    if not cycle > 0:
        return 0.0
    ease = clamp_ease(ease_in_seconds)
    return real_time(cycle_count(cycle, minutes, cycles, ease) * cycle, ease)
