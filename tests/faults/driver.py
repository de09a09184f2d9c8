"""Run the real Steady (``steady [--data-dir D] [start ID]``) offscreen and drive it by keys.

The fault tests start this in its own process, watch the log from outside and
kill it, or read what it printed. It goes through ``app.__main__.main`` exactly as
the ``steady`` command does, and acts once the window is up. Every log record
of the app goes to stderr at DEBUG, so a test can check none holds a note.

    python -m tests.faults.driver session DIR --before 7 [--stop-at after --after 3 \
        --note TEXT --tags "a, b"]
        Rate, start the exercise (and at ``after``: stop it, rate, type the note
        and tags, without confirming), print ``{"at": ...}``, then keep running
        until killed, or with ``--close`` close the window at once.
    python -m tests.faults.driver history DIR
        Start, open History, print what it shows as one JSON line, quit.
    python -m tests.faults.driver open DIR
        Start, print the notice and the log's state, do one short session by
        keys (rating 5, stop at once, rating 4 and a note, Done), print how that
        went, quit. ``--save-settings`` saves the settings first.
    python -m tests.faults.driver wait DIR [--start ID] [--tray]
        Start (``steady [--tray] [start ID]``), print ``{"at": "waiting", ...}``
        with what the window shows, and keep running until killed.
    python -m tests.faults.driver look DIR [--start ID]
        Start, print ``{"at": "opened", ...}`` with what the window shows, quit.
    python -m tests.faults.driver jump DIR [--jump -60] [--note TEXT --tags "a, b"]
        Through the composition root with a wall clock the driver holds: a
        session during which the clock is moved by ``--jump`` minutes, then
        another; each prints how it went (``first``, ``second``); quit.
    python -m tests.faults.driver pause DIR --go FILE [--note TEXT] [--keep-to FILE]
        A session that stops after the first rating, prints ``waiting`` and
        waits until FILE exists, then ends it by keys and prints ``done``; with
        ``--keep-to``, presses "Save to a file…" (when offered) choosing that
        file, and prints ``kept``; quit.

A start that a Steady already running takes over prints nothing and exits 0,
as ``steady`` does.

Only for tests: it is not shipped, and it needs nothing but the app.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.__main__ import main as steady_main
from app.bootstrap import run_gui
from app.ui.history.models import SessionsModel
from app.ui.shell.application import make_application
from app.ui.shell.session_steps import SessionSteps
from app.ui.shell.window import MainWindow

OPEN_NOTE = "written after a fault"


def say(payload: dict[str, object]) -> None:
    """One JSON line on stdout, flushed at once (the test may kill us right after)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def the_window() -> MainWindow:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    raise RuntimeError("the Steady window did not open")


def press(widget: QWidget, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)


def type_text(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text)


def rate(page: QWidget, rating: int | None) -> None:
    """A digit and Enter, or S to skip, as a person would."""
    if rating is None:
        press(page, Qt.Key.Key_S)
        return
    type_text(page, str(rating))
    press(page, Qt.Key.Key_Return)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Let the event loop turn until ``condition()`` holds (keys may act a moment later)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        QTest.qWait(10)


def stop_exercise(window: MainWindow) -> None:
    """Esc on the exercise, then wait for the after page."""
    page = window.exercise_page
    if page is None:
        raise RuntimeError("the exercise did not start")
    press(page, Qt.Key.Key_Escape)
    wait_for(lambda: window.current_page() is window.after, "the after page")


def notice(window: MainWindow) -> str:
    return window.notice.text() if not window.notice.isHidden() else ""


def log_state(window: MainWindow) -> dict[str, object]:
    store = window.store
    path = getattr(store, "path", None)
    return {"persistent": path is not None, "count": store.count(),
            "notice": notice(window)}


# --------------------------------------------------------------------------- scenarios


