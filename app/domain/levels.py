"""Where a person starts from: starting-level groups, and the states an exercise suits.

A session's *starting level* is the group its before rating falls in: 0-3,
4-6, 7-8 or 9-10, or "numb" when the person marked feeling numb or far away
(whatever the number: a number misses shutting down, so the mark wins). A
session with neither has no starting level. "What works for me" can be
grouped by it, and the before rating's suggestion
(:func:`app.domain.helped.level_suggestion`) reads the sessions of one group.

An exercise may say which states it suits (its ``suits`` key): ``"high"`` for
a before rating of :data:`HIGH_FROM` or more, ``"numb"`` for the numb mark.
Once a person has given a level, the launcher lists first what suits it
(:func:`suited_first`). Why these groups and states:
docs/decisions/0021-suits-and-starting-levels.md. Stdlib only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from app.domain.exercise import Exercise, Suit

StartLevel = Literal["0-3", "4-6", "7-8", "9-10", "numb"]
#: The groups, in the order they are shown.
START_LEVELS: tuple[StartLevel, ...] = ("0-3", "4-6", "7-8", "9-10", "numb")
#: The numbered groups and their ratings, lowest and highest included.
LEVEL_RANGES: dict[StartLevel, tuple[int, int]] = {
    "0-3": (0, 3), "4-6": (4, 6), "7-8": (7, 8), "9-10": (9, 10),
}
#: A before rating from here up is "high" for the ``suits`` key.
HIGH_FROM = 7


def start_level(before: int | None, numb: bool) -> StartLevel | None:
    """The group a session starting at ``before`` (and ``numb``) belongs to; None for neither."""
    if numb:
        return "numb"
    if before is None:
        return None
    for level, (low, high) in LEVEL_RANGES.items():
        if low <= before <= high:
            return level
    return None


def start_level_sql(before: str, numb: str) -> str:
    """A SQL expression giving :func:`start_level` of the columns ``before`` and ``numb``
    (NULL for neither), written from :data:`LEVEL_RANGES` so the two never differ."""
    numbered = " ".join(f"WHEN {before} BETWEEN {low} AND {high} THEN '{level}'"
                        for level, (low, high) in LEVEL_RANGES.items())
    return f"(CASE WHEN {numb} THEN 'numb' {numbered} END)"


def state_for(rating: int | None, numb: bool) -> Suit | None:
    """The state a level given now stands for: "numb", "high", or None (no reordering)."""
    if numb:
        return "numb"
    if rating is not None and rating >= HIGH_FROM:
        return "high"
    return None


def suited_first(exercises: Iterable[Exercise], state: Suit | None
                 ) -> tuple[list[Exercise], list[Exercise]]:
    """``exercises`` split into those that suit ``state`` and the rest, each in the
    order given (no state: nothing is moved)."""
    suited: list[Exercise] = []
    rest: list[Exercise] = []
    for exercise in exercises:
        (suited if state is not None and state in exercise.suits else rest).append(exercise)
    return suited, rest
