"""How the 0-10 scale fits its width: one row of eleven, or two rows when that is too wide.

One row when every number gets at least its button's smallest width: the
anchor words sit under 0, 5 and 10 as on a printed scale. Narrower (a small
window, large text) the numbers wrap into two rows, 0 to 5 and 6 to 10, at the
same width each, and the anchor words stack under them, each led by its number
("0: Settled..."), so the whole scale stays in view without scrolling sideways.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QWidget, QWidgetItem

#: Numbers in the first row when the scale wraps (0 to 5; 6 to 10 below).
FIRST_ROW = 6


class ScaleLayout(QLayout):
    """Lays out eleven number buttons and three anchor labels (for 0, 5 and 10)."""

    def __init__(self, buttons: Sequence[QWidget], anchors: Sequence[QLabel],
                 parent: QWidget, *, gap: int = 6, anchor_gap: int = 4) -> None:
        super().__init__(parent)
        self._buttons = [QWidgetItem(button) for button in buttons]
        self._anchors = list(anchors)
        self._anchor_items = [QWidgetItem(anchor) for anchor in anchors]
        self._words = [anchor.text() for anchor in anchors]
        self._numbers = ("0", "5", str(len(buttons) - 1))
        self._gap = gap
        self._anchor_gap = anchor_gap
        for button in buttons:
            self.addChildWidget(button)
        for anchor in anchors:
            self.addChildWidget(anchor)

    # -- the QLayout interface ------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        raise TypeError("the scale's items are given when it is made")

    def _items(self) -> list[QLayoutItem]:
        return [*self._buttons, *self._anchor_items]

    def count(self) -> int:
        return len(self._buttons) + len(self._anchor_items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        items = self._items()
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return None  # the scale keeps its buttons and words

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One row, each number as wide as the widest needs (10)."""
        count = len(self._buttons)
        width = count * self._button_min() + self._gap * (count - 1)
        return self._with_margins(QSize(width, self.heightForWidth(width)))

    def minimumSize(self) -> QSize:
        """Two rows of the narrowest buttons."""
        width = FIRST_ROW * self._button_min() + self._gap * (FIRST_ROW - 1)
        width = max(width, *(a.minimumSizeHint().width() for a in self._anchors))
        return self._with_margins(QSize(width, self.heightForWidth(width)))

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), 0)

    # -- placing ------------------------------------------------------------------------
    def _button_min(self) -> int:
        """The narrowest a number's button may be: what its text needs (10 is widest)."""
        return max(item.sizeHint().width() for item in self._buttons)

    def one_row_fits(self, width: int) -> bool:
        """Whether eleven numbers fit side by side in ``width`` (margins excluded)."""
        count = len(self._buttons)
        return count * self._button_min() + self._gap * (count - 1) <= width

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place everything in ``rect`` (with ``move``); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), 0)
        one_row = self.one_row_fits(area.width())
        per_row = len(self._buttons) if one_row else FIRST_ROW
        width = (area.width() - self._gap * (per_row - 1)) // per_row
        height = max(item.sizeHint().height() for item in self._buttons)
        rows = 1 if one_row else 2
        for number, item in enumerate(self._buttons):
            row, column = divmod(number, per_row)
            x = area.x() + column * (width + self._gap)
            y = area.y() + row * (height + self._gap)
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
        y = area.y() + rows * height + (rows - 1) * self._gap + self._anchor_gap
        if move:
            self._word_anchors(stacked=not one_row)
        if one_row:
            return self._anchors_in_line(area, y, width, move=move) - rect.y() + margins.top()
        return self._anchors_stacked(area, y, move=move) - rect.y() + margins.top()

    def _anchors_in_line(self, area: QRect, y: int, width: int, *, move: bool) -> int:
        """The words under 0, 5 and 10, each as wide as three numbers."""
        span = 3 * width + 2 * self._gap
        starts = tuple(area.x() + column * (width + self._gap) for column in (0, 4, 8))
        bottom = y
        for item, x in zip(self._anchor_items, starts, strict=True):
            need = item.heightForWidth(span) if item.hasHeightForWidth() else \
                item.sizeHint().height()
            if move:
                item.setGeometry(QRect(x, y, span, need))
            bottom = max(bottom, y + need)
        return bottom

    def _anchors_stacked(self, area: QRect, y: int, *, move: bool) -> int:
        """The words one under another, the full width each, each led by its number."""
        for anchor, item, text in zip(self._anchors, self._anchor_items, self._stacked_texts(),
                                      strict=True):
            need = _text_height(anchor, text, area.width())
            if move:
                item.setGeometry(QRect(area.x(), y, area.width(), need))
            y += need + self._anchor_gap
        return y - self._anchor_gap

    def _stacked_texts(self) -> list[str]:
        return [QCoreApplication.translate("RatingScale", "%1: %2").replace("%1", number)
                .replace("%2", words) for number, words in zip(self._numbers, self._words,
                                                               strict=True)]

    def _word_anchors(self, *, stacked: bool) -> None:
        """Under their numbers: the words alone, aligned left, centre and right.
        Stacked: each led by its number, all aligned left."""
        aligns = (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter,
                  Qt.AlignmentFlag.AlignRight)
        texts = self._stacked_texts() if stacked else self._words
        for anchor, text, align in zip(self._anchors, texts, aligns, strict=True):
            anchor.setText(text)  # the same text or alignment again does nothing
            anchor.setAlignment((Qt.AlignmentFlag.AlignLeft if stacked else align)
                                | Qt.AlignmentFlag.AlignTop)


def _text_height(label: QLabel, text: str, width: int) -> int:
    """The height ``label`` needs to show ``text`` wrapped at ``width``."""
    frame = label.width() - label.contentsRect().width(), \
        label.height() - label.contentsRect().height()
    inner = max(1, width - frame[0])
    bounds = label.fontMetrics().boundingRect(
        QRect(0, 0, inner, 100_000), int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
        text)
    return bounds.height() + frame[1]
