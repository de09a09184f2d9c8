"""Opening Settings and the first-run welcome, and coming back to where the person was.

:class:`SettingsDoor` makes the Settings page the first time it is opened (its
module is imported then, never before the first frame), fills it again each
time, opens it at a section ("contacts"), hands a saved draft to the window's
settings, and goes back to the page Settings was opened from. The welcome is
shown once, on the first run; leaving it in either way marks the first run done.
Starting at login (app.services.autostart) is offered in Settings and once on
the welcome, through the window's ``login_start`` (None: not offered).
The window sees the door only through :class:`SettingsHost`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.domain.loader import Library
from app.domain.settings import Settings

if TYPE_CHECKING:
    from app.services.autostart import Autostart
    from app.ui.distress.welcome import WelcomePage
    from app.ui.exercise.cues import ExerciseCues
    from app.ui.settings.page import SettingsPage


class SettingsHost(Protocol):
    """What Settings and the welcome need from the window."""

    stack: QStackedWidget
    #: Starting at login for this home and data folder; None: not offered.
    login_start: Callable[[], Autostart] | None

    @property
    def library(self) -> Library: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def cues(self) -> ExerciseCues: ...

    def apply_settings(self, settings: Settings) -> str: ...

    def current_page(self) -> QWidget | None: ...

    def show_page(self, page: QWidget) -> None: ...

    def go_home(self) -> None: ...

    def show_notice(self, text: str) -> None: ...


class SettingsDoor(QObject):
    """The way in and out of Settings, and of the welcome on the first run."""

    def __init__(self, host: SettingsHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.page: SettingsPage | None = None  # made when first opened
        self.welcome: WelcomePage | None = None  # first run only
        self._return_to: QWidget | None = None  # the page Settings was opened from

    # ------------------------------------------------------------------ Settings

    def show(self, section: str = "") -> None:
        """Open Settings (at ``section``, e.g. "contacts"); Back returns to the page it
        was opened from."""
        host = self.host
        sound, speech = host.cues.sound().reason(), host.cues.speech().reason()
        page = self.page
        if page is None:
            from app.ui.settings.page import SettingsPage

            page = SettingsPage(host.settings, host.library, sound_status=sound or None,
                                speech_status=speech or None, autostart=self._autostart())
            page.saved.connect(self.on_saved)
            page.closed.connect(self.on_closed)
            self.page = page
            host.stack.addWidget(page)
        else:
            page.set_library(host.library)
            page.set_base(host.settings)
            page.set_sound_status(sound or None)
            page.set_speech_status(speech or None)
        afresh = host.current_page() is not page
        if afresh:
            self._return_to = host.current_page()
        host.show_page(page)
        if section:
            page.show_section(section)
        elif afresh:  # from the top, where the focus goes (Qt's own move of the focus
            page.scroll_area.verticalScrollBar().setValue(0)  # as it shows may scroll)

    def is_dirty(self) -> bool:
        """Settings is open with changes not yet saved."""
        return (self.page is not None and self.host.current_page() is self.page
                and self.page.is_dirty())

    def keep_changes(self) -> None:
        """What was typed in Settings is kept, as Back does (the window is closing, or
        an exercise is started from elsewhere)."""
        if self.page is not None:
            self.page.keep_changes()

    def refresh(self, library: Library) -> None:
        if self.page is not None:
            self.page.set_library(library)

    @Slot()
    def on_closed(self) -> None:
        host, page = self.host, self.page
        if page is not None and page.save_problem:  # said on a page that is now closing
            host.show_notice(page.save_problem)
        back, self._return_to = self._return_to, None
        if back is None or back is self.welcome or host.stack.indexOf(back) < 0:
            host.go_home()
        else:
            host.show_page(back)

    @Slot(object)
    def on_saved(self, settings: Settings) -> None:
        problem = self.host.apply_settings(settings)
        if problem and self.page is not None:
            self.page.show_save_problem(problem)

    # ------------------------------------------------------------------ the welcome

    def show_welcome(self) -> None:
        """The first-run welcome; done (and saved) once skipped or left for contacts."""
        if self.welcome is None:
            from app.ui.distress.welcome import WelcomePage

            autostart = self._autostart()
            self.welcome = WelcomePage(
                offer_login=autostart is not None and autostart.state() == "off")
            self.welcome.skipped.connect(self.on_welcome_skipped)
            self.welcome.addContactsRequested.connect(self.on_welcome_add_contacts)
            self.host.stack.addWidget(self.welcome)
        self.host.show_page(self.welcome)

    def _finish_welcome(self) -> None:
        host = self.host
        page, self.welcome = self.welcome, None
        if page is not None:
            if page.login_chosen():
                self._start_at_login()
            host.stack.removeWidget(page)
            page.deleteLater()
        if not host.settings.first_run_done:
            problem = host.apply_settings(replace(host.settings, first_run_done=True))
            if problem:
                host.show_notice(problem)

    def _autostart(self) -> Autostart | None:
        login_start = self.host.login_start
        return login_start() if login_start is not None else None

    def _start_at_login(self) -> None:
        """The welcome's "start at login" was ticked: write the file, or say why not."""
        autostart = self._autostart()
        if autostart is None:
            return
        from app.services.autostart import AutostartError

        try:
            autostart.turn_on()
        except AutostartError as error:
            self.host.show_notice(self.tr(
                "Steady could not set itself to start at login: %1. You can try again in "
                "Settings.").replace("%1", str(error).rstrip(".")))

    @Slot()
    def on_welcome_skipped(self) -> None:
        self._finish_welcome()
        self.host.go_home()

    @Slot()
    def on_welcome_add_contacts(self) -> None:
        self._finish_welcome()
        self.host.go_home()
        self.show("contacts")
