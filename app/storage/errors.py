"""What can go wrong with the log, in words a person can act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from app.domain.errors import StorageError

__all__ = ["DatabaseLockedError", "NewerDatabaseError", "StorageError", "describe",
           "error_code", "is_damage", "storage_errors"]

# SQLite primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
#: Extended code: the shared-memory index beside the log could not grow (no space left).
SQLITE_IOERR_SHMSIZE = SQLITE_IOERR | (19 << 8)


class NewerDatabaseError(StorageError):
    """The file was written by a newer Steady; it is left exactly as it is."""


class DatabaseLockedError(StorageError):
    """Another program holds the log and did not let go in time."""


def error_code(error: sqlite3.Error) -> int | None:
    """The primary SQLite result code of ``error``, when Python reports it."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite says the file is not a database or is corrupt."""
    return error_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def describe(error: sqlite3.Error, action: str) -> StorageError:
    """Turn an ``sqlite3`` error raised while doing ``action`` into a clear one."""
    code = error_code(error)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLockedError(
            f"Could not {action}: another program is using the log. "
            "Close any other copy of Steady (or the program holding the file) and try again."
        )
    if code == SQLITE_FULL or getattr(error, "sqlite_errorcode", None) == SQLITE_IOERR_SHMSIZE:
        return StorageError(f"Could not {action}: the disk is full. Free some space and try again.")
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return StorageError(
            f"Could not {action}: the log's folder or file cannot be written ({error})."
        )
    return StorageError(f"Could not {action}: {error}.")


@contextmanager
def storage_errors(action: str) -> Iterator[None]:
    """Re-raise ``sqlite3`` errors inside the block as :class:`StorageError`."""
    try:
        yield
    except sqlite3.Error as error:
        raise describe(error, action) from error
