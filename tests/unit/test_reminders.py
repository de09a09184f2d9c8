"""The practice reminders' schedule (app.domain.reminders): pure functions, no Qt.

Times are written as local wall times of a named zone and compared in UTC, so
each row says what a person would see on their clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.reminders import (
    WEEK,
    Reminders,
    at_wall_time,
    due_reminder,
    in_quiet_hours,
    next_reminder,
    occurrences,
)

BERLIN = ZoneInfo("Europe/Berlin")  # summer time 2026: from 29 March to 25 October
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")  # UTC+14
# 2026-03-02 is a Monday.
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def at(text: str, zone: ZoneInfo = BERLIN, *, fold: int = 0) -> datetime:
    """``"2026-03-02 09:00"`` on the clocks of ``zone``, as an aware time."""
    naive = datetime.strptime(text, "%Y-%m-%d %H:%M")
    return naive.replace(tzinfo=zone, fold=fold)


def wall(moment: datetime | None, zone: ZoneInfo = BERLIN) -> str | None:
    """What the clocks of ``zone`` show at ``moment``, the way :func:`at` reads it."""
    return None if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def hm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def plan(*times: str, days: frozenset[int] = WEEK, quiet: tuple[str, str] | None = None,
         enabled: bool = True) -> Reminders:
    return Reminders(enabled=enabled, days=days, times=tuple(hm(t) for t in times),
                     quiet_from=hm(quiet[0]) if quiet else None,
                     quiet_to=hm(quiet[1]) if quiet else None)


# --------------------------------------------------------------------------- next time


@pytest.mark.parametrize(("why", "reminders", "now", "expected"), [
    ("later today", plan("18:00"), "2026-03-02 09:00", "2026-03-02 18:00"),
    ("passed today: tomorrow", plan("08:00"), "2026-03-02 09:00", "2026-03-03 08:00"),
    ("strictly after now: not the one at this minute", plan("09:00"), "2026-03-02 09:00",
     "2026-03-03 09:00"),
    ("the earliest of several", plan("20:00", "12:30", "07:15"), "2026-03-02 10:00",
     "2026-03-02 12:30"),
    ("a time given twice counts once", plan("12:00", "12:00"), "2026-03-02 11:00",
     "2026-03-02 12:00"),
    ("just before midnight", plan("23:59"), "2026-03-02 23:58", "2026-03-02 23:59"),
    ("midnight is the next day's", plan("00:00"), "2026-03-02 23:59", "2026-03-03 00:00"),
    # days of the week
    ("only weekdays, on a Friday evening: Monday", plan("09:00", days=frozenset(range(5))),
     "2026-03-06 19:00", "2026-03-09 09:00"),
    ("only Sundays, from a Monday: six days on", plan("10:00", days=frozenset({SUN})),
     "2026-03-02 11:00", "2026-03-08 10:00"),
    ("only Mondays, on a Monday after the time: a week on",
     plan("10:00", days=frozenset({MON})), "2026-03-02 10:01", "2026-03-09 10:00"),
    ("two days, the nearer one", plan("09:00", days=frozenset({WED, SAT})),
     "2026-03-05 08:00", "2026-03-07 09:00"),
    # quiet hours
    ("a time inside quiet hours never comes", plan("06:30", "09:00",
                                                   quiet=("22:00", "07:00")),
     "2026-03-02 05:00", "2026-03-02 09:00"),
    ("quiet hours past midnight cover the late evening", plan("22:30", "21:00",
                                                              quiet=("22:00", "07:00")),
     "2026-03-02 21:30", "2026-03-03 21:00"),
    ("quiet hours end at their last minute, not after it", plan("07:00",
                                                                quiet=("22:00", "07:00")),
     "2026-03-02 06:00", "2026-03-02 07:00"),
    ("quiet hours begin at their first minute", plan("22:00", "21:59",
                                                     quiet=("22:00", "07:00")),
     "2026-03-02 21:00", "2026-03-02 21:59"),
    ("quiet hours within a day", plan("13:30", "15:00", quiet=("13:00", "14:00")),
     "2026-03-02 12:00", "2026-03-02 15:00"),
    ("equal ends: no quiet hours", plan("03:00", quiet=("03:00", "03:00")),
     "2026-03-02 01:00", "2026-03-02 03:00"),
])
def test_next_reminder(why: str, reminders: Reminders, now: str, expected: str) -> None:
    assert wall(next_reminder(reminders, at(now), BERLIN)) == expected, why


@pytest.mark.parametrize(("why", "reminders"), [
    ("off until chosen: the default", Reminders()),
    ("switched off, with days and times kept", plan("09:00", enabled=False)),
    ("no day chosen", plan("09:00", days=frozenset())),
    ("no time chosen", plan()),
    ("every time within quiet hours", plan("23:00", "06:00", quiet=("22:00", "07:00"))),
])
def test_no_reminder_at_all(why: str, reminders: Reminders) -> None:
    assert not reminders.active, why
    assert next_reminder(reminders, at("2026-03-02 09:00"), BERLIN) is None, why
    assert due_reminder(reminders, at("2026-03-01 09:00"), at("2026-03-02 09:00"),
                        BERLIN) is None, why


def test_off_is_the_default() -> None:
    assert Reminders().enabled is False and Reminders().active is False


# --------------------------------------------------------------------------- summer time


@pytest.mark.parametrize(("why", "reminders", "now", "expected"), [
    # 29 March 2026, 02:00 -> 03:00 in Berlin
    ("a time the clock skips comes as far after the jump", plan("02:30"),
     "2026-03-29 01:00", "2026-03-29 03:30"),
    ("the day after, as chosen again", plan("02:30"), "2026-03-29 04:00",
     "2026-03-30 02:30"),
    ("the same wall time across the jump: 23 hours later", plan("09:00"),
     "2026-03-28 09:30", "2026-03-29 09:00"),
    # 25 October 2026, 03:00 -> 02:00 in Berlin
    ("a time the clock passes twice: the first", plan("02:30"), "2026-10-25 01:00",
     "2026-10-25 02:30"),
    ("the same wall time across the change: 25 hours later", plan("09:00"),
     "2026-10-24 09:30", "2026-10-25 09:00"),
])
def test_summer_time(why: str, reminders: Reminders, now: str, expected: str) -> None:
    assert wall(next_reminder(reminders, at(now), BERLIN)) == expected, why


def test_a_time_passed_twice_comes_once() -> None:
    """After the first 02:30 of the night summer time ends, the next is the day after,
    not the second 02:30 an hour later."""
    reminders = plan("02:30")
    first = next_reminder(reminders, at("2026-10-25 01:00"), BERLIN)
    assert first == at("2026-10-25 02:30", fold=0).astimezone(UTC)
    again = next_reminder(reminders, first, BERLIN)  # looked again at the moment it came
    assert wall(again) == "2026-10-26 02:30"
    assert again is not None and again - first == timedelta(hours=25)
    # the second 02:30 is never due either
    second = at("2026-10-25 02:30", fold=1)
    assert due_reminder(reminders, first, second, BERLIN) is None


def test_the_jump_itself_in_utc() -> None:
    assert at_wall_time(date(2026, 3, 29), hm("02:30"), BERLIN) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC)
    assert at_wall_time(date(2026, 10, 25), hm("02:30"), BERLIN) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC)


# --------------------------------------------------------------------------- time zones


@pytest.mark.parametrize(("why", "now_utc", "zone", "expected"), [
    ("at home", "2026-03-02 07:00", BERLIN, "2026-03-02 09:00"),
    ("flown west, it is 02:00 there: 09:00 there", "2026-03-02 07:00", NEW_YORK,
     "2026-03-02 09:00"),
    ("flown east, 16:00 there: 09:00 there tomorrow", "2026-03-02 07:00", TOKYO,
     "2026-03-03 09:00"),
    ("far ahead of UTC, the local day is already the next one", "2026-03-02 19:00",
     KIRITIMATI, "2026-03-04 09:00"),
])
def test_time_zone_change_reads_the_same_wall_time_in_the_new_zone(
        why: str, now_utc: str, zone: ZoneInfo, expected: str) -> None:
    reminders = plan("09:00")
    now = at(now_utc, ZoneInfo("UTC"))
    found = next_reminder(reminders, now, zone)
    assert wall(found, zone) == expected, why
    assert found is not None and found > now


def test_a_chosen_day_is_the_day_on_the_local_calendar() -> None:
    """Mondays only: in Tokyo that is Tokyo's Monday, while it is still Sunday in UTC."""
    reminders = plan("08:00", days=frozenset({MON}))
    now = at("2026-03-01 20:00", ZoneInfo("UTC"))  # Sunday in UTC, Monday 05:00 in Tokyo
    assert wall(next_reminder(reminders, now, TOKYO), TOKYO) == "2026-03-02 08:00"


