"""One's own exercises, in a real window: build by keys, save, copy, share, delete.

Every test uses a data folder under tmp_path; dialogs are answered by patching
their ``ask()``, file choosers by patching the module's chooser functions.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.exercise import Kind, Phase, Step
from app.domain.loader import check_files, load_file, load_library
from app.domain.session import SessionRecord
from app.domain.settings import Settings
from app.services.exercise_folder import DELETED_FOLDER
from app.storage.sessions import SqliteSessionStore
from app.ui.distress.launcher import BrokenTile
from app.ui.editor import own_exercises
from app.ui.editor.page import EditorPage
from app.ui.editor.parts import ClashDialog, CloseDialog, DeleteDialog, DraftDialog, PhaseRow
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from tests.gui.conftest import FakeClock

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

OWN_FILE = """# My own: a note I wrote by hand.
format = 1
id = "my-own"
title = "My own breath"
kind = "breathing"
minutes = 3  # short on purpose

[[phases]]
action = "inhale"
seconds = 4
[[phases]]
action = "exhale"
seconds = 8
"""


@pytest.fixture
def folder(data_dir: Path) -> Path:
    return paths.user_exercises_dir(data_dir)


@pytest.fixture(autouse=True)
def no_unexpected_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog no test answered fails at once instead of waiting for a person."""

    def unexpected(cls: type, parent: QWidget | None, text: str) -> object:
        raise AssertionError(f"unexpected question: {text}")

    for dialog in (ClashDialog, DeleteDialog, DraftDialog):
        monkeypatch.setattr(dialog, "ask", classmethod(unexpected))
    # Closing the window at the end of a test drops any draft without asking.
    monkeypatch.setattr(CloseDialog, "ask", classmethod(lambda cls, parent, text: True))


@pytest.fixture
def window(qtbot: QtBot, clock: FakeClock, store: SqliteSessionStore,
           data_dir: Path) -> Iterator[MainWindow]:
    library = load_library(paths.bundled_exercises_dir(), paths.user_exercises_dir(data_dir))
    win = MainWindow(library, store, Settings(), clock=clock, data_dir=data_dir)
    qtbot.addWidget(win)
    win.resize(900, 720)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    if win.own_exercises is not None:
        win.own_exercises.shutdown()


