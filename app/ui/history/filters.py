"""History's filters: the period (or chosen dates), the exercise, the tag, the time of day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.domain.history import PERIODS, HistoryChoice, LogChoices, Period
from app.domain.session import TIMES_OF_DAY, GroupBy, TimeOfDay
from app.ui.history.parts import combo
from app.ui.widgets.common import label, resized_inside


class HistoryFilters(QWidget):
    """The four lists in one row, or two rows of two (or one column) when text is large;
    under them the two dates, while "Choose dates…" is the period. ``changed`` when a
    choice changes."""

    changed = Signal()

    def __init__(self, time_of_day_names: Mapping[str, tuple[str, str]], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The person picked a period themselves (else History picks one by the log's size).
        self.period_chosen = False
        self._columns = 0  # how many columns the lists are laid out in
        self.period = combo(self.tr("Period"), self.tr("Which sessions to look at"))
        for key, text in zip((k for k, _ in PERIODS), self._period_names(), strict=True):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(self.period.findData("all"))
        self.exercise = combo(self.tr("Exercise"), self.tr("Only sessions of one exercise"))
        self.tag = combo(self.tr("Tag"), self.tr("Only sessions with one tag"))
        self.time_of_day = combo(self.tr("Time of day"),
                                 self.tr("Only sessions at one time of day"))
        self.time_of_day.addItem(self.tr("Any time of day"), None)
        for part in TIMES_OF_DAY:
            name, hours = time_of_day_names[part]
            self.time_of_day.addItem(name, part)
            self.time_of_day.setItemData(self.time_of_day.count() - 1, hours,
                                         Qt.ItemDataRole.ToolTipRole)
        shown = QDate(today.year, today.month, today.day)
        self.date_from = self._date_edit(self.tr("From"), shown.addDays(-30))
        self.date_to = self._date_edit(self.tr("To"), shown)
        self.dates_row = self._dates_row()
        self._lay_out()
        self._connect_signals()

    def _period_names(self) -> list[str]:
        return [self.tr("Last 7 days"), self.tr("Last 30 days"), self.tr("Last 90 days"),
                self.tr("Last 12 months"), self.tr("All time"), self.tr("Choose dates…")]

    def _date_edit(self, name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        return edit

    def _dates_row(self) -> QWidget:
        row = QWidget()
        dates = QHBoxLayout(row)
        dates.setContentsMargins(0, 0, 0, 0)
        from_label = label(self.tr("From"), "muted")
        from_label.setBuddy(self.date_from)
        to_label = label(self.tr("to"), "muted")
        to_label.setBuddy(self.date_to)
        for widget in (from_label, self.date_from, to_label, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        row.hide()
        return row

    def _lay_out(self) -> None:
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        self.arrange(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(self.grid)
        layout.addWidget(self.dates_row)

    def _connect_signals(self) -> None:
        for widget in self.lists():
            widget.currentIndexChanged.connect(self.on_changed)
        self.period.activated.connect(self.on_period_chosen)
        self.date_from.dateChanged.connect(self.changed)
        self.date_to.dateChanged.connect(self.changed)

    def lists(self) -> tuple[QComboBox, ...]:
        return (self.period, self.exercise, self.tag, self.time_of_day)

    # ------------------------------------------------------------------ laying out

    def arrange(self, columns: int) -> None:
        """The four lists in ``columns`` columns (4, 2 or 1)."""
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self.lists():
            self.grid.removeWidget(widget)
        for number, widget in enumerate(self.lists()):
            self.grid.addWidget(widget, number // columns, number % columns)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        resized_inside(self)

    def fit(self, room: int) -> None:
        """As many columns as ``room`` pixels of width hold."""
        widest = max(widget.minimumSizeHint().width() for widget in self.lists())
        spacing = self.grid.horizontalSpacing()
        self.arrange(4 if room >= 4 * widest + 3 * spacing else (
            2 if room >= 2 * widest + spacing else 1))

    # ------------------------------------------------------------------ choices

    def choice(self, group_by: GroupBy) -> HistoryChoice:
        """What the lists say now, grouped by ``group_by``."""
        period: Period = self.period.currentData() or "all"
        time_of_day: TimeOfDay | None = self.time_of_day.currentData()
        return HistoryChoice(period=period, first_day=_day(self.date_from.date()),
                             last_day=_day(self.date_to.date()),
                             exercise_id=self.exercise.currentData(),
                             tag=self.tag.currentData(), time_of_day=time_of_day,
                             group_by=group_by)

    def set_period(self, key: Period) -> None:
        """Choose a period without it counting as a change."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(max(0, self.period.findData(key)))
        self.period.blockSignals(False)
        self.dates_row.setVisible(key == "custom")

    def offer(self, choices: LogChoices) -> None:
        """The exercises and tags found in the log, keeping what was chosen if still there."""
        _refill(self.exercise, self.tr("All exercises"), list(choices.exercises))
        _refill(self.tag, self.tr("All tags"), [(tag, tag) for tag in choices.tags])
        self.tag.setEnabled(bool(choices.tags))

    # ------------------------------------------------------------------ slots

    @Slot()
    def on_changed(self) -> None:
        self.dates_row.setVisible(self.period.currentData() == "custom")
        self.changed.emit()

    @Slot(int)
    def on_period_chosen(self, _index: int) -> None:
        self.period_chosen = True
        if self.period.currentData() == "custom":
            self.date_from.setFocus(Qt.FocusReason.TabFocusReason)


def _refill(widget: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
    chosen = widget.currentData()
    widget.blockSignals(True)
    try:
        widget.clear()
        widget.addItem(everything, None)
        for key, text in items:
            widget.addItem(text, key)
        index = widget.findData(chosen) if chosen is not None else 0
        widget.setCurrentIndex(max(0, index))
    finally:
        widget.blockSignals(False)


def _day(shown: QDate) -> date:
    return date(shown.year(), shown.month(), shown.day())