# --------------------------------------------------------------------------- after a gap


@pytest.mark.parametrize(("why", "reminders", "since", "now", "expected"), [
    ("on time", plan("09:00"), "2026-03-02 08:00", "2026-03-02 09:00", "2026-03-02 09:00"),
    ("a little late (a busy moment): still shown", plan("09:00"), "2026-03-02 08:00",
     "2026-03-02 09:10", "2026-03-02 09:00"),
    ("exactly the grace late: still shown", plan("09:00"), "2026-03-02 08:00",
     "2026-03-02 09:15", "2026-03-02 09:00"),
    ("slept through it: let go", plan("09:00"), "2026-03-02 08:00", "2026-03-02 09:16",
     None),
    ("slept all day through three: only the last, a moment ago",
     plan("09:00", "12:00", "16:50"), "2026-03-02 08:00", "2026-03-02 17:00",
     "2026-03-02 16:50"),
    ("slept a week: nothing piled up", plan("09:00", "12:00", "18:00"),
     "2026-03-02 08:00", "2026-03-09 08:00", None),
    ("slept a week, woke just after one: that one only", plan("09:00", "12:00"),
     "2026-03-02 08:00", "2026-03-09 12:05", "2026-03-09 12:00"),
    ("nothing between the two looks", plan("09:00"), "2026-03-02 09:01",
     "2026-03-02 09:05", None),
    ("the one already looked at is not shown again", plan("09:00"), "2026-03-02 09:00",
     "2026-03-02 09:05", None),
    ("the clock set back: none", plan("09:00"), "2026-03-02 10:00", "2026-03-02 09:05",
     None),
    ("within quiet hours: none", plan("23:00", "09:00", quiet=("22:00", "07:00")),
     "2026-03-02 22:50", "2026-03-02 23:05", None),
    ("not a chosen day: none", plan("09:00", days=frozenset({TUE})), "2026-03-02 08:00",
     "2026-03-02 09:05", None),
    ("just after midnight, the evening's one", plan("23:55"), "2026-03-02 23:50",
     "2026-03-03 00:05", "2026-03-02 23:55"),
])
def test_due_after_a_gap(why: str, reminders: Reminders, since: str, now: str,
                         expected: str | None) -> None:
    assert wall(due_reminder(reminders, at(since), at(now), BERLIN)) == expected, why


