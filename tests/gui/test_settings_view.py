"""Settings: every control, keyboard only, saving, and how the window uses the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.settings import Contact, Settings, SettingsNotice
from app.storage.sessions import SqliteSessionStore
from app.storage.settings import load_settings, save_settings
from app.ui.distress.help import HelpDialog
from app.ui.settings.page import SettingsPage, notice_text
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from tests.gui.conftest import FakeClock, FakeCues

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def quiet_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.ui.exercise.cues as cues

    monkeypatch.setattr(cues, "SoundCues", lambda *a, **k: FakeCues(
        reason="No sound device was found."))
    monkeypatch.setattr(cues, "SpokenCues", FakeCues)


@pytest.fixture(autouse=True)
def light_theme(qapp: QApplication) -> None:
    theme.apply(qapp, "light", 1.0)
    yield
    theme.apply(qapp, "light", 1.0)


def make_page(qtbot: QtBot, library: Library, settings: Settings | None = None,
              **kwargs: object) -> SettingsPage:
    page = SettingsPage(settings or Settings(), library, tray_available=True, **kwargs)
    qtbot.addWidget(page)
    page.resize(900, 720)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore,
           data_dir: Path) -> MainWindow:
    win = MainWindow(library, store, Settings(first_run_done=True))
    win.settings_writer = lambda new: save_settings(data_dir, new)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def focused() -> QWidget | None:
    """The focus widget of the active window (each test activates its window)."""
    widget = QApplication.focusWidget()
    if widget is None:
        active = QApplication.activeWindow()
        widget = active.focusWidget() if active is not None else None
    return widget


# ---------------------------------------------------------------------- the page alone


def test_page_shows_the_settings_it_is_given(qtbot: QtBot, library: Library) -> None:
    settings = Settings(sound=True, volume=0.3, spoken_cues=True, reduced_motion=True,
                        theme="dark", text_scale=1.5, default_exercise="box",
                        health=frozenset({"pregnancy"}), keep_in_tray=True,
                        contacts=(Contact("Sam", "555", "evenings"),))
    page = make_page(qtbot, library, settings)
    assert page.sound.isChecked() and page.spoken.isChecked()
    assert page.volume.value() == 30
    assert page.reduced_motion.isChecked() and page.keep_in_tray.isChecked()
    assert page.theme.currentData() == "dark"
    assert page.text_size.currentData() == 1.5
    assert page.default_exercise.currentData() == "box" or "breath-hold" in \
        library.exercises["box"].tags
    assert [k for k, box in page.health.items() if box.isChecked()] == ["pregnancy"]
    assert page.contact_list.count() == 1
    assert page.contact_name.text() == "Sam"
    assert page.current() == settings
    assert not page.is_dirty()


def test_every_choice_is_saved(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library)
    page.sound.setChecked(True)
    page.volume.setValue(80)
    page.spoken.setChecked(True)
    page.reduced_motion.setChecked(True)
    page.theme.setCurrentIndex(page.theme.findData("high-contrast"))
    page.text_size.setCurrentIndex(page.text_size.findData(2.0))
    page.default_exercise.setCurrentIndex(page.default_exercise.findData("five-senses")
                                          if page.default_exercise.findData("five-senses")
                                          >= 0 else 1)
    chosen = page.default_exercise.currentData()
    page.health["breathing"].setChecked(True)
    page.keep_in_tray.setChecked(True)
    assert page.is_dirty()
    assert page.status.text() == "Not saved yet: Save or Back keeps it."
    with qtbot.waitSignal(page.saved) as blocker:
        page.save_button.click()
    saved = blocker.args[0]
    assert saved == Settings(sound=True, volume=0.8, spoken_cues=True, reduced_motion=True,
                             theme="high-contrast", text_scale=2.0, default_exercise=chosen,
                             health=frozenset({"breathing"}), keep_in_tray=True)
    assert page.status.text() == "Saved on this computer."
    assert not page.is_dirty()


def test_health_settings_hide_exercises_and_say_which(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library, Settings(default_exercise="box"))
    hold_ids = {e.id for e in library.exercises.values() if "breath-hold" in e.tags}
    assert hold_ids, "the bundled library has breath-hold exercises"
    listed = {page.default_exercise.itemData(i) for i in range(page.default_exercise.count())}
    assert hold_ids <= listed
    assert page.hidden_note.text() == "No exercises are hidden."
    page.health["heart"].setChecked(True)
    listed = {page.default_exercise.itemData(i) for i in range(page.default_exercise.count())}
    assert not hold_ids & listed
    for exercise_id in hold_ids:
        assert library.exercises[exercise_id].title in page.hidden_note.text()
    assert "breath holds" in page.health["heart"].accessibleDescription()


def test_sound_not_available_says_why_and_changes_nothing_else(qtbot: QtBot,
                                                              library: Library) -> None:
    page = make_page(qtbot, library, Settings(sound=True),
                     sound_status="No sound device was found.")
    assert page.sound_note.isVisible()
    assert page.sound_note.text() == "Sound is not available: No sound device was found."
    assert not page.sound.isEnabled() and not page.volume.isEnabled()
    assert page.current().sound is True, "the person's choice is kept for later"
    page.set_sound_status(None)
    assert not page.sound_note.isVisible()
    assert page.sound.isEnabled() and page.volume.isEnabled()


def test_volume_follows_the_sound_switch(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library)
    assert not page.volume.isEnabled()
    page.sound.setChecked(True)
    assert page.volume.isEnabled()
    page.volume.setValue(35)
    assert page.volume_value.text() == "35%"


def test_no_tray_means_the_choice_is_explained(qtbot: QtBot, library: Library) -> None:
    page = SettingsPage(Settings(keep_in_tray=True), library, tray_available=False)
    qtbot.addWidget(page)
    page.show()
    assert not page.keep_in_tray.isEnabled()
    assert page.tray_note.isVisible()
    assert page.current().keep_in_tray is True, "kept for a desktop that has a tray"


class WindowsShown(QObject):
    """Notes every window (a widget without a parent) that is shown while it listens."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow()):
            self.shown.append(type(watched).__name__)
        return False


