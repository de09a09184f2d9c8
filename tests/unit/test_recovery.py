"""Sessions kept in a recovery file while the log cannot take them, merged in once."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.session import SessionRecord
from app.storage.db import open_memory
from app.storage.records import record_digest
from app.storage.recovery import (
    FORMAT_NAME,
    RecoveryFile,
    merge_recovery,
    read_kept,
    recovery_files,
)
from app.storage.sessions import SqliteSessionStore, open_store

START = datetime(2026, 3, 1, 20, tzinfo=UTC)
FIXED = datetime(2026, 3, 2, 7, 8, 9)


def session(i: int, **changes: object) -> SessionRecord:
    return SessionRecord("box", "Box breathing", START + timedelta(days=i), before=7,
                         status="running", note="", tags=(),
                         id=f"00000000-0000-4000-8000-{i:012d}").with_(**changes)


def fallback(folder: Path) -> SqliteSessionStore:
    """What the window runs on when the log cannot be opened: memory, and a recovery file
    in the data folder (which is there: opening the log made it, or found it)."""
    if not folder.parent.exists():
        folder.parent.mkdir()
    return SqliteSessionStore(open_memory(), recovery=RecoveryFile(folder, clock=lambda: FIXED))


def test_the_recovery_file_never_makes_the_data_folder_again(tmp_path: Path) -> None:
    """A data folder that is gone (a drive pulled out) is not made again for it."""
    store = SqliteSessionStore(open_memory(), recovery=RecoveryFile(
        tmp_path / "gone" / "recovery"))
    assert store.save(session(0)).where == "memory"
    assert not (tmp_path / "gone").exists()
    store.close()


def test_each_save_is_on_disk_before_it_returns(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "recovery"
    store = fallback(folder)
    first = session(1)
    saved = store.save(first)
    assert saved.where == "recovery" and saved.on_disk
    (path,) = recovery_files(folder)
    assert path.name.startswith("20260302-070809-")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    store.save(first.with_(after=3, note="a note", tags=("night",), status="completed"))
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"format": FORMAT_NAME, "version": 1}
    assert [line["session"]["status"] for line in lines[1:]] == ["running", "completed"]
    kept = read_kept(path)
    assert kept.sessions[first.id][0].note == "a note"
    store.close()


def test_nothing_is_written_until_a_session_is(tmp_path: Path) -> None:
    store = fallback(tmp_path / "recovery")
    store.close()
    assert not (tmp_path / "recovery").exists()


def test_merge_adds_them_once_then_removes_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    kept_store = fallback(data / "recovery")
    for i in range(3):
        kept_store.save(session(i, status="completed", after=2))
    kept_store.delete(session(2).id)  # deleted in History meanwhile: it must not come back
    kept_store.close()
    log, _ = open_store(data)
    with log:
        merged = merge_recovery(data / "recovery", log.restore)
        assert (merged.sessions, merged.files, merged.in_use) == (2, 1, 0)
        assert "2 session(s) kept safe" in merged.notice()
        assert {r.id for r in log.sessions()} == {session(0).id, session(1).id}
        assert not (data / "recovery").exists()
        again = merge_recovery(data / "recovery", log.restore)
        assert (again.sessions, again.files) == (0, 0)


def test_a_file_in_use_by_a_running_steady_is_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    running = fallback(data / "recovery")
    running.save(session(0))
    log, _ = open_store(data)
    with log:
        merged = merge_recovery(data / "recovery", log.restore)
        assert (merged.sessions, merged.files, merged.in_use) == (0, 0, 1)
        assert log.count() == 0
        running.close()  # that Steady ends
        assert merge_recovery(data / "recovery", log.restore).sessions == 1


def test_a_line_cut_short_by_a_kill_is_skipped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = fallback(data / "recovery")
    store.save(session(0, note="whole"))
    store.close()
    (path,) = recovery_files(data / "recovery")
    with path.open("ab") as handle:
        handle.write(b'{"session": {"id": "00000000-0000-4000-8000-0000000')  # killed here
    kept = read_kept(path)
    assert kept.unreadable_lines == 1 and kept.sessions[session(0).id][0].note == "whole"
    log, _ = open_store(data)
    with log:
        assert merge_recovery(data / "recovery", log.restore).sessions == 1
        assert not path.exists()


@pytest.mark.parametrize("case", ["new", "follows", "moved on", "deleted since", "same"])
def test_a_kept_version_goes_in_only_over_the_version_it_followed(tmp_path: Path,
                                                                  case: str) -> None:
    log, _ = open_store(tmp_path / "data")
    with log:
        in_log = session(0, status="completed", after=4, note="in the log")
        log.save(in_log)
        kept = session(0, status="completed", after=2, note="typed after the log failed")
        base: str | None = record_digest(in_log)
        expected = kept
        if case == "new":
            log.delete(in_log.id)
            base = None
        elif case == "moved on":
            newer = in_log.with_(note="written to the log later")
            log.save(newer)
            expected = newer
        elif case == "deleted since":
            log.delete(in_log.id)
        elif case == "same":
            kept, expected = in_log, in_log
        changed = log.restore([(kept, base)])
        got = log.get(in_log.id)
        if case == "deleted since":
            assert got is None and changed == 0
            return
        assert got == expected
        assert changed == (1 if case in ("new", "follows") else 0)
        assert log.restore([(kept, base)]) == 0, "twice changes nothing"


def test_delete_everything_removes_the_recovery_file_too(tmp_path: Path) -> None:
    store = fallback(tmp_path / "recovery")
    store.save(session(0, note="private"))
    store.delete_all()
    assert recovery_files(tmp_path / "recovery") == []
    store.close()


def test_when_nothing_on_disk_can_take_it_the_session_is_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the recovery folder's parent should be")
    store = fallback(blocked / "recovery")
    saved = store.save(session(0))
    assert saved.where == "memory" and not saved.on_disk
    assert store.get(session(0).id) == session(0)
    store.close()
