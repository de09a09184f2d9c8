"""What has helped this person most: one rule for the launcher, the tray and the command line.

An exercise "has helped" once it has :data:`~app.domain.session.HELPED_MIN_SESSIONS`
rated sessions (a before and an after rating) whose mean change is a drop. The
best is the largest mean drop; ties go to the exercise with more rated
sessions, then to the title. When a library is given, exercises no longer in
it and those hidden by the health settings are left out *before* choosing, so
a hidden exercise never takes the place of the next best. Stdlib only.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.loader import Library
from app.domain.session import HELPED_MIN_SESSIONS, BestExercise, ExerciseStats

#: An exercise that needs things to hand (cold water, ice, a partner) carries this tag:
#: it is never offered as "what helped" unless it is the person's own Start now choice.
NEEDS_THINGS = "needs-things"


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
        if row.key == exclude:
            continue
        title = row.title
        if library is not None:
            exercise = library.get(row.key)
            if exercise is None or hidden_tags & set(exercise.tags):
                continue
            title = exercise.title
        assert row.mean_change is not None
        chosen.append(BestExercise(row.key, title, row.rated, row.mean_change))
        if limit is not None and len(chosen) >= limit:
            break
    return chosen
