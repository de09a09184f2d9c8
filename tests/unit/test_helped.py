"""The one "helped most" rule (app.domain.helped): table-driven, no Qt."""

from __future__ import annotations

import pytest

from app import paths
from app.domain.helped import eased_numbness_most, helped_most, level_suggestion
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


# ---------------------------------------------------------------------- matched to the level


def numb_row(key: str, answered: int, cleared: int, title: str = "") -> ExerciseStats:
    return ExerciseStats(key=key, title=title or key, sessions=answered, rated=0,
                         mean_before=None, mean_after=None, mean_change=None,
                         noticeable_share=None, numb_rated=answered, numb_cleared=cleared)


#: What the log holds, per starting level: rows per exercise of the sessions begun there.
LOG: dict[str, list[ExerciseStats]] = {
    "0-3": [row("coherent", ENOUGH, -1.0)],
    "4-6": [row("box", ENOUGH + 1, -2.0), row("texture", ENOUGH, -1.0)],
    "7-8": [row("cold-temperature", 6, -3.0), row("extended-exhale", ENOUGH, -2.5),
            row("orienting", ENOUGH - 1, -4.0)],
    "9-10": [row("cyclic-sigh", ENOUGH, -2.0)],
    "numb": [numb_row("orienting", 6, 5), numb_row("texture", ENOUGH, 3),
             numb_row("sound-focus", ENOUGH - 1, ENOUGH - 1)],
}
NO_COLD = frozenset({"cold"})


@pytest.mark.parametrize(
    ("rating", "numb", "current", "hidden", "offered", "log", "expected"), [
        # each level reads its own sessions
        (2, False, "box", frozenset(), False, LOG, ("0-3", "coherent", ENOUGH, -1.0, None)),
        (5, False, "coherent", frozenset(), False, LOG, ("4-6", "box", ENOUGH + 1, -2.0, None)),
        (8, False, "box", frozenset(), False, LOG, ("7-8", "cold-temperature", 6, -3.0, None)),
        (7, False, "box", frozenset(), False, LOG, ("7-8", "cold-temperature", 6, -3.0, None)),
        # health settings hide cold; orienting's 4 sessions from 7-8 (-4.0) are too few:
        # the next best is named
        (8, False, "box", NO_COLD, False, LOG, ("7-8", "extended-exhale", ENOUGH, -2.5, None)),
        # ... and when that is what is chosen already, nothing
        (8, False, "extended-exhale", NO_COLD, False, LOG, None),
        # 9-10: nothing before the offer of help, the same rule after it
        (9, False, "box", frozenset(), False, LOG, None),
        (10, False, "box", frozenset(), False, LOG, None),
        (9, False, "box", frozenset(), True, LOG, ("9-10", "cyclic-sigh", ENOUGH, -2.0, None)),
        # numb: its own group and measure, the mark gone afterwards in more than half
        (None, True, "box", frozenset(), False, LOG, ("numb", "orienting", 6, None, 5)),
        (3, True, "box", frozenset(), False, LOG, ("numb", "orienting", 6, None, 5)),
        (None, True, "orienting", frozenset(), False, LOG, None),
        # numb at 9 or 10 is still 9 or 10 for the offer of help
        (9, True, "box", frozenset(), False, LOG, None),
        (9, True, "box", frozenset(), True, LOG, ("numb", "orienting", 6, None, 5)),
        # what is chosen already is not suggested again, nor the second best instead
        (8, False, "cold-temperature", frozenset(), False, LOG, None),
        # too little history, or none: nothing at all
        (8, False, "box", frozenset(), False, {}, None),
        (5, False, "box", frozenset(),
         False, {"4-6": [row("texture", ENOUGH - 1, -3.0)]}, None),
        (None, True, "box", frozenset(), False, {"numb": [numb_row("texture", 9, 4)]}, None),
        # no rating and no mark: no level to match
        (None, False, "box", frozenset(), True, LOG, None),
        # a level where nothing brought the rating down
        (5, False, "coherent", frozenset(), False, {"4-6": [row("box", 9, 0.0)]}, None),
    ])
def test_level_suggestion(library: Library, rating: int | None, numb: bool, current: str,
                          hidden: frozenset[str], offered: bool,
                          log: dict[str, list[ExerciseStats]],
                          expected: tuple[object, ...] | None) -> None:
    asked: list[str] = []

    def stats_for(level: str) -> list[ExerciseStats]:
        asked.append(level)
        return log.get(level, [])

    found = level_suggestion(rating, numb, stats_for, library, current_id=current,
                             hidden_tags=hidden, help_offered=offered)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert (found.level, found.exercise_id, found.sessions, found.mean_change,
            found.cleared) == expected
    assert found.title == library.get(found.exercise_id).title  # type: ignore[union-attr]
    assert asked == [found.level]  # only that level's sessions were read


def test_the_log_is_not_read_at_nine_before_the_offer(library: Library) -> None:
    def stats_for(level: str) -> list[ExerciseStats]:
        raise AssertionError("read before the offer of help")

    assert level_suggestion(9, False, stats_for, library, current_id="box") is None


@pytest.mark.parametrize(("rows", "expected"), [
    ([], None),
    # exactly half is not "more than half"
    ([numb_row("orienting", 6, 3)], None),
    ([numb_row("orienting", 6, 4)], ("orienting", 6, 4)),
    # the higher share first; a tie goes to more sessions, then to the title
    ([numb_row("orienting", 6, 4), numb_row("texture", 5, 5)], ("texture", 5, 5)),
    ([numb_row("orienting", 6, 6), numb_row("texture", 9, 9)], ("texture", 9, 9)),
    ([numb_row("texture", 5, 5, "T"), numb_row("orienting", 5, 5, "O")], ("orienting", 5, 5)),
    # gone from the library: the next one
    ([numb_row("gone-away", 9, 9), numb_row("texture", 5, 4)], ("texture", 5, 4)),
])
def test_eased_numbness_most(library: Library, rows: list[ExerciseStats],
                             expected: tuple[str, int, int] | None) -> None:
    found = eased_numbness_most(rows, library)
    assert (None if found is None else (found.exercise_id, found.sessions, found.cleared)) \
        == expected
