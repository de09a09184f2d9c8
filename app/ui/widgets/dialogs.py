"""One way to ask a short question: a button per answer, a safe default, Esc to back out.

A :class:`Question` says what is asked: a title, the text, the answers in the
order their buttons stand, the answer Enter gives (its button is the default
and has the focus) and the answer Esc or closing the window gives.
:meth:`ConfirmDialog.ask` shows it and returns the key of the answer chosen,
so a test patches that one call (pytest-qt's advice for modal dialogs).

    answer = ConfirmDialog.ask(parent, Question.yes_no(
        title, "Delete this?", Answer("delete", "Delete"), Answer("keep", "Keep it")))
    if answer == "delete": ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.ui.widgets.common import label, make_button


@dataclass(frozen=True, slots=True)
class Answer:
    """One button: the key :meth:`ConfirmDialog.ask` returns, its words, and what it does
    (for a screen reader and the tooltip)."""

    key: str
    text: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    """What is asked, and which answers Enter (``default``) and Esc (``cancel``) give."""

    title: str
    text: str
    answers: tuple[Answer, ...]
    default: str
    cancel: str

    @classmethod
    def yes_no(cls, title: str, text: str, yes: Answer, no: Answer) -> Question:
        """A plain "Delete this? [Delete] [Keep it]": ``no`` is the default and what Esc
        gives, so a stray Enter changes nothing."""
        return cls(title, text, (yes, no), default=no.key, cancel=no.key)


class ConfirmDialog(QDialog):
    """A short question with a few answers, one button each. Esc gives ``question.cancel``."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = question.cancel
        self._cancel = question.cancel
        self.setWindowTitle(question.title)
        self.setModal(True)
        self.setAccessibleName(question.title)
        self.message = label(question.text)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setMinimumWidth(420)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addStretch(1)
        for answer in question.answers:
            button = make_button(answer.text,
                                 role="primary" if answer.key == question.default else None,
                                 description=answer.description)
            button.clicked.connect(self._chooser(answer.key))
            row.addWidget(button)
            self.buttons[answer.key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addWidget(self.message)
        layout.addLayout(row)
        if question.default in self.buttons:
            self.buttons[question.default].setDefault(True)
            self.buttons[question.default].setFocus()

    def _chooser(self, key: str) -> Callable[[], None]:
        def choose() -> None:
            self.choice = key
            self.accept()
        return choose

    def reject(self) -> None:
        self.choice = self._cancel
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, question: Question) -> str:
        """Show ``question`` and wait; the key of the answer chosen."""
        dialog = cls(question, parent)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        return choice
