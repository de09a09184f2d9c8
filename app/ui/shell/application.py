"""Start the window: open the log and the exercises, apply the look, show the first page."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app import __version__, paths
from app.domain.loader import Library, load_library
from app.domain.session import SessionStore
from app.domain.settings import Settings
from app.services.single_instance import SingleInstance, request, server_name
from app.storage.db import open_database, open_memory
from app.storage.errors import StorageError
from app.storage.sessions import SqliteSessionStore
from app.storage.settings import load_settings, save_settings
from app.ui.shell import translations
from app.ui.shell.window import MainWindow
from app.ui.style import theme

log = logging.getLogger(__name__)


@dataclass
class Opened:
    """The log as opened at start-up, and anything the person should be told."""

    store: SessionStore
    notice: str = ""
    persistent: bool = True


def open_log(data_dir: Path) -> Opened:
    """The SQLite log, or (when it cannot be used) one in memory, with a plain message."""
    try:
        result = open_database(data_dir)
    except StorageError as error:
        log.warning("log unavailable: %s", type(error).__name__)
        kept = QCoreApplication.translate(
            "Startup", "Sessions this time are kept only until Steady closes.")
        return Opened(SqliteSessionStore(open_memory()), notice=f"{error} {kept}",
                      persistent=False)
    store = SqliteSessionStore(result.connection)
    try:
        interrupted = store.mark_interrupted()
    except StorageError as error:  # a full disk or a lock: the log can still be read
        log.warning("could not mark interrupted sessions: %s", type(error).__name__)
        notice = f"{error} " + QCoreApplication.translate(
            "Startup", "Your sessions so far are safe; new ones may not be saved until then.")
        return Opened(store, notice=" ".join(filter(None, (result.notice, notice))))
    if interrupted:
        log.info("%d session(s) marked interrupted", interrupted)
    return Opened(store, notice=result.notice or "")


def load_exercises(data_dir: Path) -> Library:
    return load_library(paths.bundled_exercises_dir(), paths.user_exercises_dir(data_dir))


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


def build_window(data_dir: Path, settings: Settings | None = None, *,
                 start_id: str | None = None, light_start: bool = False) -> MainWindow:
    """The window, on ``start_id``'s first rating when given (else home).

    With ``light_start`` only the first page is made before the first frame; the
    window makes the rest once that frame is painted (``MainWindow.finish_start``).
    """
    settings = settings or Settings()
    opened = open_log(data_dir)
    window = MainWindow(load_exercises(data_dir), opened.store, settings, data_dir=data_dir,
                        start_id=start_id, light_start=light_start)
    window.settings_writer = lambda new: save_settings(data_dir, new)
    if opened.notice:
        window.show_notice(opened.notice)
    return window


def answer_request(window: MainWindow, message: dict[str, object]) -> dict[str, object]:
    """What the running Steady does when another ``steady`` hands it a request."""
    from app.ui.shell.tray import bring_forward

    bring_forward(window)
    if message.get("cmd") == "start":
        return {"ok": True, "started": window.start_exercise(str(message.get("id", "")))}
    return {"ok": True}


def open_first_page(window: MainWindow, start_id: str | None = None) -> None:
    """``steady start ID`` goes straight to the exercise; else the welcome, once."""
    if start_id:
        if window.current_exercise_id() != start_id:  # not already made on it
            window.start_exercise(start_id)
    elif not window.settings.first_run_done:
        window.show_welcome()  # skipping it, or leaving it for contacts, saves that


def run_gui(data_dir: Path, start_id: str | None = None) -> int:
    app = make_application()
    instance = SingleInstance(server_name(data_dir), parent=app)
    if instance.hand_over(request(start_id), listen_later=True):
        return 0  # the Steady already running took it (docs/decisions/0004)
    translations.install(app)
    settings, settings_notice = load_settings(data_dir)
    theme.apply(app, settings.theme, settings.text_scale)
    window = build_window(data_dir, settings, start_id=start_id, light_start=True)
    if settings_notice is not None:
        from app.ui.settings.page import notice_text

        window.show_notice("\n\n".join(filter(None, (window.notice.text(),
                                                      notice_text(settings_notice)))))
    window.show()
    open_first_page(window, start_id)
    instance.set_handler(lambda message: answer_request(window, message))
    window.after_first_frame(instance.listen_now, first=True)  # a second start waits till then
    window.after_first_frame(lambda: finish_desktop(app, window))
    window.after_first_frame(lambda: quit_on_signals(app, window))
    return app.exec()


def quit_on_signals(app: QApplication, window: MainWindow) -> None:
    """SIGTERM, SIGINT or SIGHUP quit as Quit does, keeping what was entered (POSIX)."""
    if os.name != "posix":
        return
    from app.services.quit_signals import QuitOnSignals

    def quit_now() -> None:
        window.prepare_to_quit()
        app.quit()

    QuitOnSignals(quit_now, parent=app)


def finish_desktop(app: QApplication, window: MainWindow) -> None:
    """Once the window is up: Steady's icon, and the tray icon where there is a tray."""
    set_icon(app)
    from app.ui.shell.tray import SteadyTray

    window.tray = SteadyTray.create(window)
