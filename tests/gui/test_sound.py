"""Sound cues: the WAV files, the generator, SoundCues without a sound device,
spoken cues, and the cues an exercise plays.

Creating a real ``SoundCues`` or ``SpokenCues`` makes QtMultimedia /
QtTextToSpeech look for a sound server and optional libraries, and they log Qt
warnings when there is none (as on CI). Those tests carry
``qt_log_ignore(*BACKEND_LOG_MESSAGES)`` with exactly those messages; any other
Qt warning still fails them. Nothing here needs, or makes, real sound.
"""

from __future__ import annotations

import importlib.util
import itertools
import math
import struct
import sys
import wave
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import pytest
from PySide6 import QtMultimedia
from PySide6.QtCore import QObject, Signal

from app import paths
from app.domain.exercise import Exercise, Phase, Step
from app.domain.loader import load_library
from app.domain.settings import Settings
from app.services import sound as sound_module
from app.services import speech as speech_module
from app.services.sound import CUES, SoundCues
from app.services.speech import SpokenCues
from app.storage.sessions import memory_store
from app.ui.exercise import cues as cues_module
from app.ui.exercise.breathing import BreathingPage
from app.ui.exercise.cues import ExerciseCues
from app.ui.exercise.steps import StepsPage
from app.ui.shell.window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]

SOUND_LOG = pytest.mark.qt_log_ignore(*sound_module.BACKEND_LOG_MESSAGES)
SPEECH_LOG = pytest.mark.qt_log_ignore(*speech_module.BACKEND_LOG_MESSAGES)

SOUNDS = paths.resource("sounds")
SCRIPT = paths.resource("scripts", "make_sounds.py")


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sounds", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sounds"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_sounds() -> Iterator[ModuleType]:
    module = _load_script()
    yield module
    sys.modules.pop("make_sounds", None)


