"""An exercise asked for from outside waits, rather than replacing what the person is doing.

A ``steady start ID`` (a desktop shortcut) or the tray's menu may ask for an
exercise while the person is in the middle of something: rating how they feel
afterwards, writing a note, editing an exercise, changing Settings, or doing an
exercise. Nothing they typed is thrown away or saved behind their back: the
window comes forward and :class:`WaitingButton`, in the header beside "Get help
now", says that the exercise is waiting, with one key (Ctrl+G) to go to it when
they are ready.

It sits in the header, not in a bar of its own, because the header is there on
every page anyway: a small window with large text has no room for one more row
above an exercise. Its words fit the room there, longest first.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.loader import Library
from app.ui.widgets.common import Button, announce

#: The key that goes to a waiting exercise.
GO_KEYS = "Ctrl+G"


class WaitingButton(Button):
    """ "Box breathing is waiting: go to it (Ctrl+G)", in as many words as there is room
    for. While shown it takes the place of ``replaces`` (the header's name)."""

    goRequested = Signal(str)  # the waiting exercise's id

    def __init__(self, window: QWidget, parent: QWidget | None = None, *,
                 replaces: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waiting")
        self.setAutoDefault(False)
        # Narrower than its longest words when room is short (then fewer words).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.exercise_id = ""
        self.wordings: list[str] = []
        self._replaces = replaces
        self.go_keys = QShortcut(QKeySequence(GO_KEYS), window)
        self.go_keys.setContext(Qt.ShortcutContext.WindowShortcut)
        self.clicked.connect(self.on_go)
        self.go_keys.activated.connect(self.on_go)
        self.setAccessibleName(self.tr("A waiting exercise"))  # named before it is shown
        self.hide()

    def wait_for(self, exercise_id: str, title: str) -> None:
        self.exercise_id = exercise_id
        keys = GO_KEYS
        self.wordings = [  # longest first; the last fits even at 200% beside "Get help now"
            self.tr("“%1” is waiting: go to it (%2)").replace("%1", title).replace("%2", keys),
            self.tr("“%1” is waiting (%2)").replace("%1", title).replace("%2", keys),
            self.tr("Waiting: go to it (%1)").replace("%1", keys),
            self.tr("Waiting (%1)").replace("%1", keys),
            self.tr("Waiting"),  # 200% text in a small window: the key is in its tooltip
        ]
        said = self.tr("“%1” is waiting for you.").replace("%1", title)
        calm = self.tr("Finish here first if you like; nothing you typed is lost.")
        self.setAccessibleName(said + " " + self.tr("Go to it"))
        self.setAccessibleDescription(calm + " " + self.tr("Keys: %1").replace("%1", keys))
        self.setToolTip(said + " " + calm)
        self.updateGeometry()
        if self._replaces is not None:
            self._replaces.hide()
        self.show()
        self._fit(self.width())  # a resize may not follow, if the width stays the same
        announce(self, said)

    def clear(self) -> None:
        self.exercise_id = ""
        self.hide()
        if self._replaces is not None:
            self._replaces.show()

    def _size_for(self, text: str) -> QSize:
        from PySide6.QtWidgets import QStyle, QStyleOptionButton  # only once words are set

        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        metrics = self.fontMetrics()
        inner = QSize(metrics.horizontalAdvance(text), metrics.height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option,
                                             inner, self)

    def sizeHint(self) -> QSize:
        return self._size_for(self.wordings[0]) if self.wordings else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._size_for(self.wordings[-1]) if self.wordings else super().sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, room: int) -> None:
        """The longest wording that fits ``room`` pixels (the shortest if none does)."""
        if not self.wordings:
            return
        fits = [w for w in self.wordings if self._size_for(w).width() <= room]
        chosen = fits[0] if fits else self.wordings[-1]
        if chosen != self.text():
            self.setText(chosen)

    @Slot()
    def on_go(self) -> None:
        if self.exercise_id:
            self.goRequested.emit(self.exercise_id)


class WaitingHost(Protocol):
    """What a start asked for from outside needs from the window."""

    @property
    def library(self) -> Library: ...

    def busy(self) -> bool: ...

    def leave_for_exercise(self) -> None: ...

    def start_exercise(self, exercise_id: str) -> bool: ...


class StartRequests(QObject):
    """An exercise asked for from outside: started at once, or waiting on ``button``
    while the person is busy, until they go to it."""

    def __init__(self, button: WaitingButton, host: WaitingHost,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.button = button
        self.host = host
        button.goRequested.connect(self.on_go)

    def request(self, exercise_id: str) -> str:
        """"started", "waiting" (the person is busy), or "unknown" (no such exercise)."""
        exercise = self.host.library.get(exercise_id)
        if exercise is None:
            return "unknown"
        if not self.host.busy():
            self.host.start_exercise(exercise_id)
            return "started"
        self.button.wait_for(exercise_id, exercise.title)
        return "waiting"

    @Slot(str)
    def on_go(self, exercise_id: str) -> None:
        """Leave what the person was doing, keeping what they typed, for the exercise."""
        self.host.leave_for_exercise()
        self.host.start_exercise(exercise_id)
