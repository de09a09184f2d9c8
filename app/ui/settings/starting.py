"""Settings' starting part: the exercise "Start now" begins, keeping Steady in the tray,
and starting Steady at login, waiting in the tray.

Starting at login is not kept in the settings file: it is one file of the
desktop's (app.services.autostart), so the check box shows what that file says
each time the page is shown afresh, and Save (or Back) writes or removes it.
A file of that name that Steady did not write is left alone and said so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.loader import Library, display_path
from app.domain.settings import DEFAULT_EXERCISE, Settings
from app.ui.settings.section import Section, form
from app.ui.widgets.common import label

if TYPE_CHECKING:
    from app.services.autostart import Autostart


class StartSection(Section):
    """The list offers the exercises the health settings leave shown. Without a tray on
    the desktop, "Keep in the tray" is greyed out and a line says why."""

    def __init__(self, tray_available: bool, autostart: Autostart | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tray_available = tray_available
        self._autostart = autostart  # None: starting at login is not offered here
        self._login_on = False  # what the file said when last read
        self._picked = ""  # the exercise the person chose for Start now, if they did
        self._filling = False
        self.add_heading(self.tr("Starting"))
        self.default_exercise = QComboBox()
        self.default_exercise.setObjectName("defaultExercise")
        self.default_exercise.setAccessibleName(self.tr("Exercise for Start now"))
        self.default_exercise.setAccessibleDescription(self.tr(
            "The exercise the Start now button begins"))
        start_form = form()
        start_form.addRow(self.form_label(self.tr("Start now begins"), self.default_exercise),
                          self.default_exercise)
        self.keep_in_tray, tray_about = self.option(
            self.tr("Keep in the tray"),
            self.tr("Closing the window leaves Steady ready in the tray; Quit in the tray "
                    "menu ends it."))
        self.tray_note = label(self.tr("Your desktop has no tray, so closing the window "
                                       "quits Steady."), "small")
        self.start_at_login, login_about = self.option(
            self.tr("Start Steady when I log in, waiting in the tray"),
            self.tr("No window opens at login: Steady waits in the tray, so it opens at once "
                    "when you need it. Turning this off removes the file Steady wrote for it.")
            if tray_available else
            self.tr("Your desktop has no tray, so at login Steady starts with its window "
                    "minimised, ready when you need it. Turning this off removes the file "
                    "Steady wrote for it."))
        self.login_note = label("", "small")  # a file there that Steady did not write
        self.body.addLayout(start_form)
        self.body.addWidget(self.keep_in_tray)
        self.body.addLayout(tray_about)
        self.body.addWidget(self.tray_note)
        self.body.addWidget(self.start_at_login)
        self.body.addLayout(login_about)
        self.body.addWidget(self.login_note)
        self.keep_in_tray.setEnabled(tray_available)
        self.tray_note.setVisible(not tray_available)
        self.start_at_login.setVisible(autostart is not None)
        for index in range(login_about.count()):
            item = login_about.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setVisible(autostart is not None)
        self.login_note.hide()
        self.default_exercise.currentIndexChanged.connect(self.on_default_picked)
        self.keep_in_tray.toggled.connect(self.changed)
        self.start_at_login.toggled.connect(self.changed)

    def show_settings(self, settings: Settings) -> None:
        """The tray choice, and no exercise picked yet (:meth:`fill` offers the list)."""
        self._picked = ""
        self.keep_in_tray.setChecked(settings.keep_in_tray and self._tray_available)
        self.show_login()

    def read(self, settings: Settings) -> Settings:
        keep = self.keep_in_tray.isChecked() if self._tray_available else settings.keep_in_tray
        return replace(settings, default_exercise=self.chosen(settings.default_exercise),
                       keep_in_tray=keep)

    def focus_target(self) -> QWidget:
        return self.default_exercise

    # -- starting at login -------------------------------------------------------
    def show_login(self) -> None:
        """Read the login file again and show what it says (forgetting a change)."""
        if self._autostart is None:
            return
        state = self._autostart.state()
        self._login_on = state == "on"
        self.start_at_login.setChecked(self._login_on)
        if state == "other":
            self.login_note.setText(self.tr(
                "There is already a file at %1 that Steady did not write. Steady leaves it "
                "as it is.").replace("%1", shown_path(self._autostart)))
        self.login_note.setVisible(state == "other")

    def login_changed(self) -> bool:
        """Whether the check box says otherwise than the login file did."""
        return self._autostart is not None and self.start_at_login.isChecked() != self._login_on

    def apply_login(self) -> str:
        """Write or remove Steady's login file as the check box says; what went wrong, in
        plain words, or "". Afterwards the box shows what the file says."""
        autostart = self._autostart
        if autostart is None or not self.login_changed():
            return ""
        from app.services.autostart import AutostartError

        problem = ""
        try:
            if not self.start_at_login.isChecked():
                autostart.turn_off()
            elif autostart.state() == "other":
                problem = self.tr(
                    "Steady will not start at login by itself: there is already a file at %1 "
                    "that Steady did not write, so it was left as it is."
                ).replace("%1", shown_path(autostart))
            else:
                autostart.turn_on()
        except AutostartError as error:
            problem = self.tr("Starting at login could not be changed: %1.").replace(
                "%1", str(error).rstrip("."))
        self.show_login()
        return problem

    def chosen(self, saved: str) -> str:
        """What the person picked; else their ``saved`` choice, even while health settings
        hide it (the list then shows what Start now falls back to)."""
        return self._picked or saved

    def fill(self, library: Library, hidden: frozenset[str], chosen: str) -> None:
        """Offer the exercises of ``library`` without a ``hidden`` tag, ``chosen`` chosen
        (or, hidden or gone, the default)."""
        shown = [e for e in library.exercises.values() if not hidden & set(e.tags)]
        filling, self._filling = self._filling, True
        try:
            self.default_exercise.clear()
            for exercise in sorted(shown, key=lambda e: e.title.lower()):
                self.default_exercise.addItem(exercise.title, exercise.id)
            index = self.default_exercise.findData(chosen)
            if index < 0:
                index = self.default_exercise.findData(DEFAULT_EXERCISE)
            self.default_exercise.setCurrentIndex(max(0, index))
        finally:
            self._filling = filling
        self.default_exercise.setEnabled(self.default_exercise.count() > 0)
        if self.default_exercise.count() == 0:
            self.default_exercise.addItem(self.tr("No exercises found"), "")

    @Slot(int)
    def on_default_picked(self, _index: int) -> None:
        if self._filling:
            return
        data = self.default_exercise.currentData()
        if isinstance(data, str) and data:
            self._picked = data
        self.changed.emit()


def shown_path(autostart: Autostart) -> str:
    """The login file's path as the person knows it: from ``~`` where it is in their
    home (not on Windows, where ``~`` means nothing to most people)."""
    path = autostart.path
    if autostart.system != "windows" and path.is_relative_to(autostart.home):
        return "~/" + display_path(path.relative_to(autostart.home))
    return display_path(path)
