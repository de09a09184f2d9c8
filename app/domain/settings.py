"""The person's settings: plain data with safe defaults. Stdlib only.

Reading and writing the file lives in ``app.storage.settings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.domain.reminders import Reminders

Theme = Literal["system", "light", "dark", "high-contrast"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark", "high-contrast")

#: The settings file's name in the data folder.
SETTINGS_NAME = "settings.json"
NoticeKind = Literal["damaged", "unreadable", "fields"]

#: The exercise "Start now" begins until the person picks another.
DEFAULT_EXERCISE = "extended-exhale"

#: Health settings, and the exercise tags each one hides (docs/EXERCISES.md, "Safety").
HEALTH_CONDITIONS: dict[str, frozenset[str]] = {
    "heart": frozenset({"breath-hold", "cold"}),
    "beta-blockers": frozenset({"cold"}),
    "eating-disorder": frozenset({"cold"}),
    "pregnancy": frozenset({"breath-hold", "cold"}),
    "breathing": frozenset({"breath-hold"}),
}


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    number: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    sound: bool = False
    volume: float = 0.5
    spoken_cues: bool = False
    reduced_motion: bool = False
    lead_in: bool = True  # "Get ready: 3, 2, 1" before a breathing exercise
    theme: Theme = "system"
    text_scale: float = 1.0
    default_exercise: str = DEFAULT_EXERCISE
    health: frozenset[str] = field(default_factory=frozenset)
    contacts: tuple[Contact, ...] = ()
    keep_in_tray: bool = False
    first_run_done: bool = False
    reminders: Reminders = field(default_factory=Reminders)  # off until chosen

    def hidden_tags(self) -> frozenset[str]:
        """Exercise tags hidden by the person's health settings."""
        hidden: set[str] = set()
        for condition in self.health:
            hidden |= HEALTH_CONDITIONS.get(condition, frozenset())
        return frozenset(hidden)


@dataclass(frozen=True, slots=True)
class SettingsNotice:
    """Something about the settings file the person should know.

    ``kind`` lets the window word it in the person's language; ``str()`` gives
    the English text.
    """

    kind: NoticeKind
    moved_to: Path | None = None  # "damaged": where the file now is; "fields": a copy
    fields: tuple[str, ...] = ()  # "fields": the settings that fell back to defaults
    reason: str = ""  # "unreadable": what the system said

    @property
    def message(self) -> str:
        if self.kind == "damaged":
            where = self.moved_to.name if self.moved_to else "the data folder"
            return (f"Your settings file could not be read, so Steady is using its "
                    f"defaults. The old file was kept as {where}.")
        if self.kind == "unreadable":
            return (f"Your settings file could not be opened ({self.reason}), so Steady is "
                    f"using its defaults for now. The file was left as it is.")
        kept = f" The file as it was is kept as {self.moved_to.name}." if self.moved_to else ""
        return ("Some settings could not be read and are back to their defaults: "
                + ", ".join(self.fields) + ". Please check them in Settings." + kept)

    def __str__(self) -> str:
        return self.message
