"""History's tables fit the page: no sideways scrolling, no name cut short.

A column that matters less gives way in a narrow window or at a large text
size (it is hidden, and comes back when there is room); the name column
keeps at least its longest word and wraps the rest. "What works for me" is
as tall as its rows, so it never scrolls inside the scrolling page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

#: Pixels a cell's text needs beyond itself (padding, the sort arrow's room).
CELL_PADDING = 24


def column_need(view: QTableView, column: int) -> int:
    """The width ``column`` needs for its heading and the rows loaded so far."""
    header = view.horizontalHeader()
    return max(header.sectionSizeHint(column), view.sizeHintForColumn(column))


def longest_word(view: QTableView, column: int) -> int:
    """The width of the longest word in ``column`` (heading included), with padding."""
    model = view.model()
    metrics = view.fontMetrics()
    texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
    texts += [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
    words = [word for text in texts for word in text.split()] or [""]
    return max(metrics.horizontalAdvance(word) for word in words) + CELL_PADDING


def hide_to_fit(view: QTableView, optional: Sequence[int], fixed: Sequence[int],
                flexible_min: int) -> None:
    """Hide ``optional`` columns, the first first, until the rest fit the view's width.

    ``fixed`` columns take what they need; the stretched ones, which give way, need
    ``flexible_min`` together. Columns are shown again when there is room.
    """
    room = (view.viewport().width() or view.width()) - 4  # rounding in the header
    for column in optional:
        view.setColumnHidden(column, False)
    header = view.horizontalHeader()
    widths = {column: max(header.sectionSize(column), column_need(view, column))
              for column in fixed if not view.isColumnHidden(column)}
    need = sum(widths.values()) + flexible_min
    for column in optional:
        if need <= room:
            break
        need -= widths.get(column, 0)
        view.setColumnHidden(column, True)


def grow_with_rows(view: QTableView) -> None:
    """Make ``view`` exactly as tall as its heading and rows: it never scrolls inside."""
    header = view.horizontalHeader().height() or view.horizontalHeader().sizeHint().height()
    rows = view.verticalHeader()
    count = view.model().rowCount() if view.model() is not None else 0
    body = sum(rows.sectionSize(row) for row in range(count)) or rows.defaultSectionSize()
    view.setFixedHeight(header + body + 2 * view.frameWidth())


def stretch(view: QTableView, columns: Sequence[int]) -> None:
    """``columns`` share the room the others leave; the others fit their contents."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
