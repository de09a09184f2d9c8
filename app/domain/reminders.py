"""Practice reminders: when the next one comes, and whether one is due now. Stdlib only.

A person may ask Steady to suggest a minute of practice while calm: on the
days of the week they choose, at a few times of day (:data:`MAX_TIMES` at
most), never within their quiet hours. Reminders are off until chosen.

The rules, all in local wall time of the zone given:

- **The next reminder** (:func:`next_reminder`) is the first chosen day and
  time strictly after now that is not within quiet hours. A time the clock
  skips when summer time begins (02:30 on that night, say) comes as far after
  the jump as it was after the hour: at 03:30. A time the clock passes twice
  when summer time ends comes once, the first time.
- **After a gap** (the computer slept, the clock or the time zone changed),
  at most one reminder is shown, and only one whose time passed a moment ago
  (within :data:`GRACE`): :func:`due_reminder`. Reminders missed while the
  computer slept are never piled up, and nothing ever counts missed days.
- A time zone change is nothing special: the same wall times are read in
  the new zone the next time the schedule is worked out.

Why these rules: docs/decisions/0023-practice-reminders.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

#: The most times of day a person can choose.
MAX_TIMES = 3
#: Days of the week, Monday first (``date.weekday()``).
WEEK = frozenset(range(7))
#: A reminder whose time passed longer ago than this is let go (after sleep, say).
GRACE = timedelta(minutes=15)
#: How far ahead to look for the next reminder: a week, and a day for time zones.
_LOOK_AHEAD_DAYS = 9


@dataclass(frozen=True, slots=True)
class Reminders:
    """What the person chose. ``enabled`` False (the default) means no reminders at all.

    ``quiet_from`` and ``quiet_to`` bound the quiet hours (from included, to not);
    they may run past midnight (22:00 to 07:00). Without both, or with the two
    equal, there are none. ``exercise`` is the exercise a reminder starts; ""
    means the default exercise.
    """

    enabled: bool = False
    days: frozenset[int] = WEEK
    times: tuple[time, ...] = (time(18, 0),)
    quiet_from: time | None = None
    quiet_to: time | None = None
    exercise: str = ""

    @property
    def active(self) -> bool:
        """True when a reminder can come at all: on, with a day and a time chosen, and
        at least one time outside the quiet hours."""
        return (self.enabled and bool(self.days) and any(
            not self.is_quiet(moment) for moment in self.times))

    def is_quiet(self, moment: time) -> bool:
        """Whether the wall time ``moment`` is within the quiet hours."""
        return in_quiet_hours(moment, self.quiet_from, self.quiet_to)

    def sorted_times(self) -> tuple[time, ...]:
        """The chosen times, each once, earliest first."""
        return tuple(sorted(set(self.times)))


def in_quiet_hours(moment: time, start: time | None, end: time | None) -> bool:
    """Whether ``moment`` falls from ``start`` (included) to ``end`` (not), which may
    run past midnight. None, or the two equal: there are no quiet hours."""
    if start is None or end is None or start == end:
        return False
    moment = moment.replace(second=0, microsecond=0, tzinfo=None)
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def at_wall_time(day: date, moment: time, zone: tzinfo) -> datetime:
    """``moment`` on ``day`` in ``zone``, in UTC.

    The first of two equal wall times (summer time ending); a wall time the clock
    skips is read with the offset before the jump, so it lands as far after it.
    """
    local = datetime.combine(day, moment.replace(tzinfo=None), tzinfo=zone)
    return local.astimezone(UTC)


def occurrences(reminders: Reminders, day: date, zone: tzinfo) -> list[datetime]:
    """The reminders of local ``day`` (UTC, earliest first), quiet hours left out."""
    if not reminders.enabled or day.weekday() not in reminders.days:
        return []
    return [at_wall_time(day, moment, zone) for moment in reminders.sorted_times()
            if not reminders.is_quiet(moment)]


def next_reminder(reminders: Reminders, now: datetime, zone: tzinfo) -> datetime | None:
    """The first reminder strictly after ``now`` (aware), in UTC; None when none will come."""
    if not reminders.active:
        return None
    today = now.astimezone(zone).date()
    for offset in range(-1, _LOOK_AHEAD_DAYS):  # from yesterday: a zone far behind UTC
        for moment in occurrences(reminders, today + timedelta(days=offset), zone):
            if moment > now:
                return moment
    return None


def due_reminder(reminders: Reminders, since: datetime, now: datetime, zone: tzinfo, *,
                 grace: timedelta = GRACE) -> datetime | None:
    """The one reminder to show at ``now``, having last looked at ``since``; or None.

    That is the latest reminder after ``since`` and no later than ``now``, when it
    passed no longer than ``grace`` ago. However many were missed (the computer
    slept for days), at most this one is shown; a clock set back shows none.
    """
    if not reminders.active or now <= since:
        return None
    earliest = max(since, now - grace)
    day = (earliest.astimezone(zone) - timedelta(days=1)).date()
    last_day = now.astimezone(zone).date()
    latest: datetime | None = None
    while day <= last_day:
        for moment in occurrences(reminders, day, zone):
            if since < moment <= now and now - moment <= grace:
                latest = moment if latest is None else max(latest, moment)
        day += timedelta(days=1)
    return latest


def wait_until(moment: datetime, now: datetime) -> timedelta:
    """How long from ``now`` to ``moment`` (never negative)."""
    return max(timedelta(0), moment - now)
