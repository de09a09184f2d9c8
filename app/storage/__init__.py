"""The local log: SQLite (stdlib only, never Qt), its migrations, export and import.

Start with :func:`open_store` (or :func:`memory_store` for tests).
"""

from app.storage.db import OpenResult, open_database
from app.storage.errors import DatabaseLockedError, NewerDatabaseError, StorageError
from app.storage.sessions import SqliteSessionStore, memory_store, open_store

__all__ = [
    "DatabaseLockedError",
    "NewerDatabaseError",
    "OpenResult",
    "SqliteSessionStore",
    "StorageError",
    "memory_store",
    "open_database",
    "open_store",
]
