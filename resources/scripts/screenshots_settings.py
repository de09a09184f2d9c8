"""Render settings, help, the first-run welcome, high contrast and 200% text offscreen
into docs/screenshots/ (for the README and for review).

Starting at login is shown with a home folder of the script's own (a temporary
one): off, as on the welcome and in Settings at first, and beside a file of
that name someone else wrote. Nothing is written in the real home.

    python resources/scripts/screenshots_settings.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shots import OUT, save

from app import paths
from app.domain.loader import load_library
from app.domain.settings import Contact, Settings, Theme
from app.services.autostart import Autostart
from app.storage.sessions import memory_store
from app.ui.shell.window import MainWindow
from app.ui.style import theme

SIZE = (900, 720)
CONTACTS = (
    Contact("Sam (sister)", "+44 7700 900123", "evenings and weekends"),
    Contact("Dr. Okafor's practice", "020 7946 0321", "weekdays 9-5"),
    Contact("NHS urgent mental health", "111, then option 2", "any time"),
)
# A UK system, as the contacts are: help shows the UK's line from the table.
os.environ["LC_ALL"] = "en_GB.UTF-8"


def login_in(home: Path) -> Autostart:
    """Starting at login, in ``home`` (a temporary folder), as on Linux."""
    return Autostart("linux", home, {}, ("steady", "--tray"))  # ~/.config/autostart


def window_for(app: QApplication, store: object, look: Theme, scale: float,
               settings: Settings, home: Path | None = None) -> MainWindow:
    theme.apply(app, look, scale)
    settings = replace(settings, theme=look, text_scale=scale)
    window = MainWindow(load_library(paths.bundled_exercises_dir()), store,  # type: ignore[arg-type]
                        settings)
    if home is not None:
        login = login_in(home)
        window.login_start = lambda: login
    window.resize(*SIZE)
    window.show()
    QApplication.processEvents()
    return window


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    settings = Settings(first_run_done=True, contacts=CONTACTS, health=frozenset({"heart"}))
    with memory_store() as store, tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        window = window_for(app, store, "light", 1.0, settings, home)
        window.show_settings()
        save(window, "settings")
        assert window.settings_page is not None
        window.settings_page.show_section("health")
        save(window, "settings-health")
        window.settings_page.show_section("contacts")
        save(window, "settings-contacts")
        window.settings_page.show_section("start")
        save(window, "settings-starting")
        reminders = window.settings_page.reminder_section
        reminders.enabled.setChecked(True)  # as a person would turn them on
        reminders.quiet.setChecked(True)
        window.settings_page.show_section("reminders")
        save(window, "settings-reminders")
        reminders.enabled.setChecked(False)
        window.settings_page.on_back()
        window.show_help()
        assert window.help_dialog is not None
        save(window.help_dialog, "help")
        window.help_dialog.accept()
        window.show_welcome()
        save(window, "first-run")
        window.close()

        foreign = login_in(home).path  # a file of that name Steady did not write
        foreign.parent.mkdir(parents=True)
        foreign.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=steady\n",
                           encoding="utf-8")
        window = window_for(app, store, "light", 1.0, settings, home)
        window.show_settings("start")
        save(window, "settings-starting-foreign")
        window.close()

        window = window_for(app, store, "high-contrast", 1.0, settings)
        save(window, "launcher-high-contrast")
        window.show_settings()
        save(window, "settings-high-contrast")
        window.close()

        window = window_for(app, store, "light", 2.0, settings)
        save(window, "launcher-200")
        window.show_settings()
        save(window, "settings-200")
        window.go_home()
        window.show_help()
        assert window.help_dialog is not None
        save(window.help_dialog, "help-200")
        window.help_dialog.accept()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
