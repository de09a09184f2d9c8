"""History's one read (app.domain.history): the choices and a fixed "now" in, the figures out.

"Now" is years away from the machine's own date, so a read that looked at the
computer's clock instead of the one it is given would pick other sessions.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain.history import (
    FIRST_PAGE,
    LARGE_LOG,
    HistoryChoice,
    default_period,
    local_midnight,
    read_choices,
    read_history,
    read_what_works,
)
from app.domain.session import SessionRecord
from app.storage.sessions import SqliteSessionStore, memory_store

NOW = datetime(2031, 6, 15, 12, 0, tzinfo=UTC)


def done(exercise: str, days_ago: float, before: int | None, after: int | None,
         *tags: str) -> SessionRecord:
    started = NOW - timedelta(days=days_ago)
    return SessionRecord(exercise, exercise.title(), started, ended_at=started + timedelta(
        minutes=5), status="completed", before=before, after=after, tags=tags)


LOG = [
    done("box", 3, 8, 5, "work"),
    done("box", 10, 7, 4, "work"),
    done("box", 12, 6, 3, "work"),
    done("orienting", 40, 5, 5, "night"),
    done("texture", 400, None, None),
]


@pytest.fixture
def store() -> Iterator[SqliteSessionStore]:
    with memory_store() as s:
        s.merge(LOG)
        yield s


@pytest.mark.parametrize(("period", "days"), [("7", 7), ("30", 30), ("90", 90),
                                               ("365", 365)])
def test_a_period_counts_back_from_the_now_it_is_given(period: str, days: int) -> None:
    where = HistoryChoice(period=period).where(NOW)  # type: ignore[arg-type]
    assert where.since == NOW - timedelta(days=days)
    assert where.until is None


def test_all_time_has_no_bounds() -> None:
    where = HistoryChoice(period="all", first_day=date(2031, 1, 1)).where(NOW)
    assert (where.since, where.until) == (None, None)


def test_chosen_days_run_from_midnight_to_midnight_either_way_round() -> None:
    first, last = date(2031, 5, 1), date(2031, 5, 31)
    for a, b in ((first, last), (last, first)):
        where = HistoryChoice(period="custom", first_day=a, last_day=b).where(NOW)
        assert where.since == local_midnight(first)
        assert where.until == local_midnight(date(2031, 6, 1))  # the last day is included


def test_the_other_choices_pass_through() -> None:
    where = HistoryChoice(exercise_id="box", tag="work", time_of_day="night").where(NOW)
    assert (where.exercise_id, where.tag, where.time_of_day) == ("box", "work", "night")


@pytest.mark.parametrize(("period", "ids"), [
    ("7", {0}), ("30", {0, 1, 2}), ("90", {0, 1, 2, 3}), ("all", {0, 1, 2, 3, 4}),
])
def test_read_history_reads_the_period_as_of_now(store: SqliteSessionStore, period: str,
                                                 ids: set[int]) -> None:
    view = read_history(store, HistoryChoice(period=period), NOW)  # type: ignore[arg-type]
    assert view.logged == len(LOG)
    assert view.matching == len(ids)
    assert {r.id for r in view.sessions} == {LOG[i].id for i in ids}
    assert [r.started_at for r in view.sessions] == sorted(
        (r.started_at for r in view.sessions), reverse=True)  # newest first
    assert [p[0] for p in view.points] == sorted(LOG[i].started_at for i in ids)  # oldest first
    assert view.end == NOW  # the chart runs up to now
    assert sum(row.sessions for row in view.works.rows) == len(ids)


def test_chosen_days_end_the_chart_at_their_end(store: SqliteSessionStore) -> None:
    choice = HistoryChoice(period="custom", first_day=date(2031, 5, 1),
                           last_day=date(2031, 6, 4))
    view = read_history(store, choice, NOW)
    assert view.end == local_midnight(date(2031, 6, 5))
    assert {r.id for r in view.sessions} == {LOG[2].id, LOG[3].id}  # 12 and 40 days back


def test_the_list_can_be_left_unread(store: SqliteSessionStore) -> None:
    view = read_history(store, HistoryChoice(), NOW, first_page=0)
    assert view.sessions == () and view.matching == len(LOG)
    assert len(read_history(store, HistoryChoice(), NOW, first_page=2).sessions) == 2
    assert len(LOG) <= FIRST_PAGE


def test_an_empty_log_reads_nothing_more() -> None:
    with memory_store() as empty:
        view = read_history(empty, HistoryChoice(period="30"), NOW)
        assert (view.logged, view.matching, view.points, view.sessions) == (0, 0, (), ())
        assert view.works.rows == () and view.end == NOW
        assert read_choices(empty).logged == 0


def test_by_tag_each_row_names_what_helped_most(store: SqliteSessionStore) -> None:
    works = read_what_works(store, HistoryChoice().where(NOW), "tag")
    assert {row.key for row in works.rows} == {"work", "night"}
    assert works.best["work"].exercise_id == "box"  # three rated sessions, all dropped 3
    assert "night" not in works.best  # one session: too few to tell


def test_the_choices_offered_come_from_the_whole_log(store: SqliteSessionStore) -> None:
    choices = read_choices(store)
    assert choices.logged == len(LOG)
    assert [key for key, _title in choices.exercises] == ["box", "orienting", "texture"]
    assert set(choices.tags) == {"work", "night"}


def test_a_large_log_opens_on_ninety_days() -> None:
    assert default_period(LARGE_LOG) == "all"
    assert default_period(LARGE_LOG + 1) == "90"
