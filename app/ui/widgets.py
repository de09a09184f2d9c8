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


def plural(widget: QWidget | None, text: str, n: int) -> str:
    """``tr()`` with a count: "%n point(s)" -> "1 point" / "3 points".

    Translations give their own plural forms; for the English source text,
    which needs no translation file, "(s)" is settled here.
    """
    if widget is not None:
        result = widget.tr(text, "", n)
    else:
        result = QCoreApplication.translate("Steady", text, "", n)
    if "(s)" in result:
        result = result.replace("(s)", "" if n == 1 else "s")
    return result


def minutes_text(widget: QWidget | None, seconds: float) -> str:
    """A length in plain words: "45 seconds", "5 minutes"."""
    if seconds < 90:
        return plural(widget, "%n second(s)", round(seconds))
    return plural(widget, "%n minute(s)", round(seconds / 60))
