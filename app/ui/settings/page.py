"""Settings: sound, motion, look, the exercise "Start now" begins, health, contacts.

A page in the window's stack. Nothing changes until the person saves
(Ctrl+S or the Save button); Back (Esc) leaves the page and keeps what was
typed as a draft, so nothing entered is lost and nothing is applied by
surprise. Every control has an accessible name and is reachable by Tab.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSlider,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import SettingsError, StorageError
from app.domain.loader import Library
from app.domain.settings import (
    DEFAULT_EXERCISE,
    HEALTH_CONDITIONS,
    SETTINGS_NAME,
    THEMES,
    Contact,
    Settings,
    SettingsNotice,
    Theme,
)
from app.ui.widgets.common import label, make_button, scroll_into_view, scroll_page
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.wrap_check_box import WrapCheckBox

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
SECTIONS = ("sound", "look", "start", "health", "contacts")
CONTACT_LIMITS = {"name": 100, "number": 60, "note": 300}


# Free functions name their translation context explicitly: ``widget.tr()`` outside
# a class would be filed by pyside6-lupdate under a context that never matches.
def theme_names() -> dict[Theme, str]:
    return {
        "system": QCoreApplication.translate("SettingsPage", "Same as the system"),
        "light": QCoreApplication.translate("SettingsPage", "Light"),
        "dark": QCoreApplication.translate("SettingsPage", "Dark"),
        "high-contrast": QCoreApplication.translate("SettingsPage", "High contrast"),
    }


def health_names() -> dict[str, str]:
    return {
        "heart": QCoreApplication.translate("SettingsPage", "A heart condition"),
        "beta-blockers": QCoreApplication.translate("SettingsPage", "I take beta-blockers"),
        "eating-disorder": QCoreApplication.translate("SettingsPage", "An eating disorder"),
        "pregnancy": QCoreApplication.translate("SettingsPage", "Pregnancy"),
        "breathing": QCoreApplication.translate("SettingsPage",
                                                "Breathing problems (asthma, COPD)"),
    }


def hides_text(tags: frozenset[str]) -> str:
    if tags >= {"breath-hold", "cold"}:
        return QCoreApplication.translate("SettingsPage",
                                          "Hides exercises with breath holds or cold water.")
    if "cold" in tags:
        return QCoreApplication.translate("SettingsPage", "Hides exercises with cold water.")
    return QCoreApplication.translate("SettingsPage", "Hides exercises with breath holds.")


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    return form


class SettingsPage(QWidget):
    """Every setting on one scrolling page, in plain words.

    ``saved`` carries the new :class:`Settings` (the window writes and applies
    them); ``closed`` asks to leave the page.
    """

    saved = Signal(object)  # Settings
    closed = Signal()

    def __init__(self, settings: Settings, library: Library | None = None, *,
                 sound_status: str | None = None, speech_status: str | None = None,
                 tray_available: bool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = settings
        self._library = library or Library()
        self._contacts: list[Contact] = []
        self._loading = False
        self._sound_available = True
        self._picked = ""  # the exercise the person chose for Start now, if they did
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self._tray_available = tray_available
        self.setAccessibleName(self.tr("Settings"))

        self.title = label(self.tr("Settings"), "title")
        self.intro = label(self.tr("Changes take effect when you save or go back. Everything "
                                   "here stays on this computer."), "muted")
        self.headings: dict[str, QLabel] = {}
        self.form_labels: list[QLabel] = []
        body = QVBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.title)
        body.addWidget(self.intro)
        body.addLayout(self._build_sound())
        body.addLayout(self._build_look())
        body.addLayout(self._build_start())
        body.addLayout(self._build_health())
        body.addLayout(self._build_contacts())
        body.addStretch(1)
        self.scroll_area = scroll_page(body)

        self.status = label("", "small")
        self.save_problem = ""  # why the last save could not be written, if it could not
        self.status.setAccessibleName(self.tr("Save status"))
        self.back_button = make_button(self.tr("Back (Esc)"),
                                       description=self.tr("Keep what you changed and go "
                                                           "back"))
        self.save_button = make_button(self.tr("Save (Ctrl+S)"), role="primary",
                                       description=self.tr("Save and use these settings"))
        footer = FlowLayout()
        footer.setContentsMargins(32, 8, 32, 20)
        footer.addStretch(1)
        footer.addWidget(self.status)  # beside the buttons: where the eye is after Save
        footer.addWidget(self.back_button)
        footer.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(footer)

        # Tab as the contacts read: the list, its buttons, then the chosen contact.
        chain = (self.contact_list, self.add_contact, self.remove_contact, self.move_up,
                 self.contact_name, self.contact_number, self.contact_note)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._connect_signals()
        self.set_sound_status(sound_status)
        self.set_speech_status(speech_status)
        self.set_settings(settings)

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

    # ------------------------------------------------------------------ building

    def _option(self, text: str, about: str) -> tuple[QCheckBox, QHBoxLayout]:
        """A check box with a short name and, beneath it, a wrapped line saying what it does.

        (Check box text never wraps, so long words there would push the page sideways at
        large text sizes or in longer languages.)
        """
        box = WrapCheckBox(text)
        box.setAccessibleName(text)
        box.setAccessibleDescription(about)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 17
        row.addSpacing(indent)
        row.addWidget(label(about, "small"), 1)
        return box, row

    def _form_label(self, text: str, buddy: QWidget) -> QLabel:
        """A label for a form row; all share one width so the fields line up."""
        widget = QLabel(text)
        widget.setBuddy(buddy)
        self.form_labels.append(widget)
        return widget

    def _align_form_labels(self) -> None:
        """One label column, and the three lists one width, at the current text size."""
        widest = max((w.fontMetrics().horizontalAdvance(w.text()) for w in self.form_labels),
                     default=0)
        for widget in self.form_labels:
            widget.setMinimumWidth(widest + 4)
        combos = (self.theme, self.text_size, self.default_exercise)
        for combo in combos:
            combo.setMinimumWidth(0)
        width = max(combo.sizeHint().width() for combo in combos)
        for combo in combos:
            combo.setMinimumWidth(width)

    def _section(self, key: str, text: str) -> QVBoxLayout:
        layout = QVBoxLayout()
        layout.setSpacing(8)
        heading = label(text.upper(), "section")
        heading.setAccessibleName(text)
        layout.addSpacing(10)
        layout.addWidget(heading)
        self.headings[key] = heading
        return layout

    def _build_sound(self) -> QVBoxLayout:
        layout = self._section("sound", self.tr("Sound"))
        self.sound, sound_about = self._option(
            self.tr("Sound cues"),
            self.tr("Soft tones for breathing in, holding and breathing out, so you can "
                    "follow without looking. Off until you turn them on."))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setAccessibleDescription(self.tr("How loud the sound cues are, from 0 to "
                                                     "100 percent"))
        self.volume_value = QLabel()
        self.volume_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        volume_row = QHBoxLayout()
        volume_row.setSpacing(12)
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_value)
        form = _form()
        form.addRow(self._form_label(self.tr("Volume"), self.volume), volume_row)
        self.sound_note = label("", "caution")
        self.sound_note.setAccessibleName(self.tr("Sound is not available"))
        self.spoken, spoken_about = self._option(
            self.tr("Spoken cues"),
            self.tr('Your computer\'s voice says "in", "hold" and "out", where it has a '
                    "voice. Off until you turn it on."))
        self.speech_note = label("", "caution")
        layout.addWidget(self.sound)
        layout.addLayout(sound_about)
        layout.addWidget(self.sound_note)
        layout.addLayout(form)
        layout.addWidget(self.spoken)
        layout.addLayout(spoken_about)
        layout.addWidget(self.speech_note)
        return layout

    def _build_look(self) -> QVBoxLayout:
        layout = self._section("look", self.tr("Motion and look"))
        self.reduced_motion, motion_about = self._option(
            self.tr("Reduce motion"),
            self.tr("The breathing circle stays still and a thin bar fills with each phase."))
        self.theme = QComboBox()
        for key, text in theme_names().items():
            self.theme.addItem(text, key)
        self.theme.setAccessibleName(self.tr("Colours"))
        self.theme.setAccessibleDescription(self.tr("Same as the system, light, dark or "
                                                    "high contrast"))
        self.text_size = QComboBox()
        for scale in TEXT_SCALES:
            self.text_size.addItem(self.tr("%1%").replace("%1", str(round(scale * 100))),
                                   scale)
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.setAccessibleDescription(self.tr("From 100 to 200 percent"))
        form = _form()
        form.addRow(self._form_label(self.tr("Colours"), self.theme), self.theme)
        form.addRow(self._form_label(self.tr("Text size"), self.text_size), self.text_size)
        layout.addWidget(self.reduced_motion)
        layout.addLayout(motion_about)
        layout.addLayout(form)
        return layout

    def _build_start(self) -> QVBoxLayout:
        layout = self._section("start", self.tr("Starting"))
        self.default_exercise = QComboBox()
        self.default_exercise.setObjectName("defaultExercise")
        self.default_exercise.setAccessibleName(self.tr("Exercise for Start now"))
        self.default_exercise.setAccessibleDescription(self.tr(
            "The exercise the Start now button begins"))
        form = _form()
        form.addRow(self._form_label(self.tr("Start now begins"), self.default_exercise),
                    self.default_exercise)
        self.keep_in_tray, tray_about = self._option(
            self.tr("Keep in the tray"),
            self.tr("Closing the window leaves Steady ready in the tray; Quit in the tray "
                    "menu ends it."))
        self.tray_note = label(self.tr("Your desktop has no tray, so closing the window "
                                       "quits Steady."), "small")
        layout.addLayout(form)
        layout.addWidget(self.keep_in_tray)
        layout.addLayout(tray_about)
        layout.addWidget(self.tray_note)
        self.keep_in_tray.setEnabled(self._tray_available)
        self.tray_note.setVisible(not self._tray_available)
        return layout

    def _build_health(self) -> QVBoxLayout:
        layout = self._section("health", self.tr("Health"))
        layout.addWidget(label(self.tr(
            "Breath holds and cold water can be unsafe with some conditions. Tick any that "
            "apply and Steady hides those exercises. This stays on this computer."), None))
        self.health: dict[str, QCheckBox] = {}
        names = health_names()
        for key, tags in HEALTH_CONDITIONS.items():
            box = WrapCheckBox(names.get(key, key))
            box.setAccessibleName(names.get(key, key))
            box.setAccessibleDescription(hides_text(tags))
            box.setToolTip(hides_text(tags))
            layout.addWidget(box)
            self.health[key] = box
        self.hidden_note = label("", "small")
        self.hidden_note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.hidden_note)
        return layout

    def _build_contacts(self) -> QVBoxLayout:
        layout = self._section("contacts", self.tr("Your contacts"))
        layout.addWidget(label(self.tr(
            "People and lines you can reach in a hard moment: a friend, a clinician, a local "
            "crisis line. They appear under Get help now (F1)."), None))
        self.contact_list = QListWidget()
        self.contact_list.setSpacing(3)
        # Long lines end in "..." rather than scrolling sideways; the fields below show all.
        self.contact_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contact_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.contact_list.setAccessibleName(self.tr("Your contacts"))
        self.contact_list.setAccessibleDescription(self.tr(
            "Choose a contact with Up and Down to change it below"))
        self.no_contacts = label(self.tr("No contacts yet. Add contact starts a new one."),
                                 "muted")
        self.contact_name = QLineEdit()
        self.contact_number = QLineEdit()
        self.contact_note = QLineEdit()
        for edit, name, hint, key in (
            (self.contact_name, self.tr("Contact name"),
             self.tr("Who, for example Sam or Crisis line"), "name"),
            (self.contact_number, self.tr("Contact number"),
             self.tr("Phone number, or how to reach them"), "number"),
            (self.contact_note, self.tr("Contact note"),
             self.tr("Optional, for example evenings only"), "note"),
        ):
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(hint)
            edit.setPlaceholderText(hint)
            edit.setMaxLength(CONTACT_LIMITS[key])
        self.add_contact = make_button(self.tr("Add contact"),
                                       description=self.tr("Start a new contact"))
        self.remove_contact = make_button(self.tr("Remove contact"),
                                          description=self.tr("Remove the chosen contact"))
        self.move_up = make_button(self.tr("Move up"),
                                   description=self.tr("Show this contact earlier"))
        form = _form()
        form.addRow(self._form_label(self.tr("Name"), self.contact_name), self.contact_name)
        form.addRow(self._form_label(self.tr("Number"), self.contact_number), self.contact_number)
        form.addRow(self._form_label(self.tr("Note"), self.contact_note), self.contact_note)
        buttons = FlowLayout()  # side by side, or wrapped at large text sizes
        buttons.addWidget(self.add_contact)
        buttons.addWidget(self.remove_contact)
        buttons.addWidget(self.move_up)
        # The list, what to do with it, then the chosen contact: with none yet, "Add
        # contact" sits right under the heading, in view when a person comes to add one.
        layout.addWidget(self.contact_list)
        layout.addWidget(self.no_contacts)
        layout.addLayout(buttons)
        layout.addLayout(form)
        return layout

    def _connect_signals(self) -> None:
        self.sound.toggled.connect(self.on_changed)
        self.volume.valueChanged.connect(self.on_volume)
        self.spoken.toggled.connect(self.on_changed)
        self.reduced_motion.toggled.connect(self.on_changed)
        self.theme.currentIndexChanged.connect(self.on_changed)
        self.text_size.currentIndexChanged.connect(self.on_changed)
        self.default_exercise.currentIndexChanged.connect(self.on_default_picked)
        self.keep_in_tray.toggled.connect(self.on_changed)
        for box in self.health.values():
            box.toggled.connect(self.on_health_changed)
        self.contact_list.currentRowChanged.connect(self.on_contact_chosen)
        for edit in (self.contact_name, self.contact_number, self.contact_note):
            edit.textEdited.connect(self.on_contact_edited)
        self.add_contact.clicked.connect(self.on_add_contact)
        self.remove_contact.clicked.connect(self.on_remove_contact)
        self.move_up.clicked.connect(self.on_move_up)
        self.back_button.clicked.connect(self.on_back)
        self.save_button.clicked.connect(self.on_save)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.on_save)

    # ------------------------------------------------------------------ state

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` and forget any draft."""
        self._base = settings
        self._picked = ""
        self._loading = True
        try:
            self.sound.setChecked(settings.sound)
            self.volume.setValue(round(settings.volume * 100))
            self.spoken.setChecked(settings.spoken_cues)
            self.reduced_motion.setChecked(settings.reduced_motion)
            self.theme.setCurrentIndex(max(0, THEMES.index(settings.theme)))
            nearest = min(range(len(TEXT_SCALES)),
                          key=lambda i: abs(TEXT_SCALES[i] - settings.text_scale))
            self.text_size.setCurrentIndex(nearest)
            self.keep_in_tray.setChecked(settings.keep_in_tray and self._tray_available)
            for key, box in self.health.items():
                box.setChecked(key in settings.health)
            self._contacts = list(settings.contacts)
            self._fill_exercises(settings.default_exercise)
            self._fill_contacts(0 if self._contacts else -1)
        finally:
            self._loading = False
        self.on_volume(self.volume.value())
        self._update()
        self.status.setText("")

    def set_base(self, settings: Settings) -> None:
        """Settings changed elsewhere: keep the draft if there is one, else show them."""
        if self.is_dirty():
            self._base = settings
            self._update()
        else:
            self.set_settings(settings)

    def set_library(self, library: Library) -> None:
        self._library = library
        self._fill_exercises(self._chosen_exercise())

    def set_sound_status(self, status: str | None) -> None:
        """``status`` says why sound cannot play; ``None`` when it can."""
        available = not status
        self.sound_note.setText(self.tr("Sound is not available: %1").replace("%1", status or ""))
        self.sound_note.setVisible(not available)
        self.sound.setEnabled(available)
        self.volume.setEnabled(available and self.sound.isChecked())
        self._sound_available = available

    def set_speech_status(self, status: str | None) -> None:
        available = not status
        self.speech_note.setText(self.tr("Spoken cues are not available: %1")
                                 .replace("%1", status or ""))
        self.speech_note.setVisible(not available)
        self.spoken.setEnabled(available)

    def current(self) -> Settings:
        """The settings as the page shows them now."""
        theme = self.theme.currentData()
        scale = self.text_size.currentData()
        return replace(
            self._base,
            sound=self.sound.isChecked(),
            volume=self.volume.value() / 100,
            spoken_cues=self.spoken.isChecked(),
            reduced_motion=self.reduced_motion.isChecked(),
            theme=theme if theme in THEMES else self._base.theme,
            text_scale=float(scale) if isinstance(scale, float) else self._base.text_scale,
            default_exercise=self._chosen_exercise(),
            health=frozenset(key for key, box in self.health.items() if box.isChecked()),
            contacts=self._clean_contacts(),
            keep_in_tray=self.keep_in_tray.isChecked() if self._tray_available
            else self._base.keep_in_tray,
        )

    def is_dirty(self) -> bool:
        return self.current() != self._base

    def _chosen_exercise(self) -> str:
        # What the person picked; else their saved choice, even while health settings
        # hide it (the list then shows what Start now falls back to).
        return self._picked or self._base.default_exercise

    def _clean_contacts(self) -> tuple[Contact, ...]:
        kept = []
        for contact in self._contacts:
            name = " ".join(contact.name.split())
            number = " ".join(contact.number.split())
            note = " ".join(contact.note.split())
            if name or number:
                kept.append(Contact(name or number, number, note))
        return tuple(kept)

    def _hidden_tags(self) -> frozenset[str]:
        return replace(self._base, health=frozenset(
            key for key, box in self.health.items() if box.isChecked())).hidden_tags()

    def _fill_exercises(self, chosen: str) -> None:
        hidden = self._hidden_tags()
        shown = [e for e in self._library.exercises.values() if not hidden & set(e.tags)]
        loading, self._loading = self._loading, True
        try:
            self.default_exercise.clear()
            for exercise in sorted(shown, key=lambda e: e.title.lower()):
                self.default_exercise.addItem(exercise.title, exercise.id)
            index = self.default_exercise.findData(chosen)
            if index < 0:
                index = self.default_exercise.findData(DEFAULT_EXERCISE)
            self.default_exercise.setCurrentIndex(max(0, index))
        finally:
            self._loading = loading
        self.default_exercise.setEnabled(self.default_exercise.count() > 0)
        if self.default_exercise.count() == 0:
            self.default_exercise.addItem(self.tr("No exercises found"), "")

    def _fill_contacts(self, row: int) -> None:
        loading, self._loading = self._loading, True
        try:
            self.contact_list.clear()
            for contact in self._contacts:
                item = QListWidgetItem(self._contact_line(contact))
                item.setToolTip(item.text())
                self.contact_list.addItem(item)
            self.contact_list.setCurrentRow(row)
        finally:
            self._loading = loading
        self._fit_contact_list()
        self.on_contact_chosen(row)

    def _fit_contact_list(self) -> None:
        """Tall enough for every contact (up to six, then it scrolls), never a tall void."""
        rows = max(1, min(6, self.contact_list.count()))
        row = self.contact_list.sizeHintForRow(0)
        if row <= 0:
            row = self.contact_list.fontMetrics().lineSpacing() + 6
        frame = self.contact_list.frameWidth() * 2
        spacing = self.contact_list.spacing()
        self.contact_list.setFixedHeight(rows * (row + 2 * spacing) + 2 * spacing + frame + 4)

    def _contact_line(self, contact: Contact) -> str:
        name = contact.name.strip() or self.tr("New contact")
        parts = [name, contact.number.strip(), contact.note.strip()]
        return "  ·  ".join(part for part in parts if part)

    def _update(self) -> None:
        hidden = self._hidden_tags()
        titles = sorted(e.title for e in self._library.exercises.values()
                        if hidden & set(e.tags))
        if titles:
            self.hidden_note.setText(self.tr("Hidden now: %1").replace("%1", ", ".join(titles)))
        else:
            self.hidden_note.setText(self.tr("No exercises are hidden."))
        has_contacts = bool(self._contacts)
        self.contact_list.setVisible(has_contacts)
        self.no_contacts.setVisible(not has_contacts)
        row = self.contact_list.currentRow()
        for widget in (self.contact_name, self.contact_number, self.contact_note,
                       self.remove_contact):
            widget.setEnabled(row >= 0)
        self.move_up.setEnabled(row > 0)
        self.volume.setEnabled(self._sound_available and self.sound.isChecked())
        not_saved = self.tr("Not saved yet: Save or Back keeps it.")
        if self.is_dirty():
            self.status.setText(not_saved)
        elif self.status.text() == not_saved:
            self.status.setText("")

    # ------------------------------------------------------------------ slots

    @Slot()
    def on_changed(self) -> None:
        if not self._loading:
            self._update()

    @Slot(int)
    def on_default_picked(self, _index: int) -> None:
        if self._loading:
            return
        data = self.default_exercise.currentData()
        if isinstance(data, str) and data:
            self._picked = data
        self._update()

    @Slot(int)
    def on_volume(self, value: int) -> None:
        self.volume_value.setText(self.tr("%1%").replace("%1", str(value)))
        self._fit_volume_value()
        self.on_changed()

    def _fit_volume_value(self) -> None:
        # Wide enough for "100%" at the current text size, so the slider never jumps.
        widest = self.tr("%1%").replace("%1", "100")
        self.volume_value.setMinimumWidth(
            self.volume_value.fontMetrics().horizontalAdvance(widest) + 8)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensurePolished()
        self._fit_volume_value()
        self._align_form_labels()
        self._fit_contact_list()
        super().showEvent(event)

    @Slot()
    def on_health_changed(self) -> None:
        if self._loading:
            return
        self._fill_exercises(self._chosen_exercise())
        self._update()

    @Slot(int)
    def on_contact_chosen(self, row: int) -> None:
        contact = self._contacts[row] if 0 <= row < len(self._contacts) else Contact("")
        self.contact_name.setText(contact.name)
        self.contact_number.setText(contact.number)
        self.contact_note.setText(contact.note)
        if not self._loading:
            self._update()

    @Slot()
    def on_contact_edited(self) -> None:
        row = self.contact_list.currentRow()
        if not 0 <= row < len(self._contacts):
            return
        contact = Contact(self.contact_name.text(), self.contact_number.text(),
                          self.contact_note.text())
        self._contacts[row] = contact
        item = self.contact_list.item(row)
        if item is not None:
            item.setText(self._contact_line(contact))
            item.setToolTip(item.text())
        self._update()

    @Slot()
    def on_add_contact(self) -> None:
        self._contacts.append(Contact(""))
        self._fill_contacts(len(self._contacts) - 1)
        self.contact_name.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_remove_contact(self) -> None:
        row = self.contact_list.currentRow()
        if not 0 <= row < len(self._contacts):
            return
        del self._contacts[row]
        self._fill_contacts(min(row, len(self._contacts) - 1))
        (self.contact_list if self._contacts else self.add_contact).setFocus(
            Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_move_up(self) -> None:
        row = self.contact_list.currentRow()
        if not 0 < row < len(self._contacts):
            return
        self._contacts[row - 1], self._contacts[row] = self._contacts[row], self._contacts[row - 1]
        self._fill_contacts(row - 1)
        (self.move_up if row - 1 > 0 else self.contact_list).setFocus(
            Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_save(self) -> None:
        settings = self.current()
        self._base = settings
        self._contacts = list(settings.contacts)
        row = min(self.contact_list.currentRow(), len(self._contacts) - 1)
        self._fill_contacts(row)
        self.status.setText(self.tr("Saved on this computer."))
        self.save_problem = ""  # set again by the window if writing fails
        self.saved.emit(settings)  # the window applies them now: a new text size moves things
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
        self.status.setText(message)

    @Slot()
    def on_back(self) -> None:
        """Leave, keeping what was changed: nothing typed here (a contact) is lost."""
        self.keep_changes()
        self.closed.emit()

    def keep_changes(self) -> None:
        """Save what was changed, if anything was."""
        if self.is_dirty():
            self.on_save()

    def show_section(self, key: str) -> None:
        """Scroll to a section and put the focus in it ("contacts", "sound", ...)."""
        heading = self.headings.get(key)
        if heading is None:
            return
        if key == "contacts":
            target: QWidget = self.contact_list if self._contacts else self.add_contact
        else:
            target = {"sound": self.sound, "look": self.reduced_motion,
                      "start": self.default_exercise, "health": next(iter(
                          self.health.values()))}.get(key, self.sound)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        # The section's heading at the top of the view (or as near as the page allows),
        # measured once pending layout work is done so the page has its final height.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        inner = self.scroll_area.widget()
        if inner is not None:
            top = heading.mapTo(inner, heading.rect().topLeft()).y() - 12
            self.scroll_area.verticalScrollBar().setValue(max(0, top))
        self.scroll_area.ensureWidgetVisible(target, 0, 20)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.on_back()
            return
        super().keyPressEvent(event)



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
        "theme": QCoreApplication.translate("SettingsNotice", "colours"),
        "text_scale": QCoreApplication.translate("SettingsNotice", "text size"),
        "default_exercise": QCoreApplication.translate("SettingsNotice",
                                                       "the exercise for Start now"),
        "health": QCoreApplication.translate("SettingsNotice", "health settings"),
        "contacts": QCoreApplication.translate("SettingsNotice", "contacts"),
        "keep_in_tray": QCoreApplication.translate("SettingsNotice", "keep in the tray"),
        "first_run_done": QCoreApplication.translate("SettingsNotice", "welcome"),
    }
