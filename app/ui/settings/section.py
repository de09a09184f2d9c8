"""What every part of the Settings page shares: a heading, options that say what they do,
form rows whose labels line up."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain.settings import Settings
from app.ui.widgets.common import label
from app.ui.widgets.wrap_check_box import WrapCheckBox


def form() -> QFormLayout:
    """Rows of a label and a field; a long row wraps its field under its label."""
    layout = QFormLayout()
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    layout.setHorizontalSpacing(16)
    layout.setVerticalSpacing(10)
    return layout


class Section(QWidget):
    """One part of Settings, under its heading. ``changed`` when the person changes any of it.

    A section shows settings (:meth:`show_settings`) and puts what it shows back
    into settings (:meth:`read`); the page keeps the draft, saves, and scrolls to
    a section's :meth:`focus_target` when asked to open there.
    """

    changed = Signal()
    heading: QLabel  # made by add_heading, first thing in a section

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: This section's form labels, which the page gives one width across sections.
        self.form_labels: list[QLabel] = []
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(8)

    def add_heading(self, text: str) -> None:
        """The section's heading, in capitals (its accessible name as written)."""
        self.heading = label(text.upper(), "section")
        self.heading.setAccessibleName(text)
        self.body.addSpacing(10)
        self.body.addWidget(self.heading)

    def option(self, text: str, about: str) -> tuple[QCheckBox, QHBoxLayout]:
        """A check box with a short name and, beneath it, a wrapped line saying what it does.

        (Check box text never wraps, so long words there would push the page sideways at
        large text sizes or in longer languages.)
        """
        box = WrapCheckBox(text)
        box.setAccessibleName(text)
        box.setAccessibleDescription(about)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 17
        row.addSpacing(indent)
        row.addWidget(label(about, "small"), 1)
        return box, row

    def form_label(self, text: str, buddy: QWidget) -> QLabel:
        """A label for a form row; the page gives all of them one width."""
        widget = QLabel(text)
        widget.setBuddy(buddy)
        self.form_labels.append(widget)
        return widget

    def show_settings(self, settings: Settings) -> None:
        """Show this section's part of ``settings``, forgetting any change."""
        raise NotImplementedError

    def read(self, settings: Settings) -> Settings:
        """``settings`` with this section's part as shown now."""
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """Where the focus goes when Settings opens at this section."""
        raise NotImplementedError
