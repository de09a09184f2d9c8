"""The session flow writes at each step and never loses what was entered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.domain.exercise import Exercise, Phase
from app.domain.session import MAX_NOTE_CHARS, Saved, SessionRecord
from app.services.session_flow import SessionFlow, clean_tags
from app.storage.sessions import SqliteSessionStore, memory_store

BOX = Exercise(id="box", title="Box breathing", kind="breathing",
               phases=(Phase("inhale", 4), Phase("exhale", 4)))


@pytest.fixture
def store() -> Iterator[SqliteSessionStore]:
    with memory_store() as s:
        yield s


class FailingStore:
    """Fails the first ``failures`` saves (a full disk), then works."""

    def __init__(self, inner: SqliteSessionStore, failures: int) -> None:
        self.inner = inner
        self.failures = failures

    def save(self, record: SessionRecord) -> Saved:
        if self.failures:
            self.failures -= 1
            raise OSError(28, "No space left on device")
        return self.inner.save(record)


def fixed_now() -> datetime:
    return datetime(2026, 5, 1, 21, 30, tzinfo=UTC)


def test_row_written_at_first_rating_and_updated_at_the_end(store: SqliteSessionStore) -> None:
    flow = SessionFlow(store, now=fixed_now)
    record = flow.rate_before(BOX, 7, numb=True, planned_seconds=300.0)
    saved = store.get(record.id)
    assert saved is not None and (saved.status, saved.before, saved.numb_before) == (
        "running", 7, True)
    flow.exercise_ended(123.456, completed=False)
    flow.rate_after(4, numb=False, note="  a note\x00  ", tags=("Work", "work", "a;b"))
    saved = store.get(record.id)
    assert saved is not None
    assert (saved.status, saved.after, saved.practised_seconds) == ("stopped", 4, 123.5)
    assert saved.note == "a note"
    assert saved.tags == ("Work", "work", "a b")


def test_a_failed_write_is_kept_and_retried(store: SqliteSessionStore, qtbot: QtBot) -> None:
    flaky = FailingStore(store, failures=2)
    flow = SessionFlow(flaky, now=fixed_now)  # type: ignore[arg-type]
    with qtbot.waitSignal(flow.saveFailed, timeout=1000) as blocker:
        record = flow.rate_before(BOX, 8, numb=False, planned_seconds=60.0)
    assert "No space left" in blocker.args[0]
    assert flow.unsaved and store.get(record.id) is None
    flow.exercise_ended(60.0, completed=True)  # fails again
    assert flow.unsaved
    flow.rate_after(5, numb=False, note="kept", tags=())
    assert not flow.unsaved
    saved = store.get(record.id)
    assert saved is not None and (saved.before, saved.after, saved.note) == (8, 5, "kept")


def test_a_session_still_unsaved_when_the_next_starts_is_written_with_it(
        store: SqliteSessionStore) -> None:
    flaky = FailingStore(store, failures=4)
    flow = SessionFlow(flaky, now=fixed_now)  # type: ignore[arg-type]
    first = flow.rate_before(BOX, 8, numb=False, planned_seconds=60.0)
    flow.exercise_ended(60.0, completed=True)
    flow.rate_after(5, numb=False, note="the first", tags=())
    flow.finish()  # the summary was seen; the disk is still full
    assert flow.unsaved and store.get(first.id) is None
    second = flow.rate_before(BOX, 6, numb=False, planned_seconds=60.0)
    assert not flow.unsaved
    kept = store.get(first.id)
    assert kept is not None and (kept.before, kept.after, kept.note) == (8, 5, "the first")
    assert store.get(second.id) is not None


def test_long_notes_and_many_tags_are_trimmed_to_what_the_log_keeps(
        store: SqliteSessionStore) -> None:
    flow = SessionFlow(store, now=fixed_now)
    record = flow.rate_before(BOX, None, numb=False, planned_seconds=60.0)
    flow.rate_after(None, numb=False, note="x" * (MAX_NOTE_CHARS + 50),
                    tags=tuple(f"t{i}" for i in range(30)))
    saved = store.get(record.id)
    assert saved is not None
    assert len(saved.note) == MAX_NOTE_CHARS
    assert len(saved.tags) == 20
    assert not flow.unsaved


def test_clean_tags_drops_empty_and_repeated() -> None:
    assert clean_tags((" ", "noise", "noise", "\tloud  place ")) == ("noise", "loud place")


def test_an_exercise_the_log_could_not_hold_as_it_is_still_gets_its_session_saved(
        store: SqliteSessionStore) -> None:
    # Built by hand (the loader refuses both): a title with NUL and line breaks, and a
    # planned length of 27 hours. The session is saved, fitted to what the log holds.
    odd = Exercise(id="odd", title="Calm\x00\nbreath " + "x" * 300, kind="breathing",
                   phases=(Phase("inhale", 4), Phase("exhale", 4)))
    flow = SessionFlow(store, now=fixed_now)
    record = flow.rate_before(odd, 6, numb=False, planned_seconds=99_000.0)
    assert not flow.unsaved
    saved = store.get(record.id)
    assert saved is not None
    assert saved.exercise_title.startswith("Calm breath xxx")
    assert len(saved.exercise_title) == 200
    assert saved.planned_seconds == 86_400
    flow.exercise_ended(float("nan"), completed=False)
    assert not flow.unsaved
    saved = store.get(record.id)
    assert saved is not None and saved.practised_seconds == 0.0
    # A later session is not held up by it.
    later = flow.rate_before(BOX, 5, numb=False, planned_seconds=300.0)
    assert not flow.unsaved and store.get(later.id) is not None


def test_a_title_of_nothing_but_control_characters_falls_back_to_the_id(
        store: SqliteSessionStore) -> None:
    odd = Exercise(id="odd", title="\x00\x1b", kind="breathing",
                   phases=(Phase("inhale", 4), Phase("exhale", 4)))
    record = SessionFlow(store, now=fixed_now).rate_before(odd, None, numb=False,
                                                           planned_seconds=60.0)
    saved = store.get(record.id)
    assert saved is not None and saved.exercise_title == "odd"


def test_typing_without_a_pause_is_written_within_half_a_second(
        store: SqliteSessionStore, qtbot: QtBot) -> None:
    """A key every 120 ms, for longer than the draft's delay: the note is in the log
    before the typing stops (a crash then loses at most the last half second)."""
    flow = SessionFlow(store, now=fixed_now)
    record = flow.rate_before(BOX, 7, numb=False, planned_seconds=60.0)
    flow.exercise_ended(60.0, completed=True)
    words = "breathing helped a bit"
    written: list[str] = []
    for end in range(1, len(words) + 1):
        flow.keep_draft(3, False, words[:end], ())
        qtbot.wait(120)  # a person's pace, never pausing for the delay
        saved = store.get(record.id)
        if saved is not None and saved.note:
            written.append(saved.note)
    assert written, "nothing was written while the person typed"
    assert written[0] != words  # written part way, not only at the end
