"""Get help now: the person's own contacts, a helpline finder, and plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from app.domain.settings import Contact
from app.ui.widgets import label, make_button

HELPLINE_FINDER = "https://findahelpline.com"


class HelpDialog(QDialog):
    """Reachable from every screen (button, F1, Ctrl+H). Esc closes it."""

    editContactsRequested = Signal()

    def __init__(self, contacts: tuple[Contact, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Get help now"))
        self.setAccessibleName(self.tr("Get help now"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("You don't have to do this alone."), "title"))
        layout.addWidget(label(self.tr(
            "If you might act on thoughts of harming yourself, or you are in danger, call "
            "your local emergency number now."), None))
        layout.addWidget(label(self.tr("Your people"), "section"))
        self.contact_labels = []
        if contacts:
            for contact in contacts:
                parts = [f"<b>{_escape(contact.name)}</b>"]
                if contact.number:
                    parts.append(_escape(contact.number))
                if contact.note:
                    parts.append(f"<i>{_escape(contact.note)}</i>")
                line = label(" · ".join(parts))
                line.setTextFormat(Qt.TextFormat.RichText)
                line.setAccessibleName(", ".join(
                    p for p in (contact.name, contact.number, contact.note) if p))
                layout.addWidget(line)
                self.contact_labels.append(line)
        else:
            layout.addWidget(label(self.tr(
                "You haven't added anyone yet. Adding a friend, a clinician or a local "
                "crisis line in Settings puts them right here when you need them."), "muted"))
        layout.addWidget(label(self.tr("Helplines"), "section"))
        finder = label(self.tr(
            'Find a free, confidential helpline in your country at '
            '<a href="%1">findahelpline.com</a>. In the US, call or text 988.')
            .replace("%1", HELPLINE_FINDER))
        finder.setTextFormat(Qt.TextFormat.RichText)
        finder.setOpenExternalLinks(True)
        finder.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        finder.setAccessibleName(self.tr("Find a helpline at findahelpline.com; in the US, "
                                         "call or text 988"))
        layout.addWidget(finder)
        layout.addSpacing(6)
        layout.addWidget(label(self.tr(
            "Steady is not a diagnosis and not a replacement for care. Nobody watches what "
            "you enter here, so it cannot send help."), "small"))
        buttons = QHBoxLayout()
        self.edit_button = make_button(self.tr("Edit contacts"),
                                       description=self.tr("Add or change your contacts"))
        self.close_button = make_button(self.tr("Close (Esc)"), role="primary")
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self.on_edit)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setFocus()

    def on_edit(self) -> None:
        self.editContactsRequested.emit()
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
