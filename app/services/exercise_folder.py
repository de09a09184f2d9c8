"""The person's exercises folder: noticing changes, and copying files in and out.

:class:`ExerciseFolder` watches ``<data dir>/exercises`` with a
QFileSystemWatcher and emits ``changed()`` once things settle (a parented
single-shot QTimer gathers a burst of events into one). It watches the folder
for files added, renamed or removed, and every ``*.toml`` file in it for edits;
an editor that saves by replacing the file drops the old file's watch, so each
re-scan watches the current files afresh. When the folder does not exist yet,
its parent is watched until it appears.

The file work (the editor's Save, the launcher's Import, Export and Delete)
is :mod:`app.storage.exercise_files`, without Qt; the screens reach it through
this module, as they reach no storage module directly. It never overwrites a
file the person did not choose, and Delete moves the file aside into
``<data dir>/deleted-exercises/`` instead of destroying it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from app.domain.loader import exercise_files
from app.storage.exercise_files import (
    DELETED_FOLDER,
    Incoming,
    SavePlan,
    changed_since,
    copy_in,
    export_to,
    make_folder,
    move_aside,
    plan_save,
    read_incoming,
    read_original,
    save_exercise,
    with_new_id,
    write_exercise,
)

__all__ = [
    "DEBOUNCE_MS",
    "DELETED_FOLDER",
    "ExerciseFolder",
    "Incoming",
    "SavePlan",
    "changed_since",
    "copy_in",
    "export_to",
    "make_folder",
    "move_aside",
    "plan_save",
    "read_incoming",
    "read_original",
    "save_exercise",
    "with_new_id",
    "write_exercise",
]

#: Quiet time after the last file event before ``changed`` is emitted.
DEBOUNCE_MS = 250


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
