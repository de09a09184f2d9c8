"""The person's settings: plain data with safe defaults. Stdlib only.

Reading and writing the file lives in ``app.storage.settings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Theme = Literal["system", "light", "dark", "high-contrast"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark", "high-contrast")

#: The exercise "Start now" begins until the person picks another.
DEFAULT_EXERCISE = "extended-exhale"

#: Health settings, and the exercise tags each one hides (EXERCISES.md, "Safety").
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
    theme: Theme = "system"
    text_scale: float = 1.0
    default_exercise: str = DEFAULT_EXERCISE
    health: frozenset[str] = field(default_factory=frozenset)
    contacts: tuple[Contact, ...] = ()
    keep_in_tray: bool = False
    first_run_done: bool = False

    def hidden_tags(self) -> frozenset[str]:
        """Exercise tags hidden by the person's health settings."""
        hidden: set[str] = set()
        for condition in self.health:
            hidden |= HEALTH_CONDITIONS.get(condition, frozenset())
        return frozenset(hidden)
