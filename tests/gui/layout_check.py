"""What a person would see as broken in a laid-out page, found by reading its widgets.

:func:`layout_problems` walks the visible widgets under a page and reports, one
line each:

- a button, check box, radio button or tab whose text does not fit (its width
  below what its text needs, as the style measures it: the text would be cut);
- a label whose text does not fit: wider than its box without word wrap, or,
  with word wrap, taller at its width than the height it was given;
- a drop-down list whose chosen item is cut;
- a scroll area (a page, a table, a text box) that scrolls sideways;
- a control outside the window that no scroll area can bring into view.

Used by the layout matrix test and by the screenshot scripts.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)

#: Pixels of rounding a measurement may be off by before it counts.
SLACK = 1


def name_of(widget: QWidget) -> str:
    """A short, readable name: the class and the text or accessible name."""
    text = ""
    if isinstance(widget, QAbstractButton | QLabel):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    text = text or widget.accessibleName() or widget.objectName()
    text = " ".join(text.split())
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(widget).__name__}({text!r})"


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _text_problem(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        if not widget.text():
            return ""
        if widget.hasHeightForWidth():  # its text wraps: it needs the height for its width
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + SLACK:
                return f"text cut: {widget.height()} px high at {widget.width()} wide, needs {need}"
            return ""
        # What its words now need: a button that picks its words to fit (the waiting
        # button) wishes for its longest in sizeHint, which is not a need.
        hint = QPushButton.sizeHint(widget) if isinstance(widget, QPushButton) \
            else widget.sizeHint()
        need = hint.width()
        if widget.width() + SLACK < need:
            return f"text cut: {widget.width()} px wide, its text needs {need}"
        return ""
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return ""
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + SLACK:
                return f"text cut: {widget.height()} px high at {widget.width()} wide, needs {need}"
            return ""
        need = widget.sizeHint().width()
        if widget.width() + SLACK < need:
            return f"text cut: {widget.width()} px wide, its text needs {need}"
        return ""
    if isinstance(widget, QComboBox):
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                              QStyle.SubControl.SC_ComboBoxEditField, widget)
        need = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if field.width() + SLACK < need:
            return f"chosen item cut: {field.width()} px for text of {need}"
        return ""
    if isinstance(widget, QTabBar):
        need = widget.sizeHint().width()
        if widget.width() + SLACK < need and not widget.usesScrollButtons():
            return f"tabs cut: {widget.width()} px wide, they need {need}"
        if widget.width() + SLACK < need:
            return f"tabs scroll sideways: {widget.width()} px wide, they need {need}"
        return ""
    return ""


def _sideways(widget: QWidget) -> str:
    if not isinstance(widget, QAbstractScrollArea):
        return ""
    overflow = widget.horizontalScrollBar().maximum()
    if overflow <= 0:
        return ""
    room = widget.viewport().width()
    wide = [name_of(child) for child in widget.findChildren(QWidget)
            if _shown(child) and child.minimumSizeHint().width() > room]
    culprits = f" (too wide for {room} px: {', '.join(wide[:4])})" if wide else ""
    return f"scrolls sideways by {overflow} px{culprits}"


def _scroll_ancestor(widget: QWidget, stop: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _unreachable(widget: QWidget, window: QWidget) -> str:
    """A focusable control outside the window's visible area with no scrolling to it."""
    if not widget.focusPolicy() or not widget.isEnabled():
        return ""
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    area = _scroll_ancestor(widget, window)
    if area is not None and area.horizontalScrollBar().maximum() > 0:
        return ""  # said once, by the scroll area itself
    if area is not None:
        # Inside a scroll area: reachable when it fits across the viewport and the
        # vertical range reaches it; the area itself must be on screen.
        inner = widget.mapTo(area.widget(), QPoint(0, 0)) if area.widget() else QPoint(0, 0)
        if inner.x() + widget.width() > area.viewport().width() + SLACK:
            return "sticks out of its scroll area on the right"
        scroll = area.verticalScrollBar()
        if inner.y() + widget.height() > area.viewport().height() + scroll.maximum() + SLACK:
            return "below the end of its scroll area"
        rect = QRect(area.mapTo(window, QPoint(0, 0)), area.size())
    visible = window.rect()
    if not visible.contains(rect) and not visible.intersects(rect):
        return "outside the window"
    if rect.right() > visible.right() + SLACK or rect.bottom() > visible.bottom() + SLACK:
        return "cut off by the window's edge"
    return ""


def layout_problems(page: QWidget, window: QWidget | None = None) -> list[str]:
    """Every problem under ``page`` (and the page itself), one line each."""
    window = window or page.window()
    problems: list[str] = []
    for widget in [page, *page.findChildren(QWidget)]:
        if not _shown(widget) or widget.window() is not window:
            continue  # hidden, or in a dialog of its own
        for problem in (_text_problem(widget), _sideways(widget),
                        _unreachable(widget, window)):
            if problem:
                problems.append(f"{name_of(widget)}: {problem}")
    return problems