def session(window: MainWindow, args: argparse.Namespace) -> None:
    """Opened by ``steady start ID``: the before page is showing."""
    rate(window.before, args.before)
    if window.exercise_page is None:
        raise RuntimeError("the exercise did not start")
    say({"at": "exercise", **log_state(window)})
    if args.stop_at == "exercise":
        close_if_asked(window, args)
        return
    stop_exercise(window)
    if args.after is not None:
        type_text(window.after, str(args.after))
    type_text(window.after.note, args.note)
    type_text(window.after.tags, args.tags)
    say({"at": "after"})  # nothing confirmed: the test kills us here
    close_if_asked(window, args)


def close_if_asked(window: MainWindow, args: argparse.Namespace) -> None:
    """``--close``: close the window at once, as a person would (Steady then quits)."""
    if args.close:
        window.close()


def history(window: MainWindow, args: argparse.Namespace) -> None:
    window.show_history()
    page = window.history_page
    assert page is not None
    model = page.sessions_model
    rows = []
    for row in range(model.rowCount()):
        record = model.record(row)
        shown = {name: model.index(row, column).data() for name, column in (
            ("status", SessionsModel.STATUS), ("ratings", SessionsModel.RATINGS),
            ("note", SessionsModel.NOTE), ("tags", SessionsModel.TAGS))}
        tip = model.index(row, SessionsModel.STATUS).data(Qt.ItemDataRole.ToolTipRole)
        rows.append({"id": record.id, "status": record.status, "before": record.before,
                     "after": record.after, "note": record.note, "tags": list(record.tags),
                     "shown": shown, "status_tip": tip})
    say({"at": "history", "rows": rows, **log_state(window)})
    QApplication.quit()


