"""Nothing replaces what the person is doing: an exercise asked for from outside waits
until they choose to go to it (app/ui/shell/waiting.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.shell.application import answer_request
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from tests.gui.conftest import FakeClock, show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock,
           tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(library, store, Settings(first_run_done=True, lead_in=False),
                     clock=clock, data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    show_active(qtbot, win)
    yield win


def to_the_after_rating(window: MainWindow) -> None:
    assert window.start_exercise("five-senses")
    window.before.confirmed.emit(6, False, None, None)
    assert window.exercise_page is not None
    window.exercise_page.stop()
    assert window.current_page() is window.after


def test_idle_it_starts_at_once(window: MainWindow) -> None:
    assert answer_request(window, {"cmd": "start", "id": "box"})["started"] is True
    assert window.current_page() is window.before and window.waiting.isHidden()


def test_with_an_after_rating_and_a_note_typed_it_waits(qtbot: QtBot, window: MainWindow,
                                                        store: SqliteSessionStore) -> None:
    to_the_after_rating(window)
    qtbot.keyClick(window.after.scale, Qt.Key.Key_4)
    window.after.note.setPlainText("The phone call earlier.")
    reply = answer_request(window, {"cmd": "start", "id": "box"})
    assert reply == {"ok": True, "started": False, "waiting": True}
    assert window.current_page() is window.after  # still here, with what was typed
    assert window.after.scale.value() == 4
    assert window.after.note.toPlainText() == "The phone call earlier."
    assert window.waiting.isVisible() and "Box breathing" in window.waiting.accessibleName()
    qtbot.keyClick(window.after.note, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.before and window.current_exercise_id() == "box"
    assert window.waiting.isHidden()
    earlier = [r for r in store.sessions() if r.exercise_id == "five-senses"]
    assert earlier and earlier[0].after == 4 and earlier[0].note == "The phone call earlier."


def test_during_an_exercise_it_waits_and_going_keeps_the_one_under_way(
        qtbot: QtBot, window: MainWindow, clock: FakeClock,
        store: SqliteSessionStore) -> None:
    assert window.start_exercise("five-senses")
    window.before.confirmed.emit(6, False, None, None)
    page = window.exercise_page
    assert page is not None
    clock.advance(20.0)
    assert window.request_start("box") == "waiting"
    assert window.exercise_page is page  # not replaced
    window.waiting.click()
    assert window.current_exercise_id() == "box"
    [stopped] = [r for r in store.sessions() if r.exercise_id == "five-senses"]
    assert stopped.status == "stopped" and stopped.before == 6


def test_unsaved_settings_wait_and_are_kept_on_the_way(qtbot: QtBot, window: MainWindow) -> None:
    window.show_settings()
    page = window.settings_page
    assert page is not None
    page.reduced_motion.click()
    assert window.request_start("box") == "waiting"
    assert window.current_page() is page and page.is_dirty()
    window.waiting.click()
    assert window.settings.reduced_motion is True  # kept, as Back keeps them
    assert window.current_exercise_id() == "box"


def test_an_unsaved_editor_waits(qtbot: QtBot, window: MainWindow,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.editor import parts

    monkeypatch.setattr(parts.CloseDialog, "ask", classmethod(lambda *_a, **_k: True))
    own = window.own_exercises
    assert own is not None
    editor = own.new_exercise()
    assert editor is not None
    editor.fields.title_edit.setText("My calm")
    assert window.request_start("box") == "waiting"
    assert window.current_page() is editor and editor.fields.title_edit.text() == "My calm"


def test_an_unknown_exercise_is_not_started_nor_waits(window: MainWindow) -> None:
    to_the_after_rating(window)
    assert window.request_start("nope") == "unknown"
    assert window.waiting.isHidden() and window.current_page() is window.after


def test_the_words_fit_the_room_and_grow_back(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 1.5)  # larger text: at 640 wide the longest words cannot fit
    try:
        to_the_after_rating(window)
        qtbot.keyClick(window.after.scale, Qt.Key.Key_4)  # something of theirs on the page
        window.resize(1280, 900)
        assert window.request_start("box") == "waiting"
        button = window.waiting
        qtbot.waitUntil(lambda: button.text() == "“Box breathing” is waiting: go to it "
                                                 "(Ctrl+G)")
        window.resize(640, 480)
        qtbot.waitUntil(lambda: button.text() != button.wordings[0])
        assert button.width() >= QPushButton.sizeHint(button).width()  # what it shows fits
        window.resize(1280, 900)
        qtbot.waitUntil(lambda: button.text() == button.wordings[0])
        assert "Box breathing" in button.accessibleName()  # the whole of it, at any width
        assert "nothing you typed is lost" in button.accessibleDescription()
    finally:
        theme.apply(app, "light", 1.0)


def test_it_stands_in_for_the_name_in_the_header(qtbot: QtBot, window: MainWindow) -> None:
    to_the_after_rating(window)
    qtbot.keyClick(window.after.scale, Qt.Key.Key_4)
    [name] = [w for w in window.findChildren(QLabel) if w.text() == "Steady"]
    assert window.request_start("box") == "waiting"
    assert name.isHidden() and window.waiting.isVisible()
    window.waiting.click()
    assert window.waiting.isHidden() and name.isVisible()
