"""What a report to share holds: the sessions of a date range, summed up. Stdlib only.

A person may bring their log to the people helping them (a therapist, a
doctor). :func:`gather` reads what the report says from the log, for a range
of local days: the ratings for the chart, "what works for me" by exercise and
by starting level, sessions per week, the most frequent triggers (tags) with
their mean change, how often the numb mark was used, and, only when asked,
the notes. Laying it out on pages is the window's part
(``app/ui/history/report.py``), where the sections are listed in one place.

The figures are the log's own (:meth:`SessionStore.stats`), so the report
says exactly what ``steady stats`` and History say for the same sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from app.domain.session import ExerciseStats, NumbMarks, SessionFilter, SessionStore

#: The most frequent triggers the report lists.
TOP_TRIGGERS = 5
#: Up to this many weeks, sessions are counted week by week; beyond, month by month.
WEEKS_LISTED = 16

Unit = Literal["week", "month"]
Point = tuple[datetime, int | None, int | None]


class RangeError(ValueError):
    """A date range that cannot be reported on; the message says why, plainly."""


@dataclass(frozen=True, slots=True)
class DateRange:
    """Local days from ``first`` to ``last``, both included; None: open at that end."""

    first: date | None = None
    last: date | None = None

    def __post_init__(self) -> None:
        if self.first is not None and self.last is not None and self.first > self.last:
            raise RangeError(f"the first day ({self.first.isoformat()}) is after the last "
                             f"({self.last.isoformat()})")

    def session_filter(self, zone: tzinfo) -> SessionFilter:
        """The sessions begun on these days, read on the clocks of ``zone``."""
        return SessionFilter(
            since=local_midnight(self.first, zone) if self.first is not None else None,
            until=(local_midnight(self.last + timedelta(days=1), zone)
                   if self.last is not None else None))


def parse_day(text: str) -> date:
    """A day written as YYYY-MM-DD; :class:`RangeError` says what is wrong otherwise."""
    cleaned = text.strip()
    try:
        if len(cleaned) != 10:
            raise ValueError(cleaned)
        return date.fromisoformat(cleaned)
    except ValueError:
        raise RangeError(f"“{text}” is not a date Steady can read; write it as "
                         "YYYY-MM-DD, like 2026-03-01") from None


def local_midnight(day: date, zone: tzinfo) -> datetime:
    """The start of ``day`` on the clocks of ``zone``."""
    return datetime.combine(day, time(0), tzinfo=zone)


@dataclass(frozen=True, slots=True)
class Period:
    """One row of "sessions per week": a week, or a month when the range is long.

    ``days`` counts the days of the period that are within the range, so a
    period the range only partly covers is not said to be a quiet one.
    """

    start: date
    days: int
    sessions: int

    @property
    def per_week(self) -> float:
        return self.sessions * 7 / self.days if self.days else 0.0


@dataclass(frozen=True, slots=True)
class NoteLine:
    """A session's note, with when and what it was."""

    started_at: datetime
    exercise_title: str
    before: int | None
    after: int | None
    note: str


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the report shows. ``notes`` is None when they were not asked for."""

    first_day: date  # as shown: the day asked for, or the first session's
    last_day: date
    made_on: date
    sessions: int
    rated: int  # with a rating before and after
    points: list[Point]
    by_exercise: list[ExerciseStats]
    by_level: list[ExerciseStats]
    periods: list[Period]
    period_unit: Unit
    triggers: list[ExerciseStats]
    numb: NumbMarks
    notes: list[NoteLine] | None
    zone: tzinfo  # the clocks the days are read on

    @property
    def empty(self) -> bool:
        return self.sessions == 0


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the week holding ``day``; weeks begin on ``first_weekday``
    (0 Monday ... 6 Sunday, as the locale has it)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods(days: list[date], first: date, last: date, *,
            first_weekday: int = 0) -> tuple[list[Period], Unit]:
    """Sessions per week from ``first`` to ``last`` (or per month, when that is more
    than :data:`WEEKS_LISTED` weeks); ``days`` are the sessions' local days, sorted.
    Every period of the range has its row, those without sessions too."""
    weeks = (week_start(last, first_weekday) - week_start(first, first_weekday)).days // 7 + 1
    unit: Unit = "week" if weeks <= WEEKS_LISTED else "month"
    start = week_start(first, first_weekday) if unit == "week" else _month_start(first)
    rows: list[Period] = []
    index = 0
    while start <= last:
        end = start + timedelta(days=7) if unit == "week" else _next_month(start)
        count = 0
        while index < len(days) and days[index] < end:
            if days[index] >= start:
                count += 1
            index += 1
        covered = (min(end, last + timedelta(days=1)) - max(start, first)).days
        rows.append(Period(start, covered, count))
        start = end
    return rows, unit


def gather(store: SessionStore, chosen: DateRange, *, now: datetime, zone: tzinfo,
           notes: bool = False, first_weekday: int = 0) -> ReportData:
    """What the report of ``chosen`` days says, read from ``store``.

    ``now`` (aware) gives today, the last day of an open range; an open start is
    the first session's day. Local days are read on the clocks of ``zone``.
    """
    where = chosen.session_filter(zone)
    points = store.rating_points(where)
    today = now.astimezone(zone).date()
    days = [moment.astimezone(zone).date() for moment, _, _ in points]
    last = chosen.last if chosen.last is not None else max(today, days[-1] if days else today)
    first = chosen.first if chosen.first is not None else (days[0] if days else last)
    first = min(first, last)
    rows, unit = periods(days, first, last, first_weekday=first_weekday)
    by_exercise = store.stats("exercise", where)
    return ReportData(
        first_day=first, last_day=last, made_on=today, sessions=len(points),
        rated=sum(row.rated for row in by_exercise), points=points,
        by_exercise=by_exercise, by_level=store.stats("start_level", where),
        periods=rows, period_unit=unit, triggers=store.stats("tag", where)[:TOP_TRIGGERS],
        numb=store.numb_marks(where), notes=_notes(store, where) if notes else None,
        zone=zone)


def _notes(store: SessionStore, where: SessionFilter) -> list[NoteLine]:
    """The notes written in the range, oldest first."""
    return [NoteLine(r.started_at, r.exercise_title, r.before, r.after, r.note)
            for r in reversed(store.sessions(where)) if r.note.strip()]
