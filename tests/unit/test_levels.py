"""Starting levels and the states an exercise suits (app.domain.levels): no Qt."""

from __future__ import annotations

import sqlite3

import pytest

from app.domain.exercise import Exercise, Step
from app.domain.levels import (
    START_LEVELS,
    StartLevel,
    start_level,
    start_level_sql,
    state_for,
    suited_first,
)


@pytest.mark.parametrize(("before", "numb", "expected"), [
    (0, False, "0-3"), (3, False, "0-3"),
    (4, False, "4-6"), (6, False, "4-6"),
    (7, False, "7-8"), (8, False, "7-8"),
    (9, False, "9-10"), (10, False, "9-10"),
    # the numb mark is its own group, whatever the number
    (None, True, "numb"), (2, True, "numb"), (9, True, "numb"),
    # neither: no starting level
    (None, False, None),
])
def test_start_level(before: int | None, numb: bool, expected: StartLevel | None) -> None:
    assert start_level(before, numb) == expected


def test_the_sql_groups_as_the_rule_does() -> None:
    """The log groups in SQL; the expression is written from the same table."""
    conn = sqlite3.connect(":memory:")
    for before in (None, *range(11)):
        for numb in (False, True):
            (found,) = conn.execute(f"SELECT {start_level_sql('x.b', 'x.n')} FROM "
                                    "(SELECT ? AS b, ? AS n) x", (before, int(numb))).fetchone()
            assert found == start_level(before, numb), (before, numb)
    assert set(START_LEVELS) == {"0-3", "4-6", "7-8", "9-10", "numb"}


@pytest.mark.parametrize(("rating", "numb", "expected"), [
    (None, False, None), (0, False, None), (6, False, None),
    (7, False, "high"), (10, False, "high"),
    (None, True, "numb"), (8, True, "numb"),  # numb first: shut down is not "high"
])
def test_state_for_a_level(rating: int | None, numb: bool, expected: str | None) -> None:
    assert state_for(rating, numb) == expected


def exercise(ex_id: str, *suits: str) -> Exercise:
    return Exercise(id=ex_id, title=ex_id, kind="grounding", steps=(Step("Look."),),
                    suits=suits)  # type: ignore[arg-type]


def test_suited_first_keeps_the_order_within_each_part() -> None:
    library = [exercise("a"), exercise("b", "high"), exercise("c", "numb"),
               exercise("d", "high", "numb"), exercise("e")]
    suited, rest = suited_first(library, "high")
    assert [e.id for e in suited] == ["b", "d"]
    assert [e.id for e in rest] == ["a", "c", "e"]
    suited, rest = suited_first(library, "numb")
    assert [e.id for e in suited] == ["c", "d"]
    assert [e.id for e in rest] == ["a", "b", "e"]
    suited, rest = suited_first(library, None)  # no level given: nothing moves
    assert suited == [] and [e.id for e in rest] == ["a", "b", "c", "d", "e"]
