"""History's "Sessions" tab: the chosen sessions, newest first, the chosen one's note and
tags in full, and the buttons that delete."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from app.domain.history import HistoryView
from app.domain.session import SessionRecord
from app.ui.history.models import Loader, SessionsModel
from app.ui.history.parts import table
from app.ui.history.table_fit import column_need, hide_to_fit, longest_word
from app.ui.style import theme
from app.ui.widgets.common import english_plural, label, make_button
from app.ui.widgets.flow_layout import FlowLayout

#: The widest date the table shows, and without the day of the week.
LONG_DATE = "Wed 30 Sep, 23:59"
SHORT_DATE = "30 Sep, 23:59"


class SessionsTab(QWidget):
    """The list of sessions (read page by page as it scrolls). ``deleteRequested`` asks to
    delete the chosen session (its button, or Delete in the list); ``deleteAllRequested``
    to delete them all."""

    deleteRequested = Signal()
    deleteAllRequested = Signal()

    def __init__(self, loader: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions_model = SessionsModel(loader, parent=self)
        self.sessions_table = table(self.tr("Sessions"))
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
        self._lay_out()
        self._connect_signals()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.sessions_table, 1)
        layout.addWidget(self.session_detail)
        layout.addWidget(self.sessions_count)
        buttons = FlowLayout()  # side by side, or one under the other at large text sizes
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.delete_all_button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.sessions_table.selectionModel().selectionChanged.connect(
            self.on_selection_changed)
        self.sessions_table.installEventFilter(self)
        self.sessions_table.viewport().installEventFilter(self)
        self.sessions_model.modelReset.connect(self.on_selection_changed)
        self.sessions_model.rowsInserted.connect(self.show_count)
        self.sessions_model.rowsInserted.connect(self.fit)
        self.delete_button.clicked.connect(self.deleteRequested)
        self._delete_key.activated.connect(self.deleteRequested)
        self.delete_all_button.clicked.connect(self.deleteAllRequested)

    # ------------------------------------------------------------------ showing

    def show_sessions(self, view: HistoryView, this_year: int) -> None:
        """The sessions ``view`` holds (the first of them; the rest come as it scrolls)."""
        self.sessions_model.set_filter(view.where, view.matching, first=view.sessions,
                                       this_year=this_year)

    @Slot()
    def show_count(self) -> None:
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

    def select_row(self, row: int) -> None:
        index = self.sessions_model.index(row, 0)
        self.sessions_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def style_disabled(self) -> None:
        """"Delete this session" waits for a selection: it should look like it is waiting."""
        muted = QColor(theme.colors().muted)
        sheet = (f"QPushButton:disabled {{ color: rgba({muted.red()}, {muted.green()}, "
                 f"{muted.blue()}, 150); }}")
        if self.delete_button.styleSheet() != sheet:
            self.delete_button.setStyleSheet(sheet)

    # ------------------------------------------------------------------ fitting

    def fit_to_font(self) -> None:
        """Column widths and a height for five rows, at the current text size."""
        self._size_columns()
        self.fit()
        view = self.sessions_table
        row = view.verticalHeader().defaultSectionSize()
        header = view.horizontalHeader().sizeHint().height()
        view.setMinimumHeight(header + row * 5 + 2 * view.frameWidth() + 2)

    def _size_columns(self) -> None:
        metrics = self.sessions_table.fontMetrics()
        header = self.sessions_table.horizontalHeader()
        widths = {
            SessionsModel.WHEN: metrics.horizontalAdvance(LONG_DATE) + 20,
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

    @Slot()
    def fit(self) -> None:
        """Too narrow for everything: dates lose the day of the week, then the time goes
        under the date and names wrap, then the columns that matter less give way."""
        sessions = self.sessions_table
        header = sessions.horizontalHeader()
        header.resizeSection(SessionsModel.EXERCISE, column_need(sessions, SessionsModel.EXERCISE))
        # Too narrow for the essentials (large text in a small window): dates lose the
        # day of the week before anything is cut.
        metrics = sessions.fontMetrics()
        essentials = (column_need(sessions, SessionsModel.EXERCISE) + header.sectionSize(
            SessionsModel.RATINGS) + metrics.horizontalAdvance(LONG_DATE) + 20)
        room = sessions.viewport().width() - 4
        short = essentials > room
        self.sessions_model.set_short_dates(short)
        when = metrics.horizontalAdvance(SHORT_DATE if short else LONG_DATE) + 20
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
        self._wrap(wrap)
        note_min = max(header.minimumSectionSize(), header.sectionSizeHint(SessionsModel.NOTE))
        header.resizeSection(SessionsModel.NOTE, note_min)  # it stretches from there
        hide_to_fit(sessions, optional=(SessionsModel.NUMB, SessionsModel.STATUS,
                                        SessionsModel.TAGS, SessionsModel.NOTE),
                    fixed=(SessionsModel.WHEN, SessionsModel.EXERCISE, SessionsModel.RATINGS,
                           SessionsModel.STATUS, SessionsModel.NUMB, SessionsModel.TAGS),
                    flexible_min=note_min)

    def _wrap(self, wrap: bool) -> None:
        """Rows as tall as their wrapped text, or one line each."""
        sessions = self.sessions_table
        if wrap != sessions.wordWrap():
            sessions.setWordWrap(wrap)
            sessions.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents if wrap
                else QHeaderView.ResizeMode.Interactive)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tabbing into the sessions, the newest (or the current one) is chosen at once:
        otherwise the first Down would skip it, to the second."""
        if event.type() == QEvent.Type.Resize and watched is self.sessions_table.viewport():
            self.fit()  # the table knows its width only once laid out
        if (watched is self.sessions_table and event.type() == QEvent.Type.FocusIn
                and self.selected_session() is None and self.sessions_model.rowCount()):
            current = self.sessions_table.currentIndex()
            self.select_row(current.row() if current.isValid() else 0)
        return super().eventFilter(watched, event)

