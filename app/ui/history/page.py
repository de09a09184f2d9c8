"""Looking back: ratings over time, "what works for me", and the sessions themselves.

Everything here reads the log through the store; nothing is kept beyond what
is on screen. Deleting asks once, plainly, and says that it cannot be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import StorageError
from app.domain.helped import LevelSuggestion, eased_numbness_most, helped_most
from app.domain.session import (
    FEW_TO_TELL,
    NOTICEABLE_DROP,
    TIMES_OF_DAY,
    BestExercise,
    ExerciseStats,
    GroupBy,
    SessionFilter,
    SessionRecord,
    SessionStore,
    TimeOfDay,
    utc_now,
)
from app.ui.history.chart import RatingChart
from app.ui.history.models import (
    NoneLastProxy,
    SessionsModel,
    StatsModel,
    ratings_text,
    when_text,
)
from app.ui.history.table_fit import (
    column_need,
    grow_with_rows,
    hide_to_fit,
    longest_word,
    stretch,
)
from app.ui.style import theme
from app.ui.widgets.common import PAGE_MARGIN, english_plural, label, make_button
from app.ui.widgets.flow_layout import FlowLayout

#: Above this many sessions in all, History opens on the last 90 days (quicker to
#: read and to draw); the period can always be widened to all time.
LARGE_LOG = 5000
#: "Start now" offers the exercise that helped most once it has this many rated sessions.
#: (key, days) of the period choices; None days: all time, or dates the person picks.
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("7", 7), ("30", 30), ("90", 90), ("365", 365), ("all", None), ("custom", None),
)
GROUPS: tuple[GroupBy, ...] = ("exercise", "time_of_day", "tag", "start_level")
#: Below this width (pixels) the page's side margins halve.
NARROW_PAGE = 720


class ConfirmDialog(QDialog):
    """A plain question with a safe default: the cancel button has the focus."""

    def __init__(self, title: str, text: str, confirm: str, cancel: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.heading = label(title, "title")
        self.text = label(text)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(title)
        self.confirm_button = make_button(confirm)
        self.cancel_button = make_button(cancel, role="primary")
        self.cancel_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.confirm_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, *, title: str, text: str, confirm: str,
            cancel: str) -> bool:
        """Show the question; True only when the person chose ``confirm``."""
        dialog = cls(title, text, confirm, cancel, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


def _combo(name: str, description: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    if description:
        combo.setAccessibleDescription(description)
        combo.setToolTip(description)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(11)
    return combo


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    view.verticalHeader().hide()
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


class HistoryPage(QWidget):
    """The History screen. ``closed`` asks to go back; ``sessionsDeleted`` after a deletion."""

    closed = Signal()
    sessionsDeleted = Signal()

    def __init__(self, store: SessionStore, *, clock: Callable[[], datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._clock = clock
        self._period_chosen = False
        self._eased: LevelSuggestion | None = None  # by starting level, for the numb row
        #: "Delete everything" deletes the coping plan too, with this (set by the window).
        self.forget_plan: Callable[[], None] | None = None
        self._filter_columns = 0  # how many columns the filters are laid out in

        self.title = label(self.tr("Looking back"), "title")
        self.back_button = make_button(self.tr("Back (Esc)"),
                                       description=self.tr("Back to the start"))
        self.notice = label("", "caution")
        self.notice.hide()

        # Filters
        self.period = _combo(self.tr("Period"), self.tr("Which sessions to look at"))
        for key, text in zip((k for k, _ in PERIODS), self._period_names(), strict=True):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(self.period.findData("all"))
        self.exercise = _combo(self.tr("Exercise"), self.tr("Only sessions of one exercise"))
        self.tag = _combo(self.tr("Tag"), self.tr("Only sessions with one tag"))
        self.time_of_day = _combo(self.tr("Time of day"),
                                  self.tr("Only sessions at one time of day"))
        self.time_of_day.addItem(self.tr("Any time of day"), None)
        self.stats_model = StatsModel(self)
        for key in TIMES_OF_DAY:
            name, hours = self.stats_model.time_of_day_names()[key]
            self.time_of_day.addItem(name, key)
            self.time_of_day.setItemData(self.time_of_day.count() - 1, hours,
                                         Qt.ItemDataRole.ToolTipRole)
        today = QDate.currentDate()
        self.date_from = self._date_edit(self.tr("From"), today.addDays(-30))
        self.date_to = self._date_edit(self.tr("To"), today)
        self.dates_row = QWidget()
        dates = QHBoxLayout(self.dates_row)
        dates.setContentsMargins(0, 0, 0, 0)
        from_label = label(self.tr("From"), "muted")
        from_label.setBuddy(self.date_from)
        to_label = label(self.tr("to"), "muted")
        to_label.setBuddy(self.date_to)
        for widget in (from_label, self.date_from, to_label, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        self.dates_row.hide()

        # Chart
        self.chart = RatingChart()

        # What works for me
        self.group = _combo(self.tr("Group by"), self.tr("Compare exercises, times of day, "
                                                         "tags or starting levels"))
        for key, text in zip(GROUPS, (self.tr("By exercise"), self.tr("By time of day"),
                                      self.tr("By tag"), self.tr("By starting level")),
                             strict=True):
            self.group.addItem(text, key)
        self.stats_proxy = NoneLastProxy(self)
        self.stats_proxy.setSourceModel(self.stats_model)
        self.stats_table = _table(self.tr("What works for me"))
        self.stats_table.setModel(self.stats_proxy)
        self.stats_table.setSortingEnabled(True)
        # Room for the sort arrow, so it never sits on a heading's last letters.
        self.stats_table.horizontalHeader().setStyleSheet(
            "QHeaderView::section { padding-right: 20px; }")
        self.stats_table.sortByColumn(StatsModel.SESSIONS, Qt.SortOrder.DescendingOrder)
        # As tall as its rows (it never scrolls inside the page); names wrap, never cut.
        self.stats_table.setWordWrap(True)
        self.stats_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stats_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.stats_table.setColumnHidden(StatsModel.BEST, True)  # by tag only
        self.stats_hint = label(self.tr(
            "Averages over the sessions rated before and after. “Drop of %1+”: how often "
            "your rating fell by %1 points or more.").replace(
                "%1", str(NOTICEABLE_DROP)), "small")

        # Sessions
        self.sessions_model = SessionsModel(self._load_sessions, parent=self)
        self.sessions_table = _table(self.tr("Sessions"))
        self.sessions_table.setModel(self.sessions_model)
        self.sessions_count = label("", "small")
        self.session_detail = label("", "muted")
        self.session_detail.setTextFormat(Qt.TextFormat.PlainText)  # the person's own words
        self.session_detail.setAccessibleName(self.tr("Note and tags of the chosen session"))
        self.session_detail.hide()
        self.delete_button = make_button(self.tr("Delete this session…"),
                                         description=self.tr("Remove the selected session "
                                                             "(Delete)"),
                                         name=self.tr("Delete this session"))
        self.delete_button.setEnabled(False)
        self.delete_all_button = make_button(
            self.tr("Delete all history…"),
            description=self.tr("Remove every session from this computer"),
            name=self.tr("Delete all history"))
        self._delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete),
                                     self.sessions_table)
        self._delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)

        # Empty state
        self.empty_text = label(self.tr(
            "After your first session, you'll see here how each exercise went for you: "
            "your ratings before and after, over time, and which exercises tend to help you "
            "most.\n\nNothing here needs keeping up with, and it all stays on this computer."),
            "muted")
        self.empty_text.setAccessibleName(self.tr("No sessions yet"))

        self._build_layout()
        self._connect_signals()
        self.refresh()

    # ------------------------------------------------------------------ building

    def _period_names(self) -> list[str]:
        return [self.tr("Last 7 days"), self.tr("Last 30 days"), self.tr("Last 90 days"),
                self.tr("Last 12 months"), self.tr("All time"), self.tr("Choose dates…")]

    def _date_edit(self, name: str, date: QDate) -> QDateEdit:
        edit = QDateEdit(date)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        return edit

    def _size_session_columns(self) -> None:
        metrics = self.sessions_table.fontMetrics()
        header = self.sessions_table.horizontalHeader()
        widths = {
            SessionsModel.WHEN: metrics.horizontalAdvance("Wed 30 Sep, 23:59") + 20,
            SessionsModel.EXERCISE: metrics.horizontalAdvance("Box breathing") + 24,
            SessionsModel.RATINGS: metrics.horizontalAdvance("Ratings") + 28,
            SessionsModel.STATUS: metrics.horizontalAdvance("Ended early") + 20,
            SessionsModel.NUMB: metrics.horizontalAdvance("Numb") + 24,
            SessionsModel.TAGS: metrics.horizontalAdvance("work, night") + 16,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(metrics.horizontalAdvance("Numb") + 16)
        # A column shown again starts at this size: no wider than the narrowest may be,
        # so that the note, last, can give way all the way.
        header.setDefaultSectionSize(header.minimumSectionSize())

    def _arrange_filters(self, columns: int) -> None:
        """The four filters in one row, or two rows of two (or one column) when text is large."""
        if columns == self._filter_columns:
            return
        self._filter_columns = columns
        combos = (self.period, self.exercise, self.tag, self.time_of_day)
        for combo in combos:
            self.filters.removeWidget(combo)
        for number, combo in enumerate(combos):
            self.filters.addWidget(combo, number // columns, number % columns)
        for column in range(4):
            self.filters.setColumnStretch(column, 1 if column < columns else 0)

    def _fit_to_font(self) -> None:
        """Sizes that follow the text size (known once the style sheet has applied)."""
        self._size_session_columns()
        self._fit_tables()
        view = self.sessions_table  # "what works for me" is as tall as its rows
        row = view.verticalHeader().defaultSectionSize()
        header = view.horizontalHeader().sizeHint().height()
        view.setMinimumHeight(header + row * 5 + 2 * view.frameWidth() + 2)
        line = self.chart.fontMetrics().lineSpacing()
        self.chart.setMinimumHeight(max(150, line * 6))
        self._fit_filters()

    def _fit_filters(self) -> None:
        widest = max(c.minimumSizeHint().width() for c in (
            self.period, self.exercise, self.tag, self.time_of_day))
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        scroll_bar = self.content_area.verticalScrollBar().sizeHint().width()
        room = self.width() - margins.left() - margins.right() - scroll_bar
        spacing = self.filters.horizontalSpacing()
        columns = 4 if room >= 4 * widest + 3 * spacing else (
            2 if room >= 2 * widest + spacing else 1)
        self._arrange_filters(columns)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_to_font()
        self._style_disabled()
        super().showEvent(event)

    def _style_disabled(self) -> None:
        """"Delete this session" waits for a selection: it should look like it is waiting."""
        muted = QColor(theme.colors().muted)
        sheet = (f"QPushButton:disabled {{ color: rgba({muted.red()}, {muted.green()}, "
                 f"{muted.blue()}, 150); }}")
        if self.delete_button.styleSheet() != sheet:
            self.delete_button.setStyleSheet(sheet)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None:  # a narrow window keeps more of its width for the tables
            side = PAGE_MARGIN if event.size().width() >= NARROW_PAGE else PAGE_MARGIN // 2
            layout.setContentsMargins(side, 8, side, 20)
        self._fit_filters()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)

        self.filters = QGridLayout()
        self.filters.setSpacing(10)
        self._filter_columns = 0
        self._arrange_filters(4)

        works = QWidget()
        works_layout = QVBoxLayout(works)
        works_layout.setContentsMargins(0, 12, 0, 0)
        group_row = QHBoxLayout()
        group_label = label(self.tr("Group"), "muted")
        group_label.setBuddy(self.group)
        group_row.addWidget(group_label)
        group_row.addWidget(self.group)
        group_row.addSpacing(12)
        group_row.addWidget(self.stats_hint, 1)
        works_layout.addLayout(group_row)
        works_layout.addWidget(self.stats_table)  # as tall as its rows
        works_layout.addStretch(1)

        sessions = QWidget()
        sessions_layout = QVBoxLayout(sessions)
        sessions_layout.setContentsMargins(0, 12, 0, 0)
        sessions_layout.addWidget(self.sessions_table, 1)
        sessions_layout.addWidget(self.session_detail)
        sessions_layout.addWidget(self.sessions_count)
        buttons = FlowLayout()  # side by side, or one under the other at large text sizes
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.delete_all_button)
        sessions_layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("History views"))
        self.tabs.tabBar().setAccessibleName(self.tr("What works for me, or the sessions"))
        self.tabs.addTab(works, self.tr("What works for me"))
        self.tabs.addTab(sessions, self.tr("Sessions"))
        self.tabs.setDocumentMode(True)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(10)
        content_layout.addLayout(self.filters)
        content_layout.addWidget(self.dates_row)
        content_layout.addWidget(self.chart, 2)
        content_layout.addWidget(self.tabs, 3)
        # Large text: the page scrolls rather than squeezing the chart and tables.
        self.content_area = QScrollArea()
        self.content_area.setWidget(content)
        self.content_area.setWidgetResizable(True)
        self.content_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.content_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(0, 24, 0, 0)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(1)

        self.body = QStackedWidget()
        self.body.addWidget(self.content_area)
        self.body.addWidget(empty)
        self.content, self.empty = content, empty

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 8, 32, 20)
        outer.setSpacing(10)
        outer.addLayout(top)
        outer.addWidget(self.notice)
        outer.addWidget(self.body, 1)
        self.setTabOrder(self.back_button, self.period)
        # Opening the page lands on Back (Esc); Tab goes on to the filters. (A proxy
        # further down the focus chain would make Tab skip the button.)
        self.setFocusProxy(self.back_button)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.closed)
        for combo in (self.period, self.exercise, self.tag, self.time_of_day):
            combo.currentIndexChanged.connect(self.on_filter_changed)
        self.period.activated.connect(self.on_period_chosen)
        self.date_from.dateChanged.connect(self.on_filter_changed)
        self.date_to.dateChanged.connect(self.on_filter_changed)
        self.group.currentIndexChanged.connect(self.on_group_changed)
        self.sessions_table.selectionModel().selectionChanged.connect(
            self.on_selection_changed)
        self.sessions_table.installEventFilter(self)
        self.sessions_table.viewport().installEventFilter(self)
        self.stats_table.viewport().installEventFilter(self)
        self.sessions_model.modelReset.connect(self.on_selection_changed)
        self.sessions_model.rowsInserted.connect(self._show_count)
        self.sessions_model.rowsInserted.connect(self._fit_tables)
        self.delete_button.clicked.connect(self.on_delete_session)
        self._delete_key.activated.connect(self.on_delete_session)
        self.delete_all_button.clicked.connect(self.on_delete_all)

    # ------------------------------------------------------------------ data

    def _load_sessions(self, where: SessionFilter, limit: int) -> list[SessionRecord]:
        return list(self.store.sessions(where, limit))

    def current_filter(self) -> SessionFilter:
        """The sessions the filters choose (times in UTC, as the log keeps them)."""
        key = self.period.currentData()
        since: datetime | None = None
        until: datetime | None = None
        days = dict(PERIODS).get(key)
        if days is not None:
            since = self._clock() - timedelta(days=days)
        elif key == "custom":
            first, last = self.date_from.date(), self.date_to.date()
            if first > last:
                first, last = last, first
            since = _local_midnight(first)
            until = _local_midnight(last.addDays(1))
        time_of_day: TimeOfDay | None = self.time_of_day.currentData()
        return SessionFilter(since=since, until=until, exercise_id=self.exercise.currentData(),
                             tag=self.tag.currentData(), time_of_day=time_of_day)

    def refresh(self) -> None:
        """Read the log again (after a session, or when the page is shown again)."""
        try:
            total = self.store.count()
            if total == 0:
                self._show_empty()
                return
            if not self._period_chosen:
                self._set_combo(self.period, "90" if total > LARGE_LOG else "all")
            self._fill_choices()
        except StorageError as error:
            self.show_notice(str(error))
            return
        self.body.setCurrentWidget(self.content_area)
        self.apply_filters()

    def _show_empty(self) -> None:
        self.body.setCurrentWidget(self.empty)
        self.stats_model.set_rows([], self.group_by())
        self.sessions_model.set_filter(SessionFilter(), 0)
        self.chart.set_points([], None, self._clock())

    def is_empty_state(self) -> bool:
        return self.body.currentWidget() is self.empty

    def _fill_choices(self) -> None:
        """The exercises and tags found in the log, keeping what was chosen if still there."""
        exercises = [(row.key, row.title) for row in self.store.stats("exercise")]
        exercises.sort(key=lambda pair: pair[1].casefold())
        tags = self.store.known_tags()
        self._refill(self.exercise, self.tr("All exercises"), exercises)
        self._refill(self.tag, self.tr("All tags"), [(tag, tag) for tag in tags])
        self.tag.setEnabled(bool(tags))

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(everything, None)
            for key, text in items:
                combo.addItem(text, key)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(0, index))
        finally:
            combo.blockSignals(False)

    @staticmethod
    def _set_combo(combo: QComboBox, key: object) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(key)))
        combo.blockSignals(False)

    def group_by(self) -> GroupBy:
        group: GroupBy = self.group.currentData() or "exercise"
        return group

    def apply_filters(self) -> None:
        """Read the chosen sessions into the chart, the table and the list."""
        where = self.current_filter()
        self.dates_row.setVisible(self.period.currentData() == "custom")
        try:
            stats, best = self._read_stats(where)
            points = self.store.rating_points(where)
            total = self.store.count(where)
            self.sessions_model.set_filter(where, total)
        except StorageError as error:
            self.show_notice(str(error))
            return
        self._show_stats(stats, best)
        end = where.until if where.until is not None else self._clock()
        self.chart.set_points(points, where.since, end)
        self._show_count()

    def _reload_after_delete(self) -> None:
        """The chart, the table and the counts again; the list keeps its place."""
        where = self.current_filter()
        try:
            if self.store.count() == 0:
                self._show_empty()
                return
            stats, best = self._read_stats(where)
            points = self.store.rating_points(where)
        except StorageError as error:
            self.show_notice(str(error))
            return
        self._show_stats(stats, best)
        end = where.until if where.until is not None else self._clock()
        self.chart.set_points(points, where.since, end)
        self._show_count()

    @Slot()
    def _show_count(self) -> None:
        total = self.sessions_model.total
        if total == 0:
            self.sessions_count.setText(self.tr("No sessions match these choices. A longer "
                                                "period, or all exercises and tags, may "
                                                "show more."))
            return
        text = english_plural(self.tr("%n session(s)", "", total), total)
        shown = self.sessions_model.rowCount()
        if shown < total:
            text += " · " + self.tr("newest %1 shown; scroll for more").replace(
                "%1", str(shown))
        self.sessions_count.setText(text)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ------------------------------------------------------------------ slots

    @Slot()
    def on_filter_changed(self) -> None:
        self.apply_filters()

    @Slot(int)
    def on_period_chosen(self, _index: int) -> None:
        self._period_chosen = True
        if self.period.currentData() == "custom":
            self.date_from.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot()
    def on_group_changed(self) -> None:
        where = self.current_filter()
        try:
            stats, best = self._read_stats(where)
        except StorageError as error:
            self.show_notice(str(error))
            return
        self._show_stats(stats, best)
        if self.group_by() in ("time_of_day", "start_level"):  # in their own order
            self.stats_table.sortByColumn(StatsModel.NAME, Qt.SortOrder.AscendingOrder)
        else:
            self.stats_table.sortByColumn(StatsModel.SESSIONS, Qt.SortOrder.DescendingOrder)

    def _read_stats(self, where: SessionFilter) -> tuple[list[ExerciseStats],
                                                         dict[str, BestExercise]]:
        """"What works for me" as grouped, and (by tag or starting level) what helped
        most with each: the domain's rule, over the sessions of that row."""
        group = self.group_by()
        stats = self.store.stats(group, where)
        best: dict[str, BestExercise] = {}
        self._eased = None
        if group in ("tag", "start_level"):
            for row in stats:
                rows = self.store.stats("exercise", replace(where, tag=row.key)
                                        if group == "tag" else replace(
                                            where, start_level=row.key))  # type: ignore[arg-type]
                if group == "start_level" and row.key == "numb":
                    self._eased = eased_numbness_most(rows, min_rated=FEW_TO_TELL)
                    continue
                found = helped_most(rows, min_rated=FEW_TO_TELL, limit=1)
                if found:
                    best[row.key] = found[0]
        return stats, best

    def _show_stats(self, stats: list[ExerciseStats], best: dict[str, BestExercise]) -> None:
        self.stats_model.set_rows(stats, self.group_by(), best, self._eased)
        self._fit_tables()

    def _fit_tables(self) -> None:
        """Columns that matter less give way when the page is narrow (table_fit)."""
        view, by_tag = self.stats_table, self.group_by() in ("tag", "start_level")
        view.setColumnHidden(StatsModel.BEST, not by_tag)
        # The one column that gives way: the name, or by tag what helped most (tags are
        # short); it keeps at least its heading and its longest word.
        flexible = StatsModel.BEST if by_tag else StatsModel.NAME
        stretch(view, [flexible])
        header = view.horizontalHeader()
        hide_to_fit(view, optional=(StatsModel.BEFORE, StatsModel.AFTER, StatsModel.SESSIONS),
                    fixed=(StatsModel.NAME, StatsModel.SESSIONS, StatsModel.BEFORE,
                           StatsModel.AFTER, StatsModel.CHANGE, StatsModel.SHARE)[
                        0 if by_tag else 1:],
                    flexible_min=max(longest_word(view, flexible), header.minimumSectionSize(),
                                     header.sectionSizeHint(flexible)))
        view.resizeRowsToContents()
        grow_with_rows(view)
        sessions = self.sessions_table
        header = sessions.horizontalHeader()
        header.resizeSection(SessionsModel.EXERCISE, column_need(sessions, SessionsModel.EXERCISE))
        # Too narrow for the essentials (large text in a small window): dates lose the
        # day of the week before anything is cut.
        metrics = sessions.fontMetrics()
        essentials = (column_need(sessions, SessionsModel.EXERCISE) + header.sectionSize(
            SessionsModel.RATINGS) + metrics.horizontalAdvance("Wed 30 Sep, 23:59") + 20)
        room = sessions.viewport().width() - 4
        short = essentials > room
        self.sessions_model.set_short_dates(short)
        when = metrics.horizontalAdvance("30 Sep, 23:59" if short else "Wed 30 Sep, 23:59") + 20
        header.resizeSection(SessionsModel.WHEN, when)
        # Narrower still: the time goes under the date and the exercise's name wraps,
        # rather than either being cut.
        wrap = room - when - header.sectionSize(SessionsModel.RATINGS) < column_need(
            sessions, SessionsModel.EXERCISE)
        if wrap:
            when = metrics.horizontalAdvance("30 Sep,") + 20
            header.resizeSection(SessionsModel.WHEN, when)
            header.resizeSection(SessionsModel.EXERCISE, max(
                room - when - header.sectionSize(SessionsModel.RATINGS),
                longest_word(sessions, SessionsModel.EXERCISE)))
        if wrap != sessions.wordWrap():
            sessions.setWordWrap(wrap)
            sessions.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents if wrap
                else QHeaderView.ResizeMode.Interactive)
        note_min = max(header.minimumSectionSize(), header.sectionSizeHint(SessionsModel.NOTE))
        header.resizeSection(SessionsModel.NOTE, note_min)  # it stretches from there
        hide_to_fit(sessions, optional=(SessionsModel.NUMB, SessionsModel.STATUS,
                                        SessionsModel.TAGS, SessionsModel.NOTE),
                    fixed=(SessionsModel.WHEN, SessionsModel.EXERCISE, SessionsModel.RATINGS,
                           SessionsModel.STATUS, SessionsModel.NUMB, SessionsModel.TAGS),
                    flexible_min=note_min)

    @Slot()
    def on_selection_changed(self) -> None:
        record = self.selected_session()
        self.delete_button.setEnabled(record is not None)
        parts = []  # the table cuts long notes short: here they are whole
        if record is not None and record.note:
            parts.append(self.tr("Note: %1").replace("%1", record.note))
        if record is not None and record.tags:
            parts.append(self.tr("Tags: %1").replace("%1", ", ".join(record.tags)))
        self.session_detail.setText("\n".join(parts))
        self.session_detail.setVisible(bool(parts))

    def selected_session(self) -> SessionRecord | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.sessions_model.record(rows[0].row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tabbing into the sessions, the newest (or the current one) is chosen at once:
        otherwise the first Down would skip it, to the second."""
        if (event.type() == QEvent.Type.Resize
                and watched in (self.stats_table.viewport(), self.sessions_table.viewport())):
            self._fit_tables()  # the tables know their width only once laid out
        if (watched is self.sessions_table and event.type() == QEvent.Type.FocusIn
                and self.selected_session() is None and self.sessions_model.rowCount()):
            current = self.sessions_table.currentIndex()
            self.select_session_row(current.row() if current.isValid() else 0)
        return super().eventFilter(watched, event)

    def select_session_row(self, row: int) -> None:
        index = self.sessions_model.index(row, 0)
        self.sessions_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    @Slot()
    def on_delete_session(self) -> None:
        record = self.selected_session()
        if record is None:
            return
        asked = ConfirmDialog.ask(
            self, title=self.tr("Delete this session?"),
            text=self.tr("%1 on %2 (ratings %3) will be removed from your history. This "
                         "cannot be undone.").replace("%1", record.exercise_title)
                 .replace("%2", when_text(record)).replace("%3", ratings_text(record)),
            confirm=self.tr("Delete this session"), cancel=self.tr("Keep it"))
        if not asked:
            return
        try:
            self.store.delete(record.id)
        except StorageError as error:
            self.show_notice(str(error))
            return
        self.show_notice("")
        row = self.sessions_model.remove_id(record.id)
        self._reload_after_delete()
        self.sessionsDeleted.emit()
        count = self.sessions_model.rowCount()
        if count and row is not None and not self.is_empty_state():
            self.select_session_row(min(row, count - 1))
            self.sessions_table.setFocus()

    @Slot()
    def on_delete_all(self) -> None:
        try:
            total = self.store.count()
        except StorageError as error:
            self.show_notice(str(error))
            return
        text = english_plural(self.tr(
            "All %n session(s) will be removed from this computer: their ratings, notes and "
            "tags, and the backup copies Steady keeps of its log.", "", total), total)
        if self.forget_plan is not None:
            text += " " + self.tr("Your coping plan will be removed too.")
        text += "\n\n" + self.tr("Files you exported yourself are not touched. This cannot "
                                 "be undone.")
        asked = ConfirmDialog.ask(
            self, title=self.tr("Delete all your history?"), text=text,
            confirm=self.tr("Delete everything"), cancel=self.tr("Keep my history"))
        if not asked:
            return
        try:
            self.store.delete_all()
            if self.forget_plan is not None:
                self.forget_plan()
        except StorageError as error:
            self.show_notice(str(error))
            return
        self.show_notice("")
        self._period_chosen = False
        self.refresh()
        self.sessionsDeleted.emit()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


def _local_midnight(date: QDate) -> datetime:
    """The start of ``date`` in the computer's local time zone."""
    return datetime(date.year(), date.month(), date.day()).astimezone()
