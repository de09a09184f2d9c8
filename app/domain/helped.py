"""What has helped this person most: one rule for the launcher, the tray, the command line
and the before rating.

An exercise "has helped" once it has :data:`~app.domain.session.HELPED_MIN_SESSIONS`
rated sessions (a before and an after rating) whose mean change is a drop. The
best is the largest mean drop; ties go to the exercise with more rated
sessions, then to the title. When a library is given, exercises no longer in
it and those hidden by the health settings are left out *before* choosing, so
a hidden exercise never takes the place of the next best.

From the numb or far away mark the aim is feeling more here, not a lower
number, so that group has its own measure beside the rule
(:func:`eased_numbness_most`): the share of those sessions that ended without
the mark, more than half, over as many sessions.

:func:`level_suggestion` applies them to the level a person has just given on
the before rating: the sessions that started from the same group
(:mod:`app.domain.levels`), never at 9 or 10 before the offer of help, never
what is already chosen, and nothing with too little history. Stdlib only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from app.domain.errors import StorageError
from app.domain.loader import Library
from app.domain.session import HELPED_MIN_SESSIONS, BestExercise, ExerciseStats

#: An exercise that needs things to hand (cold water, ice, a partner) carries this tag:
#: it is never offered as "what helped" unless it is the person's own Start now choice.
NEEDS_THINGS = "needs-things"
if TYPE_CHECKING:  # the launcher loads this module before its first frame; these wait
    from app.domain.levels import StartLevel

#: From numb, an exercise has helped when more than this share of its sessions ended
#: without the mark.
NUMB_CLEARED_OVER = 0.5

#: The "what works for me" rows, per exercise, of the sessions that started from a level.
StatsForLevel = Callable[["StartLevel"], Sequence[ExerciseStats]]


class LevelSuggestion(NamedTuple):
    """What has helped most from the level just given, and the basis to say it with."""

    level: StartLevel
    exercise_id: str
    title: str
    sessions: int  # the sessions from that level the basis is taken over
    mean_change: float | None  # numbered levels: the mean change (a drop is negative)
    cleared: int | None  # "numb": how many of those sessions ended without the mark


def _shown_title(row: ExerciseStats, library: Library | None,
                 hidden_tags: frozenset[str]) -> str | None:
    """The title to name ``row`` by; None when it is not in ``library`` or is hidden."""
    if library is None:
        return row.title
    exercise = library.get(row.key)
    if exercise is None or hidden_tags & set(exercise.tags):
        return None
    return exercise.title


def helped_most(stats: Sequence[ExerciseStats], library: Library | None = None, *,
                hidden_tags: frozenset[str] = frozenset(), exclude: str = "",
                limit: int | None = None,
                min_rated: int = HELPED_MIN_SESSIONS) -> list[BestExercise]:
    """Exercises whose ratings dropped most on average, best first.

    ``stats`` are "what works for me" rows grouped by exercise. With ``library``,
    an exercise not in it or tagged with one of ``hidden_tags`` is left out, and
    the title is the library's (the log keeps the title a session was saved
    with). ``exclude`` (an exercise already offered elsewhere) is left out too.
    """
    rows = [row for row in stats
            if row.rated >= min_rated and row.mean_change is not None and row.mean_change < 0]
    rows.sort(key=lambda r: (r.mean_change, -r.rated, r.title))
    chosen: list[BestExercise] = []
    for row in rows:
        title = _shown_title(row, library, hidden_tags)
        if row.key == exclude or title is None:
            continue
        assert row.mean_change is not None
        chosen.append(BestExercise(row.key, title, row.rated, row.mean_change))
        if limit is not None and len(chosen) >= limit:
            break
    return chosen


def beside_start_now(read_stats: Callable[[], Sequence[ExerciseStats]], library: Library,
                     *, hidden_tags: frozenset[str], start_now: str) -> BestExercise | None:
    """What the launcher offers beside "Start now": what has helped most among the
    exercises the person can see, other than their Start now choice and those that need
    things to hand. None while nothing has, or when the log cannot be read
    (``read_stats`` raising :class:`~app.domain.errors.StorageError`): a suggestion is
    never a blocker."""
    try:
        stats = read_stats()
    except StorageError:
        return None
    best = helped_most(stats, library, hidden_tags=hidden_tags | {NEEDS_THINGS},
                       exclude=start_now, limit=1)
    return best[0] if best else None


def eased_numbness_most(stats: Sequence[ExerciseStats], library: Library | None = None, *,
                        hidden_tags: frozenset[str] = frozenset(),
                        min_rated: int = HELPED_MIN_SESSIONS) -> LevelSuggestion | None:
    """Of sessions begun numb or far away: the exercise after which the mark was gone
    most often (more than half of at least ``min_rated``), or None.

    Ties go to more sessions, then to the title; hidden exercises and those no
    longer in ``library`` are left out first, as in :func:`helped_most`.
    """
    rows = [row for row in stats
            if row.numb_rated >= min_rated
            and row.numb_cleared / row.numb_rated > NUMB_CLEARED_OVER]
    rows.sort(key=lambda r: (-r.numb_cleared / r.numb_rated, -r.numb_rated, r.title))
    for row in rows:
        title = _shown_title(row, library, hidden_tags)
        if title is not None:
            return LevelSuggestion("numb", row.key, title, row.numb_rated, None,
                                   row.numb_cleared)
    return None


def level_suggestion(rating: int | None, numb: bool, stats_for: StatsForLevel,
                     library: Library, *, current_id: str,
                     hidden_tags: frozenset[str] = frozenset(), help_offered: bool = False,
                     min_rated: int = HELPED_MIN_SESSIONS) -> LevelSuggestion | None:
    """What to name on the before rating once ``rating`` (or ``numb``) is given; None
    to say nothing.

    ``stats_for(level)`` gives the rows, per exercise, of the sessions that started
    from that level; it is only asked when a suggestion could be shown. Nothing is
    named at 9 or 10 until the offer of help has been shown (``help_offered``), nor
    when what helped most is ``current_id`` already, nor with too little history.
    """
    from app.domain.levels import start_level
    from app.domain.rating import offer_help_before

    level = start_level(rating, numb)
    if level is None or (offer_help_before(rating) and not help_offered):
        return None
    stats = stats_for(level)
    if level == "numb":
        found = eased_numbness_most(stats, library, hidden_tags=hidden_tags,
                                    min_rated=min_rated)
    else:
        best = helped_most(stats, library, hidden_tags=hidden_tags, limit=1,
                           min_rated=min_rated)
        found = (LevelSuggestion(level, best[0].exercise_id, best[0].title, best[0].sessions,
                                 best[0].mean_change, None) if best else None)
    if found is None or found.exercise_id == current_id:
        return None
    return found
