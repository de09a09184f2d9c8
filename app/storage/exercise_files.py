"""The person's exercise files: saved whole, never overwritten by surprise, deleted by moving aside.

The editor saves through :func:`plan_save` and :func:`save_exercise`: a new
exercise gets a file name of its own (``<id>.toml``, else ``<id>-2.toml``...),
one's own exercise is written over its file, and when its id changed the new
file is written first and the old one removed after. :func:`read_original`
and :func:`changed_since` tell whether another program changed a file while it
was open in the editor. The text itself comes from :mod:`app.domain.writer`.

Import, Export and Delete use the rest: a file offered for import is checked
like ``steady validate`` (:func:`read_incoming`) and copied in under a free
name or over the file the person chose to replace (:func:`copy_in`); Delete
moves a file into ``<data dir>/deleted-exercises/`` (:func:`move_aside`), so
what a person wrote can always be brought back.

Every write goes through :func:`app.storage.files.write_durable` (0600, whole
or not at all) into folders made private (0700). Stdlib only, no Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import count
from pathlib import Path

from app.domain.exercise import Exercise, Problem
from app.domain.loader import load_file, parse_exercise
from app.domain.reasons import os_reason
from app.domain.writer import replace_id
from app.storage.files import make_private_dir, write_durable

#: The folder, next to the exercises folder, that deleted exercise files move into.
DELETED_FOLDER = "deleted-exercises"
#: How many deleted copies of one name, deleted within the same second, are kept apart.
MAX_ASIDE = 999


# --------------------------------------------------------------------------- names and folders


def free_file_name(folder: Path, exercise_id: str) -> Path:
    """``folder/<id>.toml``, or ``<id>-2.toml``, ... : the first name not in use."""
    for number in count(1):
        name = f"{exercise_id}.toml" if number == 1 else f"{exercise_id}-{number}.toml"
        path = folder / name
        if not os.path.lexists(path):
            return path
    raise AssertionError("unreachable")  # pragma: no cover


def make_folder(folder: Path) -> Path:
    """The exercises folder, made (private, 0700) when it is not there yet."""
    return make_private_dir(folder)


def write_exercise(target: Path, text: str) -> None:
    """Write one exercise file (0600) whole or not at all, its folder made when needed.

    Raises OSError with the old file, if any, untouched.
    """
    make_private_dir(target.parent)
    write_durable(target, text)


# --------------------------------------------------------------------------- the editor's save


@dataclass(frozen=True, slots=True)
class SavePlan:
    """Where the editor writes an exercise, and the file it replaces (if any)."""

    path: Path
    #: One's own file whose id changed: removed once ``path`` is written.
    replaces: Path | None = None


def plan_save(folder: Path, exercise_id: str, *, editing: Exercise | None = None) -> SavePlan:
    """Where to save the exercise ``exercise_id``.

    ``editing`` is one's own exercise being changed in place: with the same id
    its file is written over; with a new id the exercise gets a free name and
    the old file goes once the new one is written. Anything else (a new
    exercise, a copy of Steady's or a duplicate) gets a free name in ``folder``.
    """
    if editing is not None and editing.path is not None:
        if exercise_id == editing.id:
            return SavePlan(editing.path)
        return SavePlan(free_file_name(folder, exercise_id), replaces=editing.path)
    return SavePlan(free_file_name(folder, exercise_id))


def save_exercise(plan: SavePlan, text: str) -> Exercise | None:
    """Write ``text`` as ``plan`` says; the exercise as saved, read back (None if it
    does not read, which the editor's check makes unlikely).

    Raises OSError: when writing fails nothing changed; the replaced file is
    removed only after the new one is written whole.
    """
    write_exercise(plan.path, text)
    if plan.replaces is not None and plan.replaces != plan.path:
        plan.replaces.unlink(missing_ok=True)
    saved, _problems = parse_exercise(text.encode("utf-8"), plan.path)
    return saved


def read_original(path: Path) -> bytes | None:
    """The file's bytes as they are now; None when it cannot be read (or is gone)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def changed_since(path: Path, original: bytes | None) -> bool:
    """True when the file no longer holds ``original`` (another program changed,
    removed or locked it since it was read)."""
    return read_original(path) != original


# --------------------------------------------------------------------------- import, export, delete


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


def move_aside(path: Path, data_dir: Path, *,
               clock: Callable[[], datetime] = datetime.now) -> Path:
    """Move an own exercise file into ``<data dir>/deleted-exercises/``; returns the new path.

    Deleting never destroys what a person wrote: the file can be moved back. Its
    new name carries the time (local, from ``clock``): ``calm-20260105-090000.toml``,
    then ``calm-20260105-090000-2.toml`` for another deleted in the same second.
    """
    aside = make_private_dir(data_dir / DELETED_FOLDER)
    stamp = clock().strftime("%Y%m%d-%H%M%S")
    for number in range(1, MAX_ASIDE + 1):
        suffix = "" if number == 1 else f"-{number}"
        target = aside / f"{path.stem}-{stamp}{suffix}{path.suffix}"
        if not target.exists():
            path.replace(target)
            return target
    raise OSError(17, "too many deleted copies with this name")