def test_without_a_tray_settings_opens_no_window_of_its_own(qtbot: QtBot, qapp: QApplication,
                                                           library: Library) -> None:
    """The note saying there is no tray was once shown before it had a parent: for a
    moment a window of its own, which took the focus from Steady's window."""
    spy = WindowsShown()
    qapp.installEventFilter(spy)
    try:
        page = SettingsPage(Settings(), library, tray_available=False)
        qtbot.addWidget(page)
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == []


def test_contacts_add_edit_move_remove_by_keyboard(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library, Settings(contacts=(Contact("Sam", "555"),)))
    page.show_section("contacts")
    assert focused() is page.contact_list
    page.add_contact.setFocus()
    qtbot.keyClick(page.add_contact, Qt.Key.Key_Space)
    assert focused() is page.contact_name
    qtbot.keyClicks(page.contact_name, "Crisis line")
    qtbot.keyClick(page.contact_name, Qt.Key.Key_Tab)
    assert focused() is page.contact_number
    qtbot.keyClicks(page.contact_number, "988")
    qtbot.keyClick(page.contact_number, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.contact_note, "call or text")
    assert page.contact_list.item(1).text() == "Crisis line  ·  988  ·  call or text"
    page.move_up.setFocus()
    qtbot.keyClick(page.move_up, Qt.Key.Key_Space)
    assert page.current().contacts == (Contact("Crisis line", "988", "call or text"),
                                       Contact("Sam", "555"))
    page.contact_list.setFocus()
    qtbot.keyClick(page.contact_list, Qt.Key.Key_Down)
    assert page.contact_name.text() == "Sam"
    page.remove_contact.setFocus()
    qtbot.keyClick(page.remove_contact, Qt.Key.Key_Space)
    assert page.current().contacts == (Contact("Crisis line", "988", "call or text"),)
    with qtbot.waitSignal(page.saved) as blocker:
        qtbot.keyClick(page.contact_list, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].contacts == (Contact("Crisis line", "988", "call or text"),)


def test_empty_contacts_are_dropped_and_a_number_alone_is_kept(qtbot: QtBot,
                                                               library: Library) -> None:
    page = make_page(qtbot, library)
    assert page.no_contacts.isVisible() and not page.contact_name.isEnabled()
    page.add_contact.click()
    assert page.current().contacts == ()
    assert not page.is_dirty(), "an untouched new contact is not a change"
    qtbot.keyClicks(page.contact_number, "  0800 111  ")
    assert page.current().contacts == (Contact("0800 111", "0800 111"),)


