"""The breathing builder: the phases of one breath, the length in minutes or breaths, an ease-in.

Each phase is a :class:`~app.ui.editor.parts.PhaseRow` (inhale, hold or
exhale, 0.5 to 99 seconds) in a :class:`~app.ui.editor.parts.RowList`; under
them the length, the ease-in and the total it comes to, in words.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.exercise import Exercise, Phase
from app.domain.loader import RANGES
from app.domain.timeline import planned_duration
from app.ui.editor.form import add_field, form_layout, section
from app.ui.editor.parts import (
    CountSpinBox,
    ItemRow,
    NumberSpinBox,
    PhaseRow,
    RowList,
    next_phase,
)
from app.ui.widgets.common import english_plural, label, minutes_text

#: A new breathing exercise: a breath in and a longer breath out, for five minutes.
NEW_PHASES = (Phase("inhale", 4.0), Phase("exhale", 6.0))
NEW_MINUTES = 5.0
#: The number of breaths offered when the length is first switched to breaths.
NEW_CYCLES = 10


class BreathingForm(QWidget):
    """The phases, the length and the ease-in of a breathing exercise.

    Signals:
        changed(): the pattern or its length changed.
        structureChanged(): a phase was added, moved or removed (the tab order follows).
    """

    changed = Signal()
    structureChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.phase_list = RowList(self._make_row, self.tr("Add a phase"),
                                  self.tr("Add a phase at the end (Ctrl+Enter in a phase adds "
                                          "one after it)"))
        self.phase_list.add_button.setAccessibleName(self.tr("Add a phase"))
        self.phase_keys = label(self.tr("In a phase: Alt+Up and Alt+Down move it, Alt+Delete "
                                        "removes it, Ctrl+Enter adds one after it."), "small")
        length_row = self._build_length()
        self._build_ease()
        self.length_total = label("", "small")
        form = form_layout()
        self.errors["minutes"] = add_field(form, self.tr("Length"), length_row,
                                           buddy=self.minutes_spin)
        self.errors["ease_in_seconds"] = add_field(
            form, self.tr("Ease in"), self.ease_spin,
            hint=self.tr("Start a little quicker and slow to the pattern over this time."))
        self.errors["cycles"] = self.errors["minutes"]
        self.errors["phases"] = self.phase_list.error
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(section(self.tr("One breath, repeated")))
        layout.addWidget(self.phase_keys)
        layout.addWidget(self.phase_list)
        layout.addLayout(form)
        layout.addWidget(self.length_total)
        self._connect_signals()

    def _build_length(self) -> QHBoxLayout:
        """Minutes or breaths, and the choice between them, on one line."""
        self.length_unit = QComboBox()
        self.length_unit.addItem(self.tr("minutes"), "minutes")
        self.length_unit.addItem(self.tr("breaths"), "cycles")
        self.length_unit.setAccessibleName(self.tr("Length in"))
        self.length_unit.setAccessibleDescription(self.tr("Minutes, or a number of whole "
                                                          "breaths (cycles)"))
        low, high = RANGES["minutes"]
        self.minutes_spin = NumberSpinBox()
        self.minutes_spin.setDecimals(1)
        self.minutes_spin.setRange(low, high)
        self.minutes_spin.setSingleStep(1.0)
        self.minutes_spin.setMinimumWidth(self.minutes_spin.fontMetrics().horizontalAdvance(
            "60.5") + 48)
        self.minutes_spin.setAccessibleName(self.tr("Length in minutes"))
        self.minutes_spin.setAccessibleDescription(self.tr(
            "From 1 to 60 minutes; the guide always ends on a whole breath"))
        low, high = RANGES["cycles"]
        self.cycles_spin = CountSpinBox()
        self.cycles_spin.setRange(int(low), int(high))
        self.cycles_spin.setAccessibleName(self.tr("Length in breaths"))
        self.cycles_spin.setAccessibleDescription(self.tr("From 1 to 100 whole breaths"))
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.minutes_spin)
        row.addWidget(self.cycles_spin)
        row.addWidget(self.length_unit)
        row.addStretch(1)
        return row

    def _build_ease(self) -> None:
        low, high = RANGES["ease_in_seconds"]
        self.ease_spin = NumberSpinBox()
        self.ease_spin.setDecimals(0)
        self.ease_spin.setRange(low, high)
        self.ease_spin.setSingleStep(10)
        self.ease_spin.setSuffix(self.tr(" s"))
        self.ease_spin.setMinimumWidth(self.ease_spin.fontMetrics().horizontalAdvance(
            "300 s") + 48)
        self.ease_spin.setSpecialValueText(self.tr("None"))
        self.ease_spin.setAccessibleName(self.tr("Ease in"))
        self.ease_spin.setAccessibleDescription(self.tr(
            "Optional: start with quicker breaths and slow to the pattern over this many "
            "seconds"))

    def _connect_signals(self) -> None:
        self.phase_list.changed.connect(self.changed)
        self.phase_list.structureChanged.connect(self.structureChanged)
        self.length_unit.currentIndexChanged.connect(self.on_length_unit)
        self.minutes_spin.valueChanged.connect(self.changed)
        self.cycles_spin.valueChanged.connect(self.changed)
        self.ease_spin.valueChanged.connect(self.changed)

    def _make_row(self, item: object | None, after: ItemRow | None) -> ItemRow:
        phase = item if isinstance(item, Phase) else next_phase(after)
        return PhaseRow(phase)

    # ------------------------------------------------------------------ filling and reading

    def fill(self, exercise: Exercise) -> None:
        """Show ``exercise``'s pattern (a new one's for an exercise with steps)."""
        self.phase_list.set_items(exercise.phases or NEW_PHASES)
        breathing = exercise.is_breathing
        if breathing and exercise.cycles is not None:
            self.length_unit.setCurrentIndex(1)
            self.cycles_spin.setValue(exercise.cycles)
            self.minutes_spin.setValue(NEW_MINUTES)
        else:
            self.length_unit.setCurrentIndex(0)
            minutes = exercise.length_minutes if breathing else None
            self.minutes_spin.setValue(minutes or NEW_MINUTES)
            self.cycles_spin.setValue(NEW_CYCLES)
        self.ease_spin.setValue(exercise.ease_in_seconds)

    def phase_rows(self) -> list[PhaseRow]:
        return [r for r in self.phase_list.rows if isinstance(r, PhaseRow)]

    def phases(self) -> list[Phase]:
        return [r.phase() for r in self.phase_rows()]

    def read_into(self, exercise: Exercise) -> Exercise:
        """``exercise`` with this pattern, length and ease-in."""
        minutes: float | None = self.minutes_spin.value()
        cycles: int | None = None
        if self.length_unit.currentData() == "cycles":
            minutes, cycles = None, self.cycles_spin.value()
        return replace(exercise, minutes=minutes, cycles=cycles,
                       ease_in_seconds=self.ease_spin.value(), phases=tuple(self.phases()))

    def focus_widgets(self) -> list[QWidget]:
        """Every field, in tab order."""
        return [*self.phase_list.focus_widgets(), self.minutes_spin, self.cycles_spin,
                self.length_unit, self.ease_spin]

    def problem_fields(self) -> list[tuple[QLabel, QWidget]]:
        """Each problem line, with the field to go to when it shows, in order."""
        order: list[tuple[QLabel, QWidget]] = [(r.error, r.seconds) for r in self.phase_rows()]
        return [*order, (self.phase_list.error, self.phase_list.add_button),
                (self.errors["minutes"], self.minutes_spin),
                (self.errors["ease_in_seconds"], self.ease_spin)]

    # ------------------------------------------------------------------ showing

    def show_length_unit(self) -> None:
        """The spin box for minutes or for breaths, as the unit says."""
        cycles = self.length_unit.currentData() == "cycles"
        self.minutes_spin.setVisible(not cycles)
        self.cycles_spin.setVisible(cycles)

    def show_total(self, phases: list[Phase], draft: Exercise) -> None:
        """How long ``phases`` last at ``draft``'s length and ease-in, in words."""
        if sum(p.seconds for p in phases) <= 0:
            self.length_total.setText("")
            return
        total = planned_duration(phases, minutes=draft.minutes, cycles=draft.cycles,
                                 ease_in_seconds=draft.ease_in_seconds)
        if draft.cycles is None:
            text = self.tr("About %1 in all, ending on a whole breath.").replace(
                "%1", minutes_text(total))
        else:
            text = self.tr("%1, about %2 in all.").replace(
                "%1", english_plural(self.tr("%n breath(s)", "", draft.cycles),
                                     draft.cycles)).replace(
                "%2", minutes_text(total))
        self.length_total.setText(text)

    @Slot()
    def on_length_unit(self) -> None:
        self.show_length_unit()
        self.changed.emit()
