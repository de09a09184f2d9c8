"""What the window says about where a session went, and nothing lost when the log cannot
take it: a recovery file, a data folder deleted mid-session, or "Save to a file…"."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.bootstrap import build_window, open_log
from app.domain.loader import load_library
from app.domain.session import SessionStore
from app.domain.settings import Settings
from app.storage.db import DB_NAME, open_memory
from app.storage.exchange import read_export
from app.storage.recovery import RecoveryFile, recovery_files
from app.storage.sessions import SqliteSessionStore, memory_store, open_store
from app.ui.shell.window import MainWindow
from tests.gui.conftest import FakeClock, show_active

pytestmark = pytest.mark.gui

SAVED = "Saved on this computer only."


def make_window(qtbot: QtBot, store: SessionStore, clock: FakeClock) -> MainWindow:
    win = MainWindow(load_library(paths.bundled_exercises_dir()), store,
                     Settings(first_run_done=True), clock=clock)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    return win


def key(qtbot: QtBot, window: MainWindow, keys: str | Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    if isinstance(keys, str):
        for char in keys:
            qtbot.keyClicks(window.focusWidget() or window.current_page(), char)
    else:
        qtbot.keyClick(window.focusWidget() or window.current_page(), keys, modifier)


def a_session(qtbot: QtBot, window: MainWindow, *, between: object = None) -> None:
    """Rate 7, stop at once, rate 3 with a note, Done: as a person would, by keys."""
    assert window.start_exercise("box")
    key(qtbot, window, "7")
    key(qtbot, window, Qt.Key.Key_Return)
    if callable(between):
        between()
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.after)
    key(qtbot, window, "3")
    window.after.note.setPlainText("kept whatever happens")
    qtbot.keyClick(window.after.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page() is window.summary)


def notice(window: MainWindow) -> str:
    return window.notice.text() if window.notice.isVisibleTo(window) else ""


def test_a_checked_save_says_saved_on_this_computer(qtbot: QtBot, clock: FakeClock,
                                                    tmp_path: Path) -> None:
    store, _ = open_store(tmp_path / "data")
    with store:
        window = make_window(qtbot, store, clock)
        a_session(qtbot, window)
        assert window.summary.saved_note.text() == SAVED
        assert not window.summary.keep_button.isVisibleTo(window)


def test_a_session_in_a_recovery_file_is_not_called_saved_in_the_log(
        qtbot: QtBot, clock: FakeClock, tmp_path: Path) -> None:
    recovery = RecoveryFile(tmp_path / "recovery")
    with SqliteSessionStore(open_memory(), recovery=recovery) as store:
        window = make_window(qtbot, store, clock)
        a_session(qtbot, window)
        text = window.summary.saved_note.text()
        assert text.startswith("Kept safe on this computer") and text != SAVED
        assert not window.summary.keep_button.isVisibleTo(window)
        assert len(recovery_files(tmp_path / "recovery")) == 1


@pytest.fixture
def nowhere_store() -> Iterator[SqliteSessionStore]:
    with memory_store() as store:  # nothing on disk: not even a recovery file
        yield store


def test_a_session_no_disk_took_can_be_saved_to_a_chosen_file(
        qtbot: QtBot, clock: FakeClock, nowhere_store: SqliteSessionStore,
        tmp_path: Path) -> None:
    window = make_window(qtbot, nowhere_store, clock)
    a_session(qtbot, window)
    summary = window.summary
    assert summary.saved_note.text().startswith("Kept while Steady is open")
    assert summary.keep_button.isVisibleTo(window)
    chosen = tmp_path / "elsewhere" / "my-sessions.json"
    chosen.parent.mkdir()
    asked: list[Path] = []

    def choose(_parent: QWidget, suggested: Path) -> Path:
        asked.append(suggested)
        return chosen

    window.steps.choose_file = choose
    qtbot.mouseClick(summary.keep_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].name == "steady-sessions.json"
    assert f"1 session(s) saved in {chosen}" in notice(window)
    assert f'steady import "{chosen}"' in notice(window)
    (record,) = read_export(chosen)
    assert (record.before, record.after, record.note) == (7, 3, "kept whatever happens")


def test_the_data_folder_deleted_mid_session(qtbot: QtBot, clock: FakeClock,
                                             tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, _ = open_store(data)
    with store:
        window = make_window(qtbot, store, clock)
        a_session(qtbot, window, between=lambda: shutil.rmtree(data))
        assert f"Steady's data folder {data} was deleted while Steady was open" in \
            notice(window)
        assert window.summary.saved_note.text() == SAVED
        conn = sqlite3.connect(data / DB_NAME)
        try:
            rows = conn.execute("SELECT before, after, note FROM sessions").fetchall()
        finally:
            conn.close()
        assert rows == [(7, 3, "kept whatever happens")]


def newer_log(data: Path) -> None:
    store, _ = open_store(data)
    store.close()
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


def test_a_log_that_cannot_open_loses_nothing_and_is_merged_once(
        qtbot: QtBot, clock: FakeClock, tmp_path: Path) -> None:
    data = tmp_path / "data"
    newer_log(data)
    window = build_window(data, Settings(first_run_done=True))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert "kept safe in a recovery file" in notice(window)
    a_session(qtbot, window)
    assert window.summary.saved_note.text().startswith("Kept safe on this computer")
    window.close()
    window.store.close()  # type: ignore[attr-defined]
    (kept,) = recovery_files(data / "recovery")
    for file in data.glob(f"{DB_NAME}*"):  # the newer log put away: a log this Steady opens
        file.unlink()
    opened = open_log(data)
    try:
        assert "1 session(s) kept safe" in opened.notice
        (record,) = opened.store.sessions()
        assert (record.before, record.after, record.note) == (7, 3, "kept whatever happens")
    finally:
        opened.store.close()  # type: ignore[attr-defined]
    assert not kept.exists()
    again = open_log(data)
    try:
        assert again.notice == "" and again.store.count() == 1
    finally:
        again.store.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("answer", "closes", "in_file"), [
    ("stay", False, False), ("save", True, True), ("close", True, False)])
def test_closing_with_sessions_no_disk_took_offers_the_file_first(
        qtbot: QtBot, clock: FakeClock, nowhere_store: SqliteSessionStore, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, answer: str, closes: bool, in_file: bool) -> None:
    """Closed with a session kept only in memory, the window asks before it is lost:
    Keep Steady open (Esc), Save to a file… (then closes), or Close without them."""
    from app.ui.shell.session_steps import SessionSteps
    from app.ui.widgets.dialogs import Question

    window = make_window(qtbot, nowhere_store, clock)
    a_session(qtbot, window)
    asked: list[Question] = []

    def ask(_parent: object, question: Question) -> str:
        asked.append(question)
        return answer

    monkeypatch.setattr(SessionSteps, "ask_before_close", staticmethod(ask))
    chosen = tmp_path / "kept.json"
    window.steps.choose_file = lambda _parent, _suggested: chosen
    assert window.close() is closes
    assert len(asked) == 1 and "1 session could not be saved" in asked[0].text
    assert asked[0].cancel == "stay"
    assert chosen.exists() is in_file
    if in_file:
        (record,) = read_export(chosen)
        assert (record.before, record.after) == (7, 3)


def test_closing_with_everything_saved_asks_nothing(
        qtbot: QtBot, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.shell.session_steps import SessionSteps

    store, _ = open_store(tmp_path / "data")
    with store:
        window = make_window(qtbot, store, clock)
        a_session(qtbot, window)
        monkeypatch.setattr(SessionSteps, "ask_before_close", staticmethod(
            lambda *_args: pytest.fail("asked with nothing at risk")))
        assert window.close()


def test_a_quit_by_a_signal_never_waits_on_the_question(
        qtbot: QtBot, clock: FakeClock, nowhere_store: SqliteSessionStore,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Logging out, shutting down, Ctrl+C: a signal quits as Quit does, and nothing
    asks (Qt's quit closes the window, as ``closed`` stands in for here)."""
    from app.ui.shell.application import quit_without_asking
    from app.ui.shell.session_steps import SessionSteps

    window = make_window(qtbot, nowhere_store, clock)
    a_session(qtbot, window)
    assert window.flow.held()
    monkeypatch.setattr(SessionSteps, "ask_before_close", staticmethod(
        lambda *_args: pytest.fail("a quit must not ask")))
    closed: list[bool] = []
    quit_without_asking(window, lambda: closed.append(window.close()))
    assert closed == [True]