def focus(qtbot: QtBot, widget: QWidget) -> QWidget:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    """A key to whatever has the keyboard focus, as a person would press it."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def editor_of(window: MainWindow) -> EditorPage:
    page = window.current_page()
    assert isinstance(page, EditorPage)
    return page


def set_seconds(qtbot: QtBot, row: PhaseRow, text: str) -> None:
    focus(qtbot, row.seconds)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, text)


def write_own(folder: Path, name: str = "my-own.toml", text: str = OWN_FILE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def reload(window: MainWindow) -> None:
    assert window.own_exercises is not None
    window.own_exercises.reload()


def answer(monkeypatch: pytest.MonkeyPatch, dialog: type, value: object) -> list[str]:
    """Make ``dialog.ask`` return ``value``; the questions asked are collected."""
    asked: list[str] = []

    def ask(cls: type, parent: QWidget | None, text: str) -> object:
        asked.append(text)
        return value

    monkeypatch.setattr(dialog, "ask", classmethod(ask))
    return asked


# --------------------------------------------------------------------------- build by keys


def test_build_4_2_6_by_keys_save_and_see_the_tile(qtbot: QtBot, window: MainWindow,
                                                   folder: Path) -> None:
    focus(qtbot, window.launcher.start_now)
    press(qtbot, Qt.Key.Key_N, CTRL)
    editor = editor_of(window)
    assert editor.fields.title_edit.hasFocus()
    type_text(qtbot, "Calm 4-2-6")
    assert editor.fields.id_edit.text() == "calm-4-2-6"  # made from the title

    first, last = editor.phase_rows()
    set_seconds(qtbot, first, "4")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # a new phase after the first
    middle = editor.phase_rows()[1]
    assert middle.action.hasFocus()
    press(qtbot, Qt.Key.Key_H)  # Hold
    press(qtbot, Qt.Key.Key_Tab)
    assert middle.seconds.hasFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "2")
    set_seconds(qtbot, last, "6")
    focus(qtbot, last.action)
    press(qtbot, Qt.Key.Key_E)  # Exhale

    draft = editor.draft()
    assert draft.phases == (Phase("inhale", 4), Phase("hold", 2), Phase("exhale", 6))
    assert editor.preview_box.rate_label.text() == "5 breaths a minute"
    assert editor.preview_box.cycle_label.text().startswith("4-2-6")

    press(qtbot, Qt.Key.Key_S, CTRL)
    assert window.current_page() is window.launcher
    saved = folder / "calm-4-2-6.toml"
    assert saved.is_file()
    result = check_files([saved])  # what `steady validate` runs
    assert result.problems == []
    assert result.exercises[0].phases == draft.phases
    assert saved.read_text(encoding="utf-8").startswith("# ")  # a header for people
    tile = window.launcher.tile_for("calm-4-2-6")
    assert tile is not None and tile.hasFocus()
    assert "yours" in tile.heading.text()
    assert window.library.get("calm-4-2-6") is not None
    if os.name == "posix":
        assert saved.stat().st_mode & 0o777 == 0o600
        assert folder.stat().st_mode & 0o777 == 0o700


def test_phases_move_and_go_by_keys(qtbot: QtBot, window: MainWindow) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    _first, second = editor.phase_rows()
    focus(qtbot, second.seconds)
    press(qtbot, Qt.Key.Key_Up, ALT)  # the exhale moves first, the focus goes with it
    assert [r.phase().action for r in editor.phase_rows()] == ["exhale", "inhale"]
    assert second.seconds.hasFocus()
    assert second.number.text() == "1."
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert [r.phase().action for r in editor.phase_rows()] == ["inhale", "exhale"]
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert len(editor.phase_rows()) == 3
    press(qtbot, Qt.Key.Key_Delete, ALT)  # removes the new one; focus stays in the list
    assert [r.phase().action for r in editor.phase_rows()] == ["inhale", "exhale"]
    assert editor.phase_rows()[1].action.hasFocus()


def test_seconds_go_in_half_second_steps(qtbot: QtBot, window: MainWindow) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    row = editor.phase_rows()[0]
    assert row.seconds.singleStep() == 0.5
    assert (row.seconds.minimum(), row.seconds.maximum()) == (0.5, 99)
    focus(qtbot, row.seconds)
    press(qtbot, Qt.Key.Key_Up)
    assert row.phase().seconds == 4.5
    set_seconds(qtbot, row, "2.3")
    press(qtbot, Qt.Key.Key_Tab)
    assert row.phase().seconds == 2.5


def test_steps_builder_by_keys(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    type_text(qtbot, "Desk grounding")
    focus(qtbot, editor.fields.kind_combo)
    press(qtbot, Qt.Key.Key_G)  # Grounding
    assert editor.kind() == "grounding"
    assert editor.steps_box.isVisible() and not editor.breathing_box.isVisible()
    assert not editor.preview_running()
    row = editor.step_rows()[0]
    focus(qtbot, row.text)
    type_text(qtbot, "Press your feet into the floor.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    type_text(qtbot, "Name three things you can see.")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "3")  # items to tick
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "30")  # a gentle timer
    focus(qtbot, editor.step_rows()[1].text)
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert editor.draft().steps == (
        Step("Name three things you can see.", count=3, seconds=30),
        Step("Press your feet into the floor."),
    )
    press(qtbot, Qt.Key.Key_S, CTRL)
    exercise, problems = load_file(folder / "desk-grounding.toml")
    assert problems == [] and exercise is not None
    assert exercise.steps == editor.draft().steps
    assert window.launcher.tile_for("desk-grounding") is not None


# --------------------------------------------------------------------------- problems


def test_problems_show_next_to_their_field(qtbot: QtBot, window: MainWindow,
                                           folder: Path) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    assert editor.save() is False  # no title
    assert editor.field_errors["title"].isVisible()
    assert "title" in editor.field_errors["title"].text().lower()
    assert editor.fields.title_edit.hasFocus()
    assert not any(folder.glob("*.toml"))

    type_text(qtbot, "Box")
    editor.fields.id_edit.setText("box")  # Steady's own id: not for a new exercise
    editor.fields.on_id_edited()
    for row in editor.phase_rows():
        row.action.setCurrentIndex(0)  # two inhales and no exhale
    assert editor.save() is False
    assert editor.field_errors["title"].isHidden()  # fixed, and checked again as typed
    assert "Box breathing" in editor.field_errors["id"].text()
    assert "exhale" in editor.field_errors["phases"].text()
    assert editor.fields.id_edit.hasFocus()

    editor.fields.id_edit.clear()
    assert editor.field_errors["id"].text() == (
        "The id is empty: use lowercase letters, digits and dashes, like my-breath.")
    editor.fields.id_edit.setText("My Box")
    assert "lowercase" in editor.field_errors["id"].text()
    editor.fields.id_edit.setText("my-box")
    editor.phase_rows()[1].action.setCurrentIndex(2)
    assert editor.field_errors["id"].isHidden() and editor.field_errors["phases"].isHidden()
    assert editor.save() is True


def test_a_problem_in_one_step_shows_on_that_step(qtbot: QtBot, window: MainWindow) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise("body")
    assert editor is not None
    editor.fields.title_edit.setText("Hands")
    editor.step_rows()[0].text.setText("Open and close your hands.")
    editor.steps_box.step_list.add_after(None)
    assert editor.save() is False
    rows = editor.step_rows()
    assert rows[0].error.isHidden()
    assert rows[1].error.isVisible() and "empty" in rows[1].error.text()
    assert rows[1].text.hasFocus()


# --------------------------------------------------------------------------- bundled, edit, copy


def test_editing_a_bundled_exercise_saves_a_copy(qtbot: QtBot, window: MainWindow,
                                                 folder: Path) -> None:
    bundled = paths.bundled_exercises_dir() / "box.toml"
    before = bundled.read_bytes()
    assert window.launcher.focus_exercise("box")
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = editor_of(window)
    assert editor.mode == "copy"
    assert editor.note.isVisible() and "never changed" in editor.note.text()
    assert editor.fields.id_edit.text() == "box"
    set_seconds(qtbot, editor.phase_rows()[3], "2")
    press(qtbot, Qt.Key.Key_S, CTRL)

    assert bundled.read_bytes() == before
    copy = folder / "box.toml"
    text = copy.read_text(encoding="utf-8")
    assert "Steady's file is unchanged" in text
    assert "# Box breathing: four equal counts" in text  # the original's comments kept
    box = window.library.get("box")
    assert box is not None and not box.bundled and box.path == copy
    assert box.phases[3].seconds == 2
    assert box.sources  # carried over
    tile = window.launcher.tile_for("box")
    assert tile is not None and "yours" in tile.heading.text()


def test_editing_ones_own_file_keeps_its_comments(qtbot: QtBot, window: MainWindow,
                                                  folder: Path) -> None:
    path = write_own(folder)
    reload(window)
    assert window.launcher.focus_exercise("my-own")
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = editor_of(window)
    assert editor.mode == "edit"
    focus(qtbot, editor.fields.title_edit)
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " again")
    press(qtbot, Qt.Key.Key_S, CTRL)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# My own: a note I wrote by hand.")
    assert "short on purpose" in text
    assert 'title = "My own breath again"' in text
    assert sorted(p.name for p in folder.glob("*.toml")) == ["my-own.toml"]


def test_duplicate_makes_a_new_exercise(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    assert window.launcher.focus_exercise("box")
    press(qtbot, Qt.Key.Key_D, CTRL)
    editor = editor_of(window)
    assert editor.fields.title_edit.text() == "Box breathing (copy)"
    assert editor.fields.id_edit.text() == "box-breathing-copy"
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert (folder / "box-breathing-copy.toml").is_file()
    box = window.library.get("box")
    assert box is not None and box.bundled
    assert window.launcher.tile_for("box-breathing-copy") is not None


# --------------------------------------------------------------------------- preview, drafts


def test_preview_runs_while_shown_and_stops_on_leaving(qtbot: QtBot, window: MainWindow,
                                                       clock: FakeClock) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    driver = editor.preview_driver
    assert driver is not None and editor.preview_running()
    assert driver.parent() is editor and driver.timer().parent() is driver
    level = editor.preview_box.pacer.level()
    clock.advance(2.0)
    driver.poll()
    assert editor.preview_box.pacer.level() > level  # breathing in
    # the words of the exercise itself
    assert editor.preview_box.preview_phase.text() == "Breathe in"
    assert editor.preview_box.rate_label.text() == "6 breaths a minute"

    type_text(qtbot, "Half done")
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_page() is window.launcher
    assert editor.preview_driver is None and not driver.timer().isActive()
    draft_button = window.own_exercises.actions.draft_button
    assert draft_button.isVisible() and "Half done" in draft_button.text()

    draft_button.click()  # nothing typed is lost
    assert window.current_page() is editor
    assert editor.fields.title_edit.text() == "Half done"
    assert editor.preview_running()
    editor.on_preview_button()
    assert not editor.preview_running()


def test_a_draft_left_for_an_exercise_is_offered_back_later(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    type_text(qtbot, "Interrupted")
    assert window.start_exercise("box")  # `steady start box` from a desktop shortcut
    assert not editor.preview_running()
    window.go_home()
    button = window.own_exercises.actions.draft_button
    assert button.isVisible() and "Interrupted" in button.text()


def test_a_waiting_draft_is_offered_back(qtbot: QtBot, window: MainWindow,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    type_text(qtbot, "Unfinished")
    press(qtbot, Qt.Key.Key_Escape)
    asked = answer(monkeypatch, DraftDialog, "continue")
    assert window.launcher.focus_exercise("box")
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert asked and "Unfinished" in asked[0]
    assert editor.fields.title_edit.text() == "Unfinished"
    press(qtbot, Qt.Key.Key_Escape)
    answer(monkeypatch, DraftDialog, "discard")
    window.launcher.focus_exercise("box")
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert editor.fields.title_edit.text() == "Box breathing"


def test_closing_with_unsaved_changes_asks(qtbot: QtBot, window: MainWindow,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    type_text(qtbot, "Not yet saved")
    asked = answer(monkeypatch, CloseDialog, False)
    assert window.close() is False
    assert asked and window.isVisible() and window.current_page() is editor
    answer(monkeypatch, CloseDialog, True)
    assert window.close() is True
    assert not editor.preview_running()


def test_a_file_changed_elsewhere_while_editing_is_not_overwritten(
        qtbot: QtBot, window: MainWindow, folder: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_own(folder)
    reload(window)
    window.launcher.focus_exercise("my-own")
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = editor_of(window)
    editor.fields.title_edit.setText("Mine, from the editor")
    elsewhere = OWN_FILE.replace("My own breath", "Changed in a text editor")
    path.write_text(elsewhere, encoding="utf-8")
    asked = answer(monkeypatch, ClashDialog, "cancel")
    assert editor.save() is False
    assert asked and "my-own.toml" in asked[0]
    assert path.read_text(encoding="utf-8") == elsewhere
    answer(monkeypatch, ClashDialog, "keep-both")
    assert editor.save() is True
    assert path.read_text(encoding="utf-8") == elsewhere
    mine = window.library.get("my-own-2")
    assert mine is not None and mine.title == "Mine, from the editor"


# --------------------------------------------------------------------------- live folder


def test_a_file_written_by_another_program_appears(qtbot: QtBot, window: MainWindow,
                                                   folder: Path) -> None:
    launcher = window.launcher
    path = write_own(folder)
    qtbot.waitUntil(lambda: launcher.tile_for("my-own") is not None, timeout=5000)
    path.write_text(OWN_FILE.replace("My own breath", "Renamed outside"), encoding="utf-8")

    def renamed() -> None:
        tile = launcher.tile_for("my-own")
        assert tile is not None and "Renamed outside" in tile.heading.text()

    qtbot.waitUntil(renamed, timeout=5000)
    focus(qtbot, launcher.filter)
    type_text(qtbot, "my")
    path.write_text(OWN_FILE, encoding="utf-8")  # a change while the person types

    def first_title_again() -> None:
        tile = launcher.tile_for("my-own")
        assert tile is not None and "My own breath" in tile.heading.text()

    qtbot.waitUntil(first_title_again, timeout=5000)
    assert launcher.filter.hasFocus() and launcher.filter.text() == "my"  # undisturbed
    launcher.filter.clear()
    path.unlink()
    qtbot.waitUntil(lambda: launcher.tile_for("my-own") is None, timeout=5000)
    assert launcher.tile_for("box") is not None


def test_a_broken_file_appears_as_a_broken_tile(qtbot: QtBot, window: MainWindow,
                                                folder: Path) -> None:
    launcher = window.launcher
    broken = OWN_FILE.replace("seconds = 4", "seconds = 0.1")
    path = write_own(folder, "broken.toml", broken)

    def shown() -> None:
        assert len(launcher.broken_tiles) == 1 and launcher.broken_tiles[0].isVisible()

    qtbot.waitUntil(shown, timeout=5000)
    tile = launcher.broken_tiles[0]
    assert isinstance(tile, BrokenTile)
    assert "broken.toml" in tile.heading.text()
    # One plain sentence on the tile; the technical line in its tooltip (and for a
    # screen reader, which cannot hover, in its description).
    assert "phases[1].seconds" not in tile.details.text()
    assert "needs a fix" in tile.details.text()
    assert "phases[1].seconds" in tile.toolTip()
    assert "between 0.5 and 99" in tile.accessibleDescription()
    assert launcher.tile_for("box") is not None  # everything else still works
    launcher.filter.setText("box")
    assert not tile.isVisible()  # out of the way while searching
    launcher.filter.clear()
    shown()
    path.write_text(OWN_FILE, encoding="utf-8")
    qtbot.waitUntil(lambda: not launcher.broken_tiles and bool(launcher.tile_for("my-own")),
                    timeout=5000)


def test_a_broken_tile_opens_the_folder(qtbot: QtBot, window: MainWindow, folder: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(own_exercises, "open_url", lambda url: opened.append(url) or True)
    write_own(folder, "broken.toml", "format = 1\nid = \n")
    reload(window)
    tile = window.launcher.broken_tiles[0]
    focus(qtbot, tile)
    press(qtbot, Qt.Key.Key_Space)
    assert opened and opened[0].toLocalFile() == str(folder)
    answer(monkeypatch, DeleteDialog, True)
    focus(qtbot, window.launcher.broken_tiles[0])
    press(qtbot, Qt.Key.Key_Delete)  # moved aside, never destroyed
    assert not (folder / "broken.toml").exists()
    assert window.launcher.broken_tiles == []


def test_open_exercises_folder(qtbot: QtBot, window: MainWindow, folder: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(own_exercises, "open_url", lambda url: opened.append(url) or True)
    assert window.own_exercises is not None
    window.own_exercises.actions.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(folder)]
    assert folder.is_dir()
    monkeypatch.setattr(own_exercises, "open_url", lambda url: False)
    window.own_exercises.actions.folder_button.click()
    assert str(folder) in window.own_exercises.actions.status.text()


# --------------------------------------------------------------------------- delete, share


def test_delete_keeps_the_history_and_its_titles(qtbot: QtBot, window: MainWindow,
                                                 folder: Path, data_dir: Path,
                                                 store: SqliteSessionStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    write_own(folder)
    reload(window)
    store.save(SessionRecord(exercise_id="my-own", exercise_title="My own breath",
                             started_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
                             status="completed", before=7, after=4))
    asked = answer(monkeypatch, DeleteDialog, False)
    assert window.launcher.focus_exercise("my-own")
    press(qtbot, Qt.Key.Key_Delete)
    assert asked and "history" in asked[0]
    assert (folder / "my-own.toml").exists()  # "Keep it"

    answer(monkeypatch, DeleteDialog, True)
    window.launcher.focus_exercise("my-own")
    press(qtbot, Qt.Key.Key_Delete)
    assert not (folder / "my-own.toml").exists()
    assert window.library.get("my-own") is None
    assert window.launcher.tile_for("my-own") is None
    aside = list((data_dir / DELETED_FOLDER).glob("my-own-*.toml"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == OWN_FILE
    [record] = store.sessions()
    assert (record.exercise_id, record.exercise_title) == ("my-own", "My own breath")


def test_bundled_exercises_cannot_be_deleted(qtbot: QtBot, window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, DeleteDialog, True)
    window.launcher.focus_exercise("box")
    press(qtbot, Qt.Key.Key_Delete)
    assert asked == []
    assert window.library.get("box") is not None
    assert window.own_exercises is not None
    tile = window.launcher.tile_for("box")
    assert tile is not None
    names = [a.objectName() for a in window.own_exercises.actions.menu_for(tile).actions()]
    assert "delete" not in names and "edit" in names


def test_export_then_import_round_trip(qtbot: QtBot, window: MainWindow, folder: Path,
                                       tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    original = write_own(folder)
    reload(window)
    shared = tmp_path / "shared" / "to-a-friend.toml"
    shared.parent.mkdir()
    monkeypatch.setattr(own_exercises, "choose_export_file", lambda parent, suggested: shared)
    window.launcher.focus_exercise("my-own")
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    assert shared.read_bytes() == original.read_bytes()  # comments and all

    # On a friend's computer: the same file, imported.
    original.unlink()
    reload(window)
    assert window.library.get("my-own") is None
    monkeypatch.setattr(own_exercises, "choose_import_file", lambda parent: shared)
    focus(qtbot, window.launcher.start_now)
    press(qtbot, Qt.Key.Key_I, CTRL)
    imported = folder / "my-own.toml"
    assert imported.read_bytes() == shared.read_bytes()
    assert window.launcher.tile_for("my-own") is not None

    # The same id again: keep both gives the new one its own id, comments kept.
    asked = answer(monkeypatch, ClashDialog, "keep-both")
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert asked and "my-own" in asked[0]
    second = folder / "my-own-2.toml"
    text = second.read_text(encoding="utf-8")
    assert 'id = "my-own-2"' in text and "# My own: a note I wrote by hand." in text
    assert {"my-own", "my-own-2"} <= set(window.library.ids())

    # Cancel changes nothing; replace swaps the file and keeps the old one aside.
    answer(monkeypatch, ClashDialog, "cancel")
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert sorted(p.name for p in folder.glob("*.toml")) == ["my-own-2.toml", "my-own.toml"]
    shared.write_text(OWN_FILE.replace("My own breath", "Friend's version"), encoding="utf-8")
    answer(monkeypatch, ClashDialog, "replace")
    press(qtbot, Qt.Key.Key_I, CTRL)
    mine = window.library.get("my-own")
    assert mine is not None and mine.title == "Friend's version"
    assert sorted(p.name for p in folder.glob("*.toml")) == ["my-own-2.toml", "my-own.toml"]


def test_importing_a_bundled_id_asks_and_never_touches_the_bundle(
        qtbot: QtBot, window: MainWindow, folder: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = paths.bundled_exercises_dir() / "box.toml"
    before = bundled.read_bytes()
    incoming = tmp_path / "box.toml"
    incoming.write_bytes(before.replace(b'title = "Box breathing"', b'title = "Square"'))
    monkeypatch.setattr(own_exercises, "choose_import_file", lambda parent: incoming)
    asked = answer(monkeypatch, ClashDialog, "replace")
    assert window.own_exercises is not None
    window.own_exercises.on_import()
    assert asked and "Steady already has" in asked[0]
    assert bundled.read_bytes() == before
    box = window.library.get("box")
    assert box is not None and box.title == "Square" and not box.bundled


def test_a_broken_file_is_not_imported(qtbot: QtBot, window: MainWindow, folder: Path,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    incoming = tmp_path / "odd.toml"
    incoming.write_text(OWN_FILE.replace('kind = "breathing"', 'kind = "dance"'),
                        encoding="utf-8")
    monkeypatch.setattr(own_exercises, "choose_import_file", lambda parent: incoming)
    assert window.own_exercises is not None
    window.own_exercises.on_import()
    status = window.own_exercises.actions.status
    assert status.isVisible()
    assert "odd.toml" in status.text() and "kind" in status.text()
    assert not any(folder.glob("*.toml"))


def test_without_a_data_folder_there_are_no_own_exercise_actions(
        qtbot: QtBot, store: SqliteSessionStore) -> None:
    win = MainWindow(load_library(paths.bundled_exercises_dir()), store, Settings())
    qtbot.addWidget(win)
    assert win.own_exercises is None
    assert win.launcher.own_area.count() == 0


# --------------------------------------------------------------------------- accessibility


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit)


def controls(top: QWidget) -> list[QWidget]:
    """The controls a person reaches, leaving out Qt's own parts of compound ones."""
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(top):
            continue
        parent = widget.parentWidget()
        while parent is not None and parent is not top and not isinstance(
                parent, QComboBox | QAbstractSpinBox | QLineEdit):
            parent = parent.parentWidget()
        if parent is top or parent is None:
            found.append(widget)
    return found


