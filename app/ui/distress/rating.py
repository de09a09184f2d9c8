"""The 0-10 rating, and the pages around it: before (with what will happen) and after.

Keys (README, "Keys"): digits 0-9 set the value ("1" then "0" within 1.5 s is
10), Up/Down or +/- adjust, Enter confirms, S skips.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.exercise import Exercise
from app.domain.helped import LevelSuggestion
from app.domain.rating import DIGIT_PAUSE, DigitEntry, clamp_rating, offer_help_before
from app.domain.session import MAX_NOTE_CHARS, RATING_MAX, RATING_MIN
from app.ui.distress.scale_layout import ScaleLayout
from app.ui.distress.suggestion import SWITCH_KEY, SuggestionLine
from app.ui.style import theme
from app.ui.widgets.common import (
    EnterGuard,
    announce,
    label,
    lay_out_page,
    make_button,
    minutes_text,
    scroll_into_view,
)
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.page import Page
from app.ui.widgets.wrap_check_box import WrapCheckBox

#: Asked once a level is given: (rating, numb, offer of help shown) -> what to suggest.
Suggest = Callable[[int | None, bool, bool], LevelSuggestion | None]

#: Width of the ring drawn round the numbers while the scale has the focus (pixels).
FOCUS_RING = 3


class RatingScale(QWidget):
    """Eleven buttons, 0 to 10, with the anchor words beneath. No value until chosen."""

    valueChanged = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._value: int | None = None
        self._clock = clock
        self._digits = DigitEntry()  # "1" then "0" is 10
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for number in range(RATING_MIN, RATING_MAX + 1):
            button = QPushButton(str(number), self)
            button.setCheckable(True)
            button.setProperty("role", "rating")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(self.tr("Rating %1").replace("%1", str(number)))
            button.setAccessibleDescription(self.tr("Set how stirred up you feel to %1 "
                                                    "out of 10").replace("%1", str(number)))
            self._group.addButton(button, number)
            self.buttons.append(button)
        self.anchors = [label(text, "small", self) for text in (
            self.tr("Settled: no distress right now"),
            self.tr("Clearly stirred up, but I can still think and choose"),
            self.tr("The most distressed or overwhelmed I can imagine"))]
        layout = ScaleLayout(self.buttons, self.anchors, self)  # one row, or two when narrow
        ring = FOCUS_RING + 2
        layout.setContentsMargins(ring, ring, ring, 0)  # room for the focus ring
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._group.idClicked.connect(self.on_clicked)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("How stirred up, from 0 to 10"))
        self.setAccessibleDescription(self.tr(
            "0 is settled, 5 is clearly stirred up but able to think, 10 is the most "
            "distressed you can imagine. Type a digit, or use Up and Down."))

    def value(self) -> int | None:
        return self._value

    def paintEvent(self, event: QPaintEvent) -> None:
        """With the keyboard's focus, a ring around the numbers, in the focus colour."""
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(theme.colors().focus))
        pen.setWidth(FOCUS_RING)
        painter.setPen(pen)
        row = self.buttons[0].geometry()
        for button in self.buttons[1:]:  # one row, or two when the scale wraps
            row = row.united(button.geometry())
        gap = FOCUS_RING // 2 + 2
        painter.drawRoundedRect(row.adjusted(-gap, -gap, gap, gap), 10, 10)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def set_value(self, value: int | None) -> None:
        if value is not None:
            value = clamp_rating(value)
        else:
            self._digits.reset()  # cleared: a "1" typed before is not waiting for a "0"
        if value == self._value:
            return
        self._value = value
        if value is None:
            self._group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self._group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)
        self.setAccessibleName(self.tr("How stirred up: %1").replace("%1", str(value))
                               if value is not None else self.tr("How stirred up, from 0 to 10"))
        self.valueChanged.emit(value)

    def settling(self) -> bool:
        """Whether the number shown may still change on its own key ("1" may become 10)."""
        return self._digits.waiting(self._clock())

    def step(self, delta: int) -> None:
        self._digits.reset()
        start = self._value if self._value is not None else (0 if delta > 0 else RATING_MAX + 1)
        self.set_value(start + delta)

    @Slot(int)
    def on_clicked(self, number: int) -> None:
        self._digits.reset()
        self.set_value(number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Handled here so a scroll area around the page never takes Up and Down.
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Digits, Up/Down, +/-: returns True when the key was used."""
        key = event.key()
        text = event.text()
        if len(text) == 1 and text.isdigit() and text.isascii():  # the number pad's too
            self.set_value(self._digits.type(text, self._clock()))
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Plus, Qt.Key.Key_Right) or text == "+":
            self.step(1)
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Minus, Qt.Key.Key_Left) or text == "-":
            self.step(-1)
            return True
        return False


class _RatingPage(Page):
    """What the before and after pages share: the question, the scale, numb, skip."""

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("", "muted")
        self.question = label(question, "title")
        self.scale = RatingScale()
        self.scale.setProperty("scrollHeading", self.question)  # shown together
        self.numb = WrapCheckBox(self.tr("I feel numb or far away"))
        self.numb.setAccessibleName(self.tr("Numb or far away"))
        self.numb.setAccessibleDescription(self.tr(
            "Mark this if you feel shut down, numb or far away, whatever the number."))
        self.hint = label("", "small")
        self.skip_button = make_button(self.tr("Skip rating (S)"),
                                       description=self.tr("Go on without a rating"))
        self.go_button = make_button("", role="primary")
        self.go_button.setEnabled(False)
        self.last_announcement = ""  # what was last said to a screen reader (tests read it)
        self.scale.valueChanged.connect(self.on_value_changed)

    def say(self, text: str) -> None:
        """Tell a screen reader what just appeared on the page (a hint, an offer)."""
        self.last_announcement = text
        announce(self, text)

    def button_row(self, *extra: QWidget) -> FlowLayout:
        row = FlowLayout()
        for widget in extra:
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.skip_button)
        row.addWidget(self.go_button)
        return row

    @Slot(object)
    def on_value_changed(self, value: int | None) -> None:
        self.go_button.setEnabled(value is not None)
        self.hint.setText("")
        self.hint.hide()
        # A chosen number is never thrown away by one key: the button clears it instead
        # (docs/decisions/0017-typing-ten.md).
        chosen = value is not None
        self.skip_button.setText(self.tr("Clear rating") if chosen else self.tr(
            "Skip rating (S)"))
        self.skip_button.setAccessibleName(self.tr("Clear rating") if chosen else self.tr(
            "Skip rating"))
        self.skip_button.setAccessibleDescription(
            self.tr("Clear the chosen number, and stay here") if chosen
            else self.tr("Go on without a rating"))
        self.skip_button.setToolTip(self.skip_button.accessibleDescription())

    @Slot()
    def on_skip_or_clear(self) -> None:
        """Skip the rating when there is none; with a number chosen, clear it."""
        if self.scale.value() is not None:
            self.scale.set_value(None)
            self.scale.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.on_skip()

    @Slot()
    def on_skip(self) -> None:
        """Go on without a rating."""
        self.scale.set_value(None)
        self._emit()

    def _emit(self) -> None:
        """Hand on what the page holds (each page's own ``confirmed``)."""
        raise NotImplementedError

    def reset_rating(self) -> None:
        self.scale.set_value(None)
        self.numb.setChecked(False)
        self.hint.setText("")
        self.hint.hide()

    def skips_on_s(self) -> bool:
        """Whether S skips the rating now."""
        return True

    def key_for_rating(self, event: QKeyEvent) -> bool:
        """Keys shared by both rating pages. Returns True when handled."""
        if self.scale.handle_key(event):
            return True
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_S and plain:
            if self.skips_on_s() and self.scale.value() is None:  # S never clears a number
                self.skip_button.click()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.isAutoRepeat():  # a key held down from the page before
                return True
            if self.scale.value() is None:
                self.hint.setText(self.tr("Choose a number, or press S to skip."))
                self.hint.show()
                self.say(self.hint.text())
            else:
                self.go_button.click()
            return True
        return False


class BeforePage(_RatingPage):
    """The first rating, with what will happen: steps or phases, length, cautions.

    Once a level is given, ``suggest`` (set by whoever runs the session) may name
    what has helped most from there, on one line with a key to switch to it
    (``switchRequested``); Enter still starts what was chosen.
    """

    confirmed = Signal(object, bool, object, object)  # rating, numb, minutes, cycles
    cancelled = Signal()
    helpRequested = Signal()
    switchRequested = Signal(str)  # the exercise to switch to, keeping the rating

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("How stirred up do you feel right now?"), parent)
        self._exercise: Exercise | None = None
        self.go_button.setText(self.tr("Start (Enter)"))
        self.go_button.setAccessibleName(self.tr("Start"))
        self.go_button.setEnabled(True)
        self.go_button.setAccessibleDescription(self.tr("Start the exercise"))
        self.back_button = make_button(self.tr("Back"),
                                       description=self.tr("Back to the list of exercises"))
        self.title = label("", "title")
        self.summary = label("", "muted")
        self.plan_heading = label(self.tr("What will happen"), "section")
        self.plan = label("")
        self.length_row = self._build_length()
        self.cautions = QVBoxLayout()
        self.offer = self._build_offer()
        #: The offer of help appears under the Enter that confirmed a high rating: a
        #: reflexive second Enter must not answer it ("No, take me to the exercise").
        self.offer_guard = EnterGuard(self.offer_help, self.offer_continue, parent=self)
        self.suggest: Suggest | None = None
        self.suggestion = SuggestionLine()
        self.suggestion.setProperty("scrollHeading", self.scale)  # in sight together
        # Once a typed "1" can no longer become 10, the line is worked out again.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(round(DIGIT_PAUSE * 1000) + 50)
        self._settle.timeout.connect(self.on_level_given)
        self._reveal = QTimer(self)
        self._reveal.setSingleShot(True)
        self._reveal.setInterval(0)

        body = QVBoxLayout()
        body.setSpacing(14)
        body.addWidget(self.title)
        body.addWidget(self.summary)
        body.addSpacing(6)
        body.addWidget(self.question)
        body.addWidget(self.scale)
        body.addWidget(self.numb)
        body.addWidget(self.hint)
        body.addWidget(self.offer)
        body.addWidget(self.suggestion)
        body.addSpacing(6)
        body.addWidget(self.plan_heading)
        body.addWidget(self.plan)
        body.addWidget(self.length_row)
        body.addLayout(self.cautions)
        body.addStretch(1)
        lay_out_page(self, body, self.button_row(self.back_button))
        QWidget.setTabOrder(self.go_button, self.skip_button)  # Start first, Skip after

        self.back_button.clicked.connect(self.cancelled)
        self.skip_button.clicked.connect(self.on_skip_or_clear)
        self.go_button.clicked.connect(self.on_go)
        self.scale.valueChanged.connect(self.on_level_given)
        self.numb.toggled.connect(self.on_level_given)
        self.suggestion.switchRequested.connect(self.switchRequested)
        self._reveal.timeout.connect(self.on_reveal)
        self.setFocusProxy(self.scale)

    def _build_length(self) -> QWidget:
        """Length, in minutes or in breaths, with the total it comes to."""
        self.length_label = label(self.tr("Length"))
        self.length = QSpinBox()
        self.length.setAccessibleName(self.tr("Length"))
        self.length.setAccessibleDescription(self.tr("How long the exercise runs; "
                                                     "it always ends on a full breath"))
        self.length_minutes = QRadioButton(self.tr("minutes"))
        self.length_cycles = QRadioButton(self.tr("breaths"))
        for widget, name in ((self.length_minutes, self.tr("Length in minutes")),
                             (self.length_cycles, self.tr("Length in breaths"))):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(self.tr("Choose whether the length is counted "
                                                    "in minutes or in breaths"))
        self.length_minutes.toggled.connect(self.on_length_unit)
        self.length_total = label("", "small")
        self.length.valueChanged.connect(self.on_length_changed)
        controls = FlowLayout()  # side by side, or wrapped at large text sizes
        controls.addWidget(self.length_label)
        controls.addWidget(self.length)
        controls.addWidget(self.length_minutes)
        controls.addWidget(self.length_cycles)
        length_column = QVBoxLayout()
        length_column.setContentsMargins(0, 0, 0, 0)
        length_column.setSpacing(2)
        length_column.addLayout(controls)
        length_column.addWidget(self.length_total)
        row = QWidget()
        row.setLayout(length_column)
        return row

    def _build_offer(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("helpOffer")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        text = self.offer_text = label(self.tr(
            "That sounds really hard. Would you like to reach someone now? "
            "You can also go straight on to the exercise."), "caution")
        self.offer_help = make_button(self.tr("Get help now"), role="help",
                                      description=self.tr("See your contacts and helplines"))
        self.offer_continue = make_button(
            self.tr("No, take me to the exercise"), role="primary",
            description=self.tr("Go on to the exercise without contacting anyone"))
        row = FlowLayout()  # side by side, or one under the other at large text sizes
        row.addWidget(self.offer_help)
        row.addWidget(self.offer_continue)
        layout.addWidget(text)
        layout.addLayout(row)
        self.offer_help.clicked.connect(self.helpRequested)
        self.offer_continue.clicked.connect(self.on_continue_after_offer)
        frame.hide()
        return frame

    def show_exercise(self, exercise: Exercise) -> None:
        self._exercise = exercise
        self.reset_rating()
        self.offer.hide()
        self.suggestion.show_suggestion(None)
        self.go_button.setEnabled(True)
        self.title.setText(exercise.title)
        self.summary.setText(exercise.summary)
        self.summary.setVisible(bool(exercise.summary))
        self.plan.setText(self.plan_text(exercise))
        self._show_length(exercise)
        while self.cautions.count():
            item = self.cautions.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for caution in exercise.cautions:
            self.cautions.addWidget(label(caution, "caution"))

    def plan_text(self, exercise: Exercise) -> str:
        """What will happen, in a few plain lines."""
        if exercise.is_breathing:
            words = {"inhale": self.tr("breathe in"), "hold": self.tr("hold"),
                     "exhale": self.tr("breathe out")}
            again = {"inhale": self.tr("a little more in"), "hold": self.tr("keep holding"),
                     "exhale": self.tr("a little more out")}
            parts, previous = [], ""
            for phase in exercise.phases:  # a second breath in (a sigh) is "a little more in"
                said = (again if phase.action == previous else words)[phase.action]
                parts.append(f"{said} {phase.seconds:g} s")
                previous = phase.action
            line = self.tr("Each breath: %1.").replace("%1", ", ".join(parts))
            rate = self.tr("About %1 breaths a minute.").replace(
                "%1", f"{exercise.breaths_per_minute:.1f}")
            extra = ""
            if exercise.ease_in_seconds:
                extra = "\n" + self.tr("It starts a little quicker and slows to this pace "
                                       "over the first %1 seconds.").replace(
                    "%1", f"{exercise.ease_in_seconds:g}")
            return f"{line} {rate}{extra}\n" + self.tr("Space pauses. Esc stops at any moment.")
        lines = []
        for number, step in enumerate(exercise.steps, start=1):
            extra = ""
            if step.count:
                extra = " " + self.tr("(%1 to tick off)").replace("%1", str(step.count))
            elif step.seconds:
                extra = " " + self.tr("(%1 s)").replace("%1", str(step.seconds))
            lines.append(f"{number}. {step.text}{extra}")
        lines.append(self.tr("Enter moves on. Esc stops at any moment."))
        return "\n".join(lines)

    def _show_length(self, exercise: Exercise) -> None:
        breathing = exercise.is_breathing
        for widget in (self.length, self.length_minutes, self.length_cycles):
            widget.setVisible(breathing)
        if breathing:
            by_cycles = exercise.cycles is not None
            self.length_cycles.setChecked(by_cycles)
            self.length_minutes.setChecked(not by_cycles)
            self.on_length_unit()
            if by_cycles:
                self.length.setValue(exercise.cycles or 1)
            else:
                self.length.setValue(round(exercise.length_minutes or 5))
        self.on_length_changed()

    @Slot()
    def on_length_unit(self) -> None:
        if self.length_minutes.isChecked():
            self.length.setRange(1, 60)
            self.length.setSuffix(self.tr(" min"))
        else:
            self.length.setRange(1, 100)
            self.length.setSuffix("")
        self.on_length_changed()

    def chosen_length(self) -> tuple[float | None, int | None]:
        if self._exercise is None or not self._exercise.is_breathing:
            return None, None
        if self.length_minutes.isChecked():
            return float(self.length.value()), None
        return None, self.length.value()

    @Slot()
    def on_length_changed(self) -> None:
        exercise = self._exercise
        if exercise is None:
            return
        if exercise.is_breathing:
            from app.domain.timeline import planned_duration

            minutes, cycles = self.chosen_length()
            seconds = planned_duration(exercise.phases, minutes=minutes, cycles=cycles,
                                       ease_in_seconds=exercise.ease_in_seconds)
            self.length_total.setText(self.tr("about %1, ending on a full breath")
                                      .replace("%1", minutes_text(seconds)))
        else:
            seconds = exercise.planned_seconds()
            self.length_total.setText(
                self.tr("about %1, at your own pace").replace("%1", minutes_text(seconds))
                if seconds else self.tr("at your own pace"))

    def planned_seconds(self) -> float:
        exercise = self._exercise
        if exercise is None:
            return 0.0
        if exercise.is_breathing:
            from app.domain.timeline import planned_duration

            minutes, cycles = self.chosen_length()
            return planned_duration(exercise.phases, minutes=minutes, cycles=cycles,
                                    ease_in_seconds=exercise.ease_in_seconds)
        return exercise.planned_seconds()

    def keep_rating(self, value: int | None, numb: bool, *, offered: bool) -> None:
        """Show a rating given on the page before (a switch keeps it), and the offer of
        help when it was shown there."""
        self.scale.set_value(value)
        self.numb.setChecked(numb)
        if offered and offer_help_before(value):  # seen already: no Enter held off
            self.offer.show()
            self.offer_continue.setFocus()
        self.on_level_given()

    @Slot()
    def on_level_given(self) -> None:
        """A number or the numb mark was given (or changed): the line says what helped
        from there, or nothing."""
        value, numb = self.scale.value(), self.numb.isChecked()
        if self.scale.settling():  # "1" may yet become 10: say nothing until it settles
            self.suggestion.show_suggestion(None)
            self._settle.start()
            return
        self._settle.stop()  # settled by another key: no second look later
        found = None
        if self.suggest is not None and (value is not None or numb):
            found = self.suggest(value, numb, self.offer.isVisible())
        appearing = found is not None and self.suggestion.isHidden()
        self.suggestion.show_suggestion(found)
        if appearing and self.isVisible():  # large text: below the fold otherwise
            self._reveal.start()  # once the page is laid out with the line in it

    @Slot()
    def on_reveal(self) -> None:
        if self.suggestion.isVisible():
            scroll_into_view(self.suggestion, self)

    @Slot()
    def on_go(self) -> None:
        value = self.scale.value()
        if offer_help_before(value) and not self.offer.isVisible():
            self.offer.show()
            self.offer_guard.arm()
            self.offer_continue.setFocus()
            self.say(self.offer_text.text())  # the focus alone names only the button
            self.on_level_given()  # after the offer, a suggestion may follow
            return
        self._emit()

    @Slot()
    def on_continue_after_offer(self) -> None:
        self._emit()

    def _emit(self) -> None:
        minutes, cycles = self.chosen_length()
        self.confirmed.emit(self.scale.value(), self.numb.isChecked(), minutes, cycles)

    @Slot()
    def on_escape(self) -> None:
        """Esc goes back to the exercises, as Back does."""
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focus = self.focusWidget()
        if isinstance(focus, QSpinBox) and (event.text().isdigit()
                                            or event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            super().keyPressEvent(event)
            return
        if self.offer.isVisible() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.offer_guard.fresh():
                return  # the Enter that brought the offer, pressed twice
            focused = self.focusWidget()
            (focused if isinstance(focused, QPushButton) else self.offer_continue).click()
            return
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == SWITCH_KEY and plain and self.suggestion.isVisible():
            self.suggestion.switch_button.click()
            return
        if not self.key_for_rating(event):
            super().keyPressEvent(event)


class AfterPage(_RatingPage):
    """The second rating, an optional note and trigger tags.

    ``edited`` carries what the page holds after every change, before it is
    confirmed, so the session can be kept as it is typed.
    """

    confirmed = Signal(object, bool, str, object)  # rating, numb, note, tags
    edited = Signal(object, bool, str, object)  # the same, not yet confirmed

    def __init__(self, parent: QWidget | None = None) -> None:
        # Loaded here: `steady start box` opens on the first rating, which has no text
        # fields, and PySide6 builds a class's Python enums when it is first loaded.
        from PySide6.QtCore import QStringListModel
        from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit

        super().__init__(self.tr("And now, how stirred up do you feel?"), parent)
        self.go_button.setText(self.tr("Done (Enter)"))
        self.go_button.setAccessibleName(self.tr("Done"))
        self.go_button.setAccessibleDescription(self.tr("Save and see how it went"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("A note for yourself, if you like "
                                             "(what was going on, what helped)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setAccessibleDescription(self.tr("An optional note for yourself. "
                                                   "Ctrl+Enter saves."))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 24)
        # Said as soon as the note passes what the log keeps, never cut without a word.
        self.note_limit = label(self.tr("This note is longer than Steady keeps: the first "
                                        "%1 characters are saved.").replace(
                                            "%1", QLocale().toString(MAX_NOTE_CHARS)),
                                "caution")
        self.note_limit.hide()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("What set it off? Words separated by commas "
                                             "(optional)"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setAccessibleDescription(self.tr("Words for what set this off, "
                                                   "separated by commas"))
        self._known_tags = QStringListModel(self)  # one completer, refilled each session
        completer = QCompleter(self._known_tags, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.tags.installEventFilter(self)
        self.note.installEventFilter(self)
        self.suggestions = label("", "small")

        body = QVBoxLayout()
        body.setSpacing(14)
        body.addWidget(self.heading)
        body.addWidget(self.question)
        body.addWidget(self.scale)
        body.addWidget(self.numb)
        body.addWidget(self.hint)
        body.addSpacing(8)
        body.addWidget(label(self.tr("Note"), "section"))
        body.addWidget(self.note)
        body.addWidget(self.note_limit)
        body.addWidget(label(self.tr("Tags"), "section"))
        body.addWidget(self.tags)
        body.addWidget(self.suggestions)
        body.addStretch(1)
        lay_out_page(self, body, self.button_row())
        QWidget.setTabOrder(self.go_button, self.skip_button)  # Done first, Skip after
        self.skip_button.clicked.connect(self.on_skip_or_clear)
        self.go_button.clicked.connect(self.on_go)
        for changed in (self.scale.valueChanged, self.numb.toggled, self.note.textChanged,
                        self.tags.textChanged):
            changed.connect(self.on_edited)
        self.setFocusProxy(self.scale)

    def skips_on_s(self) -> bool:
        """Not from the "numb" box: one Tab past the scale, a person may think they are
        typing their note, and an "s" in a word would throw their rating away."""
        return not self.numb.hasFocus()

    def prepare(self, known_tags: list[str], *, stopped: bool) -> None:
        self.reset_rating()
        self.note.clear()
        self.tags.clear()
        self.heading.setText(self.tr("You stopped: that's fine.") if stopped
                             else self.tr("You finished."))
        self._known_tags.setStringList(known_tags)
        if known_tags:
            self.suggestions.setText(self.tr("Used before: %1").replace(
                "%1", ", ".join(known_tags[:8])))
        else:
            self.suggestions.setText("")

    def holds_input(self) -> bool:
        """Whether the person has entered anything here yet (a number, numb, a note, tags)."""
        return (self.scale.value() is not None or self.numb.isChecked()
                or bool(self.note.toPlainText().strip()) or bool(self.tags.text().strip()))

    def entered_tags(self) -> tuple[str, ...]:
        """The tags as typed, lower case; the session flow trims them to what the log keeps."""
        seen: list[str] = []
        for part in self.tags.text().split(","):
            tag = " ".join(part.split()).lower()
            if tag and tag not in seen:
                seen.append(tag)
        return tuple(seen)

    @Slot()
    def on_go(self) -> None:
        self._emit()

    @Slot()
    def on_edited(self) -> None:
        note = self.note.toPlainText().strip()
        self.note_limit.setVisible(len(note) > MAX_NOTE_CHARS)
        self.edited.emit(self.scale.value(), self.numb.isChecked(), note[:MAX_NOTE_CHARS],
                         self.entered_tags())

    def _note_text(self) -> str:
        return self.note.toPlainText().strip()[:MAX_NOTE_CHARS]

    def _emit(self) -> None:
        self.confirmed.emit(self.scale.value(), self.numb.isChecked(), self._note_text(),
                            self.entered_tags())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.setFocus()
                return True
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if enter and (watched is self.tags or ctrl):
                if self.go_button.isEnabled():
                    self.go_button.click()
                else:  # no number yet: say so, here, where S would type an "s"
                    self.hint.setText(self.tr("Choose a number above, or Skip rating: what "
                                              "you wrote is kept either way."))
                    self.hint.show()
                    self.say(self.hint.text())
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def on_escape(self) -> None:
        """Esc leaves now, keeping whatever was entered."""
        self.on_go()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.key_for_rating(event):
            super().keyPressEvent(event)
