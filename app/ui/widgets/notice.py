"""A line of news a screen gives about itself: "Saved", or a problem worth knowing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class Notice(QLabel):
    """Hidden until there is something to say; ``show(text)`` says it, ``clear()`` ends it.

    ``role`` is the theme's: "caution" for a problem (the default), "small" for
    quiet news such as "Saved on this computer." The text is plain (it may hold a
    file name or the system's words for an error), wraps, and can be copied.
    """

    def __init__(self, role: str = "caution", name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("role", role)
        if name:
            self.setAccessibleName(name)
        self.hide()

    def show(self, text: str | None = None) -> None:
        """Say ``text`` (an empty text clears the notice). Without it, as ``QWidget.show``."""
        if text is None:
            super().show()
            return
        self.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        """Nothing to say any more: the line goes."""
        self.setText("")
        self.hide()