def test_the_grace_can_be_given() -> None:
    reminders = plan("09:00")
    since, now = at("2026-03-02 08:00"), at("2026-03-02 10:00")
    assert due_reminder(reminders, since, now, BERLIN) is None
    assert wall(due_reminder(reminders, since, now, BERLIN,
                             grace=timedelta(hours=1))) == "2026-03-02 09:00"


def test_due_and_next_agree_around_a_reminder() -> None:
    """Walk a day minute by minute, as a timer waking at each next time would: each
    reminder is due exactly once, at its time."""
    reminders = plan("07:30", "12:00", "21:45", quiet=("21:00", "07:00"))
    since = at("2026-03-02 00:00")
    shown = []
    now = since
    while now < at("2026-03-03 00:00"):
        coming = next_reminder(reminders, now, BERLIN)
        assert coming is not None
        now = coming
        due = due_reminder(reminders, since, now, BERLIN)
        if due is not None:
            shown.append(wall(due))
        since = now
    # 21:45 is within quiet hours: never due
    assert shown == ["2026-03-02 07:30", "2026-03-02 12:00", "2026-03-03 07:30"]


# --------------------------------------------------------------------------- parts


@pytest.mark.parametrize(("moment", "start", "end", "quiet"), [
    ("22:00", "22:00", "07:00", True), ("06:59", "22:00", "07:00", True),
    ("07:00", "22:00", "07:00", False), ("21:59", "22:00", "07:00", False),
    ("00:00", "22:00", "07:00", True), ("12:00", "22:00", "07:00", False),
    ("13:00", "13:00", "14:00", True), ("14:00", "13:00", "14:00", False),
    ("12:59", "13:00", "14:00", False),
    ("03:00", "03:00", "03:00", False),
])
def test_in_quiet_hours(moment: str, start: str, end: str, quiet: bool) -> None:
    assert in_quiet_hours(hm(moment), hm(start), hm(end)) is quiet
    assert in_quiet_hours(hm(moment), None, hm(end)) is False
    assert in_quiet_hours(hm(moment), hm(start), None) is False


def test_occurrences_of_a_day() -> None:
    reminders = plan("18:00", "08:00", days=frozenset({MON}))
    assert [wall(m) for m in occurrences(reminders, date(2026, 3, 2), BERLIN)] == [
        "2026-03-02 08:00", "2026-03-02 18:00"]
    assert occurrences(reminders, date(2026, 3, 3), BERLIN) == []  # a Tuesday
    assert occurrences(plan("08:00", enabled=False), date(2026, 3, 2), BERLIN) == []
