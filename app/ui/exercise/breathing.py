"""The breathing view: a calm, custom-painted pacer and the words that go with it.

:class:`PacerWidget` draws a soft circle that grows on the inhale, rests on a
hold and shrinks on the exhale (ease-in-out sine within each phase). In
reduced-motion mode the circle stays still and a thin bar below it shows the
breath instead: it fills breathing in, empties breathing out and stays on a
hold. :class:`BreathingPage` puts the pacer together with the phase in words,
the seconds left in the phase, the time left overall, and Pause and Stop. Space
pauses and resumes, Esc stops at once, without asking.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRect,
    QRectF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.breath import ease_in_out_sine, phase_levels
from app.domain.exercise import Exercise, Phase
from app.domain.pacer import PacerState
from app.services.pacer_driver import PacerDriver
from app.ui.exercise.lead_in import LeadIn
from app.ui.style import theme
from app.ui.widgets.common import (
    EnterGuard,
    announce,
    centred_label,
    format_clock,
    is_held_press,
    show_if_room,
)
from app.ui.widgets.page import Page

Clock = Callable[[], float]

#: The smallest circle, as a share of the largest (an empty breath is not nothing).
MIN_SCALE = 0.42
#: The still circle in reduced-motion mode, as a share of the largest.
STILL_SCALE = 0.7
#: The pacer's smallest size, and how small it may get in a short window (pixels).
PACER_FULL = 180
PACER_SMALL = 96
#: The page's margins (left, top, right, bottom), and in a short window.
FULL_MARGINS = (32, 24, 32, 20)
SHORT_MARGINS = (32, 8, 32, 8)
BAR_HEIGHT = 14.0
BAR_GAP = 24.0
RING_WIDTH = 3.0
GUIDE_WIDTH = 1.5


def phase_word(action: str) -> str:
    """What to do in a phase, as the breathing page says it ("Breathe in"); the
    editor's preview and the spoken cues say the same."""
    if action == "inhale":
        return QCoreApplication.translate("BreathingPage", "Breathe in")
    if action == "exhale":
        return QCoreApplication.translate("BreathingPage", "Breathe out")
    return QCoreApplication.translate("BreathingPage", "Hold")


