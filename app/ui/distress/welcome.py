"""First run: what Steady is and is not, where the data stays, and an invitation.

Shown once. Enter or Esc goes straight on to the exercises (someone may open
Steady for the first time in a hard moment); adding contacts is offered, never
required. Starting Steady at login, waiting in the tray, is offered here once, as
a check box that is never ticked for the person (the window turns it on when they
leave the page with it ticked; Settings turns it off again).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QStyle, QVBoxLayout, QWidget

from app.ui.widgets.common import label, lay_out_page, make_button
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.page import Page
from app.ui.widgets.wrap_check_box import WrapCheckBox


class WelcomePage(Page):
    """A short welcome. ``skipped`` or ``addContactsRequested``: either way it is done."""

    skipped = Signal()
    addContactsRequested = Signal()

    def __init__(self, *, offer_login: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome to Steady"))
        self.title = label(self.tr("Welcome to Steady"), "title")
        self.what = label(self.tr(
            "Steady helps you through hard moments with short breathing, grounding, "
            "sensory and body exercises. You rate how stirred up you feel before and after, "
            "and over time you can see what helps you."))
        self.not_care = label(self.tr(
            "Steady is not a diagnosis and not a replacement for care. Nobody watches what "
            "you enter, so it cannot send help in an emergency."), "caution")
        self.private = label(self.tr(
            "What you enter stays on this computer. There is no account, and Steady sends "
            "nothing anywhere."))
        self.health = label(self.tr(
            "If you have a heart or breathing condition, take beta-blockers, are pregnant or "
            "live with an eating disorder, Settings can hide exercises with breath holds or "
            "cold water."), "muted")
        self.invite = label(self.tr(
            "It can help to have someone to reach when things get hard. Would you like to add "
            "a friend, a clinician or a crisis line now? They will be one click away under "
            "Get help now (F1)."))
        self.add_button = make_button(self.tr("Add contacts"),
                                      description=self.tr("Open Settings at your contacts"))
        self.skip_button = make_button(self.tr("Go to the exercises (Enter)"), role="primary",
                                       description=self.tr("Skip this; you can add contacts "
                                                           "any time in Settings"))
        self.start_at_login = WrapCheckBox(self.tr(
            "Start Steady when I log in, waiting in the tray"))
        self.start_at_login.setAccessibleName(self.start_at_login.text())
        self.login_about = label(self.tr(
            "Steady is then there the moment you need it, with no window until you open "
            "it. You can change this any time in Settings."), "small")
        self.start_at_login.setAccessibleDescription(self.login_about.text())
        self.later = label(self.tr("You can add contacts any time in Settings. "
                                   "This welcome will not appear again."), "small")

        body = QVBoxLayout()
        body.setSpacing(14)
        body.addWidget(self.title)
        body.addWidget(self.what)
        body.addWidget(self.not_care)
        body.addWidget(self.private)
        body.addWidget(self.health)
        body.addSpacing(6)
        body.addWidget(self.invite)
        invite_row = QHBoxLayout()
        invite_row.addWidget(self.add_button)
        invite_row.addStretch(1)
        body.addLayout(invite_row)
        body.addWidget(self.later)
        body.addSpacing(10)
        body.addWidget(self.start_at_login)
        about_row = QHBoxLayout()  # under the box's text, as Settings' options are
        about_row.setContentsMargins(0, 0, 0, 0)
        about_row.addSpacing(
            self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 17)
        about_row.addWidget(self.login_about, 1)
        body.addLayout(about_row)
        body.addStretch(1)
        buttons = FlowLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        lay_out_page(self, body, buttons)
        self.start_at_login.setVisible(offer_login)
        self.login_about.setVisible(offer_login)

        self.add_button.clicked.connect(self.addContactsRequested)
        self.skip_button.clicked.connect(self.skipped)

    def login_chosen(self) -> bool:
        """Whether the person ticked "Start Steady when I log in" (it is never ticked for
        them)."""
        return not self.start_at_login.isHidden() and self.start_at_login.isChecked()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Shown, the page hands its focus to "Go to the exercises". Not a focus proxy:
        tabbing into a proxy that comes last would skip "Add contacts" going forward."""
        super().focusInEvent(event)
        self.skip_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_escape(self) -> None:
        """Esc goes to the exercises, as the main button does."""
        self.skipped.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            (self.add_button if focused is self.add_button else self.skip_button).click()
            return
        super().keyPressEvent(event)
