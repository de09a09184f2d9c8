"""The first frame: what a light start runs once the window is on screen."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: The longest a light start waits for its first frame before finishing anyway.
FIRST_FRAME_WAIT_MS = 2000


class FirstFrame(QObject):
    """Runs each of :attr:`then`, in order, once ``window`` has painted its first frame.

    If no frame comes within :data:`FIRST_FRAME_WAIT_MS` of the window being made
    (a window that cannot be shown), they run anyway: listening for a second
    Steady must never wait on a paint.
    """

    def __init__(self, window: QWidget, *then: Callable[[], object]) -> None:
        super().__init__(window)
        self.then = list(then)
        self.waiting = True
        self._window = window
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FIRST_FRAME_WAIT_MS)
        self._fallback.timeout.connect(self._run)
        self._fallback.start()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.waiting:
            watched.removeEventFilter(self)
            self._fallback.stop()  # no wake-up left behind once the frame is up
            QTimer.singleShot(0, self, self._run)  # once this frame has been flushed
        return False

    def _run(self) -> None:
        if not self.waiting:
            return
        self.waiting = False
        self._fallback.stop()
        self._window.removeEventFilter(self)
        then, self.then = self.then, []
        for call in then:
            try:
                call()
            except Exception:  # one failing must not keep the others (listening) from running
                log.exception("after the first frame: %r failed", call)
