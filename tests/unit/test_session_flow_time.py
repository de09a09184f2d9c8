"""Time may jump, saves may fail: the session flow records what happened and never sticks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.exercise import Exercise, Phase
from app.domain.session import Saved, SessionRecord
from app.services.session_flow import SessionFlow
from app.storage.records import EARLIEST
from app.storage.sessions import SqliteSessionStore, memory_store, open_store

BOX = Exercise(id="box", title="Box breathing", kind="breathing",
               phases=(Phase("inhale", 4), Phase("exhale", 4)))
NINE_PM = datetime(2026, 5, 1, 21, 0, tzinfo=UTC)


class WallClock:
    """A wall clock the test sets, as a person (or a time server) might."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store() -> Iterator[SqliteSessionStore]:
    with memory_store() as s:
        yield s


def run_session(flow: SessionFlow, clock: WallClock, *, jump: timedelta) -> SessionRecord:
    record = flow.rate_before(BOX, 7, numb=False, planned_seconds=300.0)
    clock.now += jump  # mid-session, the clock is changed
    flow.exercise_ended(240.0, completed=True)
    flow.rate_after(3, numb=False, note="slower now", tags=("night",))
    flow.finish()
    return record


@pytest.mark.parametrize("jump", [timedelta(hours=-1), timedelta(days=-400),
                                  timedelta(days=3650)])
def test_a_clock_changed_mid_session_keeps_the_whole_session(
        store: SqliteSessionStore, qtbot: QtBot, jump: timedelta) -> None:
    clock = WallClock(NINE_PM)
    flow = SessionFlow(store, now=clock)
    failures: list[str] = []
    flow.saveFailed.connect(failures.append)
    record = run_session(flow, clock, jump=jump)
    saved = store.get(record.id)
    assert failures == [] and not flow.unsaved
    assert saved is not None
    assert (saved.before, saved.after, saved.note, saved.tags) == (7, 3, "slower now",
                                                                   ("night",))
    assert saved.started_at == NINE_PM and saved.ended_at == NINE_PM + jump
    assert saved.practised_seconds == 240.0, "the time spent comes from the pages' clock"
    after = run_session(flow, clock, jump=timedelta(0))
    assert store.get(after.id) is not None, "the next session saves too"


def test_a_clock_before_1970_is_stamped_1970(store: SqliteSessionStore) -> None:
    clock = WallClock(datetime(1969, 7, 20, 20, 17, tzinfo=UTC))
    flow = SessionFlow(store, now=clock)
    record = run_session(flow, clock, jump=timedelta(0))
    saved = store.get(record.id)
    assert saved is not None and saved.started_at == EARLIEST and saved.after == 3


class RefusesOne:
    """A store that can never take one session (say, a row it refuses), and takes the rest."""

    def __init__(self, inner: SqliteSessionStore) -> None:
        self.inner = inner
        self.refused: str | None = None

    def save(self, record: SessionRecord) -> Saved:
        if self.refused is None or record.id == self.refused:
            self.refused = record.id
            raise ValueError("session cannot be stored: it is the one this store refuses")
        return self.inner.save(record)


def test_one_failed_save_never_blocks_another(store: SqliteSessionStore, qtbot: QtBot) -> None:
    refusing = RefusesOne(store)
    clock = WallClock(NINE_PM)
    flow = SessionFlow(refusing, now=clock)  # type: ignore[arg-type]
    stuck = run_session(flow, clock, jump=timedelta(0))
    assert flow.unsaved and store.get(stuck.id) is None
    saved_ids: list[str] = []
    flow.saved.connect(saved_ids.append)
    failures: list[str] = []
    flow.saveFailed.connect(failures.append)
    second = run_session(flow, clock, jump=timedelta(minutes=5))
    assert failures == [], "the stuck session does not make the next one fail"
    assert saved_ids.count(second.id) >= 3 and store.get(second.id) is not None
    assert flow.saved_to == "memory"
    assert flow.unsaved, "the earlier one is still held, and still tried"


def test_where_it_went_and_what_to_say(tmp_path: Path, qtbot: QtBot) -> None:
    data = tmp_path / "data"
    log, _ = open_store(data)
    with log:
        flow = SessionFlow(log, now=WallClock(NINE_PM))
        flow.rate_before(BOX, 6, numb=False, planned_seconds=60.0)
        assert flow.saved_to == "log"
        shutil.rmtree(data)
        with qtbot.waitSignal(flow.notice) as told:
            flow.exercise_ended(60.0, completed=True)
        assert "was deleted while Steady was open" in told.args[0]
        assert flow.saved_to == "log" and (data / "steady.sqlite3").exists()
