"""A row of widgets that wraps onto further rows instead of cutting text or scrolling sideways.

Built like a :class:`~PySide6.QtWidgets.QHBoxLayout`: widgets added before
``addStretch()`` sit on the left, those after it on the right (with no
stretch, all sit on the left). When they all fit on one line they are laid out
exactly so. When they do not (a narrow window, large text), they wrap: the left
group first, each line starting at the left, then the right group, each line
ending at the right, so a page's main action stays at the bottom right where
the eye expects it. Each widget keeps the width its text needs; one wider than
the whole row gets the whole row. Hidden widgets take no room. The shape
follows Qt's own flow layout example.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._leading: list[QLayoutItem] = []
        self._trailing: list[QLayoutItem] = []
        self._gap = spacing
        self._stretched = False
        self.setContentsMargins(0, 0, 0, 0)

    # -- building, as with a QHBoxLayout ---------------------------------------------
    def addStretch(self, _stretch: int = 1) -> None:
        """What is added from now on goes to the right."""
        self._stretched = True

    def addItem(self, item: QLayoutItem) -> None:
        (self._trailing if self._stretched else self._leading).append(item)

    # -- the QLayout interface ------------------------------------------------------
    def _items(self) -> list[QLayoutItem]:
        return [*self._leading, *self._trailing]

    def count(self) -> int:
        return len(self._leading) + len(self._trailing)

    def itemAt(self, index: int) -> QLayoutItem | None:
        items = self._items()
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._leading):
            return self._leading.pop(index)
        index -= len(self._leading)
        return self._trailing.pop(index) if 0 <= index < len(self._trailing) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = [item for item in self._items() if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in shown)
        width += self._gap * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """As narrow as the widest single button: the rest wraps."""
        size = QSize()
        for item in self._items():
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing ------------------------------------------------------------------------
    def _lines(self, items: list[QLayoutItem], room: int) -> list[list[tuple[QLayoutItem, int]]]:
        """``items`` broken into lines no wider than ``room``: (item, width) pairs."""
        lines: list[list[tuple[QLayoutItem, int]]] = []
        used = room + 1
        for item in items:
            width = min(item.sizeHint().width(), room)
            if lines and used + self._gap + width <= room:
                lines[-1].append((item, width))
                used += self._gap + width
            else:
                lines.append([(item, width)])
                used = width
        return lines

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the buttons within ``rect`` (with ``move``); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        room = max(1, area.width())
        leading = [item for item in self._leading if not item.isEmpty()]
        trailing = [item for item in self._trailing if not item.isEmpty()]
        if len(self._lines([*leading, *trailing], room)) <= 1:  # all on one line
            left = self._lines(leading, room)
            right = self._lines(trailing, room)
            bottom = max(self._place_line(left[0] if left else [], area, area.y(),
                                          right=False, move=move),
                         self._place_line(right[0] if right else [], area, area.y(),
                                          right=True, move=move))
            return bottom - rect.y() + margins.bottom()
        lines = [(line, False) for line in self._lines(leading, room)]
        lines += [(line, True) for line in self._lines(trailing, room)]
        y = area.y()
        for line, right_side in lines:
            y = self._place_line(line, area, y, right=right_side, move=move) + self._gap
        return y - self._gap - rect.y() + margins.bottom()

    def _place_line(self, line: list[tuple[QLayoutItem, int]], area: QRect, y: int, *,
                    right: bool, move: bool) -> int:
        """One line of buttons from ``y``; returns the y just below it."""
        if not line:
            return y
        height = max(_height_at(item, width) for item, width in line)
        total = sum(width for _item, width in line) + self._gap * (len(line) - 1)
        x = area.x() + area.width() - total if right else area.x()
        for item, width in line:
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._gap
        return y + height


def _height_at(item: QLayoutItem, width: int) -> int:
    """The height ``item`` needs at ``width`` (more for a wrapped label made narrow)."""
    if item.hasHeightForWidth():
        return max(item.heightForWidth(width), item.minimumSize().height())
    return item.sizeHint().height()