@pytest.mark.parametrize("kind", ["breathing", "grounding"])
def test_every_editor_control_has_a_name_and_a_description(qtbot: QtBot, window: MainWindow,
                                                           kind: Kind) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise(kind)
    assert editor is not None
    missing = []
    found = controls(editor)
    assert len(found) > 12
    for widget in found:
        name = widget.accessibleName().strip()
        if not name:
            missing.append(f"name of {widget.metaObject().className()}")
        elif not widget.accessibleDescription().strip() and not isinstance(
                widget, QAbstractButton):
            missing.append(f"description of {name}")
    assert not missing, missing


def test_launcher_actions_have_names(window: MainWindow) -> None:
    assert window.own_exercises is not None
    actions = window.own_exercises.actions
    for button in (actions.new_button, actions.import_button, actions.folder_button):
        assert button.accessibleName() and button.accessibleDescription()


@pytest.mark.parametrize("kind", ["breathing", "body"])
@pytest.mark.usefixtures("restore_theme")
def test_large_text_never_scrolls_sideways(qtbot: QtBot, qapp: QApplication,
                                           window: MainWindow, kind: Kind) -> None:
    theme.apply(qapp, "light", 2.0)
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise(kind)
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    QApplication.processEvents()
    assert editor.scroll_area.horizontalScrollBar().maximum() == 0


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[None]:
    yield
    theme.apply(qapp, "light", 1.0)


