"""The tray icon, where the desktop has a tray, and bringing the window forward.

Without a tray (``QSystemTrayIcon.isSystemTrayAvailable()`` is False, as on
GNOME without an extension, or offscreen) the window is the app: nothing here
is created and closing the window quits.

With a tray, the menu offers the default exercise, the few that helped most
(from the log), the window, History, Get help now and Quit. Closing the window
quits, unless the person chose "keep in the tray" (``settings.keep_in_tray``):
then it hides, a running breathing exercise pauses, and the tray brings it back.

The menu is built by :func:`build_tray_menu` from plain :class:`TrayEntries`, so
it can be tested (and photographed) where no tray exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from app import paths
from app.domain.helped import helped_most as domain_helped_most
from app.domain.loader import Library
from app.domain.session import HELPED_MIN_SESSIONS, ExerciseStats, SessionStore
from app.domain.settings import Settings
from app.ui.exercise.breathing import BreathingPage

if TYPE_CHECKING:
    from app.ui.shell.window import MainWindow

#: How many helpful exercises the menu lists at most.
HELPED_LIMIT = 3


def bring_forward(window: QWidget) -> None:
    """Show ``window`` un-minimised (keeping it maximised if it was), raised and active.

    Some desktops refuse to hand focus to a window that asks for it; they then
    mark it as wanting attention instead, which is the calm outcome anyway.
    """
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


# --------------------------------------------------------------------------- the menu


@dataclass(frozen=True)
class TrayEntries:
    """What the tray menu offers: ``(exercise id, title)`` pairs."""

    default: tuple[str, str] | None = None
    helped: tuple[tuple[str, str], ...] = field(default_factory=tuple)


def helped_most(stats: Sequence[ExerciseStats], library: Library, *,
                hidden_tags: frozenset[str] = frozenset(), exclude: str = "",
                limit: int = HELPED_LIMIT,
                min_rated: int = HELPED_MIN_SESSIONS) -> list[tuple[str, str]]:
    """``(exercise id, title)`` of the exercises that helped most, best first: the
    domain's one rule (:func:`app.domain.helped.helped_most`), for the menu."""
    return [(best.exercise_id, best.title)
            for best in domain_helped_most(stats, library, hidden_tags=hidden_tags,
                                           exclude=exclude, limit=limit, min_rated=min_rated)]


def tray_entries(library: Library, settings: Settings,
                 store: SessionStore | None = None) -> TrayEntries:
    """The entries for the person's library, settings and log (the log may fail: then none)."""
    hidden = settings.hidden_tags()
    default = library.get(settings.default_exercise)
    if default is None or hidden & set(default.tags):
        default = next((e for e in library.exercises.values() if not hidden & set(e.tags)),
                       None)
    helped: list[tuple[str, str]] = []
    if store is not None:
        try:
            stats = store.stats("exercise")
        except Exception:  # the menu is a convenience; the log's trouble is shown elsewhere
            stats = []
        helped = helped_most(stats, library, hidden_tags=hidden,
                             exclude=default.id if default is not None else "")
    return TrayEntries(default=(default.id, default.title) if default is not None else None,
                       helped=tuple(helped))


def build_tray_menu(entries: TrayEntries, menu: QMenu | None = None) -> QMenu:
    """Fill ``menu`` (or a new one) with the tray entries.

    Every action has an ``objectName`` (``start:<id>``, ``show``, ``history``,
    ``help``, ``quit``) and the command in ``data()``, so whoever owns the menu
    connects :attr:`QMenu.triggered` once and reads ``action.data()``.
    """
    if menu is None:
        menu = QMenu()
    menu.clear()
    menu.setObjectName("trayMenu")
    menu.setAccessibleName(QCoreApplication.translate("SteadyTray", "Steady"))

    def add(text: str, command: str, description: str) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(command)
        action.setData(command)
        action.setToolTip(description)
        action.setStatusTip(description)
        return action

    def tr(text: object) -> str:  # the texts below are listed for translators by hand
        return QCoreApplication.translate("SteadyTray", str(text))

    start_one = QT_TRANSLATE_NOOP("SteadyTray", "Open the window at the first rating of %1")
    if entries.default is not None:
        ex_id, title = entries.default
        add(tr(QT_TRANSLATE_NOOP("SteadyTray", "Start now: %1")).replace("%1", title),
            f"start:{ex_id}", tr(start_one).replace("%1", title))
    if entries.helped:
        menu.addSection(QCoreApplication.translate("SteadyTray", "What has helped you"))
        for ex_id, title in entries.helped:
            add(title, f"start:{ex_id}", tr(start_one).replace("%1", title))
    menu.addSeparator()
    add(tr(QT_TRANSLATE_NOOP("SteadyTray", "Open Steady")), "show",
        tr(QT_TRANSLATE_NOOP("SteadyTray", "Bring the Steady window forward")))
    add(tr(QT_TRANSLATE_NOOP("SteadyTray", "History")), "history",
        tr(QT_TRANSLATE_NOOP("SteadyTray", "Your past sessions and what works for you")))
    add(tr(QT_TRANSLATE_NOOP("SteadyTray", "Get help now")), "help",
        tr(QT_TRANSLATE_NOOP("SteadyTray", "Your contacts and helplines")))
    menu.addSeparator()
    add(tr(QT_TRANSLATE_NOOP("SteadyTray", "Quit Steady")), "quit",
        tr(QT_TRANSLATE_NOOP("SteadyTray", "Close Steady completely")))
    return menu


