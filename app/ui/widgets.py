"""Small building blocks every screen uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QScrollArea, QWidget

PAGE_MARGIN = 32


def label(text: str, role: str | None = None, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label with a theme role ("title", "muted", "small", ...)."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        widget.setProperty("role", role)
    return widget


def make_button(text: str, *, role: str | None = None, description: str = "",
                name: str = "", parent: QWidget | None = None) -> QPushButton:
    """A button with an accessible name (its text without key hints) and description."""
    button = QPushButton(text, parent)
    if role:
        button.setProperty("role", role)
    button.setAccessibleName(name or text.split(" (")[0].replace("&", ""))
    if description:
        button.setAccessibleDescription(description)
        button.setToolTip(description)
    button.setAutoDefault(False)
    return button


def scroll_page(layout: QLayout, margin: int = PAGE_MARGIN) -> QScrollArea:
    """Wrap a page's body so large text scrolls instead of clipping."""
    inner = QWidget()
    layout.setContentsMargins(margin, margin - 8, margin, 8)
    inner.setLayout(layout)
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def clock_text(seconds: float) -> str:
    """``3:05`` for 185 seconds (rounded up, so 0:00 only at the very end)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


def english_plural(text: str, n: int) -> str:
    """Settle "(s)" in an English source text translated with a count (``tr(text, "", n)``).

    Translations carry their own plural forms; the English source needs no file.
    """
    return text.replace("(s)", "" if n == 1 else "s") if "(s)" in text else text


def minutes_text(seconds: float) -> str:
    """A length in plain words: "45 seconds", "5 minutes"."""
    if seconds < 90:
        n = round(seconds)
        return english_plural(QCoreApplication.translate("Length", "%n second(s)", "", n), n)
    n = round(seconds / 60)
    return english_plural(QCoreApplication.translate("Length", "%n minute(s)", "", n), n)
