"""The one confirm dialog: a button per answer, Enter for the default, Esc for the safe one.

The editor's four questions are checked word for word through the one call a
test patches, ``ConfirmDialog.ask``; the dialog itself is driven by real keys.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ui.editor.parts import ClashDialog, CloseDialog, DeleteDialog, DraftDialog
from app.ui.widgets.dialogs import Answer, ConfirmDialog, Question

pytestmark = pytest.mark.gui

CLASH = Question("Same id", "Replace it?", (
    Answer("replace", "Replace it", "Use the new file in its place"),
    Answer("keep-both", "Keep both", "Keep both; the new one gets its own id"),
    Answer("cancel", "Cancel", "Change nothing"),
), default="keep-both", cancel="cancel")


def shown(qtbot: QtBot, question: Question) -> ConfirmDialog:
    """The dialog on screen and active, as ``exec()`` would show it."""
    dialog = ConfirmDialog(question)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_one_button_per_answer_in_order_with_names(qtbot: QtBot) -> None:
    dialog = shown(qtbot, CLASH)
    assert dialog.windowTitle() == "Same id" and dialog.accessibleName() == "Same id"
    assert dialog.isModal()
    assert dialog.message.text() == "Replace it?"
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText  # never markup
    assert list(dialog.buttons) == ["replace", "keep-both", "cancel"]
    assert [b.text() for b in dialog.buttons.values()] == ["Replace it", "Keep both", "Cancel"]
    assert dialog.buttons["cancel"].accessibleDescription() == "Change nothing"
    default = dialog.buttons["keep-both"]
    assert default.isDefault() and default.hasFocus() and default.property("role") == "primary"
    assert not dialog.buttons["replace"].isDefault()
    assert dialog.buttons["replace"].property("role") is None


def test_enter_gives_the_default_and_esc_the_cancel_answer(qtbot: QtBot) -> None:
    dialog = shown(qtbot, CLASH)
    qtbot.keyClick(dialog.buttons["keep-both"], Qt.Key.Key_Return)
    assert dialog.choice == "keep-both" and dialog.result() == QDialog.DialogCode.Accepted

    dialog = shown(qtbot, CLASH)
    qtbot.keyClick(dialog.buttons["keep-both"], Qt.Key.Key_Escape)
    assert dialog.choice == "cancel" and dialog.result() == QDialog.DialogCode.Rejected


def test_tab_and_space_choose_another_answer(qtbot: QtBot) -> None:
    dialog = shown(qtbot, CLASH)
    qtbot.keyClick(dialog.buttons["keep-both"], Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.buttons["cancel"].hasFocus)
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert dialog.choice == "cancel" and dialog.result() == QDialog.DialogCode.Accepted


def test_closing_the_window_gives_the_cancel_answer(qtbot: QtBot) -> None:
    dialog = shown(qtbot, CLASH)
    dialog.buttons["replace"].click()
    assert dialog.choice == "replace"
    dialog = shown(qtbot, CLASH)
    dialog.close()
    assert dialog.choice == "cancel"


def test_a_yes_no_question_defaults_to_no(qtbot: QtBot) -> None:
    question = Question.yes_no("Delete session", "Delete this?", Answer("delete", "Delete"),
                               Answer("keep", "Keep it"))
    assert (question.default, question.cancel) == ("keep", "keep")
    dialog = shown(qtbot, question)
    assert [b.text() for b in dialog.buttons.values()] == ["Delete", "Keep it"]
    assert dialog.buttons["keep"].hasFocus() and dialog.buttons["keep"].isDefault()
    qtbot.keyClick(dialog.buttons["keep"], Qt.Key.Key_Return)
    assert dialog.choice == "keep"


def test_ask_returns_the_answer_chosen(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[ConfirmDialog] = []

    def exec_(self: ConfirmDialog) -> int:  # what a person does while exec() waits
        made.append(self)
        self.buttons["replace"].click()
        return int(self.result())

    monkeypatch.setattr(ConfirmDialog, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ConfirmDialog.ask(parent, CLASH) == "replace"
    assert made and made[0].parent() is parent


# --------------------------------------------------------------------------- the editor's questions


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Question]:
    """``ConfirmDialog.ask`` answers with the first answer that is not the default;
    every question asked is kept."""
    questions: list[Question] = []

    def ask(cls: type[ConfirmDialog], parent: QWidget | None, question: Question) -> str:
        questions.append(question)
        return next(a.key for a in question.answers if a.key != question.default)

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(ask))
    return questions


def words(question: Question) -> list[tuple[str, str, str]]:
    return [(a.key, a.text, a.description) for a in question.answers]


def test_the_clash_question(asked: list[Question]) -> None:
    assert ClashDialog.ask(None, "Which one?") == "replace"
    [question] = asked
    assert (question.title, question.text) == ("Same id", "Which one?")
    assert words(question) == words(CLASH)
    assert (question.default, question.cancel) == ("keep-both", "cancel")


def test_the_delete_question(asked: list[Question]) -> None:
    assert DeleteDialog.ask(None, "Delete “Calm”?") is True
    [question] = asked
    assert question.title == "Delete exercise"
    assert words(question) == [("delete", "Delete", "Delete this exercise"),
                               ("keep", "Keep it", "Change nothing")]
    assert (question.default, question.cancel) == ("keep", "keep")


def test_the_draft_question(asked: list[Question]) -> None:
    assert DraftDialog.ask(None, "Go back?") == "discard"
    [question] = asked
    assert question.title == "Unsaved changes"
    assert words(question) == [
        ("continue", "Go back to them", "Show the editor with your changes"),
        ("discard", "Drop them", "Forget the unsaved changes")]
    assert (question.default, question.cancel) == ("continue", "continue")


def test_the_close_question(asked: list[Question]) -> None:
    assert CloseDialog.ask(None, "Close anyway?") is True
    [question] = asked
    assert question.title == "Unsaved changes"
    assert words(question) == [
        ("keep", "Keep editing", "Go back to the editor"),
        ("close", "Close without saving", "Close Steady; the changes are lost")]
    assert (question.default, question.cancel) == ("keep", "keep")
