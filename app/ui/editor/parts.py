"""Parts of the exercise editor: the rows of the two builders, and its small questions.

:class:`PhaseRow` (inhale, hold or exhale, and seconds in 0.5 s steps) and
:class:`StepRow` (text, items to tick, a timer) live in a :class:`RowList`;
inside a row Alt+Up and Alt+Down move it, Alt+Delete removes it and
Ctrl+Enter adds one after it. Spin boxes paint the theme's focus ring.

The questions (:class:`ClashDialog`, :class:`DeleteDialog`, :class:`DraftDialog`,
:class:`CloseDialog`) each offer a classmethod ``ask()`` returning the answer;
all are shown by :class:`app.ui.widgets.dialogs.ConfirmDialog`, so a test
patches one call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QPen, QShortcut
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.exercise import ACTIONS, Action, Phase, Step
from app.domain.loader import MAX_ITEMS, RANGES, TEXT_LIMITS
from app.ui.style import theme
from app.ui.widgets.common import label, make_button
from app.ui.widgets.dialogs import Answer, ConfirmDialog, Question
from app.ui.widgets.fit_combo_box import FitComboBox
from app.ui.widgets.flow_layout import FlowLayout

# --------------------------------------------------------------------------- questions
# Each asks through the one ConfirmDialog; its texts keep their own translation context.


class ClashDialog:
    """An exercise with this id is already there: replace it, keep both, or cancel."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> str:
        """Returns "replace", "keep-both" or "cancel"."""
        translate = QCoreApplication.translate
        return ConfirmDialog.ask(parent, Question(
            translate("ClashDialog", "Same id"), text, (
                Answer("replace", translate("ClashDialog", "Replace it"),
                       translate("ClashDialog", "Use the new file in its place")),
                Answer("keep-both", translate("ClashDialog", "Keep both"),
                       translate("ClashDialog", "Keep both; the new one gets its own id")),
                Answer("cancel", translate("ClashDialog", "Cancel"),
                       translate("ClashDialog", "Change nothing")),
            ), default="keep-both", cancel="cancel"))


class DeleteDialog:
    """Confirm deleting one's own exercise."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> bool:
        """True when the person chose Delete."""
        translate = QCoreApplication.translate
        return ConfirmDialog.ask(parent, Question.yes_no(
            translate("DeleteDialog", "Delete exercise"), text,
            Answer("delete", translate("DeleteDialog", "Delete"),
                   translate("DeleteDialog", "Delete this exercise")),
            Answer("keep", translate("DeleteDialog", "Keep it"),
                   translate("DeleteDialog", "Change nothing")))) == "delete"


class DraftDialog:
    """Unsaved changes are waiting in the editor: go back to them, or drop them."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> str:
        """Returns "continue" or "discard"."""
        translate = QCoreApplication.translate
        return ConfirmDialog.ask(parent, Question(
            translate("DraftDialog", "Unsaved changes"), text, (
                Answer("continue", translate("DraftDialog", "Go back to them"),
                       translate("DraftDialog", "Show the editor with your changes")),
                Answer("discard", translate("DraftDialog", "Drop them"),
                       translate("DraftDialog", "Forget the unsaved changes")),
            ), default="continue", cancel="continue"))


class CloseDialog:
    """The window is closing with unsaved changes in the editor."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> bool:
        """True: close anyway (the changes are dropped); False: keep editing."""
        translate = QCoreApplication.translate
        return ConfirmDialog.ask(parent, Question(
            translate("CloseDialog", "Unsaved changes"), text, (
                Answer("keep", translate("CloseDialog", "Keep editing"),
                       translate("CloseDialog", "Go back to the editor")),
                Answer("close", translate("CloseDialog", "Close without saving"),
                       translate("CloseDialog", "Close Steady; the changes are lost")),
            ), default="keep", cancel="keep")) == "close"


# --------------------------------------------------------------------------- rows


def paint_focus_ring(widget: QWidget) -> None:
    """A clear ring in the theme's focus colour, as the style sheet gives line edits.

    Styling a spin box's border with a style sheet would lose its arrows, so the
    ring is painted over the native frame instead.
    """
    if not widget.hasFocus():
        return
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(theme.colors().focus), 3.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 4.0, 4.0)
    painter.end()


def _field_height(widget: QWidget) -> int:
    """As tall as a line edit under the theme's padding, so a row lines up."""
    return widget.fontMetrics().height() + 18


