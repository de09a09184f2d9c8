"""History's "What works for me" tab: the chosen sessions grouped, in a sortable table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

from app.domain.history import WhatWorks
from app.domain.session import NOTICEABLE_DROP, GroupBy
from app.ui.history.models import NoneLastProxy, StatsModel
from app.ui.history.parts import combo, table
from app.ui.history.table_fit import grow_with_rows, hide_to_fit, longest_word, stretch
from app.ui.widgets.common import label

#: The ways to group, in the order offered.
GROUPS: tuple[GroupBy, ...] = ("exercise", "time_of_day", "tag", "start_level")


class WhatWorksTab(QWidget):
    """The "Group" list, a line on what the figures mean, and the table, as tall as its
    rows (the page scrolls; the table never does). ``groupChanged`` when the grouping does."""

    groupChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = self._group_list()
        self.stats_model = StatsModel(self)
        self.stats_proxy = NoneLastProxy(self)
        self.stats_proxy.setSourceModel(self.stats_model)
        self.stats_table = self._table()
        self.stats_hint = label(self.tr(
            "Averages over the sessions rated before and after. “Drop of %1+”: how often "
            "your rating fell by %1 points or more.").replace(
                "%1", str(NOTICEABLE_DROP)), "small")
        self._lay_out()
        self.group.currentIndexChanged.connect(self.groupChanged)
        self.stats_table.viewport().installEventFilter(self)

    def _group_list(self) -> QComboBox:
        group = combo(self.tr("Group by"), self.tr("Compare exercises, times of day, "
                                                   "tags or starting levels"))
        for key, text in zip(GROUPS, (self.tr("By exercise"), self.tr("By time of day"),
                                      self.tr("By tag"), self.tr("By starting level")),
                             strict=True):
            group.addItem(text, key)
        return group

    def _table(self) -> QTableView:
        view = table(self.tr("What works for me"))
        view.setModel(self.stats_proxy)
        view.setSortingEnabled(True)
        # Room for the sort arrow, so it never sits on a heading's last letters.
        view.horizontalHeader().setStyleSheet("QHeaderView::section { padding-right: 20px; }")
        view.sortByColumn(StatsModel.SESSIONS, Qt.SortOrder.DescendingOrder)
        # As tall as its rows (it never scrolls inside the page); names wrap, never cut.
        view.setWordWrap(True)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setColumnHidden(StatsModel.BEST, True)  # by tag only
        return view

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        group_row = QHBoxLayout()
        group_label = label(self.tr("Group"), "muted")
        group_label.setBuddy(self.group)
        group_row.addWidget(group_label)
        group_row.addWidget(self.group)
        group_row.addSpacing(12)
        group_row.addWidget(self.stats_hint, 1)
        layout.addLayout(group_row)
        layout.addWidget(self.stats_table)  # as tall as its rows
        layout.addStretch(1)

    def group_by(self) -> GroupBy:
        group: GroupBy = self.group.currentData() or "exercise"
        return group

    def show_rows(self, works: WhatWorks) -> None:
        """The rows read; the table is fitted by :meth:`fit` after."""
        self.stats_model.set_rows(works.rows, self.group_by(), works.best, works.eased)

    def sort_for_group(self) -> None:
        """Times of day and starting levels in their own order; else the most used first."""
        if self.group_by() in ("time_of_day", "start_level"):
            self.stats_table.sortByColumn(StatsModel.NAME, Qt.SortOrder.AscendingOrder)
        else:
            self.stats_table.sortByColumn(StatsModel.SESSIONS, Qt.SortOrder.DescendingOrder)

    def fit(self) -> None:
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.stats_table.viewport():
            self.fit()  # the table knows its width only once laid out
        return super().eventFilter(watched, event)
