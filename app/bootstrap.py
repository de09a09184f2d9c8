"""The composition root: the one place that opens storage and puts Steady together.

Everything that is made once per run starts here: the log (or a log in memory
when the file cannot be used), the exercise library, the settings and what
writes them, and then the window built from them. The command line reads its
exercises here too. The screens under ``app.ui`` are handed what they need and
never open storage themselves (docs/ARCHITECTURE.md).

Nothing of Qt is imported at module level: the command line's verbs use this
module without loading PySide6.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.domain.compiled import load_library
from app.domain.errors import StorageError
from app.domain.loader import Library
from app.domain.session import SessionStore, utc_now
from app.domain.settings import Settings
from app.services import handover
from app.storage.datadir import RECOVERY_FOLDER
from app.storage.db import open_database, open_memory
from app.storage.recovery import RecoveryFile, merge_recovery
from app.storage.sessions import SqliteSessionStore
from app.storage.settings import load_settings, save_settings

if TYPE_CHECKING:
    from app.domain.plan import PlanStore
    from app.services.autostart import Autostart
    from app.services.handover import FileId
    from app.ui.shell.window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class OpenedLog:
    """The log as opened at start-up, and anything the person should be told about it.

    ``problem`` is storage's own plain message when the file could not be used at all
    (``in_memory``) or could be read but not updated; ``notice`` is what storage said
    about a file it moved aside or rebuilt, or sessions brought back from a recovery
    file. ``kept_safe``: sessions this run go to a recovery file on disk (when the log
    is in memory) rather than nowhere.
    """

    store: SessionStore
    notice: str = ""
    problem: str = ""
    in_memory: bool = False
    kept_safe: bool = True


def recovery_file(data_dir: Path) -> RecoveryFile:
    return RecoveryFile(Path(data_dir) / RECOVERY_FOLDER)


def open_log(data_dir: Path) -> OpenedLog:
    """The SQLite log in ``data_dir``, or (when it cannot be used) one in memory whose
    sessions go to a recovery file. A log that opens first takes in what earlier runs
    kept in recovery files (before anything else touches it), then marks sessions a
    crash left running."""
    recovery = recovery_file(data_dir)
    try:
        result = open_database(data_dir)
    except StorageError as error:
        log.warning("log unavailable: %s", type(error).__name__)
        kept = recovery.start()
        return OpenedLog(SqliteSessionStore(open_memory(), recovery=recovery),
                         problem=str(error), in_memory=True, kept_safe=kept)
    store = SqliteSessionStore(result.connection, recovery=recovery)
    notices = [result.notice or ""]
    try:
        merged = merge_recovery(recovery.folder, store.restore)
    except StorageError as error:  # a full disk or a lock: left for the next start
        log.warning("could not merge recovery files: %s", type(error).__name__)
    else:
        notices.append(merged.notice())
    notice = " ".join(filter(None, notices))
    try:
        interrupted = store.mark_interrupted()
    except StorageError as error:  # a full disk or a lock: the log can still be read
        log.warning("could not mark interrupted sessions: %s", type(error).__name__)
        return OpenedLog(store, notice=notice, problem=str(error))
    if interrupted:
        log.info("%d session(s) marked interrupted", interrupted)
    return OpenedLog(store, notice=notice)


#: Steady's own exercises, read ahead (app.domain.compiled).
COMPILED_EXERCISES = "exercises.compiled.json"


def load_exercises(data_dir: Path) -> Library:
    """Steady's own exercises and the person's, theirs taking the place of the same id."""
    return load_library(paths.bundled_exercises_dir(), paths.user_exercises_dir(data_dir),
                        compiled=paths.resource(COMPILED_EXERCISES))


def open_plan(data_dir: Path) -> PlanStore:
    """The coping plan's file in ``data_dir`` (opened the first time the plan is needed)."""
    from app.storage.plan import FilePlanStore

    return FilePlanStore(data_dir)


def login_start(data_dir: Path) -> Autostart:
    """Starting this Steady (of ``data_dir``) at login, in this user's home."""
    from app.services.autostart import Autostart

    return Autostart.here(data_dir)


