"""The Qt side of starting: the application object, the first page, the desktop's parts.

What is opened and built from the person's files is put together in
:mod:`app.bootstrap`; this module holds the steps that only need Qt and the window.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app import __version__, paths
from app.ui.shell.window import MainWindow
from app.ui.style import theme

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.services.single_instance import SingleInstance
    from app.ui.shell.reminders import PracticeReminders
    from app.ui.shell.tray import SteadyTray

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    args = argv if argv is not None else sys.argv[:1]
    app = QApplication([*args, *theme.style_arguments()])
    theme.mark_style_set(app)
    app.setApplicationName("Steady")
    app.setApplicationDisplayName("Steady")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Steady")
    app.setDesktopFileName("steady")  # the desktop's icon for Steady until set_icon
    return app


def set_icon(app: QApplication) -> None:
    """Steady's icon on its windows (after the first frame: loading it takes a moment)."""
    from PySide6.QtGui import QIcon

    icon = paths.resource("icons", "steady.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def log_notice(notice: str, problem: str, *, in_memory: bool, kept_safe: bool = False) -> str:
    """What the window says about the log at start-up ("" when all is well).

    ``notice`` is what storage said about a file it moved aside or rebuilt;
    ``problem``, why the log could not be used (``in_memory``) or updated;
    ``kept_safe``, that this run's sessions go to a recovery file meanwhile.
    """
    if not problem:
        return notice
    if in_memory and kept_safe:
        kept = QCoreApplication.translate(
            "Startup", "Sessions this time are kept safe in a recovery file on this computer "
            "and added to your log the next time Steady starts and can open it.")
    elif in_memory:
        kept = QCoreApplication.translate(
            "Startup", "Sessions this time are kept only until Steady closes.")
    else:
        kept = QCoreApplication.translate(
            "Startup", "Your sessions so far are safe; new ones may not be saved until then.")
    return " ".join(filter(None, (notice, f"{problem} {kept}")))


def answer_request(window: MainWindow, message: dict[str, object]) -> dict[str, object]:
    """What the running Steady does when another ``steady`` hands it a request.

    ``show`` brings the window forward; ``start`` does too and opens the exercise,
    or, while the person is in the middle of something, lets it wait for them
    behind the header's button (``"waiting"``, app.ui.shell.waiting); unless this
    Steady does not know the id (then nothing changes here and the other start
    says so itself). ``tray`` (a start at login meeting a Steady already running)
    changes nothing. The files named for a started id that could not be read are
    told back, for the other start to print.
    """
    from app.ui.shell.tray import bring_forward

    command = message.get("cmd")
    if command == "tray":
        return {"ok": True}
    if command == "start":
        exercise_id = str(message.get("id", ""))
        if window.library.get(exercise_id) is None:
            return {"ok": True, "started": False}
        problems = [str(p) for p in window.library.problems
                    if Path(p.path).stem == exercise_id]
        bring_forward(window)
        result = window.request_start(exercise_id)
        reply: dict[str, object] = {"ok": True, "started": result == "started",
                                    "waiting": result == "waiting"}
        if problems:
            reply["problems"] = problems
        return reply
    bring_forward(window)
    return {"ok": True}


def open_first_page(window: MainWindow, start_id: str | None = None) -> None:
    """``steady start ID`` goes straight to the exercise; else the welcome, once."""
    if start_id:
        if window.current_exercise_id() != start_id:  # not already made on it
            window.start_exercise(start_id)
    elif not window.settings.first_run_done:
        window.show_welcome()  # skipping it, or leaving it for contacts, saves that


def quit_on_signals(app: QApplication, window: MainWindow) -> None:
    """SIGTERM, SIGINT or SIGHUP quit as Quit does, keeping what was entered (POSIX)."""
    if os.name != "posix":
        return
    from app.services.quit_signals import QuitOnSignals

    QuitOnSignals(lambda: quit_without_asking(window, app.quit), parent=app)


def quit_without_asking(window: MainWindow, quit_app: Callable[[], None]) -> None:
    """Quit as Quit does, keeping what was entered, with no question on the way: a
    signal comes when the desktop is logging out or shutting down, or from a terminal,
    and nobody may be there to answer."""
    window.asks_before_closing = False
    window.prepare_to_quit()
    quit_app()


def finish_desktop(app: QApplication, window: MainWindow) -> None:
    """Once the window is up: Steady's icon, the tray icon where there is a tray, and
    the practice reminders."""
    set_icon(app)
    from app.ui.shell.tray import SteadyTray

    tray = SteadyTray.create(window)
    window.tray = tray
    start_reminders(window, tray)


def start_reminders(window: MainWindow, tray: SteadyTray | None,
                    **clocks: Any) -> PracticeReminders:
    """The window's practice reminders, offered through ``tray`` (None: in the window).

    They follow the settings from now on: with none chosen there is no timer at all
    (docs/decisions/0023-practice-reminders.md). ``clocks`` go to
    :class:`~app.ui.shell.reminders.PracticeReminders` (tests give fake ones).
    """
    from app.ui.shell.reminders import PracticeReminders

    reminders = PracticeReminders(window, **clocks)
    reminders.set_tray(tray)
    window.practice = reminders
    return reminders


def wait_in_tray(app: QApplication, window: MainWindow, instance: SingleInstance, *,
                 tray_available: bool | None = None) -> None:
    """``steady --tray`` (the start at login): no window, Steady waits in the tray.

    Where the desktop has no tray it says so, once, in the window, and shows the
    window minimised instead: Steady is then one click away in the task bar.
    Everything a light start leaves for after the first frame is done now, as
    no frame is coming; the first rating is made too, so a ``steady start ID``
    handed over later shows it at once. ``tray_available`` is for tests (None: ask
    the desktop).
    """
    from app.ui.shell.tray import SteadyTray

    instance.listen_now()
    set_icon(app)
    tray = SteadyTray.create(window, available=tray_available)
    window.tray = tray
    start_reminders(window, tray)
    quit_on_signals(app, window)
    if tray is not None:
        tray.resident = True  # closing the window goes back to the tray
        window.before  # noqa: B018 - made now, while nobody waits for it
        return
    log.warning("--tray: this desktop has no tray; the window is shown minimised")
    window.show_notice(QCoreApplication.translate(
        "Startup", "This desktop has no tray, so Steady started with its window minimised. "
                   "It is ready whenever you need it."))
    window.showMinimized()
