"""Opening the log: private files, WAL, migrations with a backup first, damage set aside.

``open_database(data_dir)`` is the only way in. It never deletes or rewrites a
file it cannot use: a newer file is refused untouched, a damaged one is moved
aside next to the new log and the result says where. The new log is then
rebuilt from every row the damaged file still gives up (damage in an index
alone loses nothing); when a table cannot be read whole, it starts empty.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.storage.datadir import export_notes, not_a_folder_message, odd_kind
from app.storage.errors import NewerDatabaseError, StorageError, describe, is_damage
from app.storage.files import make_private_dir, os_reason, sync_folder
from app.storage.schema import CURRENT_VERSION, migrate, newer_file_message, user_version

DB_NAME = "steady.sqlite3"
BACKUP_DIR = "backups"
DAMAGED_MARK = ".damaged-"
#: Files SQLite keeps beside the database; they belong to it and move with it.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
DEFAULT_BUSY_TIMEOUT = 2.0

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class OpenResult:
    """An open, up-to-date log and what happened on the way."""

    connection: sqlite3.Connection
    path: Path
    version_found: int  # 0 when the log was new
    backup: Path | None = None  # the copy made before migrating
    moved_aside: Path | None = None  # where an unreadable file went
    notice: str | None = None  # one thing to tell the person, if any
    rebuilt: bool = False  # the log was made again from what the damaged file still held


class _Unreadable(Exception):
    """The file is not a usable log; it will be moved aside."""


def _rebuild(damaged: Path, path: Path) -> tuple[int, int]:
    """A new log at ``path`` holding every row ``damaged`` still gives up, with its
    indexes made afresh. Returns (schema version, sessions); raises when a table
    cannot be read whole (then nothing is left at ``path``).

    Damage often sits in an index only (a search structure SQLite can rebuild
    from the rows): then nothing is lost. The damaged file is only read.
    """
    temporary = path.with_name(path.name + ".rebuilding")
    for leftover in (temporary, *(temporary.with_name(temporary.name + s)
                                  for s in SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    _create_private(temporary)
    try:
        with _no_new_side_files(damaged):
            conn = sqlite3.connect(temporary.resolve().as_uri(), uri=True, isolation_level=None)
            try:
                version, sessions = _copy_rows(conn, damaged)
            finally:
                conn.close()
        os.replace(temporary, path)
        sync_folder(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return version, sessions


def _copy_rows(conn: sqlite3.Connection, damaged: Path) -> tuple[int, int]:
    """Into the empty log ``conn``: ``damaged``'s tables row by row, then its indexes
    made afresh. Returns (schema version, sessions)."""
    conn.text_factory = _lenient_text
    conn.execute("ATTACH DATABASE ? AS old", (damaged.resolve().as_uri() + "?mode=ro",))
    version = conn.execute("PRAGMA old.user_version").fetchone()[0]
    if not 0 < version <= CURRENT_VERSION:
        raise _Unreadable("not a Steady log this version can read")
    objects = conn.execute(
        "SELECT type, name, sql FROM old.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    conn.execute("BEGIN")
    for kind, name, sql in objects:
        if kind == "table":
            conn.execute(sql)
            quoted = '"' + name.replace('"', '""') + '"'
            conn.execute(f"INSERT INTO main.{quoted} SELECT * FROM old.{quoted} NOT INDEXED")
    for kind, _name, sql in objects:
        if kind != "table":
            conn.execute(sql)
    conn.execute(f"PRAGMA main.user_version = {int(version)}")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE old")
    if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
        raise _Unreadable("the rebuilt log did not check out")
    sessions = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
    return int(version), int(sessions)


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


def make_private(path: Path) -> None:
    """0600 on POSIX; other systems keep the data folder's own protection.

    Raises :class:`StorageError` when the file is not this user's to change.
    """
    if os.name == "posix" and path.exists():
        try:
            os.chmod(path, 0o600)
        except PermissionError as error:
            raise StorageError(not_yours_message(path)) from error


def not_yours_message(path: Path) -> str:
    """What to say when ``path`` belongs to another user account."""
    return (f"Could not open the log {path}: it belongs to another user account (this can "
            "happen after running Steady with sudo). Nothing was changed. Give it back to "
            "your account, for example with: sudo chown -R \"$USER\" "
            f"'{path.parent}'")


def _lenient_text(data: bytes) -> str:
    """Text as stored; bytes that are not UTF-8 (damage) read as U+FFFD, never an error."""
    return data.decode("utf-8", "replace")


def _create_private(path: Path) -> None:
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _unique(path: Path) -> Path:
    """``path``, or ``path`` with ``-2``, ``-3``... before ``.sqlite3`` when taken."""
    name, ext = path.name, ""
    if name.endswith(".sqlite3"):
        name, ext = name[: -len(".sqlite3")], ".sqlite3"
    candidate, n = path, 1
    while candidate.exists() or candidate.with_name(candidate.name + "-wal").exists():
        n += 1
        candidate = path.with_name(f"{name}-{n}{ext}")
    return candidate


def _read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)


def _inspect(path: Path, busy_timeout: float) -> int:
    """The schema version of an existing file, read without writing to it."""
    if path.stat().st_size == 0:
        raise _Unreadable("the file was empty")
    with _no_new_side_files(path):
        return _read_version(path, busy_timeout)


def _read_version(path: Path, busy_timeout: float) -> int:
    conn = _read_only(path, busy_timeout)
    try:
        version = user_version(conn)
        if version > CURRENT_VERSION:
            raise _newer(path, version)
        if version < 0:
            raise _Unreadable(f"it says it is log version {version}, which no Steady writes")
        if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise _Unreadable("the file is damaged")
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version == 0 and tables:
            raise _Unreadable("the file is a database, but not a Steady log")
        return version
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise _Unreadable("the file is damaged or is not a database") from error
        raise
    finally:
        conn.close()


@contextlib.contextmanager
def _no_new_side_files(path: Path) -> Iterator[None]:
    """Reading ``path`` may make empty -wal and -shm files beside it: those it did not
    find there are removed afterwards, so reading leaves no trace."""
    sides = [path.with_name(path.name + s) for s in SIDE_SUFFIXES[:2]]
    absent = [side for side in sides if not side.exists()]
    try:
        yield
    finally:
        for side in absent:
            with contextlib.suppress(OSError):
                side.unlink()


def _newer(path: Path, version: int) -> NewerDatabaseError:
    return NewerDatabaseError(newer_file_message(path, version))


def _backup(path: Path, version: int, stamp: str, busy_timeout: float) -> Path:
    """Copy the log (with what its WAL holds) into ``backups/`` before migrating."""
    folder = path.parent / BACKUP_DIR
    if folder.exists() and not folder.is_dir():
        raise StorageError(
            f"Could not back up the log before bringing it up to date: {folder} is a file, "
            "where Steady keeps its backups folder. Nothing was changed. Move that file "
            "elsewhere and start Steady again.")
    make_private_dir(folder)
    target = _unique(folder / f"steady-v{version}-{stamp}.sqlite3")
    _create_private(target)
    source = _read_only(path, busy_timeout)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    make_private(target)
    return target


def _move_aside(path: Path, stamp: str) -> Path:
    """Rename the file (and its side files) to ``<name>.damaged-<stamp>``; 0600."""
    target = _unique(path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}"))
    os.replace(path, target)
    make_private(target)
    for suffix in SIDE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            moved = target.with_name(target.name + suffix)
            os.replace(side, moved)
            make_private(moved)
    sync_folder(path.parent)
    return target


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection settings: durable commits, zeroed deletes, foreign keys."""
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.text_factory = _lenient_text


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    _create_private(path)
    conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    try:
        found = user_version(conn)
        if found > CURRENT_VERSION:  # replaced since it was inspected: still never write
            raise _newer(path, found)
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, path)
        configure(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _stamp(clock: Clock | None) -> str:
    return (clock or datetime.now)().strftime("%Y%m%d-%H%M%S")


def open_database(
    data_dir: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, clock: Clock | None = None
) -> OpenResult:
    """Open (creating or migrating as needed) the log in ``data_dir``.

    Raises :class:`~app.storage.errors.NewerDatabaseError` for a file from a
    newer Steady, :class:`~app.storage.errors.DatabaseLockedError` when another
    program holds it past ``busy_timeout`` seconds, and
    :class:`~app.storage.errors.StorageError` when the folder cannot be used.
    """
    path = database_path(data_dir)
    found, backup, moved, notice, rebuilt = 0, None, None, None, False
    if Path(data_dir).exists() and not Path(data_dir).is_dir():
        raise StorageError(not_a_folder_message(Path(data_dir)))
    try:
        make_private_dir(Path(data_dir))
        check_log_files(path)
        if path.exists() and _belongs_to_another(path):
            raise StorageError(not_yours_message(path))
        if path.exists():
            try:
                found = _inspect(path, busy_timeout)
            except _Unreadable as problem:
                found, moved, notice, rebuilt = _recover(path, problem, clock)
            if 0 < found < CURRENT_VERSION:
                backup = _backup(path, found, _stamp(clock), busy_timeout)
        conn = _connect(path, busy_timeout)
        try:
            for file in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
                make_private(file)
        except BaseException:
            conn.close()
            raise
    except PermissionError as error:
        if _belongs_to_another(path):
            raise StorageError(not_yours_message(path)) from error
        raise StorageError(
            f"Could not open the log {path}: {os_reason(error)}."
        ) from error
    except sqlite3.Error as error:
        raise describe(error, f"open the log {path}") from error
    except OSError as error:
        raise StorageError(
            f"Could not open the log {path}: {os_reason(error)}."
        ) from error
    return OpenResult(conn, path, found, backup, moved, notice, rebuilt)


def _recover(path: Path, problem: _Unreadable,
             clock: Clock | None) -> tuple[int, Path, str, bool]:
    """A log that cannot be read is moved aside, unchanged, and rebuilt from what it
    still holds, or a new one is begun: the version found, where the old file went,
    what to tell the person, and whether it was rebuilt."""
    moved = _move_aside(path, _stamp(clock))
    try:
        found, sessions = _rebuild(moved, path)
    except (_Unreadable, sqlite3.Error, OSError):
        return 0, moved, (f"Your log {path} could not be read ({problem}). It was moved, "
                          f"unchanged, to {moved}, and a new, empty log was started."), False
    return found, moved, (f"Your log {path} was damaged ({problem}). Steady rebuilt it from "
                          f"what the file still held: {sessions} session(s). The damaged "
                          f"file was kept, unchanged, at {moved}."), True


def _belongs_to_another(path: Path) -> bool:
    """True when ``path`` (or, if it cannot be seen, its folder) is another user's."""
    if os.name != "posix":
        return False
    for candidate in (path, path.parent):
        try:
            return candidate.stat().st_uid != os.getuid()
        except OSError:
            continue
    return False


def check_log_files(path: Path) -> None:
    """Raise :class:`StorageError` when the log's name (or a side file's) is taken by a
    folder, a pipe, a socket or a device: SQLite would open it, and might wait for ever.
    """
    for file in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
        kind = odd_kind(file)
        if kind is None:
            continue
        what = "it is" if file == path else f"{file.name}, a file SQLite keeps beside it, is"
        raise StorageError(f"Could not open the log {path}: {what} {kind}, not a file. "
                           "Nothing was changed. Move it elsewhere and start Steady again.")


def open_read_only(data_dir: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
                   ) -> sqlite3.Connection:
    """The log in ``data_dir`` for reading only, changing nothing on disk: for reading
    when it cannot be opened normally (a disk remounted read-only as it fails).

    Only a current log that checks out is opened; anything else raises
    :class:`StorageError` saying why.
    """
    path = database_path(data_dir)
    check_log_files(path)
    base = path.resolve().as_uri()
    problem: sqlite3.Error | None = None
    # With no write-ahead log beside it (a clean close folds it in) the file alone is
    # the whole log: immutable=1 reads it and creates nothing. Otherwise mode=ro reads
    # the WAL too, but needs SQLite's shared-memory file, which a read-only disk may
    # not let it make: then the file alone is still better than nothing.
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    queries = ("?mode=ro", "?mode=ro&immutable=1") if pending else ("?mode=ro&immutable=1",)
    for query in queries:
        try:
            conn = sqlite3.connect(base + query, uri=True, timeout=busy_timeout,
                                   isolation_level=None)
        except sqlite3.Error as error:
            problem = error
            continue
        try:
            version = user_version(conn)
            if version != CURRENT_VERSION:
                raise StorageError(
                    f"Could not read the log {path} as it is: it is from log version "
                    f"{version}, and this Steady reads version {CURRENT_VERSION} without "
                    "changing it.")
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise StorageError(f"Could not read the log {path}: the file is damaged.")
            conn.text_factory = _lenient_text
            return conn
        except sqlite3.Error as error:
            conn.close()
            problem = error
        except BaseException:
            conn.close()
            raise
    assert problem is not None
    raise describe(problem, f"read the log {path}") from problem


def open_memory() -> sqlite3.Connection:
    """An empty, current log that lives only in memory (tests, or when the disk fails)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, ":memory:")
    configure(conn)
    return conn


def log_copies(data_dir: Path) -> list[Path]:
    """Every file or folder Steady keeps that holds (part of) the log."""
    path = database_path(data_dir)
    found = [path.with_name(path.name + s) for s in ("", *SIDE_SUFFIXES)]
    found += sorted(path.parent.glob(f"{DB_NAME}{DAMAGED_MARK}*"))
    found.append(path.parent / BACKUP_DIR)
    return [p for p in found if p.exists() or p.is_symlink()]


def remove_new_log(data_dir: Path, made: list[Path]) -> None:
    """Remove a log just made for a job that was refused (it holds no session; close it
    first), and the folders in ``made`` that were made for it, when they are empty."""
    path = database_path(data_dir)
    for file in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            file.unlink()
    for folder in made:  # the data folder first, then the parents made with it
        try:
            folder.rmdir()
        except OSError:
            break


def remove_log_copies(data_dir: Path) -> None:
    """Delete the log, its side files, backups and moved-aside copies, and what a killed
    export left half-written wherever it was going. Close the log first."""
    export_notes(data_dir).clean()
    for item in log_copies(data_dir):
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item)
        else:
            item.unlink()
