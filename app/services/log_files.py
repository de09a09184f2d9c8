"""Exports and reports from the window, written with the command line's own code.

History's "Export…" and "Save report…" write where the person chose, by the
same rules and functions as ``steady export -o`` and ``steady report -o``
(:mod:`app.storage.out_files`): never over Steady's own files or inside its
data folder, whole or not at all, readable only by the person. A problem
comes back as a :class:`~app.domain.errors.StorageError` whose message says
plainly what happened and that nothing was written, so a screen can show it
without knowing storage.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from app.domain.errors import StorageError
from app.domain.plan import CopingPlan, PlanStore
from app.domain.session import SessionStore
from app.storage.datadir import export_notes
from app.storage.files import os_reason
from app.storage.out_files import Refused, prepare_target, write_export, write_private

ExportFormat = Literal["csv", "json"]


class LogFiles:
    """Writes exports and reports of ``store`` for the data folder ``data_dir``."""

    def __init__(self, store: SessionStore, data_dir: Path,
                 plans: Callable[[], PlanStore] | None = None) -> None:
        self.store = store
        self.data_dir = data_dir
        self._plans = plans

    def export(self, path: Path, fmt: ExportFormat) -> int:
        """The whole log (and, as JSON, the coping plan) to ``path``; how many sessions.

        Raises StorageError with a plain message when nothing could be written.
        """
        target = self._target(path, "steady-export." + fmt)
        records = list(reversed(self.store.sessions()))  # oldest first, as `steady export`
        plan = self._plan() if fmt == "json" else None
        try:
            return write_export(target, self.data_dir, records, fmt, plan)
        except OSError as error:
            raise StorageError(f"Could not write {path}: {os_reason(error)}. Nothing was "
                               "written.") from error

    def write_report(self, path: Path, payload: bytes) -> None:
        """A report's bytes to ``path``, as ``steady report -o`` writes them."""
        target = self._target(path, "steady-report.pdf")
        try:
            write_private(target, payload, export_notes(self.data_dir))
        except OSError as error:
            raise StorageError(f"Could not write {path}: {os_reason(error)}. Nothing was "
                               "written.") from error

    def _target(self, path: Path, example: str) -> Path:
        try:
            return prepare_target(path, self.data_dir, example=example)
        except Refused as refused:
            text = str(refused)
            raise StorageError(text[:1].upper() + text[1:]) from refused

    def _plan(self) -> CopingPlan | None:
        if self._plans is None:
            return None
        plan = self._plans().load()
        return None if plan.is_empty() else plan
