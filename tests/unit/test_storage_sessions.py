"""The session store: writes, reads, filters, "what works for me", deleting."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.domain.session import (
    MAX_NOTE_CHARS,
    BestExercise,
    ExerciseStats,
    SessionFilter,
    SessionRecord,
    SessionStore,
)
from app.storage.db import DB_NAME
from app.storage.sessions import SqliteSessionStore, memory_store, open_store

DAY = datetime(2026, 2, 10, tzinfo=UTC)


@pytest.fixture
def local_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC unless a test sets TZ itself (then calls time.tzset())."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store() -> Iterator[SqliteSessionStore]:
    with memory_store() as s:
        yield s


def at(hour: int, day: int = 0) -> datetime:
    return DAY + timedelta(days=day, hours=hour)


def rec(exercise: str, before: int | None, after: int | None, when: datetime,
        *tags: str, title: str | None = None) -> SessionRecord:
    return SessionRecord(exercise, title or exercise.title(), when, before=before, after=after,
                         status="completed" if after is not None else "stopped",
                         ended_at=when + timedelta(minutes=5), planned_seconds=300.0,
                         practised_seconds=300.0, tags=tags)


def seed(store: SqliteSessionStore) -> list[SessionRecord]:
    """The hand-computed set the stats tests check against."""
    records = [
        rec("box", 7, 4, at(7, 0), "work"),  # morning
        rec("box", 6, 5, at(13, 1), "work", "night"),  # afternoon
        rec("box", 8, 3, at(20, 2)),  # evening
        rec("box", 5, None, at(2, 3)),  # night, half rated
        rec("box", None, None, at(9, 4), title="Box breathing"),  # morning, newest box
        rec("54321", 4, 4, at(22, 0), "night"),  # evening
        rec("54321", 6, 3, at(8, 5)),  # morning
        rec("walk", 3, None, at(15, 6)),  # afternoon
    ]
    for record in records:
        store.save(record)
    return records


def test_is_a_session_store(store: SqliteSessionStore) -> None:
    as_protocol: SessionStore = store
    assert as_protocol.sessions() == []


def test_save_get_and_update(store: SqliteSessionStore) -> None:
    record = SessionRecord("box", "Box breathing", at(9), before=7, note="tight chest",
                           numb_before=True, tags=("work", "morning"))
    store.save(record)
    assert store.get(record.id) == record
    done = record.with_(after=10, status="completed", ended_at=at(9) + timedelta(minutes=4),
                        numb_after=True, practised_seconds=240.5, tags=("morning",))
    store.save(done)
    assert store.get(record.id) == done
    assert store.count() == 1
    assert store.get("00000000-0000-4000-8000-000000000000") is None


def test_times_keep_microseconds_and_come_back_in_utc(store: SqliteSessionStore) -> None:
    plus_two = datetime(2026, 5, 1, 10, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2)))
    record = SessionRecord("box", "Box", plus_two)
    store.save(record)
    back = store.get(record.id)
    assert back is not None and back.started_at == plus_two and back.started_at.tzinfo == UTC


@pytest.mark.parametrize("ended", [DAY - timedelta(hours=1), DAY + timedelta(days=3650)])
def test_a_session_the_clock_stamped_oddly_is_saved_whole(store: SqliteSessionStore,
                                                          ended: datetime) -> None:
    """Ended before it started (the clock set back), or years on: recorded as it was."""
    record = SessionRecord("box", "Box", DAY, ended_at=ended, before=7, after=3,
                           status="completed", note="kept", tags=("night",))
    store.save(record)
    assert store.get(record.id) == record


@pytest.mark.parametrize(
    "change",
    [
        {"before": 11}, {"after": -1}, {"status": "paused"}, {"note": "x" * (MAX_NOTE_CHARS + 1)},
        {"tags": ("a;b",)}, {"tags": ("same", "same")}, {"id": "not-a-uuid"},
        {"started_at": datetime(2026, 1, 1)}, {"planned_seconds": float("nan")},
        {"ended_at": datetime(1969, 12, 31, tzinfo=UTC)}, {"exercise_id": ""},
        {"note": "a\x00b"},
    ],
)
def test_save_refuses_what_the_log_cannot_hold(store: SqliteSessionStore,
                                               change: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        store.save(SessionRecord("box", "Box", DAY).with_(**change))
    assert store.count() == 0


def test_ratings_at_both_ends_are_kept(store: SqliteSessionStore) -> None:
    record = SessionRecord("box", "Box", DAY, before=10, after=0,
                           note="x" * MAX_NOTE_CHARS)
    store.save(record)
    assert store.get(record.id) == record


def test_sessions_newest_first_and_limit(store: SqliteSessionStore) -> None:
    records = seed(store)
    newest_first = sorted(records, key=lambda r: r.started_at, reverse=True)
    assert store.sessions() == newest_first
    assert store.sessions(limit=3) == newest_first[:3]


def test_filters(store: SqliteSessionStore, local_tz: None) -> None:
    seed(store)

    def exercises(where: SessionFilter) -> list[tuple[str, int]]:
        return [(r.exercise_id, r.started_at.hour) for r in store.sessions(where)]

    assert exercises(SessionFilter(exercise_id="54321")) == [("54321", 8), ("54321", 22)]
    assert exercises(SessionFilter(tag="night")) == [("box", 13), ("54321", 22)]
    assert exercises(SessionFilter(since=at(0, 5))) == [("walk", 15), ("54321", 8)]
    assert exercises(SessionFilter(until=at(13, 1))) == [("54321", 22), ("box", 7)]
    assert exercises(SessionFilter(since=at(0, 1), until=at(0, 3))) == [("box", 20), ("box", 13)]
    assert exercises(SessionFilter(time_of_day="morning")) == [
        ("54321", 8), ("box", 9), ("box", 7)]
    assert exercises(SessionFilter(exercise_id="box", time_of_day="night")) == [("box", 2)]
    assert exercises(SessionFilter(tag="work", time_of_day="afternoon")) == [("box", 13)]
    assert store.count(SessionFilter(exercise_id="nothing")) == 0
    assert store.count(SessionFilter(tag="night")) == 2


def test_time_of_day_is_local_time(store: SqliteSessionStore, local_tz: None,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "EST5")  # UTC-5, no daylight saving
    time.tzset()
    seed(store)
    # 02:00 UTC is 21:00 the evening before; 07:00 UTC is 02:00 at night.
    evening = {(r.exercise_id, r.started_at.hour)
               for r in store.sessions(SessionFilter(time_of_day="evening"))}
    assert ("box", 2) in evening and ("box", 20) not in evening
    night = {(r.exercise_id, r.started_at.hour)
             for r in store.sessions(SessionFilter(time_of_day="night"))}
    assert night == {("box", 7), ("54321", 8), ("box", 9)}


def test_known_tags_most_used_first(store: SqliteSessionStore) -> None:
    seed(store)
    store.save(rec("walk", 2, 1, at(10, 7), "work", "outside"))
    assert store.known_tags() == ["work", "night", "outside"]


def test_mark_interrupted_keeps_first_rating(store: SqliteSessionStore) -> None:
    running = SessionRecord("box", "Box", at(9), before=8, note="panicky", tags=("night",))
    done = rec("box", 6, 2, at(10))
    store.save(running)
    store.save(done)
    assert store.mark_interrupted() == 1
    back = store.get(running.id)
    assert back == running.with_(status="interrupted")
    assert store.get(done.id) == done
    assert store.mark_interrupted() == 0


def test_delete_one(store: SqliteSessionStore) -> None:
    records = seed(store)
    store.delete(records[1].id)
    assert store.get(records[1].id) is None
    assert store.count() == len(records) - 1
    assert store.count(SessionFilter(tag="night")) == 1  # its tags went with it
    store.delete(records[1].id)  # deleting again is harmless


def test_delete_all_in_memory(store: SqliteSessionStore) -> None:
    seed(store)
    store.delete_all()
    assert store.count() == 0 and store.known_tags() == []


def test_delete_all_leaves_nothing_but_exports(data_dir: Path) -> None:
    from tests.unit.test_storage_db import build_v1

    build_v1(data_dir)
    data_dir.joinpath("exercises").mkdir()
    data_dir.joinpath("exercises", "mine.toml").write_text("format = 1\n")
    export = data_dir / "my-export.csv"
    export.write_text("id\n")
    store, result = open_store(data_dir)
    assert result.backup is not None
    (data_dir / f"{DB_NAME}.damaged-20250101-000000").write_bytes(b"old")
    (data_dir / f"{DB_NAME}.damaged-20250101-000000-wal").write_bytes(b"old wal")
    store.save(rec("box", 5, 2, at(9)))
    assert (data_dir / f"{DB_NAME}-wal").exists()
    with store:
        store.delete_all()
        assert store.count() == 0
        store.save(rec("box", 4, 2, at(10)))  # the fresh log works
        assert store.count() == 1
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == ["exercises", "my-export.csv", DB_NAME]
    # The new log holds only the session saved after deleting.
    with open_store(data_dir)[0] as again:
        assert [r.before for r in again.sessions()] == [4]


def test_delete_one_leaves_no_text_in_the_file(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    with store:
        record = SessionRecord("box", "Box", at(9), note="a very private sentence " * 20)
        store.save(record)
        store.delete(record.id)
        raw = b"".join(p.read_bytes() for p in data_dir.glob(f"{DB_NAME}*") if p.is_file())
    assert b"very private sentence" not in raw


# ---------------------------------------------------------------------- what works for me


def stats_by_key(rows: list[ExerciseStats]) -> dict[str, ExerciseStats]:
    return {row.key: row for row in rows}


def test_stats_per_exercise_match_a_hand_computation(store: SqliteSessionStore) -> None:
    seed(store)
    rows = store.stats()
    assert [r.key for r in rows] == ["box", "54321", "walk"]  # most sessions first
    box, five, walk = rows
    assert box == ExerciseStats("box", "Box breathing", sessions=5, rated=3, mean_before=7.0,
                                mean_after=4.0, mean_change=-3.0,
                                noticeable_share=pytest.approx(2 / 3))
    assert five == ExerciseStats("54321", "54321", sessions=2, rated=2, mean_before=5.0,
                                 mean_after=3.5, mean_change=-1.5, noticeable_share=0.5)
    assert walk == ExerciseStats("walk", "Walk", sessions=1, rated=0, mean_before=None,
                                 mean_after=None, mean_change=None, noticeable_share=None)


def test_stats_per_tag(store: SqliteSessionStore) -> None:
    seed(store)
    rows = store.stats("tag")
    assert [r.key for r in rows] == ["night", "work"]  # two each: by name
    by = stats_by_key(rows)
    assert by["work"] == ExerciseStats("work", "work", 2, 2, 6.5, 4.5, -2.0, 0.5)
    assert by["night"] == ExerciseStats("night", "night", 2, 2, 5.0, 4.5, -0.5, 0.0)


def test_stats_per_time_of_day(store: SqliteSessionStore, local_tz: None) -> None:
    seed(store)
    rows = store.stats("time_of_day")
    assert [r.key for r in rows] == ["night", "morning", "afternoon", "evening"]
    by = stats_by_key(rows)
    # morning: box 7->4, box unrated, 54321 6->3
    assert by["morning"] == ExerciseStats("morning", "Morning", 3, 2, 6.5, 3.5, -3.0, 1.0)
    # evening: box 8->3, 54321 4->4
    assert by["evening"] == ExerciseStats("evening", "Evening", 2, 2, 6.0, 3.5, -2.5, 0.5)
    assert by["night"] == ExerciseStats("night", "Night", 1, 0, None, None, None, None)


def test_stats_with_filters(store: SqliteSessionStore, local_tz: None) -> None:
    seed(store)
    rows = store.stats(where=SessionFilter(tag="work"))
    assert [(r.key, r.sessions, r.mean_change) for r in rows] == [("box", 2, -2.0)]
    rows = store.stats(where=SessionFilter(since=at(0, 2), until=at(0, 5)))
    assert [(r.key, r.sessions, r.rated) for r in rows] == [("box", 3, 1)]
    rows = store.stats("tag", SessionFilter(time_of_day="evening"))
    assert [(r.key, r.sessions) for r in rows] == [("night", 1)]
    assert store.stats(where=SessionFilter(exercise_id="nothing")) == []


def numb_rec(exercise: str, before: int | None, after: int | None, when: datetime, *,
             numb_after: bool = False) -> SessionRecord:
    return rec(exercise, before, after, when).with_(numb_before=True, numb_after=numb_after)


def test_stats_per_starting_level(store: SqliteSessionStore) -> None:
    seed(store)  # starting levels 7, 6, 8, 5, none, 4, 6, 3
    store.save(numb_rec("box", 8, 6, at(10, 7)))  # numb wins over the 8
    store.save(numb_rec("walk", None, None, at(11, 7), numb_after=True))  # the mark kept
    rows = store.stats("start_level")
    assert [r.key for r in rows] == ["0-3", "4-6", "7-8", "numb"]  # 9-10: none yet
    by = stats_by_key(rows)
    assert by["0-3"] == ExerciseStats("0-3", "0-3", 1, 0, None, None, None, None)
    # 4-6: box 6->5, box 5 unrated, 54321 4->4, 54321 6->3
    assert by["4-6"] == ExerciseStats("4-6", "4-6", 4, 3, pytest.approx(16 / 3),
                                      pytest.approx(4.0), pytest.approx(-4 / 3),
                                      pytest.approx(1 / 3))
    assert by["7-8"] == ExerciseStats("7-8", "7-8", 2, 2, 7.5, 3.5, -4.0, 1.0)
    assert by["numb"] == ExerciseStats("numb", "numb", 2, 1, 8.0, 6.0, -2.0, 1.0,
                                       numb_rated=2, numb_cleared=1)


def test_stats_filtered_by_starting_level(store: SqliteSessionStore) -> None:
    seed(store)
    store.save(numb_rec("box", 8, 6, at(10, 7)))
    store.save(numb_rec("box", 2, 2, at(10, 8)))  # answered with a number: the mark is gone
    store.save(numb_rec("box", 2, None, at(10, 9)))  # no answer afterwards: not counted
    store.save(numb_rec("walk", 3, None, at(10, 10), numb_after=True))  # still numb
    rows = store.stats(where=SessionFilter(start_level="7-8"))
    assert [(r.key, r.sessions, r.rated, r.mean_change) for r in rows] == [("box", 2, 2, -4.0)]
    rows = store.stats(where=SessionFilter(start_level="4-6"))
    assert [(r.key, r.sessions, r.rated) for r in rows] == [("54321", 2, 2), ("box", 2, 1)]
    numb = stats_by_key(store.stats(where=SessionFilter(start_level="numb")))
    assert (numb["box"].sessions, numb["box"].numb_rated, numb["box"].numb_cleared) == (3, 2, 2)
    assert (numb["walk"].numb_rated, numb["walk"].numb_cleared) == (1, 0)
    assert store.stats(where=SessionFilter(start_level="9-10")) == []
    assert store.count(SessionFilter(start_level="numb")) == 4


def test_stats_by_level_stay_on_the_covering_index(store: SqliteSessionStore) -> None:
    """The numb marks are in the per-exercise index (log version 3), so grouping or
    filtering by starting level never reads the table rows (and the notes)."""
    from app.storage.sessions import _AGGREGATES, _START_LEVEL

    for sql in (f"SELECT s.exercise_id, {_AGGREGATES} FROM sessions s GROUP BY s.exercise_id",
                f"SELECT s.exercise_id, {_AGGREGATES} FROM sessions s WHERE {_START_LEVEL} = "
                "'numb' GROUP BY s.exercise_id"):
        plan = " ".join(str(r) for r in store._conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX sessions_by_exercise" in plan, plan


def test_stats_of_an_empty_log(store: SqliteSessionStore) -> None:
    assert store.stats() == [] and store.stats("tag") == [] and store.stats("time_of_day") == []
    assert store.stats("start_level") == []
    assert store.best_exercise() is None
    with pytest.raises(ValueError):
        store.stats("weekday")  # type: ignore[arg-type]


def test_best_exercise(store: SqliteSessionStore) -> None:
    seed(store)
    assert store.best_exercise(min_sessions=2) == BestExercise("box", "Box breathing", 3, -3.0)
    assert store.best_exercise(min_sessions=3) == BestExercise("box", "Box breathing", 3, -3.0)
    assert store.best_exercise(min_sessions=4) is None
    assert store.best_exercise() is None  # 5 by default


def test_best_exercise_needs_a_drop(store: SqliteSessionStore) -> None:
    for day in range(6):
        store.save(rec("box", 4, 5, at(9, day)))
    assert store.best_exercise() is None


def test_stats_on_a_large_log_are_quick(store: SqliteSessionStore) -> None:
    """20,000 sessions (years of heavy use) aggregate well within a tenth of a second."""
    conn = store._conn
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO sessions (id, exercise_id, exercise_title, started_at, status, before,"
        " after) VALUES (?, ?, ?, ?, 'completed', ?, ?)",
        [(f"00000000-0000-4000-8000-{i:012d}", f"ex{i % 12}", f"Exercise {i % 12}",
          (DAY + timedelta(minutes=37 * i)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
          i % 11, (i * 7) % 11) for i in range(20_000)],
    )
    conn.execute("COMMIT")
    started = time.perf_counter()
    rows = store.stats()
    elapsed = time.perf_counter() - started
    assert sum(r.sessions for r in rows) == 20_000
    assert elapsed < 0.5
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT exercise_id, count(*), avg(after - before)"
        " FROM sessions s GROUP BY exercise_id"))
    assert "COVERING INDEX" in plan
