"""Settings: sound, motion, look, the exercise "Start now" begins, health, contacts.

A page in the window's stack holding one small widget per section
(:mod:`~app.ui.settings.sound`, :mod:`~app.ui.settings.look`,
:mod:`~app.ui.settings.starting`, :mod:`~app.ui.settings.health`,
:mod:`~app.ui.settings.contacts`). Nothing changes until the person saves
(Ctrl+S or the Save button); Back (Esc) leaves the page and keeps what was
typed as a draft, so nothing entered is lost and nothing is applied by
surprise. Every control has an accessible name and is reachable by Tab.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QVBoxLayout, QWidget

from app.domain.errors import SettingsError, StorageError
from app.domain.loader import Library
from app.domain.settings import SETTINGS_NAME, Settings, SettingsNotice
from app.ui.settings.contacts import ContactsSection
from app.ui.settings.health import HealthSection
from app.ui.settings.look import LookSection
from app.ui.settings.reminders import ReminderSection
from app.ui.settings.section import Section
from app.ui.settings.sound import SoundSection
from app.ui.settings.starting import StartSection
from app.ui.widgets.common import (
    label,
    make_button,
    save_footer,
    scroll_into_view,
    scroll_page,
)
from app.ui.widgets.notice import Notice
from app.ui.widgets.page import Page

if TYPE_CHECKING:
    from app.services.autostart import Autostart


class SettingsPage(Page):
    """Every setting on one scrolling page, in plain words.

    ``saved`` carries the new :class:`Settings` (the window writes and applies
    them); ``closed`` (Back, Esc, after keeping what was changed) asks to leave
    the page.
    """

    saved = Signal(object)  # Settings

    def __init__(self, settings: Settings, library: Library | None = None, *,
                 sound_status: str | None = None, speech_status: str | None = None,
                 tray_available: bool | None = None, autostart: Autostart | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = settings
        self._library = library or Library()
        self._loading = False
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.setAccessibleName(self.tr("Settings"))
        self.sound_section = SoundSection()
        self.look_section = LookSection()
        self.start_section = StartSection(tray_available, autostart)
        self.health_section = HealthSection()
        self.reminder_section = ReminderSection()
        self.contacts_section = ContactsSection()
        self.sections: dict[str, Section] = {
            "sound": self.sound_section, "look": self.look_section,
            "start": self.start_section, "health": self.health_section,
            "reminders": self.reminder_section, "contacts": self.contacts_section}
        self.headings = {key: section.heading for key, section in self.sections.items()}
        self._name_parts()
        self.save_problem = ""  # why the last save could not be written, if it could not
        self._build()
        self._connect_signals()
        self.set_sound_status(sound_status)
        self.set_speech_status(speech_status)
        self.set_settings(settings)

    def _name_parts(self) -> None:
        """The sections' controls under the names the window, tests and scripts use."""
        sound, look, start = self.sound_section, self.look_section, self.start_section
        self.sound, self.volume, self.volume_value = sound.sound, sound.volume, sound.volume_value
        self.spoken, self.sound_note, self.speech_note = (sound.spoken, sound.sound_note,
                                                          sound.speech_note)
        self.reduced_motion, self.theme, self.text_size = (look.reduced_motion, look.theme,
                                                           look.text_size)
        self.lead_in = look.lead_in
        self.default_exercise, self.keep_in_tray = start.default_exercise, start.keep_in_tray
        self.tray_note = start.tray_note
        self.start_at_login, self.login_note = start.start_at_login, start.login_note
        self.health, self.hidden_note = self.health_section.health, self.health_section.hidden_note
        contacts = self.contacts_section
        self.contact_list, self.no_contacts = contacts.contact_list, contacts.no_contacts
        self.contact_name, self.contact_number, self.contact_note = (
            contacts.contact_name, contacts.contact_number, contacts.contact_note)
        self.add_contact, self.remove_contact, self.move_up = (
            contacts.add_contact, contacts.remove_contact, contacts.move_up)

    def _build(self) -> None:
        self.title = label(self.tr("Settings"), "title")
        self.intro = label(self.tr("Changes take effect when you save or go back. Everything "
                                   "here stays on this computer."), "muted")
        body = QVBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.title)
        body.addWidget(self.intro)
        for section in self.sections.values():
            body.addWidget(section)
        body.addStretch(1)
        self.scroll_area = scroll_page(body)
        self.status = Notice("small", self.tr("Save status"))
        self.back_button = make_button(self.tr("Back (Esc)"),
                                       description=self.tr("Keep what you changed and go "
                                                           "back"))
        self.save_button = make_button(self.tr("Save (Ctrl+S)"), role="primary",
                                       description=self.tr("Save and use these settings"))
        footer = save_footer(self.status, self.back_button, self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(footer)

    def _connect_signals(self) -> None:
        for section in (self.sound_section, self.look_section, self.start_section,
                        self.reminder_section, self.contacts_section):
            section.changed.connect(self.on_changed)
        self.health_section.changed.connect(self.on_health_changed)
        self.back_button.clicked.connect(self.on_back)
        self.save_button.clicked.connect(self.on_save)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.on_save)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """The page passes its focus to its first control that can be used now (sound
        cues are greyed out where there is no sound device), when that is in view with
        the page at its top; else (a small window, large text) to Back, so the page
        still opens at its top with the focus in sight."""
        super().focusInEvent(event)
        first = next((box for box in (self.sound, self.spoken, self.reduced_motion)
                      if box.isEnabled()), self.reduced_motion)
        inner = self.scroll_area.widget()
        layout = inner.layout() if inner is not None else None
        if layout is not None:
            layout.activate()
        bottom = first.mapTo(inner, first.rect().bottomLeft()).y() if inner else 0
        seen = bottom + 20 <= self.scroll_area.viewport().height()
        (first if seen else self.back_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensurePolished()
        self.sound_section.fit()
        self._align_form_labels()
        self.contacts_section.fit()
        super().showEvent(event)

    def _align_form_labels(self) -> None:
        """One label column, and the lists one width, at the current text size."""
        labels = [w for section in self.sections.values() for w in section.form_labels]
        widest = max((w.fontMetrics().horizontalAdvance(w.text()) for w in labels), default=0)
        for widget in labels:
            widget.setMinimumWidth(widest + 4)
        combos = (self.theme, self.text_size, self.default_exercise,
                  self.reminder_section.exercise)
        for combo in combos:
            combo.setMinimumWidth(0)
        width = max(combo.sizeHint().width() for combo in combos)
        for combo in combos:
            combo.setMinimumWidth(width)

    # ------------------------------------------------------------------ state

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` and forget any draft."""
        self._base = settings
        self._loading = True
        try:
            for section in self.sections.values():
                section.show_settings(settings)
            self.start_section.fill(self._library, self._hidden_tags(),
                                    settings.default_exercise)
            self.reminder_section.fill(self._library, self._hidden_tags())
        finally:
            self._loading = False
        self._update()
        self.status.clear()

    def set_base(self, settings: Settings) -> None:
        """Settings changed elsewhere: keep the draft if there is one, else show them."""
        if self.is_dirty():
            self._base = settings
            self._update()
        else:
            self.set_settings(settings)

    def set_library(self, library: Library) -> None:
        self._library = library
        self._fill_exercises()

    def set_sound_status(self, status: str | None) -> None:
        """``status`` says why sound cannot play; ``None`` when it can."""
        self.sound_section.set_sound_status(status)

    def set_speech_status(self, status: str | None) -> None:
        self.sound_section.set_speech_status(status)

    def current(self) -> Settings:
        """The settings as the page shows them now."""
        settings = self._base
        for section in self.sections.values():
            settings = section.read(settings)
        return settings

    def is_dirty(self) -> bool:
        return self.current() != self._base or self.start_section.login_changed()

    def _hidden_tags(self) -> frozenset[str]:
        return replace(self._base, health=self.health_section.chosen()).hidden_tags()

    def _fill_exercises(self) -> None:
        chosen = self.start_section.chosen(self._base.default_exercise)
        self.start_section.fill(self._library, self._hidden_tags(), chosen)
        self.reminder_section.fill(self._library, self._hidden_tags())

    def _update(self) -> None:
        self.health_section.show_hidden(self._library, self._hidden_tags())
        not_saved = self.tr("Not saved yet: Save or Back keeps it.")
        if self.is_dirty():
            self.status.show(not_saved)
        elif self.status.text() == not_saved:
            self.status.clear()

    # ------------------------------------------------------------------ slots

    @Slot()
    def on_changed(self) -> None:
        if not self._loading:
            self._update()

    @Slot()
    def on_health_changed(self) -> None:
        if self._loading:
            return
        self._fill_exercises()
        self._update()

    @Slot()
    def on_save(self) -> None:
        settings = self.current()
        self._base = settings
        login_problem = self.start_section.apply_login()  # a file of the desktop's, not ours
        self.contacts_section.keep(settings.contacts, self.contacts_section.chosen_row())
        self.status.show(self.tr("Saved on this computer."))
        self.save_problem = ""  # set again by the window if writing fails
        self.saved.emit(settings)  # the window applies them now: a new text size moves things
        if login_problem:
            self.show_save_problem(" ".join(filter(None, (self.save_problem, login_problem))))
        QTimer.singleShot(0, self.keep_focus_in_view)

    @Slot()
    def keep_focus_in_view(self) -> None:
        """Scroll so that the control with the keyboard's focus can be seen."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            scroll_into_view(focused, self, margin=40)

    def show_save_problem(self, message: str) -> None:
        """The window could not write the file: say so; the settings still apply."""
        self.save_problem = message
        self.status.show(message)

    @Slot()
    def on_back(self) -> None:
        """Leave, keeping what was changed: nothing typed here (a contact) is lost."""
        self.keep_changes()
        self.closed.emit()

    @Slot()
    def on_escape(self) -> None:
        """Esc is Back: what was changed is kept."""
        self.on_back()

    def keep_changes(self) -> None:
        """Save what was changed, if anything was."""
        if self.is_dirty():
            self.on_save()

    def show_section(self, key: str) -> None:
        """Scroll to a section and put the focus in it ("contacts", "sound", ...)."""
        section = self.sections.get(key)
        if section is None:
            return
        target = section.focus_target()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        # The section's heading at the top of the view (or as near as the page allows),
        # measured once pending layout work is done so the page has its final height.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        inner = self.scroll_area.widget()
        if inner is not None:
            heading = section.heading
            top = heading.mapTo(inner, heading.rect().topLeft()).y() - 12
            self.scroll_area.verticalScrollBar().setValue(max(0, top))
        self.scroll_area.ensureWidgetVisible(target, 0, 20)


def notice_text(notice: SettingsNotice) -> str:
    """What happened to the settings file, in the person's language."""
    if notice.kind == "damaged":
        name = notice.moved_to.name if notice.moved_to is not None else SETTINGS_NAME
        return QCoreApplication.translate(
            "SettingsNotice", "Your settings file could not be read, so Steady is using its "
            "defaults. The old file was kept as %1 in the data folder.").replace("%1", name)
    if notice.kind == "unreadable":
        return QCoreApplication.translate(
            "SettingsNotice", "Your settings file could not be opened (%1), so Steady is "
            "using its defaults for now. The file was left as it is."
        ).replace("%1", notice.reason)
    names = field_names()
    fields = ", ".join(names.get(key, key) for key in notice.fields)
    text = QCoreApplication.translate(
        "SettingsNotice", "Some settings could not be read and are back to their defaults: "
        "%1. Please check them in Settings.").replace("%1", fields)
    if notice.moved_to is not None:
        text += " " + QCoreApplication.translate(
            "SettingsNotice", "The file as it was is kept as %1 in the data folder."
        ).replace("%1", notice.moved_to.name)
    return text


def save_problem_text(error: StorageError) -> str:
    reason = error.reason if isinstance(error, SettingsError) else ""
    return QCoreApplication.translate(
        "SettingsNotice", "Could not save your settings (%1). They apply until Steady closes."
    ).replace("%1", reason or str(error))


def field_names() -> dict[str, str]:
    return {
        "sound": QCoreApplication.translate("SettingsNotice", "sound cues"),
        "volume": QCoreApplication.translate("SettingsNotice", "volume"),
        "spoken_cues": QCoreApplication.translate("SettingsNotice", "spoken cues"),
        "reduced_motion": QCoreApplication.translate("SettingsNotice", "reduce motion"),
        "lead_in": QCoreApplication.translate("SettingsNotice", "the count before breathing"),
        "theme": QCoreApplication.translate("SettingsNotice", "colours"),
        "text_scale": QCoreApplication.translate("SettingsNotice", "text size"),
        "default_exercise": QCoreApplication.translate("SettingsNotice",
                                                       "the exercise for Start now"),
        "health": QCoreApplication.translate("SettingsNotice", "health settings"),
        "reminders": QCoreApplication.translate("SettingsNotice", "practice reminders"),
        "contacts": QCoreApplication.translate("SettingsNotice", "contacts"),
        "keep_in_tray": QCoreApplication.translate("SettingsNotice", "keep in the tray"),
        "first_run_done": QCoreApplication.translate("SettingsNotice", "welcome"),
    }
