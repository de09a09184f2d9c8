"""SIGTERM (log-out, shut-down, ``kill``), SIGINT (Ctrl+C in a terminal) and SIGHUP (the
terminal closed) quit Steady as its own Quit does: what was entered is written first,
then the event loop ends.

Qt's event loop runs in C++, so a Python signal handler alone would run only when
Python next runs, which an idle window may never do, and the signal would seem
ignored; without a handler, SIGTERM ends the process at once. Here the handler is
a no-op; what matters is that Python then writes the signal's number to a pipe
(:func:`signal.set_wakeup_fd`) and a :class:`QSocketNotifier` on the other end
wakes the loop. Nothing polls: no timer, no wake-ups while idle.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, Slot

log = logging.getLogger(__name__)

#: The signals that ask a program to end.
QUIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class QuitOnSignals(QObject):
    """Calls ``on_quit`` (once) when one of :data:`QUIT_SIGNALS` arrives."""

    def __init__(self, on_quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self.received: list[int] = []
        self._read, self._write = _pipe()
        signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
        for number in QUIT_SIGNALS:
            signal.signal(number, _note)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.on_ready)
        log.debug("quitting as Quit does on %s", ", ".join(s.name for s in QUIT_SIGNALS))

    @Slot()
    def on_ready(self) -> None:
        try:
            data = os.read(self._read, 64)
        except (BlockingIOError, InterruptedError):
            return
        numbers = [n for n in data if n in {int(s) for s in QUIT_SIGNALS}]
        first = numbers and not self.received  # a second signal while quitting: noted only
        self.received.extend(numbers)
        if first:
            log.info("quitting on signal %s", signal.Signals(numbers[0]).name)
            self._on_quit()


def _note(_number: int, _frame: object) -> None:
    """The Python-level handler: the wake-up byte is what counts."""


def _pipe() -> tuple[int, int]:
    read, write = os.pipe()
    for fd in (read, write):
        os.set_blocking(fd, False)
    return read, write
