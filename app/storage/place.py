"""Is the log still where Steady opened it? The file's identity, checked before each write.

SQLite keeps writing to a file it has open even after the file is deleted or
another is put in its place: every save would "succeed" into a file no one
can find again. So the store notes the identity (device and inode) of the log
and of its write-ahead file when it opens them, and looks again around every
save: a different identity, or none, means the data folder or the log was
deleted or replaced while Steady ran. The store then opens the log at its
place again (making the data folder again if it is gone) and copies across
everything the old, still-open file holds, so nothing is lost.
Stdlib only.
"""

from __future__ import annotations

import os
from pathlib import Path

Identity = tuple[int, int]


def identity(path: Path) -> Identity | None:
    """(device, inode) of ``path``, or None when there is nothing there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class LogPlace:
    """The log's file (and its ``-wal``) as they were when last seen in place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wal = path.with_name(path.name + "-wal")
        self._log = identity(path)
        self._wal = identity(self.wal)

    @property
    def folder(self) -> Path:
        return self.path.parent

    def moved(self) -> str:
        """"" while in place; else what happened, in words for a message."""
        now = identity(self.path)
        if now == self._log and (self._wal is None or identity(self.wal) == self._wal):
            return ""
        if not self.folder.exists():
            return f"Steady's data folder {self.folder} was deleted while Steady was open"
        if now is None:
            return f"Your log {self.path} was deleted while Steady was open"
        if now != self._log:
            return f"Your log {self.path} was replaced by another file while Steady was open"
        return (f"The file SQLite keeps beside your log, {self.wal.name}, was deleted or "
                "replaced while Steady was open")

    def only_wal_moved(self) -> bool:
        """True when the log is in place but the file beside it is not."""
        return identity(self.path) == self._log and identity(self.wal) != self._wal

    def seen(self) -> None:
        """The files as they are now are the ones in use (after a write, or a reopening)."""
        self._log = identity(self.path)
        self._wal = identity(self.wal)