class PacerWidget(QWidget):
    """A soft circle that breathes with the pattern (or a still one and a bar)."""

    def __init__(self, phases: Sequence[Phase] = (), *, reduced_motion: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._levels = phase_levels(phases)
        self._reduced = reduced_motion
        self._state: PacerState | None = None
        self._level = self._rest_level()
        self._center = QPointF()
        self._max_radius = 0.0
        self._bar = QRectF()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(PACER_FULL, PACER_FULL)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Breathing guide"))
        self._refresh_colors()
        self._describe()

    # -- API ------------------------------------------------------------------
    def set_phases(self, phases: Sequence[Phase]) -> None:
        self._levels = phase_levels(phases)
        self._level = self._level_for(self._state)
        self.update()

    def set_state(self, state: PacerState | None) -> None:
        """Show the pacer at ``state``; repaints only what changed."""
        self._state = state
        level = self._level_for(state)
        changed = abs(level - self._level) > 1e-4
        self._level = level
        if changed:
            self.update(self._dirty_rect())

    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced == self._reduced:
            return
        self._reduced = reduced
        self._layout_shapes()
        self._describe()
        self.update()

    def reduced_motion(self) -> bool:
        return self._reduced

    def level(self) -> float:
        """The breath level now: 0 empty, 1 full."""
        return self._level

    def radius(self) -> float:
        """Radius of the circle as painted now, in pixels."""
        if self._reduced:
            return self._max_radius * STILL_SCALE
        return self._max_radius * (MIN_SCALE + (1.0 - MIN_SCALE) * self._level)

    def bar_visible(self) -> bool:
        return self._reduced

    def bar_progress(self) -> float:
        """How full the bar is (0-1) in reduced-motion mode: as full as the breath, so it
        fills breathing in, empties breathing out and stays still on a hold."""
        return self._level

    # -- internals ------------------------------------------------------------
    def _describe(self) -> None:
        if self._reduced:
            text = self.tr("A still circle; the bar below fills as you breathe in, empties "
                           "as you breathe out, and stays still while you hold.")
        else:
            text = self.tr("A circle that grows as you breathe in, rests while you hold "
                           "and shrinks as you breathe out.")
        self.setAccessibleDescription(text)

    def _rest_level(self) -> float:
        return self._levels[0][0] if self._levels else 0.0

    def _level_for(self, state: PacerState | None) -> float:
        if state is None or not self._levels:
            return self._rest_level()
        start, end = self._levels[state.phase_index % len(self._levels)]
        if state.status == "finished":
            return end
        return start + (end - start) * ease_in_out_sine(state.phase_progress)

    def _refresh_colors(self) -> None:
        c = theme.colors()
        self._fill = QBrush(QColor(c.accent_soft))
        self._ring = QPen(QColor(c.accent), RING_WIDTH)
        guide = QColor(c.rule)
        self._guide = QPen(guide, GUIDE_WIDTH)
        self._bar_back = QBrush(QColor(c.accent_soft))
        self._bar_fill = QBrush(QColor(c.accent))
        self._no_pen = QPen(Qt.PenStyle.NoPen)
        self._no_brush = QBrush(Qt.BrushStyle.NoBrush)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._refresh_colors()
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout_shapes()
        super().resizeEvent(event)

    def _layout_shapes(self) -> None:
        w, h = float(self.width()), float(self.height())
        if not self._reduced:
            self._bar = QRectF()
            self._center = QPointF(w / 2.0, h / 2.0)
            self._max_radius = max(min(w, h) / 2.0 - RING_WIDTH - 2.0, 0.0)
            return
        # Reduced motion: the still circle with the bar just under it, centred together.
        room = max(h - BAR_HEIGHT - BAR_GAP, 0.0)
        self._max_radius = max(min(w, room) / 2.0 - RING_WIDTH - 2.0, 0.0)
        still = self._max_radius * STILL_SCALE + RING_WIDTH
        block = 2.0 * still + BAR_GAP + BAR_HEIGHT
        top = max((h - block) / 2.0, 0.0)
        self._center = QPointF(w / 2.0, top + still)
        bar_w = min(w * 0.6, max(4.0 * still, 240.0), 440.0)
        self._bar = QRectF((w - bar_w) / 2.0, top + 2.0 * still + BAR_GAP, bar_w, BAR_HEIGHT)

    def _dirty_rect(self) -> QRect:
        if self._reduced:
            return self._bar.adjusted(-2, -2, 2, 2).toAlignedRect()
        r = self._max_radius + RING_WIDTH + 2.0
        return QRectF(self._center.x() - r, self._center.y() - r, 2 * r, 2 * r).toAlignedRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self._max_radius <= 0:
            return
        if not self._reduced:
            painter.setPen(self._guide)
            painter.setBrush(self._no_brush)
            painter.drawEllipse(self._center, self._max_radius, self._max_radius)
        radius = self.radius()
        painter.setPen(self._ring)
        painter.setBrush(self._fill)
        painter.drawEllipse(self._center, radius, radius)
        if self._reduced and not self._bar.isEmpty():
            painter.setPen(self._no_pen)
            painter.setBrush(self._bar_back)
            round_r = BAR_HEIGHT / 2.0
            painter.drawRoundedRect(self._bar, round_r, round_r)
            filled = self._bar.width() * min(max(self._level, 0.0), 1.0)
            if filled > 0.5:
                part = QRectF(self._bar.x(), self._bar.y(), max(filled, BAR_HEIGHT),
                              self._bar.height())
                painter.setBrush(self._bar_fill)
                painter.drawRoundedRect(part, round_r, round_r)
        painter.end()


class BreathingPage(Page):
    """One paced-breathing session: pacer, words, Pause and Stop.

    Signals:
        finished(practised_seconds): the pacer reached its end.
        stopped(practised_seconds): the person stopped (Esc or Stop).
    """

    ESC_ANYWHERE = True  # the help button included, not only the page

    finished = Signal(float)
    stopped = Signal(float)

    def __init__(self, exercise: Exercise, *, minutes: float | None = None,
                 cycles: int | None = None, reduced_motion: bool = False,
                 lead_in: bool = False, clock: Clock = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exercise = exercise
        # "Get ready: 3, 2, 1" before the first breath (a setting; not practice time).
        self._clock = clock
        self.lead_in: LeadIn | None = LeadIn(clock=clock, parent=self) if lead_in else None
        self._reduced = reduced_motion
        self._ended = False
        self._last_phase_text = ""
        self._new_phase = False  # a phase began: say it, even when its word repeats
        self._shown_left = -1  # whole seconds left as last shown: the text changes once a second
        self.last_announcement = ""
        self.driver = PacerDriver.for_exercise(exercise, minutes=minutes, cycles=cycles,
                                               clock=clock, animate=not reduced_motion,
                                               parent=self)
        self._build()
        self._connect_signals()
        self._show_state()

    # -- building -------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("breathingPage")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName(self.tr("Breathing: {title}").format(title=self._exercise.title))

        self.title_label = centred_label(self._exercise.title, "title",
                                    self.tr("The exercise you are doing"))
        self.title_label.setWordWrap(True)
        self.pacer_widget = PacerWidget(self._exercise.phases, reduced_motion=self._reduced)
        self.phase_label = centred_label("", "huge", self.tr("What to do now"))
        self.phase_seconds_label = centred_label("", "title", self.tr("Seconds left in this phase"))
        self.remaining_label = centred_label("", "muted", self.tr("Time left in the exercise"))
        self.pause_button = _button(self.tr("Pause"), self.tr(
            "Pause the breathing guide. Space pauses and resumes."),
                                    self.tr("Pause or resume (Space)"))
        self.stop_button = _button(self.tr("Stop"), self.tr(
            "Stop the exercise now. Esc also stops, without asking."), self.tr("Stop now (Esc)"))
        self.hint_label = centred_label(self.tr("Space pauses · Esc stops"), "small",
                                   self.tr("Keys you can use"))

        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addStretch(1)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*FULL_MARGINS)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.pacer_widget, 1)
        layout.addSpacing(8)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.phase_seconds_label)
        layout.addWidget(self.remaining_label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(4)
        layout.addWidget(self.hint_label)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.pause_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.pause_shortcut.setContext(context)
        self.pause_shortcut.setAutoRepeat(False)  # a held Space must not flicker
        for button in (self.pause_button, self.stop_button):
            button.installEventFilter(self)
        # The page opens under the Enter that confirmed the rating: a reflexive second
        # press must not skip the count ("Start now") or pause the first breath. Esc is
        # never held off.
        self.enter_guard = EnterGuard(self.pause_button, clock=self._clock, parent=self)
        # Esc stops from anywhere in the window (the help button included): the page
        # base's window-wide shortcut (ESC_ANYWHERE), which a held key presses once.
        self.stop_shortcut = self.esc_shortcut

        self.setTabOrder(self.pause_button, self.stop_button)

    @Slot()
    def on_escape(self) -> None:
        """Esc stops the exercise at once, without asking."""
        self.stop()

    def _connect_signals(self) -> None:
        self.driver.tick.connect(self.on_tick)
        self.driver.phaseStarted.connect(self.on_phase_started)
        self.driver.pausedChanged.connect(self.on_paused_changed)
        self.driver.finished.connect(self.on_finished)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        if self.lead_in is not None:
            self.lead_in.counted.connect(self.on_counted)
            self.lead_in.done.connect(self.begin)
        self.pause_shortcut.activated.connect(self.toggle_pause)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """In a short window (large text, a small screen) the title and the key hint
        make way, the circle gets smaller and the spacing tighter, so nothing is cut."""
        layout = self.layout()
        if not isinstance(layout, QVBoxLayout):
            return
        words = sum(label.sizeHint().height() for label in (
            self.phase_label, self.phase_seconds_label, self.remaining_label,
            self.pause_button))
        core = sum(FULL_MARGINS[1::2]) + 8 * 7 + 8 + 12 + 4 + words
        extras = (self.title_label, self.hint_label)
        extra = sum(label.sizeHint().height() for label in extras)
        size = PACER_FULL if self.height() >= core + extra + PACER_FULL else PACER_SMALL
        roomy = show_if_room(extras, self.height(), core + PACER_SMALL)
        self.pacer_widget.setMinimumSize(size, size)
        layout.setContentsMargins(*(FULL_MARGINS if roomy else SHORT_MARGINS))
        layout.setSpacing(8 if roomy else 2)

    def showEvent(self, event: QShowEvent) -> None:
        # "Pause" and "Resume" take the same room, so Stop never moves under the mouse.
        metrics = self.pause_button.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in (self.tr("Pause"), self.tr("Resume")))
        hint = self.pause_button.sizeHint().width() - metrics.horizontalAdvance(
            self.pause_button.text())
        self.pause_button.setMinimumWidth(widest + hint)
        super().showEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Back on the page (after Get help now, say), the focus goes to Pause or
        Resume, where it can be seen, not to the page itself."""
        super().focusInEvent(event)
        if self.pause_button.isEnabled():
            self.pause_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_held_press(event):  # one press, one action
            return True
        return super().eventFilter(watched, event)

    # -- API ------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        """Begin (after the count, when there is one) and put the keyboard focus on Pause."""
        self.pause_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.enter_guard.arm()
        if self.lead_in is not None and not self._ended:
            self.lead_in.start()
            return
        self.begin()

    @Slot()
    def begin(self) -> None:
        """Start the pacer now."""
        if self._ended or self.driver.status != "idle":
            return
        self.driver.start()
        self._name_for(paused=False)  # "Start now" of the count is Pause again
        self._shown_left = -1  # the count's words give way to the time left
        self._show_state()

    @Slot(int)
    def on_counted(self, seconds: int) -> None:
        """The count before the first breath: its number, and what the first breath is."""
        first = phase_word(self.driver.phases[0].action) if self.driver.phases else ""
        self.phase_label.setText(self.tr("Get ready"))
        self.phase_seconds_label.setText(str(seconds))
        self.remaining_label.setText(self.tr("First: %1").replace("%1", first.lower()))
        self.hint_label.setText(self.tr("Space starts now · Esc stops"))
        self._name_pause_button(self.tr("Start now"), self.tr(
            "Skip the count and start breathing. Space does the same."))
        self._announce(self.tr("Get ready. First, %1. %2").replace("%1", first.lower())
                       .replace("%2", str(seconds)))

    def counting(self) -> bool:
        """Whether the count before the first breath is on."""
        return self.lead_in is not None and self.lead_in.running()

    def pause(self) -> None:
        """Hold the exercise (help opened, the window hidden). During the count, the
        pacer starts paused on its first breath, to go on from there with Resume."""
        if self._ended:
            return
        if self.counting() and self.lead_in is not None:
            self.lead_in.cancel()
            self.begin()
        self.driver.pause()

    @Slot()
    def toggle_pause(self) -> None:
        if self.counting() and self.lead_in is not None:  # Space during the count: go now
            self.lead_in.finish_now()
            return
        if not self._ended:
            self.driver.toggle_pause()

    @Slot()
    def stop(self) -> None:
        """Stop at once (no confirmation) and emit ``stopped``."""
        if self._ended:
            return
        self._ended = True
        if self.lead_in is not None:
            self.lead_in.cancel()
        practised = self.driver.stop()
        self._set_ended_look(self.tr("Stopped"))
        self.stopped.emit(practised)

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced = reduced
        self.pacer_widget.set_reduced_motion(reduced)
        self.driver.set_animate(not reduced)

    def reduced_motion(self) -> bool:
        return self._reduced

    def is_paused(self) -> bool:
        return self.driver.is_paused()

    def phase_text(self) -> str:
        return self.phase_label.text()

    # -- slots ----------------------------------------------------------------
    @Slot()
    def on_tick(self) -> None:
        self._show_state()

    @Slot(int, str, float)
    def on_phase_started(self, phase_index: int, action: str, seconds: float) -> None:
        self._new_phase = True
        self._show_state()

    @Slot(bool)
    def on_paused_changed(self, paused: bool) -> None:
        self._name_for(paused=paused)
        self._show_state()

    def _name_for(self, *, paused: bool) -> None:
        if paused:
            self._name_pause_button(self.tr("Resume"), self.tr(
                "Carry on breathing with the guide. Space pauses and resumes."))
        else:
            self._name_pause_button(self.tr("Pause"), self.tr(
                "Pause the breathing guide. Space pauses and resumes."))

    def _name_pause_button(self, text: str, description: str) -> None:
        self.pause_button.setText(text)
        self.pause_button.setAccessibleName(text)
        self.pause_button.setAccessibleDescription(description)

    @Slot(float)
    def on_finished(self, practised_seconds: float) -> None:
        if self._ended:
            return
        self._ended = True
        self._set_ended_look(self.tr("Done"))
        self.finished.emit(practised_seconds)

    # -- internals ------------------------------------------------------------
    def _show_state(self) -> None:
        state = self.driver.state()
        self.pacer_widget.set_state(state)
        if self._ended:
            return
        if state.status == "idle":
            phase = phase_word(state.action)
            seconds = str(math.ceil(state.phase_seconds - 1e-6))
        elif self.driver.is_paused():
            phase = self.tr("Paused")
            seconds = ""
        else:
            phase = phase_word(state.action)
            seconds = str(max(1, math.ceil(state.phase_remaining - 1e-6)))
        paused = state.status != "idle" and self.driver.is_paused()
        hint = self.tr("Space resumes · Esc stops") if paused else self.tr(
            "Space pauses · Esc stops")
        if self.hint_label.text() != hint:  # how to go on, while paused
            self.hint_label.setText(hint)
        self.phase_seconds_label.setText(seconds)
        left = math.ceil(state.remaining - 1e-6)
        if left != self._shown_left:  # not every frame: translated and formatted once a second
            self._shown_left = left
            self.remaining_label.setText(
                self.tr("{time} left").format(time=format_clock(state.remaining)))
        self._set_phase_text(phase)

    def _set_phase_text(self, text: str) -> None:
        new_phase, self._new_phase = self._new_phase, False
        if text == self._last_phase_text and not new_phase:
            return
        self._last_phase_text = text
        self.phase_label.setText(text)
        self.phase_label.setAccessibleName(text)
        if self.driver.status != "idle":
            self._announce(text)

    def _announce(self, text: str) -> None:
        """Tell a screen reader, politely, what changed (the phase, a pause)."""
        self.last_announcement = text
        announce(self.phase_label, text)

    def _set_ended_look(self, text: str) -> None:
        self.pause_button.setEnabled(False)
        self.stop_button.setEnabled(False)
        self.phase_seconds_label.setText("")
        self._last_phase_text = text
        self.phase_label.setText(text)
        self.phase_label.setAccessibleName(text)
        self._announce(text)
        self.pacer_widget.set_state(self.driver.state())


def _button(text: str, description: str, tip: str) -> QPushButton:
    """A button that Enter presses when it has the focus."""
    button = QPushButton(text)
    button.setAutoDefault(True)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    button.setToolTip(tip)
    return button
