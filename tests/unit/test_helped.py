"""The one "helped most" rule (app.domain.helped): table-driven, no Qt."""

from __future__ import annotations

import pytest

from app import paths
from app.domain.helped import helped_most
from app.domain.loader import Library, load_library
from app.domain.session import HELPED_MIN_SESSIONS, BestExercise, ExerciseStats


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(paths.bundled_exercises_dir())


def row(key: str, rated: int, change: float | None, title: str = "") -> ExerciseStats:
    return ExerciseStats(key=key, title=title or key, sessions=rated, rated=rated,
                         mean_before=6.0, mean_after=None if change is None else 6.0 + change,
                         mean_change=change, noticeable_share=None)


ENOUGH = HELPED_MIN_SESSIONS


@pytest.mark.parametrize(("stats", "kwargs", "expected"), [
    # nothing logged, or too little: nothing has helped yet
    ([], {}, []),
    ([row("box", ENOUGH - 1, -4.0)], {}, []),
    # a rise or no change is not "helped"; no after rating is not either
    ([row("box", ENOUGH, 0.0), row("coherent", ENOUGH, 1.5),
      row("texture", ENOUGH, None)], {}, []),
    # the largest mean drop first
    ([row("box", ENOUGH, -1.0), row("coherent", ENOUGH, -2.0)], {}, ["coherent", "box"]),
    # a tie goes to more rated sessions, then to the title
    ([row("box", ENOUGH, -2.0), row("coherent", ENOUGH + 3, -2.0)], {}, ["coherent", "box"]),
    ([row("zeta", ENOUGH, -2.0, "Z"), row("alpha", ENOUGH, -2.0, "A")], {}, ["alpha", "zeta"]),
    # limit and exclude
    ([row("box", ENOUGH, -1.0), row("coherent", ENOUGH, -2.0)], {"limit": 1}, ["coherent"]),
    ([row("box", ENOUGH, -1.0), row("coherent", ENOUGH, -2.0)], {"exclude": "coherent"},
     ["box"]),
    # a lower threshold is the caller's to choose
    ([row("box", 2, -1.0)], {"min_rated": 2}, ["box"]),
])
def test_the_rule_without_a_library(stats: list[ExerciseStats], kwargs: dict[str, object],
                                    expected: list[str]) -> None:
    assert [best.exercise_id for best in helped_most(stats, **kwargs)] == expected  # type: ignore[arg-type]


def test_hidden_and_missing_exercises_give_way_to_the_next_best(library: Library) -> None:
    stats = [row("cold-temperature", 9, -3.5), row("gone-away", 9, -3.0),
             row("box", ENOUGH, -1.0)]
    chosen = helped_most(stats, library, hidden_tags=frozenset({"cold"}), limit=1)
    # Not "nothing": the hidden one and the one no longer there are skipped first.
    assert chosen == [BestExercise("box", library.get("box").title, ENOUGH, -1.0)]  # type: ignore[union-attr]
    assert helped_most(stats, library, limit=1)[0].exercise_id == "cold-temperature"


def test_titles_come_from_the_library(library: Library) -> None:
    chosen = helped_most([row("box", ENOUGH, -2.0, title="An old title")], library)
    assert chosen[0].title == library.get("box").title  # type: ignore[union-attr]
    assert helped_most([row("box", ENOUGH, -2.0, title="An old title")])[0].title \
        == "An old title"
