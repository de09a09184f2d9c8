"""Practice reminders while Steady runs: one single-shot timer to the next one, or none.

:class:`ReminderClock` keeps at most one ``QTimer`` (single shot, parented),
set to the next reminder the schedule gives
(:func:`app.domain.reminders.next_reminder`). With no reminder set there is
no timer at all: Steady never wakes for reminders it does not have. When the
timer fires, or when the time may have moved under it (the computer woke,
the time zone changed, the window came forward: :meth:`recompute`), it asks
the schedule whether one is due (:func:`~app.domain.reminders.due_reminder`:
at most one, and only one that passed a moment ago), says so with
:attr:`due`, and sets the timer to the next. Whether and how to show it is
the window's (nothing while an exercise is under way).

Time is injected: ``clock`` gives the time now (aware), ``zone`` the time
zone to read the person's wall times in.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from app.domain.reminders import Reminders, due_reminder, next_reminder
from app.domain.session import utc_now
from app.services.local_time import local_zone
from app.services.wake_watch import WakeWatch

#: The longest a Qt timer can wait (milliseconds); a later reminder is waited for in steps.
LONGEST_WAIT_MS = 2**31 - 1


class ReminderClock(QObject):
    """Says :attr:`due` (the exercise to start, "" for the default) when a reminder comes.

    ``watch`` makes a :class:`~app.services.wake_watch.WakeWatch` while reminders
    are set (None: do without one, as the tests do).
    """

    due = Signal(str)

    def __init__(self, parent: QObject | None = None, *,
                 clock: Callable[[], datetime] = utc_now,
                 zone: Callable[[], tzinfo] = local_zone,
                 watch: Callable[[QObject], WakeWatch] | None = WakeWatch) -> None:
        super().__init__(parent)
        self._clock = clock
        self._zone = zone
        self._make_watch = watch
        self._reminders = Reminders()
        self._timer: QTimer | None = None
        self._watch: WakeWatch | None = None
        self._since: datetime | None = None  # when the schedule was last looked at
        self._shown: datetime | None = None  # the last reminder said to be due
        self._next: datetime | None = None

    # ------------------------------------------------------------------ reading

    @property
    def reminders(self) -> Reminders:
        return self._reminders

    def timer(self) -> QTimer | None:
        """The one timer, while a reminder is to come; None otherwise."""
        return self._timer

    def next_at(self) -> datetime | None:
        """When the next reminder comes (UTC), or None."""
        return self._next

    # ------------------------------------------------------------------ setting

    def set_reminders(self, reminders: Reminders) -> None:
        """Use ``reminders`` from now on: the next one is worked out afresh; none that
        passed before now is shown."""
        self._reminders = reminders
        self._since = self._clock()
        self._schedule(self._since)

    @Slot()
    def recompute(self) -> None:
        """The time may have moved (sleep, a time zone, a clock set): look again."""
        if self._reminders.active:
            self._look()

    @Slot()
    def on_timeout(self) -> None:
        self._look()

    def _look(self) -> None:
        now = self._clock()
        since = self._since if self._since is not None else now
        moment = due_reminder(self._reminders, since, now, self._zone())
        self._since = now
        if moment is not None and (self._shown is None or moment > self._shown):
            self._shown = moment
            self.due.emit(self._reminders.exercise)
        self._schedule(now)

    def _schedule(self, now: datetime) -> None:
        self._next = next_reminder(self._reminders, now, self._zone())
        if self._next is None:
            self._stop()
            return
        timer = self._timer
        if timer is None:
            timer = self._timer = QTimer(self)
            timer.setObjectName("reminderTimer")
            timer.setSingleShot(True)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.timeout.connect(self.on_timeout)
        if self._watch is None and self._make_watch is not None:
            self._watch = self._make_watch(self)
            self._watch.changed.connect(self.recompute)
        wait = math.ceil((self._next - now).total_seconds() * 1000)
        timer.start(max(0, min(wait, LONGEST_WAIT_MS)))

    def _stop(self) -> None:
        """No reminder to come: no timer and no watch are kept."""
        if self._timer is not None:
            self._timer.stop()
            self._timer.setParent(None)
            self._timer.deleteLater()
            self._timer = None
        if self._watch is not None:
            self._watch.setParent(None)
            self._watch.deleteLater()
            self._watch = None
