"""Practice reminders in the window: a quiet suggestion at the times the person chose.

:class:`PracticeReminders` keeps the reminders' timer
(:class:`~app.services.reminders.ReminderClock`) in step with the settings
and, when one is due, offers a minute of practice, once:

- nothing at all while a session is under way (a rating, an exercise, its
  summary), and nothing is kept for later;
- where Steady has a tray icon, one system notification
  (``QSystemTrayIcon.showMessage``). A notification there has no buttons, so
  clicking it is "Start" (the window comes forward at the exercise's first
  rating) and letting it pass is "Not now"; its words say so. Nothing follows
  up, nothing counts what was let pass;
- without a tray, a quiet line at the top of the window with "Start" and
  "Not now" buttons.

The exercise is the one chosen for reminders, else the default exercise, never
one the health settings hide. Why: docs/decisions/0023-practice-reminders.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QPushButton, QSystemTrayIcon, QWidget

from app.domain.reminders import Reminders
from app.domain.session import utc_now
from app.domain.settings import Settings
from app.services.local_time import local_zone
from app.services.reminders import ReminderClock
from app.services.wake_watch import WakeWatch
from app.ui.widgets.common import label, make_button

if TYPE_CHECKING:
    from app.ui.shell.tray import SteadyTray
    from app.ui.shell.window import MainWindow


class ReminderBanner(QFrame):
    """The reminder in the window, where there is no tray: a line, "Start", "Not now"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.text = label("", "muted", self)
        self.start_button = make_button("", role="primary", parent=self)
        self.not_now_button = make_button(self.tr("Not now"), description=self.tr(
            "Let this reminder pass; nothing else will ask today"), parent=self)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 0, 32, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.start_button)
        row.addWidget(self.not_now_button)
        self.setAccessibleName(self.tr("A reminder to practise"))
        self.hide()


class PracticeReminders(QObject):
    """The reminders of one window. ``shown(how)`` says a reminder was offered
    ("tray" or "window"), for tests and the idle benchmark."""

    shown = Signal(str)

    def __init__(self, window: MainWindow, *,
                 wall_clock: Callable[[], datetime] = utc_now,
                 zone: Callable[[], tzinfo] = local_zone,
                 watch: Callable[[QObject], WakeWatch] | None = WakeWatch) -> None:
        super().__init__(window)
        self.window = window
        self.tray: SteadyTray | None = None
        self.clock = ReminderClock(self, clock=wall_clock, zone=zone, watch=watch)
        self.pending = ""  # the exercise an offered reminder starts
        self.banner: ReminderBanner | None = None
        self._reminders = Reminders()
        self._connect_signals()
        self.on_settings_changed(window.settings)

    def _connect_signals(self) -> None:
        self.clock.due.connect(self.on_due)
        self.window.keeper.changed.connect(self.on_settings_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self.on_application_state)

    def set_tray(self, tray: SteadyTray | None) -> None:
        """Offer reminders through ``tray`` (None: in the window)."""
        if self.tray is not None:
            self.tray.icon.messageClicked.disconnect(self.on_message_clicked)
        self.tray = tray
        if tray is not None:
            tray.icon.messageClicked.connect(self.on_message_clicked)

    # ------------------------------------------------------------------ slots

    @Slot(object)
    def on_settings_changed(self, settings: Settings) -> None:
        if settings.reminders != self._reminders:
            self._reminders = settings.reminders
            self.clock.set_reminders(settings.reminders)

    @Slot(Qt.ApplicationState)
    def on_application_state(self, state: Qt.ApplicationState) -> None:
        """The window came forward: the time may have moved since (a laptop opened)."""
        if state == Qt.ApplicationState.ApplicationActive:
            self.clock.recompute()

    @Slot(str)
    def on_due(self, exercise_id: str) -> None:
        """A reminder is due: offer it once, unless a session is under way."""
        window = self.window
        if window.current_exercise_id() is not None:
            return
        chosen = self.exercise_for(exercise_id)
        if chosen is None:
            return
        self.pending = chosen[0]
        title = self.tr("A minute to practise while calm?")
        tray = self.tray
        if tray is not None and tray.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            text = self.tr("Click here to start %1. Not now? Let this pass; nothing else "
                           "will ask.").replace("%1", chosen[1])
            tray.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.NoIcon)
            self.shown.emit("tray")
            return
        self._show_banner(title, chosen[1])
        self.shown.emit("window")

    @Slot()
    def on_message_clicked(self) -> None:
        """The notification was clicked: "Start"."""
        self.start()

    @Slot()
    def start(self) -> None:
        """Bring the window forward at the first rating of the reminder's exercise."""
        exercise_id, self.pending = self.pending, ""
        self._hide_banner()
        if not exercise_id or self.window.current_exercise_id() is not None:
            return
        from app.ui.shell.tray import bring_forward

        bring_forward(self.window)
        self.window.start_exercise(exercise_id)

    @Slot()
    def not_now(self) -> None:
        """Let it pass: nothing follows up."""
        self.pending = ""
        self._hide_banner()

    # ------------------------------------------------------------------ parts

    def exercise_for(self, chosen: str) -> tuple[str, str] | None:
        """(id, title) of the exercise to offer: the one chosen for reminders, else the
        default, else the first one; never one the health settings hide."""
        library = self.window.library
        hidden = self.window.settings.hidden_tags()
        for wanted in (chosen, self.window.settings.default_exercise):
            exercise = library.get(wanted) if wanted else None
            if exercise is not None and not hidden & set(exercise.tags):
                return exercise.id, exercise.title
        first = next((e for e in library.exercises.values() if not hidden & set(e.tags)), None)
        return (first.id, first.title) if first is not None else None

    def _show_banner(self, title: str, exercise_title: str) -> None:
        banner = self.banner
        if banner is None:
            central = self.window.centralWidget()
            layout = central.layout() if central is not None else None
            if not isinstance(layout, QBoxLayout):
                return
            banner = self.banner = ReminderBanner(central)
            layout.insertWidget(2, banner)  # under the header and the notice line
            banner.start_button.clicked.connect(self.start)
            banner.not_now_button.clicked.connect(self.not_now)
        banner.text.setText(title)
        start: QPushButton = banner.start_button
        start.setText(self.tr("Start: %1").replace("%1", exercise_title))
        start.setAccessibleDescription(self.tr("Open the first rating of %1").replace(
            "%1", exercise_title))
        banner.show()

    def _hide_banner(self) -> None:
        if self.banner is not None:
            self.banner.hide()
