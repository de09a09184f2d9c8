"""Opening the log: new files, privacy, migration, newer and damaged files, locks."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.session import SessionRecord
from app.paths import ensure_private_dir
from app.storage.db import DB_NAME, OpenResult, log_copies, open_database, open_read_only
from app.storage.errors import DatabaseLockedError, NewerDatabaseError, StorageError
from app.storage.schema import CURRENT_VERSION
from app.storage.sessions import SqliteSessionStore, open_store
from tests.damage import scribble_over_index

POSIX = os.name == "posix"
REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 1, 1, 9, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fixed_clock() -> datetime:
    return datetime(2026, 3, 1, 21, 4, 5)


@pytest.fixture
def opened(data_dir: Path) -> Iterator[OpenResult]:
    result = open_database(data_dir)
    yield result
    result.connection.close()


def tables(conn: sqlite3.Connection) -> set[str]:
    return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def make_log(data_dir: Path, sessions: int = 3) -> list[SessionRecord]:
    """A current log holding ``sessions`` sessions; closed again."""
    records = [
        SessionRecord("box", "Box breathing", START + timedelta(hours=i),
                      before=6, after=3, status="completed", note=f"note {i} " * 40,
                      tags=("work",))
        for i in range(sessions)
    ]
    store, _ = open_store(data_dir)
    with store:
        for record in records:
            store.save(record)
    return records


# ---------------------------------------------------------------------- a new log


def test_fresh_database(opened: OpenResult, data_dir: Path) -> None:
    conn = opened.connection
    assert opened.path == data_dir / DB_NAME
    assert opened.version_found == 0 and opened.notice is None and opened.backup is None
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"sessions", "session_tags"} <= tables(conn)
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_folder_and_files_are_private(opened: OpenResult, data_dir: Path) -> None:
    store = SqliteSessionStore(opened.connection)
    store.save(SessionRecord("box", "Box", datetime.now(UTC), before=5))
    assert mode(data_dir) == 0o700
    for suffix in ("", "-wal", "-shm"):
        file = data_dir / (DB_NAME + suffix)
        assert file.exists(), suffix
        assert mode(file) == 0o600, suffix


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_existing_loose_permissions_are_tightened(data_dir: Path) -> None:
    make_log(data_dir, 1)
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / DB_NAME, 0o644)
    result = open_database(data_dir)
    result.connection.close()
    assert mode(data_dir) == 0o700 and mode(data_dir / DB_NAME) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
@pytest.mark.parametrize(("before", "after"), [(0o2775, 0o2700), (0o500, 0o500),
                                               (0o711, 0o700)])
def test_only_group_and_other_permissions_are_taken_from_the_folder(
        tmp_path: Path, before: int, after: int) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    os.chmod(folder, before)
    try:
        ensure_private_dir(folder)
        assert mode(folder) == after  # a folder made read-only on purpose stays so
    finally:
        os.chmod(folder, 0o700)


@pytest.mark.skipif(not POSIX, reason="POSIX ownership")
def test_a_log_of_another_user_account_is_left_alone_with_a_clear_message(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_log(data_dir, 2)
    path = data_dir / DB_NAME
    before = digest(path)
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 1)  # as if after "sudo steady"
    with pytest.raises(StorageError) as raised:
        open_database(data_dir)
    message = str(raised.value)
    assert str(path) in message and "another user account" in message and "sudo" in message
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]  # nothing moved aside


def test_text_that_is_not_utf8_reads_with_a_replacement_mark(data_dir: Path) -> None:
    [record] = make_log(data_dir, 1)
    store, _ = open_store(data_dir)
    with store:
        store._conn.execute("UPDATE sessions SET note = CAST(X'5461ff6b6564' AS TEXT)")
        [read] = store.sessions()  # one bad byte in a note does not stop the log being read
        assert read.note == "Ta\ufffdked"
        assert store.get(record.id) is not None


def test_reopen_keeps_data_and_makes_no_backup(data_dir: Path) -> None:
    records = make_log(data_dir)
    store, result = open_store(data_dir)
    with store:
        assert result.version_found == CURRENT_VERSION and result.backup is None
        assert [r.id for r in store.sessions()] == [r.id for r in reversed(records)]
    assert not (data_dir / "backups").exists()


# ---------------------------------------------------------------------- migration

V1_SCHEMA = """
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL, exercise_id TEXT NOT NULL, exercise_title TEXT NOT NULL,
    started_at TEXT NOT NULL, ended_at TEXT, status TEXT NOT NULL,
    before INTEGER, after INTEGER,
    planned_seconds REAL NOT NULL DEFAULT 0, practised_seconds REAL NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '');
