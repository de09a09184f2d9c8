"""The settings in use: the look follows them, they are written, and others are told."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.domain.errors import StorageError
from app.domain.settings import Settings
from app.ui.style import theme


class SettingsKeeper(QObject):
    """Holds the :class:`Settings` in use.

    :meth:`apply` puts new settings in use: the theme and text size change at
    once, ``changed`` is emitted, then they are written by :attr:`writer` (when
    there is one). With the "system" theme the look follows the desktop's light
    or dark scheme as it changes.
    """

    changed = Signal(object)  # the Settings now in use

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        #: Writes settings to disk (``app.storage.settings.save_settings``, given by
        #: ``app.bootstrap``); None keeps them in memory only. Raises StorageError with
        #: a plain message when it cannot.
        self.writer: Callable[[Settings], object] | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_color_scheme_changed)

    def apply(self, settings: Settings) -> str:
        """Use ``settings`` now and write them. Returns what went wrong saving, or ""."""
        old, self.settings = self.settings, settings
        app = QApplication.instance()
        if isinstance(app, QApplication) and (old.theme, old.text_scale) != (
                settings.theme, settings.text_scale):
            theme.apply(app, settings.theme, settings.text_scale)
        self.changed.emit(settings)
        if self.writer is None:
            return ""
        try:
            self.writer(settings)
        except StorageError as error:
            from app.ui.settings.page import save_problem_text

            return save_problem_text(error)
        return ""

    @Slot(Qt.ColorScheme)
    def on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The system went light or dark: follow it when the theme is "system"."""
        app = QApplication.instance()
        if isinstance(app, QApplication) and self.settings.theme == "system":
            theme.apply(app, "system", self.settings.text_scale,
                        system_dark=scheme == Qt.ColorScheme.Dark)
