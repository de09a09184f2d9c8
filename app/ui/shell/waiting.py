"""An exercise asked for from outside waits, rather than replacing what the person is doing.

A ``steady start ID`` (a desktop shortcut) or the tray's menu may ask for an
exercise while the person is in the middle of something: rating how they feel
afterwards, writing a note, editing an exercise, changing Settings, or doing an
exercise. Nothing they typed is thrown away or saved behind their back: the
window comes forward and :class:`WaitingBar` says, above the page, that the
exercise is waiting, with one key (Ctrl+G) to go to it when they are ready.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QWidget

from app.ui.widgets.common import label, make_button
from app.ui.widgets.flow_layout import FlowLayout

#: The key that goes to a waiting exercise.
GO_KEYS = "Ctrl+G"


class WaitingBar(QFrame):
    """ "Box breathing is waiting for you" and a button (and key) to go to it."""

    goRequested = Signal(str)  # the waiting exercise's id

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingBar")
        self.exercise_id = ""
        self.text = label("", "caution", self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.go_button = make_button(self.tr("Go to it (%1)").replace("%1", GO_KEYS),
                                     role="primary", parent=self,
                                     description=self.tr("Leave this and start the waiting "
                                                         "exercise; what you typed is kept"))
        row = FlowLayout(self)
        row.addWidget(self.text)
        row.addStretch(1)
        row.addWidget(self.go_button)
        self.shortcut = QShortcut(QKeySequence(GO_KEYS), window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.go_button.clicked.connect(self.on_go)
        self.shortcut.activated.connect(self.on_go)
        self.hide()

    def wait_for(self, exercise_id: str, title: str) -> None:
        self.exercise_id = exercise_id
        self.text.setText(self.tr("“%1” is waiting for you. Finish here first if you "
                                  "like; nothing you typed is lost.").replace("%1", title))
        self.setAccessibleName(self.text.text())
        self.show()

    def clear(self) -> None:
        self.exercise_id = ""
        self.hide()

    @Slot()
    def on_go(self) -> None:
        if self.exercise_id:
            self.goRequested.emit(self.exercise_id)
