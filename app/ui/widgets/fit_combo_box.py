"""A drop-down list as wide as its longest item needs, at every text size.

With a style sheet, Qt measures a drop-down list a few pixels too narrow once
the text is large ("Exhale" at 200% lost its last letter). :class:`FitComboBox`
adds back what its text field falls short of the widest item.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget


class FitComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def _shortfall(self, size: QSize) -> int:
        """How many pixels the text field at ``size`` lacks for the widest item."""
        if self.count() == 0:
            return 0
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, size.width(), size.height())
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count()))
        return max(0, widest - field.width())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self._shortfall(hint), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width() + self._shortfall(hint), hint.height())
