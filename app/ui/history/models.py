"""Table models for History: "what works for me" and the list of sessions.

Both are plain :class:`QAbstractTableModel` subclasses over data the store
returns; the sessions model loads page by page (``canFetchMore``/``fetchMore``),
so a log of years opens as quickly as a log of days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
)

from app.domain.helped import LevelSuggestion
from app.domain.levels import START_LEVELS
from app.domain.session import (
    FEW_TO_TELL,
    NOTICEABLE_DROP,
    TIMES_OF_DAY,
    BestExercise,
    ExerciseStats,
    GroupBy,
    SessionFilter,
    SessionRecord,
)
from app.ui.widgets.common import english_plural, format_decimal

#: Role giving a cell's value for sorting: a number or text, or None (sorted last).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role giving the row's underlying object (an ExerciseStats or a SessionRecord).
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

MINUS = "\u2212"
DASH = "\u2013"

Index = QModelIndex | QPersistentModelIndex




def format_mean(value: float | None) -> str:
    """``6.3``; a dash when there is nothing to average."""
    return DASH if value is None else format_decimal(value)


def format_change(value: float | None) -> str:
    """``−1.5``, ``+0.5`` or ``0.0`` (a true minus sign, one decimal)."""
    if value is None:
        return DASH
    rounded = round(value, 1)
    if rounded == 0:
        return format_decimal(0.0)
    text = format_decimal(abs(rounded))
    return (MINUS if rounded < 0 else "+") + text


def format_share(value: float | None) -> str:
    """``40%``."""
    return DASH if value is None else f"{round(value * 100)}%"


# --------------------------------------------------------------------------- what works for me


class StatsModel(QAbstractTableModel):
    """One row per exercise, time of day or tag (``ExerciseStats``)."""

    NAME, SESSIONS, BEFORE, AFTER, CHANGE, SHARE, BEST = range(7)
    COLUMNS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ExerciseStats] = []
        self._group: GroupBy = "exercise"
        self._best: Mapping[str, BestExercise] = {}
        self._eased: LevelSuggestion | None = None  # by starting level: the numb row's

    @property
    def group_by(self) -> GroupBy:
        return self._group

    def set_rows(self, rows: Sequence[ExerciseStats], group_by: GroupBy,
                 best: Mapping[str, BestExercise] | None = None,
                 eased: LevelSuggestion | None = None) -> None:
        """``best``: for each tag (or starting level), the exercise that helped most
        with it; ``eased``: by starting level, what eased numbness most often."""
        self.beginResetModel()
        self._rows = list(rows)
        self._group = group_by
        self._best = dict(best or {})
        self._eased = eased
        self.endResetModel()

    def row(self, row: int) -> ExerciseStats:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def time_of_day_names(self) -> dict[str, tuple[str, str]]:
        """Each time of day: its name with its hours, and the hours in words."""
        names = {
            "night": (self.tr("Night"), self.tr("From midnight to 6 in the morning")),
            "morning": (self.tr("Morning"), self.tr("From 6 in the morning to noon")),
            "afternoon": (self.tr("Afternoon"), self.tr("From noon to 6 in the evening")),
            "evening": (self.tr("Evening"), self.tr("From 6 in the evening to midnight")),
        }
        locale = QLocale()
        hours = [locale.toString(QTime(hour, 0), QLocale.FormatType.ShortFormat)
                 for hour in (0, 6, 12, 18, 0)]
        return {key: (self.tr("%1, %2–%3").replace("%1", name).replace(
            "%2", hours[number]).replace("%3", hours[number + 1]), words)
            for number, (key, (name, words)) in enumerate(names.items())}

    def start_level_names(self) -> dict[str, tuple[str, str]]:
        """Each starting level: its name, and which sessions it holds in words."""
        return {
            "0-3": (self.tr("From 0 to 3"), self.tr("Sessions that began at 0 to 3")),
            "4-6": (self.tr("From 4 to 6"), self.tr("Sessions that began at 4 to 6")),
            "7-8": (self.tr("From 7 or 8"), self.tr("Sessions that began at 7 or 8")),
            "9-10": (self.tr("From 9 or 10"), self.tr("Sessions that began at 9 or 10")),
            "numb": (self.tr("Numb or far away"),
                     self.tr("Sessions that began feeling numb or far away, whatever the "
                             "number")),
        }

    def _name(self, stats: ExerciseStats) -> tuple[str, str]:
        if self._group == "time_of_day":
            return self.time_of_day_names().get(stats.key, (stats.title, ""))
        if self._group == "start_level":
            return self.start_level_names().get(stats.key, (stats.title, ""))
        return stats.title, ""

    def _eased_here(self, stats: ExerciseStats) -> LevelSuggestion | None:
        return self._eased if self._group == "start_level" and stats.key == "numb" else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        stats = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(stats, column)
        if role == SORT_ROLE:
            return self._sort_value(stats, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(stats, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == RECORD_ROLE:
            return stats
        return None

    def _display(self, stats: ExerciseStats, column: int) -> str:
        if column == self.NAME:
            return self._name(stats)[0]
        if column == self.SESSIONS:
            return QLocale().toString(stats.sessions)
        if column == self.BEFORE:
            return format_mean(stats.mean_before)
        if column == self.AFTER:
            return format_mean(stats.mean_after)
        if column == self.CHANGE:
            return format_change(stats.mean_change)
        if column == self.BEST:
            eased = self._eased_here(stats)
            if eased is not None:
                return self.tr("%1 (eased %2 of %3)").replace("%1", eased.title).replace(
                    "%2", str(eased.cleared)).replace("%3", str(eased.sessions))
            best = self._best.get(stats.key)
            return "" if best is None else self.tr("%1 (%2)").replace(
                "%1", best.title).replace("%2", format_change(best.mean_change))
        if stats.rated < FEW_TO_TELL:
            return self.tr("too few to tell")
        return format_share(stats.noticeable_share)

    def _sort_value(self, stats: ExerciseStats, column: int) -> Any:
        if column == self.NAME:
            if self._group == "time_of_day" and stats.key in TIMES_OF_DAY:
                return TIMES_OF_DAY.index(stats.key)
            if self._group == "start_level" and stats.key in START_LEVELS:
                return START_LEVELS.index(stats.key)
            return self._name(stats)[0].casefold()
        if column == self.BEST:
            eased = self._eased_here(stats)
            if eased is not None:  # more often eased sorts with larger drops
                return -(eased.cleared or 0) / max(1, eased.sessions)
            best = self._best.get(stats.key)
            return None if best is None else best.mean_change
        if column == self.SHARE and stats.rated < FEW_TO_TELL:
            return None  # too few to tell: last, whichever way the column is sorted
        return (stats.sessions, stats.mean_before, stats.mean_after, stats.mean_change,
                stats.noticeable_share)[column - 1]

    def _tooltip(self, stats: ExerciseStats, column: int) -> str | None:
        if column == self.NAME:
            return self._name(stats)[1] or None
        if column == self.SESSIONS:
            return None
        if column == self.BEST:
            if self._eased_here(stats) is not None:
                return self.tr("Of the exercises begun numb or far away, the one after which "
                               "that feeling had eased most often")
            best = self._best.get(stats.key)
            where = (self.tr("Of the exercises begun at this level") if self._group ==
                     "start_level" else self.tr("Of the exercises done with this tag"))
            return None if best is None else english_plural(self.tr(
                "%1, the largest average drop, over %n session(s) with both ratings", "",
                best.sessions), best.sessions).replace("%1", where)
        if not stats.rated:
            return self.tr("No session here has both a before and an after rating yet.")
        return english_plural(self.tr("Over %n session(s) with both ratings", "",
                                      stats.rated), stats.rated)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            first = {"exercise": self.tr("Exercise"), "time_of_day": self.tr("Time of day"),
                     "tag": self.tr("Tag"), "start_level": self.tr("Starting level")}[
                self._group]
            return (first, self.tr("Sessions"), self.tr("Before"), self.tr("After"),
                    self.tr("Change"), self.tr("Drop of %1+").replace(
                        "%1", str(NOTICEABLE_DROP)), self.tr("Helped most"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (None, self.tr("How many sessions, rated or not"),
                    self.tr("The average rating before, over sessions with both ratings"),
                    self.tr("The average rating after, over sessions with both ratings"),
                    self.tr("The average of after minus before; below zero means calmer after"),
                    self.tr("How often the rating fell by %1 points or more").replace(
                        "%1", str(NOTICEABLE_DROP)),
                    self.tr("The exercise that helped most with this tag, or from this "
                            "starting level"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignLeft if section == self.NAME else (
                Qt.AlignmentFlag.AlignHCenter)
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None


class NoneLastProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; empty values stay at the bottom either way."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if a is None or b is None:
            if a is None and b is None:
                return left.row() < right.row()
            # None is "greater" ascending and "smaller" descending: last both ways.
            return (a is None) == (self.sortOrder() == Qt.SortOrder.DescendingOrder)
        if a == b:
            return left.row() < right.row()
        return bool(a < b)


# --------------------------------------------------------------------------- sessions

Loader = Callable[[SessionFilter, int], list[SessionRecord]]


def ratings_text(record: SessionRecord) -> str:
    """``7 → 4``; a dash for a rating not given."""
    before = DASH if record.before is None else str(record.before)
    after = DASH if record.after is None else str(record.after)
    return f"{before} \u2192 {after}"


def when_text(record: SessionRecord, this_year: int | None = None, *,
              short: bool = False) -> str:
    """The start in local time: ``Tue 3 Mar, 21:04``; the year too when not ``this_year``.
    ``short`` leaves the day of the week out (``3 Mar, 21:04``), for a narrow table."""
    moment = QDateTime.fromMSecsSinceEpoch(int(record.started_at.timestamp() * 1000))
    locale = QLocale()
    if this_year is None:
        this_year = QDate.currentDate().year()
    pattern = "d MMM" if moment.date().year() == this_year else "d MMM yyyy"
    if not short:
        pattern = "ddd " + pattern
    day = locale.toString(moment.date(), pattern)
    clock = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    return f"{day}, {clock}"


class SessionsModel(QAbstractTableModel):
    """Sessions matching a filter, newest first, loaded :attr:`page_size` at a time."""

    WHEN, EXERCISE, RATINGS, STATUS, NUMB, TAGS, NOTE = range(7)
    COLUMNS = 7

    def __init__(self, loader: Loader, page_size: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = loader
        self.page_size = page_size
        self._where = SessionFilter()
        self._rows: list[SessionRecord] = []
        self._total = 0
        self._exhausted = True
        self._fetching = False
        self._short_dates = False
        self._this_year: int | None = None  # dates in another year show it

    def set_short_dates(self, short: bool) -> None:
        """Dates without the day of the week (a narrow table), or with it."""
        if short != self._short_dates:
            self._short_dates = short
            if self._rows:
                self.dataChanged.emit(self.index(0, self.WHEN),
                                      self.index(len(self._rows) - 1, self.WHEN))

    @property
    def total(self) -> int:
        """How many sessions match the filter (loaded or not)."""
        return self._total

    def set_filter(self, where: SessionFilter, total: int, *,
                   first: Sequence[SessionRecord] | None = None,
                   this_year: int | None = None) -> None:
        """Show the sessions matching ``where``; ``total`` is their count. ``first``:
        the newest of them, already read (else the first page is read here);
        ``this_year``: the year dates leave out (else the computer's)."""
        self.beginResetModel()
        self._where = where
        self._total = total
        self._this_year = this_year
        if first is not None:
            self._rows = list(first)
        else:
            self._rows = self._next_page([]) if total else []
        self._exhausted = len(self._rows) >= total
        self.endResetModel()

    def _next_page(self, loaded: list[SessionRecord]) -> list[SessionRecord]:
        """The next page after ``loaded`` (keyset paging: ordered by start desc, then id)."""
        if not loaded:
            return self._load(self._where, self.page_size)
        last = loaded[-1]
        ties = {r.id for r in loaded if r.started_at == last.started_at}
        # Sessions starting at the same instant as the last one may straddle pages.
        until = last.started_at + timedelta(microseconds=1)
        if self._where.until is not None:
            until = min(until, self._where.until)
        page = self._load(replace(self._where, until=until), self.page_size + len(ties))
        return [r for r in page if r.id not in ties]

    def record(self, row: int) -> SessionRecord:
        return self._rows[row]

    def rows(self) -> list[SessionRecord]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return  # views may ask again while rows are being inserted
        self._fetching = True
        try:
            page = self._next_page(self._rows)
            first = len(self._rows)
            self._exhausted = not page or first + len(page) >= self._total
            if page:
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._fetching = False

    def remove_id(self, session_id: str) -> int | None:
        """Drop a session already deleted from the log; returns the row it was on."""
        for row, record in enumerate(self._rows):
            if record.id == session_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._total = max(0, self._total - 1)
                self.endRemoveRows()
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NOTE and record.note:
                return record.note
            if column == self.EXERCISE:
                return record.exercise_title
            if column == self.TAGS and record.tags:
                return ", ".join(record.tags)
            if column == self.RATINGS:
                return self.tr("Before %1, after %2").replace(
                    "%1", DASH if record.before is None else str(record.before)).replace(
                    "%2", DASH if record.after is None else str(record.after))
            if column == self.STATUS and record.status == "interrupted":
                return self.tr("Steady closed before this session ended. "
                           "The ratings you gave are kept.")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.RATINGS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == RECORD_ROLE:
            return record
        return None

    def status_text(self, status: str) -> str:
        """How a session ended, in neutral words."""
        return {
            "completed": self.tr("Completed"),
            "stopped": self.tr("Ended early"),
            "interrupted": self.tr("Interrupted"),
            "running": self.tr("In progress"),
        }.get(status, status)

    def numb_text(self, record: SessionRecord) -> str:
        if record.numb_before and record.numb_after:
            return self.tr("Both")
        if record.numb_before:
            return self.tr("Before")
        if record.numb_after:
            return self.tr("After")
        return ""

    def _display(self, record: SessionRecord, column: int) -> str:
        if column == self.WHEN:
            return when_text(record, self._this_year, short=self._short_dates)
        if column == self.EXERCISE:
            return record.exercise_title
        if column == self.RATINGS:
            return ratings_text(record)
        if column == self.STATUS:
            return self.status_text(record.status)
        if column == self.NUMB:
            return self.numb_text(record)
        if column == self.TAGS:
            return ", ".join(record.tags)
        return " ".join(record.note.split())  # one line in the table; the tooltip has it all

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Exercise"), self.tr("Ratings"),
                    self.tr("Status"), self.tr("Numb"), self.tr("Tags"),
                    self.tr("Note"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (None, None, self.tr("Your rating before \u2192 after"),
                    self.tr("Completed, ended early, or interrupted when Steady closed"),
                    self.tr("Whether you marked feeling numb or far away"), None,
                    None)[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignHCenter if section == self.RATINGS else (
                Qt.AlignmentFlag.AlignLeft)
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None
