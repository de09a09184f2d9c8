"""Help where the person is: their country's crisis line, the finder always, and a
Copy button for each contact and number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.settings import Contact
from app.ui.distress.help import HelpDialog

pytestmark = pytest.mark.gui

CONTACTS = (Contact("Sam", "+44 7700 900123", "evenings"), Contact("Dr Okafor", "020 7946 0321"))


def dialog(qtbot: QtBot, country: str, contacts: tuple[Contact, ...] = CONTACTS) -> HelpDialog:
    help_dialog = HelpDialog(contacts, country=country)
    qtbot.addWidget(help_dialog)
    help_dialog.show()
    qtbot.waitExposed(help_dialog)
    return help_dialog


@pytest.mark.parametrize(("country", "shown"), [("GB", "Samaritans"), ("US", "988"),
                                                ("AU", "Lifeline")])
def test_the_countrys_line_and_the_finder(qtbot: QtBot, country: str, shown: str) -> None:
    help_dialog = dialog(qtbot, country)
    assert help_dialog.line is not None and shown in help_dialog.line_label.text()
    assert "findahelpline.com" in help_dialog.finder.text()


def test_tab_reaches_the_line_after_the_people(qtbot: QtBot) -> None:
    help_dialog = dialog(qtbot, "GB")
    help_dialog.contact_labels[-1].setFocus()
    qtbot.waitUntil(help_dialog.contact_labels[-1].hasFocus)
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # type: ignore[arg-type]
        seen.append(QApplication.focusWidget())
    assert help_dialog.line_label in seen  # a screen reader reads it like a contact


def test_elsewhere_the_finder_alone_and_no_us_number(qtbot: QtBot) -> None:
    help_dialog = dialog(qtbot, "JP")
    assert help_dialog.line is None
    assert "findahelpline.com" in help_dialog.finder.text()
    assert "988" not in help_dialog.finder.text()


def test_each_contact_and_line_can_be_copied(qtbot: QtBot) -> None:
    help_dialog = dialog(qtbot, "GB")
    copies = [button.property("copies") for button in help_dialog.copy_buttons]
    assert copies == ["116 123", "+44 7700 900123", "020 7946 0321"]
    clipboard = QApplication.clipboard()
    help_dialog.copy_buttons[1].click()
    assert clipboard.text() == "+44 7700 900123"
    assert help_dialog.copy_buttons[1].text() == "Copied"
    help_dialog.on_copied_done()  # as the short timer does
    assert help_dialog.copy_buttons[1].text() == "Copy"
    for button in help_dialog.copy_buttons:
        assert button.accessibleName().startswith("Copy the number of")


def test_changing_contacts_keeps_the_lines_copy_button(qtbot: QtBot) -> None:
    help_dialog = dialog(qtbot, "GB")
    help_dialog.set_contacts((Contact("Alex", "07700 900456"),))
    copies = [button.property("copies") for button in help_dialog.copy_buttons]
    assert copies == ["116 123", "07700 900456"]
