"""What a report holds (app.domain.report), the numb marks the log counts, and the
count of practice while calm (app.domain.practice): no Qt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.practice import CALM_LEVEL, calm_this_week
from app.domain.report import (
    TOP_TRIGGERS,
    WEEKS_LISTED,
    DateRange,
    Period,
    RangeError,
    gather,
    local_midnight,
    parse_day,
    periods,
    week_start,
)
from app.domain.session import NumbMarks, SessionFilter, SessionRecord
from app.storage.sessions import SqliteSessionStore, memory_store

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)  # a Friday


@pytest.fixture
def store() -> Iterator[SqliteSessionStore]:
    with memory_store() as s:
        yield s


def local(day: str, hour: int = 10) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time().replace(hour=hour),
                            tzinfo=BERLIN)


def rec(ex: str, when: datetime, before: int | None, after: int | None, *tags: str,
        note: str = "", numb_before: bool = False, numb_after: bool = False,
        practised: float = 300.0) -> SessionRecord:
    return SessionRecord(ex, ex.title(), when, before=before, after=after, tags=tags,
                         note=note, status="completed", ended_at=when + timedelta(minutes=5),
                         numb_before=numb_before, numb_after=numb_after,
                         practised_seconds=practised)


# --------------------------------------------------------------------------- days


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-01", date(2026, 3, 1)), (" 2026-12-31 ", date(2026, 12, 31)),
    ("2024-02-29", date(2024, 2, 29)),
])
def test_parse_day(text: str, expected: date) -> None:
    assert parse_day(text) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "2025-02-29", "01/03/2026",
                                  "yesterday", "", "20260301", "2026-3-1", "2026-03-01T10"])
def test_a_day_that_is_not_a_date_is_said_plainly(text: str) -> None:
    with pytest.raises(RangeError) as raised:
        parse_day(text)
    assert f"“{text}” is not a date" in str(raised.value)
    assert "YYYY-MM-DD, like 2026-03-01" in str(raised.value)


def test_a_range_backwards_is_refused() -> None:
    with pytest.raises(RangeError, match=r"first day \(2026-03-05\) is after the last "
                                         r"\(2026-03-01\)"):
        DateRange(date(2026, 3, 5), date(2026, 3, 1))
    assert DateRange(date(2026, 3, 5), date(2026, 3, 5)).first == date(2026, 3, 5)


def test_a_range_is_local_days_both_included() -> None:
    where = DateRange(date(2026, 3, 28), date(2026, 3, 29)).session_filter(BERLIN)
    assert where.since == datetime(2026, 3, 27, 23, tzinfo=UTC)  # midnight, winter time
    assert where.until == datetime(2026, 3, 29, 22, tzinfo=UTC)  # midnight, summer time
    assert DateRange().session_filter(BERLIN) == SessionFilter()
    assert local_midnight(date(2026, 3, 2), BERLIN).hour == 0


@pytest.mark.parametrize(("day", "first_weekday", "expected"), [
    ("2026-03-04", 0, "2026-03-02"),  # a Wednesday; weeks from Monday
    ("2026-03-02", 0, "2026-03-02"),
    ("2026-03-01", 0, "2026-02-23"),  # a Sunday is the end of a Monday week
    ("2026-03-01", 6, "2026-03-01"),  # ... and the start of a Sunday week
    ("2026-03-07", 6, "2026-03-01"),
    ("2026-03-07", 5, "2026-03-07"),  # Saturday weeks
])
def test_week_start(day: str, first_weekday: int, expected: str) -> None:
    assert week_start(date.fromisoformat(day), first_weekday) == date.fromisoformat(expected)


# --------------------------------------------------------------------------- per week


def test_periods_by_week_every_week_of_the_range_with_partial_ones_said() -> None:
    days = [date(2026, 3, d) for d in (4, 4, 5, 18)]
    rows, unit = periods(days, date(2026, 3, 4), date(2026, 3, 18))
    assert unit == "week"
    assert rows == [Period(date(2026, 3, 2), 5, 3),   # Wed 4 to Sun 8: five days
                    Period(date(2026, 3, 9), 7, 0),   # a week without: its own row
                    Period(date(2026, 3, 16), 3, 1)]  # Mon 16 to Wed 18
    assert rows[0].per_week == pytest.approx(3 * 7 / 5)
    assert Period(date(2026, 3, 2), 0, 0).per_week == 0.0


def test_periods_by_month_when_the_range_is_long() -> None:
    first, last = date(2026, 1, 15), date(2026, 6, 10)
    days = [date(2026, 1, 20), date(2026, 2, 1), date(2026, 2, 28), date(2026, 6, 10)]
    rows, unit = periods(days, first, last)
    assert unit == "month"
    assert [(r.start, r.days, r.sessions) for r in rows] == [
        (date(2026, 1, 1), 17, 1), (date(2026, 2, 1), 28, 2), (date(2026, 3, 1), 31, 0),
        (date(2026, 4, 1), 30, 0), (date(2026, 5, 1), 31, 0), (date(2026, 6, 1), 10, 1)]


def test_weeks_up_to_the_limit_then_months() -> None:
    first = date(2026, 1, 5)  # a Monday
    rows, unit = periods([], first, first + timedelta(weeks=WEEKS_LISTED) - timedelta(days=1))
    assert unit == "week" and len(rows) == WEEKS_LISTED
    rows, unit = periods([], first, first + timedelta(weeks=WEEKS_LISTED))
    assert unit == "month"


# --------------------------------------------------------------------------- gather


def seed(store: SqliteSessionStore) -> None:
    store.merge([
        rec("box", local("2026-03-02"), 7, 4, "work", note="Before the meeting."),
        rec("box", local("2026-03-03"), 6, 5, "work", "night"),
        rec("box", local("2026-03-10"), 8, 3, "noise"),
        rec("sigh", local("2026-03-11"), 2, 1, note="   "),  # blank: not a note
        rec("sigh", local("2026-03-12"), None, None, numb_before=True, numb_after=True,
            note="Far away all day."),
        rec("sigh", local("2026-03-13"), 5, 5, numb_after=True),
        rec("box", local("2026-02-20"), 9, 8, "work", note="Outside the range."),
    ])


def test_gather_reads_the_logs_own_figures(store: SqliteSessionStore) -> None:
    seed(store)
    chosen = DateRange(date(2026, 3, 1), date(2026, 3, 15))
    data = gather(store, chosen, now=NOW, zone=BERLIN)
    where = chosen.session_filter(BERLIN)
    assert (data.first_day, data.last_day, data.made_on) == (
        date(2026, 3, 1), date(2026, 3, 15), date(2026, 3, 20))
    assert data.sessions == 6 and data.rated == 5 and not data.empty
    assert data.by_exercise == store.stats("exercise", where)
    assert [r.key for r in data.by_exercise] == ["box", "sigh"]
    assert data.by_level == store.stats("start_level", where)
    assert [r.key for r in data.by_level] == ["0-3", "4-6", "7-8", "numb"]
    assert [(t.key, t.sessions, t.mean_change) for t in data.triggers] == [
        ("work", 2, -2.0), ("night", 1, -1.0), ("noise", 1, -5.0)]
    assert data.numb == NumbMarks(before=1, after=2, either=2)
    assert [p.sessions for p in data.periods] == [0, 2, 4]  # weeks of 23 Feb, 2 and 9 Mar
    assert data.period_unit == "week"
    assert len(data.points) == 6
    assert data.notes is None  # not asked for


def test_notes_only_when_asked_oldest_first_blank_ones_left_out(
        store: SqliteSessionStore) -> None:
    seed(store)
    data = gather(store, DateRange(date(2026, 3, 1), date(2026, 3, 15)), now=NOW,
                  zone=BERLIN, notes=True)
    assert data.notes is not None
    assert [(n.exercise_title, n.note, n.before, n.after) for n in data.notes] == [
        ("Box", "Before the meeting.", 7, 4), ("Sigh", "Far away all day.", None, None)]


def test_an_open_range_runs_from_the_first_session_to_today(store: SqliteSessionStore) -> None:
    seed(store)
    data = gather(store, DateRange(), now=NOW, zone=BERLIN)
    assert (data.first_day, data.last_day) == (date(2026, 2, 20), date(2026, 3, 20))
    assert data.sessions == 7
    assert data.by_exercise == store.stats("exercise")
    data = gather(store, DateRange(last=date(2026, 2, 28)), now=NOW, zone=BERLIN)
    assert (data.first_day, data.last_day, data.sessions) == (
        date(2026, 2, 20), date(2026, 2, 28), 1)


def test_top_triggers_are_the_most_frequent_few(store: SqliteSessionStore) -> None:
    tags = [f"tag{n}" for n in range(TOP_TRIGGERS + 3)]
    store.merge([rec("box", local("2026-03-02") + timedelta(minutes=n), 6, 4,
                     *tags[: n % len(tags) + 1]) for n in range(40)])
    data = gather(store, DateRange(), now=NOW, zone=BERLIN)
    assert len(data.triggers) == TOP_TRIGGERS
    counts = [t.sessions for t in data.triggers]
    assert counts == sorted(counts, reverse=True)
    assert data.triggers == store.stats("tag")[:TOP_TRIGGERS]


def test_an_empty_range(store: SqliteSessionStore) -> None:
    seed(store)
    data = gather(store, DateRange(date(2025, 1, 1), date(2025, 1, 31)), now=NOW, zone=BERLIN,
                  notes=True)
    assert data.empty and data.sessions == 0 and data.rated == 0
    assert data.by_exercise == [] and data.by_level == [] and data.triggers == []
    assert data.numb == NumbMarks() and data.notes == []
    assert (data.first_day, data.last_day) == (date(2025, 1, 1), date(2025, 1, 31))
    with memory_store() as empty:
        data = gather(empty, DateRange(), now=NOW, zone=BERLIN)
    assert data.empty and data.first_day == data.last_day == date(2026, 3, 20)


def test_numb_marks_follow_the_filter(store: SqliteSessionStore) -> None:
    seed(store)
    assert store.numb_marks() == NumbMarks(1, 2, 2)
    assert store.numb_marks(SessionFilter(exercise_id="box")) == NumbMarks(0, 0, 0)


# --------------------------------------------------------------------------- practice


def test_practice_while_calm_counts_this_weeks_sessions_from_0_to_3(
        store: SqliteSessionStore) -> None:
    now = local("2026-03-12", 20)  # a Thursday
    store.merge([
        rec("box", local("2026-03-09", 0) + timedelta(minutes=1), 3, 2),  # Monday, just in
        rec("box", local("2026-03-10"), 0, 0),
        rec("box", local("2026-03-11"), 2, None),  # not rated after: still practice
        rec("box", local("2026-03-11"), 4, 2),  # 4: not calm
        rec("box", local("2026-03-11"), 1, 1, numb_before=True),  # numb: not calm
        rec("box", local("2026-03-08", 23), 1, 0),  # last Sunday: last week
        rec("box", local("2026-03-11"), 1, None, practised=0.0),  # stopped in the count
    ])
    where = calm_this_week(now, BERLIN)
    assert where.start_level == CALM_LEVEL == "0-3"
    assert where.since == datetime(2026, 3, 8, 23, tzinfo=UTC)  # Monday 00:00 in Berlin
    assert store.count(where) == 3
    sunday_weeks = calm_this_week(now, BERLIN, first_weekday=6)
    assert store.count(sunday_weeks) == 4  # the Sunday counts in a week from Sunday
