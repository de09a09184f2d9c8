"""The steps builder: the steps of a grounding, senses or body exercise, and about how long.

Each step is a :class:`~app.ui.editor.parts.StepRow` (its text, items to tick,
a gentle timer) in a :class:`~app.ui.editor.parts.RowList`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.exercise import Exercise, Step
from app.domain.loader import RANGES
from app.ui.editor.form import add_field, form_layout, section
from app.ui.editor.parts import ItemRow, NumberSpinBox, RowList, StepRow
from app.ui.widgets.common import label


class StepsForm(QWidget):
    """The steps, in order, and the optional "about how long".

    Signals:
        changed(): a step or the length changed.
        structureChanged(): a step was added, moved or removed (the tab order follows).
    """

    changed = Signal()
    structureChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.step_list = RowList(self._make_row, self.tr("Add a step"),
                                 self.tr("Add a step at the end (Ctrl+Enter in a step adds "
                                         "one after it)"))
        self.step_list.add_button.setAccessibleName(self.tr("Add a step"))
        self.step_keys = label(self.tr("In a step: Alt+Up and Alt+Down move it, Alt+Delete "
                                       "removes it, Ctrl+Enter adds one after it. Steps "
                                       "without a timer wait for the person."), "small")
        self.steps_minutes = NumberSpinBox()
        self.steps_minutes.setDecimals(1)
        self.steps_minutes.setRange(0, RANGES["minutes"][1])
        self.steps_minutes.setSpecialValueText(self.tr("Not given"))
        self.steps_minutes.setSuffix(self.tr(" min"))
        self.steps_minutes.setAccessibleName(self.tr("About how long, in minutes"))
        self.steps_minutes.setAccessibleDescription(self.tr(
            "Optional: shown before starting; the steps take as long as they take"))
        form = form_layout()
        self.errors["steps.minutes"] = add_field(form, self.tr("About how long"),
                                                 self.steps_minutes,
                                                 hint=self.tr("Optional, shown before starting."))
        self.errors["steps"] = self.step_list.error
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(section(self.tr("Steps, in order")))
        layout.addWidget(self.step_keys)
        layout.addWidget(self.step_list)
        layout.addLayout(form)
        self.step_list.changed.connect(self.changed)
        self.step_list.structureChanged.connect(self.structureChanged)
        self.steps_minutes.valueChanged.connect(self.changed)

    def _make_row(self, item: object | None, after: ItemRow | None) -> ItemRow:
        return StepRow(item if isinstance(item, Step) else Step(text=""))

    def fill(self, exercise: Exercise) -> None:
        """Show ``exercise``'s steps (one empty step for a breathing exercise)."""
        self.step_list.set_items(exercise.steps or (Step(text=""),))
        self.steps_minutes.setValue(0 if exercise.is_breathing else (exercise.minutes or 0))

    def step_rows(self) -> list[StepRow]:
        return [r for r in self.step_list.rows if isinstance(r, StepRow)]

    def read_into(self, exercise: Exercise) -> Exercise:
        """``exercise`` with these steps and length."""
        return replace(exercise, minutes=self.steps_minutes.value() or None,
                       steps=tuple(r.step() for r in self.step_rows()))

    def focus_widgets(self) -> list[QWidget]:
        """Every field, in tab order."""
        return [*self.step_list.focus_widgets(), self.steps_minutes]

    def problem_fields(self) -> list[tuple[QLabel, QWidget]]:
        """Each problem line, with the field to go to when it shows, in order."""
        order: list[tuple[QLabel, QWidget]] = [(r.error, r.text) for r in self.step_rows()]
        return [*order, (self.step_list.error, self.step_list.add_button),
                (self.errors["steps.minutes"], self.steps_minutes)]
