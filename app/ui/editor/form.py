"""Building blocks of the editor's forms: a form layout, a captioned field, a section heading.

Every field stands in a :func:`form_layout` row: its caption on the left (the
field's buddy, so Alt+letter and a screen reader find it), on the right the
field, an optional hint, and a problem line that stays hidden until a check
finds something wrong there (:func:`add_field` returns it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.common import label


def form_layout() -> QFormLayout:
    """Captions on the left, fields growing to the right, never wrapped under."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    return form


def section(text: str) -> QLabel:
    """A section heading, shown in capitals and read as written."""
    heading = label(text.upper(), "section")
    heading.setAccessibleName(text)
    return heading


def problem_label() -> QLabel:
    """The line under a field that says what is wrong with it; hidden until then."""
    widget = label("", "caution")
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.hide()
    return widget


def add_field(form: QFormLayout, text: str, widget: QWidget | QHBoxLayout, *,
              buddy: QWidget | None = None, hint: str = "") -> QLabel:
    """Add a row: the caption ``text`` for ``widget`` (or ``buddy``), then the widget,
    ``hint`` and its problem line, which is returned."""
    caption = QLabel(text)
    caption.setWordWrap(True)
    target = buddy if buddy is not None else widget
    if isinstance(target, QWidget):
        caption.setBuddy(target)
    column = QVBoxLayout()
    column.setSpacing(4)
    if isinstance(widget, QAbstractSpinBox):
        column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
    elif isinstance(widget, QWidget):
        column.addWidget(widget)
    else:
        column.addLayout(widget)
    if hint:
        column.addWidget(label(hint, "small"))
    problem = problem_label()
    column.addWidget(problem)
    form.addRow(caption, column)
    return problem


def lines_edit(name: str, description: str) -> QPlainTextEdit:
    """A box of three lines for a list written one item per line; Tab leaves it."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(description)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 24)
    return edit


def lines(text: str) -> tuple[str, ...]:
    """The lines of ``text`` that hold something, trimmed."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())
