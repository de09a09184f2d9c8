"""Practice while calm, counted plainly: how many times this week. Stdlib only.

Skills are learned when calm and used when stirred up, so a session begun
from a low rating (the starting level "0-3": 0 to 3 before, without the numb
mark) is practice, once some time was practised (stopped during the count before
the first breath is not). Steady may say how many such sessions there were this
week. It is a count that only goes up within a week, never a streak, never a
comparison with another week, never a day missed; a week with none says
nothing at all (the screens show the count only when it is one or more).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from app.domain.levels import StartLevel, start_level
from app.domain.report import local_midnight, week_start
from app.domain.session import SessionFilter, SessionRecord

#: The starting level that counts as practising while calm.
CALM_LEVEL: StartLevel = "0-3"


def is_calm_practice(record: SessionRecord) -> bool:
    """Whether ``record`` is practice while calm: begun at 0-3 (not numb), with some
    time practised. :func:`calm_this_week` counts the same sessions in the log."""
    return (start_level(record.before, record.numb_before) == CALM_LEVEL
            and record.practised_seconds > 0)


def calm_this_week(now: datetime, zone: tzinfo, first_weekday: int = 0) -> SessionFilter:
    """The sessions begun while calm since this week began (its first day's midnight,
    on the clocks of ``zone``; weeks begin on ``first_weekday``, 0 for Monday), with
    some time practised."""
    start = week_start(now.astimezone(zone).date(), first_weekday)
    return SessionFilter(since=local_midnight(start, zone), start_level=CALM_LEVEL,
                         practised=True)
