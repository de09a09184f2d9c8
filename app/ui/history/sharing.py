"""Taking History out of the window: a report to share, printed or saved, and an export.

:class:`ShareRow` sits under History's filters. "Save report…" writes a PDF of the
days the period filter shows (the same report as ``steady report``), "Print…"
(Ctrl+P) sends the same pages to a printer, and "Export…" writes the whole log as
CSV or JSON (the same code as ``steady export -o``). Notes go into a report only
when "Include my notes" is ticked; it starts unticked every time History opens.
Writing goes through :class:`~app.services.log_files.LogFiles`: whole or not at
all, private, never over Steady's own files. What went wrong is said in History's
notice line; what went right, in its status line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QFileDialog, QVBoxLayout, QWidget

from app.domain.errors import StorageError
from app.domain.plan import PlanStore
from app.domain.report import DateRange, ReportData, gather
from app.domain.session import SessionFilter, SessionStore
from app.ui.widgets.common import label, make_button
from app.ui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from app.services.log_files import ExportFormat, LogFiles

PRINT_KEYS = "Ctrl+P"
FORMATS: dict[str, ExportFormat] = {".csv": "csv", ".json": "json"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShareRow", text)


def choose_report_file(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the report; None when the person cancels."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, _tr("Save a report to share"), str(suggested), _tr("PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".pdf")


def choose_export_file(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to export, and as what (CSV or JSON by the name or the filter chosen);
    None when the person cancels."""
    csv_filter, json_filter = _tr("CSV, for a spreadsheet (*.csv)"), _tr(
        "JSON, for a backup with your plan (*.json)")
    name, chosen = QFileDialog.getSaveFileName(
        parent, _tr("Export your history"), str(suggested), f"{csv_filter};;{json_filter}")
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() in FORMATS:
        return path
    return path.with_suffix(".json" if chosen == json_filter else ".csv")


def print_pages(parent: QWidget, data: ReportData) -> bool:
    """Qt's print dialog, then the report's pages; False when cancelled."""
    from app.ui.history.report import print_report  # QtPrintSupport, when first printed

    return print_report(parent, data)


def report_bytes(data: ReportData) -> bytes:
    from app.ui.history.report import render_pdf  # the report's layout, when first asked

    return render_pdf(data)


class ShareHost(Protocol):
    """What sharing needs from History."""

    store: SessionStore

    def current_filter(self) -> SessionFilter: ...

    def now(self) -> datetime: ...

    def say_problem(self, text: str) -> None: ...

    def say_done(self, text: str) -> None: ...


class ShareRow(QWidget):
    """Save report…, Print… and Export…, with the choice of notes in the report."""

    reportRequested = Signal()
    printRequested = Signal()
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Share with someone helping you"), "section")
        self.report_button = make_button(
            self.tr("Save report…"),
            description=self.tr("A PDF of the days shown here: the chart, what works for "
                                "you, and how often you practised"))
        self.print_button = make_button(
            self.tr("Print… (%1)").replace("%1", PRINT_KEYS),
            description=self.tr("The same report, on paper"))
        self.export_button = make_button(
            self.tr("Export…"),
            description=self.tr("All your sessions as a CSV or JSON file, as steady export "
                                "writes them"))
        self.notes = QCheckBox(self.tr("Include my notes in the report"))
        self.notes.setAccessibleDescription(self.tr(
            "Off unless you tick it: notes can be private"))
        buttons = FlowLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for widget in (self.report_button, self.print_button, self.export_button, self.notes):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        self.report_button.clicked.connect(self.reportRequested)
        self.print_button.clicked.connect(self.printRequested)
        self.export_button.clicked.connect(self.exportRequested)


class Sharing:
    """What the row's buttons do, for ``host`` (History) and ``files`` (None: no data
    folder, so nothing can be written and the row says so when asked)."""

    def __init__(self, host: ShareHost, row: ShareRow, window: QWidget, *,
                 files: Callable[[], LogFiles | None],
                 choose_report: Callable[[QWidget, Path], Path | None] = choose_report_file,
                 choose_export: Callable[[QWidget, Path], Path | None] = choose_export_file,
                 print_report: Callable[[QWidget, ReportData], bool] = print_pages) -> None:
        self.host = host
        self.row = row
        self.window = window
        self._files = files
        self.choose_report = choose_report
        self.choose_export = choose_export
        self.print_report = print_report
        row.reportRequested.connect(self.on_save_report)
        row.printRequested.connect(self.on_print)
        row.exportRequested.connect(self.on_export)
        shortcut = QShortcut(QKeySequence(PRINT_KEYS), window)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.on_print)

    def days_shown(self) -> DateRange:
        """The local days History's period covers (open at an end it leaves open)."""
        where = self.host.current_filter()
        first = where.since.astimezone().date() if where.since is not None else None
        last = ((where.until - timedelta(microseconds=1)).astimezone().date()
                if where.until is not None else None)
        if first is not None and last is not None and first > last:
            first = last
        return DateRange(first, last)

    def report(self) -> ReportData | None:
        """What the report says, read now; None (said in the notice) when it cannot be."""
        from app.services.local_time import first_weekday, local_zone

        try:
            return gather(self.host.store, self.days_shown(), now=self.host.now(),
                          zone=local_zone(), notes=self.row.notes.isChecked(),
                          first_weekday=first_weekday())
        except StorageError as error:
            self.host.say_problem(str(error))
            return None

    @Slot()
    def on_save_report(self) -> None:
        files = self._files()
        if files is None:
            self.host.say_problem(_tr("Reports can be saved only when Steady has its data "
                                      "folder."))
            return
        data = self.report()
        if data is None:
            return
        target = self.choose_report(self.window, Path.home() / _report_name(data.first_day,
                                                                           data.last_day))
        if target is None:
            return
        try:
            files.write_report(target, report_bytes(data))
        except StorageError as error:
            self.host.say_problem(str(error))
            return
        self.host.say_done(_tr("Saved the report to %1. Only you can read it until you "
                               "share it.").replace("%1", str(target)))

    @Slot()
    def on_print(self) -> None:
        if not self.row.isVisible():
            return  # Ctrl+P with nothing to print (History is empty)
        data = self.report()
        if data is not None and self.print_report(self.window, data):
            self.host.say_done(_tr("The report was sent to the printer."))

    @Slot()
    def on_export(self) -> None:
        files = self._files()
        if files is None:
            self.host.say_problem(_tr("An export can be written only when Steady has its "
                                      "data folder."))
            return
        target = self.choose_export(self.window, Path.home() / "steady-export.csv")
        if target is None:
            return
        try:
            count = files.export(target, FORMATS.get(target.suffix.lower(), "csv"))
        except StorageError as error:
            self.host.say_problem(str(error))
            return
        self.host.say_done(_tr("Exported %1 to %2.").replace(
            "%1", _sessions_text(count)).replace("%2", str(target)))


def log_files_for(store: SessionStore, data_dir: Path | None,
                  plans: Callable[[], PlanStore] | None) -> LogFiles | None:
    """Where History's exports and reports are written from; None without a data folder."""
    if data_dir is None:
        return None
    from app.services.log_files import LogFiles

    return LogFiles(store, data_dir, plans)


def _report_name(first: date, last: date) -> str:
    return f"steady-report-{first.isoformat()}-to-{last.isoformat()}.pdf"


def _sessions_text(count: int) -> str:
    return (_tr("1 session") if count == 1
            else _tr("%1 sessions").replace("%1", str(count)))
