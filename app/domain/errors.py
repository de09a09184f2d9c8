"""Errors that reach the screens: what went wrong with the person's files, in plain words.

Storage raises these (and subclasses of them); the window shows their message.
They live here, below storage, so that the screens can catch them without
importing storage. Stdlib only.
"""

from __future__ import annotations


class StorageError(Exception):
    """The log or the settings cannot be read or written right now; the message says why."""


class SettingsError(StorageError):
    """The settings could not be saved; the message says why in plain words."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason  # what the system said, for a translated message
