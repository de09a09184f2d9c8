"""The coping plan file: ``coping-plan.json`` in the data folder, private, written durably.

``{"version": 1, "warning_signs": [...], "exercises": [...], ...}``: one list of
text per field of :class:`app.domain.plan.CopingPlan`. Written through
:func:`app.storage.files.write_durable` (0600; a crash leaves the old file or
the new one). Keys this version does not know (a newer Steady's) are carried
over on save, as in the settings file.

Reading never loses a word: a missing file is an empty plan; a file that is
not a plan (not JSON, a field that is not a list of text) is kept aside as
``coping-plan.json.damaged-YYYYmmdd-HHMMSS`` (copied, for a field; moved, for a
file that cannot be read at all) before anything else is written, and the
person is told. :meth:`FilePlanStore.delete` ("delete everything") removes the
plan and those copies. Stdlib only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from app.domain.errors import StorageError
from app.domain.plan import FIELDS, CopingPlan
from app.storage.datadir import DataFolderError, check_own_file, read_own_file
from app.storage.files import make_private_dir, os_reason, remove_leftovers, write_durable

PLAN_NAME = "coping-plan.json"
#: The plan file's format; raise it (and read the old one) when a field changes meaning.
PLAN_VERSION = 1
DAMAGED_MARK = ".damaged-"
#: A plan is a few kilobytes; anything far bigger is not one.
MAX_BYTES = 4_000_000
#: How messages name the file.
WHAT = "your coping plan"

Clock = Callable[[], datetime]


def plan_path(data_dir: Path) -> Path:
    return Path(data_dir) / PLAN_NAME


# ---------------------------------------------------------------------- to and from JSON


def plan_to_json(plan: CopingPlan) -> dict[str, object]:
    """``plan`` as plain JSON values, with its version first."""
    return {"version": PLAN_VERSION, **{name: list(getattr(plan, name)) for name in FIELDS}}


def plan_from_json(data: Mapping[str, object]) -> tuple[CopingPlan, list[str]]:
    """The plan in ``data``, and the fields that could not be read (left empty).

    A field is a list of text; entries that are blank are left out. Unknown keys
    are ignored here (and carried over when saving).
    """
    values: dict[str, tuple[str, ...]] = {}
    bad: list[str] = []
    for name in FIELDS:
        value = data.get(name, [])
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            values[name] = tuple(item.strip() for item in value if item.strip())
        else:
            bad.append(name)
    return CopingPlan(**values), bad


def plan_problems(data: object) -> list[str]:
    """What is wrong with ``data`` as a plan (for an import: nothing is then written)."""
    if not isinstance(data, Mapping):
        return ["the plan must be an object of lists of text"]
    version = data.get("version", PLAN_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return [f"the plan's version {version!r} is not one Steady wrote"]
    if version > PLAN_VERSION:
        return [f"the plan was written by a newer Steady (plan version {version}); "
                "update Steady"]
    _, bad = plan_from_json(data)
    return [f"the plan's {name} must be a list of text" for name in bad]


# ---------------------------------------------------------------------- the file


def _stamp(clock: Clock) -> str:
    return clock().strftime("%Y%m%d-%H%M%S")


def _free_copy_name(path: Path, clock: Clock) -> Path:
    base = path.with_name(path.name + DAMAGED_MARK + _stamp(clock))
    target, n = base, 1
    while os.path.lexists(target):
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    return target


class FilePlanStore:
    """The plan in ``data_dir``. Implements :class:`app.domain.plan.PlanStore`.

    ``notice`` says, in plain words, what :meth:`load` found wrong with the file
    ("" when all was well), for the page to show.
    """

    def __init__(self, data_dir: Path, *, clock: Clock = datetime.now) -> None:
        self.data_dir = Path(data_dir)
        self.path = plan_path(self.data_dir)
        self._clock = clock
        self.notice = ""

    def _read(self) -> bytes | None:
        """The file's bytes; None when there is no plan yet. Raises StorageError."""
        try:
            return read_own_file(self.path, WHAT, MAX_BYTES)
        except FileNotFoundError:
            return None
        except DataFolderError as error:
            raise StorageError(f"Your coping plan could not be read ({error.reason}).") \
                from error
        except OSError as error:
            raise StorageError(f"Your coping plan could not be read ({os_reason(error)}).") \
                from error

    def load(self) -> CopingPlan:
        """The plan as saved (empty when there is none). Raises StorageError when the
        file cannot be read at all; a file that is not a plan is kept aside first."""
        self.notice = ""
        raw = self._read()
        if raw is None:
            return CopingPlan()
        data: object = None
        if len(raw) <= MAX_BYTES:
            try:
                data = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                data = None
        if not isinstance(data, dict):
            kept = self._keep_aside(raw, move=True)
            self.notice = (f"Your coping plan file could not be read, so the plan starts "
                           f"empty. The file was kept as {kept.name}.")
            return CopingPlan()
        plan, bad = plan_from_json(data)
        if bad:
            kept = self._keep_aside(raw, move=False)
            self.notice = ("Part of your coping plan could not be read (" + ", ".join(bad)
                           + f"). The file as it was is kept as {kept.name}.")
        return plan

    def peek(self) -> CopingPlan | None:
        """The plan as saved, or None when there is none, changing nothing (for an
        export). Raises StorageError when the file cannot be read as a plan."""
        raw = self._read()
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_BYTES else None
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            raise StorageError("Your coping plan could not be read (the file is not a plan).")
        problems = plan_problems(data)
        if problems:
            raise StorageError(f"Your coping plan could not be read ({problems[0]}).")
        return plan_from_json(data)[0]

    def _keep_aside(self, raw: bytes, *, move: bool) -> Path:
        target = _free_copy_name(self.path, self._clock)
        try:
            if move:
                os.replace(self.path, target)
                if os.name == "posix":
                    os.chmod(target, 0o600)
            else:
                write_durable(target, raw)
        except OSError as error:
            raise StorageError(f"Your coping plan could not be read, and could not be kept "
                               f"aside ({os_reason(error)}); it was left as it is.") from error
        return target

    def _carried_over(self) -> dict[str, object]:
        """Keys of the file on disk this version does not know (a newer Steady's)."""
        try:
            raw = self._read()
            data = json.loads(raw.decode("utf-8")) if raw is not None else None
        except (StorageError, UnicodeDecodeError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict):
            return {}
        known = {"version", *FIELDS}
        return {key: value for key, value in data.items()
                if isinstance(key, str) and key not in known}

    def save(self, plan: CopingPlan) -> None:
        """Write ``plan`` (0600) whole or not at all; raises StorageError, the old file kept."""
        try:
            check_own_file(self.path, WHAT)
            make_private_dir(self.data_dir)
            document = {**self._carried_over(), **plan_to_json(plan)}
            write_durable(self.path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        except DataFolderError as error:
            raise StorageError(f"Could not save your coping plan ({error.reason}). What you "
                               "wrote is still on screen.") from error
        except OSError as error:
            raise StorageError(f"Could not save your coping plan ({os_reason(error)}). What "
                               "you wrote is still on screen.") from error

    def delete(self) -> None:
        """Remove the plan, the copies kept aside and any half-written temporary file."""
        for item in plan_copies(self.data_dir):
            try:
                item.unlink()
            except FileNotFoundError:
                continue
            except OSError as error:
                raise StorageError(f"Could not delete your coping plan "
                                   f"({os_reason(error)}).") from error
        remove_leftovers(self.path)


def plan_copies(data_dir: Path) -> list[Path]:
    """The plan file and every copy of it kept aside, as they are in ``data_dir``."""
    try:
        names = os.listdir(data_dir)
    except OSError:
        return []
    found = [Path(data_dir) / name for name in names
             if name == PLAN_NAME or name.startswith(PLAN_NAME + DAMAGED_MARK)]
    return sorted(path for path in found if not path.is_dir() or path.is_symlink())
