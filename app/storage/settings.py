"""The settings file: ``settings.json`` in the data folder, private, written atomically.

``load_settings(data_dir)`` never fails: a missing file gives the defaults; a
field with the wrong type falls back to its default on its own, and a copy of
the file as it was is written beside it first (the next save would drop what
could not be read); a file that is not JSON is kept aside as
``settings.json.damaged-YYYYmmdd-HHMMSS`` (never deleted) and the defaults are
used, with a notice for the person. A phone number written without quotes is
read as text.

``save_settings(data_dir, settings)`` writes through
:func:`app.storage.files.write_durable`, so a crash leaves either the old file
or the new one, never half of each. Keys this version does not know (written by a
newer Steady) are carried over, so going back and forth between versions loses
nothing. Stdlib only.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from collections.abc import Callable, Mapping
from datetime import datetime, time
from pathlib import Path

from app.domain.errors import SettingsError
from app.domain.reminders import MAX_TIMES, Reminders
from app.domain.settings import (
    HEALTH_CONDITIONS,
    SETTINGS_NAME,
    THEMES,
    Contact,
    Settings,
    SettingsNotice,
    Theme,
)
from app.storage.datadir import DataFolderError, check_own_file, read_own_file
from app.storage.files import make_private_dir, os_reason, sync_folder, write_durable

#: How messages name the file.
WHAT = "your settings file"
#: The settings file format; raise it (and read the old one) when a field changes meaning.
SETTINGS_VERSION = 1
DAMAGED_MARK = ".damaged-"
#: A settings file is a few kilobytes; anything far bigger is not ours.
MAX_BYTES = 1_000_000
TEXT_SCALE_MIN = 1.0
TEXT_SCALE_MAX = 2.0
MAX_CONTACTS = 50
NAME_LIMIT = 100
NUMBER_LIMIT = 60
NOTE_LIMIT = 300
EXERCISE_ID_LIMIT = 100

Clock = Callable[[], datetime]


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_NAME


# ---------------------------------------------------------------------- to and from JSON


def to_json_dict(settings: Settings) -> dict[str, object]:
    """``settings`` as plain JSON values, with the format version first."""
    return {
        "version": SETTINGS_VERSION,
        "sound": settings.sound,
        "volume": settings.volume,
        "spoken_cues": settings.spoken_cues,
        "reduced_motion": settings.reduced_motion,
        "lead_in": settings.lead_in,
        "theme": settings.theme,
        "text_scale": settings.text_scale,
        "default_exercise": settings.default_exercise,
        "health": sorted(settings.health),
        "contacts": [{"name": c.name, "number": c.number, "note": c.note}
                     for c in settings.contacts],
        "keep_in_tray": settings.keep_in_tray,
        "first_run_done": settings.first_run_done,
        "reminders": reminders_to_json(settings.reminders),
    }


def _clock_text(moment: time | None) -> str | None:
    return None if moment is None else f"{moment.hour:02d}:{moment.minute:02d}"


def reminders_to_json(reminders: Reminders) -> dict[str, object]:
    """The practice reminders as plain JSON values: times as "HH:MM", days 0 (Monday)
    to 6."""
    return {
        "enabled": reminders.enabled,
        "days": sorted(reminders.days),
        "times": [_clock_text(moment) for moment in reminders.sorted_times()],
        "quiet_from": _clock_text(reminders.quiet_from),
        "quiet_to": _clock_text(reminders.quiet_to),
        "exercise": reminders.exercise,
    }


def _clock(value: object) -> time | None:
    """"HH:MM" as a time of day; None for anything else."""
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        return None
    hours, minutes = value[:2], value[3:]
    if not (hours.isascii() and hours.isdigit() and minutes.isascii() and minutes.isdigit()):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return time(int(hours), int(minutes))


def reminders_from_json(value: object) -> Reminders | None:
    """Practice reminders from the file; None when anything in them cannot be read (then
    they stay off: a reminder nobody chose must never come)."""
    if not isinstance(value, Mapping):
        return None
    enabled, days, times = value.get("enabled"), value.get("days"), value.get("times")
    exercise = value.get("exercise", "")
    if not isinstance(enabled, bool) or not isinstance(days, list) or not isinstance(
            times, list) or not isinstance(exercise, str) or len(exercise) > EXERCISE_ID_LIMIT:
        return None
    if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days):
        return None
    clocks = [_clock(t) for t in times]
    quiet = [value.get("quiet_from"), value.get("quiet_to")]
    quiet_clocks = [_clock(q) for q in quiet]
    if (None in clocks or len(set(clocks)) > MAX_TIMES
            or any(q is not None and c is None for q, c in zip(quiet, quiet_clocks,
                                                                strict=True))):
        return None
    return Reminders(enabled=enabled, days=frozenset(days),
                     times=tuple(sorted({c for c in clocks if c is not None})),
                     quiet_from=quiet_clocks[0], quiet_to=quiet_clocks[1],
                     exercise=exercise.strip())


KNOWN_KEYS = frozenset(to_json_dict(Settings()))


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _clean_text(value: object, limit: int, *, digits_ok: bool = False) -> str | None:
    if digits_ok and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)  # a phone number written without quotes
    if not isinstance(value, str):
        return None
    return " ".join(value.split())[:limit]


def _contact(value: object) -> Contact | None:
    if not isinstance(value, Mapping):
        return None
    name = _clean_text(value.get("name", ""), NAME_LIMIT)
    number = _clean_text(value.get("number", ""), NUMBER_LIMIT, digits_ok=True)
    note = _clean_text(value.get("note", ""), NOTE_LIMIT)
    if name is None or number is None or note is None:
        return None
    if not name:
        name = number
    if not name:
        return None
    return Contact(name=name, number=number, note=note)


class _Reader:
    """Reads one field at a time; a bad field keeps its default and is noted."""

    def __init__(self, data: Mapping[str, object]) -> None:
        self.data = data
        self.defaults = Settings()
        self.bad: list[str] = []

    def _present(self, key: str) -> bool:
        return key in self.data

    def flag(self, key: str) -> bool:
        default: bool = getattr(self.defaults, key)
        if not self._present(key):
            return default
        value = self.data[key]
        if isinstance(value, bool):
            return value
        self.bad.append(key)
        return default

    def volume(self) -> float:
        if not self._present("volume"):
            return self.defaults.volume
        number = _number(self.data["volume"])
        if number is None:
            self.bad.append("volume")
            return self.defaults.volume
        return min(1.0, max(0.0, number))

    def text_scale(self) -> float:
        if not self._present("text_scale"):
            return self.defaults.text_scale
        number = _number(self.data["text_scale"])
        if number is None:
            self.bad.append("text_scale")
            return self.defaults.text_scale
        return round(min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, number)), 2)

    def theme(self) -> Theme:
        if not self._present("theme"):
            return self.defaults.theme
        value = self.data["theme"]
        for theme in THEMES:
            if value == theme:
                return theme
        self.bad.append("theme")
        return self.defaults.theme

    def default_exercise(self) -> str:
        if not self._present("default_exercise"):
            return self.defaults.default_exercise
        value = self.data["default_exercise"]
        if isinstance(value, str) and value.strip() and len(value) <= EXERCISE_ID_LIMIT:
            return value.strip()
        self.bad.append("default_exercise")
        return self.defaults.default_exercise

    def health(self) -> frozenset[str]:
        if not self._present("health"):
            return self.defaults.health
        value = self.data["health"]
        if not isinstance(value, list):
            self.bad.append("health")
            return self.defaults.health
        known = {item for item in value if isinstance(item, str) and item in HEALTH_CONDITIONS}
        if len(known) != len({repr(item) for item in value}):
            self.bad.append("health")
        return frozenset(known)

    def contacts(self) -> tuple[Contact, ...]:
        if not self._present("contacts"):
            return self.defaults.contacts
        value = self.data["contacts"]
        if not isinstance(value, list):
            self.bad.append("contacts")
            return self.defaults.contacts
        found = [_contact(item) for item in value[:MAX_CONTACTS]]
        kept = tuple(contact for contact in found if contact is not None)
        if len(kept) != len(value):  # one unreadable, or more than Steady shows
            self.bad.append("contacts")
        return kept

    def reminders(self) -> Reminders:
        if not self._present("reminders"):
            return self.defaults.reminders
        found = reminders_from_json(self.data["reminders"])
        if found is None:
            self.bad.append("reminders")
            return self.defaults.reminders
        return found


def from_json_dict(data: Mapping[str, object]) -> tuple[Settings, tuple[str, ...]]:
    """Settings from a parsed file, and the names of fields that fell back to defaults.

    Unknown keys are ignored. A field of the wrong type keeps its default; a
    number out of range is brought into range; unknown health conditions and
    unusable contacts are left out (and reported).
    """
    read = _Reader(data)
    settings = Settings(
        sound=read.flag("sound"),
        volume=read.volume(),
        spoken_cues=read.flag("spoken_cues"),
        reduced_motion=read.flag("reduced_motion"),
        lead_in=read.flag("lead_in"),
        theme=read.theme(),
        text_scale=read.text_scale(),
        default_exercise=read.default_exercise(),
        health=read.health(),
        contacts=read.contacts(),
        keep_in_tray=read.flag("keep_in_tray"),
        first_run_done=read.flag("first_run_done"),
        reminders=read.reminders(),
    )
    return settings, tuple(read.bad)


# ---------------------------------------------------------------------- load and save


def _timestamp(clock: Clock) -> str:
    return clock().strftime("%Y%m%d-%H%M%S")


def _keep_aside(path: Path, clock: Clock) -> Path:
    """Rename ``path`` to ``<name>.damaged-<time>`` (a free name), 0600. Returns the new path."""
    base = path.with_name(path.name + DAMAGED_MARK + _timestamp(clock))
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    os.replace(path, target)
    if os.name == "posix":
        os.chmod(target, 0o600)
    sync_folder(target.parent)
    return target


def _copy_aside(path: Path, raw: bytes, clock: Clock) -> Path:
    """Write ``raw`` (the file as read) to a free ``<name>.damaged-<time>``, 0600; or,
    when an earlier start kept the very same bytes aside, name that copy (one copy,
    not one per start, of a file that stays as it is)."""
    for earlier in sorted(path.parent.glob(path.name + DAMAGED_MARK + "*")):
        with contextlib.suppress(OSError, DataFolderError):
            if earlier.stat().st_size == len(raw) and \
                    read_own_file(earlier, WHAT, MAX_BYTES) == raw:
                return earlier
    base = path.with_name(path.name + DAMAGED_MARK + _timestamp(clock))
    target, n = base, 1
    while os.path.lexists(target):
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    write_durable(target, raw)
    return target


def load_settings(data_dir: Path, *, clock: Clock = datetime.now
                  ) -> tuple[Settings, SettingsNotice | None]:
    """The person's settings, and one thing to tell them (or ``None``). Never raises."""
    path = settings_path(data_dir)
    try:
        raw = read_own_file(path, WHAT, MAX_BYTES)
    except FileNotFoundError:
        return Settings(), None
    except DataFolderError as error:  # a pipe or a device: never opened for a blocking read
        return Settings(), SettingsNotice("unreadable", reason=error.reason)
    except OSError as error:
        return Settings(), SettingsNotice("unreadable", reason=os_reason(error))
    data: object = None
    if len(raw) <= MAX_BYTES:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
    if not isinstance(data, dict):
        try:
            moved = _keep_aside(path, clock)
        except OSError as error:
            return Settings(), SettingsNotice("unreadable", reason=os_reason(error))
        return Settings(), SettingsNotice("damaged", moved_to=moved)
    settings, bad = from_json_dict(data)
    if bad:  # the next save drops what could not be read: keep the file as it was
        copy = None
        with contextlib.suppress(OSError):
            copy = _copy_aside(path, raw, clock)
        return settings, SettingsNotice("fields", moved_to=copy, fields=bad)
    return settings, None


