"""A count step's items: a circle for each, filled as it is ticked, "2 of 5", and Undo a tick."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.ui.style import theme
from app.ui.widgets.common import resized_inside

MARKER_DIAMETER = 28
MARKER_GAP = 14
MARKER_RING = 2.0


class ItemMarkers(QWidget):
    """A row of circles, one per item; ticked ones are filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._done = 0
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._refresh_colors()

    def set_count(self, done: int, total: int) -> None:
        if (done, total) == (self._done, self._total):
            return
        resized = total != self._total
        self._done, self._total = done, total
        self.setAccessibleName(self.tr("{done} of {total} ticked").format(done=done,
                                                                        total=total))
        if resized:
            self.updateGeometry()
        self.update()

    def ticked(self) -> int:
        return self._done

    def total(self) -> int:
        return self._total

    def sizeHint(self) -> QSize:
        n = self._total
        width = n * MARKER_DIAMETER + max(n - 1, 0) * MARKER_GAP + 4
        return QSize(width, MARKER_DIAMETER + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _refresh_colors(self) -> None:
        c = theme.colors()
        self._open_pen = QPen(QColor(c.muted), MARKER_RING)
        self._open_brush = QBrush(QColor(c.surface))
        self._done_pen = QPen(QColor(c.accent), MARKER_RING)
        self._done_brush = QBrush(QColor(c.accent))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._refresh_colors()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._total <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        width = self._total * MARKER_DIAMETER + (self._total - 1) * MARKER_GAP
        x = (self.width() - width) / 2.0
        y = (self.height() - MARKER_DIAMETER) / 2.0
        inset = MARKER_RING / 2.0
        size = MARKER_DIAMETER - MARKER_RING
        for i in range(self._total):
            if i < self._done:
                painter.setPen(self._done_pen)
                painter.setBrush(self._done_brush)
            else:
                painter.setPen(self._open_pen)
                painter.setBrush(self._open_brush)
            painter.drawEllipse(QRectF(x + inset, y + inset, size, size))
            x += MARKER_DIAMETER + MARKER_GAP
        painter.end()


class TickList(QWidget):
    """The circles, the tally under them and, once something is ticked, Undo a tick.
    The Tick button itself sits with the page's other buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.markers = ItemMarkers()
        self.tally_label = QLabel()
        self.tally_label.setProperty("role", "title")
        self.tally_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tally_label.setAccessibleDescription(self.tr("Items ticked so far"))
        self.untick_button = QPushButton(self.tr("Undo a tick"))
        self.untick_button.setAccessibleName(self.tr("Undo a tick"))
        self.untick_button.setAccessibleDescription(
            self.tr("Take back the last tick. Backspace does the same."))
        self.untick_button.setToolTip(self.tr("Take back the last tick (Backspace)"))
        self.untick_button.hide()
        marker_row = QHBoxLayout()
        marker_row.addStretch(1)
        marker_row.addWidget(self.markers)
        marker_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(marker_row)
        layout.addWidget(self.tally_label)
        layout.addWidget(self.untick_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_count(self, done: int, total: int) -> None:
        """``done`` of ``total`` ticked, in circles and in words; Undo a tick once there
        is a tick to take back."""
        self.markers.set_count(done, total)
        self.tally_label.setText(self.tr("{done} of {total}").format(done=done, total=total))
        self.untick_button.setVisible(done > 0)
        resized_inside(self)