# --------------------------------------------------------------------------- the tray


class SteadyTray(QObject):
    """The tray icon and its menu for one main window.

    Create it with :meth:`create`, which returns None where there is no tray.

    Signals:
        commandRun(command): a menu command was carried out (for tests).
    """

    commandRun = Signal(str)

    def __init__(self, window: MainWindow, *, icon: QIcon | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.quitting = False
        #: Started in the tray (``steady --tray``): closing the window hides it again.
        self.resident = False
        self.menu = QMenu(window)
        self.icon = QSystemTrayIcon(self)
        self.icon.setIcon(icon if icon is not None else _app_icon())
        self.icon.setToolTip(QCoreApplication.translate("SteadyTray", "Steady"))
        self.icon.setContextMenu(self.menu)
        self.refresh()
        self._connect_signals()

    @classmethod
    def create(cls, window: MainWindow, *, available: bool | None = None) -> SteadyTray | None:
        """A shown tray icon for ``window``, or None when the desktop has no tray."""
        if available is None:
            available = QSystemTrayIcon.isSystemTrayAvailable()
        if not available:
            return None
        tray = cls(window)
        tray.icon.show()
        return tray

    def _connect_signals(self) -> None:
        self.menu.triggered.connect(self.on_triggered)
        self.menu.aboutToShow.connect(self.refresh)  # what helped is read as the menu opens
        self.icon.activated.connect(self.on_activated)
        self.window.installEventFilter(self)

    # -- menu -----------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        window = self.window
        entries = tray_entries(window.library, window.settings, window.store)
        build_tray_menu(entries, self.menu)

    def action(self, command: str) -> QAction | None:
        return next((a for a in self.menu.actions() if a.data() == command), None)

    @Slot(QAction)
    def on_triggered(self, action: QAction) -> None:
        self.run(str(action.data() or ""))

    def run(self, command: str) -> None:
        """Carry out a menu command (also what the menu's actions call)."""
        window = self.window
        if command.startswith("start:"):
            bring_forward(window)
            window.request_start(command.split(":", 1)[1])  # waits if the person is busy
        elif command == "show":
            bring_forward(window)
        elif command == "history":
            bring_forward(window)
            window.historyRequested.emit()
        elif command == "help":
            bring_forward(window)
            window.show_help()
        elif command == "quit":
            self.quit()
        else:
            return
        self.commandRun.emit(command)

    @Slot()
    def quit(self) -> None:
        """Quit for real, even with "keep in the tray" on."""
        self.quitting = True
        self.window.prepare_to_quit()
        self.icon.hide()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    @Slot(QSystemTrayIcon.ActivationReason)
    def on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            bring_forward(self.window)

    # -- closing to the tray ---------------------------------------------------
    def keeps_window(self) -> bool:
        """Closing the window hides it (True) or quits (False): it hides when the
        person chose "keep in the tray", or when Steady started in the tray."""
        return (not self.quitting and self.icon.isVisible()
                and (self.resident or self.window.settings.keep_in_tray))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close \
                and self.keeps_window():
            event.ignore()
            self._pause_exercise()
            self.window.hide()
            return True
        return super().eventFilter(watched, event)

    def _pause_exercise(self) -> None:
        """A breathing exercise waits, paused, while the window is hidden."""
        page = self.window.exercise_page
        if isinstance(page, BreathingPage):
            page.pause()
        self.window.silence_cues()


def _app_icon() -> QIcon:
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
    if icon.isNull():
        svg = paths.resource("icons", "steady.svg")
        if svg.exists():
            icon = QIcon(str(svg))
    return icon
