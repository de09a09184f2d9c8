"""The person's exercises folder: noticing changes, and copying files in and out.

:class:`ExerciseFolder` watches ``<data dir>/exercises`` with a
QFileSystemWatcher and emits ``changed()`` once things settle (a parented
single-shot QTimer gathers a burst of events into one). It watches the folder
for files added, renamed or removed, and every ``*.toml`` file in it for edits;
an editor that saves by replacing the file drops the old file's watch, so each
re-scan watches the current files afresh. When the folder does not exist yet,
its parent is watched until it appears.

The functions below do the file work for the launcher's Import, Export and
Delete. They never overwrite a file the person did not choose, and Delete moves
the file aside into ``<data dir>/deleted-exercises/`` instead of destroying it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from app.domain.exercise import Exercise, Problem
from app.domain.loader import exercise_files, load_file, parse_exercise
from app.domain.reasons import os_reason
from app.domain.writer import free_file_name, replace_id
from app.storage.files import make_private_dir, write_durable

#: Quiet time after the last file event before ``changed`` is emitted.
DEBOUNCE_MS = 250
DELETED_FOLDER = "deleted-exercises"


class ExerciseFolder(QObject):
    """Emits ``changed()`` when files in ``folder`` are added, changed or removed."""

    changed = Signal()

    def __init__(self, folder: Path, *, debounce_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setObjectName("exerciseFolderDebounce")
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(0, debounce_ms))
        self._connect_signals()
        self.watch()

    def _connect_signals(self) -> None:
        self._watcher.directoryChanged.connect(self.on_path_changed)
        self._watcher.fileChanged.connect(self.on_path_changed)
        self._timer.timeout.connect(self.on_settled)

    @property
    def folder(self) -> Path:
        return self._folder

    def timer(self) -> QTimer:
        """The debounce timer (for tests)."""
        return self._timer

    def watched(self) -> list[str]:
        """Every path watched now: the folder (or its parent) and its files."""
        return sorted(self._watcher.directories() + self._watcher.files())

    def watch(self) -> None:
        """Watch the folder and its current files afresh."""
        old = self._watcher.directories() + self._watcher.files()
        if old:
            self._watcher.removePaths(old)
        wanted: list[str] = []
        if self._folder.is_dir():
            wanted.append(str(self._folder))
            files, _problems = exercise_files(self._folder)
            wanted += [str(path) for path in files if path.is_file()]
        elif self._folder.parent.is_dir():
            wanted.append(str(self._folder.parent))
        if wanted:
            self._watcher.addPaths(wanted)

    @Slot(str)
    def on_path_changed(self, _path: str) -> None:
        self._timer.start()

    @Slot()
    def on_settled(self) -> None:
        self.watch()
        self.changed.emit()

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)


# --------------------------------------------------------------------------- file work


@dataclass(frozen=True, slots=True)
class Incoming:
    """A file offered for import, read and checked."""

    source: Path
    data: bytes
    exercise: Exercise | None
    problems: list[Problem]


def read_incoming(source: Path) -> Incoming:
    """Read and check a file to import (the same checks as ``steady validate``)."""
    exercise, problems = load_file(source)
    data = b""
    if exercise is not None:
        try:
            data = source.read_bytes()
        except OSError as error:
            return Incoming(source, b"", None, [Problem(
                str(source), f"cannot be read ({os_reason(error).lower()})")])
    return Incoming(source, data, exercise, problems)


def with_new_id(data: bytes, path: Path, new_id: str) -> bytes | None:
    """The file's bytes with ``new_id`` as its id, checked; None if that cannot be done."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    changed = replace_id(text, new_id)
    if changed is None:
        return None
    out = changed.encode("utf-8")
    exercise, problems = parse_exercise(out, path)
    if exercise is None or problems or exercise.id != new_id:
        return None
    return out


def make_folder(folder: Path) -> Path:
    """The exercises folder, made (private, 0700) when it is not there yet."""
    return make_private_dir(folder)


def write_exercise(target: Path, text: str) -> None:
    """Write one exercise file (0600) whole or not at all, its folder made when needed.

    Raises OSError with the old file, if any, untouched.
    """
    make_private_dir(target.parent)
    write_durable(target, text)


def copy_in(data: bytes, folder: Path, exercise_id: str, *,
            replace: Path | None = None) -> Path:
    """Write an exercise file into ``folder``: over ``replace``, else as a new file."""
    make_private_dir(folder)
    target = replace if replace is not None else free_file_name(folder, exercise_id)
    write_durable(target, data)
    return target


def export_to(exercise: Exercise, target: Path) -> None:
    """Copy the exercise's file, comments and all, to ``target`` (the person chose it)."""
    if exercise.path is None:
        raise OSError(2, "this exercise has no file")
    write_durable(target, exercise.path.read_bytes())


def move_aside(path: Path, data_dir: Path) -> Path:
    """Move an own exercise file into ``<data dir>/deleted-exercises/``; returns the new path.

    Deleting never destroys what a person wrote: the file can be moved back.
    """
    aside = make_private_dir(data_dir / DELETED_FOLDER)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        target = aside / f"{path.stem}-{stamp}{suffix}{path.suffix}"
        if not target.exists():
            path.replace(target)
            return target
    raise OSError(17, "too many deleted copies with this name")
