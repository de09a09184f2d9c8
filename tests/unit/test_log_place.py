"""The data folder or the log deleted or replaced while the store is open: the next save
notices, opens the log at its place again, and keeps every session the old file held."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.errors import StorageError
from app.domain.session import SessionRecord
from app.storage.db import DB_NAME, open_database
from app.storage.recovery import RecoveryFile, read_kept
from app.storage.sessions import SqliteSessionStore, open_store

START = datetime(2026, 3, 1, 20, tzinfo=UTC)


def session(i: int, **changes: object) -> SessionRecord:
    return SessionRecord("box", "Box breathing", START + timedelta(days=i), before=7, after=3,
                         status="completed", note=f"kept {i}", tags=("evening",),
                         id=f"00000000-0000-4000-8000-{i:012d}").with_(**changes)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteSessionStore]:
    opened, _ = open_store(tmp_path / "data")
    with opened:
        for i in range(3):
            opened.save(session(i))
        yield opened


def ids_on_disk(data: Path) -> set[str]:
    conn = sqlite3.connect(data / DB_NAME)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM sessions")}
    finally:
        conn.close()


def test_a_save_in_place_says_nothing(store: SqliteSessionStore, tmp_path: Path) -> None:
    saved = store.save(session(3))
    assert (saved.where, saved.notice) == ("log", "")


def test_the_data_folder_deleted_is_made_again_with_every_session(
        store: SqliteSessionStore, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.rmtree(data)
    saved = store.save(session(3, note="written after the folder went"))
    assert saved.where == "log"
    assert f"Steady's data folder {data} was deleted while Steady was open" in saved.notice
    assert "3 it still held" in saved.notice
    assert ids_on_disk(data) == {session(i).id for i in range(4)}
    if os.name == "posix":
        assert data.stat().st_mode & 0o777 == 0o700
    assert store.save(session(4)).notice == "", "in place again: nothing more to say"
    assert session(4).id in ids_on_disk(data)


def test_the_log_deleted_is_made_again(store: SqliteSessionStore, tmp_path: Path) -> None:
    data = tmp_path / "data"
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
        (data / name).unlink(missing_ok=True)
    saved = store.save(session(3))
    assert f"Your log {data / DB_NAME} was deleted" in saved.notice
    assert ids_on_disk(data) == {session(i).id for i in range(4)}


def test_only_the_write_ahead_file_deleted(store: SqliteSessionStore, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / f"{DB_NAME}-wal").unlink()
    saved = store.save(session(3))
    assert "beside your log" in saved.notice
    store.close()
    assert ids_on_disk(data) == {session(i).id for i in range(4)}


def test_the_log_replaced_by_another_log_keeps_both(store: SqliteSessionStore,
                                                    tmp_path: Path) -> None:
    data = tmp_path / "data"
    other, _ = open_store(tmp_path / "other")
    with other:
        other.save(session(10, note="from a copy the person put back"))
    shutil.copyfile(tmp_path / "other" / DB_NAME, tmp_path / "copy")
    os.replace(tmp_path / "copy", data / DB_NAME)
    for side in ("-wal", "-shm"):
        (data / f"{DB_NAME}{side}").unlink(missing_ok=True)
    saved = store.save(session(3))
    assert "was replaced by another file" in saved.notice
    assert ids_on_disk(data) == {session(i).id for i in (0, 1, 2, 3, 10)}


def test_the_log_replaced_by_something_unreadable_is_kept_aside(store: SqliteSessionStore,
                                                                tmp_path: Path) -> None:
    data = tmp_path / "data"
    (tmp_path / "junk").write_bytes(b"not a database at all" * 100)
    os.replace(tmp_path / "junk", data / DB_NAME)
    saved = store.save(session(3))
    assert "was replaced" in saved.notice and "moved, unchanged" in saved.notice
    assert ids_on_disk(data) == {session(i).id for i in range(4)}
    assert any(p.name.startswith(f"{DB_NAME}.damaged-") for p in data.iterdir())


def test_the_folder_above_gone_too_keeps_the_session_in_the_flow_s_hands(
        tmp_path: Path) -> None:
    parent = tmp_path / "usb"
    opened, _ = open_store(parent / "data")
    with opened:
        opened.save(session(0))
        shutil.rmtree(parent)
        with pytest.raises(StorageError, match="so was the folder it was in"):
            opened.save(session(1))
        assert not parent.exists(), "a folder on a drive that is gone is not made anew"
        assert opened.get(session(0).id) is not None, "the old file can still be read"


def test_with_a_recovery_file_a_save_that_cannot_reach_the_log_is_kept_there(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    keep = tmp_path / "kept"
    result = open_database(data)
    store = SqliteSessionStore(result.connection, recovery=RecoveryFile(keep))
    with store:
        store.save(session(0))
        holder = sqlite3.connect(data / DB_NAME, timeout=0, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another program takes the log
        try:
            store._conn.execute("PRAGMA busy_timeout = 50")
            saved = store.save(session(0, after=1, note="the after rating, typed"))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert saved.where == "recovery" and saved.on_disk
        assert "another program is using the log" in saved.problem, "worth trying again"
        recovery = store._recovery
        assert recovery is not None and recovery.path is not None
        kept = read_kept(recovery.path)
        record, base = kept.sessions[session(0).id]
        assert (record.after, record.note) == (1, "the after rating, typed")
        assert base is not None, "it follows the version the log holds"
        assert store.save(session(1)).where == "log", "the log works again"
