"""Sound and spoken cues for the exercise pages, following the person's settings.

:class:`ExerciseCues` is attached to each exercise page as it is created. It
reads the settings at every cue (so a change in the settings counts at once)
and plays:

* on a breathing page, a tone for each phase as it starts: rising for
  breathe in, a single soft tone for hold, falling for breathe out; and the
  chime when the exercise reaches its end;
* on a steps page, the chime once when a step ends: when a timed step's time
  is up, or else when the person moves on from it (the last step included).
  Going back is quiet.

Spoken cues say the phase words instead of (or as well as) the tones. Both are
off until turned on. The sound and speech objects are only created the first
time they are wanted, so a person who never turns sound on never loads
QtMultimedia. Stopping (Esc) is silent: the person's own action needs no echo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot

from app.domain.settings import Settings
from app.services.sound import PHASE_CUES, SoundCues
from app.services.speech import SpokenCues
from app.ui.exercise.breathing import BreathingPage, phase_word
from app.ui.exercise.steps import StepsPage


class ExerciseCues(QObject):
    """Plays the cues of whichever exercise page is attached."""

    def __init__(self, settings: Callable[[], Settings], *,
                 sound_factory: Callable[[], SoundCues] | None = None,
                 speech_factory: Callable[[], SpokenCues] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._sound_factory = sound_factory or (lambda: SoundCues(parent=self))
        self._speech_factory = speech_factory or (lambda: SpokenCues(parent=self))
        self._sound: SoundCues | None = None
        self._speech: SpokenCues | None = None
        self._step = 0  # the furthest step reached on the attached steps page
        self._chimed: set[int] = set()  # steps whose end has been chimed

    # -- the services, created when first wanted ------------------------------
    def sound(self) -> SoundCues:
        """The sound cues (loading them now if needed); for the settings' status line."""
        if self._sound is None:
            self._sound = self._sound_factory()
        return self._sound

    def speech(self) -> SpokenCues:
        """The spoken cues (starting the engine now if needed)."""
        if self._speech is None:
            self._speech = self._speech_factory()
        return self._speech

    def sound_loaded(self) -> bool:
        """True once the sound cues exist (False until sound is first wanted)."""
        return self._sound is not None

    def speech_loaded(self) -> bool:
        return self._speech is not None

    # -- attaching ------------------------------------------------------------
    def attach(self, page: QObject) -> None:
        """Follow ``page`` (a BreathingPage or StepsPage) until it is gone."""
        if isinstance(page, BreathingPage):
            page.driver.phaseStarted.connect(self.on_phase_started)
            page.finished.connect(self.on_exercise_finished)
        elif isinstance(page, StepsPage):
            self._step, self._chimed = 0, set()
            page.stepChanged.connect(self.on_step_changed)
            page.countdownDone.connect(self.on_step_time_up)
            page.finished.connect(self.on_steps_finished)
        else:
            return
        page.stopped.connect(self.silence)

    # -- cues -----------------------------------------------------------------
    def play(self, cue: str) -> bool:
        """Play ``cue`` if sound is on. True when a sound started."""
        settings = self._settings()
        if not settings.sound:
            return False
        sound = self.sound()
        if sound.volume() != settings.volume:
            sound.set_volume(settings.volume)
        return sound.play(cue)

    def say(self, text: str) -> bool:
        """Say ``text`` if spoken cues are on. True when speech started."""
        settings = self._settings()
        if not settings.spoken_cues:
            return False
        speech = self.speech()
        speech.set_volume(settings.volume)
        return speech.say(text)

    @Slot(int, str, float)
    def on_phase_started(self, _index: int, action: str, _seconds: float) -> None:
        cue = PHASE_CUES.get(action)
        if cue is not None:
            self.play(cue)
        self.say(phase_word(action))

    def _step_ended(self, index: int) -> None:
        """One chime per step: at its time-up, or else when the person moves on."""
        if index not in self._chimed:
            self._chimed.add(index)
            self.play("step-end")

    @Slot(int)
    def on_step_changed(self, index: int) -> None:
        if index > self._step:  # moving on: the step before ended (going back is quiet)
            self._step = index
            self._step_ended(index - 1)

    @Slot(int)
    def on_step_time_up(self, index: int) -> None:
        self._step_ended(index)

    @Slot(float)
    def on_steps_finished(self, _practised: float) -> None:
        self._step_ended(self._step)

    @Slot(float)
    def on_exercise_finished(self, _practised: float) -> None:
        self.play("step-end")

    @Slot()
    def silence(self, *_args: object) -> None:
        """Stop whatever is sounding (the person stopped, or the window hid)."""
        if self._sound is not None:
            self._sound.stop()
        if self._speech is not None:
            self._speech.stop()
