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
#: Two digits typed within this many seconds of each other make one number: "1" then
#: "0" is 10 (docs/decisions/0017-typing-ten.md says why 1.5).
DIGIT_PAUSE = 1.5


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


class DigitEntry:
    """Digits as a person types them, read as a 0-10 rating.

    Each digit sets the rating at once ("1" shows 1). A "0" typed within
    :data:`DIGIT_PAUSE` seconds of a "1" makes 10: "1" then "0" is ten, not zero.
    Any other digit, or a "0" after the pause, stands alone. The clock is the
    caller's (seconds, monotonic), so tests need not wait.
    """

    def __init__(self, pause: float = DIGIT_PAUSE) -> None:
        self.pause = pause
        self._one_at: float | None = None  # when a "1" was typed that a "0" may follow

    def type(self, digit: str, now: float) -> int:
        """The rating after typing ``digit`` (one of "0" to "9") at ``now``."""
        if not (len(digit) == 1 and digit.isdigit() and digit.isascii()):
            raise ValueError(f"not a digit: {digit!r}")
        one_at, self._one_at = self._one_at, None
        if digit == "0" and one_at is not None and 0 <= now - one_at <= self.pause:
            return RATING_MAX
        if digit == "1":
            self._one_at = now
        return int(digit)

    def reset(self) -> None:
        """Forget a "1" typed before (the rating was set another way)."""
        self._one_at = None

    def waiting(self, now: float) -> bool:
        """Whether a "0" typed now would still make 10: the "1" shown may not be final."""
        return self._one_at is not None and 0 <= now - self._one_at <= self.pause
