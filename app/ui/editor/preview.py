"""The preview beside the breathing builder: the pacer as it will breathe, and the pace in words.

:class:`PreviewPane` shows what a :class:`~app.services.pacer_driver.PacerDriver`
says (the page makes the driver and owns its timer, so the preview stops
whenever the page hides); with no driver the pacer stands still on the first
phase. Its button pauses and plays the preview.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.domain.exercise import Phase
from app.services.pacer_driver import PacerDriver
from app.ui.editor.form import section
from app.ui.exercise.breathing import PacerWidget, phase_word
from app.ui.widgets.common import label, make_button

#: The preview's narrowest width (pixels).
PREVIEW_WIDTH = 220


def seconds_text(seconds: float) -> str:
    """``4`` for 4.0 s, ``4.5`` for 4.5 s."""
    return f"{seconds:g}"


class PreviewPane(QWidget):
    """The pacer, what to do now, breaths per minute, and Pause/Play.

    Signals:
        finished(): the driver shown came to its end (the page starts it again).
    """

    finished = Signal()

    def __init__(self, phases: Sequence[Phase], *, reduced_motion: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.driver: PacerDriver | None = None
        self.paused = False
        self.pacer = PacerWidget(phases, reduced_motion=reduced_motion)
        self.pacer.setMinimumSize(160, 160)
        self.pacer.setAccessibleName(self.tr("Preview of the breathing guide"))
        self.preview_phase = label("", "title")
        self.preview_phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_phase.setAccessibleName(self.tr("Preview: what to do now"))
        self.rate_label = label("", None)
        self.rate_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rate_label.setAccessibleName(self.tr("Breaths per minute"))
        self.cycle_label = label("", "small")
        self.cycle_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_button = make_button(self.tr("Pause preview"),
                                          description=self.tr("Pause or play the preview of "
                                                              "the breathing guide"))
        self.setMinimumWidth(PREVIEW_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 24, 24, 8)
        layout.setSpacing(6)
        layout.addWidget(section(self.tr("Preview")))
        layout.addWidget(self.pacer, 1)
        layout.addWidget(self.preview_phase)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.cycle_label)
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    # ------------------------------------------------------------------ the pattern

    def show_pattern(self, phases: Sequence[Phase]) -> None:
        """Breaths per minute and the pattern in seconds ("4-2-6 · 12 s a breath")."""
        cycle = sum(p.seconds for p in phases)
        if cycle <= 0:
            self.rate_label.setText(self.tr("Add a phase to see the pattern."))
            self.cycle_label.setText("")
            return
        rate = 60.0 / cycle
        self.rate_label.setText(self.tr("%1 breaths a minute").replace(
            "%1", QLocale().toString(round(rate, 1), "g", 4)))
        self.cycle_label.setText(
            self.tr("%1 · %2\u00a0s a breath")
            .replace("%1", "-".join(seconds_text(p.seconds) for p in phases))
            .replace("%2", seconds_text(cycle)))

    def set_phases(self, phases: Sequence[Phase]) -> None:
        self.pacer.set_phases(phases)

    def set_reduced_motion(self, reduced: bool) -> None:
        self.pacer.set_reduced_motion(reduced)

    # ------------------------------------------------------------------ running

    def rest(self, phases: Sequence[Phase]) -> None:
        """Not running: the pacer still, and the first phase's words."""
        self.pacer.set_state(None)
        self.preview_phase.setText(phase_word(phases[0].action) if phases else "")

    def run(self, driver: PacerDriver) -> None:
        """Show ``driver`` (made and parented by the page) and start it."""
        driver.tick.connect(self.on_tick)
        driver.finished.connect(self.on_finished)
        self.driver = driver
        driver.start()

    def stop(self) -> None:
        """Stop the driver shown, if any, and let it go."""
        driver, self.driver = self.driver, None
        if driver is not None:
            driver.stop()
            driver.tick.disconnect(self.on_tick)
            driver.finished.disconnect(self.on_finished)
            driver.deleteLater()

    def running(self) -> bool:
        driver = self.driver
        return driver is not None and driver.timer().isActive()

    def toggle_pause(self) -> None:
        """Pause a running preview, or play a paused one (the page restarts it)."""
        self.paused = not self.paused
        self.preview_button.setText(self.tr("Play preview") if self.paused
                                    else self.tr("Pause preview"))
        self.preview_button.setAccessibleName(self.preview_button.text())

    @Slot()
    def on_tick(self) -> None:
        driver = self.driver
        if driver is None:
            return
        state = driver.state()
        self.pacer.set_state(state)
        self.preview_phase.setText(phase_word(state.action))

    @Slot(float)
    def on_finished(self, _practised: float) -> None:
        self.finished.emit()