def _current(path: Path) -> bytes | None:
    """The settings file as it is now; None when there is none.

    Raises :class:`SettingsError` when there is one that cannot be opened (its
    permissions, a failing disk): it may hold crisis contacts that were never
    read, so it must not be written over with what Steady has in memory.
    """
    try:
        return read_own_file(path, WHAT, MAX_BYTES)
    except FileNotFoundError:
        return None
    except DataFolderError as error:
        reason = error.reason
    except OSError as error:
        reason = os_reason(error)
    reason = f"the file there could not be opened: {reason}; it is left as it is"
    raise SettingsError(f"Could not save your settings ({reason}). They apply until "
                        "Steady closes.", reason)


def _carried_over(raw: bytes | None) -> dict[str, object]:
    """Keys of the current file this version does not know (a newer Steady's settings)."""
    if raw is None or len(raw) > MAX_BYTES:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items()
            if isinstance(key, str) and key not in KNOWN_KEYS}


def save_settings(data_dir: Path, settings: Settings) -> Path:
    """Write ``settings`` to ``settings.json`` (0600) atomically. Returns the path.

    Raises :class:`SettingsError` with a plain message when it cannot; the old
    file is then left exactly as it was.
    """
    path = settings_path(data_dir)
    try:
        check_own_file(path, WHAT)
    except DataFolderError as error:
        raise SettingsError(f"Could not save your settings ({error.reason}). They apply "
                            "until Steady closes.", error.reason) from error
    current = _current(path)  # never over a file that could not be read
    try:
        make_private_dir(Path(data_dir))
        document = {**_carried_over(current), **to_json_dict(settings)}
        write_durable(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        reason = os_reason(error)
        raise SettingsError(
            f"Could not save your settings ({reason}). They apply until Steady closes.",
            reason) from error
    return path


__all__ = [
    "SETTINGS_NAME",
    "SETTINGS_VERSION",
    "SettingsError",
    "SettingsNotice",
    "from_json_dict",
    "load_settings",
    "save_settings",
    "settings_path",
    "to_json_dict",
]
