"""The kind, one-line summary at the end of a session."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.domain.rating import Direction, offer_help_after, outcome
from app.domain.session import SavedTo, SessionRecord
from app.ui.widgets.common import (
    EnterGuard,
    english_plural,
    label,
    lay_out_page,
    make_button,
    minutes_text,
)
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.page import Page


class SummaryPage(Page):
    home = Signal()
    again = Signal()
    other = Signal()  # "Try a different exercise": home, on the exercises
    helpRequested = Signal()
    keepRequested = Signal()  # "Save to a file…": sessions no disk could take
    planRequested = Signal()  # a tag matched a warning sign: the plan was offered

    def __init__(self, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Thank you for taking this time."), "muted")
        self.line = label("", "title")
        # No accessible name: a label's name is what a screen reader reads, and this
        # one's words are the summary itself.
        self.line.setAccessibleDescription(self.tr("How it went"))
        self.detail = label("", "muted")
        self.saved_note = label("", "small")
        self.practice_note = label("", "small")
        self.practice_note.hide()
        self.keep_button = make_button(
            self.tr("Save to a file…"),
            description=self.tr("Keep the sessions that could not be saved in a file you "
                                "choose"))
        self.keep_button.hide()
        self.offer = label(self.tr("If things still feel like a lot, it's okay to reach out "
                                   "to someone now."), "caution")
        self.offer_button = make_button(self.tr("Get help now"), role="help",
                                        description=self.tr("See your contacts and helplines"))
        self.plan_offer = label("", "muted")
        self.plan_button = make_button(self.tr("Open my plan"),
                                       description=self.tr("Your coping plan: what you wrote "
                                                           "for times like this"))
        self.home_button = make_button(self.tr("Back to the start (Enter)"), role="primary",
                                       description=self.tr("Back to the list of exercises"))
        self.again_button = make_button(self.tr("Do it again"),
                                        description=self.tr("Start the same exercise again"))
        self.other_button = make_button(self.tr("Try a different exercise"),
                                        description=self.tr("Back to the exercises, to choose "
                                                            "another"))
        # What brought the person here (Done, pressed with Enter) must not also answer
        # this page: a held or doubled Enter is kept off its buttons for a moment.
        self._offer_taken = False  # help opened from this summary's offer
        self.enter_guard = EnterGuard(self.offer_button, self.home_button, self.again_button,
                                      self.other_button, clock=clock, parent=self)

        self._lay_out()
        self.home_button.clicked.connect(self.home)
        self.again_button.clicked.connect(self.again)
        self.other_button.clicked.connect(self.other)
        self.offer_button.clicked.connect(self.on_offer_taken)
        self.keep_button.clicked.connect(self.keepRequested)
        self.plan_button.clicked.connect(self.planRequested)

    def _lay_out(self) -> None:
        """The offer of support first (when shown), the words, the notes and offers,
        and the choices at the foot."""
        body = QVBoxLayout()
        body.setSpacing(16)
        body.addStretch(1)
        # After a rise to 8 or more the offer of support comes first, above all else.
        body.addWidget(self.offer)
        body.addLayout(_left(self.offer_button))
        body.addWidget(self.heading)
        body.addWidget(self.line)
        body.addWidget(self.detail)
        body.addWidget(self.practice_note)
        body.addWidget(self.saved_note)
        body.addLayout(_left(self.keep_button))
        body.addWidget(self.plan_offer)
        body.addLayout(_left(self.plan_button))
        body.addStretch(2)
        buttons = FlowLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.home_button)
        lay_out_page(self, body, buttons)

    @Slot()
    def on_offer_taken(self) -> None:
        """Help opens; back from it, Enter goes home, not round to help again."""
        self._offer_taken = True
        self._name_home()
        self.home_button.setFocus(Qt.FocusReason.OtherFocusReason)  # where help returns
        self.helpRequested.emit()

    def _support_first(self) -> bool:
        return self.offer_button.isVisibleTo(self) and not self._offer_taken

    def _name_home(self) -> None:
        """"(Enter)" only while Enter does that: while the offer of support has the
        focus, Enter opens help."""
        self.home_button.setText(self.tr("Back to the start") if self._support_first()
                                 else self.tr("Back to the start (Enter)"))

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Shown, the page hands its focus to the offer of support when there is one,
        else to "Back to the start". Not a focus proxy: tabbing into a proxy that comes
        last would skip "Do it again" going forward."""
        super().focusInEvent(event)
        first = self.offer_button if self._support_first() else self.home_button
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def summary_line(self, record: SessionRecord) -> str:
        """One kind, neutral sentence about how the rating moved. Never blame."""
        result = outcome(record.before, record.after)
        before, after = str(record.before), str(record.after)
        if result.direction is Direction.DOWN:
            text = english_plural(self.tr("Your rating went down by %n point(s), from %1 to %2.",
                                          "", result.points), result.points)
            text = text.replace("%1", before).replace("%2", after)
            if result.noticeable:
                text += " " + self.tr("That's a noticeable change.")
            return text
        if result.direction is Direction.SAME:
            return self.tr("Your rating stayed at %1. Nothing got worse, and you gave yourself "
                           "this time.").replace("%1", after)
        if result.direction is Direction.UP:
            text = english_plural(self.tr("Your rating went up by %n point(s), from %1 to %2.",
                                          "", result.points), result.points)
            text = text.replace("%1", before).replace("%2", after)
            return text + " " + self.tr("That happens, and it's useful to know. Another "
                                        "exercise, or simply resting, may suit this moment "
                                        "better.")
        if record.practised_seconds < 5:
            return self.tr("Checking in with yourself counts, whatever the numbers.")
        return self.tr("You took %1 for yourself.").replace(
            "%1", minutes_text(record.practised_seconds))

    def show_record(self, record: SessionRecord, *, saved: bool,
                    where: SavedTo | None = "log", can_keep: bool = False,
                    warning_sign: str | None = None,
                    calm_this_week: int | None = None) -> None:
        """The summary of ``record``. ``where`` it was saved decides what is said about
        keeping it: "Saved on this computer" only after a save the log checked.
        ``can_keep``: sessions no disk took can be saved to a file. ``warning_sign``:
        one of the plan's warning signs that a tag of the session matched; the plan
        is offered, once, without asking anything. ``calm_this_week``: begun calm, how
        many times this week the person practised while calm (a plain count)."""
        self.line.setText(self.summary_line(record))
        practised = minutes_text(record.practised_seconds)
        # Without ratings the line above already says how long: not twice.
        timed_above = (outcome(record.before, record.after).direction is Direction.UNKNOWN
                       and record.practised_seconds >= 5)
        # Stopped in the count before the first breath: no "after 0 seconds".
        if record.status == "stopped" and (timed_above or record.practised_seconds < 1):
            detail = self.tr("You stopped when you needed to. That is part of looking after "
                             "yourself.")
        elif record.status == "stopped":
            detail = self.tr("You stopped after %1. Stopping when you need to is part of "
                             "looking after yourself.").replace("%1", practised)
        elif timed_above:
            detail = self.tr("The exercise was %1.").replace("%1", record.exercise_title)
        else:
            detail = self.tr("%1 of %2.").replace("%1", practised).replace(
                "%2", record.exercise_title)
        if record.numb_after:
            detail += " " + self.tr("Feeling numb or far away is worth noticing too.")
        if record.after is None:  # said plainly: a skip is fine, and it should be known
            detail += " " + self.tr("No rating was kept for how you felt afterwards.")
        self.detail.setText(detail)
        self.saved_note.setText(self.saved_text(saved, where))
        self.practice_note.setText(self.practice_text(calm_this_week))
        self.practice_note.setVisible(bool(calm_this_week))
        self.keep_button.setVisible(can_keep)
        show_offer = offer_help_after(record.after)
        self.offer.setVisible(show_offer)
        self.offer_button.setVisible(show_offer)
        rose = outcome(record.before, record.after).direction is Direction.UP
        if show_offer and rose:  # not "stayed with it" beside "You stopped after 2 s"
            self.heading.setText(
                self.tr("That was a hard one, and you gave it a try.")
                if record.status == "stopped"
                else self.tr("That was a hard one, and you stayed with it."))
        else:
            self.heading.setText(self.tr("Thank you for taking this time."))
        self._offer_taken = False
        self._name_home()
        self.enter_guard.arm()
        if warning_sign:
            self.plan_offer.setText(self.tr(
                "What set this off is one of the warning signs in your plan (\u201c%1\u201d). "
                "Your plan is here if you want it.").replace("%1", warning_sign))
        self.plan_offer.setVisible(bool(warning_sign))
        self.plan_button.setVisible(bool(warning_sign))

    def practice_text(self, count: int | None) -> str:
        """"Practised while calm 3 times this week": the count alone; "" for none."""
        if not count:
            return ""
        return english_plural(self.tr("You've practised while calm %n time(s) this week. "
                                      "That is how these skills grow.", "", count), count)

    def saved_text(self, saved: bool, where: SavedTo | None) -> str:
        if saved and where == "log":
            return self.tr("Saved on this computer only.")
        if where == "recovery":
            return self.tr("Kept safe on this computer. It will be added to your log the "
                           "next time Steady can open it.")
        if saved and where == "memory":
            return self.tr("Kept while Steady is open: nothing on this computer could take "
                           "it. See the message above.")
        return self.tr("This session could not be saved yet. It is kept while Steady is open; "
                       "see the message above.")

    @Slot()
    def on_escape(self) -> None:
        """Esc goes home, as "Back to the start" does."""
        self.home.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if self.enter_guard.fresh():
                return  # the Enter that brought the person here
            if focused in (self.again_button, self.offer_button, self.other_button,
                           self.plan_button):
                focused.click()
            else:
                self.home.emit()
            return
        super().keyPressEvent(event)


def _left(button: QWidget) -> QHBoxLayout:
    """``button`` on a row of its own, at the left."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row
