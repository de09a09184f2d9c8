"""A focus ring that can be seen on a filled button too.

The style sheet draws keyboard focus as a 3-pixel border in the focus colour.
On a button filled with a strong colour ("Start now", "Get help now") that
border sits between the fill and the page, and no single colour stands out
against both a mid-dark fill and a light page (blue on green was 1.04:1). So
such a button, while it has the focus, also gets a 2-pixel ring inside the
border in its own text colour: the outer ring stands out against the page,
the inner one against the fill and against the border.

:class:`FocusRings` follows the application's focus (``focusChanged``: no
event filter, nothing per frame) and puts an :class:`InnerRing` on the filled
button that has it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.ui.style import theme

#: Widths of the style sheet's focus border and of the ring inside it (pixels).
BORDER = 3
RING = 2
#: The corner radius of a button (the style sheet's ``border-radius``).
RADIUS = 10


def ring_color(button: QWidget) -> str | None:
    """The inner ring's colour for ``button`` (its text colour); None for an unfilled one."""
    if not isinstance(button, QPushButton) or not button.isEnabled():
        return None
    role = button.property("role")
    colors = theme.colors()
    if role == "primary" or (role == "rating" and button.isChecked()):
        return colors.accent_text
    if role == "help":
        return colors.help_text
    return None


class InnerRing(QWidget):
    """Paints the inner ring over its button (which it covers, without taking clicks)."""

    def __init__(self, button: QPushButton) -> None:
        super().__init__(button)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("innerFocusRing")
        self.setGeometry(button.rect())
        button.installEventFilter(self)  # a button that grows (text size, a resize)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())  # the ring follows the button's size
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        button = self.parentWidget()
        color = ring_color(button) if button is not None else None
        if button is None or color is None or not button.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(color))
        pen.setWidthF(RING)
        painter.setPen(pen)
        inset = BORDER + RING / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset),
                                RADIUS - inset, RADIUS - inset)
        painter.end()


class FocusRings(QObject):
    """Shows the inner ring on whichever filled button has the keyboard focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._shown: InnerRing | None = None
        app.focusChanged.connect(self.on_focus_changed)
        self.on_focus_changed(None, app.focusWidget())  # what has the focus already

    @Slot(QWidget, QWidget)
    def on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        shown, self._shown = self._shown, None
        if shown is not None:
            with contextlib.suppress(RuntimeError):  # its button may be gone already
                shown.hide()
        if isinstance(new, QPushButton) and ring_color(new) is not None:
            ring = new.findChild(InnerRing, "innerFocusRing",
                                 Qt.FindChildOption.FindDirectChildrenOnly)
            if ring is None:
                ring = InnerRing(new)
            ring.setGeometry(new.rect())
            ring.show()
            ring.raise_()
            self._shown = ring

    @staticmethod
    def install(app: QApplication) -> FocusRings:
        """One per application: the rings follow the focus in every window."""
        found = app.findChild(FocusRings)
        return found if isinstance(found, FocusRings) else FocusRings(app)
