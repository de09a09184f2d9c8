"""The session log in SQLite: :class:`SqliteSessionStore`.

Every write is one ``BEGIN IMMEDIATE`` ... ``COMMIT``; with WAL and
``synchronous = FULL`` a saved session survives the app being killed right after.
"What works for me" is computed in SQL from a covering index.

Time of day is the hour in the computer's local time: night 0-5, morning 6-11,
afternoon 12-17, evening 18-23 (``app.domain.session.TIMES_OF_DAY``). The
starting level is the before rating's group, or "numb" (``app.domain.levels``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from app.domain.helped import helped_most
from app.domain.levels import START_LEVELS, start_level_sql
from app.domain.session import (
    HELPED_MIN_SESSIONS,
    NOTICEABLE_DROP,
    TIMES_OF_DAY,
    BestExercise,
    ExerciseStats,
    GroupBy,
    NumbMarks,
    Saved,
    SessionFilter,
    SessionRecord,
)
from app.storage.db import (
    DEFAULT_BUSY_TIMEOUT,
    OpenResult,
    open_database,
    open_memory,
    remove_log_copies,
)
from app.storage.errors import StorageError, storage_errors
from app.storage.files import os_reason
from app.storage.place import LogPlace
from app.storage.records import check_record, format_time, parse_time, record_digest
from app.storage.recovery import RecoveryFile

_FIELDS = (
    "id", "exercise_id", "exercise_title", "started_at", "ended_at", "status", "before",
    "after", "numb_before", "numb_after", "planned_seconds", "practised_seconds", "note",
)
_SELECT = (
    "SELECT " + ", ".join(f"s.{f}" for f in _FIELDS) + ", (SELECT group_concat(tag, char(31))"
    " FROM (SELECT tag FROM session_tags WHERE session_n = s.n ORDER BY position))"
    " FROM sessions s"
)
_INSERT = (
    f"INSERT INTO sessions ({', '.join(_FIELDS)}) VALUES ({', '.join('?' * len(_FIELDS))})"
)
_INSERT_NEW = _INSERT + " ON CONFLICT (id) DO NOTHING"
_INSERT_TAG = "INSERT INTO session_tags (session_n, position, tag) VALUES (?, ?, ?)"
#: Memory SQLite may use while many sessions are added at once (KiB).
BULK_CACHE_KIB = 64 * 1024
_UPSERT = _INSERT + " ON CONFLICT (id) DO UPDATE SET " + ", ".join(
    f"{f} = excluded.{f}" for f in _FIELDS[1:]
)
#: 0 night, 1 morning, 2 afternoon, 3 evening (see TIMES_OF_DAY).
_TIME_OF_DAY = "(CAST(strftime('%H', s.started_at, 'localtime') AS INTEGER) / 6)"
_START_LEVEL = start_level_sql("s.before", "s.numb_before")
#: Begun numb, with an answer afterwards (a number or the mark).
_NUMB_RATED = "s.numb_before AND (s.after IS NOT NULL OR s.numb_after)"
_AGGREGATES = f"""count(*), count(s.after - s.before),
    avg(CASE WHEN s.after IS NOT NULL THEN s.before END),
    avg(CASE WHEN s.before IS NOT NULL THEN s.after END),
    avg(s.after - s.before),
    count(CASE WHEN s.before - s.after >= {int(NOTICEABLE_DROP)} THEN 1 END),
    count(CASE WHEN {_NUMB_RATED} THEN 1 END),
    count(CASE WHEN {_NUMB_RATED} AND NOT s.numb_after THEN 1 END)"""


def _row(record: SessionRecord) -> tuple[Any, ...]:
    return (
        record.id, record.exercise_id, record.exercise_title, format_time(record.started_at),
        format_time(record.ended_at) if record.ended_at else None, record.status,
        record.before, record.after, int(record.numb_before), int(record.numb_after),
        float(record.planned_seconds), float(record.practised_seconds), record.note,
    )


def _record(row: sqlite3.Row | tuple[Any, ...]) -> SessionRecord:
    return SessionRecord(
        id=row[0], exercise_id=row[1], exercise_title=row[2], started_at=parse_time(row[3]),
        ended_at=parse_time(row[4]) if row[4] else None, status=row[5], before=row[6],
        after=row[7], numb_before=bool(row[8]), numb_after=bool(row[9]),
        planned_seconds=row[10], practised_seconds=row[11], note=row[12],
        tags=tuple(row[13].split("\x1f")) if row[13] else (),
    )


class Adder(Protocol):
    """Adds one record in a :meth:`SqliteSessionStore.merging` transaction."""

    def __call__(self, record: SessionRecord, *, checked: bool = False) -> bool: ...


def where_sql(where: SessionFilter | None) -> tuple[str, list[Any]]:
    """A ``WHERE`` clause (or '') over ``sessions s`` and its parameters."""
    if where is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if where.since is not None:
        clauses.append("s.started_at >= ?")
        params.append(format_time(where.since))
    if where.until is not None:
        clauses.append("s.started_at < ?")
        params.append(format_time(where.until))
    if where.exercise_id is not None:
        clauses.append("s.exercise_id = ?")
        params.append(where.exercise_id)
    if where.tag is not None:
        clauses.append("s.n IN (SELECT session_n FROM session_tags WHERE tag = ?)")
        params.append(where.tag)
    if where.time_of_day is not None:
        clauses.append(f"{_TIME_OF_DAY} = ?")
        params.append(TIMES_OF_DAY.index(where.time_of_day))
    if where.start_level is not None:
        clauses.append(f"{_START_LEVEL} = ?")
        params.append(where.start_level)
    if where.practised:
        clauses.append("s.practised_seconds > 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class SqliteSessionStore:
    """The log. Implements :class:`app.domain.session.SessionStore`.

    Use it from one thread. Close it (or use ``with``) when done.
    """

    def __init__(self, conn: sqlite3.Connection, *,
                 recovery: RecoveryFile | None = None) -> None:
        self._conn = conn
        #: Where sessions go when the log cannot take them (None: nowhere but memory).
        self._recovery = recovery
        #: Fingerprint of each session as this run last wrote it to the log.
        self._in_log: dict[str, str] = {}
        path = self.path
        self._place = LogPlace(path) if path is not None else None

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._conn.close()
        if self._recovery is not None:
            self._recovery.close()

    def __enter__(self) -> SqliteSessionStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        """The database file, or None for a log in memory."""
        for _, name, file in self._conn.execute("PRAGMA database_list"):
            if name == "main" and file:
                return Path(file)
        return None

    @contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        with storage_errors(action):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------------ writing

    def save(self, record: SessionRecord) -> Saved:
        """Insert or update ``record`` (by id) and its tags, durably; says where it went.

        A log on disk is checked to be still in place before and after the write
        (see :mod:`app.storage.place`): if the data folder or the log was deleted
        or replaced, the log is opened at its place again with every session the
        old file held, and the result's notice says so. When the log cannot take
        the session it goes to this run's recovery file, if there is one
        (``where == "recovery"``). Raises ValueError for a record the log cannot
        hold (see :func:`app.storage.records.record_problems`), StorageError when
        it could be kept nowhere.
        """
        check_record(record)
        if self._place is None:  # a log in memory: the recovery file is what lasts
            kept = self._recovery is not None and self._recovery.keep(record, None)
            self._write_record(record)
            return Saved("recovery" if kept else "memory")
        try:
            notice = self._write_in_place(record, self._place)
        except StorageError as error:
            base = self._in_log.get(record.id)
            if self._recovery is not None and self._recovery.keep(record, base):
                return Saved("recovery", problem=str(error))
            raise
        self._in_log[record.id] = record_digest(record)
        return Saved("log", notice)

    def _write_record(self, record: SessionRecord) -> None:
        with self._write("save the session") as conn:
            conn.execute(_UPSERT, _row(record))
            self._insert_tags(conn, record, replace=True)

    def _write_in_place(self, record: SessionRecord, place: LogPlace) -> str:
        """Write ``record`` to the log at its place, opening it there again if it moved."""
        notice = ""
        for _ in range(3):
            if (moved := place.moved()) and place.only_wal_moved():
                notice = self._renew_wal(place, moved)
            elif moved:
                notice, place = self._open_again(place, moved), self._place or place
            self._write_record(record)
            if not place.moved():
                place.seen()
                return notice
        raise StorageError(f"Could not save the session: the log {place.path} keeps being "
                           "deleted or replaced.")

    def _renew_wal(self, place: LogPlace, moved: str) -> str:
        """The write-ahead file went: fold what it held into the log, start a new one."""
        with storage_errors("save the session"):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            self._conn.execute("PRAGMA journal_mode = DELETE").fetchall()
            self._conn.execute("PRAGMA journal_mode = WAL").fetchall()
        place.seen()
        return f"{moved}. Steady wrote what it held into your log and saved this session."

    def _open_again(self, place: LogPlace, moved: str) -> str:
        """The log at its place again, holding all the old file held; what to tell."""
        # What the old write-ahead file holds goes into the old file, and that file beside
        # the log is emptied: SQLite must not lay it over whatever is there now.
        with contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        folder = place.folder
        if not folder.exists():
            try:
                folder.mkdir(mode=0o700)
            except FileNotFoundError as error:
                raise StorageError(
                    f"{moved}, and so was the folder it was in ({folder.parent}), so Steady "
                    "did not make it again.") from error
            except OSError as error:
                raise StorageError(f"{moved}, and Steady could not make it again "
                                   f"({os_reason(error)}).") from error
        try:
            result = open_database(folder)
        except StorageError as error:
            raise StorageError(f"{moved}, and Steady could not open the log there again: "
                               f"{error}") from error
        try:
            copied = _copy_sessions(self._conn, result.connection)
        except BaseException:
            result.connection.close()
            raise
        self._conn.close()
        self._conn = result.connection
        self._place = LogPlace(place.path)
        extra = f" {result.notice}" if result.notice else ""
        return (f"{moved}. Steady opened the log there again and saved your sessions in it "
                f"({copied} it still held, besides this one).{extra}")

    def restore(self, kept: list[tuple[SessionRecord, str | None]]) -> int:
        """Bring back sessions a recovery file kept, in one transaction.

        Each goes in only where the log still holds exactly the version it
        followed (``base``, a :func:`~app.storage.records.record_digest`; None:
        the log must not have it), so a session the log moved on from, or
        already has, is left alone. Returns how many changed the log.
        """
        changed = 0
        with self._write("bring back sessions kept safe") as conn:
            for record, base in kept:
                row = conn.execute(_SELECT + " WHERE s.id = ?", (record.id,)).fetchone()
                current = _record(row) if row else None
                if current == record or (record_digest(current) if current else None) != base:
                    continue
                check_record(record)
                conn.execute(_UPSERT, _row(record))
                self._insert_tags(conn, record, replace=True)
                changed += 1
        return changed

    @classmethod
    def _finish_interrupted(cls, conn: sqlite3.Connection, record: SessionRecord) -> bool:
        """``record`` ended (completed or stopped) where the log has the same session
        interrupted: Steady ended before it could write the end, typically with a full
        disk, and the person kept the whole session in a file ("Save to a file…").
        That copy completes the row; True if it did. Anything else in the log with
        that id is left as it is."""
        if record.status in ("running", "interrupted"):
            return False
        found = conn.execute("SELECT 1 FROM sessions WHERE id = ? AND status = 'interrupted'",
                             (record.id,)).fetchone()
        if found is None:
            return False
        conn.execute(_UPSERT, _row(record))
        cls._insert_tags(conn, record, replace=True)
        return True

    @staticmethod
    def _insert_tags(conn: sqlite3.Connection, record: SessionRecord, *, replace: bool) -> None:
        (n,) = conn.execute("SELECT n FROM sessions WHERE id = ?", (record.id,)).fetchone()
        if replace:
            conn.execute("DELETE FROM session_tags WHERE session_n = ?", (n,))
        conn.executemany(
            "INSERT INTO session_tags (session_n, position, tag) VALUES (?, ?, ?)",
            [(n, i, tag) for i, tag in enumerate(record.tags)],
        )

    def merge(self, records: Iterable[SessionRecord]) -> int:
        """Add the records whose id is not in the log yet, in one transaction.

        Sessions already present are left as they are. Returns how many were added.
        """
        checked = list(records)
        for record in checked:
            check_record(record)
        with self.merging() as add:
            return sum(add(record) for record in checked)

    @contextmanager
    def merging(self, action: str = "import the sessions", *, many: bool = False
                ) -> Iterator[Adder]:
        """One transaction for many records, added one at a time as they come.

        The function given adds a record unless its id is in the log already (a
        session the log has interrupted is completed by an ended copy of it), and
        says whether it did (pass ``checked=True`` for a record already checked
        with :func:`app.storage.records.record_problems`). Anything raised in the
        block rolls all of it back. SQLite may use up to :data:`BULK_CACHE_KIB`
        of memory meanwhile, so the indexes of a large log stay in memory. With
        ``many`` (a large import), the indexes that only speed up reading are
        made afresh at the end instead of grown row by row, in the same
        transaction: several times faster for hundreds of thousands of rows.
        """
        with storage_errors(action):
            (cache,) = self._conn.execute("PRAGMA cache_size").fetchone()
            self._conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            with self._write(action) as conn:
                rebuilt = _drop_reading_indexes(conn) if many else []

                def add(record: SessionRecord, *, checked: bool = False) -> bool:
                    if not checked:
                        check_record(record)
                    cursor = conn.execute(_INSERT_NEW, _row(record))
                    if cursor.rowcount != 1:
                        return self._finish_interrupted(conn, record)
                    if record.tags:  # n is the rowid of the row just added
                        conn.executemany(_INSERT_TAG, [(cursor.lastrowid, i, tag)
                                                       for i, tag in enumerate(record.tags)])
                    return True

                yield add
                for sql in rebuilt:
                    conn.execute(sql)
        finally:
            with storage_errors(action):
                self._conn.execute(f"PRAGMA cache_size = {int(cache)}")

    def mark_interrupted(self) -> int:
        """Sessions still ``running`` (the app ended mid-way) become ``interrupted``.

        Ratings, note and tags are kept; ``ended_at`` stays empty, since when the
        session really ended is unknown. Call it once at start-up, only from the
        instance that owns the log (not from a command-line verb).
        """
        with self._write("mark unfinished sessions") as conn:
            cursor = conn.execute(
                "UPDATE sessions SET status = 'interrupted' WHERE status = 'running'"
            )
            return cursor.rowcount

    def delete(self, session_id: str) -> None:
        with self._write("delete the session") as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        if self._recovery is not None:
            self._recovery.forget(session_id)
        self._in_log.pop(session_id, None)
        if self._place is not None:
            self._checkpoint()

    def delete_all(self) -> None:
        """Forget everything: the log, its WAL, backups and moved-aside copies.

        Then an empty log is opened in place. Exports the person made elsewhere
        are theirs and stay.
        """
        if self._recovery is not None:
            self._recovery.discard()
        self._in_log.clear()
        path = self.path
        if path is None:
            with self._write("delete the log") as conn:
                conn.execute("DELETE FROM sessions")
            return
        self._conn.close()
        try:
            remove_log_copies(path.parent)
        finally:
            self._conn = open_database(path.parent).connection
            self._place = LogPlace(path)

    def _checkpoint(self) -> None:
        """Fold the WAL into the (zero-on-delete) file, so deleted text leaves it too."""
        with storage_errors("tidy the log"):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    # ------------------------------------------------------------------ reading

    def get(self, session_id: str) -> SessionRecord | None:
        with storage_errors("read the log"):
            row = self._conn.execute(_SELECT + " WHERE s.id = ?", (session_id,)).fetchone()
        return _record(row) if row else None

    def sessions(
        self, where: SessionFilter | None = None, limit: int | None = None
    ) -> list[SessionRecord]:
        """Sessions matching ``where`` (all by default), newest first."""
        clause, params = where_sql(where)
        sql = _SELECT + clause + " ORDER BY s.started_at DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with storage_errors("read the log"):
            return [_record(row) for row in self._conn.execute(sql, params)]

    def count(self, where: SessionFilter | None = None) -> int:
        clause, params = where_sql(where)
        with storage_errors("read the log"):
            return int(
                self._conn.execute("SELECT count(*) FROM sessions s" + clause, params)
                .fetchone()[0]
            )

    def rating_points(
        self, where: SessionFilter | None = None
    ) -> list[tuple[datetime, int | None, int | None]]:
        """(started_at, before, after) of each session, oldest first: the chart's data."""
        clause, params = where_sql(where)
        sql = "SELECT s.started_at, s.before, s.after FROM sessions s" + clause
        with storage_errors("read the log"):
            rows = self._conn.execute(sql + " ORDER BY s.started_at", params).fetchall()
        return [(parse_time(t), before, after) for t, before, after in rows]

    def known_tags(self) -> list[str]:
        """Tags used before, most used first (then alphabetically)."""
        with storage_errors("read the log"):
            rows = self._conn.execute(
                "SELECT tag FROM session_tags GROUP BY tag ORDER BY count(*) DESC, tag"
            ).fetchall()
        return [tag for (tag,) in rows]

    # ------------------------------------------------------------------ what works for me

    def stats(
        self, group_by: GroupBy = "exercise", where: SessionFilter | None = None
    ) -> list[ExerciseStats]:
        """One row per exercise, time of day, tag or starting level.

        ``sessions`` counts every session in the group; the means and the share
        with a drop of :data:`NOTICEABLE_DROP` or more are over the ``rated``
        sessions (both ratings given), so mean after - mean before = mean change.
        Exercises: most sessions first, titled as in their newest session. Times
        of day: night to evening. Tags: most sessions first; untagged sessions
        are not in any tag's row. Starting levels: 0-3 up to 9-10, then numb;
        sessions with neither a before rating nor the numb mark are in none.
        """
        clause, params = where_sql(where)
        if group_by == "exercise":
            sql = (f"SELECT s.exercise_id, s.exercise_title, {_AGGREGATES}, max(s.started_at)"
                   f" FROM sessions s{clause} GROUP BY s.exercise_id"
                   " ORDER BY 3 DESC, 2, 1")
        elif group_by == "time_of_day":
            sql = (f"SELECT {_TIME_OF_DAY} AS bucket, '', {_AGGREGATES}"
                   f" FROM sessions s{clause} GROUP BY bucket ORDER BY bucket")
        elif group_by == "start_level":
            sql = (f"SELECT {_START_LEVEL} AS level, '', {_AGGREGATES}"
                   f" FROM sessions s{clause} GROUP BY level HAVING level IS NOT NULL")
        elif group_by == "tag":
            sql = (f"SELECT t.tag, t.tag, {_AGGREGATES}"
                   f" FROM session_tags t JOIN sessions s ON s.n = t.session_n{clause}"
                   " GROUP BY t.tag ORDER BY 3 DESC, 1")
        else:
            raise ValueError(f"cannot group by {group_by!r}")
        with storage_errors("read the log"):
            rows = self._conn.execute(sql, params).fetchall()
        found = [_stats_row(row, group_by) for row in rows]
        if group_by == "start_level":
            order: dict[str, int] = {level: index for index, level in enumerate(START_LEVELS)}
            found.sort(key=lambda row: order[row.key])
        return found

    def best_exercise(self, min_sessions: int = HELPED_MIN_SESSIONS) -> BestExercise | None:
        """The exercise with the most negative mean change over at least
        ``min_sessions`` rated sessions; None while no exercise qualifies (or none helped).
        The rule is :func:`app.domain.helped.helped_most`'s.
        """
        best = helped_most(self.stats("exercise"), min_rated=min_sessions, limit=1)
        return best[0] if best else None

    def numb_marks(self, where: SessionFilter | None = None) -> NumbMarks:
        """How many sessions matching ``where`` had "numb or far away" marked before,
        after, and in either rating."""
        clause, params = where_sql(where)
        sql = ("SELECT count(CASE WHEN s.numb_before THEN 1 END), count(CASE WHEN "
               "s.numb_after THEN 1 END), count(CASE WHEN s.numb_before OR s.numb_after "
               "THEN 1 END) FROM sessions s" + clause)
        with storage_errors("read the log"):
            before, after, either = self._conn.execute(sql, params).fetchone()
        return NumbMarks(int(before), int(after), int(either))