def open_and_use(window: MainWindow, args: argparse.Namespace) -> None:
    say({"at": "opened", **log_state(window)})
    if args.save_settings:  # through the window, as Settings' Save does
        problem = window.apply_settings(replace(window.settings, first_run_done=True))
        say({"at": "settings", "problem": problem})
    if not window.start_exercise("box"):
        raise RuntimeError("no box exercise")
    rate(window.before, 5)
    stop_exercise(window)
    type_text(window.after, "4")
    type_text(window.after.note, OPEN_NOTE)
    press(window.after.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    on_summary = window.current_page() is window.summary
    say({"at": "used", "summary": on_summary, "unsaved": window.flow.unsaved,
         "summary_text": window.summary.line.text() if on_summary else "",
         "saved_note": window.summary.saved_note.text() if on_summary else "",
         **log_state(window)})
    QApplication.quit()


def shows(window: MainWindow) -> dict[str, object]:
    """What the window shows now: the page, whether it is on screen or minimised, the
    notice, and whether it waits in a tray."""
    page = window.current_page()
    return {"page": type(page).__name__ if page is not None else None,
            "visible": window.isVisible(), "minimised": window.isMinimized(),
            "tray": window.tray is not None, "notice": notice(window)}


def wait(window: MainWindow, args: argparse.Namespace) -> None:
    say({"at": "waiting", **shows(window)})


def look(window: MainWindow, args: argparse.Namespace) -> None:
    say({"at": "opened", **shows(window)})
    QApplication.quit()


class JumpingClock:
    """The wall clock as the computer reads it, plus an offset the scenario changes: a
    person (or a time server) setting the clock while Steady runs."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


WALL_CLOCK = JumpingClock()


def one_session(window: MainWindow, before: int, after: int, note: str, tags: str,
                *, between: Callable[[], None] | None = None) -> dict[str, object]:
    """Rate, start, (``between``), stop, rate again with a note and tags, Done."""
    if not window.start_exercise("box"):
        raise RuntimeError("no box exercise")
    rate(window.before, before)
    if between is not None:
        between()
    stop_exercise(window)
    type_text(window.after, str(after))
    type_text(window.after.note, note)
    type_text(window.after.tags, tags)
    press(window.after.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_for(lambda: window.current_page() is window.summary, "the summary")
    return {"unsaved": window.flow.unsaved, "saved_note": window.summary.saved_note.text(),
            "keep_offered": window.summary.keep_button.isVisibleTo(window),
            **log_state(window)}


def clock_jump(window: MainWindow, args: argparse.Namespace) -> None:
    """A session during which the clock is set back (``--jump`` minutes), then another."""
    def set_clock() -> None:
        WALL_CLOCK.offset = timedelta(minutes=args.jump)

    say({"at": "first", **one_session(window, 7, 3, args.note, args.tags, between=set_clock)})
    say({"at": "second", **one_session(window, 6, 4, "the next one", "")})
    QApplication.quit()


def pause(window: MainWindow, args: argparse.Namespace) -> None:
    """A session that waits, after the first rating, until the file ``--go`` exists (the
    test does something to the data folder meanwhile), then ends it."""
    go = Path(args.go)

    def wait_for_go() -> None:
        say({"at": "waiting", **log_state(window)})
        wait_for(go.exists, "the test's go-ahead", timeout=60.0)

    say({"at": "done", **one_session(window, 7, 3, args.note, args.tags, between=wait_for_go)})
    if args.keep_to and window.summary.keep_button.isVisibleTo(window):  # "Save to a file…"
        window.steps.choose_file = lambda _parent, _suggested: Path(args.keep_to)
        press(window.summary.keep_button, Qt.Key.Key_Space)
        say({"at": "kept", "notice": notice(window)})
    QApplication.quit()


SCENARIOS: dict[str, Callable[[MainWindow, argparse.Namespace], None]] = {
    "session": session, "history": history, "open": open_and_use, "jump": clock_jump,
    "pause": pause, "wait": wait, "look": look,
}
#: Scenarios that press keys: they need the window active first.
BY_KEYS = frozenset({"session", "history", "open", "jump", "pause"})


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="driver")
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("data_dir")
    parser.add_argument("--exercise", default="box")
    parser.add_argument("--before", type=int)
    parser.add_argument("--stop-at", choices=("exercise", "after"), default="exercise")
    parser.add_argument("--after", type=int)
    parser.add_argument("--note", default="")
    parser.add_argument("--tags", default="")
    parser.add_argument("--save-settings", action="store_true")
    parser.add_argument("--close", action="store_true")
    parser.add_argument("--start", metavar="ID", help="wait, look: steady start ID")
    parser.add_argument("--tray", action="store_true", help="wait: steady --tray")
    parser.add_argument("--jump", type=float, default=-60.0, help="minutes (jump)")
    parser.add_argument("--go", default="", help="a file to wait for (pause)")
    parser.add_argument("--keep-to", default="", help="where 'Save to a file…' saves (pause)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")

    # Quitting with sessions no disk took would ask a person what to do with them;
    # a scenario's quit goes on without them, as quitting did before that question.
    SessionSteps.ask_before_close = staticmethod(  # type: ignore[method-assign]
        lambda _parent, _question: "close")
    app = make_application([sys.argv[0]])
    kick = QTimer(app)
    kick.setSingleShot(True)
    failed: list[BaseException] = []

    def act() -> None:
        try:
            window = the_window()
            if args.scenario in BY_KEYS:  # shortcuts (Esc on an exercise) need it active
                window.activateWindow()
                wait_for(window.isActiveWindow, "the window to become active")
            SCENARIOS[args.scenario](window, args)
        except BaseException as error:  # report, then end with a failure code
            failed.append(error)
            say({"at": "error", "error": f"{type(error).__name__}: {error}"})
            QApplication.exit(3)

    kick.timeout.connect(act)
    kick.start(0)  # runs once the window is up and the event loop turns
    if args.scenario == "jump":  # the composition root itself, handed the clock that jumps
        code = run_gui(Path(args.data_dir), wall_clock=WALL_CLOCK)
    else:
        verb = ["start", args.exercise] if args.scenario == "session" else []
        if args.start:
            verb = ["start", args.start]
        code = steady_main(["--data-dir", args.data_dir, *(["--tray"] if args.tray else []),
                            *verb])
    return 3 if failed else code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
