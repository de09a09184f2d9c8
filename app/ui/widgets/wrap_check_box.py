"""A check box whose text wraps onto more lines instead of widening the page.

Qt's check box keeps its text on one line, so a long label at a large text
size pushes the page wider than the window. :class:`WrapCheckBox` is still a
:class:`~PySide6.QtWidgets.QCheckBox` (keys, signals, the accessible name and
state are Qt's own); it only measures and paints its text wrapped at the width
it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QStyle, QStyleOptionButton, QWidget

_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


class WrapCheckBox(QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _frame(self) -> tuple[int, int]:
        """Width and height the box takes besides its text: indicator, spacing, padding."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text_width = self.fontMetrics().horizontalAdvance(self.text())
        one_line = super().sizeHint()
        return (max(0, one_line.width() - text_width),
                max(0, one_line.height() - self._text_height(100_000)))

    def _text_height(self, text_width: int) -> int:
        bounds = self.fontMetrics().boundingRect(QRect(0, 0, max(1, text_width), 100_000),
                                                 _WRAP, self.text())
        return bounds.height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        extra_w, extra_h = self._frame()
        return max(super().sizeHint().height(), self._text_height(width - extra_w) + extra_h)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the longest word allows."""
        extra_w, _extra_h = self._frame()
        words = self.text().split() or [""]
        widest = max(self.fontMetrics().horizontalAdvance(word) for word in words)
        width = widest + extra_w
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, _event: QPaintEvent) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        style = self.style()
        contents = style.subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        text = option.text
        option.text = ""  # the box, its background and focus frame; the text below
        painter = QPainter(self)
        style.drawControl(QStyle.ControlElement.CE_CheckBox, option, painter, self)
        area = QRect(contents.left(), 0, max(1, contents.width()), self.height())
        style.drawItemText(painter, area, _WRAP, self.palette(), self.isEnabled(), text,
                           self.foregroundRole())
        painter.end()