class CountSpinBox(QSpinBox):
    """A QSpinBox with a clear focus ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(_field_height(self))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_focus_ring(self)


class NumberSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox that shows ``5`` rather than ``5.0``, with a clear focus ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(_field_height(self))

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(round(value, self.decimals()), "g", 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_focus_ring(self)


class HalfSecondSpinBox(NumberSpinBox):
    """Seconds from 0.5 to 99 in steps of 0.5; typed values round to the nearest half."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        low, high = RANGES["phases.seconds"]
        self.setDecimals(1)
        self.setRange(low, high)
        self.setSingleStep(0.5)
        self.setSuffix(self.tr(" s"))
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToNearestValue)
        self.setKeyboardTracking(True)

    def valueFromText(self, text: str) -> float:
        value = super().valueFromText(text)
        return min(max(round(value * 2.0) / 2.0, self.minimum()), self.maximum())

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(round(value * 2.0) / 2.0, "g", 4)


def _row_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(name)
    button.setAutoDefault(False)
    button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the keys below do the same
    button.setStyleSheet("QPushButton { padding: 2px 10px; min-height: 20px; }")
    return button


class ItemRow(QWidget):
    """One phase or step: its fields, and keys to move, remove or add after it."""

    changed = Signal()
    moveRequested = Signal(object, int)
    removeRequested = Signal(object)
    addRequested = Signal(object)

    noun = "item"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLabel()
        self.number.setProperty("role", "muted")
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("40.") + 4)
        self.up_button = _row_button("↑", self.tr("Move earlier (Alt+Up)"))
        self.down_button = _row_button("↓", self.tr("Move later (Alt+Down)"))
        self.remove_button = _row_button("✕", self.tr("Remove (Alt+Delete)"))
        self.error = label("", "caution")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shortcuts: dict[str, QShortcut] = {}
        for key, sequence in (("up", "Alt+Up"), ("down", "Alt+Down"),
                              ("remove", "Alt+Delete"), ("add", "Ctrl+Return"),
                              ("add2", "Ctrl+Enter")):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(context)
            self.shortcuts[key] = shortcut

    def _connect_row(self) -> None:
        self.up_button.clicked.connect(self.on_up)
        self.down_button.clicked.connect(self.on_down)
        self.remove_button.clicked.connect(self.on_remove)
        self.shortcuts["up"].activated.connect(self.on_up)
        self.shortcuts["down"].activated.connect(self.on_down)
        self.shortcuts["remove"].activated.connect(self.on_remove)
        self.shortcuts["add"].activated.connect(self.on_add)
        self.shortcuts["add2"].activated.connect(self.on_add)

    def fields(self) -> list[QWidget]:
        """The focusable fields, in tab order."""
        return []

    def set_number(self, number: int, total: int) -> None:
        self.number.setText(f"{number}.")
        self.up_button.setEnabled(number > 1)
        self.down_button.setEnabled(number < total)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    @Slot()
    def on_up(self) -> None:
        self.moveRequested.emit(self, -1)

    @Slot()
    def on_down(self) -> None:
        self.moveRequested.emit(self, 1)

    @Slot()
    def on_remove(self) -> None:
        self.removeRequested.emit(self)

    @Slot()
    def on_add(self) -> None:
        self.addRequested.emit(self)

    @Slot()
    def on_changed(self) -> None:
        self.changed.emit()