def test_the_editor_offers_suits_and_writes_them(qtbot: QtBot, window: MainWindow,
                                                 folder: Path) -> None:
    assert window.launcher.focus_exercise("texture")
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = editor_of(window)
    boxes = editor.fields.suits_boxes
    assert boxes["high"].isChecked() and boxes["numb"].isChecked()  # as the file says
    boxes["high"].click()  # this person finds it helps when numb only
    assert editor.is_dirty() and editor.draft().suits == ("numb",)
    press(qtbot, Qt.Key.Key_S, CTRL)
    copy = folder / "texture.toml"
    assert 'suits = ["numb"]' in copy.read_text(encoding="utf-8")
    exercise, problems = load_file(copy)
    assert problems == [] and exercise is not None and exercise.suits == ("numb",)
    texture = window.library.get("texture")
    assert texture is not None and texture.suits == ("numb",)


def test_a_new_exercise_suits_nothing_until_ticked(qtbot: QtBot, window: MainWindow) -> None:
    assert window.own_exercises is not None
    editor = window.own_exercises.new_exercise()
    assert editor is not None
    assert not any(box.isChecked() for box in editor.fields.suits_boxes.values())
    assert editor.draft().suits == ()
    editor.fields.suits_boxes["high"].click()
    assert editor.draft().suits == ("high",)


def test_a_steps_exercise_made_breathing_shows_its_whole_length(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    """Switching a steps exercise to Breathing works out the length in words again:
    it said the steps' length (4 minutes) beside a breathing length of 5."""
    assert window.launcher.focus_exercise("five-senses")
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = editor_of(window)
    assert editor.kind() == "grounding"
    focus(qtbot, editor.fields.kind_combo)
    press(qtbot, Qt.Key.Key_Home)  # Breathing, the first kind
    assert editor.kind() == "breathing"
    shown = editor.breathing_box.length_total.text()
    minutes = editor.breathing_box.minutes_spin.value()
    assert shown.startswith("About ") and shown.endswith("in all, ending on a whole breath.")
    editor.breathing_box.minutes_spin.setValue(minutes + 5)  # what any change shows
    longer = editor.breathing_box.length_total.text()
    editor.breathing_box.minutes_spin.setValue(minutes)
    assert editor.breathing_box.length_total.text() == shown != longer
