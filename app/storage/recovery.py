"""Sessions kept safe while the log cannot take them, and brought into it later, once.

When the log cannot be opened (a file from a newer Steady, a read-only folder,
a lock held by another program) or a write to it fails, each session is
appended to a recovery file in ``<data dir>/recovery/`` instead: one file per
run that needed one, private (0600), written one whole line at a time and
synced before the save returns, so a Steady that is killed loses nothing it
said it kept. The file is plain JSON lines::

    {"format": "steady-recovery", "version": 1}
    {"session": {...every field...}, "base": "<fingerprint>" or null}
    {"forget": "<session id>"}

A later line for the same session replaces an earlier one; ``forget`` is a
session deleted in History meanwhile. ``base`` is the fingerprint of the
session as the log last held it (None: the log never had it), so merging it
later can tell whether the log has moved on since.

:func:`merge_recovery` runs when the log opens at start-up, before anything
else touches it. For every recovery file not in use (a running Steady keeps
its own locked), each kept session goes into the log only where the log still
holds exactly the version it followed, or nothing for a new one; the file is
then removed. Merging twice changes nothing: the first merge has moved the
log on. A line cut short by a kill is skipped. Stdlib only.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.session import SessionRecord
from app.storage.files import make_private_dir, sync_folder
from app.storage.records import parse_time, record_fields, record_problems

try:  # POSIX: a running Steady holds its own recovery file
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

FORMAT_NAME = "steady-recovery"
FORMAT_VERSION = 1
SUFFIX = ".jsonl"

Clock = Callable[[], datetime]


def _lock(descriptor: int) -> bool:
    """Take the file's lock without waiting; False when another process holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class RecoveryFile:
    """This run's recovery file: made when first needed, appended to, locked while open."""

    def __init__(self, folder: Path, *, clock: Clock = datetime.now) -> None:
        self.folder = folder
        self._clock = clock
        self._descriptor: int | None = None
        self.path: Path | None = None

    @property
    def started(self) -> bool:
        return self._descriptor is not None

    def start(self) -> bool:
        """Make the file now (when every session of this run will go to it); True once
        it is on disk, False when nothing can be written there."""
        try:
            self._open()
        except OSError:
            return False
        return True

    def _open(self) -> int:
        if self._descriptor is not None:
            return self._descriptor
        # In the data folder, never anywhere else: if the data folder itself is gone (a
        # drive pulled out), it is not made again here.
        self.folder.mkdir(mode=0o700, exist_ok=True)
        make_private_dir(self.folder)
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        for number in range(1, 1000):
            path = self.folder / f"{stamp}-{os.getpid()}-{number}{SUFFIX}"
            try:
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND,
                                     0o600)
            except FileExistsError:
                continue
            break
        else:  # pragma: no cover - a thousand files this second
            raise FileExistsError(17, "no free name for a recovery file", str(self.folder))
        _lock(descriptor)
        self._descriptor, self.path = descriptor, path
        try:
            self._write({"format": FORMAT_NAME, "version": FORMAT_VERSION})
        except OSError:
            self.close()
            with contextlib.suppress(OSError):
                path.unlink()
            self.path = None
            raise
        sync_folder(self.folder)
        return descriptor

    def _write(self, entry: dict[str, Any]) -> None:
        descriptor = self._open()
        line = (json.dumps(entry, ensure_ascii=False, allow_nan=False) + "\n").encode(
            "utf-8", "surrogatepass")
        written = os.write(descriptor, line)
        if written != len(line):
            raise OSError(28, "the recovery file could not take the whole line")
        os.fsync(descriptor)

    def keep(self, record: SessionRecord, base: str | None) -> bool:
        """Append ``record``; True once it is on disk, False when it could not be."""
        try:
            self._write({"session": record_fields(record), "base": base})
        except (OSError, ValueError):
            return False
        return True

    def forget(self, session_id: str) -> None:
        """A session kept here was deleted: it must not come back."""
        if self._descriptor is not None:
            with contextlib.suppress(OSError, ValueError):
                self._write({"forget": session_id})

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def discard(self) -> None:
        """Delete everything: this run's file goes, with what it held."""
        path = self.path
        self.close()
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink()
        self.path = None


