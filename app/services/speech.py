"""Spoken phase words ("Breathe in", "Hold", ...) through QtTextToSpeech.

Off by default, like sound. :class:`SpokenCues` uses the first text-to-speech
engine on the system that starts (speech-dispatcher on Linux, the system voices
on Windows and macOS). Qt's ``mock`` engine, which ships for Qt's own tests and
speaks nothing, is never chosen unless asked for by name (the tests do).

When there is no engine, or the engine reports an error, :meth:`available` is
False and :meth:`reason` says why; :meth:`say` then does nothing. Nothing here
raises. Like QtMultimedia, QtTextToSpeech logs warnings of its own when an
engine cannot start (:data:`BACKEND_LOG_MESSAGES`).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

#: Engines never chosen on their own: Qt's test engine says nothing aloud.
SILENT_ENGINES = frozenset({"mock"})

#: What QtTextToSpeech logs when an engine cannot start. Regular expressions.
BACKEND_LOG_MESSAGES: tuple[str, ...] = (
    r"Error loading text-to-speech plug-in",
    r"Couldn't (load|resolve) .* (library|symbols)",
)

NO_VOICE = "No voice for spoken cues was found on this computer."


class SpokenCues(QObject):
    """Speaks short words, cutting off the previous one.

    Signals:
        availabilityChanged(available): the engine failed after it had started.
    """

    availabilityChanged = Signal(bool)

    def __init__(self, engine: str | None = None, *, volume: float = 0.5,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts: Any = None
        self._reason = ""
        self._volume = min(1.0, max(0.0, float(volume)))
        self._start(engine)

    def available(self) -> bool:
        return self._tts is not None and not self._reason

    def reason(self) -> str:
        """Why spoken cues are not available ("" when they are)."""
        return self._reason

    def engine(self) -> str:
        """The engine in use ("" when none)."""
        return str(self._tts.engine()) if self._tts is not None else ""

    @Slot(float)
    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, float(volume)))
        if self._tts is not None:
            self._tts.setVolume(self._volume)

    @Slot(str)
    def say(self, text: str) -> bool:
        """Speak ``text`` now, stopping whatever was being said. False when silent."""
        if not self.available() or not text or self._volume <= 0.0:
            return False
        try:
            self._tts.stop()
            self._tts.say(text)
        except Exception:  # pragma: no cover - Qt does not raise here
            log.exception("spoken cue failed")
            return False
        return True

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            try:
                self._tts.stop()
            except Exception:  # pragma: no cover
                log.exception("stopping speech failed")

    # -- internals ------------------------------------------------------------
    def _start(self, engine: str | None) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except Exception as error:  # not in this build (or a shared library is missing)
            log.info("QtTextToSpeech unavailable: %s", error)
            self._reason = ("Spoken cues need Qt Text to Speech, which this copy of "
                            "Steady does not include.")
            return
        if engine is not None:
            candidates = [engine]
        else:
            candidates = [name for name in QTextToSpeech.availableEngines()
                          if name not in SILENT_ENGINES]
        for name in candidates:
            tts = QTextToSpeech(name, self)
            if tts.state() == QTextToSpeech.State.Error:
                log.info("speech engine %s did not start: %s", name, tts.errorString())
                tts.deleteLater()
                continue
            if not tts.availableVoices():
                log.info("speech engine %s has no voices", name)
                tts.deleteLater()
                continue
            tts.setVolume(self._volume)
            tts.errorOccurred.connect(self.on_error)
            self._tts = tts
            return
        self._reason = NO_VOICE

    @Slot()
    def on_error(self, *_args: object) -> None:
        if self._reason:
            return
        message = self._tts.errorString() if self._tts is not None else ""
        log.info("speech engine error: %s", message)
        self._reason = "The voice for spoken cues stopped working."
        self.availabilityChanged.emit(False)
