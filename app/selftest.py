"""``steady --self-test``: does this build of Steady work here?

A packager (and CI) runs it against a fresh bundle or installation. It checks,
printing one line per check::

    ok   exercises: 14 loaded
    ok   storage: wrote and read one session (schema v2)
    ok   window: main window and 11 pages painted (offscreen): LauncherPage, ...
    note sound: off here: no sound output device was found
    self-test passed: 4 checks

``ok`` passed, ``note`` is information that never fails the test (sound may be
off on a build machine), ``FAIL`` names what is broken. The window check paints
every page in the window's stack, the pages it makes on first use (History,
Settings, the welcome), "Get help now" (offscreen only: it is a dialog), the
before rating, and one breathing and one steps exercise. Exit status 0 when
nothing failed, 1 otherwise. The person's own data folder is never read or
written: everything happens in a temporary folder that is removed afterwards.

Without a display (no ``DISPLAY`` / ``WAYLAND_DISPLAY`` on Linux) Qt is started
with the ``offscreen`` platform; with one, the system's platform plugin is used
(so the bundle's xcb or wayland plugin is exercised) but the window is never put
on screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from app import __version__, paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

Outcome = Literal["ok", "note", "FAIL"]

#: Longest wait for a sound file to load (it is a few kB; this only bounds a hang).
SOUND_TIMEOUT_MS = 5000


class CheckFailed(Exception):
    """A check found a problem; the message says what."""


@dataclass
class Report:
    out: TextIO | None
    lines: list[tuple[Outcome, str, str]] = field(default_factory=list)

    def add(self, outcome: Outcome, name: str, detail: str) -> None:
        self.lines.append((outcome, name, detail))
        self.write(f"{outcome:<4} {name}: {detail}")

    def write(self, text: str) -> None:
        if self.out is not None:
            self.out.write(text + "\n")
            self.out.flush()

    @property
    def failed(self) -> list[str]:
        return [name for outcome, name, _ in self.lines if outcome == "FAIL"]


# --------------------------------------------------------------------------- checks


def check_exercises() -> str:
    from app.domain.loader import load_library

    folder = paths.bundled_exercises_dir()
    library = load_library(folder)
    if library.problems:
        raise CheckFailed("; ".join(str(p) for p in library.problems))
    if not library.exercises:
        raise CheckFailed(f"no exercise found in {folder}")
    return f"{len(library.exercises)} loaded"


def check_storage(data_dir: Path) -> str:
    from app.domain.session import SessionRecord
    from app.storage.db import open_database
    from app.storage.schema import CURRENT_VERSION
    from app.storage.sessions import SqliteSessionStore

    result = open_database(data_dir)
    store = SqliteSessionStore(result.connection)
    try:
        started = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
        record = SessionRecord(
            exercise_id="self-test", exercise_title="Self-test", started_at=started,
            ended_at=started.replace(minute=9), status="completed", before=7, after=4,
            planned_seconds=300.0, practised_seconds=300.0, note="self-test", tags=("check",),
        )
        store.save(record)
        back = store.get(record.id)
        if back != record:
            raise CheckFailed(f"the session read back differs: wrote {record!r}, read {back!r}")
        if store.count() != 1:
            raise CheckFailed(f"expected 1 session in a new log, found {store.count()}")
    finally:
        store.close()
    return f"wrote and read one session (schema v{CURRENT_VERSION})"


def use_offscreen_without_display(environ: dict[str, str] | os._Environ[str]) -> None:
    """Qt's ``offscreen`` platform when Linux/BSD has no display (call before importing Qt)."""
    if sys.platform in ("win32", "darwin") or environ.get("QT_QPA_PLATFORM"):
        return
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        environ["QT_QPA_PLATFORM"] = "offscreen"


