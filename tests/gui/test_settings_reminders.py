"""Settings' practice reminders: off until chosen, by keys, read back as chosen, and
saved through the settings file."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.reminders import Reminders
from app.domain.settings import Settings
from app.storage.settings import load_settings, save_settings
from app.ui.settings.page import SettingsPage
from tests.gui.test_settings_view import light_theme, make_page, quiet_cues  # noqa: F401

pytestmark = pytest.mark.gui


def test_reminders_start_off_and_cannot_be_changed_until_turned_on(
        qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library)
    section = page.reminder_section
    assert not section.enabled.isChecked()
    assert not section.rows.isEnabled(), "days and times wait for the box"
    assert page.current().reminders == Reminders()
    assert not page.is_dirty(), "what it shows reads back as what it was given"


def test_turned_on_by_keys_and_saved(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    saved: list[Settings] = []
    page = make_page(qtbot, library)
    page.saved.connect(saved.append)
    page.show_section("reminders")
    section = page.reminder_section
    qtbot.waitUntil(section.enabled.hasFocus)
    qtbot.keyClick(section.enabled, Qt.Key.Key_Space)
    assert section.rows.isEnabled() and page.is_dirty()
    section.days[5].click()  # Saturday off
    section.days[6].click()  # Sunday off
    section.times[0].setTime(QTime(7, 30))
    section.also[0].click()
    section.times[1].setTime(QTime(19, 0))
    section.quiet.click()
    section.quiet_from.setTime(QTime(22, 0))
    section.quiet_to.setTime(QTime(7, 0))
    index = section.exercise.findData("box")
    assert index > 0 and section.exercise.itemData(0) == "", "Start now's is first"
    section.exercise.setCurrentIndex(index)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(saved) == 1
    chosen = saved[0].reminders
    assert chosen == Reminders(enabled=True, days=frozenset(range(5)),
                               times=(time(7, 30), time(19, 0)),
                               quiet_from=time(22, 0), quiet_to=time(7, 0), exercise="box")
    save_settings(tmp_path, saved[0])
    loaded, notice = load_settings(tmp_path)
    assert notice is None and loaded.reminders == chosen


def test_a_saved_choice_is_shown_as_it_was(qtbot: QtBot, library: Library) -> None:
    chosen = Reminders(enabled=True, days=frozenset({0, 2, 4}),
                       times=(time(8, 0), time(12, 15), time(20, 45)),
                       quiet_from=time(21, 0), quiet_to=time(9, 0), exercise="box")
    page = make_page(qtbot, library, replace(Settings(), reminders=chosen))
    section = page.reminder_section
    assert [box.isChecked() for box in section.days] == [True, False, True, False, True,
                                                          False, False]
    assert [edit.time().toString("HH:mm") for edit in section.times] == [
        "08:00", "12:15", "20:45"]
    assert all(box.isChecked() for box in section.also)
    assert section.exercise.currentData() == "box"
    assert page.current().reminders == chosen and not page.is_dirty()


def test_an_exercise_the_health_settings_hide_is_not_offered(qtbot: QtBot,
                                                             library: Library) -> None:
    page = make_page(qtbot, library)
    offered = {page.reminder_section.exercise.itemData(i)
               for i in range(page.reminder_section.exercise.count())}
    assert "box" in offered  # box has a breath hold
    page.health["heart"].click()
    offered = {page.reminder_section.exercise.itemData(i)
               for i in range(page.reminder_section.exercise.count())}
    assert "box" not in offered and "" in offered


def test_the_section_fits_a_small_window_at_large_text(qtbot: QtBot, library: Library,
                                                       qapp: QApplication) -> None:
    from app.ui.style import theme
    from tests.gui.layout_check import layout_problems

    theme.apply(qapp, "light", 2.0)
    page = SettingsPage(replace(Settings(), reminders=Reminders(enabled=True)), library,
                        tray_available=True)
    qtbot.addWidget(page)
    page.resize(640, 480)
    page.show()
    page.show_section("reminders")
    qtbot.waitUntil(page.reminder_section.enabled.hasFocus)
    assert layout_problems(page, page) == []
