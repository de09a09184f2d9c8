"""The log's schema and the migrations that bring any older file up to date.

``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``; a new file runs
them all. The version lives in ``PRAGMA user_version``. See
docs/decisions/0002-log-storage.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from app.storage.errors import NewerDatabaseError
from app.storage.records import MAX_TAGS, clean_tag

Migration = Callable[[sqlite3.Connection], None]

#: Version 1: the first log. Tags were one comma-separated text column; no numb marks.
_V1 = (
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY NOT NULL,
        exercise_id TEXT NOT NULL,
        exercise_title TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        status TEXT NOT NULL,
        before INTEGER,
        after INTEGER,
        planned_seconds REAL NOT NULL DEFAULT 0,
        practised_seconds REAL NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX sessions_started ON sessions (started_at)",
)

#: Version 2: numb marks, checked values, a tag table, indexes for "what works for me".
_V2_SESSIONS = """CREATE TABLE sessions_v2 (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    exercise_id TEXT NOT NULL,
    exercise_title TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('running', 'completed', 'stopped', 'interrupted')),
    before INTEGER CHECK (before BETWEEN 0 AND 10),
    after INTEGER CHECK (after BETWEEN 0 AND 10),
    numb_before INTEGER NOT NULL DEFAULT 0 CHECK (numb_before IN (0, 1)),
    numb_after INTEGER NOT NULL DEFAULT 0 CHECK (numb_after IN (0, 1)),
    planned_seconds REAL NOT NULL DEFAULT 0 CHECK (planned_seconds >= 0),
    practised_seconds REAL NOT NULL DEFAULT 0 CHECK (practised_seconds >= 0),
    note TEXT NOT NULL DEFAULT ''
)"""

_V2_AFTER_RENAME = (
    # Tags point at the integer key: joins by it are about four times faster than by uuid.
    """CREATE TABLE session_tags (
        session_n INTEGER NOT NULL REFERENCES sessions (n) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (session_n, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX session_tags_by_tag ON session_tags (tag, session_n)",
    # Covers the history list's order and the before/after chart.
    "CREATE INDEX sessions_by_start ON sessions (started_at, before, after)",
    # Covers the per-exercise aggregate, so "what works for me" never reads the notes.
    """CREATE INDEX sessions_by_exercise
        ON sessions (exercise_id, started_at, before, after, exercise_title)""",
)


#: Version 3: the per-exercise index also covers the numb marks, so "what works for me"
#: grouped or filtered by starting level (and the numb measure) stays off the table rows.
_V3 = (
    "DROP INDEX sessions_by_exercise",
    """CREATE INDEX sessions_by_exercise ON sessions
        (exercise_id, started_at, before, after, exercise_title, numb_before, numb_after)""",
)


def _to_v1(conn: sqlite3.Connection) -> None:
    for statement in _V1:
        conn.execute(statement)


def _to_v2(conn: sqlite3.Connection) -> None:
    """Rebuild ``sessions`` with checks (the SQLite way), move tags to their own table."""
    old_tags = conn.execute("SELECT id, tags FROM sessions WHERE tags != ''").fetchall()
    conn.execute(_V2_SESSIONS)
    conn.execute(
        """INSERT INTO sessions_v2 (id, exercise_id, exercise_title, started_at, ended_at,
               status, before, after, planned_seconds, practised_seconds, note)
           SELECT id, exercise_id, exercise_title, started_at, ended_at,
               CASE WHEN status IN ('running', 'completed', 'stopped', 'interrupted')
                    THEN status ELSE 'interrupted' END,
               CASE WHEN before BETWEEN 0 AND 10 THEN before END,
               CASE WHEN after BETWEEN 0 AND 10 THEN after END,
               max(coalesce(planned_seconds, 0), 0), max(coalesce(practised_seconds, 0), 0),
               coalesce(note, '')
           FROM sessions"""
    )
    conn.execute("DROP TABLE sessions")
    conn.execute("ALTER TABLE sessions_v2 RENAME TO sessions")
    for statement in _V2_AFTER_RENAME:
        conn.execute(statement)
    rows: list[tuple[str, int, str]] = []
    for session_id, text in old_tags:
        cleaned = (clean_tag(part) for part in str(text).split(","))
        tags = list(dict.fromkeys(tag for tag in cleaned if tag))[:MAX_TAGS]
        rows.extend((session_id, position, tag) for position, tag in enumerate(tags))
    conn.executemany(
        "INSERT INTO session_tags (session_n, position, tag)"
        " SELECT n, ?, ? FROM sessions WHERE id = ?",
        [(position, tag, session_id) for session_id, position, tag in rows],
    )


def _to_v3(conn: sqlite3.Connection) -> None:
    for statement in _V3:
        conn.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (_to_v1, _to_v2, _to_v3)
CURRENT_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def newer_file_message(path: object, version: int) -> str:
    return (
        f"The log {path} was written by a newer Steady (log version {version}; this Steady "
        f"knows up to {CURRENT_VERSION}). Please update Steady; the file has not been changed."
    )


def migrate(conn: sqlite3.Connection, path: object = "the log") -> int:
    """Bring the schema to :data:`CURRENT_VERSION` in one transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Returns the
    version found. Raises :class:`NewerDatabaseError` without writing anything.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = user_version(conn)
        if found > CURRENT_VERSION:
            raise NewerDatabaseError(newer_file_message(path, found))
        for step in MIGRATIONS[found:]:
            step(conn)
        if found != CURRENT_VERSION:
            conn.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found