class PhaseRow(ItemRow):
    """One phase of the breath: inhale, hold or exhale, and its seconds."""

    def __init__(self, phase: Phase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = FitComboBox()  # never cut, at any text size
        for action, text in action_names().items():
            self.action.addItem(text, action)
        self.action.setCurrentIndex(ACTIONS.index(phase.action))
        self.seconds = HalfSecondSpinBox()
        self.seconds.setValue(phase.seconds)
        self.action.setMinimumHeight(self.seconds.minimumHeight())  # one even row
        row = FlowLayout(spacing=8)  # the move buttons wrap below at large text sizes
        row.addWidget(self.number)
        row.addWidget(self.action)
        row.addWidget(self.seconds)
        row.addStretch(1)
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self._connect_row()
        self.action.currentIndexChanged.connect(self.on_changed)
        self.seconds.valueChanged.connect(self.on_changed)

    def set_number(self, number: int, total: int) -> None:
        super().set_number(number, total)
        keys = self.tr("Alt+Up and Alt+Down move this phase, Alt+Delete removes it, "
                       "Ctrl+Enter adds one after it.")
        self.action.setAccessibleName(self.tr("Phase %1: what to do").replace("%1", str(number)))
        self.action.setAccessibleDescription(keys)
        self.seconds.setAccessibleName(self.tr("Phase %1: seconds").replace("%1", str(number)))
        self.seconds.setAccessibleDescription(
            self.tr("From 0.5 to 99 seconds, in steps of 0.5. ") + keys)

    def fields(self) -> list[QWidget]:
        return [self.action, self.seconds]

    def phase(self) -> Phase:
        action: Action = self.action.currentData()
        return Phase(action=action, seconds=round(self.seconds.value() * 2.0) / 2.0)


class StepRow(ItemRow):
    """One step: its text, and optionally items to count and a gentle timer."""

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(step.text)
        self.text.setMaxLength(TEXT_LIMITS["text"] + 50)  # the loader says when it is too long
        self.text.setPlaceholderText(self.tr("What to do, for example: Name five things "
                                             "you can see."))
        low, high = RANGES["steps.count"]
        self.count = CountSpinBox()
        self.count.setRange(int(low) - 1, int(high))
        self.count.setSpecialValueText(self.tr("No count"))
        self.count.setValue(step.count or 0)
        low, high = RANGES["steps.seconds"]
        self.seconds = CountSpinBox()
        self.seconds.setRange(int(low) - 1, int(high))
        self.seconds.setSpecialValueText(self.tr("No timer"))
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setSingleStep(5)
        self.seconds.setValue(step.seconds or 0)
        self.count_label = QLabel(self.tr("Items to tick"))
        self.count_label.setBuddy(self.count)
        self.seconds_label = QLabel(self.tr("Timer"))
        self.seconds_label.setBuddy(self.seconds)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(8)
        top.addWidget(self.number)
        top.addWidget(self.text, 1)
        # Under the text: the items and the timer (each with its label, wrapping as
        # one), then the move buttons at the right; lines wrap at large text sizes.
        extra = FlowLayout(spacing=12)
        extra.setContentsMargins(self.number.minimumWidth() + 8, 0, 0, 0)
        extra.addWidget(_pair(self.count_label, self.count))
        extra.addWidget(_pair(self.seconds_label, self.seconds))
        extra.addStretch(1)
        extra.addWidget(self.up_button)
        extra.addWidget(self.down_button)
        extra.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(extra)
        layout.addWidget(self.error)
        self._connect_row()
        self.text.textChanged.connect(self.on_changed)
        self.count.valueChanged.connect(self.on_changed)
        self.seconds.valueChanged.connect(self.on_changed)

    def set_number(self, number: int, total: int) -> None:
        super().set_number(number, total)
        keys = self.tr("Alt+Up and Alt+Down move this step, Alt+Delete removes it, "
                       "Ctrl+Enter adds one after it.")
        n = str(number)
        self.text.setAccessibleName(self.tr("Step %1: text").replace("%1", n))
        self.text.setAccessibleDescription(keys)
        self.count.setAccessibleName(self.tr("Step %1: items to tick").replace("%1", n))
        self.count.setAccessibleDescription(self.tr("Optional: how many things to notice, "
                                                    "one key each"))
        self.seconds.setAccessibleName(self.tr("Step %1: timer in seconds").replace("%1", n))
        self.seconds.setAccessibleDescription(self.tr("Optional: a gentle timer; without it "
                                                      "the person moves on when ready"))

    def fields(self) -> list[QWidget]:
        return [self.text, self.count, self.seconds]

    def step(self) -> Step:
        return Step(text=self.text.text().strip(), count=self.count.value() or None,
                    seconds=self.seconds.value() or None)


def action_names() -> dict[Action, str]:
    return {"inhale": QCoreApplication.translate("Exercises", "Inhale"),
            "hold": QCoreApplication.translate("Exercises", "Hold"),
            "exhale": QCoreApplication.translate("Exercises", "Exhale")}


class RowList(QWidget):
    """A list of rows with an Add button; emits ``changed`` and ``structureChanged``."""

    changed = Signal()
    structureChanged = Signal()

    def __init__(self, make_row: Callable[[object | None, ItemRow | None], ItemRow],
                 add_text: str, add_description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make_row = make_row
        self.rows: list[ItemRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(8)
        self.add_button = make_button(add_text, description=add_description)
        self.error = label("", "caution")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.on_add_at_end)

    def set_items(self, items: Sequence[object]) -> None:
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        for item in items:
            self._insert(len(self.rows), self._make_row(item, None))
        self._renumber()

    def _insert(self, index: int, row: ItemRow) -> None:
        row.changed.connect(self.changed)
        row.moveRequested.connect(self.on_move)
        row.removeRequested.connect(self.on_remove)
        row.addRequested.connect(self.on_add_after)
        self.rows.insert(index, row)
        self._rows_layout.insertWidget(index, row)
        row.show()  # now, not queued: it must take the focus and Tab at once

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number, len(self.rows))
        self.add_button.setEnabled(len(self.rows) < MAX_ITEMS)
        self.structureChanged.emit()
        self.changed.emit()

    def add_after(self, after: ItemRow | None) -> ItemRow | None:
        """Add a row after ``after`` (at the end for None) and focus it."""
        if len(self.rows) >= MAX_ITEMS:
            return None
        index = self.rows.index(after) + 1 if after in self.rows else len(self.rows)
        row = self._make_row(None, after if after in self.rows else
                             (self.rows[-1] if self.rows else None))
        self._insert(index, row)
        self._renumber()
        fields = row.fields()
        if fields:
            fields[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def move_row(self, row: ItemRow, delta: int) -> None:
        index = self.rows.index(row)
        target = index + delta
        if not 0 <= target < len(self.rows):
            return
        focused = self.focusWidget()
        self.rows.insert(target, self.rows.pop(index))
        self._rows_layout.removeWidget(row)
        self._rows_layout.insertWidget(target, row)
        self._renumber()
        if focused is not None:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_row(self, row: ItemRow) -> None:
        index = self.rows.index(row)
        column = 0
        focused = self.focusWidget()
        if focused is not None and focused in row.fields():
            column = row.fields().index(focused)
        self.rows.pop(index)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        if self.rows:
            neighbour = self.rows[min(index, len(self.rows) - 1)]
            fields = neighbour.fields()
            fields[min(column, len(fields) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            out += row.fields()
        out.append(self.add_button)
        return out

    @Slot(object, int)
    def on_move(self, row: ItemRow, delta: int) -> None:
        self.move_row(row, delta)

    @Slot(object)
    def on_remove(self, row: ItemRow) -> None:
        self.remove_row(row)

    @Slot(object)
    def on_add_after(self, row: ItemRow) -> None:
        self.add_after(row)

    @Slot()
    def on_add_at_end(self) -> None:
        self.add_after(None)


def next_phase(after: ItemRow | None) -> Phase:
    """The phase a new row starts with: a hold after a breath, a breath out after a hold."""
    if isinstance(after, PhaseRow):
        previous = after.phase()
        if previous.action == "hold":
            return Phase("exhale", 4.0)
        return Phase("hold", 2.0)
    return Phase("inhale", 4.0)


def _pair(caption: QLabel, field: QWidget) -> QWidget:
    """A label and its field side by side, kept together when a row wraps."""
    pair = QWidget()
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(caption)
    layout.addWidget(field)
    return pair