def _samples(path: Path) -> tuple[wave._wave_params, list[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(wav.getnframes())
    return params, list(struct.unpack(f"<{len(frames) // 2}h", frames))


def _pitch(samples: list[int], rate: int) -> float:
    """The pitch of a stretch of a tone, from its upward zero crossings."""
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return crossings * rate / len(samples)


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("name", CUES)
def test_each_cue_is_a_short_soft_mono_wav(name: str) -> None:
    params, samples = _samples(SOUNDS / f"{name}.wav")
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44_100)
    seconds = params.nframes / params.framerate
    assert 0.3 <= seconds <= 0.6
    peak = max(abs(s) for s in samples)
    assert 0.05 * 32767 < peak < 0.25 * 32767  # audible, and well below full scale
    # A soft attack and release: no click at either end.
    edge = params.framerate // 200  # 5 ms
    assert max(abs(s) for s in samples[:edge]) < 0.2 * peak
    assert max(abs(s) for s in samples[-edge:]) < 0.2 * peak
    assert abs(samples[0]) <= 1 and abs(samples[-1]) <= 1


def test_the_cues_are_distinct() -> None:
    contents = {name: (SOUNDS / f"{name}.wav").read_bytes() for name in CUES}
    assert len(set(contents.values())) == len(CUES)


def test_inhale_rises_and_exhale_falls() -> None:
    for name, rising in (("inhale", True), ("exhale", False)):
        params, samples = _samples(SOUNDS / f"{name}.wav")
        fifth = len(samples) // 5
        early = _pitch(samples[fifth:2 * fifth], params.framerate)
        late = _pitch(samples[3 * fifth:4 * fifth], params.framerate)
        assert (late > early * 1.1) if rising else (late < early / 1.1), name
    hold_params, hold = _samples(SOUNDS / "hold.wav")
    third = len(hold) // 3
    assert _pitch(hold[:third], hold_params.framerate) == pytest.approx(
        _pitch(hold[2 * third:], hold_params.framerate), rel=0.1)


def test_the_generator_is_deterministic(make_sounds: ModuleType, tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert make_sounds.main(["--out", str(first)]) == 0
    assert make_sounds.main(["--out", str(second)]) == 0
    for name in CUES:
        assert (first / f"{name}.wav").read_bytes() == (second / f"{name}.wav").read_bytes()


def test_the_committed_files_are_what_the_generator_writes(make_sounds: ModuleType) -> None:
    assert make_sounds.stale(SOUNDS) == [], "run resources/scripts/make_sounds.py"
    assert make_sounds.main(["--check"]) == 0


def test_check_reports_a_changed_file(make_sounds: ModuleType, tmp_path: Path) -> None:
    make_sounds.write_all(tmp_path, report=lambda _line: None)
    (tmp_path / "hold.wav").write_bytes(b"RIFF")
    assert make_sounds.main(["--check", "--out", str(tmp_path)]) == 1


# --------------------------------------------------------------------------- SoundCues


def test_without_qtmultimedia_sound_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import fails
    cues = SoundCues()
    assert not cues.available()
    assert "Qt Multimedia" in cues.reason()
    assert cues.play("inhale") is False
    cues.set_volume(0.3)
    cues.stop()


def test_a_missing_file_makes_sound_unavailable(tmp_path: Path) -> None:
    cues = SoundCues(tmp_path)
    assert not cues.available()
    assert "missing" in cues.reason() and "inhale.wav" in cues.reason()
    assert cues.play("inhale") is False


@SOUND_LOG
def test_no_sound_device_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QtMultimedia.QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    cues = SoundCues(volume=0.4)
    assert cues.available() is False
    assert cues.reason().startswith("No sound device was found")
    for name in CUES:
        assert cues.play(name) is False
    cues.set_volume(0.9)
    assert cues.volume() == 0.9
    cues.stop()


@SOUND_LOG
def test_this_machine_either_plays_or_says_why() -> None:
    """Whatever the machine: no exception, and a reason exactly when unavailable."""
    cues = SoundCues()
    assert cues.available() == (cues.reason() == "")


@SOUND_LOG
def test_an_effect_that_fails_to_load_makes_sound_unavailable(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot) -> None:
    for name in CUES:
        (tmp_path / f"{name}.wav").write_bytes(b"this is not a wav file")
    # Pretend a device exists, so the effects are created and fail on their own.
    monkeypatch.setattr(QtMultimedia.QMediaDevices, "audioOutputs",
                        staticmethod(lambda: [QtMultimedia.QAudioDevice()]))
    cues = SoundCues(tmp_path)
    # The files are decoded in the background: the failure arrives soon, as a signal.
    qtbot.waitUntil(lambda: not cues.available(), timeout=5000)
    effects = cues.findChildren(QtMultimedia.QSoundEffect)
    assert len(effects) == len(CUES)
    # Let every effect finish failing here, so none logs during the next test.
    qtbot.waitUntil(lambda: all(e.status() == QtMultimedia.QSoundEffect.Status.Error
                                for e in effects), timeout=5000)
    assert not cues.available()
    assert "could not be played" in cues.reason()
    assert cues.play("inhale") is False


class FakeEffect(QObject):
    """Stands in for QSoundEffect where no sound device exists."""

    statusChanged = Signal()
    Status = QtMultimedia.QSoundEffect.Status
    played: ClassVar[list[str]] = []

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.volume = -1.0
        self.playing = False
        self.source = ""
        self.state = FakeEffect.Status.Ready

    def status(self) -> QtMultimedia.QSoundEffect.Status:
        return self.state

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def setSource(self, url) -> None:
        self.source = Path(url.toLocalFile()).stem

    def isLoaded(self) -> bool:
        return True

    def isPlaying(self) -> bool:
        return self.playing

    def play(self) -> None:
        self.playing = True
        FakeEffect.played.append(self.source)

    def stop(self) -> None:
        self.playing = False


@pytest.fixture
def fake_device(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeEffect]]:
    monkeypatch.setattr(QtMultimedia.QMediaDevices, "audioOutputs",
                        staticmethod(lambda: [QtMultimedia.QAudioDevice()]))
    monkeypatch.setattr(QtMultimedia, "QSoundEffect", FakeEffect)
    FakeEffect.played = []
    yield FakeEffect


@SOUND_LOG
def test_play_volume_and_one_cue_at_a_time(fake_device: type[FakeEffect]) -> None:
    cues = SoundCues(volume=0.3)
    assert cues.available() and cues.reason() == "" and cues.is_loaded()
    effects = {e.source: e for e in cues.findChildren(FakeEffect)}
    assert set(effects) == set(CUES)
    assert all(e.volume == 0.3 for e in effects.values())

    assert cues.play("inhale")
    assert cues.play("hold")
    assert fake_device.played == ["inhale", "hold"]
    assert not effects["inhale"].playing  # cut short: cues never pile up
    assert cues.play("nonsense") is False

    cues.set_volume(7)
    assert cues.volume() == 1.0 and effects["hold"].volume == 1.0
    cues.set_volume(float("nan"))
    assert cues.volume() == sound_module.DEFAULT_VOLUME
    cues.set_volume(0.0)
    assert cues.play("exhale") is False  # volume 0: nothing is started
    cues.stop()
    assert not any(e.playing for e in effects.values())


@SOUND_LOG
def test_a_failing_effect_is_reported_once(fake_device: type[FakeEffect], qtbot) -> None:
    cues = SoundCues()
    effects = cues.findChildren(FakeEffect)
    assert cues.available()
    effects[0].state = FakeEffect.Status.Error
    with qtbot.waitSignal(cues.availabilityChanged, timeout=1000) as blocker:
        effects[0].statusChanged.emit()
    assert blocker.args == [False]
    assert not cues.available() and cues.reason()
    with qtbot.assertNotEmitted(cues.availabilityChanged):
        effects[1].state = FakeEffect.Status.Error
        effects[1].statusChanged.emit()
    assert cues.play("inhale") is False


# --------------------------------------------------------------------------- spoken cues


@SPEECH_LOG
def test_spoken_cues_through_an_engine(qtbot) -> None:
    speech = SpokenCues("mock")  # Qt's test engine: works everywhere, says nothing aloud
    assert speech.available() and speech.reason() == "" and speech.engine() == "mock"
    assert speech.say("Breathe in")
    speech.set_volume(0.0)
    assert speech.say("Hold") is False
    speech.stop()


@SPEECH_LOG
def test_no_voice_means_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    speech = SpokenCues()  # the silent test engine is never chosen by itself
    assert not speech.available()
    assert speech.reason() == speech_module.NO_VOICE
    assert speech.say("Hold") is False


def test_without_qttexttospeech_spoken_cues_are_unavailable(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    speech = SpokenCues()
    assert not speech.available()
    assert "Text to Speech" in speech.reason()
    assert speech.say("Hold") is False
    speech.stop()


@SPEECH_LOG
def test_this_machine_either_speaks_or_says_why() -> None:
    speech = SpokenCues()
    assert speech.available() == (speech.reason() == "")


# --------------------------------------------------------------------------- an exercise's cues


class FakeSound(QObject):
    """Records the cues instead of playing them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.played: list[str] = []
        self.level = 0.5
        self.stopped = 0

    def volume(self) -> float:
        return self.level

    def set_volume(self, volume: float) -> None:
        self.level = volume

    def play(self, cue: str) -> bool:
        self.played.append(cue)
        return True

    def stop(self) -> None:
        self.stopped += 1


class FakeSpeech(FakeSound):
    def say(self, text: str) -> bool:
        self.played.append(text)
        return True


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


BOX = Exercise(id="box", title="Box breathing", kind="breathing", cycles=1,
               phases=(Phase("inhale", 4), Phase("hold", 4), Phase("exhale", 4),
                       Phase("hold", 4)))
STEPS = Exercise(id="senses", title="Senses", kind="grounding",
                 steps=(Step("Look around."), Step("Listen."), Step("Touch something.")))


def _cues(settings: Settings) -> tuple[ExerciseCues, FakeSound, FakeSpeech]:
    sound, speech = FakeSound(), FakeSpeech()
    box = {"settings": settings}
    cues = ExerciseCues(lambda: box["settings"], sound_factory=lambda: sound,
                        speech_factory=lambda: speech)
    return cues, sound, speech


def _run_breathing(qtbot, page: BreathingPage, clock: FakeClock) -> None:
    page.start()
    with qtbot.waitSignal(page.finished, timeout=2000):
        for _ in range(9):  # each poll reports every phase that began since the last
            clock.now += 2.0
            page.driver.poll()


def test_sound_off_loads_nothing_and_plays_nothing(qtbot) -> None:
    clock = FakeClock()
    cues, sound, speech = _cues(Settings())
    page = BreathingPage(BOX, clock=clock)
    qtbot.addWidget(page)
    cues.attach(page)
    _run_breathing(qtbot, page, clock)
    assert not cues.sound_loaded() and not cues.speech_loaded()
    assert sound.played == [] and speech.played == []


def test_each_breathing_phase_has_its_tone_and_the_end_its_chime(qtbot) -> None:
    clock = FakeClock()
    cues, sound, speech = _cues(Settings(sound=True, volume=0.25))
    page = BreathingPage(BOX, clock=clock)
    qtbot.addWidget(page)
    cues.attach(page)
    _run_breathing(qtbot, page, clock)
    assert sound.played == ["inhale", "hold", "exhale", "hold", "step-end"]
    assert sound.level == 0.25
    assert speech.played == [] and not cues.speech_loaded()


def test_spoken_cues_say_the_phase_words(qtbot) -> None:
    clock = FakeClock()
    cues, sound, speech = _cues(Settings(spoken_cues=True))
    page = BreathingPage(BOX, clock=clock)
    qtbot.addWidget(page)
    cues.attach(page)
    _run_breathing(qtbot, page, clock)
    assert speech.played == ["Breathe in", "Hold", "Breathe out", "Hold"]
    assert sound.played == []


def test_stopping_is_silent_and_hushes(qtbot) -> None:
    clock = FakeClock()
    cues, sound, _speech = _cues(Settings(sound=True))
    page = BreathingPage(BOX, clock=clock)
    qtbot.addWidget(page)
    cues.attach(page)
    page.start()
    page.stop()
    assert sound.played == ["inhale"]
    assert sound.stopped == 1


def test_steps_chime_when_a_step_ends(qtbot) -> None:
    clock = FakeClock()
    cues, sound, _speech = _cues(Settings(sound=True))
    page = StepsPage(STEPS, clock=clock)
    qtbot.addWidget(page)
    cues.attach(page)
    page.start()
    assert sound.played == []  # the first step opening is not an ending
    page.next_step()
    assert sound.played == ["step-end"]
    page.previous_step()
    page.next_step()  # back and forth again: nothing new ended
    assert sound.played == ["step-end"]
    page.next_step()
    with qtbot.waitSignal(page.finished, timeout=1000):
        page.next_step()
    assert sound.played == ["step-end"] * 3


def test_a_timed_step_chimes_once_when_its_time_is_up(qtbot) -> None:
    clock = FakeClock()
    timed = Exercise(id="timed", title="Timed", kind="body",
                     steps=(Step("Press your feet down.", seconds=3), Step("Breathe.")))
    cues, sound, _speech = _cues(Settings(sound=True))
    page = StepsPage(timed, clock=clock)
    qtbot.addWidget(page)
    cues.attach(page)
    page.start()
    clock.now += 3.5
    with qtbot.waitSignal(page.countdownDone, timeout=1000):
        page.poll()
    assert sound.played == ["step-end"]
    page.next_step()  # moving on from a step whose time is up: no second chime
    assert sound.played == ["step-end"]
    with qtbot.waitSignal(page.finished, timeout=1000):
        page.next_step()
    assert sound.played == ["step-end", "step-end"]


def test_settings_count_at_once() -> None:
    sound = FakeSound()
    settings = {"now": Settings()}
    cues = ExerciseCues(lambda: settings["now"], sound_factory=lambda: sound)
    assert cues.play("hold") is False
    settings["now"] = Settings(sound=True, volume=0.8)
    assert cues.play("hold") is True
    assert sound.level == 0.8


def test_the_window_plays_the_cues_of_its_exercise(qtbot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cues_module, "SoundCues", FakeSound)
    clock = FakeClock()
    library = load_library(paths.bundled_exercises_dir())
    with memory_store() as store:
        window = MainWindow(library, store, Settings(sound=True, lead_in=False), clock=clock)
        qtbot.addWidget(window)
        assert not window.cues.sound_loaded()
        assert window.start_exercise("box")
        window.steps.on_before_confirmed(5, False, None, 1)
        page = window.exercise_page
        assert isinstance(page, BreathingPage)
        sound = window.cues.sound()
        assert isinstance(sound, FakeSound)
        assert sound.played == ["inhale"]
        page.stop()


def test_the_pitch_helper_reads_a_plain_tone() -> None:
    rate = 44_100
    tone = [round(1000 * math.sin(2 * math.pi * 300 * i / rate)) for i in range(rate // 2)]
    assert _pitch(tone, rate) == pytest.approx(300, rel=0.02)
