"""Settings' contacts: the people and lines "Get help now" shows, in the person's order."""

from __future__ import annotations

import itertools
from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from app.domain.settings import Contact, Settings
from app.ui.settings.section import Section, form
from app.ui.widgets.common import label, make_button
from app.ui.widgets.flow_layout import FlowLayout

CONTACT_LIMITS = {"name": 100, "number": 60, "note": 300}


class ContactsSection(Section):
    """The list of contacts, buttons to add, remove and move one up, and the chosen
    contact's name, number and note, changed as they are typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []
        self._filling = False
        self.add_heading(self.tr("Your contacts"))
        self.body.addWidget(label(self.tr(
            "People and lines you can reach in a hard moment: a friend, a clinician, a local "
            "crisis line. They appear under Get help now (F1)."), None))
        self.contact_list = self._list()
        self.no_contacts = label(self.tr("No contacts yet. Add contact starts a new one."),
                                 "muted")
        self.contact_name, self.contact_number, self.contact_note = self._fields()
        self.add_contact = make_button(self.tr("Add contact"),
                                       description=self.tr("Start a new contact"))
        self.remove_contact = make_button(self.tr("Remove contact"),
                                          description=self.tr("Remove the chosen contact"))
        self.move_up = make_button(self.tr("Move up"),
                                   description=self.tr("Show this contact earlier"))
        self._lay_out()
        self._connect_signals()

    def _list(self) -> QListWidget:
        widget = QListWidget()
        widget.setSpacing(3)
        # Long lines end in "..." rather than scrolling sideways; the fields below show all.
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.setAccessibleName(self.tr("Your contacts"))
        widget.setAccessibleDescription(self.tr(
            "Choose a contact with Up and Down to change it below"))
        return widget

    def _fields(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        fields = (QLineEdit(), QLineEdit(), QLineEdit())
        for edit, name, hint, key in zip(fields, (
                self.tr("Contact name"), self.tr("Contact number"), self.tr("Contact note")), (
                self.tr("Who, for example Sam or Crisis line"),
                self.tr("Phone number, or how to reach them"),
                self.tr("Optional, for example evenings only")), CONTACT_LIMITS, strict=True):
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(hint)
            edit.setPlaceholderText(hint)
            edit.setMaxLength(CONTACT_LIMITS[key])
        return fields

    def _lay_out(self) -> None:
        fields = form()
        fields.addRow(self.form_label(self.tr("Name"), self.contact_name), self.contact_name)
        fields.addRow(self.form_label(self.tr("Number"), self.contact_number),
                      self.contact_number)
        fields.addRow(self.form_label(self.tr("Note"), self.contact_note), self.contact_note)
        buttons = FlowLayout()  # side by side, or wrapped at large text sizes
        buttons.addWidget(self.add_contact)
        buttons.addWidget(self.remove_contact)
        buttons.addWidget(self.move_up)
        # The list, what to do with it, then the chosen contact: with none yet, "Add
        # contact" sits right under the heading, in view when a person comes to add one.
        self.body.addWidget(self.contact_list)
        self.body.addWidget(self.no_contacts)
        self.body.addLayout(buttons)
        self.body.addLayout(fields)
        # Tab as the contacts read: the list, its buttons, then the chosen contact.
        chain = (self.contact_list, self.add_contact, self.remove_contact, self.move_up,
                 self.contact_name, self.contact_number, self.contact_note)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _connect_signals(self) -> None:
        self.contact_list.currentRowChanged.connect(self.on_contact_chosen)
        for edit in (self.contact_name, self.contact_number, self.contact_note):
            edit.textEdited.connect(self.on_contact_edited)
        self.add_contact.clicked.connect(self.on_add_contact)
        self.remove_contact.clicked.connect(self.on_remove_contact)
        self.move_up.clicked.connect(self.on_move_up)

    # ------------------------------------------------------------------ state

    def show_settings(self, settings: Settings) -> None:
        self.keep(settings.contacts, 0 if settings.contacts else -1)

    def read(self, settings: Settings) -> Settings:
        return replace(settings, contacts=self.cleaned())

    def focus_target(self) -> QWidget:
        return self.contact_list if self._contacts else self.add_contact

    def keep(self, contacts: tuple[Contact, ...], row: int) -> None:
        """Show ``contacts``, with the one at ``row`` chosen (-1: none)."""
        self._contacts = list(contacts)
        self._fill(min(row, len(self._contacts) - 1))

    def chosen_row(self) -> int:
        return self.contact_list.currentRow()

    def cleaned(self) -> tuple[Contact, ...]:
        """The contacts with spaces tidied; one with neither a name nor a number is left out."""
        kept = []
        for contact in self._contacts:
            name = " ".join(contact.name.split())
            number = " ".join(contact.number.split())
            note = " ".join(contact.note.split())
            if name or number:
                kept.append(Contact(name or number, number, note))
        return tuple(kept)

    def _fill(self, row: int) -> None:
        filling, self._filling = self._filling, True
        try:
            self.contact_list.clear()
            for contact in self._contacts:
                item = QListWidgetItem(self._line(contact))
                item.setToolTip(item.text())
                self.contact_list.addItem(item)
            self.contact_list.setCurrentRow(row)
        finally:
            self._filling = filling
        self.fit()
        self.on_contact_chosen(row)

    def fit(self) -> None:
        """Tall enough for every contact (up to six, then it scrolls), never a tall void."""
        rows = max(1, min(6, self.contact_list.count()))
        row = self.contact_list.sizeHintForRow(0)
        if row <= 0:
            row = self.contact_list.fontMetrics().lineSpacing() + 6
        frame = self.contact_list.frameWidth() * 2
        spacing = self.contact_list.spacing()
        self.contact_list.setFixedHeight(rows * (row + 2 * spacing) + 2 * spacing + frame + 4)

    def _line(self, contact: Contact) -> str:
        name = contact.name.strip() or self.tr("New contact")
        parts = [name, contact.number.strip(), contact.note.strip()]
        return "  ·  ".join(part for part in parts if part)

    def _update_buttons(self) -> None:
        has_contacts = bool(self._contacts)
        self.contact_list.setVisible(has_contacts)
        self.no_contacts.setVisible(not has_contacts)
        row = self.contact_list.currentRow()
        for widget in (self.contact_name, self.contact_number, self.contact_note,
                       self.remove_contact):
            widget.setEnabled(row >= 0)
        self.move_up.setEnabled(row > 0)

    # ------------------------------------------------------------------ slots

    @Slot(int)
    def on_contact_chosen(self, row: int) -> None:
        contact = self._contacts[row] if 0 <= row < len(self._contacts) else Contact("")
        self.contact_name.setText(contact.name)
        self.contact_number.setText(contact.number)
        self.contact_note.setText(contact.note)
        if not self._filling:
            self._update_buttons()
            self.changed.emit()

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
            item.setText(self._line(contact))
            item.setToolTip(item.text())
        self.changed.emit()

    @Slot()
    def on_add_contact(self) -> None:
        self._contacts.append(Contact(""))
        self._fill(len(self._contacts) - 1)
        self.contact_name.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_remove_contact(self) -> None:
        row = self.contact_list.currentRow()
        if not 0 <= row < len(self._contacts):
            return
        del self._contacts[row]
        self._fill(min(row, len(self._contacts) - 1))
        (self.contact_list if self._contacts else self.add_contact).setFocus(
            Qt.FocusReason.OtherFocusReason)

    @Slot()
    def on_move_up(self) -> None:
        row = self.contact_list.currentRow()
        if not 0 < row < len(self._contacts):
            return
        self._contacts[row - 1], self._contacts[row] = self._contacts[row], self._contacts[row - 1]
        self._fill(row - 1)
        (self.move_up if row - 1 > 0 else self.contact_list).setFocus(
            Qt.FocusReason.OtherFocusReason)
