"""One session across the pages: before rating, exercise, after rating, summary.

:class:`SessionSteps` decides which page comes next and hands what the person
entered to the :class:`~app.services.session_flow.SessionFlow`, which writes
it. The window only holds the pages and shows the one it is asked to
(:class:`Pages`); the order of a session lives here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeAlias

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from app.domain.errors import StorageError
from app.domain.exercise import Exercise
from app.domain.helped import LevelSuggestion, level_suggestion
from app.domain.loader import Library
from app.domain.session import (
    ExerciseStats,
    SessionFilter,
    SessionRecord,
    SessionStore,
    utc_now,
)
from app.domain.settings import Settings
from app.services.session_flow import SessionFlow
from app.ui.shell.kept_sessions import Chooser, choose_file, keep_elsewhere

if TYPE_CHECKING:  # the pages are imported when first made
    from app.domain.levels import StartLevel
    from app.ui.distress.rating import AfterPage, BeforePage
    from app.ui.distress.summary import SummaryPage
    from app.ui.exercise.breathing import BreathingPage
    from app.ui.exercise.cues import ExerciseCues
    from app.ui.exercise.steps import StepsPage
    from app.ui.widgets.dialogs import Question

ExercisePage: TypeAlias = "BreathingPage | StepsPage"


class Pages(Protocol):
    """What the session steps need from the window: its pages, and showing one."""

    @property
    def library(self) -> Library: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def before(self) -> BeforePage: ...

    @property
    def after(self) -> AfterPage: ...

    @property
    def summary(self) -> SummaryPage: ...

    @property
    def cues(self) -> ExerciseCues: ...

    def show_page(self, page: QWidget) -> None:
        """Add ``page`` to the window if it is new, show it and give it the focus."""

    def remove_page(self, page: QWidget) -> None: ...

    def go_home(self) -> None: ...

    def show_notice(self, text: str) -> None:
        """Tell the person something above the page ("" hides it)."""

    def clear_search(self) -> None:
        """Empty the launcher's search, so every exercise is in sight on the way back."""

    def warning_sign_in(self, tags: tuple[str, ...]) -> str | None:
        """A warning sign of the person's plan that one of ``tags`` matches, the first
        time it does while Steady runs; else None."""


