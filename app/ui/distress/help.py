"""Get help now: the person's own plan and contacts, a helpline finder, and plain words.

Reachable from every screen (the button, F1, Ctrl+H). Esc closes it. The
person's own coping plan comes first, then their contacts, because numbers in
an app go stale; then the national crisis line for the system's country, where
the small checked table in :mod:`app.domain.crisis_lines` has one, and the
helpline finder for everyone. Each contact and number has a Copy button.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.crisis_lines import CrisisLine, line_for
from app.domain.settings import Contact
from app.ui.style import theme
from app.ui.widgets.common import announce, label, make_button
from app.ui.widgets.flow_layout import FlowLayout

HELPLINE_FINDER = "https://findahelpline.com"
READABLE = (Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)


class HelpDialog(QDialog):
    """Your people, helplines, and what Steady is not. Edit contacts opens Settings there."""

    editContactsRequested = Signal()
    planRequested = Signal()

    def __init__(self, contacts: tuple[Contact, ...], parent: QWidget | None = None, *,
                 country: str | None = None) -> None:
        super().__init__(parent)
        self.copy_buttons: list[QPushButton] = []
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(2000)
        self._copied_timer.timeout.connect(self.on_copied_done)
        self.setWindowTitle(self.tr("Get help now"))
        self.setAccessibleName(self.tr("Get help now"))
        self.setAccessibleDescription(self.tr("Your contacts, helplines, and what Steady is "
                                              "not"))
        self.setMinimumWidth(520)
        self.contact_labels: list[QLabel] = []
        self._make_words(country)
        self._lay_out()
        # Labels Tab can reach: the same room always, and a ring only while focused
        # (room that appeared with the focus would push the text about and clip it).
        self.finder.setProperty("focusable", True)  # before the sheet, which reads it
        focus = theme.colors().focus
        self.setStyleSheet(
            "QLabel[focusable=\"true\"] { border: 3px solid transparent; border-radius: 6px; "
            "padding: 2px 4px; } "
            f"QLabel[focusable=\"true\"]:focus {{ border: 3px solid {focus}; }}")
        self.set_contacts(contacts)
        self.edit_button.clicked.connect(self.on_edit)
        self.plan_button.clicked.connect(self.on_plan)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setFocus()
        self._fit(parent)

    def _make_words(self, country: str | None) -> None:
        """The dialog's words: the heading, danger, the plan, the helplines, what Steady
        is not, and the buttons."""
        self.heading = label(self.tr("You don't have to do this alone."), "title")
        self.danger = label(self.tr(
            "If you might act on thoughts of harming yourself, or you are in danger, call "
            "your local emergency number now."))
        self.plan_button = make_button(self.tr("My coping plan"),
                                       description=self.tr("What you wrote for moments like "
                                                           "this: your signs, what helps, who "
                                                           "to reach"))
        self.plan_about = label(self.tr(
            "Your own steps for a hard moment, in your own words."), "small")
        self.contacts_box = QVBoxLayout()
        self.contacts_box.setSpacing(8)
        self.line = line_for(country if country is not None else system_country())
        self.lines_box = QVBoxLayout()
        self.lines_box.setSpacing(8)
        if self.line is not None:
            self.lines_box.addLayout(self._line_row(self.line))
        self.finder = label(self.tr(
            'Anywhere: find a free, confidential helpline in your country at '
            '<a href="%1">findahelpline.com</a>.').replace("%1", HELPLINE_FINDER))
        self.finder.setTextFormat(Qt.TextFormat.RichText)
        self.finder.setOpenExternalLinks(True)
        self.finder.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.finder.setAccessibleName(self.tr("Find a helpline in your country at "
                                              "findahelpline.com"))
        self.not_care = label(self.tr(
            "Steady is not a diagnosis and not a replacement for care. Nobody watches what "
            "you enter here, so Steady cannot send help."), "small")
        self.edit_button = make_button(self.tr("Edit contacts"),
                                       description=self.tr("Add or change your contacts in "
                                                           "Settings"))
        self.close_button = make_button(self.tr("Close (Esc)"), role="primary",
                                        description=self.tr("Back to where you were"))

    def _lay_out(self) -> None:
        """Everything but the buttons scrolls; the buttons stay at the foot."""
        body = QVBoxLayout()
        body.setContentsMargins(28, 24, 28, 8)
        body.setSpacing(12)
        body.addWidget(self.heading)
        body.addWidget(self.danger)
        body.addWidget(_section(self.tr("Your plan")))
        body.addWidget(self.plan_about)
        body.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        body.addWidget(_section(self.tr("Your people")))
        body.addLayout(self.contacts_box)
        body.addWidget(_section(self.tr("Helplines")))
        body.addLayout(self.lines_box)
        body.addWidget(self.finder)
        body.addSpacing(6)
        body.addWidget(self.not_care)
        body.addStretch(1)
        inner = QWidget()
        inner.setLayout(body)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(inner)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = FlowLayout()
        buttons.setContentsMargins(28, 8, 28, 20)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

    def _fit(self, parent: QWidget | None) -> None:
        """As tall as the content needs at its width, within the window it belongs to."""
        self.ensurePolished()
        scale = max(1.0, self.font().pointSizeF() / theme.BASE_POINT_SIZE)
        width = max(self.minimumWidth(), round(600 * scale))
        if parent is not None:
            width = min(width, max(self.minimumWidth(), parent.width() - 40))
        content = self.scroll_area.widget()
        body = content.layout() if content is not None else None
        height = body.totalHeightForWidth(width) if body is not None else 0
        buttons = self.close_button.sizeHint().height() + 28
        height = max(height + buttons + 8, 280)
        if parent is not None:
            height = min(height, max(280, parent.height() - 40))
        self.resize(width, height)

    def set_contacts(self, contacts: tuple[Contact, ...]) -> None:
        """Show ``contacts`` (the person's own, first to last)."""
        _clear(self.contacts_box)
        self.copy_buttons = [b for b in self.copy_buttons if b.property("line")]
        self.contact_labels = []
        for contact in contacts:
            # The name on one line; the number (never split across lines) and note below.
            details = []
            if contact.number and contact.number != contact.name:
                details.append(_escape(contact.number).replace(" ", "&nbsp;"))
            if contact.note:
                details.append(f"<i>{_escape(contact.note)}</i>")
            text = f"<b>{_escape(contact.name)}</b>"
            if details:
                text += "<br>" + " · ".join(details)
            line = label(text)
            line.setTextFormat(Qt.TextFormat.RichText)
            line.setTextInteractionFlags(READABLE)
            line.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it; text can be copied
            line.setProperty("focusable", True)
            line.setAccessibleName(", ".join(
                p for p in (contact.name, contact.number, contact.note) if p))
            row = QHBoxLayout()
            row.addWidget(line, 1)
            row.addWidget(self._copy_button(contact.number or contact.name, contact.name),
                          0, Qt.AlignmentFlag.AlignTop)
            self.contacts_box.addLayout(row)
            self.contact_labels.append(line)
        if not contacts:
            self.contacts_box.addWidget(label(self.tr(
                "You haven't added anyone yet. Adding a friend, a clinician or a local crisis "
                "line puts them right here when you need them."), "muted"))
        self.edit_button.setText(self.tr("Edit contacts") if contacts
                                 else self.tr("Add contacts"))
        self.edit_button.setAccessibleName(self.edit_button.text())

    def _line_row(self, line: CrisisLine) -> QHBoxLayout:
        """The national crisis line: who, how, the number, when; and a Copy button."""
        text = self.tr("<b>%1</b><br>%2 %3, %4").replace("%1", _escape(line.name)).replace(
            "%2", self.tr("Call or text") if line.how == "call or text" else self.tr("Call")
        ).replace("%3", _escape(line.number).replace(" ", "&nbsp;")).replace(
            "%4", self.tr("any time, day or night") if line.hours == "24/7"
            else _escape(line.hours))
        self.line_label = label(text)
        self.line_label.setTextFormat(Qt.TextFormat.RichText)
        self.line_label.setTextInteractionFlags(READABLE)
        self.line_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # read and copied like a contact
        self.line_label.setProperty("focusable", True)
        self.line_label.setAccessibleName(f"{line.name}, {line.number}")
        row = QHBoxLayout()
        row.addWidget(self.line_label, 1)
        button = self._copy_button(line.number, line.name)
        button.setProperty("line", True)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _copy_button(self, text: str, who: str) -> QPushButton:
        button = make_button(self.tr("Copy"), description=self.tr(
            "Copy %1 to paste it elsewhere").replace("%1", text), name=self.tr(
            "Copy the number of %1").replace("%1", who))
        button.setProperty("copies", text)
        button.clicked.connect(self.on_copy)
        self.copy_buttons.append(button)
        return button

    @Slot()
    def on_copy(self) -> None:
        button = self.sender()
        if not isinstance(button, QPushButton):
            return
        text = str(button.property("copies") or "")
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)
        self.on_copied_done()
        button.setText(self.tr("Copied"))
        announce(button, self.tr("Copied %1").replace("%1", text))
        self._copied_timer.start()

    @Slot()
    def on_copied_done(self) -> None:
        for button in self.copy_buttons:
            if button.text() != self.tr("Copy"):
                button.setText(self.tr("Copy"))

    @Slot()
    def on_edit(self) -> None:
        self.editContactsRequested.emit()
        self.accept()

    @Slot()
    def on_plan(self) -> None:
        self.planRequested.emit()
        self.accept()


def _section(text: str) -> QLabel:
    heading = label(text.upper(), "section")
    heading.setAccessibleName(text)
    return heading


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def system_country() -> str:
    """The system's country (ISO 3166-1 alpha-2, "US"), or "" when it is not known."""
    territory = QLocale.system().territory()
    return QLocale.territoryToCode(territory) if territory != QLocale.Country.AnyTerritory \
        else ""


def _clear(layout: QLayout) -> None:
    """Empty ``layout`` of its rows and their widgets."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)
