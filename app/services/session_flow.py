"""One session from first rating to summary, handed to the store as it goes.

The row is written when the first rating is given or skipped, and updated as
the session ends (docs/ARCHITECTURE.md, "The log"). If a write fails (a full disk, a
locked file) the record is kept here and written again on the next step, and
the window is told, so nothing the person entered is lost.

The after page is kept as it is typed (:meth:`SessionFlow.keep_draft`): held
here at once and written :data:`DRAFT_DELAY_MS` after the last change, and at
the latest when the session is let go or the application quits, so a crash on
that page loses at most the last moment of typing. While writes are failing,
drafts are only held (each try may wait 2 s for a lock): the next step retries.
Each earlier session still unwritten is tried on its own, so one that fails
never holds up another.

Time: how long the exercise ran is measured by the pages on the monotonic
clock (a clock change cannot stretch or shrink it); ``started_at`` and
``ended_at`` are stamped from the wall clock (``now``) as it reads, even when it
was set back mid-session, and the log keeps them as they are.

Where each save went (:attr:`SessionFlow.saved_to`) tells the summary what it
may say: "Saved on this computer" only after a save the log checked.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from app.domain.exercise import Exercise
from app.domain.session import (
    MAX_NOTE_CHARS,
    Saved,
    SavedTo,
    SessionRecord,
    SessionStore,
    Status,
    utc_now,
)
from app.storage.files import write_durable
from app.storage.records import MAX_SECONDS, MAX_TAGS, clean_tag, clean_title, stamp

log = logging.getLogger(__name__)

#: The longest a change on the after page waits to be written. Counted from the first
#: change not yet written, not from the last: typing without a pause is written too.
DRAFT_DELAY_MS = 500


class SessionFlow(QObject):
    """Holds the session under way and saves it at each step."""

    saved = Signal(str)  # session id: the store took it (see saved_to for where)
    saveFailed = Signal(str)  # a message for the person (never their words)
    notice = Signal(str)  # something saving did that the person should know

    def __init__(self, store: SessionStore, *, now: Callable[[], datetime] = utc_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._now = now
        self._record: SessionRecord | None = None
        self._exercise: Exercise | None = None
        self._unsaved = False
        self._saved_to: SavedTo | None = None
        #: Sessions the store could keep only in memory, by id (nothing on disk took them).
        self._in_memory: dict[str, SessionRecord] = {}
        #: Earlier sessions whose last write failed, by id: written with the next one.
        self._unwritten: dict[str, SessionRecord] = {}
        self._draft_pending = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.on_quit)

    @property
    def record(self) -> SessionRecord | None:
        return self._record

    @property
    def exercise(self) -> Exercise | None:
        return self._exercise

    @property
    def unsaved(self) -> bool:
        """True while the latest step (or an earlier session) could not be written yet."""
        return self._unsaved or bool(self._unwritten)

    @property
    def saved_to(self) -> SavedTo | None:
        """Where the session under way was last kept (None: nowhere yet but here).

        "recovery" while the log could not take it: a recovery file on disk holds
        it, and the log is tried again at the next step."""
        return self._saved_to

    def rate_before(self, exercise: Exercise, rating: int | None, *, numb: bool,
                    planned_seconds: float) -> SessionRecord:
        """The first rating (or its skip): the session starts and is written.

        The title and planned length are fitted to what the log can hold, so no
        exercise file, however odd, can make the session unsavable.
        """
        self.flush_draft()  # a previous session's after page, if never let go
        if self._unsaved and self._record is not None:  # kept, not dropped, for the next write
            self._unwritten[self._record.id] = self._record
        self._exercise = exercise
        self._saved_to = None
        self._record = SessionRecord(
            exercise_id=exercise.id, exercise_title=clean_title(exercise.title, exercise.id),
            started_at=stamp(self._now()), before=rating, numb_before=numb,
            planned_seconds=_seconds(planned_seconds),
        )
        self._save()
        return self._record

    def exercise_ended(self, practised_seconds: float, *, completed: bool) -> None:
        """The exercise finished on its own, or the person stopped it."""
        status: Status = "completed" if completed else "stopped"
        self._update(status=status, practised_seconds=_seconds(round(practised_seconds, 1)),
                     ended_at=stamp(self._now()))

    def rate_after(self, rating: int | None, *, numb: bool, note: str,
                   tags: tuple[str, ...]) -> SessionRecord | None:
        self._draft_timer.stop()
        self._draft_pending = False
        self._update(after=rating, numb_after=numb, note=clean_note(note),
                     tags=clean_tags(tags))
        return self._record

    @Slot(object, bool, str, object)
    def keep_draft(self, rating: int | None, numb: bool, note: str,
                   tags: tuple[str, ...]) -> None:
        """The after page as typed so far, not yet confirmed: kept now, written soon."""
        if self._record is None:
            return
        draft = self._record.with_(after=rating, numb_after=numb, note=clean_note(note),
                                   tags=clean_tags(tuple(tags)))
        if draft != self._record:
            self._record = draft
            self._draft_pending = True
            # While writes fail (a lock waits 2 s), the next step retries. A write already
            # waiting is not put off: steady typing would put it off until a pause.
            if not self._unsaved and not self._draft_timer.isActive():
                self._draft_timer.start()

    @Slot()
    def flush_draft(self) -> None:
        """Write a draft whose delay is over (or that cannot wait)."""
        self._draft_timer.stop()
        if self._draft_pending:
            self._draft_pending = False
            self._save()

    @Slot()
    def on_quit(self) -> None:
        """The application is quitting: one last try for anything not written yet."""
        self._draft_timer.stop()
        if self._draft_pending or self.unsaved:
            self._draft_pending = False
            self._save()

    def finish(self) -> None:
        """The summary was seen: try once more if the last write failed, then let go."""
        pending, self._draft_pending = self._draft_pending, False
        self._draft_timer.stop()
        if self._unsaved or pending:
            self._save()
        if not self._unsaved:
            self._record = None
            self._exercise = None

    def _update(self, **changes: object) -> None:
        if self._record is None:
            return
        self._record = self._record.with_(**changes)
        self._save()

    def _save(self) -> None:
        record = self._record
        if record is None:
            return
        try:
            saved = self._store.save(record)
        except Exception as err:
            self._unsaved = True
            self._saved_to = None
            self._in_memory[record.id] = record  # on no disk, for now
            log.warning("could not save session %s: %s", record.id, type(err).__name__)
            self.saveFailed.emit(str(err))
            return
        self._saved_to = saved.where
        self._note_where(record, saved)
        if saved.problem:  # kept safe elsewhere; the log is tried again at the next step
            self._unsaved = True
            log.warning("could not save session %s in the log; kept in a recovery file",
                        record.id)
            self.saveFailed.emit(saved.problem)
        else:
            self._unsaved = False
            self.saved.emit(record.id)
        if saved.notice:  # after `saved`, which clears a notice about a failed save
            self.notice.emit(saved.notice)
        if not saved.problem:
            self._save_earlier()

    def _save_earlier(self) -> None:
        """Earlier sessions still unwritten, each tried on its own."""
        for session_id, earlier in list(self._unwritten.items()):
            try:
                saved = self._store.save(earlier)
            except Exception as err:  # kept for the next try; the others go on
                log.warning("could not save earlier session %s: %s", session_id,
                            type(err).__name__)
                continue
            self._note_where(earlier, saved)
            if saved.problem:  # kept safe, and tried again with the next one
                continue
            del self._unwritten[session_id]
            if saved.notice:
                self.notice.emit(saved.notice)

    def _note_where(self, record: SessionRecord, saved: Saved) -> None:
        if saved.on_disk:
            self._in_memory.pop(record.id, None)
        else:
            self._in_memory[record.id] = record

    # ------------------------------------------------------------------ nowhere on disk

    def held(self) -> list[SessionRecord]:
        """Sessions that are on no disk, only in Steady's hands: not written at all, or
        kept in memory because nothing could take them. Oldest first."""
        return sorted(self._in_memory.values(), key=lambda r: r.started_at)

    def save_elsewhere(self, path: Path) -> int:
        """Write every session Steady still has to ``path`` as an export (JSON) that
        ``steady import`` takes back later: what the log still gives (even a log whose
        folder is gone is still open) and :meth:`held`. Returns how many. Raises
        OSError when ``path`` cannot be written."""
        from app.storage.exchange import export_records  # rarely needed: not at start-up

        found: dict[str, SessionRecord] = {}
        with contextlib.suppress(Exception):  # what the log gives; held ones come anyway
            found.update((r.id, r) for r in self._store.sessions())
        found.update((r.id, r) for r in self.held())
        records = sorted(found.values(), key=lambda r: r.started_at)
        buffer = io.StringIO()
        export_records(records, buffer, "json")
        write_durable(path, buffer.getvalue())
        return len(records)


def _seconds(value: float) -> float:
    """``value`` within what the log holds: 0 to :data:`MAX_SECONDS` (0 for NaN)."""
    if value != value:  # NaN
        return 0.0
    return min(max(0.0, float(value)), float(MAX_SECONDS))


def clean_note(text: str) -> str:
    """The note as the log can keep it: no NUL or unpaired surrogates, at most the limit."""
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    return text.strip()[:MAX_NOTE_CHARS]


def clean_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """Tags as the log can keep them: cleaned, without repeats, at most the limit."""
    kept: list[str] = []
    for tag in tags:
        cleaned = clean_tag(tag)
        if cleaned and cleaned not in kept:
            kept.append(cleaned)
    return tuple(kept[:MAX_TAGS])
