"""A plain yes-or-no question whose safe answer is the default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from app.ui.widgets.common import label, make_button


class ConfirmDialog(QDialog):
    """A plain question with a safe default: the cancel button has the focus."""

    def __init__(self, title: str, text: str, confirm: str, cancel: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.heading = label(title, "title")
        self.text = label(text)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(title)
        self.confirm_button = make_button(confirm)
        self.cancel_button = make_button(cancel, role="primary")
        self.cancel_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.confirm_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, *, title: str, text: str, confirm: str,
            cancel: str) -> bool:
        """Show the question; True only when the person chose ``confirm``."""
        dialog = cls(title, text, confirm, cancel, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