def test_keyboard_reaches_every_control_in_order(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library, Settings(sound=True, contacts=(Contact("Sam", "1"),)))
    page.setFocus()
    assert focused() is page.sound
    seen: list[QWidget] = []
    for _ in range(60):
        widget = focused()
        assert widget is not None
        if seen and widget is seen[0]:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    controls = [page.sound, page.volume, page.spoken, page.reduced_motion, page.theme,
                page.text_size, page.default_exercise, page.keep_in_tray,
                *page.health.values(), page.contact_list, page.add_contact,
                page.remove_contact, page.contact_name, page.contact_number,
                page.contact_note, page.back_button, page.save_button]
    for control in controls:
        assert control in seen, control.accessibleName()
    positions = [seen.index(c) for c in controls]
    assert positions == sorted(positions), "Tab follows the page from top to bottom"


def test_keyboard_only_change_and_save(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library)
    page.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # sound on
    assert page.sound.isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.volume
    qtbot.keyClick(page.volume, Qt.Key.Key_Right)
    assert page.volume.value() == 55
    while focused() is not page.theme:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(page.theme, Qt.Key.Key_Down)
    assert page.theme.currentData() == "light"
    qtbot.keyClick(page.theme, Qt.Key.Key_Tab)
    assert focused() is page.text_size
    qtbot.keyClick(page.text_size, Qt.Key.Key_End)
    assert page.text_size.currentData() == 2.0
    with qtbot.waitSignal(page.saved) as blocker:
        qtbot.keyClick(page.text_size, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0] == Settings(sound=True, volume=0.55, theme="light", text_scale=2.0)


def test_escape_asks_to_leave(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library)
    page.setFocus()
    with qtbot.waitSignal(page.closed):
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)


def test_notice_words() -> None:
    moved = Path("settings.json.damaged-20240506-070809")
    assert "settings.json.damaged-20240506-070809" in notice_text(
        SettingsNotice("damaged", moved_to=moved))
    assert "health settings" in notice_text(SettingsNotice("fields", fields=("health",)))
    assert "Permission denied" in notice_text(SettingsNotice("unreadable",
                                                             reason="Permission denied"))


# ---------------------------------------------------------------------- in the window


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsPage:
    window.launcher.settings_button.click()
    page = window.settings_page
    assert page is not None
    qtbot.waitUntil(lambda: window.current_page() is page)
    return page


def test_settings_open_from_the_launcher_and_escape_goes_home(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    page = open_settings(qtbot, window)
    assert page.sound_note.text() == "Sound is not available: No sound device was found."
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)


def test_saving_writes_the_file_and_applies_everything(qtbot: QtBot, window: MainWindow,
                                                       data_dir: Path, library: Library
                                                       ) -> None:
    page = open_settings(qtbot, window)
    changes: list[Settings] = []
    window.settingsChanged.connect(changes.append)
    page.theme.setCurrentIndex(page.theme.findData("high-contrast"))
    page.health["heart"].setChecked(True)
    target = next(e for e in library.exercises.values()
                  if not {"breath-hold", "cold"} & set(e.tags) and e.id != "extended-exhale")
    page.default_exercise.setCurrentIndex(page.default_exercise.findData(target.id))
    with qtbot.waitSignal(window.settingsChanged):
        page.save_button.click()
    saved, notice = load_settings(data_dir)
    assert notice is None
    assert saved == window.settings == changes[-1]
    assert saved.theme == "high-contrast" and saved.health == frozenset({"heart"})
    assert theme.colors() == theme.HIGH_CONTRAST
    shown = {tile.exercise.id for tile in window.launcher.tiles}
    assert not any("breath-hold" in library.exercises[i].tags for i in shown)
    assert target.title in window.launcher.start_now.text()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)


def writes_fail(window: MainWindow, tmp_path: Path) -> None:
    """From now on, writing the settings fails: the folder to write in is a file."""
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    window.settings_writer = lambda new: save_settings(blocker_file, new)