def _stats_row(row: tuple[Any, ...], group_by: GroupBy) -> ExerciseStats:
    key, title, sessions, rated, before, after, change, noticeable, numb_rated, cleared = row[:10]
    if group_by == "time_of_day":
        key = TIMES_OF_DAY[int(key)]
        title = key.capitalize()
    elif group_by == "start_level":
        title = key
    return ExerciseStats(
        key=str(key), title=str(title), sessions=int(sessions), rated=int(rated),
        mean_before=before, mean_after=after, mean_change=change,
        noticeable_share=(noticeable / rated) if rated else None,
        numb_rated=int(numb_rated), numb_cleared=int(cleared),
    )


def _drop_reading_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the indexes nothing but reading needs (not the unique id); their SQL, to
    make them again."""
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%'").fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _copy_sessions(old: sqlite3.Connection, new: sqlite3.Connection) -> int:
    """Every session ``old`` holds, added to ``new`` where its id is not (one transaction)."""
    with storage_errors("read the log"):
        records = [_record(row) for row in old.execute(_SELECT)]
    with storage_errors("save the sessions again"):
        new.execute("BEGIN IMMEDIATE")
        try:
            for record in records:
                cursor = new.execute(_INSERT_NEW, _row(record))
                if cursor.rowcount == 1 and record.tags:
                    new.executemany(_INSERT_TAG, [(cursor.lastrowid, i, tag)
                                                  for i, tag in enumerate(record.tags)])
            new.execute("COMMIT")
        except BaseException:
            if new.in_transaction:
                new.execute("ROLLBACK")
            raise
    return len(records)


def open_store(
    data_dir: Path, *, interrupt_running: bool = False,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> tuple[SqliteSessionStore, OpenResult]:
    """Open the log in ``data_dir`` as a store (see :func:`app.storage.db.open_database`).

    ``interrupt_running=True`` marks sessions left running as interrupted: the
    window does that once at start-up; command-line verbs must not, since a
    window may be in the middle of a session.
    """
    result = open_database(data_dir, busy_timeout=busy_timeout)
    store = SqliteSessionStore(result.connection)
    if interrupt_running:
        try:
            store.mark_interrupted()
        except BaseException:
            store.close()
            raise
    return store, result


def memory_store() -> SqliteSessionStore:
    """An empty log in memory: for tests, and for the app when the disk cannot be used."""
    return SqliteSessionStore(open_memory())
