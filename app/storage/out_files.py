"""Files Steady writes where the person chooses: exports and reports.

The same rules for every such file, from the command line and from the
window: never one of Steady's own files or anything in its data folder, never
a folder or a device (:func:`export_target`); written whole or not at all,
readable only by the person (:func:`write_private`), its temporary file noted
in the data folder while it is written so a killed write's leftover is
removed next time (:func:`prepare_target`). Stdlib only.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from app.domain.plan import CopingPlan
from app.domain.session import SessionRecord
from app.storage.datadir import export_notes
from app.storage.db import SIDE_SUFFIXES, database_path
from app.storage.exchange import export_records
from app.storage.files import TemporaryNotes, os_reason, remove_leftovers, write_durable
from app.storage.plan import plan_path
from app.storage.records import Format
from app.storage.settings import settings_path


class Refused(Exception):
    """A file that would harm something; nothing was written. The message says why."""


def steady_files(data: Path) -> list[Path]:
    """Steady's own files in ``data``; any of them may be a link to a file elsewhere."""
    log = database_path(data)
    return [*(log.with_name(log.name + s) for s in ("", *SIDE_SUFFIXES)), settings_path(data),
            plan_path(data)]


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _steady_own(real: Path, data: Path) -> str | None:
    """Why ``real`` (fully resolved) is Steady's own: in the data folder, or its file.

    Compared by resolved path, then by the files themselves, which also catches a
    folder spelt with other capitals on a case-insensitive disk, or a hard link.
    """
    folder = Path(os.path.realpath(data))
    inside = f"is inside Steady's data folder {data}; choose a place outside that folder"
    if real == folder:
        return "is Steady's data folder; choose a place outside it"
    if folder in real.parents:
        return inside
    for own in steady_files(data):
        if real == Path(os.path.realpath(own)) or _same(real, own):
            return f"is one of Steady's own files ({own}); choose another name"
    if any(_same(place, folder) for place in (real, *real.parents)):
        return inside
    return None


def export_target(path: Path, data: Path, *, example: str = "steady-export.csv") -> Path:
    """The file ``export -o path`` writes: ``path``, or the file a link at it points to.

    Raises :class:`Refused` for one of Steady's own files (the log, its side files,
    anything in the data folder) and for anything that is not an ordinary file.
    """
    real = Path(os.path.realpath(path))
    reason = _steady_own(real, data)
    if reason:
        raise Refused(f"{path} {reason}. Nothing was written.")
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real
    except OSError as error:
        raise Refused(f"could not write {path}: {os_reason(error)}") from error
    if stat.S_ISDIR(mode):
        raise Refused(f"{path} is a folder; give a file name, like "
                      f"{path / example}. Nothing was written.")
    if not stat.S_ISREG(mode):
        raise Refused(f"{path} is not an ordinary file (a pipe or a device, say), so Steady "
                      "will not replace it. Nothing was written.")
    return real


def write_private(path: Path, text: str | bytes, notes: TemporaryNotes | None = None) -> None:
    """Write ``text`` to ``path`` (0600) durably, whole or not at all.

    With ``notes``, the temporary file is noted in the data folder while it is
    written, so a killed export's leftover can be found and removed.
    """
    noted: list[Path | None] = []

    def note(temporary: Path) -> None:
        if notes is not None:
            noted.append(notes.note(temporary))

    try:
        write_durable(path, text, on_temporary=note)
    finally:
        if notes is not None:
            for each in noted:
                notes.forget(each)


def holds_something(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def prepare_target(path: Path, data: Path, *, example: str = "steady-export.csv") -> Path:
    """The file to write for ``path`` (see :func:`export_target`), with what an earlier
    write killed half-way left behind removed first."""
    target = export_target(path, data, example=example)
    export_notes(data).clean()
    remove_leftovers(target)
    return target


def write_export(target: Path, data: Path, records: Iterable[SessionRecord], fmt: Format,
                 plan: CopingPlan | None = None) -> int:
    """Write an export of ``records`` (oldest first) and ``plan`` to ``target`` (from
    :func:`prepare_target`) as ``steady export`` does; returns how many sessions."""
    buffer = io.StringIO(newline="")
    count = export_records(records, buffer, fmt, plan)
    write_private(target, buffer.getvalue(), export_notes(data))
    return count