def build_window(data_dir: Path, settings: Settings | None = None, *,
                 start_id: str | None = None, light_start: bool = False,
                 wall_clock: Callable[[], datetime] = utc_now,
                 library: Library | None = None) -> MainWindow:
    """The window, on ``start_id``'s first rating when given (else home). ``library``:
    the exercises when already read (else they are read now).

    With ``light_start`` only the first page is made before the first frame; the
    window makes the rest once that frame is painted (``MainWindow.finish_start``).
    """
    from app.ui.shell.application import log_notice
    from app.ui.shell.window import MainWindow

    settings = settings or Settings()
    opened = open_log(data_dir)
    if library is None:
        library = load_exercises(data_dir)
    window = MainWindow(library, opened.store, settings, data_dir=data_dir,
                        start_id=start_id, light_start=light_start, wall_clock=wall_clock,
                        plans=lambda: open_plan(data_dir))
    window.settings_writer = lambda new: save_settings(data_dir, new)
    window.login_start = lambda: login_start(data_dir)
    text = log_notice(opened.notice, opened.problem, in_memory=opened.in_memory,
                      kept_safe=opened.kept_safe)
    if text:
        window.show_notice(text)
    return window


def start_window(data_dir: Path, start_id: str | None = None, *, tray: bool = False,
                 silent: FileId | None = None) -> int:
    """``steady``, ``steady start ID`` and ``steady --tray`` once nobody took them over:
    the data folder checked, the id checked against the exercises (read once, for the
    window too), then :func:`run_gui`. Says what is wrong as the command line does.

    The entry point calls this without loading the command line (app/__main__.py).
    """
    import sys

    from app.storage.datadir import DataFolderError, check_data_dir
    from app.terminal import EXIT_INVALID, EXIT_UNKNOWN_ID, failure, own_copy_note, unknown_id

    try:
        check_data_dir(data_dir)
    except DataFolderError as error:
        sys.stderr.write(failure(str(error)))
        return EXIT_INVALID
    library = load_exercises(data_dir)
    if start_id:
        # A file named for the id that could not be read: most likely the one meant.
        named = [str(p) for p in library.problems if Path(p.path).stem == start_id]
        if library.get(start_id) is None:
            sys.stderr.write(unknown_id(start_id, named, library.ids()))
            return EXIT_UNKNOWN_ID
        sys.stderr.write(own_copy_note(start_id, named))  # Steady's own starts instead
    return run_gui(data_dir, start_id, tray=tray, silent=silent, library=library)


def run_gui(data_dir: Path, start_id: str | None = None, *, tray: bool = False,
            silent: FileId | None = None,
            wall_clock: Callable[[], datetime] = utc_now,
            library: Library | None = None) -> int:
    """``steady``, ``steady start ID`` and ``steady --tray``: hand over to a running
    Steady, or open the window (with ``tray``, wait in the tray instead).

    ``silent`` is the socket file the entry point's quick hand-over found not
    answering (app/__main__.py): it is not asked again. ``wall_clock`` stamps the
    sessions (the fault suite gives one that jumps).
    """
    from app.services.single_instance import SingleInstance
    from app.ui.shell import application
    from app.ui.shell.translations import install as install_translations
    from app.ui.style import theme

    app = application.make_application()
    _make_folder(data_dir)  # named by what it is, so it must be there first
    instance = SingleInstance(handover.server_address(data_dir), parent=app)
    if instance.hand_over(handover.request(start_id, tray=tray), listen_later=True,
                          silent=silent):
        return 0  # the Steady already running took it (docs/decisions/0004)
    install_translations(app)
    settings, settings_notice = load_settings(data_dir)
    theme.apply(app, settings.theme, settings.text_scale)
    window = build_window(data_dir, settings, start_id=start_id, light_start=not tray,
                          wall_clock=wall_clock, library=library)
    if settings_notice is not None:
        from app.ui.settings.page import notice_text

        window.show_notice("\n\n".join(filter(None, (window.notice.text(),
                                                      notice_text(settings_notice)))))
    instance.set_handler(lambda message: application.answer_request(window, message))
    if tray:
        application.wait_in_tray(app, window, instance)
        return app.exec()
    window.show()
    application.open_first_page(window, start_id)
    window.after_first_frame(instance.listen_now, first=True)  # a second start waits till then
    window.after_first_frame(lambda: application.finish_desktop(app, window))
    window.after_first_frame(lambda: application.quit_on_signals(app, window))
    return app.exec()


def _make_folder(data_dir: Path) -> None:
    """Create the data folder if it is not there yet (private, as storage would)."""
    if os.path.lexists(data_dir):
        return
    try:
        paths.ensure_private_dir(data_dir)
    except OSError as error:  # the log will say what is wrong; the name falls back to the path
        log.info("could not create the data folder yet: %s", type(error).__name__)
