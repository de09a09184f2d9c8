"""The window: a stack of pages along the distress path, and help on every screen."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.domain.helped import beside_start_now
from app.domain.session import utc_now
from app.services.library import LibraryService, folder_loader
from app.services.session_flow import SessionFlow
from app.ui.shell.first_frame import FirstFrame
from app.ui.shell.help_door import HelpDoor
from app.ui.shell.session_steps import ExercisePage, SessionSteps
from app.ui.shell.settings_door import SettingsDoor
from app.ui.shell.settings_keeper import SettingsKeeper
from app.ui.shell.waiting import StartRequests, WaitingButton
from app.ui.widgets.common import label, make_button, scroll_into_view

if TYPE_CHECKING:  # the pages off the first frame are imported when first made
    from app.domain.loader import Library
    from app.domain.plan import PlanStore
    from app.domain.session import BestExercise, SessionStore
    from app.domain.settings import Settings
    from app.services.autostart import Autostart
    from app.ui.distress.help import HelpDialog
    from app.ui.distress.launcher import LauncherPage
    from app.ui.distress.rating import AfterPage, BeforePage
    from app.ui.distress.summary import SummaryPage
    from app.ui.distress.welcome import WelcomePage
    from app.ui.editor.own_exercises import OwnExercises
    from app.ui.exercise.cues import ExerciseCues
    from app.ui.history.page import HistoryPage
    from app.ui.plan.door import PlanDoor
    from app.ui.settings.page import SettingsPage

log = logging.getLogger(__name__)

#: The smallest window Steady lets itself be made: every page is whole at this size
#: with text up to 200% (tests/gui/test_layout_matrix.py; docs/decisions/0019).
MIN_WIDTH, MIN_HEIGHT = 640, 480



# long: ten pages are made on first use (the light start, decision 0007), each by a
# property that makes and wires it; what happens on them lives in SessionSteps, the
# doors (Settings, help, the plan) and StartRequests, not here.
class MainWindow(QMainWindow):
    """Launcher -> before rating -> exercise -> after rating -> summary."""

    helpShown = Signal(object)  # the HelpDialog, for tests and the tray
    historyRequested = Signal()
    settingsRequested = Signal()
    settingsChanged = Signal(object)  # the Settings now in use, after Save

    def __init__(self, library: Library, store: SessionStore, settings: Settings, *,
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], datetime] = utc_now,
                 data_dir: Path | None = None, start_id: str | None = None,
                 light_start: bool = False, plans: Callable[[], PlanStore] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library_service = LibraryService(
            library, folder_loader(data_dir) if data_dir is not None else None, parent=self)
        self.store = store
        self.keeper = SettingsKeeper(settings, parent=self)
        self._clock = clock
        self._data_dir = data_dir
        self.steps = SessionSteps(self, store, clock=clock, wall_clock=wall_clock, parent=self)
        self.tray: QObject | None = None  # app.ui.shell.tray.SteadyTray, where there is a tray
        #: Closing asks about sessions no disk took; not in a quit by a signal.
        self.asks_before_closing = True
        #: app.ui.shell.reminders.PracticeReminders, made with the desktop's parts
        self.practice: QObject | None = None
        self.help_door = HelpDoor(self, self, parent=self)
        self.settings_door = SettingsDoor(self, parent=self)
        self.history_page: HistoryPage | None = None  # made when first opened
        self._launcher_stale = False  # the log changed: "Start now" may change
        # Made on first use (see the properties below), so that the first frame
        # holds only the page it shows: docs/decisions/0007-light-start.md.
        self._launcher: LauncherPage | None = None
        self._before: BeforePage | None = None
        self._after: AfterPage | None = None
        self._summary: SummaryPage | None = None
        self._cues: ExerciseCues | None = None
        self._own_exercises: OwnExercises | None = None
        self._first_frame_watch: FirstFrame | None = None
        self._plans = plans  # opens the coping plan's store, when first needed
        self._plan_door: PlanDoor | None = None
        #: Starting at login (app.services.autostart), made when Settings or the welcome
        #: first need it; None: not offered (the bootstrap gives one for the data folder).
        self.login_start: Callable[[], Autostart] | None = None

        self.setWindowTitle(self.tr("Steady"))
        self.resize(900, 720)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)

        frame = build_frame(self)
        self.help_button, self.notice, self.status_line = frame.help, frame.notice, frame.status
        self.waiting, self.stack = frame.waiting, frame.stack
        self.start_requests = StartRequests(self.waiting, self, parent=self)

        self._connect_signals()
        if not (start_id and self.start_exercise(start_id)):
            self.go_home()
        if light_start:  # the rest once the first frame is on screen
            self._first_frame_watch = FirstFrame(self, self.finish_start)
        else:
            self.finish_start()

    def _connect_signals(self) -> None:
        for keys in (QKeySequence(Qt.Key.Key_F1), QKeySequence("Ctrl+H")):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.show_help)
        self.help_button.clicked.connect(self.show_help)
        self.help_door.shown.connect(self.helpShown)
        self.keeper.changed.connect(self.on_settings_changed)
        self.stack.currentChanged.connect(self.on_page_changed)
        self.library_service.changed.connect(self.on_library_changed)
        self.historyRequested.connect(self.show_history)
        self.settingsRequested.connect(self.show_settings)
        self.flow.saved.connect(self.on_log_changed)

    # ------------------------------------------------------------------ pages made on first use

    @property
    def launcher(self) -> LauncherPage:
        if self._launcher is None:
            from app.ui.distress.launcher import LauncherPage

            page = self._launcher = LauncherPage(self.stack)
            self.stack.addWidget(page)
            page.exerciseChosen.connect(self.start_exercise)
            page.historyRequested.connect(self.historyRequested)
            page.settingsRequested.connect(self.settingsRequested)
            page.planRequested.connect(self.show_plan)
            self.refresh_launcher()
        return self._launcher

    @property
    def before(self) -> BeforePage:
        if self._before is None:
            from app.ui.distress.rating import BeforePage

            page = self._before = BeforePage(self.stack)
            self.stack.addWidget(page)
            page.suggest = self.steps.suggestion
            page.confirmed.connect(self.steps.on_before_confirmed)
            page.confirmed.connect(self.on_session_begun)
            page.cancelled.connect(self.on_before_cancelled)
            page.helpRequested.connect(self.show_help)
            page.switchRequested.connect(self.steps.on_switch)
        return self._before

    @property
    def after(self) -> AfterPage:
        if self._after is None:
            from app.ui.distress.rating import AfterPage

            page = self._after = AfterPage(self.stack)
            self.stack.addWidget(page)
            page.confirmed.connect(self.steps.on_after_confirmed)
            page.edited.connect(self.flow.keep_draft)  # kept as typed: a crash loses nothing
        return self._after

    @property
    def summary(self) -> SummaryPage:
        if self._summary is None:
            from app.ui.distress.summary import SummaryPage

            page = self._summary = SummaryPage(self.stack, clock=self._clock)
            self.stack.addWidget(page)
            page.home.connect(self.go_home)
            page.other.connect(self.on_other_exercise)
            page.again.connect(self.steps.on_again)
            page.helpRequested.connect(self.show_help)
            page.keepRequested.connect(self.steps.keep_elsewhere)
            page.planRequested.connect(self.show_plan)
        return self._summary

    @property
    def cues(self) -> ExerciseCues:
        """Sound and spoken cues for exercise pages (made with the first one)."""
        if self._cues is None:
            from app.ui.exercise.cues import ExerciseCues

            self._cues = ExerciseCues(lambda: self.settings, parent=self)
        return self._cues

    @property
    def own_exercises(self) -> OwnExercises | None:
        """One's own exercises (editor, live folder, import/export); needs the data folder.

        Made after the first frame (:meth:`finish_start`) or when first asked for.
        """
        if self._own_exercises is None and self._data_dir is not None:
            from app.ui.editor.own_exercises import OwnExercises

            self.launcher  # noqa: B018 - its actions sit on the launcher
            self._own_exercises = OwnExercises(self, self.library_service, self._data_dir,
                                               clock=self._clock, parent=self)
        return self._own_exercises

    def finish_start(self) -> None:
        """What the first frame could wait for: one's own exercises, their folder watch,
        and keeping the focus in view (the window's activation moves the focus; seeing
        to it then would lay the page out once more before the first frame)."""
        self.own_exercises  # noqa: B018 - made now, if not yet
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_focus_changed)
            from app.ui.widgets.focus_ring import FocusRings

            FocusRings.install(app)  # focus seen on filled buttons too

    def after_first_frame(self, then: Callable[[], object], *, first: bool = False) -> None:
        """Run ``then`` once the first frame is painted (now, if it has been or
        the window was not made with ``light_start``); with ``first``, before the
        rest waiting for it."""
        watch = self._first_frame_watch
        if watch is None or not watch.waiting:
            then()
        else:
            watch.then.insert(0 if first else len(watch.then), then)

    def silence_cues(self) -> None:
        """Stop any sound or speech now (there is none if no exercise was opened)."""
        if self._cues is not None:
            self._cues.silence()

    # ------------------------------------------------------------------ navigation

    def refresh_launcher(self) -> None:
        """"Start now" begins the exercise chosen in Settings; beside it, smaller, what has
        helped most (when that is something else, and needs nothing to hand)."""
        if self._launcher is None:
            return  # filled in when it is first made
        self._launcher_stale = False
        self.launcher.set_library(self.library, hidden_tags=self.settings.hidden_tags(),
                                  default_id=self.settings.default_exercise,
                                  helped=self.helped_most(),
                                  looked_in=paths.exercise_folders(self._data_dir))

    @property
    def library(self) -> Library:
        """The exercises in use (the library service's)."""
        return self.library_service.library

    @Slot(object)
    def on_library_changed(self, _library: Library) -> None:
        self.refresh_launcher()
        if self._plan_door is not None:
            self._plan_door.refresh()
        self.settings_door.refresh(self.library)

    def helped_most(self) -> BestExercise | None:
        """Beside "Start now": the domain's rule (:func:`beside_start_now`)."""
        return beside_start_now(lambda: self.store.stats("exercise"), self.library,
                                hidden_tags=self.settings.hidden_tags(),
                                start_now=self.settings.default_exercise)

    def current_page(self) -> QWidget | None:
        """The page on show: there is always one once the window is made."""
        return self.stack.currentWidget()

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        page.setFocus(Qt.FocusReason.OtherFocusReason)
        show_focus(page)

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` (added to the stack first if it is new), with the focus in it."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self._show(page)

    def remove_page(self, page: QWidget) -> None:
        self.stack.removeWidget(page)

    def clear_search(self) -> None:
        if self._launcher is not None:
            self._launcher.filter.clear()

    # ------------------------------------------------------------------ the session

    @property
    def flow(self) -> SessionFlow:
        return self.steps.flow

    @property
    def exercise_page(self) -> ExercisePage | None:
        return self.steps.exercise_page

    @Slot(str)
    def start_exercise(self, exercise_id: str) -> bool:
        """Open ``exercise_id``'s before rating. False when there is no such exercise."""
        self.waiting.clear()
        return self.steps.start(exercise_id)

    def request_start(self, exercise_id: str) -> str:
        """An exercise asked for from outside (``steady start ID``, the tray): started at
        once ("started"), or, while the person is in the middle of something, waiting
        for them ("waiting"); "unknown" for no such exercise (waiting.py)."""
        return self.start_requests.request(exercise_id)

    def busy(self) -> bool:
        """Whether the person is doing something an exercise must not replace: an
        exercise, a rating chosen, a note or tags typed, changes in the editor or
        Settings not yet saved."""
        page = self.current_page()
        if self.exercise_page is not None:
            return True
        if page is self._before and self._before is not None:
            return self._before.scale.value() is not None
        if page is self._after and self._after is not None:
            return self._after.holds_input()
        if self.settings_door.is_dirty():
            return True
        own = self._own_exercises
        editor = own.editor if own is not None else None
        return editor is not None and page is editor and editor.is_dirty()

    def leave_for_exercise(self) -> None:
        """An exercise that waited is gone to: one under way stops (kept as stopped, like
        Esc), and what was typed in Settings is kept (as Back does)."""
        if self.exercise_page is not None:
            self.exercise_page.stop()
        if self.current_page() is self.settings_page:
            self.settings_door.keep_changes()

    def current_exercise_id(self) -> str | None:
        """The exercise being rated, practised or summed up; None at home."""
        return self.steps.exercise.id if self.steps.exercise is not None else None

    @Slot()
    def on_other_exercise(self) -> None:
        """Home, with the focus on the exercises: the first that is neither Start now's
        nor the one just done (another one, this time)."""
        done = self.current_exercise_id()
        self.go_home()
        tiles = self.launcher.visible_tiles()
        skip = {self.settings.default_exercise, done}
        current = next((t for t in tiles if t.exercise.id not in skip), None)
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_before_cancelled(self) -> None:
        """Back from a before rating: a level given there puts what suits it first."""
        from app.domain.levels import state_for  # only once a rating page is in use

        before = self.before
        self.launcher.set_state(state_for(before.scale.value(), before.numb.isChecked()))
        self.go_home()

    @Slot()
    def on_session_begun(self) -> None:
        """A session began: the launcher is in its usual order again."""
        if self._launcher is not None:
            self._launcher.set_state(None)

    @Slot()
    def go_home(self) -> None:
        self.steps.finish()
        if self._launcher_stale:
            self.refresh_launcher()
        self.clear_search()  # back home, every exercise is in sight again
        self._show(self.launcher)

    # ------------------------------------------------------------------ history

    @Slot()
    def show_history(self) -> None:
        """Open History (made on first use, read again each time); Esc or Back go home."""
        page = self.history_page
        if page is None:
            from app.ui.history.page import HistoryPage
            from app.ui.history.sharing import log_files_for

            page = HistoryPage(self.store)
            page.forget_plan = self.plan_door.forget  # "Delete everything" takes it too
            page.log_files = partial(log_files_for, self.store, self._data_dir, self._plans)
            page.closed.connect(self.go_home)
            page.sessionsDeleted.connect(self.on_log_changed)
            self.history_page = page
            self.stack.addWidget(page)
        else:
            page.refresh()
        self._show(page)

    # ------------------------------------------------------------------ the coping plan

    @property
    def plan_door(self) -> PlanDoor:
        """The way to the coping plan (made, and its module loaded, when first used)."""
        if self._plan_door is None:
            from app.ui.plan.door import PlanDoor

            self._plan_door = PlanDoor(self, self._plans, parent=self)
        return self._plan_door

    @Slot()
    def show_plan(self) -> None:
        self.plan_door.open()

    def warning_sign_in(self, tags: tuple[str, ...]) -> str | None:
        """A warning sign of the plan that one of ``tags`` matches, offered once a run
        (without tags the plan is not even read)."""
        return self.plan_door.offer_for(tags) if tags else None

    def has_page(self, page: QWidget) -> bool:
        return self.stack.indexOf(page) >= 0

    @Slot()
    def on_log_changed(self) -> None:
        """A session was saved or deleted: "Start now" is worked out again on the way home."""
        self._launcher_stale = True

    # ------------------------------------------------------------------ help and notices

    @Slot()
    def show_help(self) -> None:
        self.help_door.open()

    @property
    def help_dialog(self) -> HelpDialog | None:
        return self.help_door.dialog

    # ------------------------------------------------------------------ settings, first run

    @Slot()
    def show_settings(self, section: str = "") -> None:
        """Open Settings (at ``section``, e.g. "contacts"); Back returns to this page."""
        self.settings_door.show(section)

    @Slot()
    def show_contacts(self) -> None:
        self.settings_door.show("contacts")

    @property
    def settings_page(self) -> SettingsPage | None:
        return self.settings_door.page

    @property
    def welcome_page(self) -> WelcomePage | None:
        return self.settings_door.welcome

    def show_welcome(self) -> None:
        self.settings_door.show_welcome()

    @Slot(QWidget, QWidget)
    def on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Focus that arrives in a page from outside its scroll area (Tab from "Get help
        now" above it, or from buttons below it) is scrolled into view too.

        Not focus a mouse press gave: what was pressed is in sight already, and moving
        the page under the pointer would take the click's release somewhere else."""
        page = self.current_page()
        if new is None or page is None or not page.isVisible() or not page.isAncestorOf(new):
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return
        scroll_into_view(new, page)

    @property
    def settings(self) -> Settings:
        return self.keeper.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.keeper.settings = settings

    @property
    def settings_writer(self) -> Callable[[Settings], object] | None:
        """Writes settings to disk; None keeps them in memory only (see SettingsKeeper)."""
        return self.keeper.writer

    @settings_writer.setter
    def settings_writer(self, writer: Callable[[Settings], object] | None) -> None:
        self.keeper.writer = writer

    def apply_settings(self, settings: Settings) -> str:
        """Use ``settings`` now and write them. Returns what went wrong saving, or ""."""
        return self.keeper.apply(settings)

    @Slot(object)
    def on_settings_changed(self, settings: Settings) -> None:
        self.refresh_launcher()
        if self._plan_door is not None:
            self._plan_door.refresh()  # contacts and health settings show there
        self.settingsChanged.emit(settings)

    def show_status(self, text: str) -> None:
        """A short, calm line at the top (e.g. "Saved"), gone when the page changes."""
        self.status_line.setText(text)
        self.status_line.setVisible(bool(text))

    @Slot(int)
    def on_page_changed(self, _index: int) -> None:
        self.show_status("")

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def closeEvent(self, event: QCloseEvent) -> None:
        own = self._own_exercises  # never made: nothing of one's own is open
        if own is not None and not own.may_close():
            event.ignore()  # unsaved changes in the editor, and the person kept them
            return
        self.prepare_to_quit()
        # A quit by a signal (logging out, shutting down) must never wait on a question.
        if self.asks_before_closing and not self.steps.may_close(self):
            event.ignore()  # sessions no disk took, and the person chose to keep them
            return
        super().closeEvent(event)

    def prepare_to_quit(self) -> None:
        """Steady is closing: what the person entered is written, nothing is asked."""
        if self.exercise_page is not None:
            self.exercise_page.stop()  # records the session as stopped, via `stopped`
        self.settings_door.keep_changes()  # a contact typed in, then the window closed
        if self._plan_door is not None:
            self._plan_door.flush()  # the plan as typed, not yet written


def show_focus(page: QWidget) -> None:
    """Scroll ``page`` so that what has the focus in it is in full view (a page shown
    again keeps its scroll position, which may have left it out of sight). Not before
    the window is first shown: a new page starts at the top, and asking now would lay
    it out an extra time before the first frame."""
    if page.isVisible():
        scroll_into_view(page.focusWidget(), page)


@dataclass(frozen=True)
class Frame:
    """The window's frame around its pages (see :func:`build_frame`)."""

    help: QPushButton
    notice: QLabel
    status: QLabel
    waiting: WaitingButton
    stack: QStackedWidget


def build_frame(window: QMainWindow) -> Frame:
    """The window's frame: a header with "Get help now", a notice line (something to
    act on), a status line (calm news: "Saved"), a button in the header for an
    exercise asked for from outside while the person was busy, and the stack of
    pages under them.

    Built from the top down: a widget made inside its parent is styled once, where
    one built alone and then moved in is styled again for each move.
    """
    central = QWidget(window)
    window.setCentralWidget(central)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    top = QHBoxLayout()
    top.setContentsMargins(32, 14, 32, 0)
    layout.addLayout(top)
    name = label(QCoreApplication.translate("MainWindow", "Steady"), "section", central,
                 selectable=False)
    top.addWidget(name)
    top.addStretch(1)
    waiting = WaitingButton(window, central, replaces=name)
    top.addWidget(waiting)
    help_button = make_button(QCoreApplication.translate("MainWindow", "Get help now"),
                              role="help", description=QCoreApplication.translate(
                                  "MainWindow", "Your contacts and helplines (F1)"),
                              parent=central)
    help_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    top.addWidget(help_button)
    notice_row = QHBoxLayout()
    notice_row.setContentsMargins(32, 0, 32, 0)
    layout.addLayout(notice_row)
    notice = label("", "caution", central)
    notice.hide()
    status = label("", "muted", central)
    status.setTextFormat(Qt.TextFormat.PlainText)
    status.setAccessibleName(QCoreApplication.translate("MainWindow", "Status"))
    status.hide()
    notice_box = QVBoxLayout()
    notice_box.addWidget(notice)
    notice_box.addWidget(status)
    notice_row.addLayout(notice_box)
    stack = QStackedWidget(central)
    layout.addWidget(stack, 1)
    return Frame(help_button, notice, status, waiting, stack)
