"""Damage done to a log on purpose, shared by the storage and fault tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def scribble_over_index(path: Path, index: str = "sessions_by_start") -> bytes:
    """Write over part of one page of ``index`` in the log at ``path``: every row is
    still there, but SQLite's check fails. Returns the file's bytes afterwards."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    [(root,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                             (index,)).fetchall()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    data[start + 8 : start + 308] = b"\xff" * 300
    path.write_bytes(bytes(data))
    return bytes(data)
