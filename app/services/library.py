"""The exercises in use, as one object the screens share.

:class:`LibraryService` holds the current :class:`~app.domain.loader.Library`
and reads it again on request (the person's folder changed, the editor saved a
file). Whoever shows exercises listens to ``changed`` instead of being told by
whoever reloaded them, so the launcher, Settings' exercise list and the editor
never disagree about what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app import paths
from app.domain.loader import Library, load_library


def folder_loader(data_dir: Path) -> Callable[[], Library]:
    """Reads Steady's own exercises and those in ``data_dir``'s exercises folder."""
    return lambda: load_library(paths.bundled_exercises_dir(), paths.user_exercises_dir(data_dir))


class LibraryService(QObject):
    """The library in use; ``changed(library)`` after each :meth:`reload`."""

    changed = Signal(object)  # the Library now in use

    def __init__(self, library: Library, load: Callable[[], Library] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._load = load

    @property
    def library(self) -> Library:
        return self._library

    def reload(self) -> Library:
        """Read the exercises again (when there is somewhere to read them from)."""
        if self._load is not None:
            self._library = self._load()
            self.changed.emit(self._library)
        return self._library
