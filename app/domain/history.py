"""What History shows, read in one go: the person's choices and "now" in, the figures out.

:func:`read_history` is History's one read of the log: the chart's points, the
"what works for me" rows and the newest sessions of the period chosen. "Now"
comes from the caller (History's injected clock), so which days "the last 7
days" means is decided here and nowhere else, and a test can fix it.
:func:`read_choices` reads what the filters offer (the exercises and tags in
the log). Both read through :class:`~app.domain.session.SessionStore`; stdlib
only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Literal

from app.domain.helped import LevelSuggestion, eased_numbness_most, helped_most
from app.domain.session import (
    FEW_TO_TELL,
    BestExercise,
    ExerciseStats,
    GroupBy,
    SessionFilter,
    SessionRecord,
    SessionStore,
    TimeOfDay,
)

Period = Literal["7", "30", "90", "365", "all", "custom"]
#: Each period choice and its days back from now; None: all time, or the days the
#: person picks ("custom").
PERIODS: tuple[tuple[Period, int | None], ...] = (
    ("7", 7), ("30", 30), ("90", 90), ("365", 365), ("all", None), ("custom", None),
)
#: Above this many sessions in all, History opens on the last 90 days (quicker to
#: read and to draw); the period can always be widened to all time.
LARGE_LOG = 5000
#: Sessions read for the list at first; the rest are read as the list scrolls.
FIRST_PAGE = 200

Point = tuple[datetime, int | None, int | None]


def default_period(logged: int) -> Period:
    """The period History opens on for a log of ``logged`` sessions."""
    return "90" if logged > LARGE_LOG else "all"


def local_midnight(day: date) -> datetime:
    """The start of ``day`` in the computer's local time zone."""
    return datetime(day.year, day.month, day.day).astimezone()


@dataclass(frozen=True, slots=True)
class HistoryChoice:
    """What the person chose in History: which sessions, and how to group them."""

    period: Period = "all"
    first_day: date | None = None  # "custom": the first and last day, both included
    last_day: date | None = None
    exercise_id: str | None = None
    tag: str | None = None
    time_of_day: TimeOfDay | None = None
    group_by: GroupBy = "exercise"

    def where(self, now: datetime) -> SessionFilter:
        """The sessions chosen, as of ``now`` (times in UTC, as the log keeps them)."""
        since: datetime | None = None
        until: datetime | None = None
        days = dict(PERIODS).get(self.period)
        if days is not None:
            since = now - timedelta(days=days)
        elif self.period == "custom" and self.first_day and self.last_day:
            first, last = sorted((self.first_day, self.last_day))
            since = local_midnight(first)
            until = local_midnight(last + timedelta(days=1))
        return SessionFilter(since=since, until=until, exercise_id=self.exercise_id,
                             tag=self.tag, time_of_day=self.time_of_day)


@dataclass(frozen=True, slots=True)
class WhatWorks:
    """ "What works for me" as grouped; by tag or starting level, what helped most
    with each row (``best``, by row key) and, from numb, what eased it (``eased``)."""

    group_by: GroupBy
    rows: tuple[ExerciseStats, ...] = ()
    best: dict[str, BestExercise] = field(default_factory=dict)
    eased: LevelSuggestion | None = None


@dataclass(frozen=True, slots=True)
class HistoryView:
    """Everything History shows for one choice, as read at one moment."""

    logged: int  # sessions in the whole log; 0: nothing to show yet
    where: SessionFilter
    end: datetime  # the chart's right edge: the period's end, else now
    points: tuple[Point, ...]  # (started, before, after), oldest first
    works: WhatWorks
    matching: int  # sessions the choice holds
    sessions: tuple[SessionRecord, ...]  # the newest of them, up to the first page


@dataclass(frozen=True, slots=True)
class LogChoices:
    """What History's filters offer: the log's exercises (key, title) and tags."""

    logged: int
    exercises: tuple[tuple[str, str], ...] = ()
    tags: tuple[str, ...] = ()


def read_choices(store: SessionStore) -> LogChoices:
    """The exercises (by title) and tags (most used first) in the log."""
    logged = store.count()
    if not logged:
        return LogChoices(0)
    exercises = sorted(((row.key, row.title) for row in store.stats("exercise")),
                       key=lambda pair: pair[1].casefold())
    return LogChoices(logged, tuple(exercises), tuple(store.known_tags()))


def read_what_works(store: SessionStore, where: SessionFilter, group: GroupBy) -> WhatWorks:
    """The rows of ``where`` grouped by ``group``; by tag or starting level, what helped
    most with each row: the domain's rule, over the sessions of that row."""
    rows = store.stats(group, where)
    best: dict[str, BestExercise] = {}
    eased = None
    if group in ("tag", "start_level"):
        for row in rows:
            within = (replace(where, tag=row.key) if group == "tag"
                      else replace(where, start_level=row.key))  # type: ignore[arg-type]
            exercises = store.stats("exercise", within)
            if group == "start_level" and row.key == "numb":
                eased = eased_numbness_most(exercises, min_rated=FEW_TO_TELL)
                continue
            found = helped_most(exercises, min_rated=FEW_TO_TELL, limit=1)
            if found:
                best[row.key] = found[0]
    return WhatWorks(group, tuple(rows), best, eased)


def read_history(store: SessionStore, choice: HistoryChoice, now: datetime, *,
                 first_page: int = FIRST_PAGE) -> HistoryView:
    """Everything History shows for ``choice`` as of ``now``. ``first_page`` sessions
    are read for the list (0: none, when the list keeps its own)."""
    where = choice.where(now)
    end = where.until if where.until is not None else now
    logged = store.count()
    if not logged:
        return HistoryView(0, where, end, (), WhatWorks(choice.group_by), 0, ())
    works = read_what_works(store, where, choice.group_by)
    points = tuple(store.rating_points(where))
    matching = store.count(where)
    sessions = tuple(store.sessions(where, first_page)) if first_page and matching else ()
    return HistoryView(logged, where, end, points, works, matching, sessions)
