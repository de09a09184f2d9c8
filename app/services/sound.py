"""Soft sound cues for the breathing phases and the end of a step.

:class:`SoundCues` loads the four short WAV files in ``resources/sounds`` once,
into ``QtMultimedia.QSoundEffect`` (which plays without blocking), and plays
them on request. Sound is off until the person turns it on, so nothing here is
created (and QtMultimedia is not even imported) before then.

When audio cannot start, :meth:`SoundCues.available` is False and
:meth:`SoundCues.reason` says why in plain words, for the settings to show.
Nothing else changes: :meth:`SoundCues.play` then does nothing, and no method
raises. The causes looked for, in order: QtMultimedia cannot be imported; a
sound file is missing; the system has no sound output (on Linux often because
``libpulse0`` is not installed or no sound server runs); an effect reports
``QSoundEffect.Status.Error`` while loading.

QtMultimedia logs warnings of its own while it looks for a sound server (see
:data:`BACKEND_LOG_MESSAGES`). They are harmless; the tests that create a
``SoundCues`` tell pytest-qt to ignore exactly those.

The WAV files are written by ``resources/scripts/make_sounds.py``.
"""

from __future__ import annotations

import ctypes.util
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal, Slot

from app import paths

log = logging.getLogger(__name__)

#: The cues, by name; each is ``<name>.wav`` in the sounds folder.
CUES: tuple[str, ...] = ("inhale", "hold", "exhale", "step-end")

#: The breathing action each phase cue belongs to.
PHASE_CUES: dict[str, str] = {"inhale": "inhale", "hold": "hold", "exhale": "exhale"}

#: What QtMultimedia logs (as Qt warnings) on a machine without a sound server or
#: without optional video libraries. Regular expressions, for ``qt_log_ignore``.
BACKEND_LOG_MESSAGES: tuple[str, ...] = (
    r"Couldn't (load|resolve) .* (library|symbols)",
    r"PulseAudioService: pa_context_connect\(\) failed",
    r"QSoundEffect",
    r"Could not open media",
    r"No QtMultimedia backends found",
    r"Using Qt multimedia with FFmpeg",
)

DEFAULT_VOLUME = 0.5


def sounds_dir() -> Path:
    return paths.resource("sounds")


def _no_device_reason() -> str:
    reason = "No sound device was found"
    if sys.platform.startswith("linux") and ctypes.util.find_library("pulse") is None:
        reason += " (the PulseAudio library, libpulse0, is not installed)"
    return reason + "."


class SoundCues(QObject):
    """The four sound cues, loaded once.

    Signals:
        availabilityChanged(available): sound became unusable (an effect failed
            to load), or the cues were reloaded.
    """

    availabilityChanged = Signal(bool)

    def __init__(self, folder: Path | None = None, *, volume: float = DEFAULT_VOLUME,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder if folder is not None else sounds_dir()
        self._volume = _clamp(volume)
        self._effects: dict[str, Any] = {}
        self._reason = ""
        self._load()

    # -- reading --------------------------------------------------------------
    def available(self) -> bool:
        """True while the cues can be played."""
        return not self._reason

    def reason(self) -> str:
        """Why sound is not available ("" when it is), in plain words."""
        return self._reason

    def volume(self) -> float:
        return self._volume

    def is_loaded(self) -> bool:
        """Every effect has finished loading (playing before then is fine, just silent)."""
        return self.available() and all(e.isLoaded() for e in self._effects.values())

    # -- control --------------------------------------------------------------
    @Slot(float)
    def set_volume(self, volume: float) -> None:
        """0.0 (silent) to 1.0. The files themselves are already soft."""
        self._volume = _clamp(volume)
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    @Slot(str)
    def play(self, cue: str) -> bool:
        """Start cue ``cue`` (one of :data:`CUES`) and return at once.

        A cue still sounding is cut short, so cues never pile up. Returns False
        when nothing was played (sound unavailable, unknown cue, volume 0).
        """
        effect = self._effects.get(cue)
        if effect is None or not self.available() or self._volume <= 0.0:
            return False
        try:
            for other in self._effects.values():
                if other is not effect and other.isPlaying():
                    other.stop()
            effect.play()
        except Exception:  # pragma: no cover - Qt does not raise here; stay quiet if it did
            log.exception("sound cue failed")
            return False
        return True

    @Slot()
    def stop(self) -> None:
        for effect in self._effects.values():
            try:
                effect.stop()
            except Exception:  # pragma: no cover
                log.exception("stopping a sound cue failed")

    # -- internals ------------------------------------------------------------
    def _load(self) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except Exception as error:  # ImportError, or a missing shared library (OSError)
            log.info("QtMultimedia unavailable: %s", error)
            self._fail("Sound needs Qt Multimedia, which could not be loaded "
                       "on this computer.")
            return
        missing = [name for name in CUES if not (self._folder / f"{name}.wav").is_file()]
        if missing:
            self._fail(f"A sound file is missing ({missing[0]}.wav). "
                       "Reinstalling Steady brings it back.")
            return
        try:
            has_output = bool(QMediaDevices.audioOutputs())
        except Exception:  # pragma: no cover - defensive
            log.exception("listing sound outputs failed")
            has_output = False
        if not has_output:
            self._fail(_no_device_reason())
            return
        for name in CUES:
            effect = QSoundEffect(self)
            effect.setObjectName(f"cue-{name}")
            effect.setVolume(self._volume)
            effect.statusChanged.connect(self.on_status_changed)
            effect.setSource(QUrl.fromLocalFile(str(self._folder / f"{name}.wav")))
            self._effects[name] = effect

    def _fail(self, reason: str) -> None:
        was_available = self.available()
        self._reason = reason
        log.info("sound unavailable: %s", reason)
        if was_available:
            self.availabilityChanged.emit(False)

    @Slot()
    def on_status_changed(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self.sender()
        if not isinstance(effect, QSoundEffect) or self._reason:
            return
        if effect.status() == QSoundEffect.Status.Error:
            self._fail("The sound cues could not be played on this computer's sound device.")


def _clamp(volume: float) -> float:
    try:
        value = float(volume)
    except (TypeError, ValueError):
        return DEFAULT_VOLUME
    if value != value:  # NaN
        return DEFAULT_VOLUME
    return min(1.0, max(0.0, value))
