"""Settings' practice reminders: off until chosen; days, a few times, quiet hours.

What the person chooses here is :class:`~app.domain.reminders.Reminders`; when a
reminder comes is :mod:`app.domain.reminders`' to say, and showing it is
:mod:`app.ui.shell.reminders`'. The controls stay visible while reminders are off
(so a person can see what turning them on would do) but cannot be changed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QTimeEdit, QWidget

from app.domain.loader import Library
from app.domain.reminders import MAX_TIMES, Reminders
from app.domain.settings import Settings
from app.ui.settings.section import Section, form
from app.ui.widgets.common import label
from app.ui.widgets.flow_layout import FlowLayout


def _time_edit(name: str, description: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(description)
    return edit


def _as_qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


def _as_time(edit: QTimeEdit) -> time:
    shown = edit.time()
    return time(shown.hour(), shown.minute())


class ReminderSection(Section):
    """A box to turn reminders on, the days, up to :data:`MAX_TIMES` times, quiet hours,
    and the exercise a reminder starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_heading(self.tr("Practice reminders"))
        self.enabled, about = self.option(
            self.tr("Remind me to practise while calm"),
            self.tr("Skills come more easily in a hard moment when they were practised in a "
                    "calm one. At the times you choose, a quiet note asks if you have a minute; "
                    "\u201cNot now\u201d is always fine, and nothing counts missed days. Off "
                    "until you turn it on."))
        self.body.addWidget(self.enabled)
        self.body.addLayout(about)
        self.days = self._make_days()
        at = self.tr("Hours and minutes; up and down change them")
        self.times = [_time_edit(self.tr("Reminder time %1").replace("%1", str(n + 1)), at)
                      for n in range(MAX_TIMES)]
        self.also = [QCheckBox(self.tr("Also at")) for _ in range(MAX_TIMES - 1)]
        for box, n in zip(self.also, range(2, MAX_TIMES + 1), strict=True):
            box.setAccessibleName(self.tr("Also remind me at time %1").replace("%1", str(n)))
            box.setAccessibleDescription(self.tr("A second or third time in the day"))
        self.quiet = QCheckBox(self.tr("Quiet hours, from"))
        self.quiet.setAccessibleName(self.tr("Quiet hours"))
        self.quiet.setAccessibleDescription(self.tr("No reminder comes in these hours"))
        self.quiet_from = _time_edit(self.tr("Quiet hours begin"), at)
        self.quiet_to = _time_edit(self.tr("Quiet hours end"), at)
        self.exercise = QComboBox()
        self.exercise.setObjectName("reminderExercise")
        self.exercise.setAccessibleName(self.tr("Exercise a reminder starts"))
        self.exercise.setAccessibleDescription(self.tr(
            "What a reminder's Start begins: the same as Start now, or one you choose"))
        self._exercise_id = ""  # what the combo shows, kept while it is refilled
        self._lay_out()
        self._connect_signals()

    def _make_days(self) -> list[QCheckBox]:
        """Monday to Sunday, short, with their full names for a screen reader."""
        names = ((self.tr("Mon"), self.tr("Monday")), (self.tr("Tue"), self.tr("Tuesday")),
                 (self.tr("Wed"), self.tr("Wednesday")), (self.tr("Thu"), self.tr("Thursday")),
                 (self.tr("Fri"), self.tr("Friday")), (self.tr("Sat"), self.tr("Saturday")),
                 (self.tr("Sun"), self.tr("Sunday")))
        days = []
        for short, full in names:
            box = QCheckBox(short)
            box.setAccessibleName(full)
            box.setAccessibleDescription(self.tr("A reminder can come on this day"))
            days.append(box)
        return days

    def _lay_out(self) -> None:
        day_row = FlowLayout()
        day_row.setContentsMargins(0, 0, 0, 0)
        for box in self.days:
            day_row.addWidget(box)
        time_row = FlowLayout()
        time_row.setContentsMargins(0, 0, 0, 0)
        time_row.addWidget(self.times[0])
        for box, edit in zip(self.also, self.times[1:], strict=True):
            time_row.addWidget(box)
            time_row.addWidget(edit)
        quiet_row = FlowLayout()
        quiet_row.setContentsMargins(0, 0, 0, 0)
        quiet_row.addWidget(self.quiet)
        quiet_row.addWidget(self.quiet_from)
        quiet_row.addWidget(label(self.tr("to"), None, selectable=False))
        quiet_row.addWidget(self.quiet_to)
        self.rows = QWidget()
        rows = form()
        rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setLayout(rows)
        rows.addRow(self.form_label(self.tr("Days"), self.days[0]), day_row)
        rows.addRow(self.form_label(self.tr("At"), self.times[0]), time_row)
        rows.addRow(self.form_label(self.tr("Quiet"), self.quiet), quiet_row)
        rows.addRow(self.form_label(self.tr("Start with"), self.exercise), self.exercise)
        self.body.addWidget(self.rows)

    def _connect_signals(self) -> None:
        self.enabled.toggled.connect(self.on_enabled)
        for box in (*self.days, *self.also, self.quiet):
            box.toggled.connect(self.on_part_changed)
        for edit in (*self.times, self.quiet_from, self.quiet_to):
            edit.timeChanged.connect(self.changed)
        self.exercise.currentIndexChanged.connect(self.on_exercise_picked)

    # ------------------------------------------------------------------ showing

    def show_settings(self, settings: Settings) -> None:
        chosen = settings.reminders
        self.enabled.setChecked(chosen.enabled)
        for day, box in enumerate(self.days):
            box.setChecked(day in chosen.days)
        moments = chosen.sorted_times() or (time(18, 0),)
        for index, edit in enumerate(self.times):
            edit.setTime(_as_qtime(moments[min(index, len(moments) - 1)]))
        for index, box in enumerate(self.also, start=1):
            box.setChecked(index < len(moments))
        has_quiet = chosen.quiet_from is not None and chosen.quiet_to is not None
        self.quiet.setChecked(has_quiet)
        self.quiet_from.setTime(_as_qtime(chosen.quiet_from or time(22, 0)))
        self.quiet_to.setTime(_as_qtime(chosen.quiet_to or time(8, 0)))
        self._exercise_id = chosen.exercise
        self._select_exercise()
        self._update_enabled()

    def fill(self, library: Library, hidden: frozenset[str]) -> None:
        """Offer Start now's exercise (the default) and every exercise without a
        ``hidden`` tag."""
        shown = sorted((e for e in library.exercises.values() if not hidden & set(e.tags)),
                       key=lambda e: e.title.lower())
        keep = self._exercise_id
        self.exercise.blockSignals(True)
        try:
            self.exercise.clear()
            self.exercise.addItem(self.tr("The same as Start now"), "")
            for exercise in shown:
                self.exercise.addItem(exercise.title, exercise.id)
        finally:
            self.exercise.blockSignals(False)
        self._exercise_id = keep
        self._select_exercise()

    def _select_exercise(self) -> None:
        index = self.exercise.findData(self._exercise_id)
        self.exercise.blockSignals(True)
        self.exercise.setCurrentIndex(max(0, index))
        self.exercise.blockSignals(False)

    def _update_enabled(self) -> None:
        on = self.enabled.isChecked()
        self.rows.setEnabled(on)
        for box, edit in zip(self.also, self.times[1:], strict=True):
            edit.setEnabled(on and box.isChecked())
        for edit in (self.quiet_from, self.quiet_to):
            edit.setEnabled(on and self.quiet.isChecked())

    # ------------------------------------------------------------------ reading

    def read(self, settings: Settings) -> Settings:
        moments = [_as_time(self.times[0])] + [
            _as_time(edit) for box, edit in zip(self.also, self.times[1:], strict=True)
            if box.isChecked()]
        quiet = self.quiet.isChecked()
        return replace(settings, reminders=Reminders(
            enabled=self.enabled.isChecked(),
            days=frozenset(day for day, box in enumerate(self.days) if box.isChecked()),
            times=tuple(sorted(set(moments))),
            quiet_from=_as_time(self.quiet_from) if quiet else None,
            quiet_to=_as_time(self.quiet_to) if quiet else None,
            exercise=self._exercise_id))

    def focus_target(self) -> QWidget:
        return self.enabled

    # ------------------------------------------------------------------ slots

    @Slot(bool)
    def on_enabled(self, _on: bool) -> None:
        self._update_enabled()
        self.changed.emit()

    @Slot(bool)
    def on_part_changed(self, _on: bool) -> None:
        self._update_enabled()
        self.changed.emit()

    @Slot(int)
    def on_exercise_picked(self, index: int) -> None:
        data = self.exercise.itemData(index)
        self._exercise_id = data if isinstance(data, str) else ""
        self.changed.emit()