CREATE INDEX sessions_started ON sessions (started_at);
PRAGMA user_version = 1;
"""
V1_ROWS = [
    ("0b8f3a52-58e4-4d8e-9b0e-1a1f7f0c2a01", "box", "Box breathing",
     "2025-05-01T08:00:00.000000Z", "2025-05-01T08:05:00.000000Z", "completed", 7, 4,
     300.0, 300.0, "before the meeting, \"tense\"", "work, morning"),
    ("0b8f3a52-58e4-4d8e-9b0e-1a1f7f0c2a02", "54321", "5-4-3-2-1",
     "2025-05-02T22:30:00.000000Z", None, "running", 9, None, 240.0, 0.0, "", ""),
    ("0b8f3a52-58e4-4d8e-9b0e-1a1f7f0c2a03", "box", "Box breathing",
     "2025-05-03T12:00:00.000000Z", "2025-05-03T12:01:00.000000Z", "stopped", 5, 5,
     300.0, 60.0, "line one\nline two", "work;home, ,work"),
]


def build_v1(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_SCHEMA)
        conn.executemany(f"INSERT INTO sessions VALUES ({', '.join('?' * 12)})", V1_ROWS)
        conn.commit()
    finally:
        conn.close()
    return path


def test_migration_from_v1_keeps_data_and_backs_up_first(data_dir: Path) -> None:
    path = build_v1(data_dir)
    original = digest(path)
    store, result = open_store(data_dir)
    with store:
        assert result.version_found == 1
        assert result.backup is not None and result.backup.parent == data_dir / "backups"
        assert result.backup.name.startswith("steady-v1-")
        records = {r.id: r for r in store.sessions()}
        first, second, third = (records[row[0]] for row in V1_ROWS)
        assert (first.exercise_id, first.before, first.after, first.status) == (
            "box", 7, 4, "completed")
        assert first.note == "before the meeting, \"tense\""
        assert first.tags == ("work", "morning")
        assert first.numb_before is False and first.numb_after is False
        assert first.started_at == datetime(2025, 5, 1, 8, tzinfo=UTC)
        assert first.ended_at == datetime(2025, 5, 1, 8, 5, tzinfo=UTC)
        assert (second.status, second.before, second.after, second.ended_at) == (
            "running", 9, None, None)
        assert third.note == "line one\nline two"
        assert third.tags == ("work home", "work")  # ';' separates tags in CSV: cleaned
        assert store.known_tags()[0] == "work"
    assert result.backup is not None
    backup = sqlite3.connect(result.backup)
    try:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
        assert backup.execute("SELECT * FROM sessions ORDER BY id").fetchall() == V1_ROWS
    finally:
        backup.close()
    if POSIX:
        assert mode(result.backup) == 0o600 and mode(result.backup.parent) == 0o700
    assert original != digest(path)  # the live file was migrated, the copy was not


def test_migration_from_v2_widens_the_index_and_keeps_every_session(data_dir: Path) -> None:
    """Version 3 only adds the numb marks to the per-exercise index: every session, tag
    and mark stays as it was, and the file is copied first."""
    from app.storage.schema import MIGRATIONS

    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    for step in MIGRATIONS[:2]:
        step(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO sessions (n, id, exercise_id, exercise_title, started_at, status,"
                 " before, after, numb_before, numb_after) VALUES (1, "
                 "'00000000-0000-4000-8000-000000000001', 'box', 'Box breathing', "
                 "'2026-01-01T09:00:00.000000Z', 'completed', 3, 5, 1, 0)")
    conn.execute("INSERT INTO session_tags VALUES (1, 0, 'work'), (1, 1, 'night')")
    conn.close()
    store, result = open_store(data_dir)
    with store:
        assert result.version_found == 2
        assert result.backup is not None and result.backup.name.startswith("steady-v2-")
        assert store.sessions() == [SessionRecord(
            "box", "Box breathing", START, id="00000000-0000-4000-8000-000000000001",
            status="completed", before=3, after=5, numb_before=True, tags=("work", "night"))]
        columns = [row[2] for row in store._conn.execute(
            "PRAGMA index_info(sessions_by_exercise)")]
        assert columns[-2:] == ["numb_before", "numb_after"]
    assert CURRENT_VERSION == 3


def test_backup_name_carries_version_and_time(data_dir: Path) -> None:
    build_v1(data_dir)
    result = open_database(data_dir, clock=fixed_clock)
    result.connection.close()
    assert result.backup == data_dir / "backups" / "steady-v1-20260301-210405.sqlite3"
    # A second migration in the same second gets its own name.
    (data_dir / DB_NAME).unlink()
    build_v1(data_dir)
    result = open_database(data_dir, clock=fixed_clock)
    result.connection.close()
    assert result.backup == data_dir / "backups" / "steady-v1-20260301-210405-2.sqlite3"


def test_newer_file_is_refused_and_left_byte_identical(data_dir: Path) -> None:
    make_log(data_dir)
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.commit()
    conn.close()
    before = digest(path)
    names = sorted(p.name for p in data_dir.iterdir())
    with pytest.raises(NewerDatabaseError) as caught:
        open_database(data_dir)
    message = str(caught.value)
    assert str(path) in message and "update Steady" in message
    assert digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir()) == names


def test_newer_file_with_pending_wal_is_not_checkpointed(data_dir: Path) -> None:
    """A crash left the newer file's last writes in its WAL: reading must not fold them in."""
    make_log(data_dir)
    path = data_dir / DB_NAME
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute('PRAGMA user_version = 99')\n"
        "c.execute(\"UPDATE sessions SET note = 'later'\")\n"
        "c.commit()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    wal = data_dir / (DB_NAME + "-wal")
    assert wal.stat().st_size > 0
    before = digest(path), digest(wal)
    with pytest.raises(NewerDatabaseError):
        open_database(data_dir)
    assert (digest(path), digest(wal)) == before