def is_blank(widget: QWidget) -> str:
    """Why the painted ``widget`` looks wrong ("" when it does not): null or one flat colour."""
    pixmap = widget.grab()
    if pixmap.isNull() or pixmap.width() < 2 or pixmap.height() < 2:
        return f"painted nothing ({pixmap.width()}x{pixmap.height()})"
    image = pixmap.toImage()
    steps = 48
    seen = set()
    for i in range(steps):
        for j in range(steps):
            x = min(image.width() - 1, i * image.width() // steps)
            y = min(image.height() - 1, j * image.height() // steps)
            seen.add(image.pixel(x, y))
    if len(seen) < 2:
        return f"painted one flat colour ({pixmap.width()}x{pixmap.height()})"
    return ""


def _page_name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


#: MainWindow methods that open a page made on first use (skipped when absent).
OPENERS = ("show_history", "show_settings", "show_welcome")
#: Pages of the distress path the window makes when first needed.
LAZY_PAGES = ("launcher", "before", "after", "summary")


def check_window(data_dir: Path) -> str:
    with _qt_messages() as messages:
        try:
            return _check_window(data_dir)
        finally:
            for message in messages:
                if not _is_harmless(message) and sys.stderr is not None:
                    sys.stderr.write(f"Qt: {message}\n")


def _check_window(data_dir: Path) -> str:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import build_window
    from app.domain.settings import Settings
    from app.ui.shell.application import make_application
    from app.ui.style import theme

    app = make_application()
    settings = Settings()
    theme.apply(app, settings.theme, settings.text_scale)
    window = build_window(data_dir, settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    painted: list[str] = []
    problems: list[str] = []

    def paint(name: str, widget: QWidget) -> None:
        QApplication.processEvents()
        why = is_blank(widget)
        if why:
            problems.append(f"{name} {why}")
        else:
            painted.append(name)

    try:
        window.show()
        paint("main window", window)
        _paint_pages(window, paint, problems)
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    if problems:
        raise CheckFailed("; ".join(problems))
    return (f"main window and {len(painted) - 1} pages painted "
            f"({QApplication.platformName()}): {', '.join(painted[1:])}")

def _paint_pages(window: Any, paint: Callable[[str, QWidget], None],
                 problems: list[str]) -> None:
    """Every page of ``window`` made, shown and painted: those on its stack, those its
    buttons open, the help dialog, and an exercise page of each kind."""
    from PySide6.QtWidgets import QApplication

    for name in LAZY_PAGES:  # made on first use: make each, to paint it
        getattr(window, name, None)
    stack = window.stack
    for index in range(stack.count()):
        page = stack.widget(index)
        if page is None:
            continue
        stack.setCurrentWidget(page)
        paint(_page_name(page), page)
    # Pages the window makes on first use, through the methods its buttons call.
    for opener in OPENERS:
        open_page = getattr(window, opener, None)
        if callable(open_page):
            open_page()
            shown = window.current_page()
            if shown is None:
                raise CheckFailed(f"the window shows no page after {opener}()")
            paint(_page_name(shown), shown)
            window.go_home()
    if QApplication.platformName() == "offscreen":  # a dialog would show on a real screen
        window.show_help()
        dialog = getattr(window, "help_dialog", None)
        if dialog is None:
            problems.append("Get help now opened no dialog")
        else:
            paint(_page_name(dialog), dialog)
            dialog.close()
    for page_name, page in _exercise_pages(window):
        stack.addWidget(page)
        stack.setCurrentWidget(page)
        paint(page_name, page)
        stack.removeWidget(page)
        page.deleteLater()



def _exercise_pages(window: Any) -> Iterator[tuple[str, QWidget]]:
    """The before rating and one exercise page of each sort, as the window makes them."""
    from app.ui.exercise.breathing import BreathingPage
    from app.ui.exercise.steps import StepsPage

    exercises = list(window.library.exercises.values())
    breathing = next((e for e in exercises if e.is_breathing), None)
    steps = next((e for e in exercises if not e.is_breathing), None)
    if breathing is not None:
        if not window.start_exercise(breathing.id):
            raise CheckFailed(f"the window could not start '{breathing.id}'")
        shown = window.current_page()
        if shown is None:
            raise CheckFailed(f"the window shows no page for '{breathing.id}'")
        yield f"{_page_name(shown)} ({breathing.id})", shown
        window.go_home()
        yield f"BreathingPage ({breathing.id})", BreathingPage(breathing)
    if steps is not None:
        yield f"StepsPage ({steps.id})", StepsPage(steps)


@contextmanager
def _qt_messages() -> Iterator[list[str]]:
    """Collect Qt's log messages instead of printing them (QtMultimedia is chatty while it
    looks for a sound server); the sound line quotes the telling one."""
    from PySide6.QtCore import qInstallMessageHandler

    messages: list[str] = []

    def handler(_mode: object, _context: object, message: str) -> None:
        messages.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield messages
    finally:
        qInstallMessageHandler(previous)


#: What QtMultimedia logs while it looks for a sound server and optional libraries.
SOUND_CHATTER = ("Couldn't load", "Couldn't resolve", "Using Qt multimedia",
                 "No QtMultimedia backends", "PulseAudioService", "QSoundEffect")


#: Also harmless: the offscreen platform cannot size windows by hint; the optional
#: spoken cues find no speech engine (decision 0004).
OTHER_HARMLESS = ("propagateSizeHints", "text-to-speech")


def _is_harmless(message: str) -> bool:
    return any(part in message for part in SOUND_CHATTER + OTHER_HARMLESS)


def _why_from(messages: list[str]) -> str:
    """The message that says why sound is off (the library probing is not telling)."""
    telling = [m for m in messages if not any(
        part in m for part in ("Couldn't load", "Couldn't resolve", "Using Qt multimedia"))]
    return f" (Qt says: {telling[-1]})" if telling else ""


def check_sound() -> str:
    """Never fails: says whether a bundled cue loads, or why sound is off here."""
    folder = paths.resource("sounds")
    wavs = sorted(folder.glob("*.wav")) if folder.is_dir() else []
    if not wavs:
        return f"off: no sound files in {folder}"
    with _qt_messages() as messages:
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError as error:
            return f"off: QtMultimedia cannot be loaded ({error})"
        if not QMediaDevices.audioOutputs():
            reason = "no sound output device was found"
            if sys.platform.startswith("linux"):
                import ctypes.util

                if ctypes.util.find_library("pulse") is None:
                    reason += " (libpulse0 is not installed)"
            return f"off here: {reason}{_why_from(messages)}"
        status = _load_effect(wavs[0])
        if status == "ready":
            return f"{wavs[0].name} loaded ({len(wavs)} cues bundled)"
        return f"off here: {wavs[0].name} {status}{_why_from(messages)}"


def _load_effect(wav: Path) -> str:
    """'ready', or what went wrong, after loading ``wav`` into a QSoundEffect."""
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QSoundEffect

    loop = QEventLoop()
    effect = QSoundEffect(loop)
    timer = QTimer(loop)
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)

    def settled() -> None:
        if effect.status() in (QSoundEffect.Status.Ready, QSoundEffect.Status.Error):
            loop.quit()

    effect.statusChanged.connect(settled)
    effect.setSource(QUrl.fromLocalFile(str(wav)))
    if effect.status() == QSoundEffect.Status.Loading:
        timer.start(SOUND_TIMEOUT_MS)
        loop.exec()
    status = effect.status()
    if status == QSoundEffect.Status.Ready:
        return "ready"
    if status == QSoundEffect.Status.Error:
        return "could not be played on this sound device"
    return f"did not load within {SOUND_TIMEOUT_MS / 1000:g} s"


# --------------------------------------------------------------------------- running


@contextmanager
def _private_temp_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="steady-self-test-") as name:
        yield Path(name) / "data"


def _run_check(report: Report, name: str, check: Callable[[], str], *,
               never_fails: bool = False) -> None:
    try:
        detail = check()
    except CheckFailed as problem:
        report.add("FAIL", name, str(problem))
        return
    except Exception as error:  # a self-test reports every failure, whatever it is
        last = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        outcome: Outcome = "note" if never_fails else "FAIL"
        report.add(outcome, name, f"{type(error).__name__}: {error} ({where})")
        return
    if never_fails and detail.startswith("off"):
        report.add("note", name, detail)
    else:
        report.add("ok", name, detail)


def _default_out() -> TextIO | None:
    """stdout; a windowed Windows bundle has none, so the report goes to a file there."""
    if sys.stdout is not None:
        return sys.stdout
    target = Path(tempfile.gettempdir()) / "steady-self-test.txt"
    return target.open("w", encoding="utf-8")


def run(out: TextIO | None = None) -> int:
    """Run every check, print the report, return the exit status (0 ok, 1 failed)."""
    report = Report(out if out is not None else _default_out())
    report.write(f"Steady {__version__} self-test ({paths.bundle_kind()}: {paths.bundle_root()})")
    use_offscreen_without_display(os.environ)
    with _private_temp_dir() as data_dir:
        # Anything that falls back to the environment must not find the real folder.
        saved = os.environ.get(paths.DATA_DIR_ENV)
        os.environ[paths.DATA_DIR_ENV] = str(data_dir)
        try:
            _run_check(report, "exercises", check_exercises)
            _run_check(report, "storage", lambda: check_storage(data_dir / "log"))
            _run_check(report, "window", lambda: check_window(data_dir / "window"))
            _run_check(report, "sound", check_sound, never_fails=True)
        finally:
            if saved is None:
                os.environ.pop(paths.DATA_DIR_ENV, None)
            else:
                os.environ[paths.DATA_DIR_ENV] = saved
    failed = report.failed
    if failed:
        report.write(f"self-test FAILED: {', '.join(failed)}")
        if report.out is not sys.stderr and sys.stderr is not None:
            sys.stderr.write(f"steady: self-test failed: {', '.join(failed)}\n")
        return 1
    report.write(f"self-test passed: {len(report.lines)} checks")
    return 0
