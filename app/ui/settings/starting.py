"""Settings' starting part: the exercise "Start now" begins, and keeping Steady in the tray."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.loader import Library
from app.domain.settings import DEFAULT_EXERCISE, Settings
from app.ui.settings.section import Section, form
from app.ui.widgets.common import label


class StartSection(Section):
    """The list offers the exercises the health settings leave shown. Without a tray on
    the desktop, "Keep in the tray" is greyed out and a line says why."""

    def __init__(self, tray_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tray_available = tray_available
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
        self.body.addLayout(start_form)
        self.body.addWidget(self.keep_in_tray)
        self.body.addLayout(tray_about)
        self.body.addWidget(self.tray_note)
        self.keep_in_tray.setEnabled(tray_available)
        self.tray_note.setVisible(not tray_available)
        self.default_exercise.currentIndexChanged.connect(self.on_default_picked)
        self.keep_in_tray.toggled.connect(self.changed)

    def show_settings(self, settings: Settings) -> None:
        """The tray choice, and no exercise picked yet (:meth:`fill` offers the list)."""
        self._picked = ""
        self.keep_in_tray.setChecked(settings.keep_in_tray and self._tray_available)

    def read(self, settings: Settings) -> Settings:
        keep = self.keep_in_tray.isChecked() if self._tray_available else settings.keep_in_tray
        return replace(settings, default_exercise=self.chosen(settings.default_exercise),
                       keep_in_tray=keep)

    def focus_target(self) -> QWidget:
        return self.default_exercise

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
