"""The data folder is Steady's own, and only that.

Steady makes its data folder private (0700) the first time it writes there.
That is right for a folder it made, and wrong for one that belongs to
something else: ``--data-dir /tmp`` must not turn a shared folder into a
private one, nor mix the log in with someone's documents. So before anything
is written, :func:`check_data_dir` looks at the folder it was given:

- a folder that does not exist yet is fine (Steady makes it);
- an empty folder of this account's, not shared with others, is fine;
- a folder holding Steady's own files (the log, the settings, the exercises
  folder...) is Steady's, whatever else was put in it later;
- anything else is refused with a plain message: a shared folder (anyone may
  write in it, like ``/tmp``), another account's folder, or one holding other
  files.

:func:`check_own_file` refuses a name Steady keeps (the log, ``settings.json``)
when a pipe, a socket or a device has taken it: opening one of those could
wait for ever. Stdlib only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.storage.errors import StorageError
from app.storage.files import TemporaryNotes, os_reason

#: Where exports under way are noted (see :class:`app.storage.files.TemporaryNotes`).
EXPORTS_UNDER_WAY = "exports-under-way"
#: Where sessions are kept when the log cannot take them (app.storage.recovery).
RECOVERY_FOLDER = "recovery"

#: Names only Steady puts in its data folder: one of them makes a folder Steady's.
OWN_NAMES = frozenset({
    "steady.sqlite3", "settings.json", "exercises", "backups", "deleted-exercises",
    RECOVERY_FOLDER, EXPORTS_UNDER_WAY, "coping-plan.json",
})
#: Names Steady's files may start with (side files, copies kept aside, temporary files).
OWN_PREFIXES = ("steady.sqlite3", "settings.json", ".settings.json.", ".steady.sqlite3",
                "coping-plan.json", ".coping-plan.json.")


class DataFolderError(StorageError):
    """The data folder (or a file Steady keeps in it) cannot be used; nothing was changed.

    ``reason`` is the problem alone, to fit inside another sentence.
    """

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


def not_a_folder_message(data_dir: Path) -> str:
    """What to say when the data folder's name is taken by a file."""
    return (f"Steady's data folder {data_dir} is a file, not a folder. Nothing was changed. "
            "Move that file elsewhere, or choose another folder with --data-dir.")


def is_own_name(name: str) -> bool:
    return name in OWN_NAMES or name.startswith(OWN_PREFIXES)


def _listing(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError as error:
        raise DataFolderError(
            f"Steady's data folder {folder} cannot be read ({os_reason(error)}). "
            "Nothing was changed.") from error


def check_data_dir(folder: Path) -> None:
    """Raise :class:`DataFolderError` when ``folder`` is not Steady's to use.

    Reads only: it never creates, changes or opens a file.
    """
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        return
    except OSError as error:
        raise DataFolderError(f"Steady's data folder {folder} cannot be used "
                              f"({os_reason(error)}). Nothing was changed.") from error
    if not stat.S_ISDIR(info.st_mode):
        raise DataFolderError(not_a_folder_message(folder))
    names = _listing(folder)
    ours = any(is_own_name(name) for name in names)
    choose = "Choose a new or empty folder of your own with --data-dir."
    if os.name == "posix" and info.st_uid != os.getuid():
        raise DataFolderError(
            f"{folder} belongs to another user account, so Steady will not keep its data "
            f"there. Nothing was changed. {choose}")
    if info.st_mode & stat.S_ISVTX:
        raise DataFolderError(
            f"{folder} is a folder shared by every account on this computer (like /tmp), "
            f"so Steady will not keep your data there. Nothing was changed. {choose}")
    if ours:
        return
    if os.name == "posix" and info.st_mode & stat.S_IWOTH:
        raise DataFolderError(
            f"{folder} is a folder anyone on this computer may write in, so Steady will "
            f"not keep your data there. Nothing was changed. {choose}")
    if names:
        shown = ", ".join(repr(name) for name in names[:3])
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        raise DataFolderError(
            f"{folder} already holds other things ({shown}{more}) and none of Steady's "
            "files, so it is not Steady's data folder; Steady keeps its data in a folder "
            f"of its own and will not change this one. Nothing was changed. {choose}")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "something other than a file"


def not_a_file(path: Path, what: str, mode: int) -> DataFolderError:
    """The error for one of Steady's names taken by a pipe, a socket, a device..."""
    reason = f"{path} is {_kind(mode)}, not a file"
    return DataFolderError(
        f"{what[0].upper()}{what[1:]} {reason}, so Steady did not open it. Nothing was "
        "changed. Move it elsewhere and start Steady again.", reason)


def odd_kind(path: Path) -> str | None:
    """What ``path`` is when it exists and is not a regular file ("a named pipe"), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else _kind(mode)


def check_own_file(path: Path, what: str) -> None:
    """Raise :class:`DataFolderError` when ``path`` exists but is not a regular file.

    ``what`` names it for people ("your settings file"). A pipe, a socket or a
    device is refused here, before anything opens it.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (or unreadable): the caller's open says what it must
    if not stat.S_ISREG(mode):
        raise not_a_file(path, what, mode)


def read_own_file(path: Path, what: str, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of ``path``, which must be a regular file.

    Opened without waiting (a pipe put there in the meantime cannot hold the
    read up), then checked: anything but a regular file raises
    :class:`DataFolderError`. ``OSError`` as ``open`` raises it otherwise.
    """
    check_own_file(path, what)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise not_a_file(path, what, mode)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(descriptor, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def export_notes(data: Path) -> TemporaryNotes:
    """Where exports under way are noted, so a killed one's leftover can be removed."""
    return TemporaryNotes(Path(data) / EXPORTS_UNDER_WAY)
