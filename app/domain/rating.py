"""The 0-10 rating and the kind, neutral summary of a change. Stdlib only.

Words live in the UI (translated there); this module says what happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from app.domain.session import NOTICEABLE_DROP, RATING_MAX, RATING_MIN

#: The anchor points shown beside the scale (docs/EXERCISES.md, "The rating").
ANCHOR_POINTS = (0, 5, 10)
#: At or above this before-rating, offer "Get help now" before starting.
OFFER_HELP_BEFORE = 9
#: At or above this after-rating, offer support once, without blocking.
OFFER_HELP_AFTER = 8


class Direction(Enum):
    DOWN = "down"
    SAME = "same"
    UP = "up"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Outcome:
    direction: Direction
    points: int = 0

    @property
    def noticeable(self) -> bool:
        return self.direction is Direction.DOWN and self.points >= NOTICEABLE_DROP


def clamp_rating(value: int) -> int:
    return max(RATING_MIN, min(RATING_MAX, value))


def outcome(before: int | None, after: int | None) -> Outcome:
    """How the rating moved: down / same / up by how many points (or unknown if skipped)."""
    if before is None or after is None:
        return Outcome(Direction.UNKNOWN)
    if after < before:
        return Outcome(Direction.DOWN, before - after)
    if after > before:
        return Outcome(Direction.UP, after - before)
    return Outcome(Direction.SAME)


def offer_help_before(rating: int | None) -> bool:
    return rating is not None and rating >= OFFER_HELP_BEFORE


def offer_help_after(rating: int | None) -> bool:
    return rating is not None and rating >= OFFER_HELP_AFTER
