"""Opening "Get help now" from any page, without losing the person's place.

:class:`HelpDoor` opens the help dialog (its module is imported then), pauses a
breathing exercise under it, raises the one already open rather than opening a
second, and hands its "Edit contacts" and "My plan" to the window. The window
sees it only through :class:`HelpHost`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.domain.settings import Settings

if TYPE_CHECKING:
    from app.ui.distress.help import HelpDialog
    from app.ui.shell.session_steps import ExercisePage


class HelpHost(Protocol):
    """What "Get help now" needs from the window."""

    @property
    def settings(self) -> Settings: ...

    @property
    def exercise_page(self) -> ExercisePage | None: ...

    def show_contacts(self) -> None: ...

    def show_plan(self) -> None: ...


class HelpDoor(QObject):
    """The one help dialog: opened, raised again, and forgotten when closed."""

    shown = Signal(object)  # the HelpDialog, for tests and the tray

    def __init__(self, host: HelpHost, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._window = window
        self.dialog: HelpDialog | None = None

    @Slot()
    def open(self) -> None:
        exercise = self.host.exercise_page
        if exercise is not None:
            from app.ui.exercise.breathing import BreathingPage  # loaded with the page

            if isinstance(exercise, BreathingPage):
                exercise.pause()
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from app.ui.distress.help import HelpDialog

        dialog = HelpDialog(self.host.settings.contacts, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.on_closed)
        dialog.editContactsRequested.connect(self.host.show_contacts)
        dialog.planRequested.connect(self.host.show_plan)
        self.dialog = dialog
        dialog.show()
        self.shown.emit(dialog)

    @Slot()
    def on_closed(self) -> None:
        self.dialog = None
