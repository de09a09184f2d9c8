"""Looking back: ratings over time, "what works for me", and the sessions themselves.

The page holds its parts (:mod:`~app.ui.history.filters`, the
:mod:`~app.ui.history.chart`, the :mod:`~app.ui.history.what_works` and
:mod:`~app.ui.history.sessions` tabs) and fills them from one read of the log,
:func:`app.domain.history.read_history`, given the time from the page's clock.
Nothing is kept beyond what is on screen. Deleting asks once, plainly, and says
that it cannot be undone (:mod:`~app.ui.history.deleting`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import StorageError
from app.domain.history import (
    HistoryChoice,
    HistoryView,
    WhatWorks,
    default_period,
    read_choices,
    read_history,
    read_what_works,
)
from app.domain.session import SessionFilter, SessionRecord, SessionStore, utc_now

if TYPE_CHECKING:
    from app.services.log_files import LogFiles
from app.ui.history.chart import RatingChart
from app.ui.history.deleting import ask_delete_all, ask_delete_session
from app.ui.history.filters import HistoryFilters
from app.ui.history.sessions import SessionsTab
from app.ui.history.sharing import ShareRow, Sharing
from app.ui.history.what_works import WhatWorksTab
from app.ui.widgets.common import PAGE_MARGIN, english_plural, label, make_button
from app.ui.widgets.notice import Notice
from app.ui.widgets.page import Page

#: Below this width (pixels) the page's side margins halve.
NARROW_PAGE = 720


class HistoryPage(Page):
    """The History screen. ``closed`` (Back, Esc) asks to go back; ``sessionsDeleted``
    after a deletion."""

    sessionsDeleted = Signal()

    def __init__(self, store: SessionStore, *, clock: Callable[[], datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._clock = clock
        #: "Delete everything" deletes the coping plan too, with this (set by the window).
        self.forget_plan: Callable[[], None] | None = None
        #: Writes exports and reports where the person chooses (set by the window).
        self.log_files: Callable[[], LogFiles | None] = lambda: None

        self.title = label(self.tr("Looking back"), "title")
        self.back_button = make_button(self.tr("Back (Esc)"),
                                       description=self.tr("Back to the start"))
        self.notice = Notice()
        self.status = Notice("small", self.tr("Status"))
        self.share = ShareRow()
        self.practice = label("", "small")
        self.practice.setAccessibleName(self.tr("Practice this week"))
        self.practice.hide()
        self.works = WhatWorksTab()
        self.filters = HistoryFilters(self.works.stats_model.time_of_day_names(), self._today())
        self.chart = RatingChart()
        self.sessions = SessionsTab(self._load_sessions)
        self.empty_text = label(self.tr(
            "After your first session, you'll see here how each exercise went for you: "
            "your ratings before and after, over time, and which exercises tend to help you "
            "most.\n\nNothing here needs keeping up with, and it all stays on this computer."),
            "muted")
        self.empty_text.setAccessibleName(self.tr("No sessions yet"))
        self._name_parts()
        self._build_layout()
        self._connect_signals()
        self.sharing = Sharing(self, self.share, self, files=lambda: self.log_files())
        self.refresh()

    def _name_parts(self) -> None:
        """The parts' controls under the names the window, tests and scripts use."""
        self.period, self.exercise, self.tag, self.time_of_day = self.filters.lists()
        self.date_from, self.date_to = self.filters.date_from, self.filters.date_to
        self.dates_row = self.filters.dates_row
        self.group, self.stats_model = self.works.group, self.works.stats_model
        self.stats_proxy, self.stats_table = self.works.stats_proxy, self.works.stats_table
        self.sessions_model = self.sessions.sessions_model
        self.sessions_table = self.sessions.sessions_table
        self.sessions_count = self.sessions.sessions_count
        self.session_detail = self.sessions.session_detail
        self.delete_button = self.sessions.delete_button
        self.delete_all_button = self.sessions.delete_all_button

    # ------------------------------------------------------------------ building

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("History views"))
        self.tabs.tabBar().setAccessibleName(self.tr("What works for me, or the sessions"))
        self.tabs.addTab(self.works, self.tr("What works for me"))
        self.tabs.addTab(self.sessions, self.tr("Sessions"))
        self.tabs.setDocumentMode(True)
        self.content_area = self._content_area()
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(0, 24, 0, 0)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(1)
        self.body = QStackedWidget()
        self.body.addWidget(self.content_area)
        self.body.addWidget(self.empty)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 8, 32, 20)
        outer.setSpacing(10)
        outer.addLayout(top)
        outer.addWidget(self.notice)
        outer.addWidget(self.status)
        outer.addWidget(self.body, 1)
        self.setTabOrder(self.back_button, self.period)
        # Opening the page lands on Back (Esc); Tab goes on to the filters. (A proxy
        # further down the focus chain would make Tab skip the button.)
        self.setFocusProxy(self.back_button)

    def _content_area(self) -> QScrollArea:
        """The filters, the chart and the tabs; with large text the page scrolls rather
        than squeezing the chart and tables."""
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.practice)
        layout.addWidget(self.filters)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.share)
        area = QScrollArea()
        area.setWidget(self.content)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return area

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.closed)
        self.filters.changed.connect(self.apply_filters)
        self.works.groupChanged.connect(self.on_group_changed)
        self.sessions.deleteRequested.connect(self.on_delete_session)
        self.sessions.deleteAllRequested.connect(self.on_delete_all)

    # ------------------------------------------------------------------ fitting

    def _fit_to_font(self) -> None:
        """Sizes that follow the text size (known once the style sheet has applied)."""
        self.sessions.fit_to_font()
        self.works.fit()
        line = self.chart.fontMetrics().lineSpacing()
        self.chart.setMinimumHeight(max(150, line * 6))
        self._fit_filters()

    def _fit_tables(self) -> None:
        self.works.fit()
        self.sessions.fit()

    def _fit_filters(self) -> None:
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        scroll_bar = self.content_area.verticalScrollBar().sizeHint().width()
        self.filters.fit(self.width() - margins.left() - margins.right() - scroll_bar)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_to_font()
        self.sessions.style_disabled()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None:  # a narrow window keeps more of its width for the tables
            side = PAGE_MARGIN if event.size().width() >= NARROW_PAGE else PAGE_MARGIN // 2
            layout.setContentsMargins(side, 8, side, 20)
        self._fit_filters()

    # ------------------------------------------------------------------ reading

    def now(self) -> datetime:
        return self._clock()

    def say_problem(self, text: str) -> None:
        self.status.clear()
        self.notice.show(text)

    def say_done(self, text: str) -> None:
        self.notice.clear()
        self.status.show(text)

    def _today(self) -> date:
        return self._clock().astimezone().date()

    def _this_year(self) -> int:
        return self._today().year

    def _load_sessions(self, where: SessionFilter, limit: int) -> list[SessionRecord]:
        return list(self.store.sessions(where, limit))

    def current_choice(self) -> HistoryChoice:
        """What the filters and the grouping say now."""
        return self.filters.choice(self.works.group_by())

    def current_filter(self) -> SessionFilter:
        """The sessions the filters choose, as of the clock's now."""
        return self.current_choice().where(self._clock())

    def refresh(self) -> None:
        """Read the log again (after a session, or when the page is shown again)."""
        try:
            choices = read_choices(self.store)
        except StorageError as error:
            self.notice.show(str(error))
            return
        if not choices.logged:
            self._show_empty()
            return
        if not self.filters.period_chosen:
            self.filters.set_period(default_period(choices.logged))
        self.filters.offer(choices)
        self.body.setCurrentWidget(self.content_area)
        self._show_practice()
        self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        """Read the chosen sessions into the chart, the table and the list."""
        now = self._clock()
        try:
            view = read_history(self.store, self.current_choice(), now)
        except StorageError as error:
            self.notice.show(str(error))
            return
        self.sessions.show_sessions(view, this_year=now.astimezone().year)
        self._show_figures(view)

    def _reload_after_delete(self) -> None:
        """The chart, the table and the counts again; the list keeps its place."""
        try:
            view = read_history(self.store, self.current_choice(), self._clock(), first_page=0)
        except StorageError as error:
            self.notice.show(str(error))
            return
        if not view.logged:
            self._show_empty()
            return
        self._show_practice()
        self._show_figures(view)

    def _show_figures(self, view: HistoryView) -> None:
        self._show_works(view.works)
        self.chart.set_points(list(view.points), view.where.since, view.end)
        self.sessions.show_count()

    def _show_works(self, works: WhatWorks) -> None:
        self.works.show_rows(works)
        self._fit_tables()

    def _show_practice(self) -> None:
        """How many times this week the person practised while calm (begun at 0 to 3):
        a plain count, never a streak; nothing at all when there is none (or it cannot
        be read: a count is a nicety)."""
        from app.domain.practice import calm_this_week
        from app.services.local_time import first_weekday, local_zone

        try:
            count = self.store.count(calm_this_week(self._clock(), local_zone(),
                                                    first_weekday()))
        except StorageError:
            count = 0
        self.practice.setText(english_plural(self.tr(
            "You've practised while calm %n time(s) this week.", "", count), count)
            if count else "")
        self.practice.setVisible(count > 0)

    def _show_empty(self) -> None:
        self.body.setCurrentWidget(self.empty)
        self.practice.hide()
        self.works.show_rows(WhatWorks(self.works.group_by()))
        self.sessions_model.set_filter(SessionFilter(), 0)
        self.chart.set_points([], None, self._clock())

    def is_empty_state(self) -> bool:
        return self.body.currentWidget() is self.empty

    def selected_session(self) -> SessionRecord | None:
        return self.sessions.selected_session()

    def select_session_row(self, row: int) -> None:
        self.sessions.select_row(row)

    # ------------------------------------------------------------------ slots

    @Slot()
    def on_group_changed(self) -> None:
        try:
            works = read_what_works(self.store, self.current_filter(), self.works.group_by())
        except StorageError as error:
            self.notice.show(str(error))
            return
        self._show_works(works)
        self.works.sort_for_group()

    @Slot()
    def on_delete_session(self) -> None:
        record = self.selected_session()
        if record is None or not ask_delete_session(self, record, self._this_year()):
            return
        try:
            self.store.delete(record.id)
        except StorageError as error:
            self.notice.show(str(error))
            return
        self.notice.clear()
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
            self.notice.show(str(error))
            return
        if not ask_delete_all(self, total, plan_too=self.forget_plan is not None):
            return
        try:
            self.store.delete_all()
            if self.forget_plan is not None:
                self.forget_plan()
        except StorageError as error:
            self.notice.show(str(error))
            return
        self.notice.clear()
        self.filters.period_chosen = False
        self.refresh()
        self.sessionsDeleted.emit()
        self.setFocus()
