"""Typing a rating: "1" then "0" within the pause is 10 (app.domain.rating.DigitEntry)."""

from __future__ import annotations

import pytest

from app.domain.rating import DIGIT_PAUSE, DigitEntry


@pytest.mark.parametrize(("typed", "expected"), [
    # (digit, seconds since the previous key) ... -> the ratings shown after each key
    ([("1", 0.0)], [1]),
    ([("1", 0.0), ("0", 0.08)], [1, 10]),
    ([("1", 0.0), ("0", 0.25)], [1, 10]),
    ([("1", 0.0), ("0", 0.6)], [1, 10]),
    ([("1", 0.0), ("0", 1.4)], [1, 10]),
    ([("1", 0.0), ("0", DIGIT_PAUSE)], [1, 10]),
    ([("1", 0.0), ("0", DIGIT_PAUSE + 0.1)], [1, 0]),  # after the pause: a new 0
    ([("0", 0.0), ("1", 0.1)], [0, 1]),                # 01 is 1
    ([("1", 0.0), ("1", 0.1)], [1, 1]),                # no 11: the second 1 stands alone
    ([("1", 0.0), ("5", 0.1)], [1, 5]),                # nor 15
    ([("1", 0.0), ("0", 0.1), ("0", 0.1)], [1, 10, 0]),  # the 1 is used once
    ([("7", 0.0), ("1", 3.0), ("0", 0.3)], [7, 1, 10]),
    ([("9", 0.0), ("0", 0.1)], [9, 0]),
])
def test_typing(typed: list[tuple[str, float]], expected: list[int]) -> None:
    entry = DigitEntry()
    now, shown = 100.0, []
    for digit, gap in typed:
        now += gap
        shown.append(entry.type(digit, now))
    assert shown == expected


def test_set_another_way_a_one_is_forgotten() -> None:
    entry = DigitEntry()
    assert entry.type("1", 0.0) == 1
    entry.reset()  # Up, Down or a click changed the rating
    assert entry.type("0", 0.2) == 0


def test_a_clock_that_went_back_never_makes_ten() -> None:
    entry = DigitEntry()
    entry.type("1", 50.0)
    assert entry.type("0", 49.0) == 0


@pytest.mark.parametrize("bad", ["", "12", "a", "\u0661"])
def test_only_one_plain_digit(bad: str) -> None:
    with pytest.raises(ValueError, match="not a digit"):
        DigitEntry().type(bad, 0.0)
