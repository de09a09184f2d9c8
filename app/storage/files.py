"""Writing a file so that a crash leaves the old one or the new one, never half of one.

:func:`write_durable` is the one way Steady writes a whole file (settings,
exercise files, exports): a temporary file in the same folder, ``fsync``, the
file's mode (0600 unless told), ``os.replace`` over the target, then ``fsync``
of the folder so the rename itself survives a power cut. The temporary file's
name starts with a dot and ends in ``.tmp``, so no folder scan mistakes it for
an exercise, and a leftover one (the process was killed mid-write) can be
found and removed (:func:`remove_leftovers`).

:func:`make_private_dir` makes the folders Steady writes in: new ones 0700, an
existing one keeps only its owner's permissions. Stdlib only.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.domain.reasons import os_reason

__all__ = [
    "TEMP_SUFFIX",
    "TemporaryNotes",
    "durable_file",
    "is_temporary_for",
    "make_private_dir",
    "os_reason",
    "remove_leftovers",
    "sync_folder",
    "temporary_name",
    "write_durable",
]

#: Every temporary file Steady writes ends so; its name starts with a dot.
TEMP_SUFFIX = ".tmp"

#: Called with a temporary file's path just before it is created (to note it down).
TempHook = Callable[[Path], None]


def temporary_name(path: Path) -> Path:
    """A fresh temporary name beside ``path``: ``.<name>.<pid>-<random>.tmp``."""
    return path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}")


def is_temporary_for(candidate: Path, path: Path) -> bool:
    """True when ``candidate`` is named like a temporary file written for ``path``."""
    name = candidate.name
    return (candidate.parent == path.parent and name.startswith(f".{path.name}.")
            and name.endswith(TEMP_SUFFIX))


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; elsewhere there is nothing to do).

    Some file systems cannot sync a folder; the file itself is synced already.
    """
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def durable_file(path: Path, *, mode: int = 0o600,
                 on_temporary: TempHook | None = None) -> Iterator[BinaryIO]:
    """A binary handle whose bytes replace ``path`` whole when the block ends well.

    On any error (in the block or while finishing) the temporary file is removed,
    ``path`` is left exactly as it was, and the error is raised.
    """
    temporary = temporary_name(path)
    if on_temporary is not None:
        on_temporary(temporary)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(path.parent)


def write_durable(path: Path, data: str | bytes, *, mode: int = 0o600,
                  on_temporary: TempHook | None = None) -> None:
    """Write ``data`` (text as UTF-8, line ends as given) to ``path`` all at once.

    The folder must exist. Raises ``OSError`` with the old file untouched.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with durable_file(path, mode=mode, on_temporary=on_temporary) as handle:
        handle.write(payload)


def remove_leftovers(path: Path) -> list[Path]:
    """Remove temporary files a killed write left beside ``path``; returns those removed.

    Only regular files named like :func:`temporary_name` of ``path`` whose
    process is gone are removed: a write still under way is left alone.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        candidate = path.parent / name
        if not is_temporary_for(candidate, path) or _writer_alive(candidate, path):
            continue
        try:
            if stat.S_ISREG(os.lstat(candidate).st_mode):
                os.unlink(candidate)
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _writer_alive(candidate: Path, path: Path) -> bool:
    """True when the process named in a temporary file's name still runs (not ours)."""
    middle = candidate.name[len(path.name) + 2: -len(TEMP_SUFFIX)]
    pid_text = middle.split("-", 1)[0]
    if not pid_text.isdigit() or not pid_text.isascii():
        return False
    return _alive(int(pid_text))


def _alive(pid: int) -> bool:
    """True when process ``pid`` runs (this one included: its writes may be under way)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another account's process: leave its file alone
    except (ProcessLookupError, OverflowError):
        return False
    return True


class TemporaryNotes:
    """Notes, in a folder of Steady's own, of temporary files being written elsewhere.

    An export goes to a place the person chose; if Steady is killed while
    writing it, the half-written temporary file would stay there, out of sight,
    holding their sessions. Each such file is noted here (one small note per
    file, naming the process and the path) until it is gone, so the next export,
    or "delete everything", can remove what a killed one left.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def note(self, temporary: Path) -> Path | None:
        """Note ``temporary``; None when the note cannot be written (then it is not kept)."""
        note = self.folder / f"{os.getpid()}-{os.urandom(4).hex()}"
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            write_durable(note, os.fsencode(temporary))
        except OSError:
            return None
        return note

    def forget(self, note: Path | None) -> None:
        """The noted file is gone (written whole, or removed): the note goes too, and the
        notes' folder when it is empty."""
        if note is not None:
            with contextlib.suppress(OSError):
                os.unlink(note)
            with contextlib.suppress(OSError):
                os.rmdir(self.folder)

    def clean(self) -> list[Path]:
        """Remove every noted file whose writer is gone; returns the files removed."""
        removed: list[Path] = []
        try:
            notes = sorted(os.listdir(self.folder))
        except OSError:
            return removed
        for name in notes:
            pid_text = name.split("-", 1)[0]
            if name.startswith(".") or not (pid_text.isascii() and pid_text.isdigit()):
                continue
            if _alive(int(pid_text)):
                continue
            note = self.folder / name
            try:
                with open(note, "rb") as handle:
                    target = Path(os.fsdecode(handle.read(64 * 1024)))
            except OSError:
                continue
            if target.name.startswith(".") and target.name.endswith(TEMP_SUFFIX):
                try:
                    if stat.S_ISREG(os.lstat(target).st_mode):
                        os.unlink(target)
                        removed.append(target)
                except FileNotFoundError:
                    pass
                except OSError:
                    continue  # kept, to try again next time
            self.forget(note)
        with contextlib.suppress(OSError):
            os.rmdir(self.folder)  # only when empty
        return removed


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable only by its owner; returns it.

    New folders are 0700. An existing one loses its group and other permissions
    and keeps the rest (a folder someone made read-only stays so).
    """
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
    if os.name == "posix":
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            os.chmod(path, current & ~0o077)
    return path