class SessionSteps(QObject):
    """Runs one session at a time: ``start`` -> ratings and exercise -> summary."""

    def __init__(self, pages: Pages, store: SessionStore, *,
                 clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], datetime] = utc_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.store = store
        self.flow = SessionFlow(store, now=wall_clock, parent=self)
        self.exercise_page: ExercisePage | None = None
        self.exercise: Exercise | None = None
        self.saved = True  # the last write of the log went through
        self._clock = clock
        self._wall_clock = wall_clock
        self._by_level: dict[StartLevel, list[ExerciseStats]] = {}  # read once per rating
        #: Asks where to save sessions no disk took (tests give one that answers at once).
        self.choose_file: Chooser = choose_file
        self.flow.saveFailed.connect(self.on_save_failed)
        self.flow.saved.connect(self.on_saved)
        self.flow.notice.connect(self.pages.show_notice)

    def start(self, exercise_id: str) -> bool:
        """Open ``exercise_id``'s before rating. False when there is no such exercise."""
        exercise = self.pages.library.get(exercise_id)
        if exercise is None:
            return False
        if self.exercise_page is not None:
            self.exercise_page.stop()
        self.finish()
        self.exercise = exercise
        self._by_level = {}
        before = self.pages.before
        before.show_exercise(exercise)
        self.pages.show_page(before)
        return True

    def suggestion(self, rating: int | None, numb: bool,
                   offered: bool) -> LevelSuggestion | None:
        """What has helped most from the level just given on the before rating (the
        domain's rule), or None; the log's trouble is never a blocker here."""
        exercise = self.exercise
        if exercise is None:
            return None
        settings = self.pages.settings
        return level_suggestion(rating, numb, self._stats_from, self.pages.library,
                                current_id=exercise.id, hidden_tags=settings.hidden_tags(),
                                help_offered=offered)

    def _stats_from(self, level: StartLevel) -> list[ExerciseStats]:
        if level not in self._by_level:
            try:
                self._by_level[level] = list(self.store.stats(
                    "exercise", SessionFilter(start_level=level)))
            except StorageError:
                return []
        return self._by_level[level]

    @Slot(str)
    def on_switch(self, exercise_id: str) -> None:
        """Switch to ``exercise_id``'s before rating, keeping the rating given here."""
        before = self.pages.before
        value, numb, offered = before.scale.value(), before.numb.isChecked(), \
            before.offer.isVisible()
        if self.start(exercise_id):
            self.pages.before.keep_rating(value, numb, offered=offered)

    def finish(self) -> None:
        """Leave the session (going home, or another starting): nothing more is written."""
        self._drop_exercise_page()
        self.flow.finish()
        self.exercise = None

    @Slot(object, bool, object, object)
    def on_before_confirmed(self, rating: int | None, numb: bool, minutes: float | None,
                            cycles: int | None) -> None:
        exercise = self.exercise
        if exercise is None:
            return
        self.flow.rate_before(exercise, rating, numb=numb,
                              planned_seconds=self.pages.before.planned_seconds())
        self.pages.clear_search()
        page: ExercisePage
        if exercise.is_breathing:
            from app.ui.exercise.breathing import BreathingPage

            page = BreathingPage(exercise, minutes=minutes, cycles=cycles,
                                 reduced_motion=self.pages.settings.reduced_motion,
                                 lead_in=self.pages.settings.lead_in, clock=self._clock)
        else:
            from app.ui.exercise.steps import StepsPage

            page = StepsPage(exercise, clock=self._clock)
        page.finished.connect(self.on_exercise_finished)
        page.stopped.connect(self.on_exercise_stopped)
        self.pages.cues.attach(page)
        self.exercise_page = page
        self.pages.show_page(page)
        page.start()

    @Slot(float)
    def on_exercise_finished(self, practised: float) -> None:
        self._end_exercise(practised, completed=True)

    @Slot(float)
    def on_exercise_stopped(self, practised: float) -> None:
        self._end_exercise(practised, completed=False)

    def _end_exercise(self, practised: float, *, completed: bool) -> None:
        self.flow.exercise_ended(practised, completed=completed)
        after = self.pages.after
        after.prepare(self._known_tags(), stopped=not completed)
        self.pages.show_page(after)
        self._drop_exercise_page()

    def _known_tags(self) -> list[str]:
        try:
            return self.store.known_tags()
        except Exception:  # suggestions are a nicety, never a blocker
            return []

    @Slot(object, bool, str, object)
    def on_after_confirmed(self, rating: int | None, numb: bool, note: str,
                           tags: tuple[str, ...]) -> None:
        record = self.flow.rate_after(rating, numb=numb, note=note, tags=tags)
        if record is None:
            self.pages.go_home()
            return
        summary = self.pages.summary
        summary.show_record(record, saved=self.saved, where=self.flow.saved_to,
                            can_keep=bool(self.flow.held()),
                            warning_sign=self.pages.warning_sign_in(record.tags),
                            calm_this_week=self._calm_count(record))
        self.pages.show_page(summary)

    def _calm_count(self, record: SessionRecord) -> int | None:
        """How many times this week (this session too) the person practised while calm,
        when this session began calm; else None. A plain count, never a streak."""
        from app.domain.practice import calm_this_week, is_calm_practice
        from app.services.local_time import first_weekday, local_zone

        if not is_calm_practice(record):
            return None
        try:
            return self.store.count(calm_this_week(self._wall_clock(), local_zone(),
                                                   first_weekday()))
        except Exception:  # a count is a nicety; the summary never waits on it
            return None

    @Slot()
    def keep_elsewhere(self) -> None:
        """ "Save to a file…" on the summary: the sessions no disk took go where chosen."""
        summary = self.pages.summary
        text, _saved = keep_elsewhere(summary, self.flow, self.choose_file)
        if text:
            self.pages.show_notice(text)
            summary.keep_button.setVisible(bool(self.flow.held()))

    @staticmethod
    def ask_before_close(parent: QWidget, question: Question) -> str:
        """The close question, as one call a test can replace (see ConfirmDialog)."""
        from app.ui.widgets.dialogs import ConfirmDialog

        return ConfirmDialog.ask(parent, question)

    def may_close(self, parent: QWidget) -> bool:
        """Closing the window: sessions no disk could take (kept only while Steady is
        open) are offered to a file first, as the summary does. False: stay open."""
        self.flow.on_quit()  # one more try: the disk may have room again
        held = self.flow.held()
        if not held:
            return True
        from app.ui.widgets.common import english_plural
        from app.ui.widgets.dialogs import Answer, Question

        answer = self.ask_before_close(parent, Question(
            self.tr("Sessions not saved"),
            english_plural(self.tr(
                "%n session(s) could not be saved on this computer and would be lost "
                "when Steady closes. Save them to a file first? You can add them to your "
                "log later.", "", len(held)), len(held)),
            (Answer("save", self.tr("Save to a file…"),
                    self.tr("Choose where to keep them, then close")),
             Answer("close", self.tr("Close without them"),
                    self.tr("They are lost")),
             Answer("stay", self.tr("Keep Steady open"))),
            default="save", cancel="stay"))
        if answer == "close":
            return True
        if answer == "save":
            text, saved = keep_elsewhere(parent, self.flow, self.choose_file)
            if text:
                self.pages.show_notice(text)
            return saved  # not written (cancelled, failed): Steady stays open
        return False

    @Slot()
    def on_again(self) -> None:
        if self.exercise is not None:
            self.start(self.exercise.id)

    @Slot(str)
    def on_save_failed(self, message: str) -> None:
        """Said in the window's notice, which stays until a save goes through."""
        self.saved = False
        self.pages.show_notice(self.tr(
            "Steady could not save this session just now (%1). What you entered is kept "
            "while Steady stays open, and saving will be tried again.").replace("%1", message))

    @Slot(str)
    def on_saved(self, _session_id: str) -> None:
        if not self.saved:
            self.pages.show_notice("")  # the notice said this session was not saved
        self.saved = True

    def _drop_exercise_page(self) -> None:
        page, self.exercise_page = self.exercise_page, None
        if page is not None:
            self.pages.remove_page(page)
            page.deleteLater()