def test_a_failed_save_is_said_plainly_and_the_settings_still_apply(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    writes_fail(window, tmp_path)
    page = open_settings(qtbot, window)
    page.reduced_motion.setChecked(True)
    page.save_button.click()
    assert page.status.text().startswith("Could not save your settings (")
    assert window.settings.reduced_motion is True


def test_back_and_esc_keep_what_was_changed(qtbot: QtBot, window: MainWindow,
                                            data_dir: Path) -> None:
    page = open_settings(qtbot, window)
    page.add_contact.click()
    qtbot.keyClicks(page.contact_name, "Ana")
    assert page.status.text() == "Not saved yet: Save or Back keeps it."
    with qtbot.waitSignal(window.settingsChanged):
        page.back_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    assert window.settings.contacts == (Contact("Ana"),)
    assert load_settings(data_dir)[0].contacts == (Contact("Ana"),)
    page = open_settings(qtbot, window)
    qtbot.keyClicks(page.contact_number, "555 0100")
    with qtbot.waitSignal(window.settingsChanged):
        qtbot.keyClick(page.contact_number, Qt.Key.Key_Escape)
        if window.current_page() is page:  # the first Esc may only leave the field
            qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert load_settings(data_dir)[0].contacts == (Contact("Ana", "555 0100"),)


def test_closing_the_window_on_settings_keeps_a_contact_typed_there(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    page = open_settings(qtbot, window)
    page.add_contact.click()
    qtbot.keyClicks(page.contact_name, "Sam")
    window.close()
    assert load_settings(data_dir)[0].contacts == (Contact("Sam"),)


def test_back_without_changes_writes_nothing(qtbot: QtBot, window: MainWindow,
                                             data_dir: Path) -> None:
    page = open_settings(qtbot, window)
    with qtbot.assertNotEmitted(window.settingsChanged):
        page.back_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)


def test_edit_contacts_in_help_opens_settings_there(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.helpShown) as shown:
        qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = shown.args[0]
    assert isinstance(dialog, HelpDialog)
    assert dialog.edit_button.text() == "Add contacts"
    dialog.edit_button.click()
    page = window.settings_page
    assert page is not None
    qtbot.waitUntil(lambda: window.current_page() is page)
    assert focused() is page.add_contact
    qtbot.keyClick(page.add_contact, Qt.Key.Key_Space)
    qtbot.keyClicks(page.contact_name, "Sam")
    qtbot.keyClick(page.contact_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.contact_number, "07700 900123")
    with qtbot.waitSignal(window.settingsChanged):
        qtbot.keyClick(page.contact_number, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.contact_number, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    with qtbot.waitSignal(window.helpShown) as shown:
        qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = shown.args[0]
    assert [label.accessibleName() for label in dialog.contact_labels] == [
        "Sam, 07700 900123"]
    assert dialog.edit_button.text() == "Edit contacts"


def test_keyboard_only_through_help(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    window.apply_settings(Settings(first_run_done=True, contacts=(Contact("Sam", "555"),)))
    with qtbot.waitSignal(window.helpShown) as shown:
        qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = shown.args[0]
    qtbot.waitUntil(lambda: focused() is dialog.close_button)
    order: list[QWidget] = []
    for _ in range(10):
        widget = focused()
        assert widget is not None
        if order and widget is order[0]:
            break
        order.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert dialog.edit_button in order and dialog.close_button in order
    assert dialog.finder in order, "the helpline link is reachable by Tab"
    assert dialog.contact_labels[0] in order, "contacts can be read and copied by keyboard"
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.help_dialog is None)
    assert json.loads((data_dir / "settings.json").read_text())["contacts"][0]["name"] == "Sam"


def test_contacts_from_help_during_an_exercise_return_to_it(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock) -> None:
    window = MainWindow(library, store, Settings(first_run_done=True), clock=clock)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    breathing = next(e.id for e in library.exercises.values() if e.is_breathing)
    window.start_exercise(breathing)
    window.before.skip_button.click()
    exercise = window.exercise_page
    assert exercise is not None
    with qtbot.waitSignal(window.helpShown) as shown:
        qtbot.keyClick(exercise, Qt.Key.Key_F1)
    shown.args[0].edit_button.click()
    page = window.settings_page
    assert page is not None
    qtbot.waitUntil(lambda: window.current_page() is page)
    qtbot.keyClick(page.add_contact, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is exercise)
    assert window.exercise_page is exercise, "the exercise was paused, not ended"


def in_view(page: SettingsPage, widget: QWidget) -> bool:
    viewport = page.scroll_area.viewport()
    centre = widget.mapTo(viewport, widget.rect().center())
    return viewport.rect().contains(centre)


def test_after_saving_a_larger_text_size_the_focused_control_is_still_in_view(
        qtbot: QtBot, window: MainWindow) -> None:
    page = open_settings(qtbot, window)
    page.text_size.setFocus()
    qtbot.waitUntil(page.text_size.hasFocus)
    page.scroll_area.ensureWidgetVisible(page.text_size)
    page.text_size.setCurrentIndex(page.text_size.findData(2.0))
    with qtbot.waitSignal(window.settingsChanged):
        qtbot.keyClick(page.text_size, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.activateWindow()  # offscreen, restyling the whole application deactivates it
    qtbot.waitUntil(window.isActiveWindow)
    assert page.text_size.hasFocus()
    qtbot.waitUntil(lambda: in_view(page, page.text_size))


def test_settings_opened_again_start_at_the_top_where_the_focus_is(
        qtbot: QtBot, window: MainWindow) -> None:
    page = open_settings(qtbot, window)
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    page.back_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    page = open_settings(qtbot, window)
    assert bar.value() == 0
    qtbot.waitUntil(lambda: in_view(page, QApplication.focusWidget()))


def test_back_from_settings_start_now_is_in_full_view(
        qtbot: QtBot, window: MainWindow) -> None:
    area = window.launcher.findChild(QScrollArea)
    assert area is not None
    window.resize(900, 500)  # short enough to scroll
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    page = open_settings(qtbot, window)
    page.back_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    start_now = window.launcher.start_now
    assert start_now.hasFocus() or window.launcher.focusWidget() is start_now
    top = start_now.mapTo(area.viewport(), start_now.rect().topLeft()).y()
    assert top >= 0 and top + start_now.height() <= area.viewport().height()


def test_tab_from_get_help_now_into_a_scrolled_page_shows_what_it_reaches(
        qtbot: QtBot, window: MainWindow) -> None:
    area = window.launcher.findChild(QScrollArea)
    assert area is not None
    window.resize(900, 500)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    start_now = window.launcher.start_now
    assert start_now.mapTo(area.viewport(), start_now.rect().topLeft()).y() < 0  # out of sight
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.help_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.help_button.hasFocus)
    qtbot.keyClick(window.help_button, Qt.Key.Key_Tab)  # on into the page: Start now
    qtbot.waitUntil(start_now.hasFocus)
    top = start_now.mapTo(area.viewport(), start_now.rect().topLeft()).y()
    assert top >= 0 and top + start_now.height() <= area.viewport().height()


def test_a_save_that_fails_on_the_way_out_is_said_in_the_window(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    writes_fail(window, tmp_path)
    page = open_settings(qtbot, window)
    page.add_contact.click()
    qtbot.keyClicks(page.contact_name, "Ana")
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    assert window.notice.isVisibleTo(window)
    assert window.notice.text().startswith("Could not save your settings (")
    assert window.settings.contacts == (Contact("Ana"),)  # used until Steady closes
    window.settings_writer = lambda new: save_settings(tmp_path / "data", new)
    page = open_settings(qtbot, window)
    page.reduced_motion.setChecked(True)
    page.back_button.click()  # a save that works says nothing more
    qtbot.waitUntil(lambda: window.current_page() is window.launcher)
    assert page.save_problem == ""


def test_settings_open_on_a_control_that_can_be_used(qtbot: QtBot, window: MainWindow) -> None:
    page = open_settings(qtbot, window)  # no sound device here: "Sound cues" is greyed out
    assert not page.sound.isEnabled()
    focused = QApplication.focusWidget()
    assert focused is not None and focused is not page.sound
    assert focused.isEnabled() and page.isAncestorOf(focused)


@pytest.mark.parametrize(("exercise_id", "button"), [("box", "pause_button"),
                                                     ("five-senses", "next_button")])
def test_back_on_an_exercise_from_settings_the_focus_is_on_its_button(
        qtbot: QtBot, window: MainWindow, exercise_id: str, button: str) -> None:
    assert window.start_exercise(exercise_id)
    window.before.skip_button.click()
    page = window.exercise_page
    assert page is not None
    window.show_contacts()  # Get help now, Edit contacts: Settings at the contacts
    assert window.settings_page is not None
    window.settings_page.back_button.click()
    qtbot.waitUntil(lambda: window.current_page() is page)
    qtbot.waitUntil(getattr(page, button).hasFocus)


def test_the_count_before_breathing_can_be_turned_off(qtbot: QtBot, library: Library) -> None:
    page = make_page(qtbot, library, Settings())
    assert page.lead_in.isChecked()  # on until turned off
    page.lead_in.click()
    assert page.current().lead_in is False