# ---------------------------------------------------------------------- damaged files


def _check_moved_aside(data_dir: Path, original: bytes, result: OpenResult) -> None:
    try:
        moved = result.moved_aside
        assert moved is not None and moved.parent == data_dir
        assert moved.name.startswith(DB_NAME + ".damaged-")
        assert moved.read_bytes() == original
        assert result.notice is not None and str(moved) in result.notice
        if POSIX:
            assert mode(moved) == 0o600
        assert result.connection.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
        assert result.connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    finally:
        result.connection.close()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="zero-length"),
        pytest.param(b"this is not a database at all\n" * 200, id="text"),
        pytest.param(bytes(range(256)) * 64, id="random-bytes"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 4000, id="bad-header"),
    ],
)
def test_unreadable_file_is_moved_aside(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(content)
    result = open_database(data_dir, clock=fixed_clock)
    assert result.moved_aside == data_dir / f"{DB_NAME}.damaged-20260301-210405"
    _check_moved_aside(data_dir, content, result)


@pytest.mark.parametrize("keep", [0.5, 0.9, 60 / 4096])
def test_truncated_file_is_moved_aside(data_dir: Path, keep: float) -> None:
    make_log(data_dir, 400)
    path = data_dir / DB_NAME
    whole = path.read_bytes()
    assert len(whole) > 20 * 4096
    cut = whole[: int(len(whole) * keep)] if keep > 0.1 else whole[:60]
    path.write_bytes(cut)
    result = open_database(data_dir)
    _check_moved_aside(data_dir, cut, result)


def test_corrupted_page_is_moved_aside(data_dir: Path) -> None:
    make_log(data_dir, 400)
    path = data_dir / DB_NAME
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096, 3):  # scribble over every third page
        data[page * 4096 : page * 4096 + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    result = open_database(data_dir)
    _check_moved_aside(data_dir, bytes(data), result)


def test_unrelated_database_is_moved_aside(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    result = open_database(data_dir)
    assert result.notice is not None and "not a Steady log" in result.notice
    _check_moved_aside(data_dir, original, result)


def test_two_damaged_files_in_one_second_get_distinct_names(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    for content in (b"first garbage " * 50, b"second garbage " * 50):
        (data_dir / DB_NAME).write_bytes(content)
        open_database(data_dir, clock=fixed_clock).connection.close()
    names = sorted(p.name for p in data_dir.glob(f"{DB_NAME}.damaged-*"))
    assert names == [f"{DB_NAME}.damaged-20260301-210405",
                     f"{DB_NAME}.damaged-20260301-210405-2"]


# ---------------------------------------------------------------------- locks and faults


def test_locked_database_gives_a_clear_error(data_dir: Path) -> None:
    make_log(data_dir, 2)
    path = data_dir / DB_NAME
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE sessions SET note = note")
        with pytest.raises(DatabaseLockedError) as caught:
            open_database(data_dir, busy_timeout=0.1)
        assert "another program" in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(data_dir.glob("*.damaged-*"))  # a lock is not damage
    store, _ = open_store(data_dir)
    with store:
        assert store.count() == 2


def test_save_while_another_writer_holds_the_log(data_dir: Path) -> None:
    store, _ = open_store(data_dir, busy_timeout=0.1)
    holder = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseLockedError):
            store.save(SessionRecord("box", "Box", datetime.now(UTC), before=3))
        holder.execute("ROLLBACK")
        store.save(SessionRecord("box", "Box", datetime.now(UTC), before=3))
        assert store.count() == 1
    finally:
        holder.close()
        store.close()


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="needs POSIX, not root")
def test_unwritable_folder_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(StorageError):
            open_database(folder / "data")
    finally:
        os.chmod(folder, 0o700)


def test_full_disk_gives_a_clear_error_and_keeps_what_was_saved(data_dir: Path) -> None:
    store, _ = open_store(data_dir)
    with store:
        first = SessionRecord("box", "Box", START, before=6, note="kept")
        store.save(first)
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is nearly full
        with pytest.raises(StorageError) as caught:
            for i in range(50):
                store.save(SessionRecord("box", "Box", START + timedelta(minutes=i + 1),
                                         note="x" * 9_000))
        assert "disk is full" in str(caught.value)
        assert store.get(first.id) == first
        assert store.count() >= 1


def test_data_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(StorageError, match="is a file, not a folder"):
        open_database(tmp_path / "data")


def test_kill_after_save_loses_nothing(data_dir: Path) -> None:
    """A session saved just before the process is killed is there at the next start."""
    code = (
        "import os, signal, sys\n"
        "from datetime import UTC, datetime\n"
        "from pathlib import Path\n"
        "from app.domain.session import SessionRecord\n"
        "from app.storage.sessions import open_store\n"
        "store, _ = open_store(Path(sys.argv[1]))\n"
        "store.save(SessionRecord('box', 'Box breathing', datetime.now(UTC),\n"
        "           id='5a1d2c3b-0000-4000-8000-000000000001', before=8, note='shaky',\n"
        "           tags=('night',)))\n"
        "os.kill(os.getpid(), signal.SIGKILL if hasattr(signal, 'SIGKILL') else 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(data_dir)], cwd=REPO)
    assert done.returncode != 0
    store, _ = open_store(data_dir, interrupt_running=True)
    with store:
        record = store.get("5a1d2c3b-0000-4000-8000-000000000001")
    assert record is not None
    assert (record.status, record.before, record.after, record.note, record.tags) == (
        "interrupted", 8, None, "shaky", ("night",))
    assert record.ended_at is None


def test_log_copies_lists_everything_delete_all_removes(data_dir: Path) -> None:
    build_v1(data_dir)
    open_database(data_dir).connection.close()  # makes a backup
    (data_dir / f"{DB_NAME}.damaged-20250101-000000").write_bytes(b"old garbage")
    names = {p.name for p in log_copies(data_dir)}
    assert {DB_NAME, "backups", f"{DB_NAME}.damaged-20250101-000000"} <= names


def test_a_log_damaged_only_in_an_index_is_rebuilt_with_every_session(data_dir: Path) -> None:
    records = make_log(data_dir, 300)
    data = scribble_over_index(data_dir / DB_NAME)
    result = open_database(data_dir, clock=fixed_clock)
    try:
        assert result.rebuilt
        moved = result.moved_aside
        assert moved is not None and moved.read_bytes() == bytes(data)  # kept unchanged
        assert result.notice is not None
        assert "rebuilt it from what the file still held: 300 session(s)" in result.notice
        assert str(moved) in result.notice
        store = SqliteSessionStore(result.connection)
        assert sorted(r.id for r in store.sessions()) == sorted(r.id for r in records)
        assert store.known_tags() == ["work"]
        conn = result.connection
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert not list(data_dir.glob("*.rebuilding*"))
        if POSIX:
            assert mode(data_dir / DB_NAME) == 0o600
    finally:
        result.connection.close()


def test_read_only_opening_changes_nothing_and_reads_every_session(data_dir: Path) -> None:
    records = make_log(data_dir, 4)
    before = {p.name: digest(p) for p in data_dir.iterdir() if p.is_file()}
    conn = open_read_only(data_dir)
    try:
        store = SqliteSessionStore(conn)
        assert sorted(r.id for r in store.sessions()) == sorted(r.id for r in records)
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM sessions")
    finally:
        conn.close()
    assert {p.name: digest(p) for p in data_dir.iterdir() if p.is_file()} == before


def test_read_only_opening_refuses_an_older_log_that_would_need_bringing_up_to_date(
        data_dir: Path) -> None:
    make_log(data_dir, 1)
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION - 1}")
    conn.close()
    with pytest.raises(StorageError, match="from log version"):
        open_read_only(data_dir)


def test_a_log_with_a_negative_version_is_moved_aside_not_migrated(data_dir: Path) -> None:
    make_log(data_dir, 2)
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = -1")
    conn.close()
    original = path.read_bytes()
    result = open_database(data_dir, clock=fixed_clock)
    assert result.notice is not None and "log version -1" in result.notice
    _check_moved_aside(data_dir, original, result)


def test_a_file_where_the_backups_folder_goes_stops_the_update_with_a_clear_message(
        data_dir: Path) -> None:
    path = build_v1(data_dir)
    original = digest(path)
    (data_dir / "backups").write_text("not a folder")
    with pytest.raises(StorageError, match="backups folder") as raised:
        open_database(data_dir)
    assert "is a file" in str(raised.value)
    assert digest(path) == original  # not migrated without its backup