# --------------------------------------------------------------------------- reading


@dataclass
class Kept:
    """What one recovery file holds: the last version of each session, by id."""

    sessions: dict[str, tuple[SessionRecord, str | None]] = field(default_factory=dict)
    forgotten: set[str] = field(default_factory=set)
    unreadable_lines: int = 0


def _record(fields: Any) -> SessionRecord | None:
    """The session a recovery line holds, or None when the line is not one (damage)."""
    if not isinstance(fields, dict):
        return None
    try:
        record = SessionRecord(
            id=fields["id"], exercise_id=fields["exercise_id"],
            exercise_title=fields["exercise_title"],
            started_at=parse_time(fields["started_at"]),
            ended_at=parse_time(fields["ended_at"]) if fields["ended_at"] else None,
            status=fields["status"], before=fields["before"], after=fields["after"],
            numb_before=fields["numb_before"], numb_after=fields["numb_after"],
            planned_seconds=fields["planned_seconds"],
            practised_seconds=fields["practised_seconds"], note=fields["note"],
            tags=tuple(fields["tags"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None if record_problems(record) else record


def read_kept(path: Path) -> Kept:
    """Every session a recovery file keeps (the last version of each)."""
    kept = Kept()
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle):
            try:
                entry = json.loads(raw.decode("utf-8", "surrogatepass"))
            except (ValueError, UnicodeDecodeError):
                kept.unreadable_lines += 1  # most often the last line, cut by a kill
                continue
            if number == 0 and isinstance(entry, dict) and entry.get("format") == FORMAT_NAME:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("forget"), str):
                kept.forgotten.add(entry["forget"])
                kept.sessions.pop(entry["forget"], None)
                continue
            record = _record(entry.get("session") if isinstance(entry, dict) else None)
            base = entry.get("base") if isinstance(entry, dict) else None
            if record is None or not (base is None or isinstance(base, str)):
                kept.unreadable_lines += 1
                continue
            kept.sessions[record.id] = (record, base)
            kept.forgotten.discard(record.id)
    return kept


@contextlib.contextmanager
def _claimed(path: Path) -> Iterator[bool]:
    """Hold ``path``'s lock while merging it; False when a running Steady holds it."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        yield _lock(descriptor)
    finally:
        os.close(descriptor)


def recovery_files(folder: Path) -> list[Path]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [folder / name for name in names
            if name.endswith(SUFFIX) and not name.startswith(".")]


@dataclass(frozen=True, slots=True)
class Merged:
    """What :func:`merge_recovery` did."""

    sessions: int = 0  # sessions written into the log
    files: int = 0  # recovery files merged (and removed)
    in_use: int = 0  # files left alone: a running Steady still writes them

    def notice(self) -> str:
        if not self.sessions:
            return ""
        return (f"{self.sessions} session(s) kept safe while your log could not be written "
                "are now in it.")


#: Puts kept sessions into the log, each only over the version it followed; returns how
#: many went in (SqliteSessionStore.restore).
Restorer = Callable[[list[tuple[SessionRecord, str | None]]], int]


def merge_recovery(folder: Path, restore: Restorer) -> Merged:
    """Bring every recovery file in ``folder`` not in use into the log, then remove it.

    A file that cannot be read whole is merged as far as it can be read and kept
    (renamed ``.merged``) rather than removed, so nothing is ever thrown away.
    """
    sessions = files = in_use = 0
    for path in recovery_files(folder):
        with _claimed(path) as ours:
            if not ours:
                in_use += 1
                continue
            try:
                kept = read_kept(path)
            except OSError:
                continue
            sessions += restore(list(kept.sessions.values()))
            files += 1
            try:
                if kept.unreadable_lines > 1:  # more than a line cut by a kill: keep it
                    path.replace(path.with_name(path.name + ".merged"))
                else:
                    path.unlink()
            except OSError:
                continue
    if files:
        sync_folder(folder)
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    return Merged(sessions, files, in_use)
