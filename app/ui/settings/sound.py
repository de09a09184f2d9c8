"""Settings' sound part: sound cues and their volume, and spoken cues."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from app.domain.settings import Settings
from app.ui.settings.section import Section, form
from app.ui.widgets.common import label


class SoundSection(Section):
    """Off until turned on; each says so plainly when this computer cannot play it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sound_available = True
        self.add_heading(self.tr("Sound"))
        self.sound, sound_about = self.option(
            self.tr("Sound cues"),
            self.tr("Soft tones for breathing in, holding and breathing out, so you can "
                    "follow without looking. Off until you turn them on."))
        self.volume = self._volume_slider()
        self.volume_value = QLabel()
        self.volume_value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        volume_row = QHBoxLayout()
        volume_row.setSpacing(12)
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_value)
        volume_form = form()
        volume_form.addRow(self.form_label(self.tr("Volume"), self.volume), volume_row)
        self.sound_note = label("", "caution")
        self.sound_note.setAccessibleName(self.tr("Sound is not available"))
        self.spoken, spoken_about = self.option(
            self.tr("Spoken cues"),
            self.tr('Your computer\'s voice says "in", "hold" and "out", where it has a '
                    "voice. Off until you turn it on."))
        self.speech_note = label("", "caution")
        self.body.addWidget(self.sound)
        self.body.addLayout(sound_about)
        self.body.addWidget(self.sound_note)
        self.body.addLayout(volume_form)
        self.body.addWidget(self.spoken)
        self.body.addLayout(spoken_about)
        self.body.addWidget(self.speech_note)
        self._connect_signals()

    def _volume_slider(self) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        slider.setSingleStep(5)
        slider.setPageStep(10)
        slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        slider.setAccessibleName(self.tr("Volume"))
        slider.setAccessibleDescription(self.tr("How loud the sound cues are, from 0 to "
                                                "100 percent"))
        return slider

    def _connect_signals(self) -> None:
        self.sound.toggled.connect(self.on_sound_toggled)
        self.volume.valueChanged.connect(self.on_volume)
        self.spoken.toggled.connect(self.changed)

    def show_settings(self, settings: Settings) -> None:
        self.sound.setChecked(settings.sound)
        self.volume.setValue(round(settings.volume * 100))
        self.spoken.setChecked(settings.spoken_cues)
        self._show_volume(self.volume.value())
        self._enable_volume()

    def read(self, settings: Settings) -> Settings:
        return replace(settings, sound=self.sound.isChecked(), volume=self.volume.value() / 100,
                       spoken_cues=self.spoken.isChecked())

    def focus_target(self) -> QWidget:
        return self.sound

    def set_sound_status(self, status: str | None) -> None:
        """``status`` says why sound cannot play; ``None`` when it can."""
        available = not status
        self.sound_note.setText(self.tr("Sound is not available: %1").replace("%1", status or ""))
        self.sound_note.setVisible(not available)
        self.sound.setEnabled(available)
        self._sound_available = available
        self._enable_volume()

    def set_speech_status(self, status: str | None) -> None:
        available = not status
        self.speech_note.setText(self.tr("Spoken cues are not available: %1")
                                 .replace("%1", status or ""))
        self.speech_note.setVisible(not available)
        self.spoken.setEnabled(available)

    def fit(self) -> None:
        """Room for "100%" at the current text size, so the slider never jumps."""
        widest = self.tr("%1%").replace("%1", "100")
        self.volume_value.setMinimumWidth(
            self.volume_value.fontMetrics().horizontalAdvance(widest) + 8)

    def _show_volume(self, value: int) -> None:
        self.volume_value.setText(self.tr("%1%").replace("%1", str(value)))
        self.fit()

    def _enable_volume(self) -> None:
        self.volume.setEnabled(self._sound_available and self.sound.isChecked())

    @Slot(bool)
    def on_sound_toggled(self, _checked: bool) -> None:
        self._enable_volume()
        self.changed.emit()

    @Slot(int)
    def on_volume(self, value: int) -> None:
        self._show_volume(value)
        self.changed.emit()
