"""The exercise model (file format 1). Plain data, stdlib only.

How long a breathing exercise runs is the timeline's to say
(:mod:`app.domain.timeline`); this module uses it, never the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.domain.timeline import DEFAULT_BREATHING_MINUTES, planned_duration

FORMAT_VERSION = 1

Kind = Literal["breathing", "grounding", "sensory", "body"]
Action = Literal["inhale", "hold", "exhale"]
#: States an exercise may say it suits (the optional ``suits`` key): "high" is a
#: before rating of 7 or more, "numb" the numb or far away mark
#: (:mod:`app.domain.levels`; docs/decisions/0021-suits-and-starting-levels.md).
Suit = Literal["high", "numb"]

KINDS: tuple[Kind, ...] = ("breathing", "grounding", "sensory", "body")
ACTIONS: tuple[Action, ...] = ("inhale", "hold", "exhale")
SUITS: tuple[Suit, ...] = ("high", "numb")


@dataclass(frozen=True, slots=True)
class Phase:
    """One part of a breathing cycle."""

    action: Action
    seconds: float


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a grounding, sensory or body exercise."""

    text: str
    count: int | None = None
    seconds: int | None = None


@dataclass(frozen=True, slots=True)
class Exercise:
    """A validated exercise, as read from one file."""

    id: str
    title: str
    kind: Kind
    summary: str = ""
    minutes: float | None = None
    cycles: int | None = None
    cautions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    suits: tuple[Suit, ...] = ()
    ease_in_seconds: float = 0.0
    phases: tuple[Phase, ...] = ()
    steps: tuple[Step, ...] = ()
    path: Path | None = field(default=None, compare=False)
    bundled: bool = field(default=False, compare=False)

    @property
    def is_breathing(self) -> bool:
        return self.kind == "breathing"

    @property
    def cycle_seconds(self) -> float:
        """Length of one breathing cycle (0 for step exercises)."""
        return sum(p.seconds for p in self.phases)

    @property
    def breaths_per_minute(self) -> float:
        cycle = self.cycle_seconds
        return 60.0 / cycle if cycle > 0 else 0.0

    def planned_seconds(self) -> float:
        """The default length in seconds, as a person would be told before starting.

        Breathing: ``cycles`` complete cycles, or ``minutes`` rounded up to whole
        cycles (the pacer always ends on a complete breath), ease-in included.
        Steps: the sum of timed steps plus ``minutes`` when given (untimed steps
        take as long as the person wants).
        """
        if self.is_breathing:
            return planned_duration(self.phases, minutes=self.length_minutes,
                                    cycles=self.cycles,
                                    ease_in_seconds=self.ease_in_seconds)
        timed = sum(s.seconds or 0 for s in self.steps)
        if self.minutes is not None:
            return max(float(timed), self.minutes * 60.0)
        return float(timed)

    @property
    def length_minutes(self) -> float | None:
        """Minutes for breathing (the default when neither length is given)."""
        if self.is_breathing and self.minutes is None and self.cycles is None:
            return float(DEFAULT_BREATHING_MINUTES)
        return self.minutes


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an exercise file: ``PATH:LINE: key: what is wrong``."""

    path: str
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"
